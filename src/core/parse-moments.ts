/**
 * Parsers for the host's live moments (docs/live-events.md): `deal`, `poll` and `announcement`
 * events, and the Poll a vote answers with (section 8). Like `parse.ts`, they never throw: they
 * return a typed value or a recoverable `show/invalid` error with the reason. What needs the show's
 * state to judge (a deal in another currency than its product, an `endsAt` already past) is judged
 * by the moments model (`moments.ts`), which knows the products and the server's clock.
 */
import { VitrineError } from './errors.js';
import { isCurrencyCode, isDecimal, money } from './money.js';
import type { ParseIssue, ParseResult } from './parse.js';
import type { Announcement, Deal, Money, Poll, PollOption, ShowEvent } from './types.js';

/** Bounds of what a moment may carry. */
export const MOMENT_LIMITS = { id: 256, text: 500, question: 300, option: 120, code: 64, options: 10 } as const;

class Invalid extends Error {}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid(`${what}: not an object`);
  return value as Json;
}

/** Text as text: control characters out, lone surrogates replaced, trimmed, bounded. */
function clean(value: string, max: number): string {
  const result = value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .trim();
  return result.length <= max ? result : result.slice(0, max).replace(/[\ud800-\udbff]$/, '').trim() + '…';
}

function text(value: unknown, max: number, what: string): string {
  if (typeof value !== 'string') throw new Invalid(`${what}: not a string`);
  const result = clean(value, max);
  if (!result) throw new Invalid(`${what}: empty`);
  return result;
}

function price(value: unknown, what: string): Money {
  const m = object(value, what);
  const code = typeof m.currencyCode === 'string' ? m.currencyCode.toUpperCase() : m.currencyCode;
  if (!isCurrencyCode(code)) throw new Invalid(`${what}.currencyCode: not an ISO 4217 code`);
  if (!isDecimal(m.amount) || m.amount.startsWith('-')) throw new Invalid(`${what}.amount: not a decimal string`);
  return money(m.amount, code);
}

/** The event types this module parses. */
export const MOMENT_EVENTS: ReadonlySet<string> = new Set(['deal', 'poll', 'announcement']);

function id(value: unknown, what: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string' || value.length > MOMENT_LIMITS.id) throw new Invalid(`${what}: missing or too long`);
  const result = clean(value, MOMENT_LIMITS.id);
  if (!result || result.includes('\ufffd')) throw new Invalid(`${what}: not a usable id`);
  return result;
}

function dateTime(value: unknown, what: string): number {
  const time = typeof value === 'string' && value.length <= 64 ? Date.parse(value) : NaN;
  if (!Number.isFinite(time)) throw new Invalid(`${what}: not a date-time`);
  return time;
}

/** A count: a non-negative integer. Negative or fractional is refused, not rounded. */
function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new Invalid(`${what}: not a count of 0 or more`);
  return value;
}

function ended(p: Json): boolean {
  return p.ended === true;
}

function deal(p: Json): ShowEvent {
  const dealId = id(p.id, 'deal.id');
  if (ended(p)) return { type: 'deal-end', id: dealId };
  const result: Deal = {
    id: dealId,
    productId: id(p.productId, 'deal.productId'),
    price: price(p.price, 'deal.price'),
    endsAt: dateTime(p.endsAt, 'deal.endsAt'),
  };
  if (p.limit !== undefined && p.limit !== null) {
    const limit = count(p.limit, 'deal.limit');
    if (limit < 1) throw new Invalid('deal.limit: less than 1');
    result.limit = limit;
  }
  if (p.remaining !== undefined && p.remaining !== null) result.remaining = count(p.remaining, 'deal.remaining');
  return { type: 'deal', deal: result };
}

function announcement(p: Json): ShowEvent {
  const announcementId = id(p.id, 'announcement.id');
  if (ended(p)) return { type: 'announcement-end', id: announcementId };
  const result: Announcement = { id: announcementId, text: text(p.text, MOMENT_LIMITS.text, 'announcement.text') };
  if (p.code !== undefined && p.code !== null) {
    const code = text(p.code, MOMENT_LIMITS.code + 1, 'announcement.code');
    if (code.length > MOMENT_LIMITS.code || /\s/.test(code)) throw new Invalid('announcement.code: not a code');
    result.code = code;
  }
  if (p.endsAt !== undefined && p.endsAt !== null) result.endsAt = dateTime(p.endsAt, 'announcement.endsAt');
  if (p.productId !== undefined && p.productId !== null) result.productId = id(p.productId, 'announcement.productId');
  return { type: 'announcement', announcement: result };
}

function poll(p: Json): Poll {
  const raw = p.options;
  if (!Array.isArray(raw) || raw.length < 2) throw new Invalid('poll.options: fewer than two options');
  if (raw.length > MOMENT_LIMITS.options) throw new Invalid(`poll.options: more than ${MOMENT_LIMITS.options}`);
  const seen = new Set<string>();
  const options: PollOption[] = raw.map((o: unknown, i) => {
    const option = object(o, `poll.options[${i}]`);
    const optionId = id(option.id, `poll.options[${i}].id`);
    if (seen.has(optionId)) throw new Invalid(`poll.options[${i}].id: duplicated`);
    seen.add(optionId);
    return {
      id: optionId,
      text: text(option.text, MOMENT_LIMITS.option, `poll.options[${i}].text`),
      votes: option.votes === undefined ? 0 : count(option.votes, `poll.options[${i}].votes`),
    };
  });
  const result: Poll = {
    id: id(p.id, 'poll.id'),
    question: text(p.question, MOMENT_LIMITS.question, 'poll.question'),
    options,
    closed: p.closed === true,
  };
  if (p.endsAt !== undefined && p.endsAt !== null) result.endsAt = dateTime(p.endsAt, 'poll.endsAt');
  return result;
}

function run<T>(what: string, parse: () => T): ParseResult<T> {
  const issues: ParseIssue[] = [];
  try {
    return { ok: true, value: parse(), issues };
  } catch (error) {
    const reason = error instanceof Invalid ? error.message : `unexpected input (${String(error)})`;
    issues.push({ path: what, reason });
    return { ok: false, error: new VitrineError('show/invalid', `Invalid ${what}: ${reason}`, { recoverable: true }), issues };
  }
}

/**
 * Parses a `deal`, `poll` or `announcement` event from its `data:` text (or already parsed JSON).
 * An ended deal or announcement (`{ "id", "ended": true }`) becomes `deal-end` / `announcement-end`.
 */
export function parseMomentEvent(type: string, data: unknown): ParseResult<ShowEvent> {
  return run(`${type.slice(0, 32)} event`, () => {
    let payload = data;
    if (typeof data === 'string') {
      try {
        payload = JSON.parse(data);
      } catch {
        throw new Invalid('data is not JSON');
      }
    }
    const p = object(payload, type);
    if (type === 'deal') return deal(p);
    if (type === 'announcement') return announcement(p);
    if (type === 'poll') return { type: 'poll', poll: poll(p) } as const;
    throw new Invalid(`${type.slice(0, 32)}: not a moment`);
  });
}

/** Media seconds in a replay: a finite number of 0 or more. */
function mediaTime(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Invalid(`${what}: not media seconds`);
  return value;
}

/** Polls of one replay at most. */
const MAX_REPLAY_POLLS = 500;

/**
 * Parses a replay's polls (`GET {interactions}/polls`: `{ "polls": [Poll] }`, docs/moments.md): each
 * needs an `offset` (media seconds); an `endOffset` not after it is left out. They are closed (a
 * replay takes no votes) and sorted by `offset`. A malformed poll is dropped and counted; never throws.
 */
export function parseReplayPolls(input: unknown): { polls: Poll[]; dropped: number } {
  const list = typeof input === 'object' && input !== null && Array.isArray((input as Json).polls) ? ((input as Json).polls as unknown[]) : [];
  const polls: Poll[] = [];
  let dropped = 0;
  for (const raw of list.slice(0, MAX_REPLAY_POLLS)) {
    const result = run('replay poll', () => {
      const p = object(raw, 'poll');
      const parsed: Poll = { ...poll(p), closed: true, offset: mediaTime(p.offset, 'poll.offset') };
      if (p.endOffset !== undefined && p.endOffset !== null) {
        const end = mediaTime(p.endOffset, 'poll.endOffset');
        if (end > parsed.offset!) parsed.endOffset = end;
      }
      return parsed;
    });
    if (result.ok) polls.push(result.value);
    else dropped += 1;
  }
  return { polls: polls.sort((a, b) => a.offset! - b.offset!), dropped: dropped + Math.max(0, list.length - MAX_REPLAY_POLLS) };
}

/** Parses a Poll (the answer to a vote, docs/interactions.md). */
export function parsePoll(input: unknown): ParseResult<Poll> {
  return run('poll', () => poll(object(input, 'poll')));
}

