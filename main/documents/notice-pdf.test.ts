// The 补正告知书 as the applicant reads it (text extracted by pdftotext, Poppler): every correction of
// the return, numbered, with the reviewer's words; bad input is refused with a reason.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CorrectionNoticeData } from '../../domain/ipc/documents';
import { dispatch, type HandlerImpls } from '../dispatch';
import { documentHandlers } from '../handlers/documents';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 5 }))));

const notice: CorrectionNoticeData = {
  noticeNo: 'BZ20261128-3F9A0C21',
  officeName: '福田区华富街道办事处',
  date: '2026-11-28',
  applicantName: '赵六',
  idMasked: '440304********0023',
  businessItemLabel: '公共租赁住房',
  receiptNo: 'SZ20261120-3F9A0C21',
  returnedBy: '李审核',
  returnedOn: '2026-11-27',
  corrections: [
    { name: '身份证明材料不全或不清晰' },
    { name: '户口簿或婚姻状况证明缺失' },
    { name: '收入证明需补充或更正', reason: '请补交近6个月银行流水' },
  ],
  deadline: '2026-12-08',
  clerkName: '张敏',
};

async function pdfText(pdfBase64: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-notice-'));
  dirs.push(dir);
  const file = path.join(dir, 'n.pdf');
  await writeFile(file, Buffer.from(pdfBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const call = (args: unknown) => dispatch(documentHandlers() as unknown as HandlerImpls, 'documents/correction-notice', args, () => {});

describe('补正告知书 PDF', () => {
  it('lists every correction at once, numbered, with the reviewer’s words, the applicant (masked ID), deadline and numbers', async () => {
    const result = await call(notice);
    if (!result.ok) throw new Error(result.error.message);
    const pdf = result.value as { fileName: string; pdfBase64: string };
    expect(pdf.fileName).toBe('补正告知书-BZ20261128-3F9A0C21.pdf');
    const text = await pdfText(pdf.pdfBase64);
    expect(text).toContain('住房保障业务补正告知书');
    expect(text).toMatch(/告知书编号:\s*BZ20261128-3F9A0C21/);
    expect(text).toMatch(/受理回执编号:\s*SZ20261120-3F9A0C21/);
    expect(text).toMatch(/申请人:\s*赵六\s+身份证号码:\s*440304\*{8}0023/);
    expect(text).toContain('全部 3 项');
    expect(text).toMatch(/1\.\s*身份证明材料不全或不清晰/);
    expect(text).toMatch(/2\.\s*户口簿或婚姻状况证明缺失/);
    expect(text).toMatch(/3\.\s*收入证明需补充或更正:请补交近6个月银行流水/);
    expect(text).toContain('2026-12-08');
    expect(text).toContain('李审核');
  });

  it('refuses a notice with nothing to correct, or with no applicant, saying why', async () => {
    const empty = await call({ ...notice, corrections: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', message: expect.stringContaining('须列明至少一项补正内容') } });
    const anonymous = await call({ ...notice, applicantName: '  ' });
    expect(anonymous).toMatchObject({ ok: false, error: { message: expect.stringContaining('须写明申请人') } });
    const bad = await call({ ...notice, noticeNo: '<b>' });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('告知书编号不正确') } });
  });
});
