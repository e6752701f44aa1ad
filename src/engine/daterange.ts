/**
 * `#EXT-X-DATERANGE` tags read from the playlist text itself. Engine-free, so it is tested on its own.
 *
 * video.js's playlist parser (m3u8-parser) turns decimal-looking attribute values into numbers
 * (`X-PRODUCT-ID="12.50"` becomes 12.5), and VHS throws a `TypeError` on every playlist refresh
 * for a DATERANGE without `START-DATE` (an SCTE-35 IN tag in a live window). The engine gives VHS a
 * custom tag parser that takes every DATERANGE line (`dateRangeTagParser`): VHS then neither
 * converts nor places them, and the engine places them itself, by program date-time through the
 * segment that contains the moment (timeline.ts).
 */

export interface DateRange {
  id: string;
  className?: string;
  /** Epoch ms. */
  startDate?: number;
  /**
   * Every attribute as written in the playlist (quotes removed), by its name: `X-PRODUCT-ID` stays
   * `X-PRODUCT-ID`, and `1234`, `"4321"` and `"12.50"` stay the strings `1234`, `4321` and `12.50`.
   */
  attributes: Record<string, string>;
}

/** Parses an attribute list (RFC 8216 section 4.2): `KEY=value,KEY="quoted, with commas"`. */
export function parseAttributeList(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /\s*([A-Z0-9-]+)\s*=\s*("[^"]*"|[^,]*)\s*(?:,|$)/gy;
  let match: RegExpExecArray | null;
  while (re.lastIndex < text.length && (match = re.exec(text))) {
    const raw = match[2]!.trim();
    out[match[1]!] = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    if (match[0].length === 0) break;
  }
  return out;
}

/** Reads one `#EXT-X-DATERANGE:` line; undefined when it is not one or has no ID. */
export function parseDateRangeLine(line: string): DateRange | undefined {
  const prefix = '#EXT-X-DATERANGE:';
  if (!line.startsWith(prefix)) return undefined;
  const attributes = parseAttributeList(line.slice(prefix.length));
  const id = attributes['ID'];
  if (!id) return undefined;
  const start = attributes['START-DATE'] ? Date.parse(attributes['START-DATE']) : Number.NaN;
  return {
    id,
    className: attributes['CLASS'],
    startDate: Number.isFinite(start) ? start : undefined,
    attributes,
  };
}

/**
 * The DATERANGEs of a stream by ID. A later tag with the same ID adds attributes (RFC 8216: an
 * SCTE35-IN or END-DATE for a range opened before); one without START-DATE whose ID is not known
 * is kept aside, and never placed.
 */
export class DateRanges {
  #ranges = new Map<string, DateRange>();

  add(range: DateRange): void {
    const known = this.#ranges.get(range.id);
    if (known) {
      Object.assign(known.attributes, range.attributes);
      known.className ??= range.className;
      known.startDate ??= range.startDate;
      return;
    }
    this.#ranges.set(range.id, { ...range, attributes: { ...range.attributes } });
  }

  /** The ranges that have a START-DATE (the ones that can be placed). */
  get placeable(): DateRange[] {
    return [...this.#ranges.values()].filter((r) => r.startDate !== undefined);
  }

  clear(): void {
    this.#ranges.clear();
  }
}

/** The X- attributes of a range with camel-cased names: `X-PRODUCT-ID` is `productId`. */
export function clientAttributes(range: DateRange): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(range.attributes)) {
    if (name.startsWith('X-')) out[camel(name.slice(2))] = value;
  }
  return out;
}

export function camel(name: string): string {
  return name.toLowerCase().replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A VHS `customTagParsers` entry that takes every DATERANGE line away from VHS and hands it to
 * `onRange` (the line is then not in the parsed playlist's `dateRanges`).
 */
export function dateRangeTagParser(onRange: (range: DateRange) => void): {
  expression: RegExp;
  customType: string;
  dataParser: (line: string) => undefined;
} {
  return {
    expression: /^#EXT-X-DATERANGE:/,
    customType: 'vitrineDateRange',
    dataParser: (line: string) => {
      const range = parseDateRangeLine(line);
      if (range) onRange(range);
      return undefined;
    },
  };
}
