// End-to-end support: real processes (the `hws` command), real headless Chromium profiles.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REFERENCE_DB, officeDbName, userDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { DEMO_OFFICES, DEMO_USERS } from '../../sync-server/demo';
import { setupCouch } from '../../sync-server/setup';

/**
 * The first of `count` consecutive loopback ports that are free now, drawn from 10000–24999: below
 * Linux's ephemeral range (32768–60999), where every outgoing connection takes its local port (a
 * random port there was once taken by one: EADDRINUSE), and below the ports tests/couchdb/run.sh
 * gives CouchDB (25984…, 27984…).
 */
export async function freePorts(count: number): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 10_000 + Math.floor(Math.random() * (15_000 - count));
    let ok = true;
    for (let p = base; p < base + count && ok; p++) ok = await free(p);
    if (ok) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningProcess {
  readonly proc: ChildProcess;
  readonly match: RegExpMatchArray;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs `hws …` and waits until a line of its output matches `ready`. */
export function runHws(args: string[], ready: RegExp, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunningProcess> {
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin', 'hws.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hws ${args.join(' ')} not ready: ${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({
          proc,
          match,
          stop: (signal = 'SIGTERM') =>
            new Promise<void>((done) => {
              if (proc.exitCode !== null || proc.signalCode !== null) return done();
              const force = setTimeout(() => proc.kill('SIGKILL'), 5_000);
              proc.once('exit', () => {
                clearTimeout(force);
                done();
              });
              proc.kill(signal);
            }),
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`hws ${args.join(' ')} exited ${code}: ${output}`)));
  });
}

const madeDirs: string[] = [];

/** A fresh folder under the system's temporary one; in the e2e suite removed when its file ends (tests/e2e/cleanup.ts). */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

/** Removes the folders tempDir made (browser profiles of ~30 MB each, workstation data, downloads). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(madeDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
}

/** A browser profile; `fakeCamera` names a y4m file that Chromium plays as the camera. */
export async function openProfile(profileDir: string, fakeCamera?: string): Promise<BrowserContext> {
  const camera = fakeCamera
    ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${fakeCamera}`]
    : [];
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--disable-gpu', ...camera],
  });
}

export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('new-case').waitFor({ timeout: 30_000 });
}

export async function createCaseInUi(page: Page, name: string, idNumber: string, itemLabel = '公共租赁住房'): Promise<void> {
  await page.getByTestId('new-case').click();
  await page.getByTestId('field-businessItem').click();
  await page.locator('.ant-select-item-option', { hasText: itemLabel }).click();
  await page.getByTestId('field-applicantName').fill(name);
  await page.getByTestId('field-idNumber').fill(idNumber);
  await page.getByTestId('create-case').click();
  await page.getByTestId('new-case-form').waitFor({ state: 'detached' });
}

/** Names in the case table, in order. */
export async function caseNames(page: Page): Promise<string[]> {
  return page.getByTestId('case-name').allInnerTexts();
}

/**
 * The central server of an e2e file. By default the embedded one (`hws sync-server start` on
 * `port`, data in `dataDir`). When tests/couchdb/run.sh runs the suites against a real Apache
 * CouchDB 3.5 (COUCHDB_URL, HWS_COUCHDB_SH, HWS_COUCHDB_PORT), that server: the demo offices and
 * users are wiped and set up afresh with the workstations' origins for CORS, and `stop`/`start`
 * stop and start its first node (the one the workstations talk to), data kept.
 */
export interface CentralServer {
  readonly url: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
  /** At the end of the file: the embedded server stops; a real CouchDB is left running for the next file. */
  dispose(): Promise<void>;
}

export async function startCentralServer(dataDir: string, port: number, workstationPorts: readonly number[]): Promise<CentralServer> {
  const origins = workstationPorts.map((p) => `http://127.0.0.1:${p}`);
  const real = process.env.COUCHDB_URL;
  if (!real) {
    const launch = () => runHws(['sync-server', 'start', '--port', String(port), '--data', dataDir, '--cors-origin', origins.join(',')], /listening: (http:\S+)/);
    let proc = await launch();
    return {
      url: `http://127.0.0.1:${port}`,
      stop: (signal) => proc.stop(signal),
      async start() {
        proc = await launch();
      },
      dispose: () => proc.stop(),
    };
  }
  const script = process.env.HWS_COUCHDB_SH;
  const couchPort = process.env.HWS_COUCHDB_PORT;
  if (!script || !couchPort) throw new Error('COUCHDB_URL without HWS_COUCHDB_SH and HWS_COUCHDB_PORT: run the e2e suite on a real CouchDB through tests/couchdb/run.sh');
  await resetDemoOffices(real, origins);
  const node1 = (action: 'stop-node' | 'start-node') => promisify(execFile)(script, [action, '1', '--port', couchPort]).then(() => undefined);
  const up = () => fetch(`${couchClient(real).url}/_up`).then((r) => r.ok, () => false);
  let stopped = false;
  return {
    url: couchClient(real).url,
    async stop() {
      await node1('stop-node');
      stopped = true;
    },
    async start() {
      await node1('start-node');
      stopped = false;
    },
    async dispose() {
      if (stopped || !(await up())) await node1('start-node');
    },
  };
}

/** A real CouchDB as a fresh demo installation: the demo offices' and users' databases removed, then `setup` as `hws sync-server setup` does it. */
async function resetDemoOffices(adminUrl: string, origins: readonly string[]): Promise<void> {
  const admin = couchClient(adminUrl);
  const gone = [...DEMO_OFFICES.map((o) => officeDbName(o.id)), ...DEMO_USERS.map((u) => userDbName(u.name)), REFERENCE_DB];
  for (const db of gone) await admin.request('DELETE', `/${db}`).catch(() => {});
  for (const u of DEMO_USERS) {
    const path = `/_users/${encodeURIComponent(`org.couchdb.user:${u.name}`)}`;
    const doc = await admin.getOrUndefined<{ _rev: string }>(path);
    if (doc) await admin.request('DELETE', `${path}?rev=${doc._rev}`);
  }
  await setupCouch({ url: adminUrl, offices: DEMO_OFFICES, users: DEMO_USERS, cors: true, corsOrigins: origins });
}
