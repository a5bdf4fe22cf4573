// Runs the parity probes against one server and records each answer as "status error".
import { splitCredentials } from '../couch';
import type { TestCouch } from '../testing';
import { userFor, type Probe, type Who } from './probes';

export type Answers = Record<string, string>;

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

function authorization(couch: TestCouch, who: Who): string | undefined {
  if (who === 'anonymous') return undefined;
  if (who === 'admin') return splitCredentials(couch.adminUrl).authorization;
  if (who === 'wrong_password') {
    // Another clerk than the one the clerk rows use: both servers lock a user out after 5 failures.
    const victim = couch.users.filter((u) => u.roles.includes('clerk'))[1]!;
    return basic(victim.name, `${victim.password}-wrong`);
  }
  const user = userFor(couch, who);
  return basic(user.name, user.password);
}

async function adminFetch(couch: TestCouch, method: string, path: string): Promise<Response> {
  const { authorization: auth } = splitCredentials(couch.adminUrl);
  return fetch(couch.url + path, { method, headers: { authorization: auth!, accept: 'application/json' } });
}

/** One answer: the status, and CouchDB's `error` field for a failure. */
export async function answer(res: Response): Promise<string> {
  const text = await res.text();
  if (res.ok) return String(res.status);
  let error = '';
  try {
    error = String((JSON.parse(text) as { error?: unknown }).error ?? '');
  } catch {
    error = '(not JSON)';
  }
  return `${res.status} ${error}`.trim();
}

export async function runProbes(couch: TestCouch, probes: readonly Probe[]): Promise<Answers> {
  const out: Answers = {};
  for (const p of probes) {
    if (p.createFirst) await (await adminFetch(couch, 'PUT', `/${p.createFirst}`)).text();
    const headers: Record<string, string> = { accept: 'application/json' };
    const auth = authorization(couch, p.who);
    if (auth) headers.authorization = auth;
    let body: string | undefined = p.rawBody;
    if (p.body === 'CURRENT_SECURITY') body = await (await adminFetch(couch, 'GET', p.path)).text();
    else if (p.body !== undefined) body = JSON.stringify(p.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(couch.url + p.path, { method: p.method, headers, body });
    out[p.label] = await answer(res);
  }
  return out;
}

/** Removes what the probes may have created (databases, replication documents). */
export async function cleanUp(couch: TestCouch): Promise<void> {
  const dbs = (await (await adminFetch(couch, 'GET', '/_all_dbs')).json()) as string[];
  for (const db of dbs.filter((d) => d.startsWith('hws-parity-'))) await (await adminFetch(couch, 'DELETE', `/${db}`)).text();
  const reps = (await (await adminFetch(couch, 'GET', '/_replicator/_all_docs')).json()) as { rows?: { id: string; value: { rev: string } }[] };
  for (const row of reps.rows ?? []) {
    if (row.id.startsWith('rep:parity')) await (await adminFetch(couch, 'DELETE', `/_replicator/${encodeURIComponent(row.id)}?rev=${row.value.rev}`)).text();
  }
}
