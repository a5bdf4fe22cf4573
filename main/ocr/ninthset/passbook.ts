// A 活期储蓄存折 opened flat: preprinted green ruling and headings across the spread, the printer's
// lines in black (户名 and 账号 on the first line, then one movement a line, a 本页小计 line whose 存入
// total is the truth creditTotal; the last 余额 is closingBalance). No period is printed.
import type { Rng } from '../../../domain/seed/prng';
import { money, writeDate } from './forms';
import { cardNumber, ledger } from './ledger';
import { Paper, type TextOpts } from './paper';
import { makePerson } from './people';
import { employerOf } from './places';
import type { Made } from './sheet';

const SHORT: Record<string, string> = { 代发工资: '工资', 消费: '消费', 快捷支付: '快捷', 财付通: '财付通', 取现: 'ATM取', 转账: '转账', 代扣: '代扣', 还款: '还款', 结息: '结息', 退款: '退款' };

export function drawPassbook(rng: Rng, dpi: number): Made {
  const p = makePerson(rng, { born: ['1950-01-01', '2000-12-31'], rare: rng.chance(0.25) });
  const l = ledger(rng, employerOf(rng), rng.int(8, 13));
  const bank = rng.pick(['中国建设银行', '中国工商银行', '中国邮政储蓄银行', '深圳农村商业银行']);
  const account = cardNumber(rng, rng.pick(['622700', '621226', '621799', '623193']), 19);
  const paper = new Paper(184, 124, dpi, rng, rng.pick(['#f4f7f0', '#f6f4ea', '#eef4f2']));
  const green = '#2f6b4f';
  const pre: TextOpts = { face: 'serif', size: 2.7, color: green };
  paper.put(46, 9, `${bank}  活期储蓄存折`, { ...pre, size: 3.2, align: 'center' });
  paper.put(138, 9, '第 1 页', { ...pre, size: 3, align: 'center' });
  const cols: [string, number][] = [
    ['日期', 22],
    ['摘要', 18],
    ['支取（-）', 28],
    ['存入（+）', 28],
    ['余额', 30],
    ['网点号', 22],
    ['操作员', 20],
  ];
  const x0 = 8;
  const top = 13;
  const rowH = 6.6;
  const lines = 16;
  let x = x0;
  const xs: number[] = [];
  for (const [h, w] of cols) {
    xs.push(x);
    paper.cell(x, x + w, top, top + rowH, h, pre);
    x += w;
  }
  const right = x;
  for (let i = 0; i <= lines + 1; i++) paper.line(x0, top + i * rowH, right, top + i * rowH, i < 2 ? 0.3 : 0.12, green);
  for (const xx of [...xs, right]) paper.line(xx, top, xx, top + (lines + 1) * rowH, 0.12, green);
  // The fold of the booklet down the middle.
  const { ctx, k } = paper;
  const g = ctx.createLinearGradient(88 * k, 0, 96 * k, 0);
  g.addColorStop(0, 'rgba(0,0,0,0)');
  g.addColorStop(0.5, 'rgba(60,60,50,0.16)');
  g.addColorStop(1, 'rgba(0,0,0,0)');
  ctx.fillStyle = g;
  ctx.fillRect(88 * k, 0, 8 * k, paper.canvas.height);
  const dx = rng.normal(0, 0.8);
  const dy = rng.normal(0, 0.6);
  const ink: TextOpts = { face: rng.chance(0.6) ? 'sans' : 'mk', size: 2.9, weight: 500, color: '#1a1a1a' };
  const base = (row: number) => top + rowH * (row + 1) + rowH * 0.68 + dy;
  paper.put(x0 + 2 + dx, base(0), `户名：${p.name}`, { ...ink, field: true });
  paper.put(x0 + 62 + dx, base(0), `账号：${account}`, { ...ink, field: true });
  const station = String(rng.int(10_000, 99_999));
  const clerk = String(rng.int(1000, 9999));
  const dateStyle = rng.chance(0.5) ? 'compact' : 'iso';
  const entries = [{ date: l.start, memo: '开户', amount: l.opening, balance: l.opening }, ...l.rows.map((r) => ({ date: r.date, memo: SHORT[r.memo] ?? r.memo, amount: r.amount, balance: r.balance }))].slice(0, lines - 2);
  let credit = 0;
  let debit = 0;
  entries.forEach((e, i) => {
    const y = base(i + 1);
    const cellsText = [writeDate(e.date, dateStyle), e.memo, e.amount < 0 ? money(-e.amount, false) : '', e.amount > 0 ? money(e.amount, false) : '', money(e.balance, false), station, clerk];
    cellsText.forEach((t, c) => {
      if (t) paper.put(xs[c]! + (c >= 2 && c <= 4 ? cols[c]![1] - 2 : 1.5) + dx, y, t, { ...ink, align: c >= 2 && c <= 4 ? 'right' : 'left' });
    });
    if (e.amount > 0) credit += e.amount;
    else debit -= e.amount;
  });
  credit = Math.round(credit * 100) / 100;
  debit = Math.round(debit * 100) / 100;
  const last = entries[entries.length - 1]!;
  const y = base(entries.length + 1);
  paper.put(xs[1]! + 1.5 + dx, y, '本页小计', ink);
  paper.put(xs[2]! + cols[2]![1] - 2 + dx, y, money(debit, false), { ...ink, align: 'right' });
  paper.put(xs[3]! + cols[3]![1] - 2 + dx, y, money(credit, false), { ...ink, align: 'right', field: true });
  paper.put(xs[4]! + cols[4]![1] - 2 + dx, y, money(last.balance, false), { ...ink, align: 'right', field: true });
  return { paper, fields: { name: p.name, accountNumber: account, creditTotal: credit, closingBalance: last.balance }, layout: 'passbook' };
}
