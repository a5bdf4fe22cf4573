// Policy what-if in Chromium: the centre holds 华富's seeded cases; dreviewer1 (区复审) opens 政策模拟,
// lowers the per-capita income limit, sees which current cases would change outcome (counted by
// street, listed by name), publishes the draft after entering the password again, and the signed
// override reaches the central reference database, where the page then shows it in force.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { REFERENCE_DB } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { openProfile, runHws, startCentralServer, tempDir, type CentralServer, type RunningProcess, freePorts } from './support';

const SYNC_PORT = await freePorts(2);
const HOST_PORT = SYNC_PORT + 1;
let server: CentralServer;
let host: RunningProcess;
let context: BrowserContext;
let page: Page;
let admin: string;

beforeAll(async () => {
  const [serverData, hostData, profile] = await Promise.all(['srv-', 'host-', 'prof-'].map((p) => tempDir(`hws-whatif-${p}`)));
  server = await startCentralServer(serverData!, SYNC_PORT, [HOST_PORT]);
  admin =
    process.env.COUCHDB_URL ??
    (await readFile(path.join(serverData!, 'admin.json'), 'utf8').then((t) => {
      const a = JSON.parse(t) as { username: string; password: string };
      return `http://${a.username}:${encodeURIComponent(a.password)}@127.0.0.1:${SYNC_PORT}`;
    }));
  const seeded = await runHws(['seed', '--cases', '40', '--office', 'futian-huafu', '--street', 'street:440304-06', '--seed', '1', '--url', admin], /完成/);
  await seeded.stop();
  host = await runHws(['start', '--browser', '--couch-url', server.url, '--data', hostData!, '--port', String(HOST_PORT)], /open the workstation at: (http:\S+)/);
  context = await openProfile(profile!);
  page = context.pages()[0] ?? (await context.newPage());
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await host?.stop();
  await server?.dispose();
});

describe('policy what-if', () => {
  it('dreviewer1 drafts a lower income limit, sees the cases that change by street, and publishes it signed', async () => {
    await page.goto(host.match[1]!);
    await page.getByTestId('login-username').fill('dreviewer1');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-policy').click();
    await expect.poll(() => page.getByTestId('policy-title').innerText(), { timeout: 30_000 }).toBe('政策模拟');
    await expect.poll(() => page.getByTestId('policy-in-force').innerText()).toBe('本区现行执行全市标准');

    // The district's cases arrive by sync; the page reads them again when asked (each draft evaluates what is there).
    const income = page.getByTestId('policy-field-incomePerCapitaMax');
    const changed = async () => {
      await page.getByTestId('policy-evaluate').click();
      return Number(await page.getByTestId('policy-summary').getAttribute('data-changed'));
    };
    await income.waitFor({ timeout: 60_000 });
    expect(await income.inputValue()).toBe('54000');
    // A draft that changes nothing changes no case.
    expect(await changed()).toBe(0);
    await income.fill('20000');
    await expect.poll(changed, { timeout: 60_000, interval: 2_000 }).toBeGreaterThan(0);
    const count = await changed();
    const evaluated = Number(await page.getByTestId('policy-summary').getAttribute('data-evaluated'));
    expect(evaluated).toBeGreaterThanOrEqual(count);
    expect(await page.getByTestId('policy-summary').innerText()).toBe(`共试算 ${evaluated} 件在办申请,${count} 件结果将改变`);
    // All seeded cases are of 华富街道: the street's count is the total, and the list names the cases (10 a page).
    expect(await page.getByTestId('policy-streets').innerText()).toContain('华富街道');
    expect(Number(await page.getByTestId('policy-street-changed-street:440304-06').innerText())).toBe(count);
    const names = await page.getByTestId('policy-case-name').allInnerTexts();
    expect(names.length).toBe(Math.min(count, 10));
    expect(await page.getByTestId('policy-cases').innerText()).toContain('不符合');
    // Nothing is live yet: the page still shows the city-wide thresholds in force.
    expect(await page.getByTestId('policy-in-force').innerText()).toBe('本区现行执行全市标准');

    // Publishing asks for the basis and the password; a wrong password publishes nothing.
    await page.getByTestId('policy-publish').click();
    await page.getByTestId('policy-source').fill('福田区住建局2026年第12号通知(测试)');
    await page.getByTestId('policy-password').fill('wrong-password');
    await page.getByTestId('policy-sign').click();
    await page.locator('.ant-message-error').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('policy-in-force').innerText()).toBe('本区现行执行全市标准');
    await page.getByTestId('policy-password').fill('demo1234');
    await page.getByTestId('policy-sign').click();
    await expect.poll(() => page.getByTestId('policy-in-force').innerText(), { timeout: 30_000 }).toMatch(/^现行本区调整:\d{4}-\d{2}-\d{2} 由 刘洋 签发$/);
    await expect.poll(() => income.inputValue(), { timeout: 30_000 }).toBe('20000');

    // The signed override reached the central reference database.
    const couch = couchClient(admin);
    await expect
      .poll(
        async () => {
          const all = await couch.request<{ rows: { doc: Record<string, unknown> }[] }>('GET', `/${REFERENCE_DB}/_all_docs?include_docs=true&startkey=%22rule_thresholds%3Apublic_rental%3Adistrict%3A440304%3A%22&endkey=%22rule_thresholds%3Apublic_rental%3Adistrict%3A440304%3A%EF%BF%B0%22`);
          return all.rows.map((r) => ({ income: (r.doc.thresholds as { incomePerCapitaMax?: number }).incomePerCapitaMax, signer: (r.doc.actor as { userId?: string }).userId, signed: !!r.doc.signature }));
        },
        { timeout: 30_000 },
      )
      .toEqual([{ income: 20_000, signer: 'dreviewer1', signed: true }]);
  });
});
