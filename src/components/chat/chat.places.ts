/**
 * The overlay's messages keep their places (issue 19, CLS on phones). Over the video the overlay
 * moves its messages by scrolling only (chat.follow.ts); a message deleted while in view (a
 * moderator removing spam) would move every newer one up by layout. So a message that leaves from
 * among the others stays, hidden (`gone`), where it was until it leaves from the top with the
 * oldest, above the part in view (where scroll anchoring keeps the rest in place). What leaves
 * from the start of the list (the oldest) or from its end (nothing newer to move) goes at once, and
 * so do the messages of an author the shopper hid (their own click: not a layout shift).
 */
import type { ChatEntry } from '../../core/chat.js';

export interface Places {
  /** What the overlay shows, in order, the gone ones included (at most `max`). */
  entries: ChatEntry[];
  /** The keys of the entries kept hidden in their places. */
  gone: Set<string>;
}

export const placeKey = (entry: ChatEntry): string => entry.key ?? entry.message.id;

/**
 * The places after `next` (the model's messages, oldest first) replaced what was `shown`.
 * `dropped(entry)`: a message to let go of at once, even from among the others.
 */
export function keepPlaces(shown: Places, next: readonly ChatEntry[], max: number, dropped: (entry: ChatEntry) => boolean = () => false): Places {
  const nextKeys = new Set(next.map(placeKey));
  const out: ChatEntry[] = [];
  const gone = new Set<string>();
  const emitted = new Set<string>();
  let i = 0;
  let survived = false;
  const emitUpTo = (key: string | null) => {
    while (i < next.length) {
      const entry = next[i++]!;
      const k = placeKey(entry);
      if (emitted.has(k)) continue;
      emitted.add(k);
      out.push(entry);
      if (k === key) return;
    }
  };
  for (const entry of shown.entries) {
    const key = placeKey(entry);
    if (nextKeys.has(key)) {
      survived = true;
      if (!emitted.has(key)) emitUpTo(key);
    } else if (survived && !dropped(entry)) {
      out.push(entry);
      gone.add(key);
    }
  }
  emitUpTo(null);
  // Gone ones with nothing shown after them: their leaving moves nothing.
  while (out.length && gone.has(placeKey(out.at(-1)!))) gone.delete(placeKey(out.pop()!));
  const entries = out.slice(-max);
  for (const entry of out.slice(0, out.length - entries.length)) gone.delete(placeKey(entry));
  return { entries, gone };
}

/**
 * How far (px) the messages that stay would move up, by layout, when those before them leave
 * (`log`: the overlay's log as rendered now, with `shown`; `next`: what it will show). The overlay
 * adds that to the room above its list in the same update: what stays keeps its place in the log,
 * and the log only scrolls (to the newest). Scroll anchoring would do the same, but not in a frame
 * where the log also scrolls to a new message (Chrome counts that move as a layout shift).
 */
export function heightLeaving(log: Element | null | undefined, shown: Places, next: Places): number {
  const first = shown.entries[0];
  const before = new Set(shown.entries.map(placeKey));
  const stays = next.entries.find((entry) => before.has(placeKey(entry)));
  if (!log || !first || !stays || placeKey(first) === placeKey(stays)) return 0;
  const at = (entry: ChatEntry) => log.querySelector<HTMLElement>(`.message[data-id="${CSS.escape(entry.message.id)}"]`);
  const from = at(first);
  const to = at(stays);
  return from && to ? Math.max(0, to.getBoundingClientRect().top - from.getBoundingClientRect().top) : 0;
}
