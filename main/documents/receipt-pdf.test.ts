import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReceiptData } from '../../domain/ipc/documents';
import { documentHandlers } from '../handlers/documents';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 5 }))));

const data: ReceiptData = {
  kind: 'receipt',
  receiptNo: 'SZ20261127-3F9A0C21',
  officeName: '福田区华富街道办事处',
  date: '2026-11-27',
  applicantName: '林晓红',
  idMasked: '440304********0023',
  businessItemLabel: '公共租赁住房',
  received: [{ label: '居民身份证(林晓红)', original: true }],
  missing: [{ label: '不动产登记查询结果(林晓红)', original: false }],
  nextSteps: ['街道初审', '区住建局复审'],
  deadline: '2026-12-25',
  clerkName: '张敏',
};

/** The PDF's text as a reader (pdftotext, Poppler) extracts it. */
async function textOf(pdfBase64: string): Promise<{ text: string; images: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-pdf-'));
  dirs.push(dir);
  const file = path.join(dir, 'r.pdf');
  await writeFile(file, Buffer.from(pdfBase64, 'base64'));
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), images: execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }) };
}

describe('receipt PDF', () => {
  it('carries the receipt number, office, masked ID, materials received and missing, next steps, deadline and a QR code', async () => {
    const pdf = await documentHandlers()['documents/render'](data);
    expect(pdf.fileName).toBe('受理回执-SZ20261127-3F9A0C21.pdf');
    const { text, images } = await textOf(pdf.pdfBase64);
    for (const expected of ['住房保障业务受理回执', 'SZ20261127-3F9A0C21', '福田区华富街道办事处', '440304********0023', '居民身份证(林晓红)', '不动产登记查询结果(林晓红)', '区住建局复审', '2026-12-25']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('440304198506150023');
    expect(images).toMatch(/^\s+1\s+\d+\s+image/m);
  });

  it('as a one-time notice lists everything missing, names the applicant, and is labelled as a notice, not a receipt', async () => {
    const pdf = await documentHandlers()['documents/render']({ ...data, kind: 'notice', receiptNo: 'TZ20261127-3F9A0C21' });
    const { text } = await textOf(pdf.pdfBase64);
    expect(text).toContain('一次性告知书');
    expect(text).toContain('需补齐的全部材料');
    expect(text).toMatch(/告知书编号:\s*TZ20261127-3F9A0C21/);
    expect(text).toMatch(/申请人:\s*林晓红\s+身份证号码:\s*440304\*{8}0023/);
    expect(text).toContain('未予受理');
    expect(text).not.toContain('回执编号');
  });

  it('refuses a malformed receipt number', async () => {
    await expect(documentHandlers()['documents/render']({ ...data, receiptNo: '<script>' })).rejects.toMatchObject({ code: 'BAD_RECEIPT' });
  });
});
