// The fault-injecting test server of the hardening suite (test/servers/hardening.mjs) does what
// the browser tests rely on: a "lost" answer really added the line and really never reached the
// client; a retry with the same Idempotency-Key does not double it; "hang" never answers; the CSP
// pages carry the strict headers and no inline script.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Koa from 'koa';
import { middleware } from '../servers/hardening.mjs';

let server;
let base;

before(async () => {
  const app = new Koa();
  for (const m of middleware) app.use(m);
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://localhost:${server.address().port}`;
});

after(() => {
  server.closeAllConnections?.();
  server.close();
});

async function scenario(spec) {
  const response = await fetch(`${base}/__hardening/scenario`, { method: 'POST', body: JSON.stringify(spec) });
  assert.equal(response.status, 201);
  const { id } = await response.json();
  return `${base}/__hardening/s/${id}`;
}

const addLine = (cartUrl, id, key) =>
  fetch(`${cartUrl}/${id}/lines`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ productId: 'p9', variantId: 'p9', quantity: 1 }),
  });

test('a lost answer: the line is added, the client sees a network error, the same key does not double it', async () => {
  const s = await scenario({ cart: [{ method: 'POST', path: '/lines$', fault: 'lost' }] });
  const cart = await (await fetch(`${s}/cart`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
  await assert.rejects(addLine(`${s}/cart`, cart.id, 'k-1'), TypeError);
  const truth = await (await fetch(`${base}/__hardening/demo-cart/${cart.id}`)).json();
  assert.deepEqual(truth.lines.map((l) => [l.variantId, l.quantity]), [['p9', 1]]);
  const retry = await addLine(`${s}/cart`, cart.id, 'k-1');
  assert.equal(retry.status, 200);
  assert.equal((await retry.json()).totalQuantity, 1);
  const log = await (await fetch(`${s}/log`)).json();
  assert.deepEqual(log.requests.filter((r) => r.path.endsWith('/lines')).map((r) => [r.key, r.status]), [['k-1', 'lost 200'], ['k-1', 200]]);
});

test('hang never answers; 500, 409 and garbage answer what they say', async () => {
  const s = await scenario({
    cart: [
      { method: 'POST', path: '^$', fault: 'hang' },
      { method: 'POST', path: '^$', fault: '500' },
      { method: 'POST', path: '^$', fault: 'oos' },
      { method: 'POST', path: '^$', fault: 'garbage' },
    ],
  });
  const post = (signal) => fetch(`${s}/cart`, { method: 'POST', body: '{}', signal });
  await assert.rejects(post(AbortSignal.timeout(500)), /TimeoutError|aborted/i);
  assert.equal((await post()).status, 500);
  const oos = await post();
  assert.equal(oos.status, 409);
  assert.equal((await oos.json()).error.code, 'out_of_stock');
  const garbage = await post();
  await assert.rejects(garbage.json(), SyntaxError);
  assert.equal((await post()).status, 201);
});

test('the strict CSP pages: the headers, and no inline script or style', async () => {
  for (const [page, tt] of [['csp', false], ['csp-tt', true]]) {
    const response = await fetch(`${base}/__hardening/page/${page}.html?driver=csp-driver`);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self'; style-src 'self'/);
    assert.equal(/require-trusted-types-for 'script'; trusted-types vitrine lit-html/.test(csp), tt);
    assert.doesNotMatch(csp, /unsafe/);
    const html = await response.text();
    assert.match(html, /<script type="module" src="\/test\/hardening\/pages\/csp-driver\.js"><\/script>/);
    assert.doesNotMatch(html, /<script>|<style|style=/);
  }
  assert.equal((await fetch(`${base}/__hardening/page/csp.html?driver=../evil`)).status, 400);
});
