// One feed on the office database's changes for all collections, so a workstation keeps a single
// waiting connection per server (browsers allow six per host). It wakes the collections when
// something changed that this workstation did not write itself, and backs off while the server
// cannot be reached.
//
// Where the server streams (CouchDB, the embedded server, the change relay of sync-server/relay),
// the notifier holds ONE `_changes?feed=continuous` request open and reads its rows as they come
// (fetch's ReadableStream, in Chromium and in Node): one request per workstation all day instead
// of a long-poll and a new request after every change. A cut stream is resumed from the last
// sequence read, so nothing made during the cut is missed. Where the server refuses a continuous
// feed, or something between buffers the stream (no byte, not even a heartbeat, arrives in time),
// it falls back to the long-poll for good.
import { Subject, type Observable } from 'rxjs';
import type { OwnWrites } from './own-writes';
import type { RemoteDb } from './remote';

/** Changes (ids and revisions only, unfiltered) read per long-poll answer to tell own writes apart. */
export const CHANGES_PER_LOOK = 500;
/** The server sends a newline this often on an idle stream; twice that without a byte is a dead connection. */
export const HEARTBEAT_MS = 10_000;
/**
 * After a wake for another writer's change, the collections are woken again this long after. On a
 * CouchDB cluster the feed that woke them and the pull that follows may read different copies of a
 * shard, and a copy can lag behind the write (internal replication, a node just back): such a pull
 * finds nothing new, and no later change would wake it again. The follow-ups are small `_changes`
 * reads from the collections' checkpoints; a new change starts the series over. The last one is
 * for a node just back, whose internal replication catches up with every shard it holds first.
 */
export const FOLLOW_UP_MS: readonly number[] = [3_000, 10_000, 30_000, 90_000];

export interface NotifierOptions {
  readonly remote: RemoteDb;
  /**
   * Where to follow the changes (a database URL speaking CouchDB's `GET /{db}` and `_changes`):
   * the change relay's, or by default the database itself. Requests go through `remote.fetch`.
   */
  readonly changesUrl?: string;
  readonly longpollTimeoutMs: number;
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  /** Poll every so often instead of keeping a long-poll open (many databases on one host). */
  readonly pollIntervalMs?: number;
  /** Follow with a continuous feed where the server streams (default); false: long-poll only. */
  readonly stream?: boolean;
  /** Heartbeat asked of a continuous feed (default HEARTBEAT_MS). */
  readonly heartbeatMs?: number;
  /** This workstation's own writes: changes that are only these wake nobody (a push is not news). */
  readonly ownWrites?: OwnWrites;
  /** A line of the continuous feed that is not a change (skipped; the feed reads on). */
  readonly onMalformed?: (line: string) => void;
  /** Wake again this long after a change (default FOLLOW_UP_MS). */
  readonly followUpMs?: readonly number[];
}

export interface Notifier {
  readonly wake$: Observable<void>;
  /** Ends the waiting (e.g. "sync now") and retries at once. */
  poke(): void;
  stop(): void;
}

interface ChangeRow {
  readonly id?: string;
  readonly seq?: string | number;
  readonly changes?: readonly { readonly rev: string }[];
  readonly last_seq?: string | number;
}

/** The server does not offer a continuous feed (or it does not reach us as a stream). */
class NoStream extends Error {}

export function startNotifier(options: NotifierOptions): Notifier {
  const wake$ = new Subject<void>();
  const dbUrl = options.changesUrl ?? options.remote.url;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  let streaming = options.stream !== false && !options.pollIntervalMs;
  let stopped = false;
  let since: string | number = 'now';
  let delay = options.retryMinMs;
  let abort = new AbortController();
  let sleeping: (() => void) | undefined;
  let failedBefore = false;
  let followUps: ReturnType<typeof setTimeout>[] = [];
  /** Another writer changed something: wake now, and again after the follow-up delays. */
  const changed = () => {
    if (stopped) return;
    wake$.next();
    for (const t of followUps) clearTimeout(t);
    followUps = (options.followUpMs ?? FOLLOW_UP_MS).map((ms) => setTimeout(() => !stopped && wake$.next(), ms));
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      sleeping = () => {
        clearTimeout(t);
        resolve();
      };
    });

  const own = options.ownWrites;
  const foreign = (r: ChangeRow) => !own?.isOwn(r.id!, (r.changes ?? []).map((c) => c.rev));
  /** Whether some of these rows are another writer's (waiting for own uploads still running to tell). */
  const anyForeign = async (rows: readonly ChangeRow[]): Promise<boolean> => {
    if (!rows.some(foreign)) return false;
    if (!own) return true;
    await own.writesEnded();
    return rows.some(foreign);
  };
  const currentSeq = async (): Promise<string | number> => {
    const res = await options.remote.fetch(dbUrl, { signal: abort.signal });
    if (!res.ok) throw new Error(`database info ${res.status}`);
    return ((await res.json()) as { update_seq?: string | number }).update_seq ?? 0;
  };
  /**
   * Reached the server: after an outage wake everyone (local writes may be waiting to go up), or
   * when asked to. After an outage the follow-ups run too: other workstations' writes kept while
   * the server was away arrive now, on copies a node just back may not hold yet.
   */
  const reached = (wake = false) => {
    delay = options.retryMinMs;
    if (failedBefore) changed();
    else if (wake) wake$.next();
    failedBefore = false;
  };

  /** Reads one continuous feed until it ends (a `last_seq` line, a cut, a stop or a poke). */
  const follow = async (): Promise<void> => {
    const controller = abort;
    const url = `${dbUrl}/_changes?feed=continuous&style=all_docs&heartbeat=${heartbeatMs}&since=${encodeURIComponent(String(since))}`;
    let heard = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let silent = false;
    // No byte for two heartbeats: the connection is dead (or the stream is held back on the way).
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        silent = true;
        controller.abort();
      }, 2 * heartbeatMs + 5_000);
    };
    arm();
    try {
      const res = await options.remote.fetch(url, { signal: controller.signal });
      if (res.status === 400 || res.status === 501) throw new NoStream(`continuous feed ${res.status}`);
      if (!res.ok) throw new Error(`changes feed ${res.status}`);
      if (!res.body) throw new NoStream('no response stream');
      reached();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        let chunk: ReadableStreamReadResult<string>;
        try {
          chunk = await reader.read();
        } catch (e) {
          if (silent && !heard) throw new NoStream('the stream is held back on the way');
          throw e;
        }
        if (chunk.done) break;
        heard = true;
        arm();
        buffered += chunk.value;
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        const rows: ChangeRow[] = [];
        let ended = false;
        for (const line of lines) {
          if (!line.trim()) continue; // heartbeat
          let row: ChangeRow;
          try {
            row = JSON.parse(line) as ChangeRow;
            if (typeof row !== 'object' || row === null) throw new Error('not an object');
          } catch {
            options.onMalformed?.(line.slice(0, 200));
            continue;
          }
          if (row.last_seq !== undefined) {
            since = row.last_seq;
            ended = true;
          } else if (typeof row.id === 'string' && row.seq !== undefined) rows.push(row);
          else options.onMalformed?.(line.slice(0, 200));
        }
        // One wake for the rows read together; the sequence moves on only once they are judged.
        if (rows.length) {
          const others = await anyForeign(rows);
          since = rows[rows.length - 1]!.seq!;
          if (others) changed();
        }
        if (ended) return;
      }
      // Ended without a last sequence: cut on the way. Resume from the last row read.
      throw new Error('changes stream cut');
    } catch (e) {
      if (silent && !heard && !(e instanceof NoStream)) throw new NoStream('the stream is held back on the way');
      throw e;
    } finally {
      clearTimeout(watchdog);
    }
  };

  (async () => {
    while (!stopped) {
      try {
        abort = new AbortController();
        if (options.pollIntervalMs) {
          // Poll mode: the database's update sequence, one small request per interval.
          const seq = await currentSeq();
          // The first answer wakes too: a change made before it and after the first pull.
          const moved = since === 'now' || String(seq) !== String(since);
          since = seq;
          reached();
          if (moved) changed();
          await sleep(options.pollIntervalMs);
        } else if (since === 'now') {
          // Start from the database's current sequence rather than `since=now`: a feed that is
          // (re)established after a failure must not miss the changes made in between.
          since = await currentSeq();
          // A change made after the collections' first pull read the server and before this
          // sequence was read would wake nobody: they pull once more from their checkpoints.
          reached(true);
        } else if (streaming) {
          try {
            await follow();
          } catch (e) {
            if (!(e instanceof NoStream) || stopped) throw e;
            streaming = false; // long-poll from now on
          }
        } else {
          const url = `${dbUrl}/_changes?feed=longpoll&style=all_docs&limit=${CHANGES_PER_LOOK}&timeout=${options.longpollTimeoutMs}&since=${encodeURIComponent(String(since))}`;
          const res = await options.remote.fetch(url, { signal: abort.signal });
          if (!res.ok) throw new Error(`changes feed ${res.status}`);
          const body = (await res.json()) as { results?: ChangeRow[]; last_seq?: string | number };
          if (body.last_seq === undefined) throw new Error('changes feed without last_seq');
          const rows = body.results ?? [];
          // Only this workstation's own uploads (a push in progress): nothing to pull, read on. The
          // feed can show a write before its reply has told us the revision: wait for that first.
          const others = await anyForeign(rows);
          since = body.last_seq;
          if (others && rows.length >= CHANGES_PER_LOOK) {
            // One wake covers every change so far: continue from the database's current sequence
            // rather than one change at a time (a burst of 2,000 writes is one wake, not 2,000).
            since = await currentSeq().catch(() => since);
          }
          reached();
          if (others) changed();
        }
      } catch {
        if (stopped) break;
        if (abort.signal.aborted) continue; // a poke: at once
        failedBefore = true;
        await sleep(delay);
        delay = Math.min(delay * 2, options.retryMaxMs);
      }
    }
  })();

  return {
    wake$: wake$.asObservable(),
    poke() {
      delay = options.retryMinMs;
      sleeping?.();
      abort.abort();
      wake$.next();
    },
    stop() {
      stopped = true;
      for (const t of followUps) clearTimeout(t);
      abort.abort();
      sleeping?.();
      wake$.complete();
    },
  };
}
