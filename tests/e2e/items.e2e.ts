// Business items beyond the applications, end to end in headless Chromium on the demo installation
// (`hws start --browser`: the embedded server seeded with 华富's cases, some of them tenancies): clerk1
// takes a 退租 exit for a seeded tenant at the counter — the item's materials, no new face photo
// (the item verifies the fingerprint only), the tenancy is not a duplicate of itself — reviewer1
// and dreviewer1 decide it with the buttons of its own stages, the district records 退房交接, and
// the dossier prints its 退出确认书.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { generateCases } from '../../domain/seed/cases';
import { localDate } from '../../domain/workflow';
import { openProfile, runHws, tempDir } from './support';

const PORT = 30000 + Math.floor(Math.random() * 5000);
// A public rental tenant of the demo seed in 华富街道, as `hws start` seeds it today (cli/start.ts:
// 40 cases, seed 1, recent as of the Beijing date; identities depend on that date). An exit is taken
// only for a current tenant: someone the seed does not hold is refused at the counter.
const SEEDED = generateCases({ count: 40, officeId: 'futian-huafu', seed: 1, streetId: 'street:440304-06', asOf: localDate(new Date().toISOString()), recent: true });
const TENANCY = SEEDED.cases.find((c) => c.businessItem === 'public_rental' && ['contracted', 'in_tenancy'].includes(c.status))!;
const TENANT = { name: TENANCY.applicantName, idNumber: TENANCY.clear.applicantIdNumber };
const procs: { stop(): Promise<void> }[] = [];
let context: BrowserContext;
let page: Page;
let url: string;
let downloads: string;

beforeAll(async () => {
  const [data, profile] = await Promise.all([tempDir('hws-items-data-'), tempDir('hws-items-prof-')]);
  downloads = await tempDir('hws-items-dl-');
  const finger = await runHws(['sim', 'fingerprint'], /^(\/\S+)$/m);
  procs.push(finger);
  const host = await runHws(
    ['start', '--browser', '--data', data!, '--port', String(PORT), '--sync-port', String(PORT + 1), '--fingerprint-port', finger.match[1]!],
    /open the workstation at: (http:\S+)/,
  );
  procs.push(host);
  url = host.match[1]!;
  context = await openProfile(profile!);
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close().catch(() => {});
  for (const p of procs.reverse()) await p.stop();
});

async function signInAs(user: string): Promise<void> {
  await closeDrawer();
  if (await page.getByTestId('logout').count()) await page.getByTestId('logout').click();
  else await page.goto(url);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor({ timeout: 30_000 });
}

async function closeDrawer(): Promise<void> {
  if (!(await page.getByTestId('review-drawer').isVisible())) return;
  await page.keyboard.press('Escape');
  await page.getByTestId('review-drawer').waitFor({ state: 'hidden' });
}

/** Opens the case of `name` from the review page's `tab` and records `kind`, signed with the password. */
async function decide(name: string, tab: string, kind: string, note: string): Promise<void> {
  await page.getByTestId('nav-review').click();
  await page.getByTestId(`tab-${tab}`).click();
  const row = page.locator('[data-testid="review-table"] tr', { hasText: name });
  await row.waitFor({ timeout: 45_000 });
  await row.click();
  await page.getByTestId(`decide-${kind}`).click();
  await page.getByTestId('decision-note').fill(note);
  await page.getByTestId('decision-password').fill('demo1234');
  await page.getByTestId('decision-sign').click();
  await page.getByTestId('decision-form').waitFor({ state: 'detached', timeout: 30_000 });
}

const next = () => page.getByTestId('intake-next').click();

describe('business items end to end', () => {
  it('退租: the counter takes the exit of a seeded tenant, the reviews decide it, the district records the hand-back, the 退出确认书 prints', async () => {
    await signInAs('clerk1');
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-item').click();
    // 18 items: the picker's list is virtual, so the clerk types to find it.
    await page.keyboard.type('退租');
    await page.locator('.ant-select-item-option', { hasText: /^退租/ }).click();
    // The exit's own form and materials, from the catalogue.
    await page.getByTestId('intake-section-exit').waitFor();
    const boxes = page.getByTestId('intake-checklist').locator('input[type=checkbox]');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await page.getByText('材料齐全', { exact: true }).waitFor();
    await next();
    await page.getByTestId('applicant-name').fill(TENANT.name);
    await page.getByTestId('applicant-id').fill(TENANT.idNumber);
    await next();
    await next();
    // No new face photo for this item; the fingerprint is enrolled and verified.
    await page.getByTestId('face-not-required').waitFor();
    await next();
    await page.getByTestId('fp-enroll').click();
    await page.getByTestId('fp-enrolled').waitFor({ timeout: 30_000 });
    await page.getByTestId('fp-verify').click();
    await expect.poll(() => page.getByTestId('fp-verified').innerText(), { timeout: 30_000 }).toContain('一致');
    await next();
    await next();
    // The tenant's own public rental case is what the exit is about, not a second benefit.
    await expect.poll(() => page.getByTestId('duplicates').innerText(), { timeout: 15_000 }).toContain('未发现');
    await next();
    const receipt = page.waitForEvent('download');
    await page.getByTestId('intake-submit').click();
    await (await receipt).saveAs(path.join(downloads, 'receipt.pdf'));
    await expect.poll(() => page.getByTestId('receipt-no').getAttribute('data-kind'), { timeout: 20_000 }).toBe('receipt');

    // 街道初审 and 区级复审: the exit's first two stages.
    await signInAs('reviewer1');
    await decide(TENANT.name, 'queue', 'preliminary_approve', '租金已缴清,同意退租');
    await expect.poll(() => page.getByTestId('review-status').innerText()).toBe('初审通过');
    await signInAs('dreviewer1');
    await decide(TENANT.name, 'queue', 'review_approve', '同意退租');
    await expect.poll(() => page.getByTestId('review-status').innerText()).toBe('复审通过');
    // At 退房交接 the only act is the hand-back: no publicity, no waiting list.
    expect(await page.getByTestId('review-stage').innerText()).toContain('退房交接');
    await expect.poll(() => page.locator('[data-testid^="decide-"]').allInnerTexts()).toEqual(['确认退房交接']);
    await closeDrawer();
    await decide(TENANT.name, 'decided', 'exit', '钥匙已交回,房屋验收完好');
    await expect.poll(() => page.getByTestId('review-status').innerText()).toBe('已退出');
    expect(await page.locator('[data-testid^="decide-"]').count()).toBe(0);

    // The decision document: the exit's 退出确认书.
    const download = page.waitForEvent('download');
    await page.getByTestId('print-decision').click();
    const file = path.join(downloads, 'decision.pdf');
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('退出确认书');
    expect(text).toContain(TENANT.name);
    expect(text).toContain('退房交接');
    expect(text).not.toContain(TENANT.idNumber);
  });
});
