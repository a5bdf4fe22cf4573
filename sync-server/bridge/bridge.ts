// `hws bridge run`: follows `_db_updates` for the office databases (`hws-office-*`), runs one
// worker per database that this instance holds the lease of, pulls reference data down, and
// serves /metrics and /health. Stops on its own only for a fatal platform answer (401: the token).
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { couchClient, splitCredentials } from '../couch';
import { FatalPlatformError, LeaseLost, Stopping, type DeliveryOptions } from './delivery';
import { Lease } from './lease';
import { OfficeKeys } from './mapping';
import { BridgeMetrics, serveMetrics } from './metrics';
import { OfficeWorker } from './office-worker';
import { PlatformClient } from './platform-client';
import { pullReference } from './reference';
import { ensureBridgeDatabases } from './store';

export const OFFICE_DB_PREFIX = 'hws-office-';

export interface BridgeOptions {
  readonly couchUrl: string;
  readonly platformUrl: string;
  readonly token: string;
  readonly instance?: string;
  /** Only these offices' databases (default: every `hws-office-*`), e.g. to split the city between bridge groups. */
  readonly offices?: readonly string[];
  /** Pull reference data down (default true; one group of instances does it). */
  readonly reference?: boolean;
  readonly leaseMs?: number;
  readonly batchSize?: number;
  /** Each database is looked at this often even without a `_db_updates` event. */
  readonly pollMs?: number;
  readonly referenceIntervalMs?: number;
  readonly backoffBaseMs?: number;
  readonly backoffCapMs?: number;
  readonly timeoutMs?: number;
  readonly metricsPort?: number;
  readonly metricsHost?: string;
  readonly log?: (line: string) => void;
}

export interface RunningBridge {
  readonly metrics: BridgeMetrics;
  readonly metricsUrl: string | undefined;
  readonly instance: string;
  /** Resolves when the bridge has stopped: 0 after stop(), 3 after a 401, 1 after another fatal error. */
  readonly done: Promise<number>;
  stop(): Promise<number>;
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const log = options.log ?? ((line: string) => console.log(line));
  const couch = couchClient(options.couchUrl);
  await couch.request('GET', '/');
  await ensureBridgeDatabases(couch);
  const instance = options.instance ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 30_000;
  const metrics = new BridgeMetrics();
  const server = options.metricsPort === undefined ? undefined : await serveMetrics(metrics, options.metricsPort, options.metricsHost);
  let stopped = false;
  let exitCode = 0;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (stopped) return reject(new Stopping());
      const timer = setTimeout(() => {
        sleepers.delete(interrupt);
        resolve();
      }, ms);
      const interrupt = () => {
        clearTimeout(timer);
        sleepers.delete(interrupt);
        reject(new Stopping());
      };
      sleepers.add(interrupt);
    });
  const delivery: DeliveryOptions = {
    platform: new PlatformClient({ url: options.platformUrl, token: options.token, timeoutMs: options.timeoutMs }),
    metrics,
    backoffBaseMs: options.backoffBaseMs ?? 500,
    backoffCapMs: options.backoffCapMs ?? 60_000,
    log,
    sleep,
    stopped: () => stopped,
  };
  const keys = new OfficeKeys(couch);
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((r) => (resolveDone = r));
  const tasks = new Set<Promise<void>>();

  const workers = new Map<string, { wake(): void; stop(): void }>();
  const fail = (e: unknown) => {
    if (stopped) return;
    const status = e instanceof FatalPlatformError ? e.status : 0;
    metrics.fatal = e instanceof Error ? e.message : String(e);
    log(`桥接已停止 / bridge stopped: ${metrics.fatal}`);
    void stop(status === 401 ? 3 : 1);
  };

  /** One loop per office database: take or wait for the lease, deliver, wait for the next change. */
  const followed = (db: string) => db.startsWith(OFFICE_DB_PREFIX) && (!options.offices || options.offices.includes(db.slice(OFFICE_DB_PREFIX.length)));

  function startWorker(db: string): void {
    if (workers.has(db) || stopped || !followed(db)) return;
    const officeId = db.slice(OFFICE_DB_PREFIX.length);
    const lease = new Lease(couch, db, instance, leaseMs);
    const worker = new OfficeWorker({ ...delivery, couch, keys, db, officeId, owner: instance, batchSize: options.batchSize ?? 500, ownsLease: () => lease.held && !gone });
    let dirty = true;
    let gone = false;
    let wakeUp: (() => void) | undefined;
    workers.set(db, { wake: () => ((dirty = true), wakeUp?.()), stop: () => ((gone = true), wakeUp?.()) });
    const renewer = setInterval(() => void lease.renew().catch(() => (lease.held = false)).then(() => metrics.leases.set(db, lease.held)), Math.max(200, leaseMs / 3));
    const loop = async () => {
      while (!stopped && !gone) {
        try {
          if (!lease.held && !(await lease.acquire())) {
            metrics.leases.set(db, false);
            await waitFor(Math.max(100, leaseMs / 2));
            continue;
          }
          metrics.leases.set(db, true);
          if (dirty) {
            dirty = false;
            await worker.drain();
          }
          metrics.couchReachable = true;
          await waitFor(pollMs);
          dirty = true;
        } catch (e) {
          if (e instanceof Stopping) break;
          if (e instanceof LeaseLost) {
            lease.held = false;
            if (stopped || gone) break;
            log(`${db}: 租约已被其他实例取得 / lease taken by another instance`);
            continue;
          }
          if (e instanceof FatalPlatformError) return fail(e);
          metrics.lastError = `${db}: ${e instanceof Error ? e.message : String(e)}`;
          metrics.couchReachable = !(e instanceof TypeError);
          log(`${db}: ${metrics.lastError},稍后重试 / retrying`);
          dirty = true;
          await waitFor(delivery.backoffBaseMs * 4).catch(() => {});
        }
      }
      clearInterval(renewer);
      await lease.release();
      metrics.leases.delete(db);
      metrics.lag.delete(db);
      workers.delete(db);
    };
    const waitFor = (ms: number) =>
      Promise.race([sleep(ms), new Promise<void>((r) => (wakeUp = r))]).finally(() => (wakeUp = undefined));
    const task = loop();
    tasks.add(task);
    void task.finally(() => {
      clearInterval(renewer);
      tasks.delete(task);
    });
  }

  async function discover(): Promise<void> {
    const dbs = await couch.request<string[]>('GET', '/_all_dbs');
    const office = new Set(dbs.filter(followed));
    for (const db of office) startWorker(db);
    for (const [db, w] of workers) if (!office.has(db)) w.stop();
  }

  const { url: base, authorization } = splitCredentials(options.couchUrl);
  const aborter = new AbortController();
  async function dbUpdates(since: string): Promise<{ results: { db_name: string; type: string }[]; last_seq: string }> {
    const res = await fetch(`${base}/_db_updates?feed=longpoll&timeout=${Math.min(pollMs, 25_000)}&since=${encodeURIComponent(since)}`, {
      headers: { accept: 'application/json', ...(authorization ? { authorization } : {}) },
      signal: aborter.signal,
    });
    if (!res.ok) throw new Error(`_db_updates: HTTP ${res.status}`);
    return (await res.json()) as { results: { db_name: string; type: string }[]; last_seq: string };
  }

  /** `_db_updates` long-poll: wakes the worker of each updated database; falls back to listing databases. */
  async function follow(): Promise<void> {
    let since = 'now';
    while (!stopped) {
      try {
        await discover();
        for (;;) {
          const res = await dbUpdates(since);
          if (stopped) return;
          since = res.last_seq;
          for (const u of res.results) {
            if (!followed(u.db_name)) continue;
            if (u.type === 'deleted') workers.get(u.db_name)?.stop();
            else if (workers.has(u.db_name)) workers.get(u.db_name)!.wake();
            else startWorker(u.db_name);
          }
          if (res.results.length === 0) await discover();
        }
      } catch (e) {
        if (stopped) return;
        metrics.lastError = `_db_updates: ${e instanceof Error ? e.message : String(e)}`;
        await sleep(Math.min(pollMs, 5_000)).catch(() => {});
      }
    }
  }

  async function reference(): Promise<void> {
    const lease = new Lease(couch, 'reference', instance, leaseMs);
    while (!stopped) {
      try {
        if ((await lease.acquire()) && (await pullReference(couch, delivery)) > 0) continue;
      } catch (e) {
        if (e instanceof Stopping) break;
        if (e instanceof FatalPlatformError) return fail(e);
        metrics.lastError = `reference: ${e instanceof Error ? e.message : String(e)}`;
      }
      await sleep(options.referenceIntervalMs ?? 60_000).catch(() => {});
    }
    await lease.release();
  }

  async function stop(code = 0): Promise<number> {
    if (stopped) return done;
    stopped = true;
    exitCode = code;
    aborter.abort();
    for (const wake of [...sleepers]) wake();
    sleepers.clear();
    for (const w of workers.values()) w.stop();
    await Promise.allSettled([...tasks]);
    await server?.close();
    resolveDone(exitCode);
    return exitCode;
  }

  for (const t of options.reference === false ? [follow()] : [follow(), reference()]) {
    tasks.add(t);
    void t.finally(() => tasks.delete(t));
  }
  log(`桥接已启动 / bridge running as ${instance}${server ? `, metrics ${server.url}/metrics` : ''}`);
  return { metrics, metricsUrl: server?.url, instance, done, stop: () => stop(0) };
}
