/**
 * Reading a big JSON document without a long task (issue 13): `JSON.parse` or `response.json()`
 * of a 6 MB show document is one task of seconds on a phone. Here the body, gathered by the
 * browser (a `Blob`), is read a piece at a time and scanned in slices of a few milliseconds that
 * yield to the page; the entries of one
 * top-level array (a show document's `products`) are built only up to a cap, the rest is scanned
 * for its end and never built. What is built is parsed by the platform (`Response.json()`, in
 * batches), not by `JSON.parse`, which a host page may have replaced.
 *
 * The result is what `JSON.parse` gives, except that the capped array holds its first `cap`
 * entries and keeps the document's length (the entries past the cap are holes, never read), and
 * that the entries past the cap are only checked for balanced brackets and strings.
 */
import { yieldToPage } from './yield.js';

export interface JsonInSlicesOptions {
  /** The top-level key whose array is capped. */
  key: string;
  /** How many of its entries are built. */
  cap: number;
  /** Milliseconds of work between two yields to the page. @default 8 */
  budget?: number;
  signal?: AbortSignal;
}

const now = () => globalThis.performance?.now() ?? Date.now();
/** Characters of the kept entries parsed at once (small enough to be a short task). */
const BATCH = 64 * 1024;
/** Bytes read and decoded at once. */
const DECODE = 128 * 1024;

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Walks the text once, keeping the document without the capped array, and that array's first entries. */
class Scanner {
  /** The document with the capped array's entries left out (`"key":[]`). */
  readonly head: string[] = [];
  /** Texts of kept entries not parsed yet. */
  batch: string[] = [];
  batchChars = 0;
  /** Entries of the capped array seen (kept or not). */
  count = 0;
  /** Set when the capped array starts again (a duplicate key: the last one wins, as in JSON.parse). */
  restarted = false;

  private depth = 0;
  private inString = false;
  private escape = false;
  private topIsObject: boolean | undefined;
  /** The text of the string just closed at depth 1 (a key if a colon follows), up to 64 chars. */
  private lastString: string | null = null;
  private stringStart = -1;
  private stringParts: string[] = [];
  /** A colon after the key was seen: the next value is the capped array, if it is one. */
  private armed = false;
  /** Inside the capped array (its entries are at depth 2). */
  private inArray = false;
  private entryStart = -1;
  private entryParts: string[] = [];
  private entryHasContent = false;

  constructor(
    private readonly key: string,
    private readonly cap: number,
  ) {}

  /** Scans `s` from `from` until its end or `deadline`; returns where it stopped. */
  scan(s: string, from: number, deadline: number): number {
    const n = s.length;
    let i = from;
    let headStart = this.inArray ? -1 : from;
    if (this.inArray && this.entryStart < 0 && this.keeping()) this.entryStart = from;
    if (this.inString && this.stringStart < 0 && this.depth === 1) this.stringStart = from;
    while (i < n) {
      if ((i & 1023) === 0 && i > from && (now() > deadline || this.batchChars >= BATCH)) break;
      const c = s.charCodeAt(i);
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === BACKSLASH) this.escape = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.depth === 1 && this.stringStart >= 0) {
            this.stringParts.push(s.slice(this.stringStart, i));
            const text = this.stringParts.join('');
            this.lastString = text.length <= 64 ? text : null;
            this.stringParts = [];
            this.stringStart = -1;
          }
        }
        i++;
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (this.topIsObject === undefined) this.topIsObject = c === OPEN_BRACE;
      if (this.inArray && this.depth === 2) {
        if (c === COMMA || c === CLOSE_BRACKET) {
          if (c === COMMA || this.entryHasContent || this.count > 0) this.endEntry(s, i);
          if (c === CLOSE_BRACKET) {
            this.depth = 1;
            this.inArray = false;
            headStart = i;
          }
          i++;
          continue;
        }
        this.entryHasContent = true;
      }
      if (this.depth === 1 && this.topIsObject) {
        if (c === COLON && this.lastString !== null) {
          this.armed = this.lastString === this.key;
          this.lastString = null;
          i++;
          continue;
        }
        this.lastString = null;
        if (this.armed) {
          this.armed = false;
          if (c === OPEN_BRACKET) {
            this.head.push(s.slice(headStart, i + 1));
            headStart = -1;
            this.depth = 2;
            this.inArray = true;
            this.count = 0;
            this.batch = [];
            this.batchChars = 0;
            this.restarted = true;
            this.entryParts = [];
            this.entryHasContent = false;
            this.entryStart = i + 1;
            i++;
            continue;
          }
        }
      }
      if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1) this.stringStart = i + 1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        // More closing than opening brackets: not JSON, whatever follows.
        if (this.depth < 0) throw new SyntaxError('Unexpected closing bracket in JSON');
      }
      i++;
    }
    // What this piece of `s` holds of the unfinished parts, kept for the next one.
    if (headStart >= 0) this.head.push(s.slice(headStart, i));
    if (this.inArray && this.entryStart >= 0) {
      this.entryParts.push(s.slice(this.entryStart, i));
      this.entryStart = -1;
    }
    if (this.inString && this.stringStart >= 0) {
      this.stringParts.push(s.slice(this.stringStart, i));
      this.stringStart = -1;
      // A long string at depth 1 is a value, not a key worth keeping.
      if (this.stringParts.reduce((sum, part) => sum + part.length, 0) > 64) this.stringParts = [''.padEnd(65)];
    }
    return i;
  }

  /** Whether the current entry of the capped array is one to build. */
  private keeping(): boolean {
    return this.count < this.cap;
  }

  private endEntry(s: string, end: number): void {
    if (this.keeping()) {
      if (this.entryStart >= 0) this.entryParts.push(s.slice(this.entryStart, end));
      const text = this.entryParts.join('');
      this.batch.push(text);
      this.batchChars += text.length;
    }
    this.count++;
    this.entryParts = [];
    this.entryHasContent = false;
    this.entryStart = this.keeping() ? end + 1 : -1;
  }

  /** Whether the document ended where JSON allows it to. */
  complete(): boolean {
    return this.depth === 0 && !this.inString && !this.inArray;
  }
}

/** Parses `text` with the platform's JSON parser (not a page's replacement of `JSON.parse`). */
function platformParse(text: string): Promise<unknown> {
  return new Response(text).json() as Promise<unknown>;
}

/**
 * Parses a JSON body held in `body` (a `Blob`: `response.blob()` gathers it without a task of
 * ours per network chunk), read `piece` bytes at a time, in slices of about `budget` ms. Rejects
 * with a `SyntaxError` for a body that is not JSON, with the signal's reason once it is aborted.
 */
export async function readJsonInSlices(body: Blob, options: JsonInSlicesOptions & { piece?: number }): Promise<unknown> {
  const budget = options.budget ?? 8;
  const piece = options.piece ?? DECODE;
  const decoder = new TextDecoder();
  const scanner = new Scanner(options.key, options.cap);
  const kept: unknown[] = [];
  let deadline = now() + budget;

  const breathe = async () => {
    await yieldToPage();
    if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('Aborted', 'AbortError');
    deadline = now() + budget;
  };
  const flush = async () => {
    if (scanner.restarted) {
      kept.length = 0;
      scanner.restarted = false;
    }
    if (scanner.batch.length === 0) return;
    const values = (await platformParse(`[${scanner.batch.join(',')}]`)) as unknown[];
    for (let i = 0; i < values.length; i++) kept.push(values[i]);
    scanner.batch = [];
    scanner.batchChars = 0;
  };
  const feed = async (text: string) => {
    let at = 0;
    while (at < text.length) {
      at = scanner.scan(text, at, deadline);
      if (scanner.batchChars >= BATCH || scanner.restarted) await flush();
      if (now() > deadline) await breathe();
    }
  };

  for (let at = 0; at < body.size; at += piece) {
    const bytes = new Uint8Array(await body.slice(at, at + piece).arrayBuffer());
    if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('Aborted', 'AbortError');
    await feed(decoder.decode(bytes, { stream: true }));
  }
  await feed(decoder.decode());
  if (!scanner.complete()) throw new SyntaxError('Unexpected end of JSON input');
  await flush();

  const doc = await platformParse(scanner.head.join(''));
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    const record = doc as Record<string, unknown>;
    const list = record[options.key];
    // The last occurrence of the key won; `[]` there is the array the scanner kept.
    if (Array.isArray(list) && list.length === 0) {
      for (let i = 0; i < kept.length; i++) list.push(kept[i]);
      if (scanner.count > list.length) list.length = scanner.count;
    }
  }
  return doc;
}
