// Bank pages: a 对账单 with the summary (opening and closing balance, credit and debit totals) in a
// box above the transactions; a 交易明细 with the totals in a 合计 row at the foot and the closing
// balance in a line after it; a landscape monospaced 流水 with the totals told in sentences. Account
// numbers are often partly masked (6222 02** **** 1234), printed in groups or whole.
import type { Rng } from '../../../domain/seed/prng';
import { addDays, dateBetween, type DateStyle, money, writeDate } from './forms';
import { A4, sheet } from './kit';
import type { DpiFor, Made, Paper, TextStyle } from './paper';
import { person } from './people';

const BANKS: readonly [string, string][] = [
  ['中国工商银行深圳分行', '622202'],
  ['中国建设银行深圳市分行', '621700'],
  ['中国农业银行深圳分行', '622848'],
  ['招商银行深圳分行', '621483'],
  ['平安银行深圳分行', '623058'],
  ['深圳农村商业银行', '622322'],
  ['中国银行深圳市分行', '621661'],
];
const CREDITS = ['工资', '代发工资', '转账存入', '利息', '退款', '奖金', '报销款'];
const DEBITS = ['消费', '转账支出', '信用卡还款', 'ATM取款', '快捷支付', '水电燃气', '房租'];

interface Txn {
  readonly date: string;
  readonly what: string;
  readonly credit: number;
  readonly debit: number;
  readonly balance: number;
}

interface Account {
  readonly name: string;
  readonly bank: string;
  readonly number: string;
  /** As printed (maybe grouped by four). */
  readonly shown: string;
  readonly start: string;
  readonly end: string;
  readonly opening: number;
  readonly txns: readonly Txn[];
  readonly credits: number;
  readonly debits: number;
  readonly closing: number;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

function account(rng: Rng): Account {
  const [bank, bin] = rng.pick(BANKS);
  const len = rng.pick([16, 19, 19]);
  let digits = bin;
  while (digits.length < len) digits += String(rng.int(0, 9));
  const masked = rng.chance(0.65);
  const keep = rng.pick([4, 6]);
  const number = masked ? digits.slice(0, keep) + '*'.repeat(len - keep - 4) + digits.slice(-4) : digits;
  const shown = rng.chance(0.45) ? (number.match(/.{1,4}/g) ?? []).join(' ') : number;
  const start = dateBetween(rng, '2024-01-01', '2026-05-01');
  const end = addDays(start, rng.pick([29, 60, 90, 181]) - 1);
  let balance = r2(rng.int(300, 90000) + rng.next());
  const opening = balance;
  const n = rng.int(7, 16);
  const dates = Array.from({ length: n }, () => dateBetween(rng, start, end)).sort();
  let credits = 0;
  let debits = 0;
  const txns = dates.map((date, i) => {
    const credit = i === 0 || rng.chance(0.4) ? r2(rng.int(200, 26000) + (rng.chance(0.6) ? rng.next() : 0)) : 0;
    const debit = credit ? 0 : r2(Math.min(balance * 0.6, rng.int(20, 6000) + rng.next()));
    balance = r2(balance + credit - debit);
    credits = r2(credits + credit);
    debits = r2(debits + debit);
    return { date, what: credit ? rng.pick(CREDITS) : rng.pick(DEBITS), credit, debit, balance };
  });
  return { name: person(rng).name, bank, number, shown, start, end, opening, txns, credits, debits, closing: balance };
}

const truth = (a: Account) => ({ name: a.name, accountNumber: a.number, periodStart: a.start, periodEnd: a.end, creditTotal: a.credits, closingBalance: a.closing });

/** Transactions in a ruled table from y; returns the y below it. */
function table(p: Paper, a: Account, y: number, xs: readonly number[], ds: DateStyle, s: TextStyle, withTotal: boolean): number {
  const rh = s.size * 2;
  const heads = ['交易日期', '摘要', '收入金额', '支出金额', '账户余额'];
  const rows = a.txns.map((t) => [writeDate(t.date, ds), t.what, t.credit ? money(t.credit) : '', t.debit ? money(t.debit) : '', money(t.balance)]);
  if (withTotal) rows.push(['合计', `${a.txns.length}笔`, money(a.credits), money(a.debits), '']);
  const n = rows.length + 1;
  p.grid(xs, Array.from({ length: n + 1 }, (_, i) => y + i * rh), 0.18);
  heads.forEach((h, i) => p.cell(h, xs[i]!, xs[i + 1]!, y, y + rh, { ...s, face: 'hei-b', align: 'center' }));
  rows.forEach((row, r) => row.forEach((v, i) => v && p.cell(v, xs[i]!, xs[i + 1]!, y + (r + 1) * rh, y + (r + 2) * rh, { ...s, align: i >= 2 ? 'right' : 'left' })));
  return y + (n + 1) * rh;
}

/** Statement with the summary boxed above the transactions. */
function summaryTop(rng: Rng, dpi: DpiFor): Made {
  const a = account(rng);
  const p = sheet(...A4, dpi);
  const face = rng.pick(['hei', 'maoken', 'song'] as const);
  p.text(a.bank, 20, 14, { size: 4.6, face: 'hei-b', color: '#23408e' });
  p.text(rng.pick(['个人账户对账单', '活期账户交易明细', '借记卡账户对账单']), 105, 26, { size: 6, face: 'serif', align: 'center' });
  const s: TextStyle = { size: 3.5, face };
  const ds = rng.pick<DateStyle>(['iso', 'compact', 'slash', 'dot']);
  p.text(`户名：${a.name}`, 20, 38, s);
  p.text(`账号：${a.shown}`, 90, 38, s);
  p.text(`起止日期：${writeDate(a.start, ds)} 至 ${writeDate(a.end, ds)}`, 20, 45, s);
  p.text(`币种：人民币`, 150, 45, s);
  p.rect(20, 52, 170, 20, { stroke: '#555', width: 0.2, fill: '#f1f1f1' });
  const cells: [string, number][] = [
    ['期初余额', a.opening],
    [rng.pick(['收入合计', '贷方发生额', '存入合计']), a.credits],
    [rng.pick(['支出合计', '借方发生额']), a.debits],
    ['期末余额', a.closing],
  ];
  cells.forEach(([l, v], i) => {
    p.text(l, 24 + i * 42, 55, { ...s, size: 3.2, color: '#444' });
    p.text(money(v), 24 + i * 42, 63, { size: 3.8, face: 'hei-b' });
  });
  const y = table(p, a, 80, [20, 50, 86, 118, 152, 190], ds, { size: 3.3, face }, false);
  p.text(`打印时间：${writeDate(addDays(a.end, rng.int(1, 20)), 'iso')} ${rng.int(8, 17)}:${String(rng.int(0, 59)).padStart(2, '0')}`, 20, y + 6, { size: 3, face: 'hei', color: '#555' });
  p.seal(160, y + 12, 16, a.bank, '业务专用章');
  return { paper: p, fields: truth(a), layout: 'summary-top' };
}

/** Transactions first, the totals in a 合计 row, the closing balance after. */
function summaryBottom(rng: Rng, dpi: DpiFor): Made {
  const a = account(rng);
  const p = sheet(...A4, dpi);
  const s: TextStyle = { size: 3.4, face: rng.pick(['song', 'hei', 'serif']) };
  p.text(`${a.bank}  交易流水明细`, 105, 16, { size: 5.2, face: 'hei-b', align: 'center' });
  const ds = rng.pick<DateStyle>(['iso', 'cn0', 'dot']);
  p.text(`客户姓名：${a.name}`, 20, 28, s);
  p.text(`卡号/账号：${a.shown}`, 20, 35, s);
  p.text(`查询期间：${writeDate(a.start, ds)}—${writeDate(a.end, ds)}`, 110, 28, s);
  const y = table(p, a, 44, [20, 52, 84, 118, 152, 190], ds, { size: 3.2, face: s.face! }, true);
  const close = rng.pick(['期末余额', '截至查询日账户余额', '本期末余额']);
  p.text(`${close}：${money(a.closing)}元`, 20, y + 6, { ...s, face: 'hei-b' });
  p.text(`期初余额：${money(a.opening)}元`, 120, y + 6, s);
  p.text('本明细仅供参考，以银行系统记录为准。', 20, y + 14, { size: 3, face: 'song', color: '#555' });
  p.seal(150, y + 22, 17, a.bank, '电子业务专用章');
  return { paper: p, fields: truth(a), layout: 'summary-bottom' };
}

/** Landscape, monospaced, the totals in sentences after the list. */
function sentences(rng: Rng, dpi: DpiFor): Made {
  const a = account(rng);
  const p = sheet(297, 210, dpi);
  const m: TextStyle = { size: 3.3, face: rng.pick(['mono', 'mono-i']) };
  p.text(`${a.bank} 个人客户交易清单`, 14, 12, { size: 4.8, face: 'hei-b' });
  p.text(`户 名: ${a.name}    账 号: ${a.shown}`, 14, 22, m);
  p.text(`日期范围: ${writeDate(a.start, 'compact')} - ${writeDate(a.end, 'compact')}`, 14, 28, m);
  const cols = [14, 50, 100, 150, 200, 250];
  const heads = ['日期', '交易摘要', '收入', '支出', '余额'];
  heads.forEach((h, i) => p.text(h, cols[i]!, 38, m));
  p.line(14, 43, 283, 43, 0.2);
  let y = 45;
  for (const t of a.txns) {
    const row = [writeDate(t.date, 'compact'), t.what, t.credit ? money(t.credit, false) : '-', t.debit ? money(t.debit, false) : '-', money(t.balance, false)];
    row.forEach((v, i) => p.text(v, cols[i]!, y, m));
    y += m.size * 1.55;
  }
  p.line(14, y + 1, 283, y + 1, 0.2);
  const s: TextStyle = { size: 3.6, face: rng.pick(['song', 'hei']) };
  const ins = a.txns.filter((t) => t.credit).length;
  y = p.para(`本期共收入${ins}笔，收入合计${money(a.credits)}元；支出${a.txns.length - ins}笔，支出合计${money(a.debits)}元。期初余额${money(a.opening)}元，期末余额${money(a.closing)}元。`, 14, y + 5, 260, s);
  p.seal(240, Math.min(y + 8, 185), 16, a.bank, '业务专用章');
  return { paper: p, fields: truth(a), layout: 'sentences' };
}

export function drawBank(rng: Rng, dpi: DpiFor): Made {
  return rng.pick([summaryTop, summaryBottom, sentences])(rng, dpi);
}
