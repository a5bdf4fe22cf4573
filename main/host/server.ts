// Browser mode: the built renderer served on 127.0.0.1, and the same handlers as Electron IPC
// over a local WebSocket. A per-run token in the URL guards the socket, and only the page's own
// origin may open it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CallMessage, EventMessage, ReplyMessage } from '../../domain/ipc/contract';
import { contentSecurityPolicy, originOf } from '../csp';
import { dispatch, type HandlerImpls } from '../dispatch';
import type { EventBus } from '../events';
import { staticFiles } from './static';

export interface HostOptions {
  readonly staticDir: string;
  readonly handlers: HandlerImpls;
  readonly events: EventBus;
  readonly couchUrl: string;
  readonly port?: number;
  readonly token?: string;
}

export interface Host {
  /** The URL to open, with the token in its fragment (never sent to a server by the browser). */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

export const IPC_PATH = '/ipc';
/** No call's arguments come near this (the largest, a receipt, is a few kilobytes); a bigger message closes the socket unread. */
export const MAX_CALL_BYTES = 1024 * 1024;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function parseCall(data: unknown): CallMessage | undefined {
  try {
    const msg = JSON.parse(String(data)) as Partial<CallMessage>;
    if (msg.kind === 'call' && typeof msg.id === 'number' && typeof msg.name === 'string') return msg as CallMessage;
  } catch {
    // fall through: a malformed message is ignored
  }
  return undefined;
}

export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CALL_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const given = url.searchParams.get('token') ?? '';
    if (url.pathname !== IPC_PATH || req.headers.origin !== origin || !sameSecret(given, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(ws: WebSocket): void {
    const unsubscribe = options.events.subscribe((channel, payload) => {
      const msg: EventMessage = { kind: 'event', channel, payload };
      ws.send(JSON.stringify(msg));
    });
    ws.on('close', unsubscribe);
    // A socket's own failure (e.g. a message over MAX_CALL_BYTES: ws closes it with 1009) ends that
    // socket only; without a listener ws would throw it and end the host.
    ws.on('error', (e) => console.error(`[host] local socket closed: ${e.message}`));
    ws.on('message', async (data) => {
      const call = parseCall(data);
      if (!call) return;
      const reply: ReplyMessage = { kind: 'reply', id: call.id, result: await dispatch(options.handlers, call.name, call.args) };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  const wsOrigin = `ws://127.0.0.1:${port}`;
  const serveStatic = staticFiles(options.staticDir, {
    'content-security-policy': contentSecurityPolicy([wsOrigin, originOf(options.couchUrl)]),
  });
  server.on('request', (req, res) => {
    serveStatic(req, res).catch(() => res.writeHead(500).end());
  });
  return {
    url: `${origin}/#token=${token}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
