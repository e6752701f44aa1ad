// The demo's studio page (/studio?token=…): run the show as its host. Plain HTML and a script
// served from /studio/app.js (no inline script: the page runs under a CSP). Everything the
// audience wrote is put in with textContent, never as HTML.

/** The host's moments (moments.mjs's studio API): a flash deal, an announcement with a code, a poll. */
const momentsSection = `<section class="moments" aria-labelledby="moments-title"><h2 id="moments-title">Moments</h2>
    <form id="deal-form"><fieldset><legend>Flash deal</legend>
      <div class="fields">
        <div class="field wide"><label for="deal-product">Product</label><select id="deal-product" required></select></div>
        <div class="field"><label for="deal-price">Deal price (€)</label><input id="deal-price" inputmode="decimal" pattern="\\d{1,6}([.,]\\d{1,2})?" placeholder="30% off" autocomplete="off" aria-describedby="deal-price-hint"></div>
        <div class="field"><label for="deal-seconds">Seconds</label><input id="deal-seconds" type="number" min="10" max="600" step="1" value="90" required></div>
        <div class="field"><label for="deal-units">Quantity</label><input id="deal-units" type="number" min="1" max="999" step="1" value="12" required></div>
        <div class="field"><label for="deal-limit">Per shopper</label><input id="deal-limit" type="number" min="0" max="99" step="1" value="2" required aria-describedby="deal-limit-hint"></div>
      </div>
      <p class="note" id="deal-price-hint">Empty price: 30% off the regular price.</p>
      <p class="note" id="deal-limit-hint">Per shopper 0: no limit.</p>
      <div class="actions"><button class="primary" type="submit">Start deal</button><button type="button" id="deal-end" disabled>End deal</button></div>
      <p class="now" id="deal-now"></p><p class="note" id="deal-note" role="status"></p>
    </fieldset></form>
    <form id="announce-form"><fieldset><legend>Announcement</legend>
      <div class="fields">
        <div class="field wide"><label for="announce-text">Text</label><textarea id="announce-text" maxlength="500" required>Live viewers only: 10% off everything in the show.</textarea></div>
        <div class="field"><label for="announce-code">Code</label><select id="announce-code"><option value="">No code</option></select></div>
        <div class="field"><label for="announce-seconds">Seconds</label><input id="announce-seconds" type="number" min="5" max="3600" step="1" value="120" required></div>
      </div>
      <div class="actions"><button class="primary" type="submit">Announce</button></div>
      <p class="now" id="announce-now"></p><p class="note" id="announce-note" role="status"></p>
    </fieldset></form>
    <form id="poll-form"><fieldset><legend>Poll</legend>
      <div class="fields">
        <div class="field wide"><label for="poll-question">Question</label><input id="poll-question" maxlength="300" required autocomplete="off" placeholder="Which colour next?"></div>
        <div class="field wide"><label for="poll-options">Options, one per line</label><textarea id="poll-options" required placeholder="Oat&#10;Navy"></textarea></div>
        <div class="field"><label for="poll-seconds">Seconds</label><input id="poll-seconds" type="number" min="10" max="3600" step="1" value="90" required></div>
      </div>
      <div class="actions"><button class="primary" type="submit">Open poll</button><button type="button" id="poll-close" disabled>Close poll</button></div>
      <p class="now" id="poll-now"></p><p class="note" id="poll-note" role="status"></p>
    </fieldset></form>
  </section>`;

export function studioPage() {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Studio · Vitrine demo</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 0; background: #f4f4f6; color: #17181c; }
  header { padding: 12px 20px; background: #17181c; color: #fff; display: flex; gap: 16px; align-items: center; }
  main { display: grid; grid-template-columns: minmax(240px, 1fr) 2fr; gap: 16px; padding: 16px 20px; }
  section { background: #fff; border-radius: 12px; padding: 12px 16px; }
  h1 { font-size: 18px; margin: 0; } h2 { font-size: 15px; margin: 0 0 8px; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { padding: 4px 0; border-bottom: 1px solid #eee; display: flex; gap: 8px; align-items: baseline; }
  li .who { font-weight: 700; white-space: nowrap; } li .what { flex: 1; overflow-wrap: anywhere; }
  li.host .who { color: #d0173f; }
  button { font: inherit; padding: 4px 10px; border-radius: 8px; border: 1px solid #ccc; background: #fff; cursor: pointer; }
  button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #2463eb; }
  form { display: flex; gap: 8px; margin-top: 8px; } input[type=text] { flex: 1; padding: 6px 10px; font: inherit; }
  #messages { max-height: 60vh; overflow: auto; } .pinned { background: #fff7d6; padding: 6px 10px; border-radius: 8px; }
  .moments { grid-column: 1; } section[aria-labelledby="chat-title"] { grid-column: 2; grid-row: 1 / span 2; align-self: start; }
  .moments form { display: block; margin: 0; }
  .moments fieldset { border: 1px solid #e2e2e8; border-radius: 10px; margin: 0 0 12px; padding: 8px 12px 12px; min-width: 0; }
  .moments legend { font-weight: 700; padding: 0 4px; }
  .moments .fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 8px; }
  .moments .field { display: grid; gap: 2px; font-size: 13px; color: #45464d; align-content: start; }
  .moments .wide { grid-column: 1 / -1; }
  .moments input, .moments select, .moments textarea { font: inherit; color: #17181c; padding: 8px 10px; min-height: 44px; box-sizing: border-box;
    border: 1px solid #b8b9c2; border-radius: 8px; width: 100%; background: #fff; }
  .moments textarea { min-height: 64px; resize: vertical; }
  .moments .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; align-items: center; }
  .moments .actions button { min-height: 44px; padding: 8px 16px; }
  .moments button.primary { background: #d0173f; border-color: #d0173f; color: #fff; font-weight: 700; }
  .moments button:disabled { opacity: 0.55; cursor: default; }
  .moments .now { margin: 8px 0 0; font-size: 14px; overflow-wrap: anywhere; }
  .moments .now:empty { display: none; }
  .moments .note { font-size: 13px; color: #45464d; margin: 6px 0 0; }
  .moments .note.error { color: #b00020; font-weight: 600; }
  .moments .note:empty { display: none; }
  @media (max-width: 720px) {
    main { grid-template-columns: 1fr; padding: 12px; } header { flex-wrap: wrap; }
    .moments, section[aria-labelledby="chat-title"] { grid-column: auto; grid-row: auto; }
    li { flex-wrap: wrap; } li .what { flex: 1 1 55%; } #say { flex-wrap: wrap; } #say input[type=text] { flex-basis: 100%; min-height: 44px; }
  }
</style>
</head>
<body>
<header><h1>Studio</h1>
  <label>Show <select id="show"><option value="live">Live</option><option value="scheduled">Upcoming</option></select></label>
  <span id="status" role="status"></span><span id="hearts"></span>
</header>
<main>
  <section aria-labelledby="products-title"><h2 id="products-title">Pin a product</h2><ul id="products"></ul>
    <h2 style="margin-top:16px">Reports</h2><ul id="reports"></ul></section>
  ${momentsSection}
  <section aria-labelledby="chat-title"><h2 id="chat-title">Chat</h2>
    <p id="pinned" class="pinned" hidden></p>
    <ul id="messages" aria-live="off"></ul>
    <form id="say"><label for="text" class="sr">Write as the host</label><input id="text" type="text" maxlength="500" placeholder="Write as the host…" autocomplete="off">
      <label><input id="pin-it" type="checkbox"> pin</label><button type="submit">Send as host</button></form>
  </section>
</main>
<script type="module" src="studio/app.js"></script>
<script type="module" src="studio/moments.js"></script>
</body>
</html>`;
}

export const studioScript = `
const token = new URLSearchParams(location.search).get('token') || '';
const $ = (id) => document.getElementById(id);
const api = (path, body) => fetch('studio/api/' + path, {
  method: body ? 'POST' : 'GET',
  headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
  body: body ? JSON.stringify(body) : undefined,
}).then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); });
const show = () => $('show').value;
function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}
function button(label, action) {
  return el('button', { type: 'button', textContent: label, onclick: () => action().then(refresh, (e) => ($('status').textContent = e.message)) });
}
async function refresh() {
  const state = await api(show());
  $('status').textContent = state.status;
  $('hearts').textContent = '♥ ' + state.reactions.heart.toLocaleString('en');
  $('products').replaceChildren(...state.products.map((p) => el('li', {}, el('span', { className: 'what', textContent: p.title }),
    button('Pin', () => api(show() + '/pin-product', { productId: p.id })))));
  $('pinned').hidden = !state.pinned;
  $('pinned').textContent = state.pinned ? 'Pinned: ' + state.pinned.author.name + ': ' + state.pinned.text : '';
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren(...state.messages.map((m) => el('li', { className: m.author.role },
    el('span', { className: 'who', textContent: m.author.name }), el('span', { className: 'what', textContent: m.text }),
    button('Pin', () => api(show() + '/pin', { id: m.id })),
    button('Delete', () => api(show() + '/delete', { id: m.id })),
    m.author.role === 'viewer' ? button('Remove author', () => api(show() + '/remove-author', { authorId: m.author.id })) : '')));
  if (state.pinned) $('pinned').append(' ', button('Unpin', () => api(show() + '/pin', { id: null })));
  if (atBottom) list.scrollTop = list.scrollHeight;
  $('reports').replaceChildren(...state.reports.map((r) => el('li', { textContent: r.messageId + ': ' + r.reason })));
}
$('say').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('text').value.trim();
  if (!text) return;
  api(show() + '/say', { text, pin: $('pin-it').checked }).then(() => { $('text').value = ''; return refresh(); });
});
$('show').addEventListener('change', refresh);
refresh();
setInterval(refresh, 2000);
`;

/** The moments part of the studio (served as /studio/moments.js): forms over moments.mjs's studio API. */
export const studioMomentsScript = `
const token = new URLSearchParams(location.search).get('token') || '';
const $ = (id) => document.getElementById(id);
async function api(path, body) {
  const response = await fetch('studio/api/' + path, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error?.message || 'The studio answered ' + response.status + '.');
  return json;
}
const clock = (ms) => { const s = Math.max(0, Math.round(ms / 1000)); return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0'); };
const euro = (amount) => '€' + amount;
let state = null;
let skew = 0;
let productsKey = '';

function say(id, text, error = false) {
  $(id).textContent = text;
  $(id).classList.toggle('error', error);
}
/** Sends a form's request; the answer (or what is wrong) is said under it. */
function submit(form, note, request, done) {
  $(form).addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = event.submitter;
    if (button) button.disabled = true;
    say(note, 'Sending…');
    try {
      say(note, done(await request()));
      await refresh();
    } catch (error) {
      say(note, error.message, true);
    } finally {
      if (button) button.disabled = false;
    }
  });
}
/** A button's request; the note says it once the page shows the new state (the button disabled with it). */
function click(id, note, request, done) {
  $(id).addEventListener('click', async () => {
    $(id).disabled = true;
    try {
      const result = await request();
      await refresh();
      say(note, done(result));
    } catch (error) {
      $(id).disabled = false;
      say(note, error.message, true);
    }
  });
}
const number = (id) => Number($(id).value);

submit('deal-form', 'deal-note', () => {
  const price = $('deal-price').value.trim().replace(',', '.');
  return api('deal', { productId: $('deal-product').value, ...(price ? { price } : {}), seconds: number('deal-seconds'), units: number('deal-units'), limit: number('deal-limit') });
}, (deal) => 'Deal started: ' + euro(deal.price.amount) + ', ' + deal.remaining + ' units.');
click('deal-end', 'deal-note', () => api('deal/end', {}), () => 'Deal ended.');
submit('announce-form', 'announce-note', () => api('announce', { text: $('announce-text').value, code: $('announce-code').value || undefined, seconds: number('announce-seconds') }),
  (a) => 'Announced' + (a.code ? ' with the code ' + a.code : '') + '.');
submit('poll-form', 'poll-note', () => api('poll', { question: $('poll-question').value, options: $('poll-options').value.split('\\n').map((o) => o.trim()).filter(Boolean), seconds: number('poll-seconds') }),
  () => 'Poll open.');
click('poll-close', 'poll-note', () => api('poll/close', {}), () => 'Poll closed.');

function render() {
  if (!state) return;
  const now = Date.now() + skew;
  const key = JSON.stringify(state.products);
  if (key !== productsKey) {
    productsKey = key;
    const chosen = $('deal-product').value;
    $('deal-product').replaceChildren(...state.products.map((p) => Object.assign(document.createElement('option'), { value: p.id, textContent: p.title + ' (' + euro(p.price.amount) + ')' })));
    if (chosen) $('deal-product').value = chosen;
    const code = $('announce-code').value;
    $('announce-code').replaceChildren(Object.assign(document.createElement('option'), { value: '', textContent: 'No code' }),
      ...state.codes.map((c) => Object.assign(document.createElement('option'), { value: c.code, textContent: c.code + ': ' + c.label })));
    $('announce-code').value = code;
  }
  const deal = state.deal && Date.parse(state.deal.endsAt) > now ? state.deal : null;
  const title = (id) => state.products.find((p) => p.id === id)?.title ?? id;
  $('deal-now').textContent = deal ? 'Running: ' + title(deal.productId) + ' at ' + euro(deal.price.amount) + ', ' + (deal.remaining === 0 ? 'sold out' : deal.remaining + ' left') + ', ends in ' + clock(Date.parse(deal.endsAt) - now) + '.' : '';
  $('deal-end').disabled = !deal;
  const a = state.announcement;
  $('announce-now').textContent = a ? 'Showing: “' + a.text + '”' + (a.code ? ' with ' + a.code : '') + ', ends in ' + clock(Date.parse(a.endsAt) - now) + '.' : '';
  const poll = state.poll;
  $('poll-now').textContent = poll ? (poll.closed ? 'Closed: ' : 'Open: ') + poll.question + ' ' + poll.options.map((o) => o.text + ' ' + o.votes).join(' · ') + (poll.closed ? '' : ', closes in ' + clock(Date.parse(poll.endsAt) - now)) + '.' : '';
  $('poll-close').disabled = !poll || poll.closed;
}
async function refresh() {
  const response = await fetch('studio/api/moments/state', { headers: { authorization: 'Bearer ' + token } });
  if (!response.ok) return;
  const date = Date.parse(response.headers.get('date') || '');
  if (Number.isFinite(date)) skew = date - Date.now();
  state = await response.json();
  render();
}
refresh();
setInterval(refresh, 2000);
setInterval(render, 1000);
`;
