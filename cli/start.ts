// `hws start`: the embedded sync server (unless --couch-url names one) plus the workstation,
// in Electron or, with --browser, served on 127.0.0.1 for a browser.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BusinessItem } from '../domain/model/programmes';
import { localDate } from '../domain/workflow/payloads';
import { createMainContext, defaultDataRoot } from '../main/context';
import { createHandlers } from '../main/handlers';
import { startHost } from '../main/host/server';
import { seedOffice } from './seed';
import { enrolSeededTenants } from './seed-enrol';
import { startPreparedServer, waitForSignal, workstationOrigins } from './sync-server';

/** Browser mode's port: the local database belongs to the origin, so it must not change between runs. */
export const DEFAULT_HOST_PORT = 17880;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary(): string | undefined {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const rel = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

/** `hws start` options, as the command line (cli/commands.ts) parsed them. */
export interface StartOptions {
  readonly browser?: boolean;
  readonly port?: number;
  readonly couchUrl?: string;
  readonly relayUrl?: string;
  readonly syncPort?: number;
  readonly data?: string;
  readonly training?: boolean;
  readonly idcardPort?: string;
  readonly fingerprintPort?: string;
  readonly scanDir?: string;
}

/**
 * The demo offices' cases on the embedded server: 华富 (clerk1, clerk2, reviewer1) and 香蜜湖 (clerk3).
 * 华富 also holds a rental subsidy recipient and a legacy talent-housing tenant (`holders`), whom
 * the drawn cases do not include: the subsidy's 年审 and talent housing's 续租 and 退出 are taken for them.
 * Each office has a seed of its own: a seed fixes the records' ids (case:1-000011, evt:1-000011-7…)
 * and people, and the district reviewer's workstation holds both streets in one database, where
 * ids must be unique — with one seed, 香蜜湖's first twelve cases were 华富's again, same ids.
 */
export const DEMO_SEED: readonly { officeId: string; streetId: string; seed: number; cases: number; holders?: readonly BusinessItem[] }[] = [
  { officeId: 'futian-huafu', streetId: 'street:440304-06', seed: 1, cases: 40, holders: ['rental_subsidy', 'talent_housing'] },
  { officeId: 'futian-xiangmihu', streetId: 'street:440304-07', seed: 2, cases: 12 },
];

/**
 * Gives a newcomer an office with plausible cases at every stage, recent as of the first start.
 * The seed's ids are fixed, so a second start writes nothing; a failure is reported in one line and the workstation still starts.
 */
export async function seedDemoOffices(adminUrl: string, now = new Date()): Promise<void> {
  try {
    let written = 0;
    // A live office: each case last moved in the weeks before today (Beijing date).
    const live = localDate(now.toISOString());
    for (const o of DEMO_SEED) {
      written += (await seedOffice({ url: adminUrl, officeId: o.officeId, cases: o.cases, seed: o.seed, streetId: o.streetId, live, holders: o.holders })).written;
      // The tenants' fingerprints as the counter took them: `hws sim fingerprint` (finger 1) matches at the door.
      written += (await enrolSeededTenants({ url: adminUrl, officeId: o.officeId, cases: o.cases, seed: o.seed, streetId: o.streetId, finger: 1, live, holders: o.holders })).written;
    }
    const total = DEMO_SEED.reduce((n, o) => n + o.cases + (o.holders?.length ?? 0), 0);
    console.log(written > 0 ? `演示办事处已写入 ${total} 件演示案件 / demo offices seeded with ${total} cases` : `演示办事处已有 ${total} 件演示案件 / demo offices already hold their ${total} cases`);
  } catch (e) {
    console.error(`演示案件未能写入 / demo cases not seeded: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function startCommand(values: StartOptions): Promise<number> {
  const dataRoot = values.data ? path.resolve(values.data) : defaultDataRoot();
  const electron = values.browser ? undefined : electronBinary();
  if (!values.browser && !electron) {
    console.error('未找到 Electron 程序(本机无法下载 Electron),请改用浏览器模式运行:npm run start:browser');
    return 1;
  }
  // Listening from here on: a signal during start-up also ends the process within the deadline.
  const signalled = waitForSignal();
  const server = values.couchUrl
    ? undefined
    : await startPreparedServer({
        port: values.syncPort,
        dataDir: path.join(dataRoot, 'sync-server'),
        extraCorsOrigins: workstationOrigins(values.port ?? DEFAULT_HOST_PORT),
      });
  const couchUrl = values.couchUrl ?? server!.url;
  if (server) {
    console.log(`同步服务器 / sync server: ${server.url}`);
    await seedDemoOffices(server.adminUrl);
  }
  try {
    if (electron) {
      const child = spawn(electron, [ROOT], {
        stdio: 'inherit',
        env: { ...process.env, HWS_COUCH_URL: couchUrl, ...(values.relayUrl ? { HWS_RELAY_URL: values.relayUrl } : {}), HWS_DATA_DIR: dataRoot, HWS_TRAINING: values.training ? '1' : '0', ...(values.scanDir ? { HWS_SCAN_DIR: path.resolve(values.scanDir) } : {}) },
      });
      const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
      // A signal to `hws start` reaches the window too; the shutdown deadline covers a window that hangs.
      void signalled.then((signal) => child.kill(signal));
      return await exited;
    }
    const ctx = await createMainContext({
      mode: 'browser',
      version: (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
      couchUrl,
      relayUrl: values.relayUrl,
      dataDir: path.join(dataRoot, 'workstation'),
      trainingMode: values.training,
      idcardPort: values.idcardPort,
      fingerprintPort: values.fingerprintPort,
      scanDir: values.scanDir ? path.resolve(values.scanDir) : undefined,
    });
    const host = await startHost({
      staticDir: path.join(ROOT, 'dist', 'renderer'),
      handlers: createHandlers(ctx),
      events: ctx.events,
      couchUrl,
      // A fixed port keeps the page's origin, and so its IndexedDB, the same from run to run.
      port: values.port ?? DEFAULT_HOST_PORT,
    });
    console.log(`工作站已启动,请在浏览器中打开 / open the workstation at: ${host.url}`);
    await signalled;
    await host.close();
    await ctx.devices.stop();
    await ctx.ocr.close();
    return 0;
  } finally {
    await server?.close();
  }
}
