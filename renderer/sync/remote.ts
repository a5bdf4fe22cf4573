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

export function authFetch(username: string, password: string, connectivity: Connectivity): typeof fetch {
  const authorization = `Basic ${btoa(unescape(encodeURIComponent(`${username}:${password}`)))}`;
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', authorization);
    headers.set('accept', 'application/json');
    try {
      const res = await fetch(input, { ...init, headers });
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
