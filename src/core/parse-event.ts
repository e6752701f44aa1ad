/**
 * The parser of live show events (docs/live-events.md), apart from parse.ts so that only the lazy
 * live connection (adapters/sse/connection.ts) loads it, with the chat's event parsing
 * (parse-interactions.ts): neither is in a show's first view.
 */
import { clean, dateTime, id, Invalid, LIMITS, object, count, run, status, type ParseResult } from './parse-fields.js';
import { parseInteractionEvent } from './parse-interactions.js';
import { productOf } from './parse.js';
import type { ShowEvent } from './types.js';

/**
 * Parses one Server-Sent Event (docs/live-events.md) from its `event:` name and
 * `data:` text. Unknown event names and malformed data are an error (which the
 * caller reports as recoverable and otherwise ignores).
 */
export function parseShowEvent(type: string, data: string, base?: string, eventId?: string): ParseResult<ShowEvent> {
  return run(
    (issues) => {
      let payload: unknown;
      try {
        payload = JSON.parse(data);
      } catch {
        throw new Invalid(type, 'data is not JSON');
      }
      switch (type) {
        case 'highlight': {
          const h = object(payload, type);
          const event: ShowEvent = { type, productId: id(h.productId, 'highlight.productId') };
          if (h.at !== undefined) {
            const at = dateTime(h.at);
            if (at === undefined) throw new Invalid('highlight.at', 'not a date-time');
            event.at = at;
          }
          const stableId = eventId ? clean(eventId.slice(0, LIMITS.id), LIMITS.id) : '';
          if (stableId) event.id = stableId;
          return event;
        }
        case 'status':
          return { type, status: status(object(payload, type).status, 'status.status') };
        case 'product': {
          const product = productOf(payload, 'product', base, issues);
          return { type, product };
        }
        case 'viewers': {
          const n = count(object(payload, type).count);
          if (n === undefined) throw new Invalid('viewers.count', 'not a count');
          return { type, count: n };
        }
        default: {
          // Chat, deletions, pins and reactions (parse-interactions.ts).
          const interaction = parseInteractionEvent(type, payload);
          if (interaction?.ok) return interaction.value;
          throw new Invalid(type.slice(0, 64), interaction ? interaction.reason : 'unknown event');
        }
      }
    },
    'show/invalid',
    'live event',
  );
}
