// Field inspections in headless Chromium, as the issue names them: the street reviewer plans (every
// demo tenancy, seed recorded) and assigns — while the workstation's pull of the tenants'
// enrolments lags behind the tenancies, so creating the plan waits for it; inspector1's laptop receives its task package and then
// loses the network (the central server is unreachable from the page); offline it records three
// visits with the simulated ID card reader, the fingerprint module and Chromium's fake camera —
// nobody at home; the tenant at the door (card of the household's applicant, photo with watermark,
// a deficiency, a signature drawn on screen, both documents printed); and a card that is not of the
// household, the occupant refusing to sign. Back online the visits go up, and the district
// reviewer (dreviewer1) sees the findings in the district's queue.
// The seed enrols every tenant as the counter would have: the simulated module's finger 1 and another
// photo of the face the door camera shows, so at the tenant's door both match.
import { spawn, type ChildProcess } from 'node:child_process';
import { lstat, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { generateCases, generateTenancies } from '../../domain/seed';
import { officeDbName } from '../../domain/sync/databases';
import { FACES, cameraFrame, regionJpeg } from '../../main/face/test-images';
import { writeY4m } from './fixtures/y4m';
import { ROOT, openProfile, runHws, startCentralServer, tempDir, type RunningProcess, freePorts } from './support';

const SYNC_PORT = await freePorts(2);
const HOST_PORT = SYNC_PORT + 1;
const STRANGER = path.join(ROOT, 'devices', 'sim', 'cards', 'chen-xiaomei.json');
const procs: { stop(): Promise<void> }[] = [];
let context: BrowserContext;
let page: Page;
let url: string;
let admin: string;
let work: string;
let socat: ChildProcess;
let cardSim: RunningProcess;
const readerSide = () => path.join(work, 'reader-sim');

// The demo office as `hws seed --cases 40 --seed 1` writes it: the test knows each tenancy's tenant.
const seed = generateCases({ count: 40, officeId: 'futian-huafu', seed: 1, streetId: 'street:440304-06' });
const { leases } = generateTenancies(seed, 1);

/** The card reader's simulator holds one card at a time: a card is swapped by restarting it on the same pty. */
async function insertCard(file: string) {
  await cardSim?.stop();
  cardSim = await runHws(['sim', 'idcard', '--card', file, '--port', readerSide(), '--repeat', '300'], /^(\/\S+)$/m);
}

beforeAll(async () => {
  const [serverData, hostData, profile, dir] = await Promise.all(['srv-', 'host-', 'prof-', 'work-'].map((p) => tempDir(`hws-insp-${p}`)));
  work = dir!;
  socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${path.join(work, 'reader-app')}`, `pty,raw,echo=0,link=${readerSide()}`], { stdio: 'ignore' });
  for (let i = 0; i < 50 && !(await lstat(readerSide()).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  await insertCard(STRANGER);
  const finger = await runHws(['sim', 'fingerprint'], /^(\/\S+)$/m);
  const server = await startCentralServer(serverData!, SYNC_PORT, [HOST_PORT]);
  procs.push(finger, { stop: () => server.dispose() });
  admin = process.env.COUCHDB_URL ?? (await readFile(path.join(serverData!, 'admin.json'), 'utf8').then((t) => {
    const a = JSON.parse(t) as { username: string; password: string };
    return `http://${a.username}:${encodeURIComponent(a.password)}@127.0.0.1:${SYNC_PORT}`;
  }));
  const enrolPhoto = path.join(work, 'enrolled.jpg');
  await writeFile(enrolPhoto, await regionJpeg(FACES.s1left, { margin: 1.1, width: 320, mirror: true, rotate: 8, darken: 0.3 }));
  const seeded = await runHws(['seed', '--cases', '40', '--office', 'futian-huafu', '--street', 'street:440304-06', '--seed', '1', '--url', admin, '--enrol-finger', '1', '--enrol-face', enrolPhoto], /完成/, {}, 180_000); // the face engine loads first
  await seeded.stop();
  const host = await runHws(
    ['start', '--browser', '--couch-url', server.url, '--data', hostData!, '--port', String(HOST_PORT), '--idcard-port', path.join(work, 'reader-app'), '--fingerprint-port', finger.match[1]!],
    /open the workstation at: (http:\S+)/,
  );
  procs.push(host);
  url = host.match[1]!;
  // The camera: Chromium's fake capture device playing a photo.
  const camera = path.join(work, 'door.y4m');
  await writeY4m(camera, [await cameraFrame(FACES.s1left)]);
  context = await openProfile(profile!, camera);
  page = context.pages()[0] ?? (await context.newPage());
  // Whatever the page sends to the central server fails while `offline` is set.
  // (The central server's own address: the embedded one on SYNC_PORT, or the real CouchDB of tests/couchdb/run.sh.)
  // While `enrolmentsLag` is set, the pulls of enrolments wait ENROLMENT_LAG_MS first: the supervisor's
  // workstation holds the tenancies well before the tenants' fingerprints and faces.
  await context.route(`${new URL(server.url).origin}/**`, async (route) => {
    if (offline) return route.abort('internetdisconnected');
    const request = route.request();
    if (enrolmentsLag && request.url().includes('/_changes') && `${request.url()} ${request.postData() ?? ''}`.includes('biometric')) await new Promise((r) => setTimeout(r, ENROLMENT_LAG_MS));
    return route.continue();
  });
});
let offline = false;
let enrolmentsLag = true;
const ENROLMENT_LAG_MS = 8_000;

afterAll(async () => {
  await context?.close().catch(() => {});
  await Promise.all([...procs, ...(cardSim ? [cardSim] : [])].map((p) => p.stop()));
  socat?.kill();
});

async function signInAs(user: string) {
  await page.goto(url);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor({ timeout: 60_000 });
}

/** The office's documents on the server whose ids start with `prefix`, as the centre sees them. */
async function onServer<T>(prefix: string): Promise<T[]> {
  const range = `start_key=${encodeURIComponent(JSON.stringify(prefix))}&end_key=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}`;
  const res = await fetch(`${admin.replace(/\/\/[^@]+@/, '//')}/${officeDbName('futian-huafu')}/_all_docs?include_docs=true&${range}`, {
    headers: { authorization: `Basic ${Buffer.from(decodeURIComponent(new URL(admin).username) + ':' + decodeURIComponent(new URL(admin).password)).toString('base64')}` },
  });
  const body = (await res.json()) as { rows?: { doc: T }[] };
  return (body.rows ?? []).map((r) => r.doc);
}
const inspectionsOnServer = () => onServer<{ outcome: string; findings: { kind: string }[]; inspectorId: string }>('inspection:');

const startTask = (leaseId: string) => page.getByTestId(`task-row-${leaseId}`).first().getByTestId('task-start').click();
/** The visited task's row (a visit that schedules a re-inspection adds a second row for the tenancy). */
const visitedRow = (leaseId: string) => page.getByTestId(`task-row-${leaseId}`).filter({ has: page.getByTestId('task-done') });
const saveVisit = async (done: number) => {
  // Earlier messages go first, so the one read below answers this save.
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  await page.getByTestId('visit-save').click();
  // The page answers a save with a message: a refusal (e.g. no signature) fails here with its words.
  const answer = page.locator('.ant-message-notice').filter({ hasText: /已保存|未能|请|需/ }).last();
  await answer.waitFor({ timeout: 30_000 });
  const said = await answer.innerText();
  expect(said, 'the visit was not saved').toContain('已保存');
  await expect.poll(() => page.getByTestId('task-done').count(), { timeout: 15_000 }).toBe(done);
};
/** For a poll: a check's result as shown; until there is one, every message the page gave meanwhile (a warning, an error). */
const resultOrMessages = (testId: string) => {
  const said = new Set<string>();
  return async () => {
    const result = page.getByTestId(testId);
    if ((await result.count()) > 0) return result.innerText();
    for (const text of await page.locator('.ant-message-notice').allInnerTexts()) said.add(text);
    return [...said].join(' | ');
  };
};
/** Whether anything is drawn on the signature pad. */
const inked = () => page.getByTestId('signature-pad').evaluate((c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0));

describe('field inspections', () => {
  it('plan → assignment → laptop offline → three visits at the door → back online → the district reviewer sees the findings', async () => {
    await signInAs('reviewer1');
    await page.getByTestId('nav-inspection').click();
    await page.locator('input[data-testid="plan-rate"], [data-testid="plan-rate"] input').first().fill('100');
    await expect
      .poll(async () => {
        await page.getByTestId('plan-preview').click();
        return (await page.getByTestId('plan-preview-count').innerText().catch(() => '')).match(/\d+/g)?.map(Number).reduce((a, b) => a + b, 0) ?? 0;
      }, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(3);
    await page.getByTestId('plan-create').click();
    await expect.poll(() => page.getByTestId('plan-task-count').innerText().then(Number), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const planned = Number(await page.getByTestId('plan-task-count').innerText());
    await page.waitForTimeout(3_000); // the tasks go up to the office database
    enrolmentsLag = false;
    // Creating the plan waited for the enrolments still on their way: each task names its tenant's.
    const tasks = await onServer<{ enrolmentIds: string[] }>('inspection_task:');
    expect(tasks).toHaveLength(planned);
    expect(tasks.filter((t) => t.enrolmentIds.length === 0)).toEqual([]);
    await page.getByTestId('logout').click();

    await signInAs('inspector1');
    const rows = page.getByTestId('task-start');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(Math.min(planned, 20));
    expect(await page.getByTestId('package-status').innerText()).toContain(`${planned} 项任务`);
    const shown = (await page.locator('[data-testid^="task-row-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('task-row-'.length)))).filter((id) => leases.some((l) => l.id === id));
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const [notHome, tenantVisit, strangerVisit] = shown as [string, string, string];

    // The laptop leaves the network: the package can no longer be refreshed.
    offline = true;
    await page.getByTestId('package-refresh').click();
    await page.getByTestId('package-error').waitFor({ timeout: 30_000 });

    // Visit 1: nobody at home.
    await startTask(notHome);
    await page.getByTestId('not-home').click();
    await saveVisit(1);

    // Visit 2: the tenant opens — the applicant's own card is read; the fingerprint module is asked; a
    // photo from the camera; a life-threatening deficiency; the tenant signs on screen.
    const lease = leases.find((l) => l.id === tenantVisit)!;
    const household = seed.households.find((h) => h.id === lease.householdId)!;
    const tenant = seed.persons.find((p) => p.id === household.applicantPersonId)!;
    const card = path.join(work, 'tenant.json');
    await writeFile(card, JSON.stringify({ name: tenant.name, genderCode: tenant.clear.idNumber.charCodeAt(16) % 2 ? '1' : '2', nationCode: '01', birthDate: tenant.clear.birthDate, address: '广东省深圳市福田区华富街道', idNumber: tenant.clear.idNumber, issuer: '深圳市公安局福田分局', validFrom: '2016-05-20', validTo: '2036-05-20' }));
    await insertCard(card);
    await startTask(tenantVisit);
    await page.getByTestId('visit-read-card').click();
    await expect.poll(() => page.getByTestId('visit-identity').innerText().catch(() => ''), { timeout: 20_000 }).toContain('承租人本人');
    // The finger on the module is the one enrolled at intake; the camera shows the enrolled face.
    await page.getByTestId('visit-fingerprint').click();
    await expect.poll(resultOrMessages('visit-fingerprint-result'), { timeout: 30_000 }).toBe('指纹与登记模板一致');
    await page.getByTestId('camera-capture-button').click();
    await expect.poll(resultOrMessages('visit-face-result'), { timeout: 60_000 }).toMatch(/^人脸与登记照片一致/);
    await page.getByTestId('take-photo').click();
    await expect.poll(() => page.getByTestId('visit-photos').locator('img').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('visit-conditions').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '燃气泄漏' }).click();
    await page.keyboard.press('Escape');
    // The photo's thumbnail loads and moves the pad down: sign once the drawer has settled, where the pad is now.
    await expect.poll(() => page.getByTestId('visit-photos').locator('img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('signature-pad').scrollIntoViewIfNeeded();
    const pad = (await page.getByTestId('signature-pad').boundingBox())!;
    await page.mouse.move(pad.x + 20, pad.y + 20);
    await page.mouse.down();
    await page.mouse.move(pad.x + 120, pad.y + 60, { steps: 8 });
    await page.mouse.move(pad.x + 200, pad.y + 30, { steps: 8 });
    await page.mouse.up();
    expect(await inked()).toBe(true);
    await saveVisit(2);
    const row = visitedRow(tenantVisit);
    expect(await row.innerText()).toContain('房屋状况需整改');
    // Both documents print on the laptop, offline.
    const [record] = await Promise.all([page.waitForEvent('download'), row.getByTestId('print-record').click()]);
    expect(record.suggestedFilename()).toMatch(/^入户核查记录-HC\d{8}-[0-9A-F]{8}\.pdf$/);
    const [notice] = await Promise.all([page.waitForEvent('download'), row.getByTestId('print-rectification').click()]);
    expect(notice.suggestedFilename()).toMatch(/^整改通知书-ZG\d{8}-[0-9A-F]{8}\.pdf$/);

    // Visit 3: a card that is not of the household; the occupant refuses to sign.
    await insertCard(STRANGER);
    await startTask(strangerVisit);
    await page.getByTestId('visit-read-card').click();
    await expect.poll(() => page.getByTestId('visit-identity').innerText().catch(() => ''), { timeout: 20_000 }).toContain('非承租家庭人员');
    await page.getByTestId('visit-refused').click();
    await saveVisit(3);
    expect(await visitedRow(strangerVisit).innerText()).toContain('实际居住人非承租人');
    // Nothing reached the centre while offline.
    expect(await inspectionsOnServer()).toEqual([]);

    // Back online: the three visits go up by themselves.
    offline = false;
    await expect.poll(async () => (await inspectionsOnServer()).length, { timeout: 60_000 }).toBe(3);
    expect((await inspectionsOnServer()).every((v) => v.inspectorId === 'inspector1')).toBe(true);
    await page.getByTestId('logout').click();

    await signInAs('dreviewer1');
    await page.getByTestId('nav-inspection').click();
    await expect.poll(() => page.getByTestId('findings-table').innerText(), { timeout: 90_000 }).toContain('实际居住人非承租人');
    const findings = await page.getByTestId('findings-table').innerText();
    expect(findings).toContain('非承租家庭人员');
    expect(findings).toContain('房屋状况需整改');
  });
});
