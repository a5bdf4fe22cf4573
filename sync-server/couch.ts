// A small client for the documented CouchDB HTTP API. Credentials may be given in the URL
// (http://admin:secret@host:5984); they are moved into an Authorization header because fetch
// refuses URLs that carry credentials.

export class CouchError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
    readonly path: string,
  ) {
    super(`CouchDB ${status} ${error} on ${path}: ${reason}`);
    this.name = 'CouchError';
  }
}

export interface CouchClient {
  /** Base URL without credentials and without a trailing slash. */
  readonly url: string;
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Like request, but answers undefined for 404 instead of throwing. */
  getOrUndefined<T = unknown>(path: string): Promise<T | undefined>;
}

export function splitCredentials(rawUrl: string): { url: string; authorization?: string } {
  const parsed = new URL(rawUrl);
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  const url = parsed.toString().replace(/\/+$/, '');
  if (!user) return { url };
  return { url, authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
}

export function couchClient(rawUrl: string): CouchClient {
  const { url, authorization } = splitCredentials(rawUrl);
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authorization) headers.authorization = authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new CouchError(res.status, 'bad_response', `not JSON: ${text.slice(0, 120)}`, path);
    }
    if (!res.ok) {
      const err = (json ?? {}) as { error?: string; reason?: string };
      throw new CouchError(res.status, err.error ?? 'unknown', err.reason ?? res.statusText, path);
    }
    return json as T;
  }
  return {
    url,
    request,
    async getOrUndefined<T>(path: string): Promise<T | undefined> {
      try {
        return await request<T>('GET', path);
      } catch (e) {
        if (e instanceof CouchError && e.status === 404) return undefined;
        throw e;
      }
    },
  };
}
