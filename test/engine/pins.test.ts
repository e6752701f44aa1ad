import { expect } from '@open-wc/testing';
import { PinScheduler, type Pin } from '../../src/engine/pins.js';

function scheduler(options: { map?: (ms: number) => number | undefined; canMap?: () => boolean } = {}) {
  const fired: { id: string; at: number }[] = [];
  const s = new PinScheduler({
    fire: (pin: Pin, at: number) => fired.push({ id: pin.id, at }),
    mapToMediaTime: options.map ?? (() => undefined),
    canMap: options.canMap ?? (() => true),
  });
  return { s, fired };
}

/** Plays from `from` to `to` in 0.1 s ticks. */
function play(s: PinScheduler, from: number, to: number) {
  for (let t = from; t <= to + 1e-9; t += 0.1) s.tick(Math.round(t * 1000) / 1000);
}

describe('PinScheduler', () => {
  it('fires a pin when playback crosses its media time, once', () => {
    const { s, fired } = scheduler();
    s.schedule({ id: 'a', productId: 'p1', mediaTime: 2 });
    play(s, 0, 1.9);
    expect(fired).to.deep.equal([]);
    play(s, 2, 5);
    expect(fired).to.deep.equal([{ id: 'a', at: 2 }]);
    s.schedule({ id: 'a', productId: 'p1', mediaTime: 2 });
    play(s, 5, 6);
    expect(fired.length).to.equal(1);
  });

  it('re-arms a pin after seeking back before it, not after seeking back past a little', () => {
    const { s, fired } = scheduler();
    s.schedule({ id: 'a', productId: 'p1', mediaTime: 2 });
    play(s, 0, 3);
    s.tick(1.8); // within 0.5 s: stays fired
    play(s, 1.8, 3);
    expect(fired.length).to.equal(1);
    s.tick(0.5); // seek back
    play(s, 0.5, 3);
    expect(fired.map((f) => f.id)).to.deep.equal(['a', 'a']);
  });

  it('after a forward seek shows the product pinned at the new point, not the pins jumped over; fires a late pin at once', async () => {
    const { s, fired } = scheduler();
    s.schedule({ id: 'a', productId: 'p1', mediaTime: 2 });
    s.schedule({ id: 'b', productId: 'p2', mediaTime: 5 });
    s.schedule({ id: 'c', productId: 'p3', mediaTime: 20 });
    play(s, 0, 1);
    s.tick(8); // seek over a and b: b is the product on screen at 8
    expect(fired).to.deep.equal([{ id: 'b', at: 5 }]);
    play(s, 8, 9);
    expect(fired.length).to.equal(1);
    s.schedule({ id: 'late', productId: 'p2', mediaTime: 7.5 }, 9);
    await Promise.resolve();
    expect(fired.slice(1)).to.deep.equal([{ id: 'late', at: 7.5 }]);
    // A late pin older than the one on screen does not replace it.
    s.schedule({ id: 'older', productId: 'p1', mediaTime: 3 }, 9);
    await Promise.resolve();
    expect(fired.length).to.equal(2);
  });

  it('shows only the latest of the late pins that arrive together (a live window read at the live edge)', async () => {
    const { s, fired } = scheduler();
    for (const [id, t] of [['w-6', 6], ['w-16', 16], ['w-26', 26]] as const) s.schedule({ id, productId: id, mediaTime: t }, 17);
    expect(fired).to.deep.equal([]);
    await Promise.resolve();
    expect(fired).to.deep.equal([{ id: 'w-16', at: 16 }]);
    play(s, 17, 26.1);
    expect(fired.map((f) => f.id)).to.deep.equal(['w-16', 'w-26']);
  });

  it('a live viewer joining after a pin sees it at once: cues scheduled at time 0, then the jump to the live edge', () => {
    const { s, fired } = scheduler();
    // The cues of the live window arrive while currentTime is still 0 (before the seek to the edge).
    for (const [id, t] of [['p-21', 21], ['p-24', 24], ['p-27', 27], ['p-33', 33]] as const) {
      s.schedule({ id, productId: id, mediaTime: t }, 0);
    }
    s.tick(0);
    expect(fired).to.deep.equal([]);
    s.tick(30); // at the live edge
    expect(fired).to.deep.equal([{ id: 'p-27', at: 27 }]);
    play(s, 30, 33.1);
    expect(fired.map((f) => f.id)).to.deep.equal(['p-27', 'p-33']);
    // Seek back into p-24's time: p-24 is shown again at once, and p-27 when playback gets there.
    s.tick(25);
    expect(fired.map((f) => f.id)).to.deep.equal(['p-27', 'p-33', 'p-24']);
    play(s, 25, 27.2);
    expect(fired.map((f) => f.id)).to.deep.equal(['p-27', 'p-33', 'p-24', 'p-27']);
  });

  it('a viewer whose first tick is already at the live edge sees the pin before it', () => {
    const { s, fired } = scheduler();
    s.schedule({ id: 'x', productId: 'p1', mediaTime: 12 }, 0);
    s.tick(14.2);
    expect(fired).to.deep.equal([{ id: 'x', at: 12 }]);
  });

  it('maps program date-time pins, holding them until playback reaches them', () => {
    const origin = Date.UTC(2026, 10, 22, 18);
    const { s, fired } = scheduler({ map: (ms) => (ms - origin) / 1000 });
    s.schedule({ id: 'sse', productId: 'p1', programDateTime: origin + 4000 }, 1);
    play(s, 1, 3.9);
    expect(fired).to.deep.equal([]);
    play(s, 4, 4.2);
    expect(fired).to.deep.equal([{ id: 'sse', at: 4 }]);
  });

  it('shows an unmappable pin on arrival, and never again', () => {
    const { s, fired } = scheduler({ canMap: () => false });
    s.schedule({ id: 'x', productId: 'p1', programDateTime: Date.now() + 60_000 });
    expect(fired.map((f) => f.id)).to.deep.equal(['x']);
    play(s, 0, 3);
    s.tick(0);
    play(s, 0, 3);
    expect(fired.length).to.equal(1);
  });

  it('waits for a mapping while one may still come', () => {
    let mapping: ((ms: number) => number) | undefined;
    const { s, fired } = scheduler({ map: (ms) => mapping?.(ms), canMap: () => true });
    s.schedule({ id: 'w', productId: 'p1', programDateTime: 10_000 });
    play(s, 0, 1);
    expect(fired).to.deep.equal([]);
    mapping = (ms) => ms / 1000 - 8; // 10 000 ms → 2 s
    play(s, 1, 2.5);
    expect(fired).to.deep.equal([{ id: 'w', at: 2 }]);
  });
});
