// The 入户核查记录 and 整改通知书 as the occupant and the office read them (text by pdftotext, images
// by pdfimages, Poppler): built from a visit the domain recorded, through the same dispatch as every
// document; bad input is refused with a Chinese reason before any file is made.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { assignTasks, completeVisit, inspectionPrint, type PrintContext, type VisitDraft } from '../../domain/inspection';
import type { LeaseDoc } from '../../domain/model/field';
import { dispatch, type HandlerImpls } from '../dispatch';
import { inspectionDocumentHandlers } from './inspection-handlers';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 5 }))));

const at = '2026-01-06T02:30:00.000Z';
const lease: LeaseDoc = {
  id: 'lease:0001', type: 'lease', schemaVersion: 1, officeId: 'futian-huafu', createdAt: at, updatedAt: at, unitId: 'unit:1', caseId: 'case:1', householdId: 'household:1',
  streetId: 'street:440304-06', projectName: '华富安居苑', startDate: '2024-01-01', endDate: '2028-12-31', monthlyRent: 1200, arrearsMonths: 0, priorViolations: 0,
  complaints: 0, declaredIncomePerCapita: 40_000, state: 'active',
};
const inspector = { userId: 'inspector1', name: '王芳', roles: ['inspector' as const], officeId: 'futian-huafu' };
const [task] = assignTasks([{ lease, reason: 'sample', riskFlags: [] }], { planId: 'inspection_plan:p1', officeId: 'futian-huafu', inspectors: ['inspector1'], startsOn: '2026-01-05', endsOn: '2026-01-09', at });

function picture(kind: 'png' | 'jpeg', w: number, h: number): string {
  const c = createCanvas(w, h);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, w, h);
  g.strokeStyle = '#000';
  g.beginPath();
  g.moveTo(5, h - 5);
  g.lineTo(w - 5, 5);
  g.stroke();
  return kind === 'png' ? c.toDataURL('image/png') : c.toDataURL('image/jpeg', 0.7);
}

const draft = (extra: Partial<VisitDraft> = {}): VisitDraft => ({
  task: task!, lease, inspector, at, notHome: false, occupant: { result: 'other', personId: null, name: '李四' }, faceScore: 0.71, fingerprintMatched: false,
  occupancy: 'sublet_or_lent', arrearsMonths: 2, conditions: [{ code: 'exposed_wiring', note: '厨房插座外露' }, { code: 'mould', note: '' }],
  photoIds: ['photo-1', 'photo-2'], photos: [picture('jpeg', 320, 240), picture('jpeg', 320, 240)], signature: picture('png', 300, 100), signatureRefused: false, note: '', ...extra,
});
const about: PrintContext = { officeName: '福田区华富街道办事处', inspectorName: '王芳', address: '华富安居苑 3栋 1204', tenantName: '张三', occupantName: '李四' };

async function printed(args: unknown): Promise<{ text: string; images: number; fileName: string }> {
  const reply = await dispatch(inspectionDocumentHandlers() as unknown as HandlerImpls, 'documents/inspection', args, () => {});
  if (!reply.ok) throw new Error(reply.error.message);
  const pdf = reply.value as { fileName: string; pdfBase64: string };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-insp-pdf-'));
  dirs.push(dir);
  const file = path.join(dir, 'd.pdf');
  await writeFile(file, Buffer.from(pdf.pdfBase64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  // Images with an alpha channel list a soft mask too: count the pictures only.
  return { text, images: list.filter((l) => !/\bsmask\b/.test(l)).length, fileName: pdf.fileName };
}

describe('入户核查记录 and 整改通知书 PDF', () => {
  it('the record prints the unit, who was at the door and each check, the findings with severities and deadlines, the photos and the signature', async () => {
    const visit = completeVisit(draft());
    const r = await printed(inspectionPrint(visit, 'record', about));
    expect(r.fileName).toMatch(/^入户核查记录-HC20260106-[0-9A-F]{8}\.pdf$/);
    expect(r.text).toContain('公共住房入户核查记录');
    expect(r.text).toMatch(/房屋地址:\s*华富安居苑 3栋 1204/);
    expect(r.text).toMatch(/核查时间:\s*2026-01-06 10:30/);
    expect(r.text).toMatch(/在场人员:\s*非承租家庭人员 李四/);
    expect(r.text).toContain('与登记照片不一致(距离 0.71)');
    expect(r.text).toContain('与登记模板不一致');
    expect(r.text).toMatch(/居住情况:\s*转租或出借/);
    expect(r.text).toContain('实际居住人非承租人');
    expect(r.text).toContain('转租');
    expect(r.text).toMatch(/电线裸露或插座带电外露〔危及生命〕\s*整改期限:2026-01-07/);
    expect(r.text).toMatch(/墙面霉变〔中等〕\s*整改期限:2026-02-05/);
    expect(r.text).toMatch(/复查日期:\s*2026-01-07/);
    expect(r.text).not.toContain('拒绝签名');
    // QR code, two photos, the signature.
    expect(r.images).toBe(4);
  });

  it('the notice lists what to correct by when, and the violations referred for review; a refusal to sign is printed as such', async () => {
    const visit = completeVisit(draft({ signature: null, signatureRefused: true }));
    const n = await printed(inspectionPrint(visit, 'rectification', about));
    expect(n.fileName).toMatch(/^整改通知书-ZG20260106-/);
    expect(n.text).toContain('公共住房整改通知书');
    expect(n.text).toMatch(/电线裸露或插座带电外露〔危及生命〕\s*整改期限:2026-01-07/);
    expect(n.text).toContain('24小时内整改');
    expect(n.text).toContain('移交区住房主管部门复核');
    expect(n.text).toContain('实际居住人非承租人');
    expect(n.text).toContain('居住人拒绝签名');
    expect(n.images).toBe(1);
    // The same visit gives the same number on a reprint.
    expect(inspectionPrint(visit, 'rectification', about).documentNo).toBe(inspectionPrint(visit, 'rectification', about).documentNo);
  });

  it('nobody at home: the record shows the attempt only', async () => {
    const visit = completeVisit(draft({ notHome: true, occupant: { result: 'not_read', personId: null, name: null }, signature: null }));
    const r = await printed(inspectionPrint(visit, 'record', about));
    expect(r.text).toContain('无人在家,未能入户核查');
    expect(r.text).toContain('未发现问题');
  });

  it('refuses a notice with nothing to correct, a forged image or a bad number, saying why, and survives a damaged picture', async () => {
    const clean = completeVisit(draft({ occupant: { result: 'tenant', personId: 'p', name: '张三' }, occupancy: 'tenant_present', conditions: [], arrearsMonths: 0 }));
    const call = (args: unknown) => dispatch(inspectionDocumentHandlers() as unknown as HandlerImpls, 'documents/inspection', args, () => {});
    expect(await call(inspectionPrint(clean, 'rectification', about))).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', message: expect.stringContaining('至少一项核查发现') } });
    const good = inspectionPrint(completeVisit(draft()), 'record', about);
    expect(await call({ ...good, signature: 'data:text/html;base64,PHNjcmlwdD4=' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('PNG') } });
    expect(await call({ ...good, documentNo: '../x' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('编号不正确') } });
    // Base64 that is not a picture: the document is still made, and says the image could not be printed.
    const damaged = await printed({ ...good, photos: ['data:image/jpeg;base64,AAAAAAAA'] });
    expect(damaged.text).toContain('照片图像已损坏');
  });
});
