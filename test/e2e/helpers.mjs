// Shared by the end-to-end tests (test/e2e/*.test.mjs).

/** Polls `check` until it returns a truthy value (which it resolves to), or fails with `what`. */
export async function until(check, what, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A free TCP port on 127.0.0.1 (for nginx-rtmp). */
export async function freePort() {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** ffmpeg as the studio's encoder (OBS): a 30 fps test pattern and a tone, a keyframe a second, over RTMP. */
export async function pushTestPattern(rtmpUrl) {
  const { spawn } = await import('node:child_process');
  return spawn('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-re',
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100',
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    '-g', '30', '-keyint_min', '30', '-sc_threshold', '0', '-b:v', '800k',
    '-c:a', 'aac', '-b:a', '96k', '-f', 'flv', rtmpUrl,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Runs `method(...args)` on the first `<vitrine-player>` of the page, looked up through the
 * shadow roots (the show's player is inside the show's), e.g. `callPlayer(page, 'seek', 5)`.
 */
export const callPlayer = (page, method, ...args) =>
  page.evaluate(
    ([name, values]) => {
      const find = (node) => {
        for (const el of node.querySelectorAll('*')) {
          if (el.localName === 'vitrine-player') return el;
          const inner = el.shadowRoot && find(el.shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      const player = find(document);
      if (!player) throw new Error('no vitrine-player in the page');
      return name === 'seekBy' ? player.seek(player.currentTime + values[0]) : player[name](...values);
    },
    [method, args],
  );

/**
 * Where the page's player is in a live stream, or null while it is not playing: `time` (its
 * currentTime), `glassToGlass` (s: the clock minus the program date-time of the frame on screen)
 * and `behindLive` (s behind the end of the seekable window, VHS's live point).
 */
export const livePosition = (page) =>
  page.evaluate(() => {
    const find = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.localName === 'vitrine-player') return el;
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    const player = find(document);
    const video = player?.shadowRoot?.querySelector('video');
    if (!player || !video || video.paused || video.readyState < 2) return null;
    const pdt = player.programDateTime(video.currentTime);
    const seekable = video.seekable;
    const behindLive = seekable.length ? Math.max(0, seekable.end(seekable.length - 1) - video.currentTime) : null;
    return { time: video.currentTime, glassToGlass: pdt === undefined ? null : (Date.now() - pdt) / 1000, behindLive };
  });
