// A bare DevTools-protocol client over Chromium's --remote-debugging-pipe, for measurements that
// the automation libraries would disturb: playwright and puppeteer enable the Network domain on
// every page, and the inspector then keeps a copy of every response body in the renderer, work
// done on the page's main thread (a 6 MB document adds long tasks that a shopper never has).
import { spawn } from 'node:child_process';
import { chromeArgs, chromePath } from '../../scripts/chromium.mjs';

/** Starts Chromium; resolves with `send(method, params, sessionId)`, `on(method, fn)` and `close()`. */
export async function launchBare() {
  const child = spawn(chromePath, [...chromeArgs, '--remote-debugging-pipe', 'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const out = child.stdio[3];
  const input = child.stdio[4];
  let id = 0;
  const pending = new Map();
  const listeners = new Map();
  let buffer = '';
  input.on('data', (data) => {
    buffer += data.toString('utf8');
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id && pending.has(message.id)) {
        const { resolve, reject } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) reject(new Error(`${message.error.message}`));
        else resolve(message.result);
      } else if (message.method) for (const fn of listeners.get(message.method) ?? []) fn(message.params, message.sessionId);
    }
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      id += 1;
      pending.set(id, { resolve, reject });
      out.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const on = (method, fn) => listeners.set(method, [...(listeners.get(method) ?? []), fn]);
  const off = (method, fn) => listeners.set(method, (listeners.get(method) ?? []).filter((f) => f !== fn));
  await send('Browser.getVersion');
  return {
    send,
    on,
    off,
    /** A new page (its own context), attached; `evaluate(expression)` awaits a promise's value. */
    async newPage() {
      const { browserContextId } = await send('Target.createBrowserContext');
      const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      await send('Page.enable', {}, sessionId);
      return {
        sessionId,
        send: (method, params) => send(method, params, sessionId),
        async goto(url) {
          const loaded = new Promise((resolve) => on('Page.loadEventFired', (_, s) => s === sessionId && resolve()));
          await send('Page.navigate', { url }, sessionId);
          await loaded;
        },
        async evaluate(expression) {
          const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
          if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
          return result.value;
        },
        close: () => send('Target.disposeBrowserContext', { browserContextId }),
      };
    },
    close() {
      child.kill();
    },
  };
}
