import { expect } from '@open-wc/testing';
import type { VitrinePlayer } from '../../../src/components/player/player.js';
import { until } from './helpers.js';

type CspWindow = Window & { cspViolations: { directive: string; blocked: string; sample: string; source: string }[]; headCountAtStart: number };

/** A page served with a strict CSP (script-src/style-src 'self', Trusted Types) holding a player. */
async function cspPage(src: string): Promise<{ win: CspWindow; doc: Document; player: VitrinePlayer; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.src = `/__player/csp.html?src=${encodeURIComponent(src)}`;
  frame.width = '640';
  frame.height = '400';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as CspWindow;
  const doc = frame.contentDocument!;
  await until(() => win.customElements.get('vitrine-player'), 'the player was not defined under CSP', 10000);
  const player = doc.querySelector('vitrine-player') as VitrinePlayer;
  await player.updateComplete;
  return { win, doc, player, frame };
}

describe('<vitrine-player> under a strict Content-Security-Policy', function () {
  this.timeout(40000);

  it('plays with no CSP or Trusted Types violation, no globals, nothing added to <head>, and leaves no player behind', async () => {
    const { win, doc, player, frame } = await cspPage('/__player/hls/vod.m3u8');
    const globalsBefore = new Set(Object.keys(win));
    const play = [...player.shadowRoot!.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Play')!;
    play.click();
    const video = () => player.shadowRoot!.querySelector('video');
    await until(() => video() && video()!.currentTime > 1, 'did not play under CSP', 25000).catch((error) => {
      throw new Error(`${error.message}: ${JSON.stringify(win.cspViolations)}`);
    });
    // Captions track and a seek exercise more of video.js.
    player.seek(6);
    await until(() => video()!.currentTime > 6.2, 'did not seek under CSP', 8000);
    expect(win.cspViolations, JSON.stringify(win.cspViolations)).to.deep.equal([]);
    expect(doc.head.children.length, 'elements added to <head>').to.equal(win.headCountAtStart);
    expect(doc.head.querySelector('style')).to.equal(null);
    const added = Object.keys(win).filter((k) => !globalsBefore.has(k));
    expect(added, 'globals added while playing').to.deep.equal([]);
    for (const name of ['videojs', 'vttjs', 'WebVTT', 'VIDEOJS_NO_DYNAMIC_STYLE']) {
      expect(name in win, `window.${name}`).to.equal(false);
    }
    // No inline style attribute anywhere in the player's shadow root.
    const styled = [...player.shadowRoot!.querySelectorAll('[style]')].map((el) => `${el.localName}.${el.className}: ${el.getAttribute('style')}`);
    console.log(`[player] CSSOM-set style attributes under CSP: ${styled.length ? styled.join(' | ') : 'none'}`);
    player.remove();
    frame.remove();
  });
});
