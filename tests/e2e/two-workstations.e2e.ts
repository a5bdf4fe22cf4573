// Two workstations of one office (two browser profiles, each with its own host process) and the
// central server (embedded, or a real CouchDB 3.5 under tests/couchdb/run.sh), all real processes: live sync, then an outage with a restart of A, then a
// same-field conflict decided on the sync view.
// @cluster: tests/couchdb/run.sh runs this file on the 3-node CouchDB cluster too (workstations meet through its shard copies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { checkCharacter } from '../../domain/identity/idnumber';
import { caseNames, createCaseInUi, openProfile, runHws, signIn, startCentralServer, tempDir, type CentralServer, type RunningProcess, freePorts } from './support';

const SYNC_PORT = await freePorts(3);
/**
 * A workstation offline for a while retries at most every 30 s (renderer/sync/sync.ts RETRY_MAX_MS),
 * then pulls; a 3-node cluster restarted under CI load takes a while more to serve again (one
 * full CI run of about ten missed 60 s there; the same run repeated passed).
 */
const BACK_ONLINE_MS = 90_000;
const id = (seq: number) => {
  const first17 = `44030419850615${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};

let serverData: string;
let server: CentralServer;
const hosts: RunningProcess[] = [];
const contexts: BrowserContext[] = [];


async function startWorkstation(
  dataDir: string,
  profileDir: string,
  port: number,
  user: string,
): Promise<{ page: Page; host: RunningProcess; context: BrowserContext }> {
  const args = ['start', '--browser', '--couch-url', server.url, '--data', dataDir, '--port', String(port)];
  const host = await runHws(args, /open the workstation at: (http:\S+)/);
  hosts.push(host);
  const context = await openProfile(profileDir);
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await signIn(page, host.match[1]!, user, 'demo1234');
  return { page, host, context };
}

beforeAll(async () => {
  serverData = await tempDir('hws-e2e-server-');
  server = await startCentralServer(serverData, SYNC_PORT, [SYNC_PORT + 1, SYNC_PORT + 2]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  await Promise.all(hosts.map((h) => h.stop()));
  await server?.dispose();
});

describe('two workstations of 福田区华富街道', () => {
  it('a case created on A appears on B; offline work on A survives a restart and reaches B once; a conflict is decided on the sync view', async () => {
    const [dataA, dataB, profileA, profileB] = (await Promise.all(['ws-a-', 'ws-b-', 'prof-a-', 'prof-b-'].map((p) => tempDir(`hws-e2e-${p}`)))) as [string, string, string, string];
    let a = await startWorkstation(dataA, profileA, SYNC_PORT + 1, 'clerk1');
    const b = await startWorkstation(dataB, profileB, SYNC_PORT + 2, 'clerk2');
    await expect.poll(() => a.page.getByTestId('office-name').innerText()).toBe('福田区华富街道办事处');

    // A wrong ID number gets a clear Chinese message naming the problem.
    await a.page.getByTestId('new-case').click();
    await a.page.getByTestId('field-idNumber').fill('440304198506150011');
    await a.page.getByTestId('create-case').click();
    await expect.poll(() => a.page.getByTestId('error-idNumber').innerText()).toMatch(/校验位错误:最后一位应为\w/);
    await a.page.keyboard.press('Escape');
    await a.page.getByTestId('new-case-form').waitFor({ state: 'detached' });

    // Live: A → B within seconds.
    await createCaseInUi(a.page, '林晓红', id(11));
    await expect.poll(() => caseNames(b.page), { timeout: 10_000 }).toContain('林晓红');
    // The arrival is checked again at 3, 10, 30 and 90 s (renderer/sync/notifier.ts FOLLOW_UP_MS): the
    // badge shows each check, on the cluster for a second or more, and settles to idle between them.
    await expect.poll(() => b.page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('idle');

    // The server goes away: A works offline, then A is restarted.
    await server.stop('SIGKILL');
    await createCaseInUi(a.page, '赵离线', id(12));
    await createCaseInUi(a.page, '钱离线', id(13));
    await a.page.getByTestId('case-name').filter({ hasText: '钱离线' }).click();
    await a.page.getByTestId('edit-applicantName').fill('钱改名');
    await a.page.getByTestId('save-applicantName').click();
    await expect.poll(() => caseNames(a.page)).toContain('钱改名');
    await expect.poll(() => a.page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('offline');

    await a.context.close();
    await a.host.stop();
    a = await startWorkstation(dataA, profileA, SYNC_PORT + 1, 'clerk1');
    await a.page.getByTestId('offline-banner').waitFor();
    await expect.poll(async () => (await caseNames(a.page)).sort()).toEqual(['林晓红', '赵离线', '钱改名'].sort());
    expect(await caseNames(b.page)).not.toContain('赵离线');
    // A's sync view counts the cases waiting for the server (the rename is part of one of them).
    await a.page.getByTestId('nav-sync').click();
    await expect.poll(() => a.page.getByTestId('sync-pending-cases').innerText(), { timeout: 20_000 }).toBe('2');

    // The server returns: B receives A's offline work, exactly once. B has been offline for a while:
    // its notifier retries at most every RETRY_MAX_MS (30 s), so the work may take that long and a pull.
    await server.start();
    await expect.poll(() => caseNames(b.page), { timeout: BACK_ONLINE_MS }).toEqual(expect.arrayContaining(['赵离线', '钱改名']));
    const onB = await caseNames(b.page);
    expect(onB.filter((n) => n === '赵离线')).toHaveLength(1);
    expect(onB.filter((n) => n === '钱改名')).toHaveLength(1);
    expect(onB).not.toContain('钱离线');
    expect(onB).toHaveLength(3);
    await expect.poll(() => a.page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('idle');
    await expect.poll(() => a.page.getByTestId('sync-pending-cases').innerText(), { timeout: 20_000 }).toBe('0');

    // IT's view of sync: this workstation's state, and both workstations of the office reporting.
    await b.page.getByTestId('nav-sync').click();
    await expect.poll(() => b.page.getByTestId('sync-health-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('idle');
    await expect.poll(async () => ((await b.page.getByTestId('sync-health').innerText()).match(/ws-[a-z0-9-]+/g) ?? []).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);

    // Both rename the same applicant while the server is away. The later name is kept; the other
    // is listed on the sync view of the workstation that merged them, and using it there brings
    // it to both.
    await server.stop('SIGKILL');
    const rename = async (page: Page, to: string) => {
      await page.getByTestId('nav-cases').click();
      await page.getByTestId('case-name').filter({ hasText: '林晓红' }).click();
      // The drawer shows the stored name before it is edited (a list re-rendered by the failing
      // sync must not swallow the typing), and the saved name reaches the list.
      const field = page.getByTestId('edit-applicantName');
      await expect.poll(() => field.inputValue(), { timeout: 15_000 }).toBe('林晓红');
      await field.fill(to);
      await expect.poll(() => field.inputValue()).toBe(to);
      await page.getByTestId('save-applicantName').click();
      await expect.poll(() => caseNames(page), { timeout: 15_000 }).toContain(to);
      await page.keyboard.press('Escape');
      await page.getByTestId('case-drawer').waitFor({ state: 'hidden' });
    };
    await rename(a.page, '林甲改');
    await rename(b.page, '林乙改');
    await server.start();
    for (const w of [a, b]) await expect.poll(() => caseNames(w.page), { timeout: BACK_ONLINE_MS }).toContain('林乙改');
    const useOther = async (page: Page) => {
      await page.getByTestId('nav-sync').click();
      const row = page.getByTestId('sync-conflicts').locator('tr', { hasText: '申请人' });
      if ((await row.count()) === 0) return false;
      await expect.poll(() => row.innerText()).toContain('林甲改');
      await row.getByTestId('conflict-use-other').click();
      await row.waitFor({ state: 'detached' });
      return true;
    };
    await expect.poll(async () => (await useOther(a.page)) || (await useOther(b.page)), { timeout: 20_000 }).toBe(true);
    // The server was just started again: on a 3-node cluster a node may still be catching up, and the
    // other workstation's pull may find the choice only at the notifier's last follow-up (FOLLOW_UP_MS,
    // 90 s), as it does after any outage (seen once in 30 s on the cluster, session 32).
    for (const w of [a, b]) {
      await w.page.getByTestId('nav-cases').click();
      await expect.poll(() => caseNames(w.page), { timeout: BACK_ONLINE_MS }).toContain('林甲改');
    }
  }, 300_000);
});
