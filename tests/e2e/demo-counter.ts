// The demo installation as a newcomer starts it (`hws start --browser`: the embedded server seeded
// with 华富's cases, a simulated fingerprint module), one Chromium profile on it, and the steps the
// item end-to-end files share: signing in as a demo user, the counter's item picker and fingerprint
// step, and a signed decision from the review page.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { renderFixture } from '../../main/ocr/fixtures/render';
import { generateCases } from '../../domain/seed/cases';
import { localDate } from '../../domain/workflow';
import { freePorts, openProfile, runHws, tempDir } from './support';

/**
 * A public rental tenant of the demo seed in 华富街道, as `hws start` seeds it today (cli/start.ts:
 * 40 cases, seed 1, recent as of the Beijing date; identities depend on that date).
 */
export function demoTenant(): { readonly name: string; readonly idNumber: string } {
  return demoCase('public_rental', ['contracted', 'in_tenancy']);
}

/** The first case of the demo seed in 华富街道 (as `demoTenant`) of `programme` in one of `statuses`. */
export function demoCase(programme: string, statuses: readonly string[]): { readonly name: string; readonly idNumber: string } {
  // As cli/start.ts DEMO_SEED seeds 华富: 40 drawn cases, then a subsidy recipient and a talent-housing tenant.
  const seeded = generateCases({ count: 40, officeId: 'futian-huafu', seed: 1, streetId: 'street:440304-06', asOf: localDate(new Date().toISOString()), recent: true, holders: ['rental_subsidy', 'talent_housing'] });
  const found = seeded.cases.find((c) => c.businessItem === programme && statuses.includes(c.status));
  if (!found) throw new Error(`the demo seed holds no ${programme} case in ${statuses.join('/')}`);
  return { name: found.applicantName, idNumber: found.clear.applicantIdNumber };
}

export interface DecisionStep {
  /** The applicant's name and, where two of their cases are listed, text of the item's row. */
  readonly name: string;
  readonly item?: string;
  readonly tab: string;
  readonly kind: string;
  readonly note: string;
}

export interface DemoCounter {
  readonly page: Page;
  readonly downloads: string;
  signInAs(user: string): Promise<void>;
  closeDrawer(): Promise<void>;
  /** Opens the case from the review page's tab and records the act, signed with the password. */
  decide(step: DecisionStep): Promise<void>;
  /** The intake wizard's next step. */
  next(): Promise<void>;
  /** At the counter: picks the item typed as `search` (the picker's list is virtual). */
  startItem(search: string, option: RegExp): Promise<void>;
  /** Ticks every check box inside the element `testId` (a correction list…), once some are shown. */
  tickAll(testId: string): Promise<void>;
  /** The intake's materials step: every material of the checklist ticked, 材料齐全 shown. */
  allMaterials(): Promise<void>;
  /** Enrols the simulated finger and verifies it. */
  fingerprint(): Promise<void>;
  /** Submits the intake and keeps its receipt as `file` in `downloads` (its path is returned). */
  submitWithReceipt(file: string): Promise<string>;
  /** At the scans step: scans a rendered certificate from a file, lets OCR read it and keeps it. */
  scan(kindLabel: string, fixture: 'hukou' | 'income', seed: number): Promise<void>;
  /** Prints the open case's decision document (or the paper `button` prints) from its dossier and answers its text (pdftotext). */
  printDecision(file: string, button?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function openDemoCounter(prefix: string): Promise<DemoCounter> {
  const port = await freePorts(2);
  const [data, profile, downloads] = await Promise.all([tempDir(`hws-${prefix}-data-`), tempDir(`hws-${prefix}-prof-`), tempDir(`hws-${prefix}-dl-`)]);
  const procs: { stop(): Promise<void> }[] = [];
  let context: BrowserContext | undefined;
  let url = '';
  const stop = async () => {
    await context?.close().catch(() => {});
    for (const p of procs.reverse()) await p.stop();
  };
  try {
    const finger = await runHws(['sim', 'fingerprint'], /^(\/\S+)$/m);
    procs.push(finger);
    const host = await runHws(['start', '--browser', '--data', data!, '--port', String(port), '--sync-port', String(port + 1), '--fingerprint-port', finger.match[1]!], /open the workstation at: (http:\S+)/);
    procs.push(host);
    url = host.match[1]!;
    context = await openProfile(profile!);
  } catch (e) {
    await stop();
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  // Uncaught errors in the page, told when a step finds the page not as expected.
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const tickAll = async (testId: string) => {
    const boxes = page.getByTestId(testId).locator('input[type=checkbox]');
    await expect.poll(() => boxes.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  };
  /**
   * Clicks a decision button and waits for its form. Once (CI, a loaded machine) a click opened no
   * form: what the page showed is printed, and the button clicked again as a clerk would; a page
   * error, a vanished button or a second click without a form fails with what was seen.
   */
  const openDecisionForm = async (button: Locator) => {
    await button.click();
    const form = page.getByTestId('decision-form');
    if (await form.waitFor({ timeout: 15_000 }).then(() => true, () => false)) return;
    const seen = JSON.stringify({
      pageErrors,
      drawer: await page.getByTestId('review-drawer').isVisible(),
      buttonShown: await button.isVisible(),
      status: await page.getByTestId('review-status').innerText({ timeout: 1_000 }).catch(() => null),
      messages: await page.locator('.ant-message-notice').allInnerTexts(),
    });
    if (pageErrors.length > 0 || !(await button.isVisible())) throw new Error(`the decision form did not open: ${seen}`);
    console.warn(`decide: no decision form 15 s after the click (${seen}); clicking again`);
    await button.click();
    await form.waitFor({ timeout: 30_000 }).catch(() => {
      throw new Error(`the decision form did not open, clicked twice: ${seen}`);
    });
  };
  const closeDrawer = async () => {
    if (!(await page.getByTestId('review-drawer').isVisible())) return;
    await page.keyboard.press('Escape');
    await page.getByTestId('review-drawer').waitFor({ state: 'hidden' });
  };
  return {
    page,
    downloads: downloads!,
    closeDrawer,
    async signInAs(user) {
      await closeDrawer();
      if (await page.getByTestId('logout').count()) await page.getByTestId('logout').click();
      else await page.goto(url);
      await page.getByTestId('login-username').fill(user);
      await page.getByTestId('login-password').fill('demo1234');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('logout').waitFor({ timeout: 30_000 });
    },
    async decide({ name, item, tab, kind, note }) {
      await page.getByTestId('nav-review').click();
      await page.getByTestId(`tab-${tab}`).click();
      const rows = page.locator('[data-testid="review-table"] tr', { hasText: name });
      const row = item ? rows.filter({ hasText: item }) : rows;
      await row.waitFor({ timeout: 45_000 });
      await row.click();
      await openDecisionForm(page.getByTestId(`decide-${kind}`));
      await page.getByTestId('decision-note').fill(note);
      await page.getByTestId('decision-password').fill('demo1234');
      await page.getByTestId('decision-sign').click();
      // A refusal fails here with the message the user sees, not as a form that stays open.
      const refused = page.locator('.ant-message-error');
      const outcome = await Promise.race([
        page.getByTestId('decision-form').waitFor({ state: 'detached', timeout: 30_000 }).then(() => null),
        refused.first().waitFor({ timeout: 30_000 }).then(() => refused.first().innerText()),
      ]);
      if (outcome !== null) throw new Error(`refused: ${outcome}`);
    },
    next: () => page.getByTestId('intake-next').click(),
    tickAll,
    async allMaterials() {
      await tickAll('intake-checklist');
      await page.getByText('材料齐全', { exact: true }).waitFor();
    },
    async startItem(search, option) {
      await page.getByTestId('nav-intake').click();
      await page.getByTestId('intake-item').click();
      await page.keyboard.type(search);
      await page.locator('.ant-select-item-option', { hasText: option }).click();
    },
    async fingerprint() {
      await page.getByTestId('fp-enroll').click();
      await page.getByTestId('fp-enrolled').waitFor({ timeout: 30_000 });
      await page.getByTestId('fp-verify').click();
      await expect.poll(() => page.getByTestId('fp-verified').innerText(), { timeout: 30_000 }).toContain('一致');
    },
    async submitWithReceipt(file) {
      const receipt = page.waitForEvent('download');
      await page.getByTestId('intake-submit').click();
      // A refusal fails here with its reasons, not as a missing download.
      const refused = page.getByTestId('submit-refused');
      const outcome = await Promise.race([receipt, refused.waitFor({ timeout: 30_000 }).then(() => refused.innerText())]);
      if (typeof outcome === 'string') throw new Error(`the intake was refused: ${outcome}`);
      const saved = path.join(downloads!, file);
      await outcome.saveAs(saved);
      // A notice of corrections instead of a receipt fails with what it lists as missing.
      await page.getByTestId('receipt-no').waitFor({ timeout: 20_000 });
      const kind = await page.getByTestId('receipt-no').getAttribute('data-kind');
      if (kind !== 'receipt') throw new Error(`a ${kind} was printed, not a receipt: ${execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' })}`);
      return saved;
    },
    async scan(kindLabel, fixture, seed) {
      const before = await page.getByTestId('scan-item').count();
      await page.getByTestId('scan-kind').click();
      await page.locator('.ant-select-item-option', { hasText: kindLabel }).click();
      await page.getByTestId('scan-source').getByText('选择文件').click();
      await page.locator('input[type=file]').setInputFiles({ name: `${fixture}.png`, mimeType: 'image/png', buffer: await renderFixture(fixture, seed).png() });
      const confirm = page.getByRole('button', { name: '确 认' }).or(page.getByRole('button', { name: '确认' }));
      await confirm.waitFor({ timeout: 180_000 });
      await confirm.click();
      await expect.poll(() => page.getByTestId('scan-item').count()).toBe(before + 1);
    },
    async printDecision(file, button = 'print-decision') {
      const download = page.waitForEvent('download');
      await page.getByTestId(button).click();
      const saved = path.join(downloads!, file);
      await (await download).saveAs(saved);
      return execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' });
    },
    stop,
  };
}
