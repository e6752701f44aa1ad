// A local Amazon IVS Chat room speaking the documented messaging API over WebSocket
// (docs/recipes/aws-ivs.md), for the IVS chat adapter's tests. Mounted on the test server:
//
//   POST /__ivs/token?room=<r>&user=<u>&name=<n>[&role=<role>]   a chat token, like the merchant's
//                                                  backend would get from CreateChatToken: { token }
//   ws  /__ivs/chat   (subprotocol: the token)      the room: SEND_MESSAGE -> MESSAGE to everyone
//                                                  (an ERROR 429 for the text "spam", 400 for over
//                                                  500 characters); a token is good for one connection
//   POST /__ivs/admin/<room>/delete?id=<id>         EVENT aws:DELETE_MESSAGE to the room
//   POST /__ivs/admin/<room>/disconnect?user=<u>    EVENT aws:DISCONNECT_USER, and closes that user's sockets
//   GET  /__ivs/admin/<room>/connections            how many sockets each token opened: { opened, open }
import { randomBytes } from 'node:crypto';
import { WebSocketServer } from 'ws';

const tokens = new Map(); // token -> { room, user, name, role, used }
const rooms = new Map(); // room -> Set<{ ws, session }>
const opened = new Map(); // room -> count

const id = () => randomBytes(6).toString('hex').slice(0, 12);
const roomOf = (name) => {
  if (!rooms.has(name)) rooms.set(name, new Set());
  return rooms.get(name);
};
const broadcast = (room, payload) => {
  for (const client of roomOf(room)) client.ws.send(JSON.stringify(payload));
};

export const plugins = [
  {
    name: 'ivs-chat-room',
    serverStart({ server }) {
      const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => [...protocols][0] ?? false });
      server.on('upgrade', (request, socket, head) => {
        if (!request.url.startsWith('/__ivs/chat')) return;
        const token = String(request.headers['sec-websocket-protocol'] ?? '').split(',')[0].trim();
        const session = tokens.get(token);
        if (!session || session.used) {
          socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
          return;
        }
        session.used = true;
        wss.handleUpgrade(request, socket, head, (ws) => {
          const client = { ws, session };
          roomOf(session.room).add(client);
          opened.set(session.room, (opened.get(session.room) ?? 0) + 1);
          ws.on('close', () => roomOf(session.room).delete(client));
          ws.on('message', (raw) => {
            let m;
            try {
              m = JSON.parse(String(raw));
            } catch {
              ws.send(JSON.stringify({ Type: 'ERROR', Id: id(), ErrorCode: 400, ErrorMessage: 'not JSON' }));
              return;
            }
            if (m.Action !== 'SEND_MESSAGE') {
              ws.send(JSON.stringify({ Type: 'ERROR', Id: id(), RequestId: m.RequestId, ErrorCode: 403, ErrorMessage: 'not allowed' }));
              return;
            }
            const content = String(m.Content ?? '');
            if (content === 'spam') {
              ws.send(JSON.stringify({ Type: 'ERROR', Id: id(), RequestId: m.RequestId, ErrorCode: 429, ErrorMessage: 'Too many requests' }));
              return;
            }
            if (!content || [...content].length > 500) {
              ws.send(JSON.stringify({ Type: 'ERROR', Id: id(), RequestId: m.RequestId, ErrorCode: 400, ErrorMessage: 'Invalid content' }));
              return;
            }
            broadcast(session.room, {
              Type: 'MESSAGE',
              Id: id(),
              RequestId: m.RequestId,
              Content: content,
              Attributes: m.Attributes ?? {},
              SendTime: new Date().toISOString(),
              Sender: { UserId: session.user, Attributes: { display_name: session.name, ...(session.role ? { role: session.role } : {}) } },
            });
          });
        });
      });
    },
  },
];

export const middleware = [
  async (ctx, next) => {
    if (!ctx.path.startsWith('/__ivs/')) return next();
    let m;
    if (ctx.path === '/__ivs/token' && ctx.method === 'POST') {
      const token = `tok-${randomBytes(12).toString('hex')}`;
      tokens.set(token, { room: String(ctx.query.room), user: String(ctx.query.user), name: String(ctx.query.name ?? ctx.query.user), role: ctx.query.role, used: false });
      ctx.type = 'application/json';
      ctx.body = { token, sessionExpirationTime: new Date(Date.now() + 3600_000).toISOString() };
      return;
    }
    if ((m = ctx.path.match(/^\/__ivs\/admin\/([\w-]+)\/delete$/)) && ctx.method === 'POST') {
      broadcast(m[1], { Type: 'EVENT', Id: id(), EventName: 'aws:DELETE_MESSAGE', Attributes: { MessageId: String(ctx.query.id), Reason: 'moderated' }, SendTime: new Date().toISOString() });
      ctx.status = 204;
      return;
    }
    if ((m = ctx.path.match(/^\/__ivs\/admin\/([\w-]+)\/disconnect$/)) && ctx.method === 'POST') {
      const user = String(ctx.query.user);
      broadcast(m[1], { Type: 'EVENT', Id: id(), EventName: 'aws:DISCONNECT_USER', Attributes: { UserId: user, Reason: 'banned' }, SendTime: new Date().toISOString() });
      for (const client of roomOf(m[1])) if (client.session.user === user) client.ws.close(1000, 'disconnected');
      ctx.status = 204;
      return;
    }
    if ((m = ctx.path.match(/^\/__ivs\/admin\/([\w-]+)\/connections$/))) {
      ctx.type = 'application/json';
      ctx.body = { opened: opened.get(m[1]) ?? 0, open: roomOf(m[1]).size };
      return;
    }
    return next();
  },
];
