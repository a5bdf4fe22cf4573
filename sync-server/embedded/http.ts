// Request and response helpers: the parsed path, bodies read with size limits (a body cut short is
// refused, never used), JSON answers as CouchDB sends them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badJson, badRequest, HttpError, tooLarge } from './errors';

/** CouchDB's default max_document_size. */
export const MAX_DOCUMENT_BYTES = 8_000_000;
/** Any request body (bulk writes, attachments). */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

export interface UserCtx {
  readonly name: string | null;
  readonly roles: readonly string[];
}

export interface Request {
  readonly raw: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  /** Decoded path segments. */
  readonly path: readonly string[];
  readonly rawPath: string;
  readonly query: URLSearchParams;
  readonly user: UserCtx;
  readonly isServerAdmin: boolean;
  /** How the user was authenticated. */
  readonly authenticated?: 'default' | 'cookie';
}

export function parseTarget(url: string): { path: string[]; rawPath: string; query: URLSearchParams } {
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
  const path: string[] = [];
  for (const part of rawPath.split('/')) {
    if (part === '') continue;
    try {
      path.push(decodeURIComponent(part));
    } catch {
      throw badRequest('invalid URL encoding');
    }
  }
  return { path, rawPath, query };
}

/**
 * The whole body, or an error: over the limit (413), shorter than its Content-Length or cut off
 * (the request is refused, never stored truncated).
 */
export function readBody(req: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<Buffer> {
  const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
  if (declared !== undefined && (!Number.isFinite(declared) || declared < 0)) return Promise.reject(badRequest('invalid Content-Length'));
  if (declared !== undefined && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const fail = (e: HttpError) => {
      if (done) return;
      done = true;
      reject(e);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        fail(tooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      if (declared !== undefined && size !== declared) return fail(badRequest('the request body is shorter than its Content-Length'));
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('aborted', () => fail(badRequest('the request body was cut short')));
    req.on('error', () => fail(badRequest('the request body was cut short')));
    req.on('close', () => fail(badRequest('the request body was cut short')));
  });
}

export async function readJson(req: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<unknown> {
  const body = await readBody(req, limit);
  if (body.length === 0) throw badRequest('Missing JSON body');
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw badJson();
  }
}

export async function readJsonObject(req: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<Record<string, unknown>> {
  const value = await readJson(req, limit);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw badRequest('Request body must be a JSON object');
  return value as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body) + '\n';
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'must-revalidate', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, err: HttpError): void {
  if (res.headersSent) {
    // A long-poll that already sent its headers: end the body; the client sees a broken answer.
    res.destroy();
    return;
  }
  sendJson(res, err.status, { error: err.error, reason: err.reason }, { ...err.headers });
}

/** A query parameter that CouchDB reads as JSON (keys, startkey, rev lists), else as text. */
export function jsonParam(query: URLSearchParams, name: string): unknown {
  const raw = query.get(name);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new HttpError(400, 'bad_request', `invalid value for ${name}`);
  }
}

export function boolParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new HttpError(400, 'query_parse_error', `Invalid boolean parameter: "${raw}"`);
}

export function intParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(400, 'query_parse_error', `Invalid value for integer: "${raw}"`);
  return n;
}
