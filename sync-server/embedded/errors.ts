// Errors as CouchDB answers them ({ error, reason } with its HTTP status) and the server's log:
// one line per failed request, in a 0600 file of the data folder (and on stderr when unexpected).
import { appendFile } from 'node:fs/promises';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${error}: ${reason}`);
    this.name = 'HttpError';
  }
}

export const badRequest = (reason: string) => new HttpError(400, 'bad_request', reason);
export const notFound = (reason = 'missing') => new HttpError(404, 'not_found', reason);
export const noDatabase = () => new HttpError(404, 'not_found', 'Database does not exist.');
export const forbidden = (reason: string) => new HttpError(403, 'forbidden', reason);
export const unauthorized = (reason: string) => new HttpError(401, 'unauthorized', reason);
export const notServerAdmin = () => unauthorized('You are not a server admin.');
export const notDbAdmin = () => forbidden('You are not a db or server admin.');
export const conflict = () => new HttpError(409, 'conflict', 'Document update conflict.');
export const badJson = () => badRequest('invalid UTF-8 JSON');
export const tooLarge = () => new HttpError(413, 'too_large', 'the request entity is too large');
export const notSupported = (what: string) => new HttpError(501, 'not_implemented', `${what} is not supported by the embedded server`);

export function methodNotAllowed(allowed: readonly string[]): HttpError {
  const list = allowed.join(',');
  return new HttpError(405, 'method_not_allowed', `Only ${list} allowed`, { allow: list });
}

interface PouchLikeError {
  readonly status?: number;
  readonly name?: string;
  readonly error?: unknown;
  readonly reason?: string;
  readonly message?: string;
}

/** PouchDB's errors carry CouchDB's status and name; anything else is an internal error. */
export function toHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  const p = (e ?? {}) as PouchLikeError;
  if (typeof p.status === 'number' && p.status >= 400 && p.status < 600 && typeof p.name === 'string') {
    const reason = p.reason ?? p.message ?? p.name;
    if (p.name === 'conflict') return conflict();
    if (p.name === 'not_found') return notFound(reason === 'deleted' ? 'deleted' : 'missing');
    return new HttpError(p.status, p.name, reason);
  }
  return new HttpError(500, 'internal_server_error', e instanceof Error ? e.message : String(e));
}

export interface ServerLog {
  failure(method: string, path: string, err: HttpError, cause?: unknown): void;
  info(line: string): void;
}

/** Appends to the log file in order, never throwing into a request. */
export function createLog(file: string | undefined): ServerLog {
  let chain = Promise.resolve();
  const write = (line: string) => {
    if (!file) return;
    chain = chain.then(() => appendFile(file, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 })).catch(() => {});
  };
  return {
    failure(method, path, err, cause) {
      // Never log a query string: it may carry a revision or a key, never credentials, but keep it short.
      const line = `${method} ${path.split('?')[0]} ${err.status} ${err.error}: ${err.reason}`;
      write(line);
      // An unexpected failure (not an answer the server chose) also goes to stderr, with its stack.
      if (cause !== undefined) console.error(`[sync-server] ${line}${cause instanceof Error && cause.stack ? `\n${cause.stack}` : ''}`);
    },
    info: write,
  };
}
