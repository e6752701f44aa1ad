/**
 * The chat's part of `<vitrine-show>`, a lazy chunk with `<vitrine-chat>` itself (show.chat.ts
 * imports it for a show that has a chat): the element's template and where it goes in the show's
 * layouts. From 760px a panel beside the video, under the pinned product, filling the rest of the
 * video's height (it adds none: nothing below moves); below 760px translucent messages over the
 * lower part of the video, between the Play button (72px, centred) and the control bar, with the
 * pinned product below the video, never under the chat.
 */
import { css, html } from 'lit';
import type { ChatModel } from '../../core/chat.js';
import type { ShowStore } from '../../core/store.js';
import '../chat/define.js';

export const styles = css`
  .chat.overlay {
    position: absolute;
    inset: calc(50% + 40px) 0 48px;
    z-index: 2;
    height: auto;
    min-height: 0;
  }
  @container vitrine-show (min-width: 760px) {
    .layout.has-chat {
      grid-template-rows: auto auto minmax(0, 1fr) auto;
      grid-template-areas: 'stage header' 'stage pinned' 'stage chat' 'rail rail';
    }
    .has-chat .pinned {
      block-size: calc(18px + var(--_space) + var(--_pinned-card-height));
    }
    /* The chat, not the description, under the card; a moment comes over the chat's older messages. */
    .has-chat .pinned .about {
      display: none;
    }
    .layout.has-chat:not(.on-stage) > .moments {
      grid-area: auto;
      grid-column: pinned;
      grid-row: pinned-start / chat-end;
    }
    .chat {
      grid-area: chat;
      height: auto;
      min-height: 0;
      /* Sized by its grid area (not its messages), and the hearts stay inside it. */
      contain: strict;
    }
  }
`;

/** `<vitrine-chat>` for the show's layout. `mode` is the show's `chat` attribute. */
export function renderChat(model: ChatModel, store: ShowStore, mode: string | undefined, overlay: boolean, locale: string) {
  return html`<vitrine-chat
    part="chat"
    class=${overlay ? 'chat overlay' : 'chat'}
    layout=${overlay ? 'overlay' : 'panel'}
    chat=${mode === 'off' || mode === 'read-only' ? mode : 'on'}
    locale=${locale}
    .model=${model}
    .store=${store}
  ></vitrine-chat>`;
}
