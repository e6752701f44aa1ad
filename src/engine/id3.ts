/**
 * Product pins in ID3 timed metadata (docs/live-events-id3.md). Engine-free, so it is tested on its own.
 *
 * AWS IVS (`PutMetadata`), Wowza and AWS Elemental MediaLive put ID3 tags into the stream's
 * segments; VHS turns each frame into a cue on its "Timed Metadata" text track, at the frame's
 * presentation time, with the parsed frame as `cue.value`: `{ key: 'TXXX', description, data }`
 * (text) or `{ key: 'PRIV', owner, data: Uint8Array }`. A pin is a frame whose text is JSON:
 *
 *   {"vitrine":"highlight","productId":"p1"}            (optionally "id": a stable id for the pin)
 *
 * In a `TXXX` frame (any description) or a `PRIV` frame (any owner; the data is UTF-8 JSON).
 * IVS's `PutMetadata` writes its text as a `TXXX` frame, so the same JSON works there.
 */

export interface Id3Pin {
  /** The payload's `id`, when it has one. */
  id?: string;
  productId: string;
}

/**
 * The parts of a VHS ID3 frame this reads: `key` and `data` only (VHS's deprecated `id`, `value`
 * and `privateData` getters log a warning when read).
 */
export interface Id3Frame {
  key?: string;
  data?: unknown;
}

/** The longest payload read (IVS allows 1 KB; anything much bigger is not a pin). */
const MAX_LENGTH = 4096;

/** The pin a frame carries, or undefined when it carries none (any other metadata). */
export function pinFromId3(frame: Id3Frame | null | undefined): Id3Pin | undefined {
  if (!frame || typeof frame !== 'object') return undefined;
  const key = frame.key;
  let text: string | undefined;
  if (key === 'TXXX') text = typeof frame.data === 'string' ? frame.data : undefined;
  else if (key === 'PRIV') text = typeof frame.data === 'string' ? frame.data : decode(frame.data);
  if (!text || text.length > MAX_LENGTH) return undefined;
  return pinFromText(text);
}

/** Reads the pin JSON (`{"vitrine":"highlight","productId":…}`); ids that are numbers become strings. */
export function pinFromText(text: string): Id3Pin | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!payload || typeof payload !== 'object') return undefined;
  const record = payload as Record<string, unknown>;
  if (record['vitrine'] !== 'highlight') return undefined;
  const productId = idText(record['productId']);
  if (!productId) return undefined;
  const id = idText(record['id']);
  return id ? { id, productId } : { productId };
}

function idText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0 && value.length <= 256) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function decode(data: unknown): string | undefined {
  let bytes: Uint8Array | undefined;
  if (data instanceof Uint8Array) bytes = data;
  else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
  if (!bytes || bytes.length > MAX_LENGTH) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
