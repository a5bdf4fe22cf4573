// IT batches by removable media, all real processes: on workstation A (华富街道) the server is
// gone, clerk1 takes a case offline, and it1 exports the pending work to a "USB drive" folder with
// a progress bar. At the centre (a host holding the centre's credentials) the centre's IT user
// imports the file and reads the per-record report; a damaged copy is refused in Chinese with
// nothing written, and the same file again writes nothing new.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../domain/identity/idnumber';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { DEMO_OFFICES, type OfficeRef, type StaffUser } from '../../sync-server/demo';
import { setupCouch } from '../../sync-server/setup';
import { createCaseInUi, openProfile, runHws, startCentralServer, tempDir, type CentralServer, type RunningProcess, freePorts } from './support';

const SYNC_PORT = await freePorts(3);
const [PORT_A, PORT_C] = [SYNC_PORT + 1, SYNC_PORT + 2];
const CENTRE: OfficeRef = { id: 'sz-centre', name: '深圳市住房保障数据中心', districtId: 'shenzhen', districtName: '深圳市', level: 'district' };
const CENTRE_IT: StaffUser = { name: 'itc1', password: 'centre1234', displayName: '孙中心', roles: ['it'], officeId: CENTRE.id };
const first17 = '44030419850615021';
const ID = first17 + checkCharacter(first17);

let server: CentralServer;
let adminUrl: string;
const hosts: RunningProcess[] = [];
const contexts: BrowserContext[] = [];

async function openWorkstation(port: number, env: Record<string, string> = {}): Promise<{ page: Page; host: RunningProcess; context: BrowserContext }> {
  const host = await runHws(['start', '--browser', '--couch-url', server.url, '--data', await tempDir('hws-e2e-bx-ws-'), '--port', String(port)], /open the workstation at: (http:\S+)/, env);
  hosts.push(host);
  const context = await openProfile(await tempDir('hws-e2e-bx-prof-'));
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(host.match[1]!);
  return { page, host, context };
}

async function signIn(page: Page, username: string, password: string, landing: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId(landing).waitFor({ timeout: 30_000 });
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor({ timeout: 15_000 });
}

const officeDocs = async () =>
  (await couchClient(adminUrl).request<{ rows: { id: string; value: { rev: string } }[] }>('GET', `/${officeDbName('futian-huafu')}/_all_docs`)).rows.map((r) => `${r.id} ${r.value.rev}`);

beforeAll(async () => {
  const serverData = await tempDir('hws-e2e-bx-srv-');
  server = await startCentralServer(serverData, SYNC_PORT, [PORT_A, PORT_C]);
  adminUrl = process.env.COUCHDB_URL ?? (await readFile(path.join(serverData, 'admin.json'), 'utf8').then((t) => {
    const a = JSON.parse(t) as { username: string; password: string };
    return `http://${a.username}:${encodeURIComponent(a.password)}@127.0.0.1:${SYNC_PORT}`;
  }));
  // The centre's own office and IT user, beside the demo offices.
  await setupCouch({ url: adminUrl, offices: [...DEMO_OFFICES, CENTRE], users: [CENTRE_IT], cors: Boolean(process.env.COUCHDB_URL), corsOrigins: [PORT_A, PORT_C].map((p) => `http://127.0.0.1:${p}`), log: () => {} });
}, 120_000);

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  await Promise.all(hosts.map((h) => h.stop()));
  await server?.dispose();
});

describe('IT batches by removable media', () => {
  it('it1 exports offline work on A to a drive with a progress bar; the centre imports it with a per-record report', async () => {
    const usb = await tempDir('hws-e2e-usb-');
    const a = await openWorkstation(PORT_A, { HWS_BATCH_ROOTS: usb });
    // Both sign in online once, so this workstation knows them offline.
    await signIn(a.page, 'it1', 'demo1234', 'sync-health');
    await signOut(a.page);
    await signIn(a.page, 'clerk1', 'demo1234', 'new-case');
    await expect.poll(() => a.page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('idle');

    await server.stop('SIGKILL');
    await createCaseInUi(a.page, '吴离线', ID);
    await expect.poll(() => a.page.getByTestId('case-name').allInnerTexts()).toContain('吴离线');
    await signOut(a.page);
    await signIn(a.page, 'it1', 'demo1234', 'sync-health');
    await a.page.getByTestId('batch-folder').fill(usb);
    await a.page.getByTestId('batch-export').click();
    await expect.poll(() => a.page.getByTestId('batch-export-result').innerText(), { timeout: 30_000 }).toMatch(/^已导出 \d+ 条记录/);
    expect(await a.page.getByTestId('batch-export-progress').getAttribute('data-percent')).toBe('100');
    const [fileName] = (await readdir(usb)).filter((f) => f.endsWith('.hwsbatch'));
    expect(fileName).toMatch(/^hws-futian-huafu-\d{8}-\d{6}\.hwsbatch$/);
    const file = path.join(usb, fileName!);
    expect(await a.page.getByTestId('batch-export-result').innerText()).toContain(file);
    // The workstation goes away before the server returns, so only the batch can carry its work.
    await a.context.close();
    await a.host.stop();

    await server.start();
    const c = await openWorkstation(PORT_C, { HWS_CENTRE_ADMIN_URL: adminUrl, HWS_CENTRE_OFFICES: CENTRE.id });
    await signIn(c.page, CENTRE_IT.name, CENTRE_IT.password, 'batch-import-card');
    const importFile = async (f: string) => {
      await c.page.getByTestId('batch-import-file').setInputFiles(f);
      await c.page.getByTestId('batch-import-password').fill(CENTRE_IT.password);
      await c.page.getByTestId('batch-import').click();
    };

    // A damaged copy: refused whole, in Chinese, nothing written.
    const bytes = await readFile(file);
    const damaged = path.join(usb, 'damaged.hwsbatch');
    await writeFile(damaged, bytes.subarray(0, bytes.length - 100));
    const before = await officeDocs();
    await importFile(damaged);
    // The centre first checks the IT user's password with CouchDB and reads the office's keys: under
    // CI's load that took over 30 s once, so it gets the same minute as the whole import below.
    await expect.poll(() => c.page.getByTestId('batch-import-error').innerText(), { timeout: 60_000 }).toContain('未导入任何数据');
    expect(await officeDocs()).toEqual(before);

    await importFile(file);
    const summary = c.page.getByTestId('batch-import-summary');
    await expect.poll(() => summary.innerText(), { timeout: 60_000 }).toMatch(/导入完成\(办事处 futian-huafu,导出人 it1\):共 \d+ 条,新写入 [1-9]\d* 条,已存在 \d+ 条,拒绝 0 条/);
    const outcomes = await c.page.getByTestId('batch-report-outcome').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')));
    expect(outcomes).toContain('written');
    // The offline case and clerk1's signed submission are now on the server.
    const docs = await couchClient(adminUrl).request<{ rows: { doc: { type: string; kind?: string; actor?: { userId: string } } }[] }>('GET', `/${officeDbName('futian-huafu')}/_all_docs?include_docs=true`);
    const after = docs.rows.map((r) => r.doc);
    expect(after.filter((d) => d.type === 'case').length).toBeGreaterThan(0);
    expect(after.some((d) => d.type === 'case_event' && d.kind === 'submit' && d.actor?.userId === 'clerk1')).toBe(true);

    // The same file again: everything already there.
    await importFile(file);
    await expect.poll(() => summary.innerText(), { timeout: 60_000 }).toMatch(/新写入 0 条,已存在 \d+ 条,拒绝 0 条/);
  }, 300_000);
});
