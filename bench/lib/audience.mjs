// The bench's "audience" section: what grows with the audience of a live show, from the demo
// backend's side. Each part runs in its own Node process (a faster clock must not reach the bench):
//   traffic.mjs  requests one viewer makes in 10 minutes of a live show, by kind, and whether cacheable
//   herd.mjs     1,000 viewers of Vitrine's SSE client dropped at once: the reconnect histogram
//   burst.mjs    1,000 viewers adding a limited deal in the same second (in-process, then 2 instances on Redis)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { histogramLines } from './herd.mjs';
import { hasRedis, startRedis } from './redis-server.mjs';
import { num, row } from './report.mjs';

/** Runs `bench/lib/<script>` with `args` and resolves with its last line of JSON. */
function runScript(root, script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bench/lib', script), ...args, '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

const s = (x) => `${num(x, 1)} s`;

export const audienceSection = {
  id: 'audience',
  title: 'audience (per viewer, restart, burst)',
  async run(ctx) {
    const { root, args } = ctx;
    const quick = args.quick;
    const rows = [];
    const data = {};

    // 1. One viewer, 10 minutes of a live show.
    try {
      const traffic = await runScript(root, 'traffic.mjs', ['--minutes', '10', '--scale', quick ? '30' : '10']);
      data.traffic = { ...traffic, log: undefined };
      rows.push(
        row('requests per viewer per minute, 10 min of a live show (media aside)', {
          vitrine: `${num(traffic.watchingPerMinute, 2)} watching; ${num(traffic.perMinute, 2)} with one add to cart`,
          goal: '≤ 2 / min',
          pass: traffic.perMinute <= 2,
        }),
      );
      for (const r of traffic.rows) {
        rows.push(row(`  ${r.kind}: ${r.requests} in 10 min`, { vitrine: `cacheable: ${r.cacheable}` }));
      }
      rows.push(
        row('  requests with a query string (cache-busting)', { vitrine: traffic.withQuery.length ? traffic.withQuery.join(', ') : 'none', goal: 'none', pass: traffic.withQuery.length === 0 }),
      );
    } catch (error) {
      rows.push(row('requests per viewer per minute', { na: String(error.message ?? error) }));
    }

    // 2. A restart: every live connection dropped at once.
    const viewers = quick ? 300 : 1000;
    try {
      const herd = await runScript(root, 'herd.mjs', ['--viewers', String(viewers), '--scale', '1', '--horizon', quick ? '40' : '75']);
      data.herd = herd;
      rows.push(
        row(`reconnect spread, ${viewers} viewers dropped at once (retry: 30000)`, {
          vitrine: `${s(herd.first)} → ${s(herd.last)} after the drop (median ${s(herd.median)}), spread ${s(herd.spread)}; peak ${num(herd.peakPerSecond, 1)}/s`,
          goal: '≥ 28 s (the 30 s window)',
          pass: herd.spread >= 28,
        }),
        row('  second wave (viewers that had to try again)', { vitrine: String(herd.secondWave), goal: '0', pass: herd.secondWave === 0 }),
        row('  came back with Last-Event-ID; have every pin published while away', {
          vitrine: `${herd.reconnected - herd.withoutLastEventId}/${viewers}; ${herd.complete}/${viewers}`,
          goal: `${viewers}/${viewers}`,
          pass: herd.withoutLastEventId === 0 && herd.complete === viewers,
        }),
      );
      for (const line of histogramLines(herd, 30)) rows.push(row(`    ${line.slice(0, 16)}`, { vitrine: line.slice(17) }));
    } catch (error) {
      rows.push(row(`reconnect spread, ${viewers} viewers`, { na: String(error.message ?? error) }));
    }

    // 3. A deal burst, one instance then two on Redis.
    const burstRow = (label, b) => [
      row(label, {
        vitrine: `${b.added} added, ${b.refused} sold out, ${b.failed} failed in ${s(b.seconds)} (p50 ${num(b.p50 / 1000, 2)} s, p99 ${num(b.p99 / 1000, 2)} s)`,
        goal: `${b.limit} added`,
        pass: b.added === b.limit && b.failed === 0,
      }),
      row('  lost / doubled adds; sold at the deal price / units left', {
        vitrine: `${b.lostAdds} / ${b.doubled}; ${b.soldAtDealPrice} of ${b.limit} / ${b.unitsLeft} (answers lost ${b.answersLost}, replayed ${b.replayed})`,
        goal: `0 / 0; ${b.limit} / 0`,
        pass: b.lostAdds === 0 && b.doubled === 0 && b.soldAtDealPrice === b.limit && b.unitsLeft === 0,
      }),
    ];
    try {
      const burst = await runScript(root, 'burst.mjs', ['--viewers', String(viewers), '--limit', '100', '--loss', '0.1']);
      data.burst = burst;
      rows.push(...burstRow(`deal burst: ${viewers} adds within 1 s, 100 units, one instance`, burst));
    } catch (error) {
      rows.push(row('deal burst, one instance', { na: String(error.message ?? error) }));
    }
    if (hasRedis) {
      const redis = await startRedis();
      try {
        const burst = await runScript(root, 'burst.mjs', ['--viewers', String(viewers), '--limit', '100', '--loss', '0.1', '--redis', redis.url]);
        data.burstRedis = burst;
        rows.push(...burstRow(`deal burst: ${viewers} adds within 1 s, 100 units, 2 instances on Redis`, burst));
      } catch (error) {
        rows.push(row('deal burst, 2 instances on Redis', { na: String(error.message ?? error) }));
      } finally {
        await redis.stop();
      }
    } else {
      rows.push(row('deal burst, 2 instances on Redis', { na: 'redis-server is not installed' }));
    }
    return { rows, data };
  },
};
