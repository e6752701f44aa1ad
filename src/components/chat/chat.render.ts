/**
 * The chat's message list and pinned message, as Lit templates (the element keeps the state).
 * Every string from the backend goes in as text: names in `<bdi>`, texts with `dir="auto"`,
 * so a name in Arabic or with bidi tricks cannot reorder what is around it; links stay text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatEntry } from '../../core/chat.js';
import type { ChatMessage } from '../../core/types.js';
import type { ChatMessageKey } from './chat.messages.js';

export interface MessageListContext {
  t: (key: ChatMessageKey, params?: Record<string, string | number>) => string;
  /** The locale of `t` (a message is rendered again when it changes). */
  locale: string;
  /** The message whose menu is open. */
  menuFor: string | null;
  /** The one message action button in the tab order (roving). */
  focusId: string | null;
  reported: ReadonlySet<string>;
  interactive: boolean;
  toggleMenu(id: string): void;
  report(message: ChatMessage): void;
  hide(message: ChatMessage): void;
  retry(entry: ChatEntry): void;
  discard(entry: ChatEntry): void;
  keydown(event: KeyboardEvent, id: string): void;
}

function badge(message: ChatMessage, t: MessageListContext['t']): TemplateResult | typeof nothing {
  if (message.author.role === 'viewer') return nothing;
  return html`<span class="badge ${message.author.role}" part="badge">${t(message.author.role)}</span>`;
}

export function pinnedTemplate(message: ChatMessage | null, t: MessageListContext['t']): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<div class="pinned ${message.author.role}" part="pinned">
    <span class="pinned-label">${t('pinned')}</span>
    <div class="body">
      ${badge(message, t)}<bdi class="author" part="author">${message.author.name}</bdi>
      <span class="text" dir="auto">${message.text}</span>
    </div>
  </div>`;
}

function stateLine(entry: ChatEntry, c: MessageListContext): TemplateResult | typeof nothing {
  if (entry.state === 'sending') return html`<span class="state" part="message-state">${c.t('sending')}</span>`;
  if (entry.state !== 'failed') return nothing;
  const code = entry.error?.code;
  const retryable = code === 'chat/unavailable' || code === 'chat/rate-limited' || code === 'internal';
  return html`<span class="state" part="message-state" role="alert">
    ${c.t('failed')} ${entry.error?.message ?? ''}
    <span class="inline-actions">
      ${retryable ? html`<button class="link-button" type="button" @click=${() => c.retry(entry)}>${c.t('retry')}</button>` : nothing}
      <button class="link-button" type="button" @click=${() => c.discard(entry)}>${c.t('discard')}</button>
    </span>
  </span>`;
}

function menu(entry: ChatEntry, c: MessageListContext): TemplateResult | typeof nothing {
  const message = entry.message;
  if (c.menuFor !== message.id) return nothing;
  const reported = c.reported.has(message.id);
  return html`<div class="menu" part="message-menu">
    <button class="secondary" type="button" ?disabled=${reported} @click=${() => c.report(message)}>
      ${reported ? c.t('reported') : c.t('report')}
    </button>
    ${entry.own
      ? nothing
      : html`<button class="secondary" type="button" @click=${() => c.hide(message)}>${c.t('hide', { name: message.author.name })}</button>`}
  </div>`;
}

/**
 * The messages, keyed (a message keeps its DOM as others come and go). Each message's template is
 * evaluated again only when what it shows changed (the entry, its menu, its tab stop, reported, the
 * locale): under a flood, a frame renders the new messages, not the ~200 kept ones.
 */
export function messagesTemplate(entries: readonly ChatEntry[], c: MessageListContext, gone: ReadonlySet<string> = new Set()): TemplateResult {
  const last = gone.size ? entries.filter((e) => !gone.has(e.key ?? e.message.id)).at(-1) : entries.at(-1);
  const focusId = c.focusId ?? last?.message.id ?? null;
  return html`${repeat(
    entries,
    (entry) => entry.key ?? entry.message.id,
    (entry) => {
      const id = entry.message.id;
      const isGone = gone.has(entry.key ?? id);
      return guard([entry, c.menuFor === id, focusId === id, c.reported.has(id), c.interactive, c.locale, isGone], () => messageTemplate(entry, focusId, c, isGone));
    },
  )}`;
}

/**
 * One message (its callbacks read the element's current state through `c`, never a stale list).
 * `gone`: deleted, kept hidden in its place (the overlay, chat.places.ts): not seen, not read out.
 */
function messageTemplate(entry: ChatEntry, focusId: string | null, c: MessageListContext, gone = false): TemplateResult {
  const message = entry.message;
  const confirmed = entry.state === 'sent';
  return html`<div
    class="message ${message.author.role} ${entry.state} ${entry.own ? 'own' : ''} ${gone ? 'gone' : ''}"
    aria-hidden=${gone ? 'true' : nothing}
    ?inert=${gone}
    part="message${message.author.role === 'viewer' ? '' : ` message-${message.author.role}`}${entry.own ? ' message-own' : ''}"
    data-id=${message.id}
  >
    <div class="body">
      ${badge(message, c.t)}<bdi class="author" part="author">${entry.own ? `${message.author.name} (${c.t('you')})` : message.author.name}</bdi>
      <span class="text" dir="auto">${message.text}</span>
      ${stateLine(entry, c)} ${menu(entry, c)}
    </div>
    ${confirmed && c.interactive
      ? html`<button
          class="more"
          type="button"
          part="message-more"
          tabindex=${message.id === focusId ? 0 : -1}
          aria-label=${c.t('options', { name: message.author.name })}
          aria-expanded=${c.menuFor === message.id ? 'true' : 'false'}
          @click=${() => c.toggleMenu(message.id)}
          @keydown=${(event: KeyboardEvent) => c.keydown(event, message.id)}
        >
          ⋯
        </button>`
      : nothing}
  </div>`;
}
