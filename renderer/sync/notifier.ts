// One long-poll on the office database's changes feed for all collections, so a workstation keeps
// a single waiting connection per server (browsers allow six per host). It wakes the collections
// when something changed that this workstation did not write itself, and backs off while the
// server cannot be reached.
import { Subject, type Observable } from 'rxjs';
import type { OwnWrites } from './own-writes';
import type { RemoteDb } from './remote';

/** Changes (ids and revisions only, unfiltered) read per long-poll answer to tell own writes apart. */
export const CHANGES_PER_LOOK = 500;

export interface NotifierOptions {
  readonly remote: RemoteDb;
  readonly longpollTimeoutMs: number;
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  /** Poll every so often instead of keeping a long-poll open (many databases on one host). */
  readonly pollIntervalMs?: number;
  /** This workstation's own writes: changes that are only these wake nobody (a push is not news). */
  readonly ownWrites?: OwnWrites;
}

export interface Notifier {
  readonly wake$: Observable<void>;
  /** Ends the waiting (e.g. "sync now") and retries at once. */
  poke(): void;
  stop(): void;
}

export function startNotifier(options: NotifierOptions): Notifier {
  const wake$ = new Subject<void>();
  let stopped = false;
  let since: string | number = 'now';
  let delay = options.retryMinMs;
  let abort = new AbortController();
  let sleeping: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      sleeping = () => {
        clearTimeout(t);
        resolve();
      };
    });

  (async () => {
    let failedBefore = false;
    while (!stopped) {
      try {
        abort = new AbortController();
        let changed: boolean;
        if (options.pollIntervalMs) {
          // Poll mode: the database's update sequence, one small request per interval.
          const res = await options.remote.fetch(options.remote.url, { signal: abort.signal });
          if (!res.ok) throw new Error(`database info ${res.status}`);
          const info = (await res.json()) as { update_seq?: string | number };
          changed = since !== 'now' && String(info.update_seq) !== String(since);
          since = info.update_seq ?? since;
        } else if (since === 'now') {
          // Start from the database's current sequence rather than `since=now`: a long-poll that
          // is (re)established after a failure must not miss the changes made in between.
          const res = await options.remote.fetch(options.remote.url, { signal: abort.signal });
          if (!res.ok) throw new Error(`database info ${res.status}`);
          since = ((await res.json()) as { update_seq?: string | number }).update_seq ?? 0;
          changed = false;
        } else {
          const url = `${options.remote.url}/_changes?feed=longpoll&style=all_docs&limit=${CHANGES_PER_LOOK}&timeout=${options.longpollTimeoutMs}&since=${encodeURIComponent(String(since))}`;
          const res = await options.remote.fetch(url, { signal: abort.signal });
          if (!res.ok) throw new Error(`changes feed ${res.status}`);
          const body = (await res.json()) as { results?: { id: string; changes?: { rev: string }[] }[]; last_seq?: string | number };
          if (body.last_seq === undefined) throw new Error('changes feed without last_seq');
          const rows = body.results ?? [];
          // Only this workstation's own uploads (a push in progress): nothing to pull, read on. The
          // feed can show a write before its reply has told us the revision: wait for that first.
          const own = options.ownWrites;
          const foreign = (r: (typeof rows)[number]) => !own?.isOwn(r.id, (r.changes ?? []).map((c) => c.rev));
          changed = rows.some(foreign);
          if (changed && own) changed = await own.writesEnded().then(() => rows.some(foreign));
          since = body.last_seq;
          if (changed && rows.length >= CHANGES_PER_LOOK) {
            // One wake covers every change so far: continue from the database's current sequence
            // rather than one change at a time (a burst of 2,000 writes is one wake, not 2,000).
            const info = await options.remote.fetch(options.remote.url, { signal: abort.signal });
            if (info.ok) since = ((await info.json()) as { update_seq?: string | number }).update_seq ?? since;
          }
        }
        delay = options.retryMinMs;
        // After an outage wake everyone: local writes may be waiting to go up.
        if (changed || failedBefore) wake$.next();
        failedBefore = false;
        if (options.pollIntervalMs) await sleep(options.pollIntervalMs);
      } catch {
        if (stopped) break;
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
      abort.abort();
      sleeping?.();
      wake$.complete();
    },
  };
}
