// The change relay (docs/centre.md §6): one continuous `_changes` feed per office database on the
// CouchDB cluster, fanned out to every workstation of that office that follows it here, so the
// cluster serves one feed per office instead of one per workstation (every change used to wake
// every workstation's feed, and each woken feed read the change from the shards again).
//
// It speaks the part of CouchDB's API the workstation's notifier uses (renderer/sync/notifier.ts),
// so the notifier follows the relay or the database with the same code:
//   GET /{db}                                    — the database's info, asked of CouchDB as the
//       workstation's user (this is the access check); `update_seq` is the relay's own position
//       in the office's feed, so a workstation starting there needs no catch-up.
//   GET /{db}/_changes?feed=continuous&since=S&heartbeat=H[&style=all_docs]
//       — rows `{"seq","id","changes":[{"rev"}],"deleted"}` a line, newlines as heartbeats, as
//       CouchDB sends them (always all leaf revisions). From a sequence the relay does not hold
//       (an older one, another node's) it first reads the missed rows from CouchDB as the user,
//       then streams live, and reads CouchDB again 1 s and 5 s later from where that read ended
//       (a cluster's lagging copy): nothing made in between is missed (a row may come twice).
//   Any other `_changes` request (long-poll, filters) is passed to CouchDB as the user, unchanged.
//
// Security: a workstation proves access with its own CouchDB credentials (Basic authorization or
// the AuthSession cookie), checked by `GET /{db}` as that user (a documented CouchDB API) and
// remembered for `accessTtlMs` only per (database, credentials); an open feed is checked again at
// that interval and ended when access is gone. A request without access gets CouchDB's own 401 or
// 403 and nothing else. Rows carry ids and revisions only, never document bodies. The relay's
// admin credentials are used for the one upstream feed per database, and never for a client.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { withCors } from '../cors';

export interface RelayOptions {
  /** CouchDB (a node or the cluster's load balancer), admin credentials in the URL. */
  readonly couchUrl: string;
  readonly port?: number;
  readonly host?: string;
  /** How long a granted access is remembered (and how often an open feed is checked again). */
  readonly accessTtlMs?: number;
  /** Rows kept per database to resume a workstation from a sequence the relay streamed. */
  readonly bufferRows?: number;
  /** An office's upstream feed is closed this long after its last workstation left. */
  readonly idleMs?: number;
  /** Origins allowed by CORS (the workstations' pages); none by default. */
  readonly corsOrigins?: readonly string[];
  readonly log?: (line: string) => void;
  /**
   * Called once per change read from an office's upstream feed (benchmarks: where a delivery's
   * time goes). `readAt`: the chunk carrying it arrived; `sentAt`: written to every workstation
   * following the office (`performance.now()` of this process).
   */
  readonly trace?: (row: { readonly db: string; readonly id: string; readonly readAt: number; readonly sentAt: number; readonly clients: number }) => void;
}

export interface RelayStats {
  /** Databases followed upstream (one continuous feed each). */
  readonly upstreamFeeds: number;
  /** Workstations' continuous feeds open now. */
  readonly clients: number;
  /** Rows written to workstations. */
  readonly delivered: number;
  /** Access checks asked of CouchDB (the rest were answered from memory). */
  readonly accessChecks: number;
  /** Catch-up reads from CouchDB for workstations resuming from a sequence the relay did not hold. */
  readonly catchUps: number;
}

export interface Relay {
  readonly url: string;
  stats(): RelayStats;
  close(): Promise<void>;
}

const HEARTBEAT_MS = 10_000;
const CATCH_UP_PAGE = 1_000;
const CATCH_UP_PAGES = 50;
/** A catch-up is read again after these delays (a cluster's third copy of a write may lag). */
const CATCH_UP_AGAIN_MS = [1_000, 5_000];
/** A workstation that reads this far behind is cut (it resumes from its last sequence). */
const MAX_BACKLOG_BYTES = 1 << 20;
const MAX_ACCESS_ENTRIES = 20_000;
/** CouchDB's database names, without the system databases (`_users`, `_replicator`…). */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

interface Row {
  readonly seq: string;
  /** The row's line and its newline, encoded once for all the office's workstations. */
  readonly bytes: Buffer;
}

interface Client {
  readonly res: http.ServerResponse;
  /** Rows queued while the catch-up is read; undefined once live. */
  queue: Row[] | undefined;
}

interface Channel {
  readonly db: string;
  readonly clients: Set<Client>;
  readonly rows: Row[];
  /** The sequence the feed started from, then the last row's. */
  startSeq: string;
  lastSeq: string;
  ready: Promise<void>;
  request: http.ClientRequest | undefined;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
  closed: boolean;
}

/** Credentials a request carries, as forwarded to CouchDB (nothing else of the request is). */
function credentials(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  if (req.headers.authorization) out.authorization = req.headers.authorization;
  if (req.headers.cookie) out.cookie = req.headers.cookie;
  return out;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'must-revalidate' });
  res.end(JSON.stringify(body) + '\n');
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const upstream = new URL(options.couchUrl);
  const adminAuth = upstream.username ? `Basic ${Buffer.from(`${decodeURIComponent(upstream.username)}:${decodeURIComponent(upstream.password)}`).toString('base64')}` : undefined;
  upstream.username = '';
  upstream.password = '';
  const base = upstream.toString().replace(/\/+$/, '');
  const ttl = options.accessTtlMs ?? 60_000;
  const bufferRows = options.bufferRows ?? 2_000;
  const idleMs = options.idleMs ?? 60_000;
  const log = options.log ?? (() => {});
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const feedAgent = new http.Agent({ keepAlive: false });
  const channels = new Map<string, Channel>();
  const access = new Map<string, number>(); // db \0 credentials → until
  const counters = { delivered: 0, accessChecks: 0, catchUps: 0, clients: 0 };
  let closing = false;

  /** One request to CouchDB; the whole answer. */
  const ask = (path: string, headers: Record<string, string>): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const req = http.request(`${base}${path}`, { agent, headers: { accept: 'application/json', ...headers } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.setTimeout(120_000, () => req.destroy(new Error('CouchDB did not answer')));
      req.end();
    });

  /** Whether these credentials may read `db`: CouchDB is asked (`GET /{db}` as that user) unless it said yes lately. */
  const checkAccess = async (db: string, creds: Record<string, string>, fresh = false): Promise<{ status: number; text: string } | null> => {
    const key = `${db}\0${creds.authorization ?? ''}\0${creds.cookie ?? ''}`;
    const until = access.get(key);
    if (!fresh && until !== undefined && until > Date.now()) return null;
    counters.accessChecks++;
    const answer = await ask(`/${encodeURIComponent(db)}`, creds);
    if (answer.status === 200) {
      if (access.size >= MAX_ACCESS_ENTRIES) {
        const now = Date.now();
        for (const [k, u] of access) if (u <= now) access.delete(k);
        if (access.size >= MAX_ACCESS_ENTRIES) access.clear();
      }
      access.set(key, Date.now() + ttl);
    } else access.delete(key);
    return answer;
  };

  // --- the one upstream feed per database ------------------------------------------------------

  const broadcast = (ch: Channel, row: Row) => {
    for (const c of ch.clients) {
      if (c.queue) c.queue.push(row);
      else write(c, row.bytes);
    }
  };
  const write = (c: Client, data: Buffer) => {
    if (c.res.writableLength > MAX_BACKLOG_BYTES) return void c.res.destroy();
    c.res.write(data);
    counters.delivered++;
  };

  const follow = (ch: Channel, since: string, delay: number) => {
    if (ch.closed || closing) return;
    const path = `/${encodeURIComponent(ch.db)}/_changes?feed=continuous&style=all_docs&heartbeat=${HEARTBEAT_MS}&since=${encodeURIComponent(since)}`;
    let retry = delay;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let ended = false;
    const again = (why: string) => {
      clearTimeout(watchdog);
      if (ended || ch.closed || closing) return;
      ended = true;
      log(`relay: ${ch.db} feed ended (${why}); again from ${ch.lastSeq} in ${retry} ms`);
      setTimeout(() => follow(ch, ch.lastSeq, Math.min(retry * 2, 30_000)), retry);
    };
    const req = http.request(`${base}${path}`, { agent: feedAgent, headers: { accept: 'application/json', ...(adminAuth ? { authorization: adminAuth } : {}) } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        if (res.statusCode === 404) return void closeChannel(ch, true);
        return again(`HTTP ${res.statusCode}`);
      }
      retry = 500;
      let buffered = '';
      const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => req.destroy(new Error('no heartbeat')), 2 * HEARTBEAT_MS + 5_000);
      };
      arm();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const readAt = performance.now();
        arm();
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          if (!line.trim()) continue;
          let row: { seq?: unknown; id?: unknown; changes?: unknown; deleted?: unknown; last_seq?: unknown };
          try {
            row = JSON.parse(line) as typeof row;
          } catch {
            continue;
          }
          if (row.last_seq !== undefined) {
            ch.lastSeq = String(row.last_seq);
            continue;
          }
          if (typeof row.id !== 'string' || row.seq === undefined) continue;
          const seq = String(row.seq);
          // Only what the notifier reads: never a document body, whatever CouchDB sent.
          const text = JSON.stringify({ seq: row.seq, id: row.id, changes: row.changes, ...(row.deleted ? { deleted: true } : {}) });
          const out: Row = { seq, bytes: Buffer.from(text + '\n') };
          ch.lastSeq = seq;
          ch.rows.push(out);
          if (ch.rows.length > bufferRows) {
            // The rows kept are those after startSeq: it moves on with what is dropped.
            const drop = ch.rows.length - bufferRows;
            ch.startSeq = ch.rows[drop - 1]!.seq;
            ch.rows.splice(0, drop);
          }
          broadcast(ch, out);
          options.trace?.({ db: ch.db, id: row.id, readAt, sentAt: performance.now(), clients: ch.clients.size });
        }
      });
      res.on('end', () => again('end'));
      res.on('error', (e) => again(e.message));
      res.on('close', () => again('closed'));
    });
    req.on('error', (e) => again(e.message));
    req.end();
    ch.request = req;
  };

  const closeChannel = (ch: Channel, gone: boolean) => {
    ch.closed = true;
    clearTimeout(ch.idleTimer);
    ch.request?.destroy();
    channels.delete(ch.db);
    for (const c of ch.clients) {
      if (gone) sendJson(c.res, 404, { error: 'not_found', reason: 'Database does not exist.' });
      else c.res.end(JSON.stringify({ last_seq: ch.lastSeq }) + '\n');
    }
    ch.clients.clear();
  };

  /** The database's feed, started (from its current sequence) when a first workstation asks. */
  const channel = (db: string): Channel => {
    const known = channels.get(db);
    if (known) {
      clearTimeout(known.idleTimer);
      known.idleTimer = undefined;
      return known;
    }
    const ch: Channel = { db, clients: new Set(), rows: [], startSeq: '', lastSeq: '', ready: Promise.resolve(), request: undefined, idleTimer: undefined, closed: false };
    channels.set(db, ch);
    ch.ready = (async () => {
      for (let delay = 500; ; delay = Math.min(delay * 2, 10_000)) {
        try {
          const info = await ask(`/${encodeURIComponent(db)}`, adminAuth ? { authorization: adminAuth } : {});
          if (info.status === 200) {
            ch.startSeq = ch.lastSeq = String((JSON.parse(info.text) as { update_seq: unknown }).update_seq);
            break;
          }
          if (info.status === 404) throw Object.assign(new Error('no database'), { status: 404 });
          log(`relay: ${db} info ${info.status}`);
        } catch (e) {
          if ((e as { status?: number }).status === 404) {
            channels.delete(db);
            throw e;
          }
        }
        if (ch.closed || closing) throw new Error('closed');
        await new Promise((r) => setTimeout(r, delay));
      }
      follow(ch, ch.startSeq, 500);
    })();
    ch.ready.catch(() => {});
    return ch;
  };

  const leave = (ch: Channel, c: Client) => {
    if (!ch.clients.delete(c)) return;
    counters.clients--;
    if (ch.clients.size === 0 && !ch.closed) ch.idleTimer = setTimeout(() => closeChannel(ch, false), idleMs);
  };

  // --- workstations ----------------------------------------------------------------------------

  /** Passes a request to CouchDB as the user (only GET/HEAD of the database and its `_changes`). */
  const pass = (req: http.IncomingMessage, res: http.ServerResponse, path: string) => {
    const up = http.request(`${base}${path}`, { agent, method: req.method, headers: { accept: 'application/json', ...credentials(req) } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json', 'cache-control': 'must-revalidate' });
      answer.pipe(res);
    });
    up.on('error', () => res.destroy());
    res.on('close', () => up.destroy());
    up.end();
  };

  /** What CouchDB holds after `since`, read as the user, a line a row (ids and revisions only); or CouchDB's refusal (status 0: no answer). */
  const readSince = async (db: string, since: string, creds: Record<string, string>): Promise<{ lines: string[]; lastSeq: string } | { status: number; text: string }> => {
    const lines: string[] = [];
    let from = since;
    for (let page = 0; page < CATCH_UP_PAGES; page++) {
      let answer: { status: number; text: string };
      try {
        answer = await ask(`/${encodeURIComponent(db)}/_changes?style=all_docs&limit=${CATCH_UP_PAGE}&since=${encodeURIComponent(from)}`, creds);
      } catch {
        return { status: 0, text: '' };
      }
      if (answer.status !== 200) return answer;
      const body = JSON.parse(answer.text) as { results: { seq: unknown; id: string; changes: unknown; deleted?: boolean }[]; last_seq: unknown; pending?: number };
      for (const r of body.results) lines.push(JSON.stringify({ seq: r.seq, id: r.id, changes: r.changes, ...(r.deleted ? { deleted: true } : {}) }));
      from = String(body.last_seq);
      if (!body.pending || body.results.length === 0) break;
    }
    return { lines, lastSeq: from };
  };

  const feed = async (req: http.IncomingMessage, res: http.ServerResponse, db: string, q: URLSearchParams) => {
    const creds = credentials(req);
    const denied = await checkAccess(db, creds);
    if (denied && denied.status !== 200) return sendJson(res, denied.status, JSON.parse(denied.text || '{}'));
    const ch = channel(db);
    try {
      await ch.ready;
    } catch {
      return sendJson(res, 404, { error: 'not_found', reason: 'Database does not exist.' });
    }
    if (ch.closed) return sendJson(res, 503, { error: 'unavailable', reason: 'the relay is closing this feed' });
    if (res.destroyed || req.socket.destroyed) return;
    const since = q.get('since') ?? 'now';
    const client: Client = { res, queue: [] };
    ch.clients.add(client);
    counters.clients++;
    const timers: { beat?: ReturnType<typeof setInterval>; recheck?: ReturnType<typeof setInterval>; ends?: ReturnType<typeof setTimeout>; again?: ReturnType<typeof setTimeout> } = {};
    res.on('close', () => {
      clearInterval(timers.beat);
      clearInterval(timers.recheck);
      clearTimeout(timers.ends);
      clearTimeout(timers.again);
      leave(ch, client);
    });
    // Where to start: the relay's own rows when it streamed that sequence (or `now`), else what
    // CouchDB holds since then, read as the user.
    let backlog: (string | Buffer)[] = [];
    let catchUpEnd: string | undefined;
    const at = since === 'now' || since === ch.startSeq ? -1 : ch.rows.findIndex((r) => r.seq === since);
    if (since === 'now') client.queue = undefined;
    else if (at >= 0 || since === ch.startSeq) {
      backlog = ch.rows.slice(at + 1).map((r) => r.bytes);
      client.queue = undefined;
    } else {
      counters.catchUps++;
      const read = await readSince(db, since, creds);
      if ('status' in read) return read.status ? sendJson(res, read.status, JSON.parse(read.text || '{}')) : res.destroy();
      backlog = read.lines;
      catchUpEnd = read.lastSeq;
      backlog.push(...client.queue!.map((r) => r.bytes));
      client.queue = undefined;
    }
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'must-revalidate' });
    // One write for the whole backlog (a workstation resuming may have thousands of rows).
    if (backlog.length) {
      write(client, Buffer.concat(backlog.map((b) => (typeof b === 'string' ? Buffer.from(b + '\n') : b))));
      counters.delivered += backlog.length - 1;
    }
    const heartbeat = Number(q.get('heartbeat'));
    if (heartbeat > 0) timers.beat = setInterval(() => res.write('\n'), Math.min(Math.max(heartbeat, 1_000), 60_000));
    else {
      // Without a heartbeat CouchDB ends a continuous feed after `timeout` (60 s) with its last sequence.
      const timeout = Math.min(Number(q.get('timeout')) || 60_000, 300_000);
      timers.ends = setTimeout(() => res.end(JSON.stringify({ last_seq: ch.lastSeq }) + '\n'), timeout);
    }
    // A catch-up is read again a little later, from where it ended. On a cluster it read one copy
    // of each shard, and a write acknowledged by the other two copies may not have reached that
    // one yet (CouchDB answers a write once `w` of the `n` copies hold it); the relay's own feed
    // streamed that write before this workstation joined. CouchDB's own continuous feed would
    // bring it once the copy has it, so the relay does too.
    if (catchUpEnd !== undefined) {
      let from = catchUpEnd;
      const again = (i: number) => {
        timers.again = setTimeout(() => {
          void readSince(db, from, creds).then((read) => {
            if (res.destroyed || 'status' in read) return;
            from = read.lastSeq;
            if (read.lines.length) {
              write(client, Buffer.from(read.lines.map((l) => l + '\n').join('')));
              counters.delivered += read.lines.length - 1;
            }
            if (i + 1 < CATCH_UP_AGAIN_MS.length) again(i + 1);
          }, () => {});
        }, CATCH_UP_AGAIN_MS[i]);
      };
      again(0);
    }
    // Access can be withdrawn while a feed is open: ask again as often as it is remembered.
    timers.recheck = setInterval(() => {
      checkAccess(db, creds).then(
        (answer) => {
          if (answer && answer.status !== 200) res.destroy();
        },
        () => {},
      );
    }, ttl);
  };

  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method_not_allowed', reason: 'Only GET,HEAD allowed' });
    if (parts.length === 0) return sendJson(res, 200, { relay: 'hws', couchdb: 'Welcome' });
    let db: string;
    try {
      db = decodeURIComponent(parts[0]!);
    } catch {
      return sendJson(res, 400, { error: 'illegal_database_name', reason: 'Name is not valid' });
    }
    if (!DB_NAME.test(db)) return sendJson(res, 400, { error: 'illegal_database_name', reason: `Name: '${db}'. The relay follows office databases only.` });
    const path = `/${encodeURIComponent(db)}`;
    if (parts.length === 1) {
      // The access check, answered with the relay's position in the office's feed.
      void (async () => {
        const answer = await checkAccess(db, credentials(req), true);
        if (!answer || answer.status !== 200) return sendJson(res, answer?.status ?? 502, JSON.parse(answer?.text || '{}'));
        const info = JSON.parse(answer.text) as Record<string, unknown>;
        const ch = channel(db);
        await ch.ready.catch(() => {});
        sendJson(res, 200, { ...info, ...(ch.lastSeq && !ch.closed ? { update_seq: ch.lastSeq } : {}) });
      })().catch(() => res.destroy());
      return;
    }
    if (parts.length !== 2 || parts[1] !== '_changes') return sendJson(res, 404, { error: 'not_found', reason: 'The relay serves a database\'s info and _changes only.' });
    const q = url.searchParams;
    if (q.get('feed') === 'continuous' && !q.has('filter') && !q.has('doc_ids') && !q.has('include_docs')) {
      void feed(req, res, db, q).catch(() => res.destroy());
      return;
    }
    pass(req, res, `${path}/_changes${url.search}`);
  };

  const server = http.createServer(withCors(handler, options.corsOrigins ?? []));
  server.keepAliveTimeout = 65_000;
  server.maxConnections = 100_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    stats: () => ({ upstreamFeeds: channels.size, clients: counters.clients, delivered: counters.delivered, accessChecks: counters.accessChecks, catchUps: counters.catchUps }),
    async close() {
      closing = true;
      for (const ch of [...channels.values()]) closeChannel(ch, false);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      agent.destroy();
      feedAgent.destroy();
    },
  };
}
