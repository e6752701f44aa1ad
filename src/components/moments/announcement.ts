import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { VitrineErrorDetail } from '../../core/errors.js';
import type { Moments } from '../../core/moments.js';
import type { ShowStore } from '../../core/store.js';
import type { Announcement } from '../../core/types.js';
import { VitrineElement } from '../base.js';
import { LocaleController } from '../shared/locale-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { buttonStyles, tokens } from '../shared/styles.js';
import { MomentsController } from './moments-controller.js';
import { messages, type MessageKey } from './moments.messages.js';

type CodeState = 'idle' | 'copied' | 'manual' | 'applying' | 'invalid' | 'failed';

/**
 * The host's announcement, a banner at the video: its text and, with a code, "Copy code" (the
 * Clipboard API; where it is missing or refused, the code is selected for the shopper to copy)
 * and "Apply code" when the cart takes codes (`can-apply`). Applying asks the show (a
 * `discount-request` on the store's bus); the cart shows the discount. Renders nothing without
 * an announcement.
 *
 * @summary The host's announcement, with its coupon code.
 *
 * @csspart base - The banner.
 * @csspart text - The announcement's text.
 * @csspart code - The code.
 * @csspart copy-button - "Copy code".
 * @csspart apply-button - "Apply code".
 * @csspart status - What happened: copied, applied, why not.
 *
 * @cssprop --vitrine-announcement-background - The banner's background. @default the surface colour
 *
 * @fires vitrine-coupon - `{ code, action: 'copy' | 'apply' }` when the shopper copies or applies the code.
 */
export class VitrineAnnouncement extends VitrineElement {
  static override styles = [
    tokens,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .banner {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space) calc(var(--_space) * 1.5);
        padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
        background: var(--vitrine-announcement-background, var(--_surface));
        color: var(--_text);
        border: 1px solid var(--_border);
        border-inline-start: 4px solid var(--_live);
        border-radius: var(--_radius-small);
        box-shadow: var(--_shadow);
      }
      .text {
        margin: 0;
        flex: 1 1 16ch;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .code-row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space);
      }
      .code {
        font: 700 15px/1.2 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        letter-spacing: 0.06em;
        padding: 6px 10px;
        border: 1px dashed currentColor;
        border-radius: var(--_radius-small);
        user-select: all;
        -webkit-user-select: all;
      }
      button {
        min-height: var(--_target);
      }
      .status {
        margin: 0;
        flex-basis: 100%;
        font-size: 13px;
      }
      .status:empty {
        display: none;
      }
      .status.error {
        color: var(--_danger);
      }
      .status.ok {
        color: var(--_success);
      }
      .spinner {
        display: inline-block;
        width: 1em;
        height: 1em;
        margin-inline-end: 6px;
        border: 2px solid currentColor;
        border-inline-end-color: transparent;
        border-radius: 50%;
        vertical-align: -0.15em;
        animation: spin 0.8s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
    `,
  ];

  /** The show store (given by `<vitrine-show>`): its cart tells whether the code is applied. */
  @property({ attribute: false }) store?: ShowStore;

  /** The moments model whose current announcement is shown. */
  @property({ attribute: false }) moments?: Moments;

  /** Shows this announcement instead of the moments model's (stories, a merchant's own banner). */
  @property({ attribute: false }) announcement?: Announcement | null;

  /** The cart takes discount codes: "Apply code" is offered. */
  @property({ type: Boolean, attribute: 'can-apply' }) canApply = false;

  /** Overrides the locale (BCP 47). */
  @property() locale?: string;

  @state() private codeState: CodeState = 'idle';

  @query('.code') private codeElement?: HTMLElement;

  #store = new StoreController(this, (s) => [s.cart, s.locale]);
  #locale = new LocaleController(this, this.#store);
  #moments = new MomentsController(this);
  #shownCode: string | undefined;

  get #current(): Announcement | null {
    return this.announcement !== undefined ? this.announcement : (this.moments?.state.announcement ?? null);
  }

  /** The code is in the cart's discounts. */
  get #applied(): boolean {
    const code = this.#current?.code?.toLowerCase();
    return Boolean(code && this.#store.state.cart?.discounts?.some((d) => d.code.toLowerCase() === code));
  }

  protected override willUpdate(): void {
    // Another code: what happened to the previous one is no longer news.
    const code = this.#current?.code;
    if (code !== this.#shownCode) {
      this.#shownCode = code;
      this.codeState = 'idle';
    }
  }

  override render() {
    void this.#moments;
    const announcement = this.#current;
    if (!announcement) return nothing;
    const locale = this.#locale.locale;
    const t = (key: MessageKey) => messages(locale, key);
    const code = announcement.code;
    const applied = this.#applied;
    const busy = this.codeState === 'applying';
    const [status, tone] = applied
      ? [t('applied'), 'ok']
      : this.codeState === 'copied'
        ? [t('copied'), 'ok']
        : this.codeState === 'manual'
          ? [t('copyManual'), '']
          : this.codeState === 'applying'
            ? [t('applying'), '']
            : this.codeState === 'invalid'
              ? [t('invalidCode'), 'error']
              : this.codeState === 'failed'
                ? [t('codeFailed'), 'error']
                : ['', ''];
    // A group, not a landmark: a page may hold several shows. The next announcement is drawn anew
    // (keyed by its id): its code row is a new one, not this one's moved by a longer text, which
    // would be a layout shift. The status line stays, a live region.
    return html`<div part="base" class="banner" role="group" aria-label=${t('announcement')} dir=${this.#locale.dir} lang=${locale}>
      ${keyed(
        announcement.id,
        html`<p part="text" class="text">${announcement.text}</p>
          ${code
            ? html`<div class="code-row">
                <span class="visually-hidden">${t('code')}</span><code part="code" class="code">${code}</code>
                <button part="copy-button" class="secondary" type="button" @click=${this.#copy}>${t('copy')}</button>
                ${this.canApply && !applied
                  ? html`<button
                      part="apply-button"
                      class="primary"
                      type="button"
                      aria-disabled=${busy ? 'true' : nothing}
                      @click=${this.#apply}
                    >
                      ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${t('apply')}
                    </button>`
                  : nothing}
              </div>`
            : nothing}`,
      )}
      <p part="status" class="status ${tone}" role="status">${status}</p>
    </div>`;
  }

  #copy = async (): Promise<void> => {
    const code = this.#current?.code;
    if (!code) return;
    this.emit('vitrine-coupon', { code, action: 'copy' });
    try {
      const clipboard = globalThis.navigator?.clipboard;
      if (typeof clipboard?.writeText !== 'function') throw new Error('no Clipboard API');
      await clipboard.writeText(code);
      this.codeState = 'copied';
    } catch {
      // No clipboard (an insecure page, a refused permission): select the code for the shopper.
      const element = this.codeElement;
      const selection = globalThis.getSelection?.();
      if (element && selection) {
        const range = document.createRange();
        range.selectNodeContents(element);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this.codeState = 'manual';
    }
  };

  #apply = (): void => {
    const code = this.#current?.code;
    if (!code || this.codeState === 'applying') return;
    this.emit('vitrine-coupon', { code, action: 'apply' });
    this.codeState = 'applying';
    this.#store.store.bus.emit('discount-request', {
      code,
      action: 'apply',
      done: (error: VitrineErrorDetail | null) => {
        if (this.#current?.code !== code) return;
        this.codeState = !error ? 'idle' : error.code === 'cart/invalid-code' ? 'invalid' : 'failed';
      },
    });
  };
}
