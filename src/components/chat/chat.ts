import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styleProps } from '../style-props.js';
import type { ChatEntry, ChatModel, ChatState } from '../../core/chat.js';
import { formatNumber, isRtl, resolveLocale } from '../../core/i18n.js';
import { CHAT_LIMITS, chatTextProblem } from '../../core/parse-interactions.js';
import type { ShowStore } from '../../core/store.js';
import type { ChatMessage } from '../../core/types.js';
import { VitrineElement } from '../base.js';
import { buttonStyles, tokens } from '../shared/styles.js';
import { FollowController } from './chat.follow.js';
import { heightLeaving, keepPlaces, type Places } from './chat.places.js';
import { messages, type ChatMessageKey } from './chat.messages.js';
import { messagesTemplate, pinnedTemplate, type MessageListContext } from './chat.render.js';
import { styles } from './chat.styles.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEART = 'M12 21s-7.5-4.6-9.6-9.1C.9 8.6 3 5 6.4 5c2 0 3.3 1 4.1 2.3h3C14.3 6 15.6 5 17.6 5 21 5 23.1 8.6 21.6 11.9 19.5 16.4 12 21 12 21z';
/** Most hearts floating at once. */
const MAX_HEARTS = 12;
/**
 * Messages an overlay keeps (the rest of the window stays in the model): more than it shows, so
 * the one leaving is above the part in view, and nothing in view moves when it goes.
 */
const OVERLAY_MESSAGES = 24;

const heartIcon = () =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${HEART} /></svg>`;

/**
 * The show's chat: messages (author, a host or moderator badge, text as text), the pinned
 * message on top, a composer (a textbox "Message", a "Send" button; a name is asked once, on the
 * first send), a "Like" button whose hearts float up (a count bump with reduced motion), and per
 * message "Report" and hiding the author. The list is a `role="log"` that screen readers do not
 * read out; a separate live region announces the host's messages and the shopper's own.
 *
 * It renders a `ChatModel` (`vitrine/core`), which whatever runs the show creates and feeds with
 * live events; give it a `ShowStore` too and it follows the show's status, media time (replay)
 * and locale. DOM updates are batched per animation frame.
 *
 * @summary Live chat and reactions of a show.
 *
 * @csspart pinned - The pinned message.
 * @csspart log - The list of messages (`role="log"`).
 * @csspart message - One message (also `message-host`, `message-moderator`, `message-own`).
 * @csspart author - An author's name.
 * @csspart badge - The host or moderator badge.
 * @csspart message-state - "Sending…", or why an own message failed, with "Retry".
 * @csspart message-more - Opens a message's actions (Report, hide the author).
 * @csspart message-menu - A message's actions.
 * @csspart composer - The composer row.
 * @csspart input - The message textbox.
 * @csspart send-button - "Send".
 * @csspart like-button - "Like".
 * @csspart like-count - The total of likes.
 * @csspart notice - Rate limit, block, read-only and input problems.
 *
 * @cssprop --vitrine-chat-height - Height of the chat. @default 420px (overlay: 100%)
 * @cssprop --vitrine-chat-background - Background of the panel.
 * @cssprop --vitrine-chat-text - Text colour.
 * @cssprop --vitrine-chat-bubble - Background behind each message (overlay: translucent black).
 * @cssprop --vitrine-chat-host-color - The host's name.
 * @cssprop --vitrine-chat-badge-background - The host's badge.
 * @cssprop --vitrine-chat-heart-color - The Like button and floating hearts.
 *
 * @fires vitrine-chat-send - Cancelable `{ text, name }` before a message is sent.
 * @fires vitrine-reaction - `{ type: 'heart' }` on each Like tap.
 * @fires vitrine-error - A chat failure (history, send, report, reactions), recoverable.
 */
export class VitrineChat extends VitrineElement {
  static override styles = [tokens, buttonStyles, styles];

  /** The chat to render. */
  @property({ attribute: false }) model?: ChatModel;

  /** A show store to follow (status, media time for the replay, locale). Optional. */
  @property({ attribute: false }) store?: ShowStore;

  /** `off`: only the Like button; `read-only`: messages without a composer; default: on. */
  @property({ reflect: true }) chat?: 'off' | 'read-only' | 'on';

  /** `overlay`: translucent messages for over the lower part of a video (phones). @default 'panel' */
  @property({ reflect: true }) layout?: 'panel' | 'overlay';

  /** Overrides the locale (BCP 47). */
  @property() locale?: string;

  @state() private askingName = false;
  @state() private menuFor: string | null = null;
  @state() private focusId: string | null = null;
  @state() private notice: { text: string; error: boolean } | null = null;
  @state() private draftLength = 0;
  @state() private liveText = '';
  @state() private bumped = false;
  @state() private reported: ReadonlySet<string> = new Set();

  @query('.log') private log?: HTMLElement;
  @query('input[name="message"]') private input?: HTMLInputElement;
  @query('input[name="name"]') private nameInput?: HTMLInputElement;

  #unsubscribe: (() => void) | undefined;
  #frame = 0;
  #countdown: ReturnType<typeof setInterval> | undefined;
  #ownTaps = 0;
  /** What the shopper typed (kept while the name is asked). */
  #draft = '';
  /** The overlay's log stays on the newest message by scrolling, not by layout (chat.follow.ts). */
  #places: Places = { entries: [], gone: new Set() };
  /** The room of the messages gone from the top of the overlay (px). */
  #room = 0;
  #follow = new FollowController(this, () => (this.layout === 'overlay' ? (this.log ?? null) : null));

  override connectedCallback(): void {
    super.connectedCallback();
    this.#attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    clearInterval(this.#countdown);
    this.#countdown = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('model') || changed.has('store')) && this.isConnected) this.#attach();
  }

  get #locale(): string {
    if (this.locale) return resolveLocale(null, this.locale);
    return this.store?.state.locale ?? resolveLocale(this);
  }

  #t = (key: ChatMessageKey, params?: Record<string, string | number>) => messages(this.#locale, key, params);

  #attach(): void {
    this.#unsubscribe?.();
    const model = this.model;
    const store = this.store;
    const offs: (() => void)[] = [];
    if (model) {
      offs.push(model.subscribe((now, before) => this.#changed(now, before)));
      offs.push(model.onError((detail) => this.emit('vitrine-error', detail)));
      if (store) {
        const sync = () => {
          model.setStatus(store.state.status);
          model.setTime(store.state.currentTime);
        };
        sync();
        offs.push(store.subscribe((s, p) => (s.status !== p.status || s.currentTime !== p.currentTime || s.locale !== p.locale) && (sync(), this.requestUpdate())));
      }
    }
    this.#unsubscribe = () => offs.forEach((off) => off());
    this.requestUpdate();
  }

  /** One DOM update per animation frame, however many events arrive. */
  #changed(now: ChatState, before: ChatState): void {
    if (now.messages !== before.messages) {
      this.#announce(now.messages, before.messages);
      this.#follow.changed();
    }
    // Flood control's count alone changes nothing on screen.
    if (now.sampled !== before.sampled && Object.keys(now).every((k) => k === 'sampled' || now[k as keyof ChatState] === before[k as keyof ChatState])) return;
    const othersTaps = (now.reactions.heart ?? 0) - (before.reactions.heart ?? 0) - (now.ownReactions - before.ownReactions);
    // The first totals are where the count starts, not taps to show.
    if (othersTaps > 0 && before.reactions.heart !== undefined) this.#float(Math.min(othersTaps, 4));
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.requestUpdate();
    });
  }

  /** The live region hears the host's messages and the shopper's own, not every message. */
  #announce(now: readonly ChatEntry[], before: readonly ChatEntry[]): void {
    const seen = new Set(before.map((e) => e.message.id));
    const fresh = now.filter((e) => !seen.has(e.message.id) && e.state === 'sent' && (e.own || e.message.author.role === 'host'));
    const last = fresh.at(-1);
    if (!last) return;
    const { name } = last.message.author;
    this.liveText = this.#t(last.message.author.role === 'host' ? 'saidHost' : 'said', { name, text: last.message.text });
  }

  #float(count: number): void {
    const box = this.renderRoot.querySelector('.hearts');
    if (!box) return;
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.bumped = true;
      setTimeout(() => (this.bumped = false), 400);
      return;
    }
    for (let i = 0; i < count && box.childElementCount < MAX_HEARTS; i++) {
      const heart = document.createElement('span');
      heart.className = 'heart';
      heart.style.setProperty('--_drift', `${Math.round((Math.random() - 0.5) * 48)}px`);
      heart.style.animationDelay = `${i * 120}ms`;
      const svg = document.createElementNS(SVG, 'svg');
      svg.setAttribute('viewBox', '0 0 24 24');
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', HEART);
      svg.append(path);
      heart.append(svg);
      heart.addEventListener('animationend', () => heart.remove(), { once: true });
      // Never left behind if the animation does not run (a hidden tab).
      setTimeout(() => heart.remove(), 2500 + i * 120);
      box.append(heart);
    }
  }

  #like(): void {
    const model = this.model;
    if (!model) return;
    this.#ownTaps += 1;
    this.emit('vitrine-reaction', { type: 'heart' });
    model.react('heart');
    this.#float(1);
  }

  #onInput(): void {
    this.#draft = this.input?.value ?? '';
    const length = this.#draft.length;
    this.draftLength = length;
    if (this.notice && chatTextProblem(this.input?.value ?? '') !== 'too-long') this.notice = null;
  }

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const model = this.model;
    const input = this.input;
    if (!model || !input) return;
    const text = input.value;
    const problem = chatTextProblem(text);
    if (problem === 'empty') return input.focus();
    if (problem === 'too-long') {
      this.notice = { text: this.#t('tooLong', { max: CHAT_LIMITS.text, count: text.trim().length }), error: true };
      return input.focus();
    }
    if (!model.state.name) {
      this.askingName = true;
      await this.updateComplete;
      this.nameInput?.focus();
      return;
    }
    const refusal = model.refusal(text);
    if (refusal) {
      this.notice = { text: refusal.message, error: true };
      return;
    }
    const send = this.emit('vitrine-chat-send', { text, name: model.state.name });
    if (send.defaultPrevented) return;
    input.value = '';
    this.#draft = '';
    this.draftLength = 0;
    this.notice = null;
    // Back to the newest messages (the panel's log is laid out in reverse: its bottom is its start).
    if (this.layout === 'overlay') this.#follow.toEnd();
    else if (this.log) this.log.scrollTop = 0;
    await model.send(text);
  }

  async #onName(event: Event): Promise<void> {
    event.preventDefault();
    const model = this.model;
    const field = this.nameInput;
    if (!model || !field) return;
    if (!model.setName(field.value)) {
      field.setAttribute('aria-invalid', 'true');
      return field.focus();
    }
    this.askingName = false;
    await this.updateComplete;
    this.input?.focus();
    if (this.input?.value.trim()) await this.#onSubmit(new Event('submit'));
  }

  async #cancelName(): Promise<void> {
    this.askingName = false;
    await this.updateComplete;
    this.input?.focus();
  }

  #context(entries: readonly ChatEntry[], interactive: boolean): MessageListContext {
    return {
      t: this.#t,
      locale: this.#locale,
      menuFor: this.menuFor,
      focusId: this.focusId && entries.some((e) => e.message.id === this.focusId) ? this.focusId : null,
      reported: this.reported,
      interactive,
      toggleMenu: (id) => {
        this.menuFor = this.menuFor === id ? null : id;
        this.focusId = id;
      },
      report: (message: ChatMessage) => {
        this.reported = new Set([...this.reported, message.id]);
        void this.model?.report(message.id);
      },
      hide: (message: ChatMessage) => {
        this.menuFor = null;
        this.notice = { text: this.#t('hidden', { name: message.author.name }), error: false };
        this.#hiddenLast = message.author.id;
        this.model?.hideAuthor(message.author.id);
      },
      retry: (entry) => void this.model?.retry(entry.key!),
      discard: (entry) => this.model?.discard(entry.key!),
      keydown: (event, id) => void this.#rove(event, id),
    };
  }

  #hiddenLast: string | null = null;

  async #rove(event: KeyboardEvent, id: string): Promise<void> {
    // The current list (a message's template may be older than the last render: see chat.render.ts).
    const entries = this.model?.state.messages ?? [];
    const ids = entries.filter((e) => e.state === 'sent').map((e) => e.message.id);
    const at = ids.indexOf(id);
    const to = { ArrowUp: at - 1, ArrowDown: at + 1, Home: 0, End: ids.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const target = ids[Math.max(0, Math.min(ids.length - 1, to))];
    if (!target) return;
    this.focusId = target;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.message[data-id="${CSS.escape(target)}"] .more`)?.focus();
  }

  #countdownFor(until: number | null): number {
    const left = until === null ? 0 : Math.ceil((until - Date.now()) / 1000);
    if (left > 0 && !this.#countdown) {
      this.#countdown = setInterval(() => {
        this.requestUpdate();
        if (this.model && (this.model.state.rateLimitedUntil ?? 0) <= Date.now()) {
          clearInterval(this.#countdown);
          this.#countdown = undefined;
        }
      }, 1000);
    }
    return left;
  }

  #composer(s: ChatState): unknown {
    const model = this.model!;
    if (this.chat === 'read-only' || s.connection === 'none') return nothing;
    if (s.replay) return html`<p class="notice" part="notice">${this.#t('replay')}</p>`;
    if (s.connection === 'unavailable' || s.connection === 'loading') return nothing;
    if (s.blocked) return html`<p class="notice error" part="notice">${this.#t('blocked')}</p>`;
    if (this.askingName) {
      return html`<form class="bar" part="composer" @submit=${this.#onName}>
        <div class="field">
          <p class="name-title" id="name-title">${this.#t('nameTitle')}</p>
          <input name="name" part="input" autocomplete="nickname" maxlength="60" aria-labelledby="name-title" aria-describedby="name-hint" placeholder=${this.#t('name')} @input=${(e: Event) => (e.target as HTMLElement).removeAttribute('aria-invalid')} />
          <span class="hint" id="name-hint">${this.#t('nameHint')}</span>
        </div>
        <button class="primary" type="submit">${this.#t('nameSubmit')}</button>
        <button class="secondary" type="button" @click=${this.#cancelName}>${this.#t('cancel')}</button>
      </form>`;
    }
    const wait = this.#countdownFor(s.rateLimitedUntil);
    const tooLong = this.draftLength > CHAT_LIMITS.text;
    const notice = wait > 0 ? { text: this.#t('rateLimited', { seconds: wait }), error: true } : this.notice;
    return html`${notice
        ? html`<p class="notice ${notice.error ? 'error' : ''}" part="notice" id="notice" role=${notice.error ? 'alert' : 'status'}>
            ${notice.text}
            ${!notice.error && this.#hiddenLast && s.hidden.has(this.#hiddenLast)
              ? html`<button class="link-button" type="button" @click=${() => (model.hideAuthor(this.#hiddenLast!, false), (this.notice = null))}>${this.#t('undoHide')}</button>`
              : nothing}
          </p>`
        : nothing}
      <form class="bar" part="composer" @submit=${this.#onSubmit}>
        <div class="field">
          <input
            name="message"
            part="input"
            autocomplete="off"
            enterkeyhint="send"
            aria-label=${this.#t('message')}
            aria-invalid=${tooLong ? 'true' : 'false'}
            aria-describedby=${notice ? 'notice' : nothing}
            placeholder=${this.#t('placeholder')}
            .value=${live(this.#draft)}
            @input=${this.#onInput}
          />
          ${this.draftLength > CHAT_LIMITS.text - 50
            ? html`<span class="hint">${this.#t('count', { count: this.draftLength, max: CHAT_LIMITS.text })}</span>`
            : nothing}
        </div>
        <button class="primary" type="submit" part="send-button" aria-disabled=${wait > 0 ? 'true' : 'false'}>${this.#t('send')}</button>
        ${this.#likeButton(s)}
      </form>`;
  }

  #likeButton(s: ChatState): unknown {
    if (!this.model || s.connection === 'none' || s.replay) return nothing;
    const total = s.reactions.heart ?? 0;
    return html`<div class="like">
      <button class="icon secondary" type="button" part="like-button" aria-label=${this.#t('like')} @click=${this.#like}>${heartIcon()}</button>
      <span class="like-count ${this.bumped ? 'bump' : ''}" part="like-count">${total ? formatNumber(total, this.#locale) : ''}</span>
    </div>`;
  }

  #body(s: ChatState): unknown {
    if (s.connection === 'unavailable') return html`<p class="center" part="notice">${this.#t('unavailable')}</p>`;
    const overlay = this.layout === 'overlay';
    // The overlay's messages keep their places as others leave (chat.places.ts).
    const places = overlay ? keepPlaces(this.#places, s.messages, OVERLAY_MESSAGES, (e) => s.hidden.has(e.message.author.id)) : { entries: [], gone: new Set<string>() };
    // What leaves from the top leaves its room (reset on a new log, or after about 20,000 messages).
    const room = overlay ? this.#room + heightLeaving(this.log, this.#places, places) : 0;
    this.#room = room > 1e6 ? 0 : room;
    this.#places = places;
    const entries = overlay ? this.#places.entries : s.messages;
    const empty = entries.length === 0;
    // The panel's log is laid out from its end (column-reverse around one box in reading order): it
    // stays on the newest message as messages arrive, or where the shopper scrolled to, without
    // reading or writing scroll positions. The overlay's grows downwards and scrolls to its end
    // (chat.follow.ts): over the video, nothing may move by layout as messages come.
    return html`<div class="log" part="log" role="log" aria-live="off" tabindex="0" aria-label=${this.#t('chat')}>
        <div class="messages" style=${styleProps({ '--_left': `${this.#room}px` })}>${messagesTemplate(entries, this.#context(entries, !overlay && s.connection !== 'none'), this.#places.gone)}</div>
      </div>
      ${empty && !overlay
        ? html`<p class="center">${s.connection === 'loading' ? this.#t('loading') : this.#t(s.replay ? 'emptyReplay' : 'empty')}</p>`
        : nothing}`;
  }

  protected override render(): unknown {
    const model = this.model;
    const dir = isRtl(this.#locale) ? 'rtl' : 'ltr';
    if (!model) return html`<div class="frame" dir=${dir}></div>`;
    const s = model.state;
    if (this.chat === 'off') {
      return html`<div class="frame" dir=${dir}><div class="hearts" aria-hidden="true"></div><div class="bar">${this.#likeButton(s)}</div></div>`;
    }
    const composer = this.#composer(s);
    const like = composer === nothing ? this.#likeButton(s) : nothing;
    return html`<div class="frame" dir=${dir} lang=${this.#locale}>
      ${pinnedTemplate(s.pinned, this.#t)} ${this.#body(s)}
      <div class="hearts" aria-hidden="true"></div>
      ${like === nothing ? composer : html`<div class="bar">${like}</div>`}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.liveText}</div>
    </div>`;
  }
}
