// Publicity (公示) in Chromium: a case the counter accepted and the district reviewer approved
// (on a test workstation) waits on dreviewer1's 公示 page; published there after the password, it
// is listed for 7 days with its masked ID; the PDF and the Excel downloaded from the page carry the
// list and never the full ID number; an objection recorded from the list sends the case back to 复审.
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { checkCharacter, maskIdNumber } from '../../domain/identity/idnumber';
import { checkNewCase } from '../../domain/intake/new-case';
import { localDate } from '../../domain/workflow';
import { publicityWindow } from '../../domain/workflow/publicity';
import { createCase } from '../../renderer/cases/case-store';
import { eventsByCase, recordCaseEvent } from '../../renderer/review/review-store';
import { openTestWorkstation, type TestWorkstation } from '../../renderer/sync/test-workstation';
import { openProfile, runHws, startCentralServer, tempDir, type CentralServer, type RunningProcess, freePorts } from './support';

const SYNC_PORT = await freePorts(2);
const FIRST17 = '44030419870923452';
const ID_NUMBER = FIRST17 + checkCharacter(FIRST17);
let server: CentralServer;
const hosts: RunningProcess[] = [];
const contexts: BrowserContext[] = [];
const workstations: TestWorkstation[] = [];

beforeAll(async () => {
  server = await startCentralServer(await tempDir('hws-e2e-publicity-server-'), SYNC_PORT, [SYNC_PORT + 1]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  await Promise.all(hosts.map((h) => h.stop()));
  await Promise.all(workstations.map((w) => w.close()));
  await server?.dispose();
});

const workstation = async (username: string) => {
  const w = await openTestWorkstation({ dbName: `e2e-publicity-${username}-${Date.now()}`, couchUrl: server.url, accountUrl: server.url, username, password: 'demo1234', retryTimeMs: 300 });
  workstations.push(w);
  return w;
};

/** Accepted at the counter, approved in both reviews by the district reviewer (on a test workstation). */
async function reviewApprovedCase(name: string): Promise<{ caseId: string; clerk: TestWorkstation }> {
  const clerk = await workstation('clerk1');
  const input = checkNewCase({ businessItem: 'public_rental', applicantName: name, idNumber: ID_NUMBER });
  if (!input.ok) throw new Error(JSON.stringify(input.errors));
  const c = await createCase(clerk.ctx, input.value);
  await recordCaseEvent(clerk.ctx, c.id, 'accept', { receiptNo: 'SZ-E2E-0301' });
  await clerk.sync.awaitInSync();
  const district = await workstation('dreviewer1');
  await expect.poll(async () => (await eventsByCase(district.db, [c.id])).get(c.id)!.length, { timeout: 30_000 }).toBe(2);
  await expect.poll(async () => (await district.db.cases.findOne(c.id).exec()) !== null, { timeout: 30_000 }).toBe(true);
  await recordCaseEvent(district.ctx, c.id, 'preliminary_approve', { opinion: '材料齐全' });
  await recordCaseEvent(district.ctx, c.id, 'review_approve', { opinion: '复审通过' });
  await district.sync.awaitInSync();
  return { caseId: c.id, clerk };
}

async function signedIn(user: string, port: number): Promise<Page> {
  const host = await runHws(['start', '--browser', '--couch-url', server.url, '--data', await tempDir('hws-e2e-publicity-ws-'), '--port', String(port)], /open the workstation at: (http:\S+)/);
  hosts.push(host);
  const context = await openProfile(await tempDir('hws-e2e-publicity-prof-'));
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(host.match[1]!);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  return page;
}

/** Signs in the open modal and waits until it has closed; a refusal fails here with its words. */
async function sign(page: Page): Promise<void> {
  await page.getByTestId('publicity-password').fill('demo1234');
  await page.getByTestId('publicity-sign').click();
  const error = page.locator('.ant-message-error').first();
  const closed = page.getByTestId('publicity-password').waitFor({ state: 'detached', timeout: 60_000 }).then(() => null, () => 'the sign modal is still open after 60 s');
  const refused = error.waitFor({ timeout: 60_000 }).then(() => error.innerText(), () => 'no answer');
  expect(await Promise.race([closed, refused]), 'signing was refused').toBeNull();
}

/** Clicks an export button and answers the downloaded file's path and name. */
async function download(page: Page, testId: string): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { path: (await file.path())!, name: file.suggestedFilename() };
}

describe('publicity in the workstation', () => {
  it('dreviewer1 publishes a review-approved case, exports the list as PDF and Excel with the masked ID, then records an objection', async () => {
    const { caseId, clerk } = await reviewApprovedCase('吴九');
    const page = await signedIn('dreviewer1', SYNC_PORT + 1);
    await page.getByTestId('nav-publicity').click();
    await expect.poll(() => page.getByTestId('publicity-title').innerText(), { timeout: 30_000 }).toBe('公示');

    await page.getByTestId('publicity-tab-awaiting').click();
    const awaiting = page.locator('[data-testid="publicity-awaiting-table"] tr', { hasText: '吴九' });
    await awaiting.waitFor({ timeout: 30_000 });
    await awaiting.locator('input[type="checkbox"]').check();
    await page.getByTestId('publicity-publish').click();
    const window = publicityWindow(localDate(new Date().toISOString()));
    expect(await page.getByTestId('publicity-sign-hint').innerText()).toContain(`${window.startsOn} 至 ${window.endsOn}`);
    await sign(page);

    await page.getByTestId('publicity-tab-open').click();
    const row = page.locator('[data-testid="publicity-table"] tr', { hasText: '吴九' });
    await row.waitFor({ timeout: 30_000 });
    // The masked ID is the applicant's, from the people the workstation pulls on their own.
    await expect.poll(() => row.getByTestId('publicity-id').innerText(), { timeout: 30_000 }).toBe(maskIdNumber(ID_NUMBER));
    expect(await page.getByTestId('publicity-period').innerText()).toBe(`${window.startsOn} 至 ${window.endsOn}`);
    expect(await page.getByTestId('publicity-phase').innerText()).toBe('公示中');
    expect(await page.locator('body').innerText()).not.toContain(ID_NUMBER);

    const pdf = await download(page, 'publicity-export-pdf');
    expect(pdf.name).toBe(`公示名单-${window.startsOn}至${window.endsOn}.pdf`);
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
    expect(text).toMatch(new RegExp(`吴九\\s+${maskIdNumber(ID_NUMBER).replace(/\*/g, '\\*')}\\s+公共租赁住房`));
    expect(text).toContain(`公示期:${window.startsOn}至${window.endsOn}(共7天)`);
    expect(text).not.toContain(ID_NUMBER);

    const xlsx = await download(page, 'publicity-export-xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.path);
    const cells: string[] = [];
    book.getWorksheet('公示名单')!.eachRow((r) => (r.values as unknown[]).forEach((v) => v != null && cells.push(String(v))));
    expect(cells).toContain(maskIdNumber(ID_NUMBER));
    expect(cells).toContain('吴九');
    expect(cells.join('|')).not.toContain(ID_NUMBER);

    await row.getByTestId('publicity-object').click();
    await page.getByTestId('objection-reason').fill('群众来电反映申请人名下有商铺');
    await sign(page);
    await expect.poll(() => page.locator('[data-testid="publicity-table"] tr', { hasText: '吴九' }).count(), { timeout: 15_000 }).toBe(0);
    // Signed by dreviewer1, synced to the counter, derived there: back to 复审 (初审通过, 待复审).
    await expect.poll(async () => (await clerk.db.cases.findOne(caseId).exec())?.get('status'), { timeout: 30_000 }).toBe('preliminary_approved');
    const objection = (await eventsByCase(clerk.db, [caseId])).get(caseId)!.find((e) => e.kind === 'objection');
    expect(objection).toMatchObject({ actor: { userId: 'dreviewer1' }, payload: { reason: '群众来电反映申请人名下有商铺' } });
    expect(objection?.signature).toBeTruthy();
    await page.getByTestId('nav-review').click();
    await page.locator('[data-testid="review-table"] tr', { hasText: '吴九' }).waitFor({ timeout: 30_000 });
  });
});
