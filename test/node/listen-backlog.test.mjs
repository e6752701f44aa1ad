// A deal drop (issue 20): a thousand viewers open a connection within the same second, while the
// server is busy. The bench's 1,000-viewer burst lost about a tenth of its adds to `cart/unavailable`
// although the server lost, doubled and oversold nothing: the clients' connections timed out
// (UND_ERR_CONNECT_TIMEOUT). Node's default listen backlog (511) let the kernel's accept queue
// overflow (ListenOverflows), the dropped SYNs were retried only after 1, 3, 7 s. `npm start`'s
// server (scripts/start.mjs) now listens with a backlog of 4096: here its event loop is held busy
// while 1,000 connections are opened, and every one completes at once (the kernel accepts for it).
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CONNECTIONS = 1000;

if (process.argv[2] === '--server') {
  // The demo, then a busy event loop on demand (as a burst of requests makes it).
  const { startDemo } = await import('../../scripts/start.mjs');
  const demo = await startDemo({ port: 0, host: '127.0.0.1', build: false });
  process.on('message', (message) => {
    if (message !== 'busy') return;
    const until = Date.now() + 9_000;
    while (Date.now() < until);
    process.exit(0);
  });
  process.send({ port: new URL(demo.url).port });
} else {
  test(`${CONNECTIONS} connections opened while the demo server is busy all complete (listen backlog)`, { timeout: 60_000 }, async () => {
    assert.ok(existsSync(`${root}dist/cdn/vitrine.js`), 'dist/ is missing: run `npm run build`');
    const child = fork(fileURLToPath(import.meta.url), ['--server'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const exited = new Promise((done) => child.once('exit', done));
    try {
      const { port } = await new Promise((resolve, reject) => {
        child.once('message', resolve);
        child.once('exit', (code) => reject(new Error(`the demo server exited (${code})`)));
      });
      child.send('busy');
      await new Promise((done) => setTimeout(done, 200));
      const sockets = [];
      let connected = 0;
      for (let i = 0; i < CONNECTIONS; i++) {
        const socket = connect({ port: Number(port), host: '127.0.0.1' });
        socket.on('connect', () => (connected += 1));
        socket.on('error', () => {});
        sockets.push(socket);
      }
      // Within the server's busy 9 s, and before a dropped SYN's third try (7 s after the first).
      const deadline = Date.now() + 5_000;
      while (connected < CONNECTIONS && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
      const count = connected;
      for (const socket of sockets) socket.destroy();
      assert.equal(count, CONNECTIONS, `${count} of ${CONNECTIONS} connections completed while the server was busy`);
    } finally {
      child.kill();
      await exited;
    }
  });
}
