// The renderer's one way to call the main side: `api.invoke('noun/verb', args)`, typed by the
// contract in domain/ipc. Electron's preload or the browser-mode socket carries it.
import { DEFAULT_CALL_TIMEOUT_MS, type ArgsOf, type EventName, type Events, type HandlerName, type ReplyOf } from '../../domain/ipc/contract';
import type { ErrorData, Result } from '../../domain/errors';
import { connectSocket } from './socket';

export interface Bridge {
  invoke(name: string, args: unknown): Promise<Result<unknown>>;
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    hws?: Bridge;
  }
}

export class ApiError extends Error {
  readonly code: string;
  readonly id?: string;
  constructor(data: ErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.id = data.id;
  }
}

export interface Api {
  invoke<K extends HandlerName>(name: K, args: ArgsOf<K>): Promise<ReplyOf<K>>;
  on<E extends EventName>(channel: E, listener: (payload: Events[E]) => void): () => void;
}

export function apiOver(bridge: Bridge): Api {
  return {
    async invoke(name, args) {
      const result = await bridge.invoke(name, args);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
    on(channel, listener) {
      return bridge.on(channel, listener as (p: unknown) => void);
    },
  };
}

let api: Api | undefined;

/** Electron's preload bridge when present, else the browser-mode socket. */
export function getApi(): Api {
  api ??= apiOver(window.hws ?? connectSocket(DEFAULT_CALL_TIMEOUT_MS + 2_000));
  return api;
}
