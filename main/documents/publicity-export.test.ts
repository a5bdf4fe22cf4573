// The publicity list as a reader sees it: the PDF's text as pdftotext (Poppler) extracts it, the
// workbook's cells as exceljs reads them back. The full ID number appears in neither.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArgs } from '../../domain/ipc/schemas';
import type { PublicityListData } from '../../domain/ipc/publicity';
import { publicityId } from '../../domain/workflow/publicity';
import { dispatch } from '../dispatch';
import { publicityHandlers } from './publicity-handlers';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 5 }))));

const FULL_IDS = ['440304198506150023', '44030419900307002X', '440305197812240011'];
const data: PublicityListData = {
  officeName: '福田区住房和建设局',
  startsOn: '2026-03-02',
  endsOn: '2026-03-08',
  rows: [
    { applicantName: '王五', idMasked: publicityId(FULL_IDS[0]!), businessItem: 'public_rental', street: '华富街道', householdSize: 3 },
    { applicantName: '李晓红', idMasked: publicityId(FULL_IDS[1]!), businessItem: 'shared_ownership', street: '香蜜湖街道', householdSize: 4 },
    { applicantName: '陈七', idMasked: publicityId(FULL_IDS[2]!), businessItem: 'rental_subsidy', street: '华富街道', householdSize: null },
  ],
};

async function saved(base64: string, name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-publicity-'));
  dirs.push(dir);
  const file = path.join(dir, name);
  await writeFile(file, Buffer.from(base64, 'base64'));
  return file;
}

const pdfText = async (base64: string) => execFileSync('pdftotext', ['-layout', await saved(base64, 'p.pdf'), '-'], { encoding: 'utf8' });

async function sheetCells(base64: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await saved(base64, 'p.xlsx'));
  const sheet = book.getWorksheet('公示名单')!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

describe('publicity list as PDF', () => {
  it('has the title, the period, where to object, and each household with its masked ID', async () => {
    const pdf = await publicityHandlers()['documents/publicity-pdf'](data);
    expect(pdf.fileName).toBe('公示名单-2026-03-02至2026-03-08.pdf');
    expect(pdf.mimeType).toBe('application/pdf');
    const text = await pdfText(pdf.base64);
    expect(text).toContain('住房保障申请审核结果公示');
    expect(text).toContain('公示期:2026-03-02至2026-03-08(共7天)');
    expect(text).toContain('请向福田区住房和建设局实名反映');
    expect(text).toMatch(/王五\s+440304\*{8}0023\s+公共租赁住房\s+华富街道\s+3/);
    expect(text).toMatch(/李晓红\s+440304\*{8}002X\s+共有产权住房\s+香蜜湖街道\s+4/);
    expect(text).toContain('3户');
    for (const id of FULL_IDS) expect(text).not.toContain(id);
  });

  it('runs over several pages for a long list, every row there once', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ ...data.rows[0]!, applicantName: `申请人${String(i + 1).padStart(3, '0')}` }));
    const file = await saved((await publicityHandlers()['documents/publicity-pdf']({ ...data, rows })).base64, 'long.pdf');
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])).toBeGreaterThan(1);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const r of rows) expect(text.split(r.applicantName).length - 1).toBe(1);
  });
});

describe('publicity list as Excel', () => {
  it('reads back as the title, the period, the header and one text row per household', async () => {
    const xlsx = await publicityHandlers()['documents/publicity-xlsx'](data);
    expect(xlsx.fileName).toBe('公示名单-2026-03-02至2026-03-08.xlsx');
    const cells = await sheetCells(xlsx.base64);
    expect(cells[0]![0]).toBe('住房保障申请审核结果公示');
    expect(cells[1]![0]).toContain('公示期:2026-03-02至2026-03-08');
    expect(cells.slice(2)).toEqual([
      ['序号', '申请人', '身份证号码', '申请事项', '所属街道', '家庭人数'],
      ['1', '王五', '440304********0023', '公共租赁住房', '华富街道', '3'],
      ['2', '李晓红', '440304********002X', '共有产权住房', '香蜜湖街道', '4'],
      ['3', '陈七', '440305********0011', '租赁补贴', '华富街道', '—'],
    ]);
    const all = cells.flat().join('|');
    for (const id of FULL_IDS) expect(all).not.toContain(id);
  });
});

describe('a list with a full ID number', () => {
  const leaky = { ...data, rows: [{ ...data.rows[0]!, idMasked: FULL_IDS[0]! }] };

  it('is refused by the argument check before any file is made, with a reason', async () => {
    const check = checkArgs('documents/publicity-xlsx', leaky);
    expect(check).toMatchObject({ ok: false });
    expect(!check.ok && check.message).toContain('身份证号码须脱敏显示');
    const reply = await dispatch(publicityHandlers() as never, 'documents/publicity-pdf', leaky);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
  });

  it('is refused by the handler itself too', async () => {
    await expect(publicityHandlers()['documents/publicity-pdf'](leaky)).rejects.toMatchObject({ code: 'UNMASKED_ID', message: '公示名单中王五的身份证号码未脱敏,不能导出' });
    await expect(publicityHandlers()['documents/publicity-xlsx']({ ...data, endsOn: '2026-03-01' })).rejects.toMatchObject({ code: 'BAD_PERIOD' });
  });
});
