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
  observe('layout-shift', (e) =>
    bench.shifts.push({
      start: e.startTime,
      value: e.value,
      recent: e.hadRecentInput,
      sources: (e.sources || []).map((s) => (s.node ? `${s.node.nodeName}${s.node.id ? '#' + s.node.id : ''}${s.node.className && typeof s.node.className === 'string' ? '.' + s.node.className.split(' ')[0] : ''}` : '?')),
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
