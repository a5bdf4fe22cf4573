// The street reviewer's day in Chromium: reviewer1 signs in and lands on the 待初审 queue (no
// 新建申请), sees a case the counter accepted with its 办理时限 countdown, and approves it with a
// reason code after entering the password again (a wrong one is refused and nothing is recorded).
// The decision, made while the central server is down, is signed and kept on reviewer1's
// workstation and reaches the clerk's once the server returns, with the status derived there; the
// district reviewer approves and publishes it, and the case is on the publicity list (公示).
// @cluster: tests/couchdb/run.sh runs this file on the 3-node CouchDB cluster too (workstations meet through its shard copies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { checkCharacter } from '../../domain/identity/idnumber';
import { officeDbName } from '../../domain/sync/databases';
import { checkNewCase } from '../../domain/intake/new-case';
import { createCase } from '../../renderer/cases/case-store';
import { eventsByCase, recordCaseEvent } from '../../renderer/review/review-store';
import { openTestWorkstation, type TestWorkstation } from '../../renderer/sync/test-workstation';
import { openProfile, runHws, startCentralServer, tempDir, type CentralServer, type RunningProcess, freePorts } from './support';

const SYNC_PORT = await freePorts(4);
let server: CentralServer;
const hosts: RunningProcess[] = [];
const contexts: BrowserContext[] = [];
let clerk: TestWorkstation | undefined;

beforeAll(async () => {
  server = await startCentralServer(await tempDir('hws-e2e-review-server-'), SYNC_PORT, [SYNC_PORT + 1, SYNC_PORT + 2, SYNC_PORT + 3]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  await Promise.all(hosts.map((h) => h.stop()));
  await clerk?.close();
  await server?.dispose();
});

async function acceptedCase(name: string, first17 = '44030419850615321', receiptNo = 'SZ-E2E-0001'): Promise<string> {
  clerk ??= await openTestWorkstation({ dbName: `e2e-review-clerk-${Date.now()}`, couchUrl: server.url, accountUrl: server.url, username: 'clerk1', password: 'demo1234', retryTimeMs: 300 });
  const input = checkNewCase({ businessItem: 'public_rental', applicantName: name, idNumber: first17 + checkCharacter(first17) });
  if (!input.ok) throw new Error(JSON.stringify(input.errors));
  const c = await createCase(clerk.ctx, input.value);
  await recordCaseEvent(clerk.ctx, c.id, 'accept', { receiptNo });
  await clerk.sync.awaitInSync();
  return c.id;
}

/**
 * Where an event the clerk waits for is, to tell a push that never happened from a pull that never
 * brought it: whether the server holds it, and what the clerk's sync reports.
 */
async function whereIsEvent(caseId: string, kind: string, writer: Page): Promise<string> {
  const db = officeDbName(clerk!.ctx.user.officeId);
  const found = await fetch(`${server.url}/${db}/_find`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${btoa('clerk1:demo1234')}` },
    body: JSON.stringify({ selector: { type: 'case_event', caseId, kind }, fields: ['_id', '_rev'] }),
  })
    .then(async (r) => `${r.status} ${await r.text()}`)
    .catch((e: unknown) => String(e));
  const status = clerk!.sync.status$.value;
  const targets = clerk!.sync.targets$.value.map((t) => `${t.collection}: active ${t.active}, last ${t.lastSuccessAt}, error ${t.error}`);
  const badge = writer.getByTestId('sync-status');
  const writerSync = `${await badge.getAttribute('data-state').catch(() => '?')} ${await badge.innerText().catch(() => '?')}`;
  return [`server ${db} holds: ${found}`, `writer's sync: ${writerSync}`, `clerk sync: ${status.state}, error ${status.error}, problems ${JSON.stringify(status.problems.slice(-5))}`, ...targets].join('\n');
}

/** A workstation host of its own, signed in as `user` in a fresh Chromium profile (its clock starting at `clock` if given). */
async function signedIn(user: string, port: number, clock?: Date): Promise<Page> {
  const host = await runHws(['start', '--browser', '--couch-url', server.url, '--data', await tempDir('hws-e2e-review-ws-'), '--port', String(port)], /open the workstation at: (http:\S+)/);
  hosts.push(host);
  const context = await openProfile(await tempDir('hws-e2e-review-prof-'));
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  // A clock that starts there and runs on (a frozen one would stall the page's debounced reads).
  if (clock) await page.clock.install({ time: clock });
  await page.goto(host.match[1]!);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  return page;
}

describe('street and district review in the workstation', () => {
  it('reviewer1 approves from 待初审 after entering the password again; dreviewer1 approves from 待复审', async () => {
    const caseId = await acceptedCase('周八');
    const page = await signedIn('reviewer1', SYNC_PORT + 1);

    await expect.poll(() => page.getByTestId('review-title').innerText(), { timeout: 30_000 }).toBe('待初审');
    expect(await page.getByTestId('new-case').count()).toBe(0);
    expect(await page.getByTestId('nav-intake').count()).toBe(0);
    const row = page.locator('[data-testid="review-table"] tr', { hasText: '周八' });
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.getByTestId('review-countdown').innerText(), { timeout: 15_000 }).toBe('剩 10 个工作日');

    await row.click();
    await expect.poll(() => page.getByTestId('review-status').innerText()).toBe('已受理');
    // The network goes: the decision is checked, signed and kept on this workstation all the same.
    await server.stop('SIGKILL');
    await page.getByTestId('decide-preliminary_approve').click();
    await page.getByTestId('reason-A01').click();
    await page.getByTestId('decision-password').fill('wrong-password');
    await page.getByTestId('decision-sign').click();
    await page.getByText(/密码错误/).first().waitFor();
    expect(await page.getByTestId('review-status').innerText()).toBe('已受理');

    await page.getByTestId('decision-password').fill('demo1234');
    await page.getByTestId('decision-sign').click();
    await expect.poll(() => page.getByTestId('review-status').innerText(), { timeout: 15_000 }).toBe('初审通过');
    expect((await clerk!.db.cases.findOne(caseId).exec())?.get('status')).toBe('accepted');

    // The network returns: signed by reviewer1, synced to the clerk's workstation, derived there.
    await server.start();
    await expect.poll(async () => (await clerk!.db.cases.findOne(caseId).exec())?.get('status'), { timeout: 60_000 }).toBe('preliminary_approved');
    // The case and its events travel in separate replications: the event may land a moment later.
    const approvalOf = async () => (await eventsByCase(clerk!.db, [caseId])).get(caseId)!.find((e) => e.kind === 'preliminary_approve');
    // On the cluster its pull may first read a shard copy that lags behind the node just back (the
    // notifier looks again at 3, 10, 30 and 90 s); should it never come, say where it is.
    await expect
      .poll(approvalOf, { timeout: 120_000 })
      .toBeTruthy()
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\n${await whereIsEvent(caseId, 'preliminary_approve', page)}`);
      });
    const approval = await approvalOf();
    expect(approval).toMatchObject({ actor: { userId: 'reviewer1' }, payload: { opinion: '材料齐全,符合准入条件' } });
    expect(approval?.signature).toBeTruthy();

    // The district reviewer's workstation replicates every street of 福田区: the case waits in 待复审.
    const district = await signedIn('dreviewer1', SYNC_PORT + 2);
    await expect.poll(() => district.getByTestId('review-title').innerText(), { timeout: 30_000 }).toBe('待复审');
    const waiting = district.locator('[data-testid="review-table"] tr', { hasText: '周八' });
    await waiting.waitFor({ timeout: 30_000 });
    await expect.poll(() => waiting.getByTestId('review-countdown').innerText(), { timeout: 15_000 }).toBe('剩 15 个工作日');
    await waiting.click();
    await district.getByTestId('decide-review_approve').click();
    await district.getByTestId('reason-A02').click();
    await district.getByTestId('decision-password').fill('demo1234');
    await district.getByTestId('decision-sign').click();
    await expect.poll(() => district.getByTestId('review-status').innerText(), { timeout: 15_000 }).toBe('复审通过');
    await expect.poll(async () => (await clerk!.db.cases.findOne(caseId).exec())?.get('status'), { timeout: 30_000 }).toBe('review_approved');
    // Gone from reviewer1's queue: their page reads the new status as it syncs.
    await expect.poll(() => page.locator('[data-testid="review-table"] tr', { hasText: '周八' }).count(), { timeout: 30_000 }).toBe(0);

    // The district publishes it: the case is on the publicity list (公示), its ID masked.
    await district.getByTestId('review-drawer').locator('.ant-drawer-close').click();
    await district.getByTestId('review-drawer').waitFor({ state: 'hidden' });
    await district.getByTestId('nav-publicity').click();
    await district.getByTestId('publicity-tab-awaiting').click();
    const awaiting = district.locator('[data-testid="publicity-awaiting-table"] tr', { hasText: '周八' });
    await awaiting.waitFor({ timeout: 30_000 });
    await awaiting.locator('input[type="checkbox"]').check();
    await district.getByTestId('publicity-publish').click();
    await district.getByTestId('publicity-password').fill('demo1234');
    await district.getByTestId('publicity-sign').click();
    // Signed, the modal closes (a refusal keeps it open and would stop the test here).
    await district.getByTestId('publicity-password').waitFor({ state: 'detached', timeout: 60_000 });
    await district.getByTestId('publicity-tab-open').click();
    const listed = district.locator('[data-testid="publicity-table"] tr', { hasText: '周八' });
    await listed.waitFor({ timeout: 30_000 });
    // The masked ID is the applicant's, from the people the workstation pulls on their own.
    await expect.poll(() => listed.getByTestId('publicity-id').innerText(), { timeout: 30_000 }).toMatch(/^440304\*{8}\d{3}[\dX]$/);
    await expect.poll(async () => (await clerk!.db.cases.findOne(caseId).exec())?.get('status'), { timeout: 30_000 }).toBe('in_publicity');
  }, 300_000);

  it('a case past its 办理时限 shows as overdue, on the 已超期 tab and not the 即将到期 one (the page clock set 40 days on)', async () => {
    await acceptedCase('郑十', '44030419900101123', 'SZ-E2E-0002');
    // 初审 has 10 working days: 40 calendar days on, any holiday calendar leaves it overdue.
    const page = await signedIn('reviewer1', SYNC_PORT + 3, new Date(Date.now() + 40 * 24 * 3600_000));
    await expect.poll(() => page.getByTestId('review-title').innerText(), { timeout: 30_000 }).toBe('待初审');
    const row = page.locator('[data-testid="review-table"] tr', { hasText: '郑十' });
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.getByTestId('review-countdown').getAttribute('data-urgency'), { timeout: 15_000 }).toBe('overdue');
    expect(await row.getByTestId('review-countdown').innerText()).toMatch(/^已超期 \d+ 个工作日$/);
    await page.getByTestId('tab-overdue').click();
    await page.locator('[data-testid="review-table"] tr', { hasText: '郑十' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('tab-due_soon').click();
    await expect.poll(() => page.locator('[data-testid="review-table"] tr', { hasText: '郑十' }).count(), { timeout: 5_000 }).toBe(0);
  });
});
