// The other business items end to end in headless Chromium, on one demo installation (`hws start
// --browser`: the embedded server seeded with 华富's cases): clerk1 takes, back to back at the
// counter, the changes a seeded public rental tenant asks for — 家庭成员变更, 租金减免, 公共租赁住房调换,
// 租赁合同变更 and 联系信息变更 (done on the spot) — then 租赁补贴年审 for the seeded subsidy recipient and
// 人才住房续租 and 人才住房退出 for the seeded legacy talent-housing tenant, each with its own form sections, and keeps each
// receipt, which names the item; reviewer1 then decides each at its street stage, dreviewer1 at its
// district stage, until the item's final stage, and each case prints its own decision document
// (变更确认书 or 审核结果通知书) with the item's and the tenant's name and no full ID number. The acts
// on an open case are recorded where the case is: 公示异议 on a case dreviewer1 publishes, 放弃轮候
// on a seeded case on the waiting list (its 退出确认书 prints). After publicity: the seeded cases whose
// period ended go on to the waiting list; dreviewer1 allocates the swap a vacant unit and a subsidy
// applicant the subsidy (配租配售通知书), and clerk1 signs the contracts at the counter (签约确认书).
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../domain/identity/idnumber';
import { generateCases } from '../../domain/seed/cases';
import { localDate } from '../../domain/workflow';
import { demoCase, demoTenant, openDemoCounter, type DemoCounter } from './demo-counter';

const TENANT = demoTenant();
let demo: DemoCounter;

beforeAll(async () => {
  demo = await openDemoCounter('items-all');
});

afterAll(async () => {
  await demo?.stop();
});

interface CounterItem {
  /** What the clerk types in the picker, the option's name, the item's own form section. */
  readonly search: string;
  readonly name: string;
  readonly section: string;
  /** The certificates the item keeps a scan of (户口簿, 收入证明). */
  readonly scans?: readonly ['户口簿' | '收入证明', 'hukou' | 'income'][];
}

const MEMBERS: CounterItem = { search: '家庭成员变更', name: '家庭成员变更', section: 'member_change', scans: [['户口簿', 'hukou'], ['收入证明', 'income']] };
const REDUCTION: CounterItem = { search: '租金减免', name: '租金减免', section: 'reduction', scans: [['收入证明', 'income']] };
const SWAP: CounterItem = { search: '调换', name: '公共租赁住房调换', section: 'swap' };
const CONTRACT: CounterItem = { search: '合同变更', name: '租赁合同变更', section: 'contract' };
const CONTACT: CounterItem = { search: '联系信息', name: '联系信息变更', section: 'contact' };
const ANNUAL: CounterItem = { search: '年审', name: '租赁补贴年审', section: 'subsidy', scans: [['户口簿', 'hukou'], ['收入证明', 'income']] };
const TALENT_RENEWAL: CounterItem = { search: '人才住房续租', name: '人才住房续租(历史项目)', section: 'talent' };
const TALENT_EXIT: CounterItem = { search: '人才住房退出', name: '人才住房退出(历史项目)', section: 'exit' };
// The demo seed's rental subsidy recipient and legacy talent-housing tenant (cli/start.ts DEMO_SEED holders).
const RECIPIENT = demoCase('rental_subsidy', ['contracted']);
const TALENT = demoCase('talent_housing', ['contracted']);

/** The demo seed's cases in 华富 still in publicity whose period has ended (Beijing date), by name. */
function publicityEnded(): string[] {
  const today = localDate(new Date().toISOString());
  const seeded = generateCases({ count: 40, officeId: 'futian-huafu', seed: 1, streetId: 'street:440304-06', asOf: today, recent: true, holders: ['rental_subsidy', 'talent_housing'] });
  return seeded.cases
    .filter((c) => c.status === 'in_publicity' && seeded.events.some((e) => e.caseId === c.id && e.kind === 'publicity' && (e.payload as { endsOn: string }).endsOn < today))
    .map((c) => c.applicantName);
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** The clerk takes `item` for the tenant: its materials, identity, fingerprint only, no duplicate; the receipt names it. */
async function takeAtCounter(item: CounterItem, who: { name: string; idNumber: string } = TENANT): Promise<void> {
  const { page, next, startItem, fingerprint, submitWithReceipt } = demo;
  await startItem(item.search, new RegExp(`^${item.name.replace(/[()]/g, '\\$&')}`));
  await page.getByTestId(`intake-section-${item.section}`).waitFor();
  await demo.allMaterials();
  await next();
  await page.getByTestId('applicant-name').fill(who.name);
  await page.getByTestId('applicant-id').fill(who.idNumber);
  await next();
  await next();
  await page.getByTestId('face-not-required').waitFor();
  await next();
  await fingerprint();
  await next();
  await page.getByTestId('intake-step-scans').waitFor();
  for (const [n, [label, fixture]] of (item.scans ?? []).entries()) await demo.scan(label, fixture, n + 1);
  await next();
  await expect.poll(() => page.getByTestId('duplicates').innerText(), { timeout: 15_000 }).toContain('未发现');
  await next();
  const text = pdfText(await submitWithReceipt(`receipt-${item.section}.pdf`));
  expect(text, `${item.name}: receipt`).toContain(item.name);
  expect(text).not.toContain(who.idNumber);
  await page.getByTestId('next-intake').click();
}

/** The open case's decision document names the item and the person, never the full ID number. */
async function expectDocument(file: string, title: string, item: string, who: { name: string; idNumber: string }): Promise<void> {
  const text = await demo.printDecision(file);
  expect(text, `${item}: ${title}`).toContain(title);
  expect(text).toContain(item);
  expect(text).toContain(who.name);
  expect(text).not.toContain(who.idNumber);
  expect(text).toContain(maskIdNumber(who.idNumber).slice(0, 6));
}

describe('every other business item end to end', () => {
  it('the counter takes five changes for a tenant and the corrections of a returned case, the reviews decide each to its final stage, each prints its document; an objection and leaving the waiting list are recorded on open cases; after publicity the waiting list, 配租配售 and 签约 at the counter', async () => {
    const { page, signInAs, closeDrawer, decide } = demo;
    const status = () => page.getByTestId('review-status').innerText();
    const stage = () => page.getByTestId('review-stage').innerText();
    const buttons = () => page.locator('[data-testid^="decide-"]').allInnerTexts();

    await signInAs('clerk1');
    for (const item of [MEMBERS, REDUCTION, SWAP, CONTRACT, CONTACT]) await takeAtCounter(item);
    await takeAtCounter(ANNUAL, RECIPIENT);
    // Talent housing is a legacy programme: its tenants' renewal and exit are taken, no new application.
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-item').click();
    await page.keyboard.type('人才住房');
    const offered = page.locator('.ant-select-item-option');
    await expect.poll(() => offered.allInnerTexts()).toEqual(expect.arrayContaining([TALENT_RENEWAL.name, TALENT_EXIT.name]));
    expect((await offered.allInnerTexts()).filter((o) => o.startsWith('人才住房申请'))).toEqual([]);
    await page.keyboard.press('Escape');
    await takeAtCounter(TALENT_RENEWAL, TALENT);
    await takeAtCounter(TALENT_EXIT, TALENT);

    // 补正材料: a seeded application returned with its one-time notice; the applicant brings what it
    // listed, the counter takes it (its act on the open case), the case is accepted and its new
    // receipt reprints from the dossier.
    const returned = demoCase('shared_ownership', ['returned']);
    await page.getByTestId('nav-returned').click();
    const returnedRow = page.locator('[data-testid="review-table"] tr', { hasText: returned.name });
    await returnedRow.waitFor({ timeout: 30_000 });
    await returnedRow.click();
    await page.getByTestId('decide-correction').click();
    await demo.tickAll('correction-list');
    await page.getByTestId('correction-ok').click();
    await expect.poll(status).toBe('已受理');
    const receipt = await demo.printDecision('correction-receipt.pdf', 'reprint-receipt');
    expect(receipt).toContain('受理回执');
    expect(receipt).toContain('共有产权住房');
    expect(receipt).toContain(returned.name);
    expect(receipt).not.toContain(returned.idNumber);
    await closeDrawer();

    // 街道初审 (街道审核 for a contract change, which the street decides alone); a change of contact
    // details was done on the spot and waits for nobody: it is among the street's decided cases.
    await signInAs('reviewer1');
    for (const item of [MEMBERS, REDUCTION, SWAP]) {
      await decide({ name: TENANT.name, item: item.name, tab: 'queue', kind: 'preliminary_approve', note: `${item.name}材料核实无误` });
      await expect.poll(status).toBe('初审通过');
      await closeDrawer();
    }
    for (const [item, who] of [[ANNUAL, RECIPIENT], [TALENT_RENEWAL, TALENT], [TALENT_EXIT, TALENT]] as const) {
      await decide({ name: who.name, item: item.search, tab: 'queue', kind: 'preliminary_approve', note: `${item.name}材料核实无误` });
      await expect.poll(status).toBe('初审通过');
      await closeDrawer();
    }
    await decide({ name: TENANT.name, item: CONTRACT.name, tab: 'queue', kind: 'preliminary_approve', note: '同意变更合同约定' });
    await expect.poll(status).toBe('已办结');
    await expect.poll(stage, { timeout: 10_000 }).toContain('已核准');
    expect(await buttons()).toEqual([]);
    await expectDocument('contract.pdf', '变更确认书', CONTRACT.name, TENANT);
    await closeDrawer();
    await page.getByTestId('tab-decided').click();
    await page.locator('[data-testid="review-table"] tr', { hasText: TENANT.name }).filter({ hasText: CONTACT.name }).click();
    await expect.poll(status).toBe('已办结');
    expect(await buttons()).toEqual([]);
    await expectDocument('contact.pdf', '变更确认书', CONTACT.name, TENANT);
    await closeDrawer();

    // 区级复审: a change of members is 已核准 with its 变更确认书; a rent reduction with its 审核结果通知书;
    // a swap goes on to wait for a unit.
    await signInAs('dreviewer1');
    await decide({ name: TENANT.name, item: MEMBERS.name, tab: 'queue', kind: 'review_approve', note: '同意变更家庭成员' });
    await expect.poll(status).toBe('复审通过');
    await expect.poll(stage, { timeout: 10_000 }).toContain('已核准');
    expect(await buttons()).toEqual([]);
    await expectDocument('members.pdf', '变更确认书', MEMBERS.name, TENANT);
    await closeDrawer();
    await decide({ name: TENANT.name, item: REDUCTION.name, tab: 'queue', kind: 'review_approve', note: '同意减免租金' });
    await expect.poll(status).toBe('复审通过');
    await expect.poll(stage, { timeout: 10_000 }).toContain('已核准');
    await expectDocument('reduction.pdf', '审核结果通知书', REDUCTION.name, TENANT);
    await closeDrawer();
    await decide({ name: TENANT.name, item: SWAP.name, tab: 'queue', kind: 'review_approve', note: '同意调换' });
    await expect.poll(status).toBe('轮候中');
    await expect.poll(stage, { timeout: 10_000 }).toContain('等待调换房源');
    const swap = await demo.printDecision('swap.pdf');
    expect(swap).toContain(SWAP.name);
    expect(swap).toContain('等待调换房源');
    await closeDrawer();

    // The subsidy's 年审 is 已核准 with its 审核结果通知书; the talent-housing renewal with its 变更确认书;
    // the talent-housing exit waits for the unit handed back, then prints its 退出确认书.
    await decide({ name: RECIPIENT.name, item: ANNUAL.search, tab: 'queue', kind: 'review_approve', note: '年审通过,继续发放' });
    await expect.poll(status).toBe('复审通过');
    await expect.poll(stage, { timeout: 10_000 }).toContain('已核准');
    expect(await buttons()).toEqual([]);
    await expectDocument('annual.pdf', '审核结果通知书', ANNUAL.name, RECIPIENT);
    await closeDrawer();
    await decide({ name: TALENT.name, item: TALENT_RENEWAL.search, tab: 'queue', kind: 'review_approve', note: '同意续租' });
    await expect.poll(status).toBe('复审通过');
    await expect.poll(stage, { timeout: 10_000 }).toContain('已核准');
    await expectDocument('talent-renewal.pdf', '变更确认书', TALENT_RENEWAL.name, TALENT);
    await closeDrawer();
    await decide({ name: TALENT.name, item: TALENT_EXIT.search, tab: 'queue', kind: 'review_approve', note: '同意退出' });
    await expect.poll(stage, { timeout: 10_000 }).toContain('退房交接');
    await expect.poll(buttons).toEqual(['确认退房交接']);
    await closeDrawer();
    await decide({ name: TALENT.name, item: TALENT_EXIT.search, tab: 'handover', kind: 'exit', note: '钥匙已交回,房屋验收完好' });
    await expect.poll(status).toBe('已退出');
    await expectDocument('talent-exit.pdf', '退出确认书', TALENT_EXIT.name, TALENT);
    await closeDrawer();

    // 放弃轮候: a seeded applicant on the waiting list leaves it (an act on the open application).
    const waiting = demoCase('public_rental', ['waiting']);
    await decide({ name: waiting.name, tab: 'decided', kind: 'exit', note: '申请人书面声明放弃轮候' });
    await expect.poll(status).toBe('已退出');
    await expectDocument('withdraw.pdf', '退出确认书', '公共租赁住房申请(放弃轮候)', waiting);
    await closeDrawer();

    // 公示异议: dreviewer1 publishes a seeded review-approved case, and an objection sends it back to 复审.
    const approved = demoCase('public_rental', ['review_approved']);
    await page.getByTestId('nav-publicity').click();
    await page.getByTestId('publicity-tab-awaiting').click();
    const awaiting = page.locator('[data-testid="publicity-awaiting-table"] tr', { hasText: approved.name });
    await awaiting.waitFor({ timeout: 30_000 });
    await awaiting.locator('input[type="checkbox"]').check();
    await page.getByTestId('publicity-publish').click();
    await page.getByTestId('publicity-password').fill('demo1234');
    await page.getByTestId('publicity-sign').click();
    await page.getByTestId('publicity-password').waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByTestId('publicity-tab-open').click();
    const row = page.locator('[data-testid="publicity-table"] tr', { hasText: approved.name });
    await row.getByTestId('publicity-object').click();
    await page.getByTestId('objection-reason').fill('群众来电反映申请人名下有商铺');
    await page.getByTestId('publicity-password').fill('demo1234');
    await page.getByTestId('publicity-sign').click();
    await page.getByTestId('publicity-password').waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    await page.getByTestId('nav-review').click();
    await page.getByTestId('tab-queue').click();
    await page.locator('[data-testid="review-table"] tr', { hasText: approved.name }).click({ timeout: 30_000 });
    // The objector's receipt (异议受理回执) states what was objected and that the case is back at 复审.
    const objection = await demo.printDecision('objection.pdf');
    for (const s of ['异议受理回执', '群众来电反映申请人名下有商铺', '区级复审']) expect(objection).toContain(s);
    expect(objection).not.toContain(approved.idNumber);
    await closeDrawer();

    // 轮候: the seeded cases whose publicity period has ended go on to the waiting list in one signed step.
    const ended = publicityEnded();
    expect(ended.length).toBeGreaterThan(0);
    await page.getByTestId('nav-publicity').click();
    await page.getByTestId('publicity-tab-open').click();
    await expect.poll(() => page.getByTestId('publicity-waitlist').innerText(), { timeout: 30_000 }).toContain(`${ended.length} 件`);
    await page.getByTestId('publicity-waitlist').click();
    await page.getByTestId('publicity-password').fill('demo1234');
    await page.getByTestId('publicity-sign').click();
    await page.getByTestId('publicity-password').waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByTestId('publicity-waitlist').waitFor({ state: 'detached', timeout: 30_000 });

    /** Signs the open 配租配售 / 签约 form; a refusal fails with the message the user sees. */
    const signTenancyAct = async () => {
      await page.getByTestId('tenancy-sign').click();
      const refused = page.locator('.ant-message-error');
      const outcome = await Promise.race([
        page.getByTestId('tenancy-form').waitFor({ state: 'detached', timeout: 30_000 }).then(() => null),
        refused.first().waitFor({ timeout: 30_000 }).then(() => refused.first().innerText()),
      ]);
      if (outcome !== null) throw new Error(`refused: ${outcome}`);
    };

    // 配租配售 from the 轮候 queue: the swap is offered a vacant public rental unit of the district (its
    // 配租配售通知书 names it and its rent); a subsidy applicant is granted the amount for the household.
    const allocate = async (name: string, item: string | undefined, unit: boolean) => {
      await page.getByTestId('nav-review').click();
      await page.getByTestId('tab-waiting').click();
      const rows = page.locator('[data-testid="review-table"] tr', { hasText: name });
      await (item ? rows.filter({ hasText: item }) : rows).click();
      await page.getByTestId('decide-allocate').click();
      if (unit) await page.getByTestId('tenancy-unit').first().click();
      else await page.getByTestId('tenancy-subsidy').waitFor();
      await page.getByTestId('tenancy-password').fill('demo1234');
      await signTenancyAct();
      await expect.poll(status).toBe('已配租配售');
    };
    await allocate(TENANT.name, SWAP.name, true);
    await expect.poll(stage, { timeout: 10_000 }).toContain('已配房');
    const offer = await demo.printDecision('swap-offer.pdf');
    expect(offer).toContain('配租配售通知书');
    expect(offer).toMatch(/房源:\S+安居苑|房源:\S+小区|房源:\S+公寓/);
    expect(offer).toContain('月租金');
    await closeDrawer();
    const subsidy = demoCase('rental_subsidy', ['waiting']);
    await allocate(subsidy.name, undefined, false);
    expect(await demo.printDecision('subsidy-offer.pdf')).toMatch(/核定租赁补贴每月[\d,]+元/);
    await closeDrawer();

    // 签约 at the counter (待签约): the swap's new contract, then the seeded applicant offered a unit.
    await signInAs('clerk1');
    await page.getByTestId('nav-contracts').click();
    const sign = async (name: string, item?: string) => {
      const rows = page.locator('[data-testid="review-table"] tr', { hasText: name });
      await (item ? rows.filter({ hasText: item }) : rows).click({ timeout: 45_000 });
      await page.getByTestId('decide-contract').click();
      await page.getByTestId('tenancy-offered').waitFor();
      await signTenancyAct();
      await expect.poll(status).toBe('已签约');
    };
    await sign(TENANT.name, SWAP.name);
    await expect.poll(stage, { timeout: 10_000 }).toContain('已换签合同');
    const signed = await demo.printDecision('swap-contract.pdf');
    expect(signed).toContain('签约确认书');
    expect(signed).toMatch(/合同期限:\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}/);
    await closeDrawer();
    const offeredUnit = demoCase('affordable_rental', ['allocated']);
    await sign(offeredUnit.name);
    await expectDocument('affordable-contract.pdf', '签约确认书', '保障性租赁住房申请', offeredUnit);
    await closeDrawer();
  }, 600_000);
});
