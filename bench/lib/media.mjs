// The bench's own HLS stream, made once with ffmpeg into .cache/bench/hls/ (reused after):
// 24 s of 640x360 H.264 30 fps + AAC in 1 s segments (a keyframe each second), a VOD playlist,
// and a poster. Both the Vitrine page and the raw video.js page play this same stream, and the
// live playlist of the pin-sync section loops its segments.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const SEGMENTS = 24;

export function ensureMedia(dir) {
  const playlist = join(dir, 'vod.m3u8');
  if (existsSync(playlist) && existsSync(join(dir, 'poster.jpg'))) return segmentsOf(dir);
  mkdirSync(dir, { recursive: true });
  const ffmpeg = process.env.FFMPEG ?? 'ffmpeg';
  const run = (args) => {
    const r = spawnSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { cwd: dir, encoding: 'utf8' });
    if (r.error) throw new Error(`ffmpeg not found (${r.error.message}); install it: apt-get install -y ffmpeg`);
    if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
  };
  run([
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30',
    '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100',
    '-t', String(SEGMENTS),
    '-c:v', 'libx264', '-profile:v', 'main', '-pix_fmt', 'yuv420p', '-g', '30', '-keyint_min', '30', '-sc_threshold', '0',
    '-b:v', '600k', '-maxrate', '700k', '-bufsize', '700k',
    '-c:a', 'aac', '-b:a', '64k', '-ac', '2',
    '-f', 'hls', '-hls_time', '1', '-hls_list_size', '0', '-hls_playlist_type', 'vod',
    '-hls_segment_filename', 'seg%02d.ts', 'vod.m3u8',
  ]);
  run(['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=1', '-frames:v', '1', '-q:v', '6', 'poster.jpg']);
  return segmentsOf(dir);
}

/** Segments of the VOD playlist, for the live playlist builder. */
function segmentsOf(dir) {
  const text = readFileSync(join(dir, 'vod.m3u8'), 'utf8');
  const segments = [];
  let duration = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('#EXTINF:')) duration = parseFloat(line.slice(8));
    else if (line && !line.startsWith('#')) segments.push({ uri: line.trim(), duration });
  }
  return segments;
}
