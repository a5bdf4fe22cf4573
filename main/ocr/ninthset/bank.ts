// 银行 pages: a 招商银行 交易流水 (one signed amount column, a 收入/支出 summary under it), a 深圳农村商业
// 银行 明细 with 收入金额 / 支出金额 columns and a 合计 row, and (passbook.ts) a 存折 page. Truth
// creditTotal = the printed 收入 total, closingBalance = the last balance (also printed as 期末余额).
import type { Rng } from '../../../domain/seed/prng';
import type { FaceId } from './fonts';
import { money, writeDate } from './forms';
import { cardNumber, ledger, masked } from './ledger';
import { seal } from './marks';
import { Paper, type TextOpts } from './paper';
import { drawPassbook } from './passbook';
import { makePerson } from './people';
import { employerOf } from './places';
import { type Made } from './sheet';

export function drawBank(rng: Rng, dpi: number): Made {
  const design = rng.int(0, 2);
  if (design === 0) return drawCmb(rng, dpi);
  if (design === 1) return drawRural(rng, dpi);
  return drawPassbook(rng, dpi);
}

const stamp = (rng: Rng) => `${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;

/** Columns: header, width (mm), alignment. */
type Col = readonly [string, number, 'left' | 'center' | 'right'];

function table(paper: Paper, x: number, y: number, cols: readonly Col[], rows: readonly (readonly string[])[], o: TextOpts, rowH: number, rule: string): number {
  const head: TextOpts = { ...o, weight: 700 };
  let left = x;
  const total = cols.reduce((s, c) => s + c[1], 0);
  paper.fill(x, y, total, rowH + 1, '#eef1f5');
  for (const [h, w] of cols) {
    paper.cell(left, left + w, y, y + rowH + 1, h, head);
    left += w;
  }
  paper.line(x, y, x + total, y, 0.3, rule);
  paper.line(x, y + rowH + 1, x + total, y + rowH + 1, 0.3, rule);
  let top = y + rowH + 1;
  for (const r of rows) {
    left = x;
    cols.forEach(([, w, align], i) => {
      paper.cell(left, left + w, top, top + rowH, r[i] ?? '', { ...o, align });
      left += w;
    });
    top += rowH;
    paper.line(x, top, x + total, top, 0.1, '#c8ccd2');
  }
  paper.line(x, top, x + total, top, 0.3, rule);
  return top;
}

function drawCmb(rng: Rng, dpi: number): Made {
  const p = makePerson(rng, { born: ['1965-01-01', '2002-12-31'], rare: rng.chance(0.25) });
  const l = ledger(rng, employerOf(rng), rng.int(16, 28));
  const card = cardNumber(rng, rng.pick(['622588', '622575', '410062', '621485']), 16);
  const shown = rng.chance(0.6) ? masked(card) : card;
  const paper = new Paper(210, 297, dpi, rng);
  const face: FaceId = rng.chance(0.5) ? 'sans' : 'mk';
  const o: TextOpts = { face, size: 2.9 };
  paper.put(105, 20, '招商银行交易流水', { face, size: 6, weight: 700, align: 'center', color: '#1d1d1d' });
  paper.put(105, 27, 'Transaction Statement of China Merchants Bank', { face: 'sans', size: 3, align: 'center', color: '#555' });
  const period = `${writeDate(l.start, 'iso')} -- ${writeDate(l.end, 'iso')}`;
  const info: [string, string, boolean][] = [
    ['户    名：', p.name, true],
    ['账    号：', shown, true],
    ['账户类型：', '一卡通', false],
    ['开 户 行：', `深圳${rng.pick(['福田', '南山', '宝安', '龙岗', '罗湖'])}支行`, false],
    ['申请时间：', `${writeDate(l.end, 'iso')} ${stamp(rng)}`, false],
    ['起止日期：', period, true],
  ];
  info.forEach(([k, v, f], i) => {
    const x = i % 2 === 0 ? 12 : 110;
    const y = 38 + Math.floor(i / 2) * 6.5;
    const w = paper.put(x, y, k, { ...o, size: 3.2 });
    paper.put(x + w + 1, y, v, { ...o, size: 3.2, field: f });
  });
  const cols: Col[] = [
    ['记账日期', 22, 'center'],
    ['货币', 14, 'center'],
    ['交易金额', 28, 'right'],
    ['联机余额', 28, 'right'],
    ['交易摘要', 26, 'center'],
    ['对手信息', 68, 'left'],
  ];
  const rows = l.rows.map((r) => [r.date, '人民币', money(r.amount), money(r.balance), r.memo, r.party]);
  const bottom = table(paper, 12, 60, cols, rows, o, 6.2, '#333');
  paper.put(12, bottom + 8, `收入合计：${l.credits}笔，${money(l.credit)}元        支出合计：${l.debits}笔，${money(l.debit)}元`, { ...o, size: 3.2, weight: 700 });
  paper.put(12, bottom + 15, `期末余额：${money(l.closing)}元`, { ...o, size: 3.2, weight: 700, field: true });
  paper.put(105, 287, '— 第 1 页 / 共 1 页 —', { ...o, size: 2.8, align: 'center', color: '#555' });
  seal(paper, rng, 170, bottom + 10, 17, '招商银行股份有限公司深圳分行', '业务专用章');
  return { paper, fields: { name: p.name, accountNumber: shown, periodStart: l.start, periodEnd: l.end, creditTotal: l.credit, closingBalance: l.closing }, layout: 'cmb-flow' };
}

function drawRural(rng: Rng, dpi: number): Made {
  const p = makePerson(rng, { born: ['1960-01-01', '2002-12-31'], rare: rng.chance(0.25) });
  const l = ledger(rng, employerOf(rng), rng.int(14, 24));
  const card = cardNumber(rng, rng.pick(['623193', '621626', '622439']), 19);
  const shown = rng.chance(0.4) ? masked(card) : card;
  const branch = `${rng.pick(['布吉', '横岗', '沙井', '观澜', '坪山', '公明', '西乡'])}支行`;
  const paper = new Paper(210, 297, dpi, rng);
  const face: FaceId = rng.chance(0.5) ? 'shs' : 'serif';
  const o: TextOpts = { face, size: 2.9 };
  paper.put(105, 22, '深圳农村商业银行', { face, size: 5.4, weight: 700, align: 'center' });
  paper.put(105, 31, '个人账户交易明细', { face, size: 4.6, weight: 600, align: 'center' });
  const lines = [
    `户名：${p.name}`,
    `卡号/账号：${shown}`,
    `查询期间：${writeDate(l.start, 'cn0')}至${writeDate(l.end, 'cn0')}`,
    `币种：人民币    打印网点：${branch}`,
  ];
  lines.forEach((t, i) => paper.put(i % 2 === 0 ? 14 : 108, 42 + Math.floor(i / 2) * 6.5, t, { ...o, size: 3.2, field: i < 3 }));
  const cols: Col[] = [
    ['序号', 10, 'center'],
    ['交易日期', 20, 'center'],
    ['摘要', 20, 'center'],
    ['收入金额', 24, 'right'],
    ['支出金额', 24, 'right'],
    ['余额', 26, 'right'],
    ['对方户名', 42, 'left'],
    ['渠道', 16, 'center'],
  ];
  const rows = l.rows.map((r, i) => [
    String(i + 1),
    writeDate(r.date, 'compact'),
    r.memo,
    r.amount > 0 ? money(r.amount) : '',
    r.amount < 0 ? money(-r.amount) : '',
    money(r.balance),
    r.party,
    rng.pick(['柜面', '手机银行', 'ATM', '批量', '网联']),
  ]);
  rows.push(['', '合计', `${l.credits + l.debits}笔`, money(l.credit), money(l.debit), '', '', '']);
  const bottom = table(paper, 12, 56, cols, rows, o, 6.4, '#222');
  const ending = paper.put(14, bottom + 8, `期末余额：${money(l.closing)}`, { ...o, size: 3.3, field: true });
  paper.put(14 + ending + 10, bottom + 8, `收入合计：${money(l.credit)}   支出合计：${money(l.debit)}`, { ...o, size: 3.3 });
  paper.put(14, bottom + 16, `打印日期：${writeDate(l.end, 'cn0')}    经办：${rng.int(1000, 9999)}`, { ...o, size: 3 });
  seal(paper, rng, 165, bottom + 18, 17, `深圳农村商业银行${branch}`, '业务专用章');
  return { paper, fields: { name: p.name, accountNumber: shown, periodStart: l.start, periodEnd: l.end, creditTotal: l.credit, closingBalance: l.closing }, layout: 'rural-flow' };
}
