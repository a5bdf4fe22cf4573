// One remote CouchDB database as the sync module sees it: its URL, an authenticated fetch that
// records whether the server was reached, and how to ask it for changes of some kinds only.

export type FilterMode = 'selector' | 'design';

export interface Connectivity {
  /** Called on every answered request and every network failure. */
  report(reached: boolean, error?: unknown): void;
}

export interface RemoteDb {
  readonly url: string;
  readonly fetch: typeof fetch;
  readonly filterMode: FilterMode;
}

/**
 * A request that has sent or received nothing for this long is given up, and the sync tries again:
 * a connection that died on the way (a laptop moving between networks, a proxy dropping it) or a
 * server node that accepted it and never answers would otherwise hold that collection's sync for
 * good — browsers and Node put no limit on a request's time.
 */
export const REQUEST_STALL_MS = 60_000;
/** The slowest upload allowed for: a request's body adds its size at this rate to the wait for the answer. */
export const SLOWEST_UPLOAD_BYTES_PER_S = 16 * 1024;

export class RequestStalled extends Error {
  constructor(seconds: number) {
    super(`服务器 ${seconds} 秒没有回应,已断开重试`);
    this.name = 'RequestStalled';
  }
}

const bodyBytes = (body: BodyInit | null | undefined): number => {
  if (typeof body === 'string') return body.length * 3;
  if (body instanceof Blob) return body.size;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body.byteLength;
  return 0;
};

/**
 * `f` with a stall limit: the answer must begin within `stallMs` (plus the body's upload time at
 * SLOWEST_UPLOAD_BYTES_PER_S) and its body may pause no longer than `stallMs` between chunks — a
 * slow but moving answer is never cut. A caller that brings its own signal (the change feed, with
 * its own watchdog) is left to it.
 */
export function withStallLimit(f: typeof fetch, stallMs = REQUEST_STALL_MS): typeof fetch {
  return async (input, init) => {
    if (init?.signal) return f(input, init);
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new RequestStalled(Math.round(stallMs / 1000))), ms);
      (timer as { unref?: () => void }).unref?.();
    };
    const given = (e: unknown) => (controller.signal.aborted ? controller.signal.reason : e);
    arm(stallMs + (bodyBytes(init?.body) / SLOWEST_UPLOAD_BYTES_PER_S) * 1000);
    let res: Response;
    try {
      res = await f(input, { ...init, signal: controller.signal });
    } catch (e) {
      clearTimeout(timer);
      throw given(e);
    }
    if (!res.body || [101, 204, 205, 304].includes(res.status)) {
      clearTimeout(timer);
      return res;
    }
    arm(stallMs);
    const reader = res.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(out) {
        try {
          const chunk = await reader.read();
          if (chunk.done) {
            clearTimeout(timer);
            out.close();
          } else {
            arm(stallMs);
            out.enqueue(chunk.value);
          }
        } catch (e) {
          clearTimeout(timer);
          out.error(given(e));
        }
      },
      cancel(reason) {
        clearTimeout(timer);
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

export function authFetch(username: string, password: string, connectivity: Connectivity, stallMs = REQUEST_STALL_MS): typeof fetch {
  const authorization = `Basic ${btoa(unescape(encodeURIComponent(`${username}:${password}`)))}`;
  const limited = withStallLimit(fetch, stallMs);
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', authorization);
    headers.set('accept', 'application/json');
    try {
      const res = await limited(input, { ...init, headers });
      connectivity.report(true);
      return res;
    } catch (e) {
      connectivity.report(false, e);
      throw e;
    }
  };
}

/**
 * CouchDB filters changes by a Mango selector (native, fast), and so does the embedded server
 * (it answers as CouchDB 3.5, `vendor.name` hws-embedded). Only a server without `_selector` — an
 * older express-pouchdb stand-in, which names itself in its welcome — gets the design-document
 * filter `hws/by_type`. Both are documented CouchDB APIs.
 */
export async function detectFilterMode(baseUrl: string, f: typeof fetch): Promise<FilterMode> {
  const res = await f(`${baseUrl}/`);
  const root = (await res.json()) as { couchdb?: string; 'express-pouchdb'?: string };
  return root['express-pouchdb'] || !root.couchdb ? 'design' : 'selector';
}

export async function readJson<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) {
    let reason = res.statusText;
    try {
      reason = ((await res.json()) as { reason?: string }).reason ?? reason;
    } catch {
      // keep the status text
    }
    const err = new Error(`${what}: ${res.status} ${reason}`) as Error & { status: number };
    err.status = res.status;
    throw err;
  }
  return (await res.json()) as T;
}

/** The current versions of some documents of a database (null where there is none), in the order asked: one `_all_docs` request (with `_conflicts` where asked). */
export async function readDocsById<T>(dbUrl: string, f: typeof fetch, ids: readonly string[], what: string, withConflicts = false): Promise<(T | null)[]> {
  const reply = await readJson<{ rows: { doc?: T | null }[] }>(
    await f(`${dbUrl}/_all_docs?include_docs=true${withConflicts ? '&conflicts=true' : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ keys: ids }),
    }),
    what,
  );
  return ids.map((_, i) => reply.rows[i]?.doc ?? null);
}
