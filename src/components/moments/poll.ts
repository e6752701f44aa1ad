import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { keyed } from 'lit/directives/keyed.js';
import { pollResults, type Moments, type VoteState } from '../../core/moments.js';
import type { ShowStore } from '../../core/store.js';
import type { Poll } from '../../core/types.js';
import { VitrineElement } from '../base.js';
import { LocaleController } from '../shared/locale-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { buttonStyles, tokens } from '../shared/styles.js';
import { MomentsController } from './moments-controller.js';
import { messages, type MessageKey } from './moments.messages.js';
import { styleProps } from '../style-props.js';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const percents = new Map<string, Intl.NumberFormat>();

function formatPercent(value: number, locale: string): string {
  let format = percents.get(locale);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'percent' });
    } catch {
      format = new Intl.NumberFormat('en', { style: 'percent' });
    }
    percents.set(locale, format);
  }
  return format.format(value / 100);
}

/**
 * The show's current poll: the question and its options as buttons named by their text; one vote,
 * then the results as bars with percentages, updated live. A closed poll (or a show without an
 * interaction backend) shows its results. A vote that failed says so and can be sent again (with
 * the same `Idempotency-Key`); one that arrived after the poll closed shows the results.
 * Renders nothing without a poll.
 *
 * @summary A live poll: vote, then results.
 *
 * @csspart base - The poll.
 * @csspart question - The question.
 * @csspart option - An option's button.
 * @csspart result - An option's result row.
 * @csspart bar - An option's result bar.
 * @csspart status - Sending, failed, closed.
 * @csspart retry-button - "Try again" after a failed vote.
 *
 * @cssprop --vitrine-poll-bar - Colour of the result bars. @default the accent colour
 *
 * @fires vitrine-vote - `{ poll, optionId }` when the shopper votes.
 */
export class VitrinePoll extends VitrineElement {
  static override styles = [
    tokens,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .poll {
        padding: calc(var(--_space) * 1.5);
        background: var(--_surface);
        color: var(--_text);
        border: 1px solid var(--_border);
        border-radius: var(--_radius-small);
        box-shadow: var(--_shadow);
      }
      .label {
        margin: 0;
        font-size: 12px;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--_muted);
      }
      .question {
        margin: 4px 0 var(--_space);
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_space);
      }
      .option {
        width: 100%;
        min-height: var(--_target);
        justify-content: flex-start;
        text-align: start;
      }
      .result {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 4px var(--_space);
        font-size: 14px;
      }
      .result .percent {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .mine .text {
        font-weight: 700;
      }
      .bar {
        grid-column: 1 / -1;
        height: 8px;
        border-radius: 999px;
        background: var(--_surface-alt);
        overflow: hidden;
      }
      .fill {
        display: block;
        height: 100%;
        border-radius: inherit;
        background: var(--vitrine-poll-bar, var(--_accent));
        transition: inline-size 0.4s ease-out;
      }
      .total,
      .status {
        margin: var(--_space) 0 0;
        font-size: 13px;
        color: var(--_muted);
      }
      .status:empty {
        display: none;
      }
      .status.error {
        color: var(--_danger);
      }
      .retry {
        margin-top: var(--_space);
        min-height: var(--_target);
      }
    `,
  ];

  /** The show store (given by `<vitrine-show>`): its locale. */
  @property({ attribute: false }) store?: ShowStore;

  /** The moments model whose current poll is shown, and which sends the vote. */
  @property({ attribute: false }) moments?: Moments;

  /** Overrides the locale (BCP 47). */
  @property() locale?: string;

  #store = new StoreController(this, (s) => [s.locale]);
  #locale = new LocaleController(this, this.#store);
  #moments = new MomentsController(this);

  override render() {
    void this.#moments;
    const moments = this.moments;
    const poll = moments?.state.poll;
    if (!moments || !poll) return nothing;
    const locale = this.#locale.locale;
    const t: Translate = (key, params) => messages(locale, key, params);
    const vote = moments.state.votes.get(poll.id);
    const failed = vote?.status === 'failed';
    const closedLate = failed && vote.error?.code === 'poll/closed';
    const choosing = !poll.closed && moments.canVote && (!vote || failed) && !closedLate;
    const status = vote?.status === 'sending' ? t('sending') : closedLate ? t('closedLate') : failed ? t('voteFailed') : '';
    // The next poll is drawn anew, as a new poll, not as this one's rows moved about; and so is a
    // percentage that changed, whose end-aligned text would otherwise move sideways. Neither is
    // then a layout shift.
    return html`<div part="base" class="poll" role="group" aria-labelledby="question" dir=${this.#locale.dir} lang=${locale}>
      ${keyed(poll.id, this.#body(poll, vote, choosing, failed, locale, t))}
      <p part="status" class=${classMap({ status: true, error: failed })} role="status">${status}</p>
      ${failed && !closedLate && !poll.closed
        ? html`<button part="retry-button" class="retry primary" type="button" @click=${() => this.#vote(vote.optionId)}>
            ${t('retry')}
          </button>`
        : nothing}
    </div>`;
  }

  /** The poll's label, question, and its options or results. */
  #body(poll: Poll, vote: VoteState | undefined, choosing: boolean, failed: boolean, locale: string, t: Translate) {
    const total = poll.options.reduce((n, o) => n + o.votes, 0);
    return html`<p class="label">${poll.closed ? t('pollClosed') : t('poll')}</p>
      <p part="question" class="question" id="question">${poll.question}</p>
      ${choosing
        ? html`<ul>
            ${poll.options.map(
              (o) => html`<li>
                <button part="option" class="option secondary" type="button" @click=${() => this.#vote(o.id)}>${o.text}</button>
              </li>`,
            )}
          </ul>`
        : html`<ul>
              ${pollResults(poll).map((r) => {
                const mine = vote?.optionId === r.id && !failed;
                return html`<li part="result" class=${classMap({ result: true, mine })}>
                  <span class="text">${r.text}${mine ? html` <span class="mine-label">(${t('yourVote')})</span>` : nothing}</span>
                  ${keyed(r.percent, html`<span class="percent">${formatPercent(r.percent, locale)}</span>`)}
                  <span part="bar" class="bar" aria-hidden="true"
                    ><span class="fill" style=${styleProps({ inlineSize: `${r.percent}%` })}></span
                  ></span>
                </li>`;
              })}
            </ul>
            <p class="total">${t('votes', { count: total })}</p>`}`;
  }

  #vote(optionId: string): void {
    const poll = this.moments?.state.poll;
    if (!poll || !this.moments) return;
    this.emit('vitrine-vote', { poll, optionId });
    void this.moments.vote(optionId);
  }
}
