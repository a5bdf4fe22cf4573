// Chinese screens carry no English chrome: each demo user signs in on one workstation (browser
// mode, embedded server or a real CouchDB) and opens every page of their workspace; the visible text
// of each page is read and any Latin-script word that is not data (numbers, ids, user names) or a
// name of a format a Chinese office also writes in Latin letters fails the test, with page and word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openProfile, runHws, startCentralServer, tempDir, type CentralServer, type RunningProcess, freePorts } from './support';

const SYNC_PORT = await freePorts(2);
const ALLOWED = new Set(['PDF', 'Excel', 'PNG', 'JPEG', 'OCR', 'ID', 'IT', 'USB', 'CouchDB', 'IndexedDB', 'NSPIRE', 'HUD', 'CSV', 'JSON', 'URL', 'English', 'KB', 'MB', 'GB']);
const USERS = ['clerk1', 'reviewer1', 'dreviewer1', 'inspector1', 'it1'];

let server: CentralServer;
let host: RunningProcess;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startCentralServer(await tempDir('hws-e2e-lang-server-'), SYNC_PORT, [SYNC_PORT + 1]);
  host = await runHws(['start', '--browser', '--couch-url', server.url, '--data', await tempDir('hws-e2e-lang-ws-'), '--port', String(SYNC_PORT + 1)], /open the workstation at: (http:\S+)/);
  context = await openProfile(await tempDir('hws-e2e-lang-prof-'));
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await host?.stop();
  await server?.dispose();
});

/**
 * Latin words on the page that are neither data nor allowed: tokens with digits or @ are data, and
 * so is what the page marks as English on purpose (`lang="en"`, the English name of a reason code)
 * or as an identifier not to translate (`translate="no"`, a database or record id).
 */
async function englishWords(): Promise<string[]> {
  const text = await page.evaluate(() => {
    let all = document.body.innerText;
    for (const el of document.querySelectorAll<HTMLElement>('[lang="en"], [translate="no"]')) all = all.split(el.innerText).join(' ');
    return all;
  });
  const tokens = text.match(/[A-Za-z0-9@._:-]*[A-Za-z][A-Za-z0-9@._:-]*/g) ?? [];
  // Identifiers inside a message (a field such as createdAt, a record such as office:futian) are data too.
  const identifier = (t: string) => /\d|@|:/.test(t) || /[a-z][A-Z]/.test(t);
  return [...new Set(tokens.filter((t) => !identifier(t) && t.length > 1 && !ALLOWED.has(t) && !USERS.includes(t)))];
}

describe('the Chinese screens', () => {
  it('show no English words on any page of any role', async () => {
    const found: string[] = [];
    for (const user of USERS) {
      await page.goto(host.match[1]!);
      await page.getByTestId('login-username').fill(user);
      await page.getByTestId('login-password').fill('demo1234');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('user-name').waitFor({ timeout: 60_000 });
      const navs = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
      for (const nav of navs) {
        await page.getByTestId(nav).click();
        await page.waitForTimeout(1_500); // the page's queries and sync status settle
        for (const w of await englishWords()) found.push(`${user} ${nav}: ${w}`);
        // The catalogue versions synced from the centre: the one new cases start under is named.
        if (nav === 'nav-reference') await page.getByTestId('catalogue-state-in_force').waitFor({ timeout: 30_000 });
      }
      await page.getByTestId('logout').click();
      await page.getByTestId('login-username').waitFor();
    }
    expect(found).toEqual([]);
  });
});
