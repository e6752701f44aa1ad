// The baseline: the same stream played with plain video.js (+ VHS), loaded on click, the
// straightforward way an integrator would lazy-load it (no Vitrine code at all).
const box = document.querySelector('.raw-box');
const { src, poster } = box.dataset;
box.style.backgroundImage = `url(${poster})`;
box.querySelector('button').addEventListener(
  'click',
  async () => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/.cache/bench/raw/video-js.min.css';
    document.head.append(css);
    const { default: videojs } = await import('/.cache/bench/raw/videojs.js');
    const el = document.createElement('video-js');
    el.className = 'vjs-default-skin';
    box.replaceChildren(el);
    const player = videojs(el, { controls: true, preload: 'auto', poster, sources: [{ src, type: 'application/x-mpegURL' }] });
    window.__rawPlayer = player;
    player.play()?.catch(() => {});
  },
  { once: true },
);
