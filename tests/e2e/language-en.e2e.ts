// English screens carry no Chinese chrome: the language switched to English on the sign-in page,
// each role's main pages show their labels, case statuses, business items, rule titles and reasons,
// sync states and collection names in English. Chinese left on a page must be data — people's
// names, offices, streets and districts (known here from the seed), or what the page marks as
// Chinese on purpose (`lang="zh"`) — any other Chinese fails the test, with page and text.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { generateCases, SHENZHEN_DISTRICTS, SHENZHEN_STREETS } from '../../domain/seed';
import { DEMO_OFFICES, DEMO_USERS } from '../../sync-server/demo';
import { openProfile, runHws, startCentralServer, tempDir, type CentralServer, type RunningProcess, freePorts } from './support';

const SYNC_PORT = await freePorts(2);
const HOST_PORT = SYNC_PORT + 1;
const SEED = { count: 40, officeId: 'futian-huafu', seed: 1, streetId: 'street:440304-06' } as const;
// Main pages of each role (the nav entries each lands on or opens first).
const PAGES: Readonly<Record<string, readonly string[]>> = {
  clerk1: ['nav-cases', 'nav-sync'],
  reviewer1: ['nav-review'],
  dreviewer1: ['nav-review', 'nav-policy'],
  inspector1: ['nav-tasks'],
  it1: ['nav-sync'],
};

let server: CentralServer;
let host: RunningProcess;
let context: BrowserContext;
let page: Page;

/** Chinese that is data: people, offices, streets, districts. Longest first, so a name is removed whole. */
const DATA = (() => {
  const seed = generateCases(SEED);
  const names = [
    ...seed.persons.map((p) => p.name),
    ...seed.cases.map((c) => c.applicantName),
    ...DEMO_USERS.map((u) => u.displayName),
    ...DEMO_OFFICES.flatMap((o) => [o.name, o.districtName]),
    ...SHENZHEN_STREETS.map((s) => s.name),
    ...SHENZHEN_DISTRICTS.map((d) => d.name),
  ];
  return [...new Set(names)].sort((a, b) => b.length - a.length);
})();

beforeAll(async () => {
  const [serverData, hostData, profile] = await Promise.all(['srv-', 'host-', 'prof-'].map((p) => tempDir(`hws-e2e-lang-en-${p}`)));
  server = await startCentralServer(serverData!, SYNC_PORT, [HOST_PORT]);
  const admin =
    process.env.COUCHDB_URL ??
    (await readFile(path.join(serverData!, 'admin.json'), 'utf8').then((t) => {
      const a = JSON.parse(t) as { username: string; password: string };
      return `http://${a.username}:${encodeURIComponent(a.password)}@127.0.0.1:${SYNC_PORT}`;
    }));
  const seeded = await runHws(['seed', '--cases', String(SEED.count), '--office', SEED.officeId, '--street', SEED.streetId, '--seed', String(SEED.seed), '--url', String(admin)], /完成/);
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

/** Chinese on the page that is not data: runs of Han characters with what surrounds them. */
async function chineseChrome(): Promise<string[]> {
  let text = await page.evaluate(() => {
    let all = document.body.innerText;
    for (const el of document.querySelectorAll<HTMLElement>('body [lang="zh"]')) all = all.split(el.innerText).join(' ');
    return all;
  });
  for (const d of DATA) text = text.split(d).join(' ');
  return [...new Set(text.match(/[^\n]{0,12}\p{Script=Han}+[^\n]{0,12}/gu) ?? [])].map((s) => s.trim());
}

describe('the English screens', () => {
  it('show English on the main pages of each role, Chinese only in data', async () => {
    await page.goto(host.match[1]!);
    // Switched on the sign-in page, as a user would.
    await page.getByLabel('语言').click();
    await page.locator('.ant-select-item-option[title="English"]').click();
    await expect.poll(() => page.getByTestId('login-submit').innerText()).not.toMatch(/\p{Script=Han}/u);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const found: string[] = [];
    for (const [user, navs] of Object.entries(PAGES)) {
      await page.getByTestId('login-username').fill(user);
      await page.getByTestId('login-password').fill('demo1234');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('user-name').waitFor({ timeout: 60_000 });
      // At the default window (1280 wide) every menu entry and the sign-out button are in sight,
      // nothing cut off or folded away however long its English label.
      for (const id of [...(await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!))), 'logout']) {
        const shown = await page.getByTestId(id).evaluate((el) => {
          const box = el.getBoundingClientRect();
          const clip = el.closest('.ant-menu-title-content') ?? el;
          return box.width > 0 && box.right <= window.innerWidth && el.scrollWidth <= Math.ceil(box.width) && clip.scrollWidth <= clip.clientWidth;
        });
        if (!shown) found.push(`${user}: ${id} is cut off or out of sight`);
      }
      for (const nav of navs) {
        await page.getByTestId(nav).click();
        await page.waitForTimeout(2_000); // the page's queries and sync status settle
        if (nav === 'nav-policy') {
          // A draft, so that the list of changed cases shows rule titles, outcomes and reasons.
          const income = page.getByTestId('policy-field-incomePerCapitaMax');
          await income.waitFor({ timeout: 60_000 });
          await income.fill('20000');
          await expect
            .poll(async () => {
              await page.getByTestId('policy-evaluate').click();
              return Number(await page.getByTestId('policy-summary').getAttribute('data-changed'));
            }, { timeout: 60_000, interval: 2_000 })
            .toBeGreaterThan(0);
          expect(await page.getByTestId('policy-summary').innerText()).toMatch(/[A-Za-z]/);
        }
        for (const w of await chineseChrome()) found.push(`${user} ${nav}: ${w}`);
      }
      await page.getByTestId('logout').click();
      await page.getByTestId('login-username').waitFor();
    }
    expect(found).toEqual([]);
  });
});
