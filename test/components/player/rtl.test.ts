import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import '../../../src/components/player/define.js';
import type { VitrinePlayer } from '../../../src/components/player/player.js';
import { renderControls, type ControlsActions, type ControlsView } from '../../../src/components/player/player-controls.js';
import { buttonStyles, tokens } from '../../../src/components/shared/styles.js';
import { controlMessages as messages } from '../../../src/components/player/player.controls.messages.js';
import type { EngineState } from '../../../src/engine/types.js';
import { button, shadow } from './helpers.js';
import { loadLocale } from '../../../src/core/i18n.js';

const transformOf = (el: Element | null | undefined) => getComputedStyle(el!).transform;

/** The control bar of a paused (or playing) replay, rendered alone in a right-to-left shadow root. */
function controlBar(paused: boolean, hosts: Element[]): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [tokens.styleSheet!, buttonStyles.styleSheet!];
  const frame = document.createElement('div');
  frame.dir = 'rtl';
  root.append(frame);
  const state = { paused, muted: false, currentTime: 3, duration: 20, liveLatency: 0 } as unknown as EngineState;
  const view: ControlsView = {
    state,
    live: false,
    behindLive: 4,
    locale: 'ar',
    tracks: [],
    scrub: undefined,
    fullscreen: false,
    chapters: [],
    productTitle: () => undefined,
  };
  const noop = () => {};
  const actions: ControlsActions = {
    togglePlay: noop,
    toggleMute: noop,
    goLive: noop,
    seek: noop,
    setScrub: noop,
    toggleCaptions: noop,
    pip: noop,
    toggleFullscreen: noop,
  };
  render(renderControls(view, actions), frame);
  return root;
}

// Directional arrows (the carousel's chevrons) do mirror: test/components/carousel/carousel.test.ts.
describe('<vitrine-player> right to left', () => {
  const hosts: Element[] = [];
  before(() => loadLocale('ar')); // Arabic is a lazy chunk (src/locales/ar.ts)
  afterEach(() => hosts.splice(0).forEach((host) => host.remove()));

  it('the facade Play icon points right in Arabic: media icons are not mirrored', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src="/x.m3u8" label="عرض" locale="ar"></vitrine-player>`);
    expect(shadow(el).querySelector('[part~="frame"]')!.getAttribute('dir')).to.equal('rtl');
    const play = button(el, 'تشغيل');
    expect(play, 'the Play button').to.exist;
    expect(transformOf(play!.querySelector('svg'))).to.equal('none');
  });

  it('the control bar Play and Pause icons are not mirrored in Arabic', () => {
    for (const paused of [true, false]) {
      const root = controlBar(paused, hosts);
      const toggle = root.querySelector<HTMLButtonElement>('.controls > button')!;
      expect(toggle.getAttribute('aria-label')).to.equal(messages('ar', paused ? 'play' : 'pause'));
      expect(transformOf(toggle.querySelector('svg')), paused ? 'play' : 'pause').to.equal('none');
    }
  });

});
