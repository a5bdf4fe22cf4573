// A whole counter intake in headless Chromium with simulated devices on pseudo-terminals: the ID
// card reader and the fingerprint module are the project's simulators behind real socat ptys.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { checkCharacter } from '../../domain/identity/idnumber';
import { FACES, cameraFrame } from '../../main/face/test-images';
import { renderFixture } from '../../main/ocr/fixtures/render';
import { writeFile } from 'node:fs/promises';
import { writeY4m } from './fixtures/y4m';
import { ROOT, caseNames, openProfile, runHws, signIn, startCentralServer, tempDir, freePorts } from './support';

const SYNC_PORT = await freePorts(2);
const HOST_PORT = SYNC_PORT + 1;
const CARD = path.join(ROOT, 'devices', 'sim', 'cards', 'chen-xiaomei.json');
const procs: { stop(): Promise<void> }[] = [];
let context: BrowserContext;
let page: Page;
let url: string;
let downloads: string;
let scanDir: string;

const spouseId = (() => {
  const first17 = '44030419860707001';
  return first17 + checkCharacter(first17);
})();

beforeAll(async () => {
  const [serverData, hostData, profile] = await Promise.all(['srv-', 'host-', 'prof-'].map((p) => tempDir(`hws-intake-${p}`)));
  downloads = await tempDir('hws-intake-dl-');
  scanDir = await tempDir('hws-intake-scanner-');
  const pathLine = /^(\/\S+)$/m;
  const idcard = await runHws(['sim', 'idcard', '--card', CARD, '--repeat', '300'], pathLine);
  const finger = await runHws(['sim', 'fingerprint'], pathLine);
  const server = await startCentralServer(serverData!, SYNC_PORT, [HOST_PORT]);
  procs.push(idcard, finger, { stop: () => server.dispose() });
  const host = await runHws(
    ['start', '--browser', '--couch-url', server.url, '--data', hostData!, '--port', String(HOST_PORT),
      '--idcard-port', idcard.match[1]!, '--fingerprint-port', finger.match[1]!, '--scan-dir', scanDir],
    /open the workstation at: (http:\S+)/,
  );
  procs.push(host);
  url = host.match[1]!;
  // The camera is Chromium's fake capture device playing a face photo from the face-api package.
  const camera = path.join(downloads, 'face.y4m');
  await writeY4m(camera, [await cameraFrame(FACES.s1left)]);
  context = await openProfile(profile!, camera);
  page = context.pages()[0] ?? (await context.newPage());
  await signIn(page, url, 'clerk1', 'demo1234');
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await Promise.all(procs.map((p) => p.stop()));
});

const next = () => page.getByTestId('intake-next').click();

describe('one-visit intake at the counter', () => {
  it('goes from ID card to printed receipt, survives a reload on the way, and stores the case', async () => {
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-item').click();
    await page.locator('.ant-select-item-option', { hasText: /^公共租赁住房申请$/ }).click();
    await page.getByTestId('intake-checklist').locator('input[type=checkbox]').first().check();
    await next();

    // The applicant comes from the card reader.
    await page.getByTestId('applicant-read-card').click();
    await expect.poll(() => page.getByTestId('applicant-name').inputValue(), { timeout: 15_000 }).toBe('陈晓梅');
    expect(await page.getByTestId('applicant-id').inputValue()).toBe('44030419880315002X');
    await expect.poll(() => page.getByTestId('applicant-card').innerText()).toContain('证件信息与号码一致');
    await page.getByTestId('applicant-income').fill('60000');
    await page.getByTestId('applicant-social').fill('5');

    // A power cut: the page goes away and comes back; the intake resumes where it stopped.
    await page.reload();
    await signIn(page, url, 'clerk1', 'demo1234');
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-resumed').waitFor();
    await expect.poll(() => page.getByTestId('applicant-name').inputValue()).toBe('陈晓梅');
    await expect.poll(() => page.getByTestId('applicant-income').inputValue()).toMatch(/^60,?000$/);
    await next();

    // Household: a typed spouse, with the number checked as it is typed.
    await page.getByTestId('intake-marital').click();
    await page.locator('.ant-select-item-option', { hasText: '已婚' }).click();
    await page.getByTestId('intake-assets').fill('200000');
    await page.getByTestId('add-member').click();
    await page.getByTestId('member-0-name').fill('王建华');
    await page.getByTestId('member-0-id').fill('440304198607070010');
    await expect.poll(() => page.getByTestId('member-0-id-error').innerText()).toContain('校验位错误');
    await page.getByTestId('member-0-id').fill(spouseId);
    await page.getByTestId('member-0-income').fill('50000');
    await next();

    // Face photo from the camera, with a descriptor.
    await page.getByTestId('camera-capture-button').click({ timeout: 60_000 });
    await page.getByTestId('face-captured').waitFor({ timeout: 60_000 });
    await next();

    // Fingerprint enrolment and verification on the simulated module.
    await page.getByTestId('fp-enroll').click();
    await page.getByTestId('fp-enrolled').waitFor({ timeout: 30_000 });
    await page.getByTestId('fp-verify').click();
    await expect.poll(() => page.getByTestId('fp-verified').innerText(), { timeout: 30_000 }).toContain('一致');
    await next();
    // Scans: the counter scanner saves an income proof (rendered by the project) into its folder;
    // the page appears in the list, is read by OCR in the browser, reviewed, kept.
    await page.getByTestId('intake-step-scans').waitFor();
    // A certificate can also be photographed with the counter camera; the clerk drops this one.
    await page.getByTestId('scan-source').getByText('拍照').click();
    await page.getByTestId('document-photo').click();
    await page.getByTestId('intake-step-scans').locator('img').first().waitFor();
    await page.getByTestId('scan-another').click();
    await page.getByTestId('scan-source').getByText('扫描仪文件夹').click();
    // The clerk put the page in upside down: it is read upright and shown so.
    const income = renderFixture('income', 2, { angleDeg: 180.6 });
    const scan = path.join(scanDir, 'scan-0001.png');
    await writeFile(scan, await income.png());
    await page.getByTestId('scan-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '收入证明' }).click();
    await page.getByTestId('scanner-file').filter({ hasText: 'scan-0001.png' }).getByRole('button').click();
    const idField = page.locator('input[data-field=idNumber]');
    await expect.poll(() => idField.inputValue().catch(() => ''), { timeout: 120_000 }).toBe(String(income.content.fields.idNumber));
    expect(await page.locator('input[data-field=annualIncome]').inputValue()).toBe(String(income.content.fields.annualIncome));
    expect(await page.getByTestId('ocr-turned').innerText()).toContain('180°');
    expect(await page.getByTestId('ocr-page-upright').getAttribute('data-turned')).toBe('180');
    // The clerk reviews each field beside the image and corrects what the OCR misread (serif names
    // are its weak spot, see bench:intake).
    await page.locator('input[data-field=name]').fill(String(income.content.fields.name));
    await page.getByRole('button', { name: '确 认' }).or(page.getByRole('button', { name: '确认' })).click();
    await expect.poll(() => page.getByTestId('scan-item').count()).toBe(1);
    // Kept sealed with the intake, the clear copy is gone from the scanner folder.
    await expect.poll(() => existsSync(scan)).toBe(false);
    await next();

    // Pre-check: each rule with its reason and numbers (110,000 for two persons is 55,000 each,
    // one thousand over the limit); no duplicates.
    await expect.poll(() => page.getByTestId('rule-income').getAttribute('data-outcome')).toBe('fail');
    expect(await page.getByTestId('rule-income').innerText()).toMatch(/55,000.*54,000/);
    // The spouse's card was not read, so the identity rule asks for a person to look.
    expect(await page.getByTestId('rule-identity_documents').getAttribute('data-outcome')).toBe('needs_review');
    await expect.poll(() => page.getByTestId('duplicates').innerText()).toContain('未发现');
    // Identity evidence in one place: the finger verified at the counter, the card photo (WLT) not
    // compared, no earlier face on file, and the income proof's name and number against the card.
    const pair = (p: string) => page.getByTestId(`identity-${p}`).getAttribute('data-result');
    expect(await pair('fingerprint_verify')).toBe('match');
    expect(await pair('card_face')).toBe('not_checked');
    expect(await pair('face_on_file')).toBe('not_checked');
    const sameAsCard = income.content.fields.idNumber === '44030419880315002X' && income.content.fields.name === '陈晓梅';
    expect(await pair('card_paper')).toBe(sameAsCard ? 'match' : 'mismatch');
    if (!sameAsCard) expect(await page.getByTestId('identity-card_paper').innerText()).toContain(`陈晓梅 ↔ ${String(income.content.fields.name)}`);
    await next();

    // Submit: the receipt PDF is downloaded and says what a clerk hands over.
    const download = page.waitForEvent('download');
    await page.getByTestId('intake-submit').click();
    const file = path.join(downloads, 'receipt.pdf');
    await (await download).saveAs(file);
    // Materials are missing, so the case is returned: the page and the PDF say so, with the one-time
    // notice's own number, never 已受理 or a receipt number.
    await expect.poll(() => page.getByTestId('receipt-no').innerText()).toMatch(/已退回.*TZ\d{8}-[0-9A-F]{8}/);
    expect(await page.getByTestId('receipt-no').innerText()).not.toContain('已受理');
    const noticeNo = /TZ\d{8}-[0-9A-F]{8}/.exec(await page.getByTestId('receipt-no').innerText())![0];
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['一次性告知书', `告知书编号:${noticeNo}`, '福田区华富街道办事处', '陈晓梅', '440304********002X', '公共租赁住房', '需补齐的全部材料', '经办人:张敏']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('回执编号');
    expect(text).not.toContain('44030419880315002X');
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');

    // The case is in the office's list, returned with the one complete list of missing materials.
    await page.getByTestId('nav-cases').click();
    await expect.poll(() => caseNames(page)).toContain('陈晓梅');
    expect(await page.getByTestId('case-table').innerText()).toContain('已退回');

    // Its dossier shows the page put in upside down the way OCR read it: turned back upright.
    await page.getByTestId('nav-returned').click();
    await page.locator('[data-testid="review-table"] tr', { hasText: '陈晓梅' }).first().click({ timeout: 30_000 });
    await page.getByTestId('dossier').getByRole('tab', { name: '材料' }).click();
    const kept = page.getByTestId('dossier-scan').first();
    await kept.getByRole('button', { name: '查看扫描件' }).click();
    expect(await kept.getByTestId('ocr-page-upright').getAttribute('data-turned', { timeout: 30_000 })).toBe('180');
    await page.keyboard.press('Escape');
    await page.getByTestId('review-drawer').waitFor({ state: 'hidden' });
  });

  it('a face captured again for the same person is compared with the earlier enrolment', async () => {
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-item').click();
    await page.locator('.ant-select-item-option', { hasText: /^共有产权住房申请$/ }).click();
    await next();
    await page.getByTestId('applicant-read-card').click();
    await expect.poll(() => page.getByTestId('applicant-name').inputValue(), { timeout: 15_000 }).toBe('陈晓梅');
    await next();
    await next();
    await page.getByTestId('camera-capture-button').click({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('face-comparison').first().innerText(), { timeout: 60_000 }).toMatch(/人脸一致.距离 0\.\d\d/);
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('nav-intake').click();
    await page.getByText('放弃并重新开始').click();
  });

  it('a second card read of another household member flags the first applicant as a duplicate', async () => {
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-item').click();
    await page.locator('.ant-select-item-option', { hasText: /^租赁补贴申请$/ }).click();
    await next();
    await page.getByTestId('applicant-read-card').click();
    await expect.poll(() => page.getByTestId('applicant-name').inputValue(), { timeout: 15_000 }).toBe('陈晓梅');
    for (let i = 0; i < 5; i++) await next();
    await expect.poll(() => page.getByTestId('duplicates').innerText(), { timeout: 15_000 }).toContain('440304********002X');
    await next();
    await page.getByTestId('intake-submit').click();
    await expect.poll(() => page.getByTestId('refusal-DUPLICATE_BENEFIT').innerText()).toContain('需审核人员签名放行后方可提交');
    expect(await page.getByTestId('receipt-no').count()).toBe(0);

    // A street reviewer signs the override at the counter with their own password (their key signs it).
    await page.getByTestId('refusal-DUPLICATE_BENEFIT').locator('a').click();
    await page.getByTestId('override-user').fill('reviewer1');
    await page.getByTestId('override-password').fill('demo1234');
    await page.getByTestId('override-reason').fill('原租赁补贴已申请停发');
    await page.getByTestId('override-submit').click();
    await expect.poll(() => page.getByTestId('override-done').innerText(), { timeout: 20_000 }).toContain('陈刚');
    await page.getByTestId('intake-steps').getByText('提交与回执').click();
    await page.getByTestId('intake-submit').click();
    // Whatever else the visit still lacks, the duplicate block is lifted by the signed override.
    const outcome = page.locator('[data-testid="receipt-no"], [data-testid^="refusal-"]').first();
    await outcome.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('refusal-DUPLICATE_BENEFIT').count()).toBe(0);
  });

  it("IT's device panel shows both devices ready and tests the reader", async () => {
    await page.getByTestId('nav-devices').click();
    await expect.poll(() => page.getByTestId('device-state-idcard').getAttribute('data-state')).toBe('ready');
    await expect.poll(() => page.getByTestId('device-state-fingerprint').getAttribute('data-state')).toBe('ready');
    await page.getByTestId('device-test-idcard').click();
    await page.getByText('读卡器响应正常').waitFor();
  });
});
