// Timed ID3 metadata in MPEG-TS segments, the way AWS IVS (PutMetadata), Wowza and AWS Elemental
// MediaLive carry it: an ID3v2.4 tag in a PES packet (stream_id 0xBD) on its own PID, declared in
// the PMT with stream_type 0x15 (metadata in PES), its PTS the moment it belongs to.
// Dependency-free; used by the tests and the demo to put product pins into existing segments
// (docs/live-events-id3.md).
//
// @example
//   import { injectId3, id3Tag } from './id3.mjs';
//   const tag = id3Tag({ txxx: JSON.stringify({ vitrine: 'highlight', productId: 'p1' }) });
//   const segment = injectId3(readFileSync('seg04.ts'), [{ at: 0.3, tag }]); // 0.3 s after its first frame

const PACKET = 188;
const ID3_PID = 0x1f0;

/** An ID3v2.4 syncsafe integer (7 bits a byte). */
function syncsafe(n) {
  return [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f];
}

function frame(id, body) {
  return Buffer.concat([Buffer.from(id, 'latin1'), Buffer.from(syncsafe(body.length)), Buffer.from([0, 0]), body]);
}

/**
 * An ID3v2.4 tag with a TXXX frame (UTF-8 text, `description` default "vitrine") and/or a PRIV frame
 * (`owner` default "com.vitrine", the data UTF-8 text).
 * @param {{ txxx?: string, description?: string, priv?: string, owner?: string }} content
 */
export function id3Tag({ txxx, description = 'vitrine', priv, owner = 'com.vitrine' }) {
  const frames = [];
  if (txxx !== undefined) {
    frames.push(frame('TXXX', Buffer.concat([Buffer.from([3]), Buffer.from(description, 'utf8'), Buffer.from([0]), Buffer.from(txxx, 'utf8')])));
  }
  if (priv !== undefined) {
    frames.push(frame('PRIV', Buffer.concat([Buffer.from(owner, 'latin1'), Buffer.from([0]), Buffer.from(priv, 'utf8')])));
  }
  const body = Buffer.concat(frames);
  return Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([4, 0, 0]), Buffer.from(syncsafe(body.length)), body]);
}

/** CRC-32/MPEG-2 of PSI sections. */
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let i = 0; i < 8; i++) crc = crc & 0x80000000 ? ((crc << 1) ^ 0x04c11db7) >>> 0 : (crc << 1) >>> 0;
  }
  return crc >>> 0;
}

const pidOf = (p) => ((p[1] & 0x1f) << 8) | p[2];
const unitStart = (p) => (p[1] & 0x40) !== 0;
/** Offset of a packet's payload. */
function payloadAt(p) {
  const adaptation = (p[3] >> 4) & 0x3;
  return adaptation === 2 ? PACKET : adaptation === 3 ? 5 + p[4] : 4;
}

function readPts(b, i) {
  return (b[i] & 0x0e) * 536870912 + b[i + 1] * 4194304 + (b[i + 2] & 0xfe) * 16384 + b[i + 3] * 128 + (b[i + 4] >> 1);
}

function writePts(pts) {
  const p = pts % 8589934592;
  return Buffer.from([
    0x21 | ((Math.floor(p / 1073741824) & 0x07) << 1),
    Math.floor(p / 4194304) & 0xff,
    (Math.floor(p / 16384) & 0xfe) | 1,
    Math.floor(p / 128) & 0xff,
    ((p * 2) & 0xfe) | 1,
  ]);
}

/** Splits a PES into TS packets on `pid`, the last one padded with adaptation-field stuffing. */
function packetize(pes, pid) {
  const out = [];
  let offset = 0;
  let counter = 0;
  while (offset < pes.length) {
    const chunk = pes.subarray(offset, offset + PACKET - 4);
    const header = Buffer.from([0x47, (offset === 0 ? 0x40 : 0) | ((pid >> 8) & 0x1f), pid & 0xff, 0x10 | (counter & 0xf)]);
    let packet;
    if (chunk.length === PACKET - 4) packet = Buffer.concat([header, chunk]);
    else {
      const stuffing = PACKET - 4 - chunk.length; // adaptation field: length byte, flags, 0xFF…
      header[3] = 0x30 | (counter & 0xf);
      const field = stuffing === 1 ? Buffer.from([0]) : Buffer.concat([Buffer.from([stuffing - 1, 0]), Buffer.alloc(stuffing - 2, 0xff)]);
      packet = Buffer.concat([header, field, chunk]);
    }
    out.push(packet);
    offset += chunk.length;
    counter += 1;
  }
  return out;
}

/**
 * Puts timed ID3 tags into a TS segment: the PMT gains a metadata stream (0x15) on PID 0x1F0, and
 * each tag goes in a PES whose PTS is the segment's first video PTS + `at` seconds.
 * @param {Buffer} ts  an MPEG-TS segment (PAT, PMT, H.264/AAC)
 * @param {{ at: number, tag: Buffer }[]} tags
 * @returns {Buffer}
 */
export function injectId3(ts, tags) {
  const packets = [];
  for (let i = 0; i + PACKET <= ts.length; i += PACKET) packets.push(Buffer.from(ts.subarray(i, i + PACKET)));
  const pat = packets.find((p) => pidOf(p) === 0 && unitStart(p));
  if (!pat) throw new Error('no PAT');
  const patSection = payloadAt(pat) + 1 + pat[payloadAt(pat)];
  const pmtPid = ((pat[patSection + 10] & 0x1f) << 8) | pat[patSection + 11];
  const pmtIndex = packets.findIndex((p) => pidOf(p) === pmtPid && unitStart(p));
  if (pmtIndex < 0) throw new Error('no PMT');
  const pmt = packets[pmtIndex];
  const start = payloadAt(pmt) + 1 + pmt[payloadAt(pmt)];
  const sectionLength = ((pmt[start + 1] & 0x0f) << 8) | pmt[start + 2];
  const body = pmt.subarray(start, start + 3 + sectionLength - 4); // without the CRC
  // The video PID (H.264: 0x1B) and its first PTS.
  const programInfo = ((body[10] & 0x0f) << 8) | body[11];
  let videoPid;
  for (let i = 12 + programInfo; i + 5 <= body.length; ) {
    const type = body[i];
    const pid = ((body[i + 1] & 0x1f) << 8) | body[i + 2];
    if (type === 0x1b && videoPid === undefined) videoPid = pid;
    i += 5 + (((body[i + 3] & 0x0f) << 8) | body[i + 4]);
  }
  const firstVideo = packets.find((p) => pidOf(p) === videoPid && unitStart(p));
  if (!firstVideo) throw new Error('no video PES');
  const pes = payloadAt(firstVideo);
  const basePts = readPts(firstVideo, pes + 9);

  // The PMT with the metadata stream added (no descriptor: stream_type 0x15 says it all).
  const entry = Buffer.from([0x15, 0xe0 | ((ID3_PID >> 8) & 0x1f), ID3_PID & 0xff, 0xf0, 0x00]);
  const section = Buffer.concat([body, entry]);
  const length = section.length - 3 + 4;
  section[1] = (section[1] & 0xf0) | ((length >> 8) & 0x0f);
  section[2] = length & 0xff;
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(section));
  const newSection = Buffer.concat([section, crc]);
  const newPmt = Buffer.alloc(PACKET, 0xff);
  pmt.copy(newPmt, 0, 0, start);
  newSection.copy(newPmt, start);
  if (start + newSection.length > PACKET) throw new Error('PMT too long');

  const inserted = [];
  let counter = 0;
  for (const { at, tag } of tags) {
    const header = Buffer.concat([Buffer.from([0x84, 0x80, 5]), writePts(basePts + Math.round(at * 90000))]);
    const length = header.length + tag.length;
    const packetsOfTag = packetize(Buffer.concat([Buffer.from([0, 0, 1, 0xbd, (length >> 8) & 0xff, length & 0xff]), header, tag]), ID3_PID);
    for (const p of packetsOfTag) p[3] = (p[3] & 0xf0) | (counter++ & 0xf);
    inserted.push(...packetsOfTag);
  }
  const out = [...packets];
  out[pmtIndex] = newPmt;
  // Every later PMT too (a segment may repeat it).
  for (let i = pmtIndex + 1; i < out.length; i++) if (pidOf(out[i]) === pmtPid && unitStart(out[i])) out[i] = newPmt;
  out.splice(pmtIndex + 1, 0, ...inserted);
  return Buffer.concat(out);
}
