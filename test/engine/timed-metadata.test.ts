import { expect } from '@open-wc/testing';
import { DateRanges, clientAttributes, parseAttributeList, parseDateRangeLine } from '../../src/engine/daterange.js';
import { pinFromId3, pinFromText } from '../../src/engine/id3.js';
import { Timeline } from '../../src/engine/timeline.js';

const T0 = Date.UTC(2026, 10, 22, 18);

describe('DATERANGE lines', () => {
  it('keeps every value as written: numbers, quoted numbers, commas in quotes', () => {
    expect(parseAttributeList('ID="a",X-N=1234,X-Q="4321",X-D="12.50",X-F=12.50,X-HEX=0xFC00,X-C="a, b"')).to.deep.equal({
      ID: 'a',
      'X-N': '1234',
      'X-Q': '4321',
      'X-D': '12.50',
      'X-F': '12.50',
      'X-HEX': '0xFC00',
      'X-C': 'a, b',
    });
  });

  it('reads a highlight, and camel-cases its X- attributes', () => {
    const range = parseDateRangeLine('#EXT-X-DATERANGE:ID="h-17",CLASS="com.vitrine.highlight",START-DATE="2026-11-22T18:03:12.000Z",X-PRODUCT-ID=0042')!;
    expect(range.id).to.equal('h-17');
    expect(range.className).to.equal('com.vitrine.highlight');
    expect(range.startDate).to.equal(Date.parse('2026-11-22T18:03:12.000Z'));
    expect(clientAttributes(range)).to.deep.equal({ productId: '0042' });
    expect(parseDateRangeLine('#EXT-X-DATERANGE:CLASS="x"')).to.equal(undefined);
  });

  it('merges a later tag with the same ID, and never places an SCTE-35 IN without a START-DATE', () => {
    const ranges = new DateRanges();
    ranges.add(parseDateRangeLine('#EXT-X-DATERANGE:ID="splice-1",DURATION=59.993,SCTE35-IN=0xFC00')!);
    expect(ranges.placeable).to.deep.equal([]);
    ranges.add(parseDateRangeLine('#EXT-X-DATERANGE:ID="s-2",START-DATE="2026-11-22T18:00:00Z",PLANNED-DURATION=30,SCTE35-OUT=0xFC01')!);
    ranges.add(parseDateRangeLine('#EXT-X-DATERANGE:ID="s-2",DURATION=29.5,SCTE35-IN=0xFC02')!);
    expect(ranges.placeable.map((r) => [r.id, r.attributes['DURATION'], r.attributes['SCTE35-IN']])).to.deep.equal([['s-2', '29.5', '0xFC02']]);
  });
});

describe('Timeline', () => {
  const seg = (pdt: number, duration = 1) => ({ duration, programDateTime: pdt });

  it('places a date through the segment that holds it, across a discontinuity whose date jumps', () => {
    const t = new Timeline();
    t.update(0, [seg(T0), seg(T0 + 1000), seg(T0 + 2000), seg(T0 + 33000), seg(T0 + 34000)]);
    expect(t.mediaTimeOf(T0 + 1500)).to.equal(1.5);
    expect(t.mediaTimeOf(T0 + 33500)).to.equal(3.5);
    expect(t.programDateTime(4.25)).to.equal(T0 + 34250);
    // In the gap the jump left: the first frame after it.
    expect(t.mediaTimeOf(T0 + 10000)).to.equal(3);
    // Past the last segment (a live moment to come): extrapolated.
    expect(t.mediaTimeOf(T0 + 37000)).to.equal(7);
  });

  it('keeps a sliding live window on one timeline, and prefers the start the engine knows', () => {
    const t = new Timeline();
    t.update(10, [seg(T0), seg(T0 + 2000, 2), seg(T0 + 4000, 2)].map((s, i) => (i === 0 ? { ...s, duration: 2 } : s)));
    t.update(11, [seg(T0 + 2000, 2), seg(T0 + 4000, 2), seg(T0 + 6000, 2)]);
    expect(t.mediaTimeOf(T0 + 7000)).to.equal(7);
    t.update(12, [{ ...seg(T0 + 4000, 2), start: 4.1 }, seg(T0 + 6000, 2), seg(T0 + 8000, 2)]);
    expect(t.mediaTimeOf(T0 + 9000)).to.be.closeTo(9.1, 1e-9);
    expect(t.mediaTimeOf(T0 + 3000)).to.equal(3);
  });

  it('knows nothing without program date-time', () => {
    const t = new Timeline();
    t.update(0, [{ duration: 1 }, { duration: 1 }]);
    expect(t.mediaTimeOf(T0)).to.equal(undefined);
    expect(t.programDateTime(1)).to.equal(undefined);
    expect(t.dated).to.equal(false);
  });
});

describe('ID3 pins', () => {
  const json = (value: unknown) => JSON.stringify(value);

  it('reads a TXXX frame and a PRIV frame carrying the pin JSON', () => {
    expect(pinFromId3({ key: 'TXXX', data: json({ vitrine: 'highlight', productId: 'p1' }) })).to.deep.equal({ productId: 'p1' });
    const priv = new TextEncoder().encode(json({ vitrine: 'highlight', productId: 'p2', id: 'h-9' }));
    expect(pinFromId3({ key: 'PRIV', data: priv })).to.deep.equal({ id: 'h-9', productId: 'p2' });
    expect(pinFromText(json({ vitrine: 'highlight', productId: 1234 }))).to.deep.equal({ productId: '1234' });
  });

  it('ignores every other frame and payload', () => {
    expect(pinFromId3({ key: 'TIT2', data: 'song' })).to.equal(undefined);
    expect(pinFromId3({ key: 'TXXX', data: 'song title' })).to.equal(undefined);
    expect(pinFromId3({ key: 'TXXX', data: json({ vitrine: 'poll', productId: 'p1' }) })).to.equal(undefined);
    expect(pinFromId3({ key: 'TXXX', data: json({ vitrine: 'highlight' }) })).to.equal(undefined);
    expect(pinFromId3({ key: 'TXXX', data: '{"vitrine":' })).to.equal(undefined);
    expect(pinFromId3({ key: 'PRIV', data: new Uint8Array([0xff, 0xfe]) })).to.equal(undefined);
    expect(pinFromId3(null)).to.equal(undefined);
  });
});
