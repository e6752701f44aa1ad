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

  it('does not fire pins that a forward seek jumps over, but fires a late pin at once', () => {
    const { s, fired } = scheduler();
    s.schedule({ id: 'a', productId: 'p1', mediaTime: 2 });
    play(s, 0, 1);
    s.tick(8); // seek over it
    expect(fired).to.deep.equal([]);
    s.schedule({ id: 'late', productId: 'p2', mediaTime: 7.5 }, 8);
    expect(fired).to.deep.equal([{ id: 'late', at: 7.5 }]);
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
