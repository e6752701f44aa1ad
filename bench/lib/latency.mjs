// Bench section `latency`: glass-to-glass latency in the demo's "Go live from OBS" path
// (README.md): ffmpeg pushes a test pattern over RTMP to nginx-rtmp, the demo serves it as the
// show `studio`, and the storefront's studio page plays it in Chromium. Latency is the clock minus
// the program date-time of the frame on screen (`player.programDateTime(video.currentTime)`),
// sampled every 500 ms for 10 s once playback has settled, median and p90; the program date-time is
// the encoder's connect time plus the fragment's stream timestamp (examples/backend/rtmp.mjs).
//
// Two settings: nginx-rtmp's default fragment (5 s) with the player as it starts, and the lowest
// the player supports: 1 s fragments (a keyframe a second), after "Go live" (VHS holds three target
// durations back from the end of the playlist, as HLS requires without LL-HLS parts; docs/latency.md).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../scripts/chromium.mjs';
import { startDemo } from '../../scripts/start.mjs';
import { NGINX, RTMP_MODULE } from '../../examples/backend/rtmp.mjs';
import { median, percentile, row, sec } from './report.mjs';
import { callPlayer, freePort, livePosition, pushTestPattern, until } from '../../test/e2e/helpers.mjs';

/** The player's position: glass-to-glass (s) and seconds behind the live point, or null. */
const position = async (page) => {
  const p = await livePosition(page);
  return p && p.glassToGlass !== null ? { glass: p.glassToGlass, behind: p.behindLive ?? NaN } : null;
};

const wait = (ms) => new Promise((r) => setTimeout(r, ms));

async function measure({ fragment, goLive, cdnDir, quick }) {
  const demo = await startDemo({ port: 0, build: false, cdnDir, studio: { rtmpPort: await freePort(), fragment } });
  const encoder = await pushTestPattern(demo.studio.rtmpUrl);
  encoder.stderr.resume();
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
  try {
    const base = demo.url.replace(/\/$/, '');
    await until(async () => {
      const r = await fetch(`${base}/shows/studio/live.m3u8`);
      return r.ok && ((await r.text()).match(/#EXTINF/g) ?? []).length >= 3;
    }, 'three fragments', 30_000 + 6000 * fragment);
    const page = await browser.newPage();
    await page.goto(`${demo.url}studio.html`);
    await until(() => page.evaluate(() => document.querySelector('vitrine-show')?.state?.status === 'live'), 'the live show', 20_000);
    await page.getByRole('button', { name: /^Play\b/ }).first().click();
    await until(() => position(page), 'playback', 30_000);
    if (goLive) {
      // Once playback has settled (VHS may start behind its live point while the first segments come).
      await wait(3000);
      await callPlayer(page, 'goLive');
    }
    await wait(quick ? 2000 : 4000);
    const glass = [];
    const behind = [];
    for (let i = 0; i < (quick ? 8 : 20); i++) {
      const p = await position(page);
      if (p) {
        glass.push(p.glass);
        behind.push(p.behind);
      }
      await wait(500);
    }
    return { glass, behind };
  } finally {
    encoder.kill('SIGINT');
    await browser.close();
    await demo.close();
  }
}

export const latency = {
  id: 'latency',
  title: 'glass-to-glass latency (RTMP → nginx-rtmp → demo → player)',
  async run({ args, root }) {
    const missing = [NGINX, RTMP_MODULE].find((f) => !existsSync(f));
    if (missing) return { rows: [row(this.title, { na: `${missing} missing (apt-get install -y nginx libnginx-mod-rtmp)` })] };
    // The bench's snapshot of dist/cdn/ (bench/run.mjs), else dist/cdn/ itself (the section run alone).
    const snapshot = join(root ?? process.cwd(), '.cache/bench/dist-cdn');
    const cdnDir = existsSync(join(snapshot, 'vitrine.js')) ? snapshot : join(root ?? process.cwd(), 'dist/cdn');
    const rows = [];
    const samples = {};
    for (const setting of [
      { name: 'default: 5 s fragments (nginx-rtmp default), player as it starts', fragment: 5, goLive: false },
      { name: 'lowest: 1 s fragments, after Go live', fragment: 1, goLive: true },
    ]) {
      const { glass, behind } = await measure({ ...setting, cdnDir, quick: args?.quick });
      samples[setting.name] = { glass, behind };
      rows.push(row(`glass-to-glass, ${setting.name}: median (p90)`, { vitrine: `${sec(median(glass))} (${sec(percentile(glass, 90))})`, samples: glass }));
      rows.push(row(`  behind the live point (VHS), same`, { vitrine: sec(median(behind)), goal: `≤ ${3 * setting.fragment} s (3 target durations)`, pass: median(behind) <= 3 * setting.fragment }));
    }
    return { rows, samples };
  },
};
