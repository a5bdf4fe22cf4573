// Every catalogue item prints its decision: the notice is built from the item's definition and the
// case's events (domain/workflow/decision-notice.ts) and rendered as PDF; what a reader extracts
// (pdftotext) names the item, the decision, the opinion, the stages and the materials.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArgs } from '../../domain/ipc/schemas';
import type { Role } from '../../domain/model/events';
import { decide, deriveCase, type CaseEvent, type EventKind } from '../../domain/workflow';
import { decisionNotice } from '../../domain/workflow/decision-notice';
import { decisionDocumentHandlers } from './decision-handlers';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 5 }))));

async function textOf(pdfBase64: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-pdf-'));
  dirs.push(dir);
  const file = path.join(dir, 'd.pdf');
  await writeFile(file, Buffer.from(pdfBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const ROLE: Partial<Record<EventKind, Role>> = { submit: 'clerk', accept: 'clerk', preliminary_approve: 'reviewer', preliminary_reject: 'reviewer', review_approve: 'district_reviewer', exit: 'district_reviewer' };
const PAYLOAD: Partial<Record<EventKind, unknown>> = {
  accept: { receiptNo: 'SZ20260302-0A1B2C3D' },
  preliminary_approve: { opinion: '收入、资产复核符合续租条件' },
  preliminary_reject: { reason: '家庭人均可支配收入超过上限' },
  review_approve: { opinion: '同意' },
  exit: { reason: 'voluntary', note: '房屋已交接,钥匙已收回' },
};

function caseOf(item: string, programme: 'public_rental', kinds: readonly EventKind[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  kinds.forEach((kind, n) => {
    const role = ROLE[kind]!;
    const payload = kind === 'submit' ? { businessItem: programme, item, catalogueVersion: '2026.1' } : PAYLOAD[kind];
    const at = new Date(Date.parse('2026-03-02T02:00:00.000Z') + n * 86_400_000).toISOString();
    const r = decide(deriveCase(events), { id: `event:${n}abc${n}`, caseId: 'case:1', kind, actor: { name: `${role}-陈`, roles: [role], officeId: 'futian-huafu' }, at, payload: payload as never });
    if (!r.ok) throw new Error(r.error.message);
    events.push(r.value as CaseEvent);
  });
  return events;
}

const ctx = { applicantName: '林晓红', idMasked: '440304********0023', officeName: '福田区华富街道办事处', districtId: 'district:440304', now: new Date('2026-03-10T02:00:00.000Z') };

describe('decision notice of a catalogue item', () => {
  it('a renewal approved by the district: 变更确认书 naming the item, opinion, stages and materials', async () => {
    const events = caseOf('public_rental.renewal', 'public_rental', ['submit', 'accept', 'preliminary_approve', 'review_approve']);
    const data = decisionNotice(deriveCase(events), events, ctx);
    expect(checkArgs('documents/decision', data)).toMatchObject({ ok: true });
    const pdf = await decisionDocumentHandlers()['documents/decision'](data);
    expect(pdf.fileName).toMatch(/^变更确认书-JD20260305-/);
    const text = await textOf(pdf.pdfBase64);
    for (const s of ['变更确认书', '公共租赁住房续租', '2026.1', '准予办理(已核准)', '同意', '街道初审', '区级复审', '租赁合同', '不动产登记查询结果', 'SZ20260302-0A1B2C3D', '440304********0023']) expect(text).toContain(s);
  });

  it('an exit handed back: 退出确认书 with the handover note', async () => {
    const events = caseOf('public_rental.exit', 'public_rental', ['submit', 'accept', 'preliminary_approve', 'review_approve', 'exit']);
    const data = decisionNotice(deriveCase(events), events, ctx);
    const text = await textOf((await decisionDocumentHandlers()['documents/decision'](data)).pdfBase64);
    for (const s of ['退出确认书', '退租(退出公共租赁住房)', '准予办理(已退出)', '房屋已交接,钥匙已收回', '房屋交接确认单', '本事项已办结']) expect(text).toContain(s);
  });

  it('leaving the waiting list (放弃轮候, an act on the open application): 退出确认书 naming the act', async () => {
    const kinds: EventKind[] = ['submit', 'accept', 'preliminary_approve', 'review_approve', 'publicity', 'waitlist', 'exit'];
    const extra: Partial<Record<EventKind, unknown>> = { publicity: { startsOn: '2026-03-06', endsOn: '2026-03-12' }, waitlist: { queueNo: 7 } };
    const events: CaseEvent[] = [];
    kinds.forEach((kind, n) => {
      const role = ROLE[kind] ?? 'district_reviewer';
      const payload = kind === 'submit' ? { businessItem: 'public_rental', catalogueVersion: '2026.1' } : (extra[kind] ?? PAYLOAD[kind]);
      const at = new Date(Date.parse('2026-03-02T02:00:00.000Z') + (kind === 'waitlist' ? n + 8 : kind === 'exit' ? n + 9 : n) * 86_400_000).toISOString();
      const r = decide(deriveCase(events), { id: `event:${n}abc${n}`, caseId: 'case:1', kind, actor: { name: `${role}-陈`, roles: [role], officeId: 'futian-huafu' }, at, payload: payload as never });
      if (!r.ok) throw new Error(r.error.message);
      events.push(r.value as CaseEvent);
    });
    const data = decisionNotice(deriveCase(events), events, ctx);
    expect(data).toMatchObject({ title: '退出确认书', itemName: '公共租赁住房申请(放弃轮候)', outcome: '放弃轮候(已撤回)' });
    const text = await textOf((await decisionDocumentHandlers()['documents/decision'](data)).pdfBase64);
    for (const s of ['退出确认书', '放弃轮候', '轮候']) expect(text).toContain(s);
  });

  it('an objection during publicity (公示异议, an act on the open application): 异议受理回执 with what was objected, back to 复审', async () => {
    const kinds: EventKind[] = ['submit', 'accept', 'preliminary_approve', 'review_approve', 'publicity', 'objection'];
    const extra: Partial<Record<EventKind, unknown>> = { publicity: { startsOn: '2026-03-06', endsOn: '2026-03-12' }, objection: { reason: '群众来电反映申请人名下有商铺' } };
    const events: CaseEvent[] = [];
    kinds.forEach((kind, n) => {
      const role = ROLE[kind] ?? 'district_reviewer';
      const payload = kind === 'submit' ? { businessItem: 'public_rental', catalogueVersion: '2026.1' } : (extra[kind] ?? PAYLOAD[kind]);
      const at = new Date(Date.parse('2026-03-02T02:00:00.000Z') + n * 86_400_000).toISOString();
      const r = decide(deriveCase(events), { id: `event:${n}abc${n}`, caseId: 'case:1', kind, actor: { name: `${role}-陈`, roles: [role], officeId: 'futian-huafu' }, at, payload: payload as never });
      if (!r.ok) throw new Error(r.error.message);
      events.push(r.value as CaseEvent);
    });
    const data = decisionNotice(deriveCase(events), events, ctx);
    expect(data).toMatchObject({ title: '异议受理回执', itemName: '公共租赁住房申请(公示异议)', outcome: '已受理公示异议(转区级复审)', opinion: '群众来电反映申请人名下有商铺' });
    const text = await textOf((await decisionDocumentHandlers()['documents/decision'](data)).pdfBase64);
    for (const s of ['异议受理回执', '群众来电反映申请人名下有商铺', '区级复审']) expect(text).toContain(s);
  });

  it('a refusal: 审核结果通知书 saying 不予通过 with the reason', () => {
    const events = caseOf('public_rental.rent_reduction', 'public_rental', ['submit', 'accept', 'preliminary_reject']);
    expect(decisionNotice(deriveCase(events), events, ctx)).toMatchObject({ title: '审核结果通知书', outcome: '不予通过', opinion: '家庭人均可支配收入超过上限', itemName: '租金减免' });
  });

  it('refuses a case not yet decided, and a full ID number, in Chinese', () => {
    const events = caseOf('public_rental.renewal', 'public_rental', ['submit', 'accept']);
    expect(() => decisionNotice(deriveCase(events), events, ctx)).toThrow('该办件尚未作出决定,不能出具决定书');
    const done = caseOf('public_rental.renewal', 'public_rental', ['submit', 'accept', 'preliminary_approve', 'review_approve']);
    const check = checkArgs('documents/decision', { ...decisionNotice(deriveCase(done), done, ctx), idMasked: '440304198803150023' });
    expect(check.ok ? '' : check.message).toContain('脱敏');
  });
});
