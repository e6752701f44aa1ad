/**
 * "Add to calendar" for a scheduled show: an RFC 5545 iCalendar file with one event.
 * Lines end with CRLF and are folded at 75 octets; TEXT values are escaped; times are UTC.
 */

export interface CalendarEvent {
  /** A globally unique id, stable for the show (a re-download updates the same event). */
  uid: string;
  title: string;
  start: Date;
  /** @default 60 */
  durationMinutes?: number;
  /** The page the show plays on. */
  url?: string;
  description?: string;
  /** The time the file is made (DTSTAMP). @default new Date() */
  now?: Date;
}

/** `20261122T180000Z`: a UTC DATE-TIME (RFC 5545 section 3.3.5, form #2). */
export function icsDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}

/** Escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon, comma, newline. */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** Folds a content line at 75 octets of UTF-8 (section 3.1), never inside a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines start with a space, so 74 more.
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * Builds the `.ics` text of one event.
 *
 * @example
 * buildIcs({ uid: 'show-42@shop.example', title: 'Winter drop, live', start: new Date('2026-11-22T18:00:00Z') });
 */
export function buildIcs(event: CalendarEvent): string {
  const end = new Date(event.start.getTime() + (event.durationMinutes ?? 60) * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Vitrine//Live shopping//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsText(event.uid)}`,
    `DTSTAMP:${icsDate(event.now ?? new Date())}`,
    `DTSTART:${icsDate(event.start)}`,
    `DTEND:${icsDate(end)}`,
    `SUMMARY:${icsText(event.title)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${icsText(event.description)}`);
  if (event.url) lines.push(`URL:${event.url.replace(/[\r\n]/g, '')}`);
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
