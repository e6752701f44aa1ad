import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/player/define.js';
import type { VitrinePlayer } from '../../../src/components/player/player.js';
import { playsFor, until, video } from './helpers.js';

/** Every play, pause and progress event of `el`, in order. */
function watchLog(el: EventTarget) {
  const events: { type: string; detail: Record<string, number | undefined> }[] = [];
  for (const name of ['vitrine-play', 'vitrine-pause', 'vitrine-progress']) {
    el.addEventListener(name, (e) => events.push({ type: name, detail: (e as CustomEvent).detail }));
  }
  return { events, of: (type: string) => events.filter((e) => e.type === type) };
}

describe('<vitrine-player> watch events', function () {
  this.timeout(40000);

  it('a replay watched to the end: vitrine-play, progress at 25/50/75/100 % and every 10 s watched', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src="/__player/hls/vod.m3u8" status="ended"></vitrine-player>`);
    const log = watchLog(el);
    await el.play();
    await playsFor(el, 0.1);
    video(el)!.playbackRate = 2; // the 12 s video in 6 s
    await until(() => log.of('vitrine-progress').some((e) => e.detail['percent'] === 100), 'no 100 % progress', 20000);
    const play = log.of('vitrine-play');
    expect(play).to.have.length(1);
    expect(play[0]!.detail['at']).to.be.below(1);
    const progress = log.of('vitrine-progress').map((e) => e.detail);
    expect(progress.filter((d) => d['percent'] !== undefined).map((d) => d['percent'])).to.deep.equal([25, 50, 75, 100]);
    const duration = video(el)!.duration;
    for (const d of progress.filter((p) => p['percent'] !== undefined && p['percent'] < 100)) {
      // Sent within a timeupdate or two of passing the mark.
      expect(d['at']!).to.be.within((duration * d['percent']!) / 100, (duration * d['percent']!) / 100 + 1.2);
    }
    const periodic = progress.filter((d) => d['percent'] === undefined);
    expect(periodic.map((d) => d['watched'])).to.deep.equal([10]);
    expect(periodic[0]!['at']).to.be.within(9.5, 12.5);
    expect(progress.at(-1)!['watched']).to.be.within(10, duration + 0.5);
    expect(log.of('vitrine-pause'), 'the end is not a pause').to.have.length(0);
  });

  it('pause and play again: vitrine-pause and vitrine-play with the media time; a seek is not watching', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src="/__player/hls/vod.m3u8" status="ended"></vitrine-player>`);
    const log = watchLog(el);
    await el.play();
    await playsFor(el, 0.5);
    el.pause();
    await until(() => log.of('vitrine-pause').length === 1, 'no vitrine-pause');
    const at = log.of('vitrine-pause')[0]!.detail['at']!;
    expect(at).to.be.closeTo(video(el)!.currentTime, 0.3);
    el.seek(9.5); // past 25, 50 and 75 %: not watched, no milestone
    await until(() => Math.abs(video(el)!.currentTime - 9.5) < 0.5, 'did not seek');
    await el.play();
    await until(() => log.of('vitrine-play').length === 2, 'no second vitrine-play');
    expect(log.of('vitrine-play')[1]!.detail['at']).to.be.closeTo(9.5, 0.6);
    await until(() => log.of('vitrine-progress').some((e) => e.detail['percent'] === 100), 'no 100 %', 15000);
    const percents = log.of('vitrine-progress').map((e) => e.detail['percent']);
    expect(percents).to.deep.equal([100]);
    expect(log.of('vitrine-progress')[0]!.detail['watched']!, 'about 0.5 + 2.5 s watched').to.be.within(2, 4.5);
  });
});
