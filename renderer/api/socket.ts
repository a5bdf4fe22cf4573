// Browser mode: calls travel over a WebSocket to the local host process. The per-run token comes
// in the page URL's fragment once and is kept for this tab only.
import type { CallMessage, EventMessage, ReplyMessage } from '../../domain/ipc/contract';
import type { Result } from '../../domain/errors';
import type { Bridge } from './client';

const TOKEN_KEY = 'hws-token';
const RECONNECT_MS = 1_000;

function takeToken(): string {
  const match = /token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function connectSocket(callTimeoutMs: number): Bridge {
  const token = takeToken();
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const queue: string[] = [];
  let nextId = 1;
  let ws: WebSocket | undefined;

  const open = () => {
    ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ipc?token=${encodeURIComponent(token)}`);
    ws.onopen = () => {
      for (const msg of queue.splice(0)) ws!.send(msg);
    };
    ws.onmessage = (ev) => {
      const msg = JSON.parse(String(ev.data)) as ReplyMessage | EventMessage;
      if (msg.kind === 'reply') {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      } else {
        for (const l of listeners.get(msg.channel) ?? []) l(msg.payload);
      }
    };
    ws.onclose = () => {
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { code: 'DISCONNECTED', message: '与本机服务的连接已断开,请刷新页面' } });
        pending.delete(id);
      }
      setTimeout(open, RECONNECT_MS);
    };
  };
  open();

  return {
    invoke(name, args) {
      const id = nextId++;
      const msg: CallMessage = { kind: 'call', id, name, args };
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve({ ok: false, error: { code: 'TIMEOUT', message: '本机服务无响应,请稍后重试' } });
        }, callTimeoutMs);
        pending.set(id, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
        const text = JSON.stringify(msg);
        if (ws?.readyState === WebSocket.OPEN) ws.send(text);
        else queue.push(text);
      });
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
}
