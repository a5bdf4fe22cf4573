// A street reviewer's dashboard in Chromium: the counter accepts one case and leaves another
// submitted; reviewer1 opens 数据看板 and reads the backlog and this week's intake of those cases,
// computed from the workstation's local database, and exports the backlog table to Excel.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { checkCharacter } from '../../domain/identity/idnumber';
import { checkNewCase } from '../../domain/intake/new-case';
import { isoWeek, weekStart } from '../../domain/stats';
import { localDate } from '../../domain/workflow';
import { createCase } from '../../renderer/cases/case-store';
import { recordCaseEvent } from '../../renderer/review/review-store';
import { openTestWorkstation, type TestWorkstation } from '../../renderer/sync/test-workstation';
import { openProfile, runHws, startCentralServer, tempDir, type CentralServer, type RunningProcess, freePorts } from './support';

const SYNC_PORT = await freePorts(2);
let server: CentralServer;
const hosts: RunningProcess[] = [];
const contexts: BrowserContext[] = [];
let clerk: TestWorkstation | undefined;

beforeAll(async () => {
  server = await startCentralServer(await tempDir('hws-e2e-dash-server-'), SYNC_PORT, [SYNC_PORT + 1]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  await Promise.all(hosts.map((h) => h.stop()));
  await clerk?.close();
  await server?.dispose();
});

async function seedCases(): Promise<void> {
  clerk = await openTestWorkstation({ dbName: `e2e-dash-clerk-${Date.now()}`, couchUrl: server.url, accountUrl: server.url, username: 'clerk1', password: 'demo1234', retryTimeMs: 300 });
  for (const [i, name] of ['周九', '吴十'].entries()) {
    const first17 = `4403041985061532${i}`;
    const input = checkNewCase({ businessItem: 'public_rental', applicantName: name, idNumber: first17 + checkCharacter(first17) });
    if (!input.ok) throw new Error(JSON.stringify(input.errors));
    const c = await createCase(clerk.ctx, input.value);
    if (i === 0) await recordCaseEvent(clerk.ctx, c.id, 'accept', { receiptNo: 'SZ-E2E-0101' });
  }
  await clerk.sync.awaitInSync();
}

async function signedIn(user: string, port: number): Promise<Page> {
  const host = await runHws(['start', '--browser', '--couch-url', server.url, '--data', await tempDir('hws-e2e-dash-ws-'), '--port', String(port)], /open the workstation at: (http:\S+)/);
  hosts.push(host);
  const context = await openProfile(await tempDir('hws-e2e-dash-prof-'));
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(host.match[1]!);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  return page;
}

describe('reviewer dashboard', () => {
  it('reviewer1 reads the backlog and this week’s intake of the seeded cases, and exports the table', async () => {
    await seedCases();
    const page = await signedIn('reviewer1', SYNC_PORT + 1);
    await page.getByTestId('nav-dashboard').click();
    await expect.poll(() => page.getByTestId('dashboard-title').innerText(), { timeout: 30_000 }).toBe('数据看板');

    const cell = (id: string) => page.getByTestId(id).innerText().catch(() => '');
    await expect.poll(() => cell('backlog-total-total'), { timeout: 60_000 }).toBe('2');
    expect(await cell('backlog-total-accepted')).toBe('1');
    expect(await cell('backlog-total-submitted')).toBe('1');
    expect(await cell('deadlines-ok-count')).toBe('1');
    const week = isoWeek(weekStart(localDate(new Date().toISOString())));
    expect(await cell(`weekly-${week}-submitted`)).toBe('2');
    expect(await cell(`weekly-${week}-accepted`)).toBe('1');
    expect(await page.locator('[data-testid="chart-backlog"] canvas').count()).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx-backlog').click()]);
    expect(download.suggestedFilename()).toMatch(/^在办件.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.at(-1)).toEqual(['合计', 1, 1, 0, 0, 0, 0, 2, 0, 0]);

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('png-backlog').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
  });
});
