// Inlined first in <head> of every bench page (identical in every variant): records long tasks,
// layout shifts, the first click and the first video frame shown after it, so the bench reads
// what happened from window.__bench. Finds elements across open shadow roots.
(() => {
  const bench = (window.__bench = { longtasks: [], shifts: [], clickAt: null, firstFrame: null, frames: [] });
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {}
  };
  observe('longtask', (e) => bench.longtasks.push({ start: e.startTime, duration: e.duration }));
  // Long animation frames (Chromium 123+), for \`--frames\`: each frame's scripts (what called them,
  // which function of which file, how long, and the style and layout they forced) and its own
  // rendering, measured without a trace (tracing slows the page).
  bench.animationFrames = [];
  observe('long-animation-frame', (e) =>
    bench.animationFrames.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
      scripts: e.scripts.map((s) => ({
        invoker: s.invoker,
        fn: s.sourceFunctionName,
        file: s.sourceURL.split('/').pop(),
        start: s.startTime,
        duration: s.duration,
        forced: s.forcedStyleAndLayoutDuration,
      })),
    }),
  );
  // A shift's sources name their nodes, except nodes inside shadow roots (Chrome does not expose
  // those: \`node\` is null). Those are found by their rects: the element (in the document or an
  // open shadow root) whose box, clipped to the viewport as the attribution's rects are, is the
  // source's current rect, named with the shadow hosts above it ("vitrine-show>div.header").
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/)[0] : '';
    return `${el.localName}${el.id ? '#' + el.id : ''}${cls}`;
  };
  const pathOf = (el) => {
    const names = [describe(el)];
    for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) names.unshift(root.host.localName);
    return names.join('>');
  };
  const clip = (r) => {
    const x = Math.max(0, r.left);
    const y = Math.max(0, r.top);
    const right = Math.min(innerWidth, r.right);
    const bottom = Math.min(innerHeight, r.bottom);
    return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
  };
  // The element (across open shadow roots) whose box scores lowest against `rect`, if within `limit`.
  // Strictly better only: of equal boxes the outermost (the one that moved with its content).
  const closest = (rect, score, limit) => {
    if (!rect || (!rect.width && !rect.height)) return null;
    let best = null;
    let bestScore = Infinity;
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const value = score(clip(el.getBoundingClientRect()), rect);
        if (value < bestScore) {
          bestScore = value;
          best = el;
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return best && bestScore <= limit ? best : null;
  };
  const byRect = (rect) =>
    closest(rect, (r) => Math.abs(r.x - rect.x) + Math.abs(r.y - rect.y) + Math.abs(r.width - rect.width) + Math.abs(r.height - rect.height), 4);
  // The nearest box when none matches (the node moved or resized again since): "~name".
  const nearest = (rect) =>
    closest(rect, (r) => Math.abs(r.x - rect.x) + Math.abs(r.width - rect.width) + Math.abs(r.y - rect.y) / 4 + Math.abs(r.height - rect.height) / 4, 60);
  const box = (r) => (r ? `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}` : '-');
  const nodeOf = (s) => (s.node ? (s.node.nodeType === 1 ? s.node : s.node.parentElement) : byRect(s.currentRect));
  const nameOf = (s) => {
    const el = nodeOf(s);
    if (el) return pathOf(el);
    const near = nearest(s.currentRect) ?? nearest(s.previousRect);
    return near ? `~${pathOf(near)}` : `?(${box(s.previousRect)} -> ${box(s.currentRect)})`;
  };
  observe('layout-shift', (e) =>
    bench.shifts.push({
      start: e.startTime,
      value: e.value,
      recent: e.hadRecentInput,
      sources: (e.sources || []).map(nameOf),
      // What moved, and by how much (the first source's vertical and horizontal move).
      // and the text it shows now (what arrived, when a text changed its width).
      moves: (e.sources || []).map((s) => ({ from: box(s.previousRect), to: box(s.currentRect), text: (nodeOf(s)?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40) })),
    }),
  );

  /** Every element matching `selector` in the document and in every open shadow root. */
  const deepAll = (bench.deepAll = (selector, root = document, out = []) => {
    root.querySelectorAll(selector).forEach((el) => out.push(el));
    root.querySelectorAll('*').forEach((el) => el.shadowRoot && deepAll(selector, el.shadowRoot, out));
    return out;
  });
  bench.deepCount = (root = document) => {
    let n = 0;
    const walk = (node) => {
      node.querySelectorAll('*').forEach((el) => {
        n += 1;
        if (el.shadowRoot) walk(el.shadowRoot);
      });
    };
    walk(root);
    return n;
  };

  /** Watches every <video> (also inside shadow roots) and records presented frames. */
  bench.watchFrames = () => {
    const seen = new WeakSet();
    const tick = () => {
      for (const video of deepAll('video')) {
        if (seen.has(video) || !video.requestVideoFrameCallback) continue;
        seen.add(video);
        const onFrame = (now, meta) => {
          const frame = { now, presentationTime: meta.presentationTime, mediaTime: meta.mediaTime };
          bench.lastFrame = frame;
          bench.lastVideo = video;
          if (!bench.firstFrame) bench.firstFrame = frame;
          video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
      }
      if (!bench.stopWatching) setTimeout(tick, 16);
    };
    tick();
  };

  // When the first Vitrine element upgraded (layout shifts before it cannot be prevented from inside).
  for (const tag of ['vitrine-show', 'vitrine-player']) {
    customElements.whenDefined(tag).then(() => {
      if (bench.definedAt == null) bench.definedAt = performance.now();
    });
  }

  addEventListener(
    'click',
    (event) => {
      if (bench.clickAt != null) return;
      bench.clickAt = event.timeStamp;
      bench.watchFrames();
    },
    true,
  );
})();
