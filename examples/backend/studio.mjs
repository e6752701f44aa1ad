// The demo's studio page (/studio?token=…): run the show as its host. Plain HTML and a script
// served from /studio/app.js (no inline script: the page runs under a CSP). Everything the
// audience wrote is put in with textContent, never as HTML.

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
  @media (max-width: 720px) { main { grid-template-columns: 1fr; } }
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
  <section aria-labelledby="chat-title"><h2 id="chat-title">Chat</h2>
    <p id="pinned" class="pinned" hidden></p>
    <ul id="messages" aria-live="off"></ul>
    <form id="say"><label for="text" class="sr">Write as the host</label><input id="text" type="text" maxlength="500" placeholder="Write as the host…" autocomplete="off">
      <label><input id="pin-it" type="checkbox"> pin</label><button type="submit">Send as host</button></form>
  </section>
</main>
<script type="module" src="studio/app.js"></script>
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
