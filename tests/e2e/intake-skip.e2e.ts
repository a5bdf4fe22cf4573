// The skip-to-submit path: a clerk picks the business item, ticks a material, types the applicant,
// then clicks the last step ("8 提交与回执") in the step bar. The steps jumped over are not shown as done, submitting is
// refused with the domain's reasons on the page, and no case, receipt or notice comes out of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { checkCharacter } from '../../domain/identity/idnumber';
import { caseNames, openProfile, runHws, signIn, startCentralServer, tempDir, freePorts } from './support';

const SYNC_PORT = await freePorts(2);
const ID_NUMBER = (() => {
  const first17 = '44030419760812003';
  return first17 + checkCharacter(first17);
})();
const procs: { stop(): Promise<void> }[] = [];
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const [serverData, hostData, profile] = await Promise.all(['srv-', 'host-', 'prof-'].map((p) => tempDir(`hws-skip-${p}`)));
  const server = await startCentralServer(serverData!, SYNC_PORT, [SYNC_PORT + 1]);
  procs.push({ stop: () => server.dispose() });
  const host = await runHws(
    ['start', '--browser', '--couch-url', server.url, '--data', hostData!, '--port', String(SYNC_PORT + 1)],
    /open the workstation at: (http:\S+)/,
  );
  procs.push(host);
  context = await openProfile(profile!);
  page = context.pages()[0] ?? (await context.newPage());
  await signIn(page, host.match[1]!, 'clerk1', 'demo1234');
});

afterAll(async () => {
  await context?.close().catch(() => {});
  for (const p of procs.reverse()) await p.stop();
});

describe('intake: skipping to submit through the step bar', () => {
  it('is refused with the reasons shown; the skipped steps are not ticked; no case, receipt or notice', async () => {
    const casesBefore = await caseNames(page);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-item').click();
    await page.locator('.ant-select-item-option', { hasText: /^公共租赁住房申请$/ }).click();
    await page.getByTestId('intake-checklist').locator('input[type=checkbox]').first().check();
    await page.getByTestId('intake-next').click();
    // The applicant typed in (no card read), then straight to "8 提交与回执" in the step bar.
    await page.getByTestId('applicant-name').fill('周立新');
    await page.getByTestId('applicant-id').fill(ID_NUMBER);
    const steps = page.getByTestId('intake').locator('.ant-steps-item');
    await steps.nth(7).click();
    await page.getByTestId('intake-step-receipt').waitFor();
    // Only the two steps actually done carry a tick; the five jumped over do not.
    await expect.poll(() => page.getByTestId('intake').locator('.ant-steps-item-finish').count()).toBe(2);
    for (const i of [0, 1]) expect(await steps.nth(i).getAttribute('class'), `step ${i + 1}`).toContain('ant-steps-item-finish');
    for (const i of [2, 3, 4, 5, 6]) expect(await steps.nth(i).getAttribute('class'), `step ${i + 1}`).toContain('ant-steps-item-wait');

    await page.getByTestId('intake-submit').click();
    const refused = page.getByTestId('submit-refused');
    await refused.waitFor();
    const text = await refused.innerText();
    for (const reason of ['不能提交', '尚未采集申请人人像', '尚未采集申请人指纹']) expect(text).toContain(reason);
    expect(await page.getByTestId('receipt-no').count()).toBe(0);

    // A reason leads back to its step.
    await page.getByTestId('refusal-FACE_MISSING').locator('a', { hasText: '人脸采集' }).click();
    await page.getByTestId('intake-step-face').waitFor();

    // Nothing was created: the case list is as it was, no PDF was handed out.
    await page.getByTestId('nav-cases').click();
    await page.waitForTimeout(1000);
    expect(await caseNames(page)).toEqual(casesBefore);
    expect(await caseNames(page)).not.toContain('周立新');
    expect(downloads).toBe(0);
  });
});
