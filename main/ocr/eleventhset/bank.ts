// 银行流水: a bank's 个人账户交易明细 (header lines in two columns, a ruled transaction table, and the
// 本期收入合计 / 期末余额 summary); an 账户对账单 summary box (labels left of values) with a monthly
// table; a phone-app export, narrow, each transaction a two-line entry, labels above values.
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { addDays, dateBetween, LAST_DAY, money, writeDate } from './forms';
import { grid, inCell } from './kit';
import { Paper, type Made } from './paper';
import { employer, person, type Person } from './people';

const BANKS: readonly [name: string, bin: string][] = [
  ['中国建设银行', '621700'],
  ['中国工商银行', '622202'],
  ['招商银行', '621483'],
  ['中国农业银行', '622848'],
  ['中国银行', '621785'],
  ['深圳农村商业银行', '623058'],
];
const SPEND = ['消费', '快捷支付', '转账支出', 'ATM取款', '房租', '水电费', '信用卡还款'];
const SHOPS = ['财付通', '支付宝', '美团', '华润万家', '深圳燃气', '深圳供电局', '深圳市房东', '京东商城'];

interface Txn {
  readonly date: string;
  readonly memo: string;
  readonly credit: number;
  readonly debit: number;
  readonly balance: number;
  readonly party: string;
}

interface Account {
  readonly who: Person;
  readonly bank: string;
  readonly number: string;
  readonly start: string;
  readonly end: string;
  readonly opening: number;
  readonly txns: readonly Txn[];
  readonly credit: number;
  readonly debit: number;
  readonly closing: number;
  readonly issued: string;
}

const cents = (v: number) => Math.round(v * 100) / 100;

function account(rng: Rng, count: number): Account {
  const who = person(rng, { from: '1965-01-01', to: '2002-12-31' });
  const [bank, bin] = rng.pick(BANKS);
  let digits = bin;
  while (digits.length < 19) digits += String(rng.int(0, 9));
  const number = rng.chance(0.25) ? `${digits.slice(0, 6)}*********${digits.slice(15)}` : digits;
  const end = dateBetween(rng, '2025-01-31', addDays(LAST_DAY, -5));
  const start = addDays(end, -rng.int(85, 182));
  const issued = dateBetween(rng, addDays(end, 1), [addDays(end, 20), LAST_DAY].sort()[0]!);
  const pay = employer(rng);
  const salary = rng.int(5000, 30000) + rng.int(0, 99) / 100;
  let balance = cents(rng.int(500, 60000) + rng.int(0, 99) / 100);
  const opening = balance;
  const days: string[] = [];
  for (let i = 0; i < count; i++) days.push(dateBetween(rng, start, end));
  days.sort();
  const txns: Txn[] = [];
  let credit = 0;
  let debit = 0;
  days.forEach((date, i) => {
    const income = i % 3 === 0 || rng.chance(0.2);
    if (income) {
      const v = i % 3 === 0 ? salary : cents(rng.int(50, 3000) + rng.int(0, 99) / 100);
      balance = cents(balance + v);
      credit = cents(credit + v);
      txns.push({ date, memo: i % 3 === 0 ? '代发工资' : rng.pick(['转账收入', '利息', '退款']), credit: v, debit: 0, balance, party: i % 3 === 0 ? pay : rng.pick(['', '财付通', '个人转账']) });
    } else {
      const v = Math.min(cents(rng.int(20, 4500) + rng.int(0, 99) / 100), cents(balance - 1));
      if (v <= 0) return;
      balance = cents(balance - v);
      debit = cents(debit + v);
      txns.push({ date, memo: rng.pick(SPEND), credit: 0, debit: v, balance, party: rng.pick(SHOPS) });
    }
  });
  return { who, bank, number, start, end, opening, txns, credit, debit, closing: balance, issued };
}

const truth = (a: Account) => ({ name: a.who.name, accountNumber: a.number, periodStart: a.start, periodEnd: a.end, creditTotal: a.credit, closingBalance: a.closing });

/** 个人账户交易明细: header lines, a ruled transaction table, the summary after it. */
function statement(rng: Rng, dpi: DpiFor): Made {
  const a = account(rng, rng.int(10, 20));
  const p = new Paper(210, 297, dpi(297));
  const L = 'maple-l' as const;
  const M = 'maple-m' as const;
  p.text(`${a.bank}个人账户交易明细`, 105, 22, 6, 'xiaowei', { align: 'center' });
  const s = 3.3;
  const style = rng.pick(['iso', 'compact', 'slash'] as const);
  p.text(`户名：${a.who.name}`, 14, 34, s, L);
  p.text(`账号：${a.number}`, 105, 34, s, L);
  p.text('币种：人民币', 14, 40, s, L);
  p.text(`起止日期：${writeDate(a.start, style)} 至 ${writeDate(a.end, style)}`, 105, 40, s, L);
  p.text(`开户机构：${a.bank}深圳${rng.pick(['福田', '南山', '宝安', '龙华', '罗湖'])}支行`, 14, 46, s, L);
  p.text(`打印日期：${writeDate(a.issued, 'iso')}`, 105, 46, s, L);
  const cols = [24, 26, 26, 26, 30, 50];
  const rh = 7;
  const y0 = 52;
  const rows = [rh, ...a.txns.map(() => rh)];
  grid(p, 14, y0, cols, rows, 0.15);
  const head = ['交易日期', '摘要', '收入', '支出', '余额', '对方户名'];
  let x = 14;
  head.forEach((h, i) => {
    inCell(p, h, x, y0, cols[i]!, rh, 3.1, M, { align: 'center' });
    x += cols[i]!;
  });
  a.txns.forEach((t, r) => {
    const vals = [writeDate(t.date, style === 'slash' ? 'slash' : 'compact'), t.memo, t.credit ? money(t.credit) : '', t.debit ? money(t.debit) : '', money(t.balance), t.party];
    let cx = 14;
    vals.forEach((v, i) => {
      inCell(p, v, cx, y0 + rh * (r + 1), cols[i]!, rh, 2.9, L, { align: i >= 2 && i <= 4 ? 'right' : 'left', pad: 1.2 });
      cx += cols[i]!;
    });
  });
  let y = y0 + rh * (a.txns.length + 1) + 9;
  p.text(`本期收入合计：${money(a.credit)}`, 14, y, 3.5, M);
  p.text(`本期支出合计：${money(a.debit)}`, 80, y, 3.5, M);
  p.text(`期末余额：${money(a.closing)}`, 146, y, 3.5, M);
  y += 8;
  p.text(`共 ${a.txns.length} 笔    第 1 页 / 共 1 页`, 14, y, 3, L);
  p.seal(165, y + 14, 16, a.bank, rng, '业务专用章');
  return { paper: p, fields: truth(a), layout: 'txn-table' };
}

/** 账户对账单: a summary box with labels left of values, then a monthly table. */
function summary(rng: Rng, dpi: DpiFor): Made {
  const a = account(rng, rng.int(8, 16));
  const p = new Paper(210, 297, dpi(297), '#fcfcfa');
  const F = 'maoken' as const;
  const M = 'maple-sb' as const;
  p.fill(0, 0, 210, 24, '#dfe7f1');
  p.text(a.bank, 16, 15, 6, F);
  p.text('账户对账单', 194, 15, 5, F, { align: 'right' });
  const cols = [36, 55, 36, 55];
  const rows = [12, 12, 12, 12];
  const top = 36;
  grid(p, 14, top, cols, rows, 0.2, [[1, 3], undefined, undefined, undefined]);
  const ys = rows.map((_, i) => top + i * 12);
  const cx = (i: number) => 14 + cols.slice(0, i).reduce((q, c) => q + c, 0);
  const style = rng.pick(['cn0', 'iso', 'dot'] as const);
  const cell = (r: number, c: number, label: string, value: string, span = 1) => {
    p.fill(cx(c) + 0.2, ys[r]! + 0.2, cols[c]! - 0.4, 11.6, '#eef1f5');
    inCell(p, label, cx(c), ys[r]!, cols[c]!, 12, 3.4, F, { align: 'center' });
    inCell(p, value, cx(c + 1), ys[r]!, cols.slice(c + 1, c + 1 + span).reduce((q, v) => q + v, 0), 12, 3.6, c === 0 && r === 0 ? F : M, { pad: 2.5 });
  };
  cell(0, 0, '客户姓名', a.who.name, 3);
  cell(1, 0, '账号', a.number);
  cell(1, 2, '币种', '人民币');
  cell(2, 0, '对账期间', `${writeDate(a.start, style)} 至 ${writeDate(a.end, style)}`);
  cell(2, 2, '期初余额', money(a.opening));
  cell(3, 0, '本期收入合计', money(a.credit));
  cell(3, 2, '期末余额', money(a.closing));
  let y = top + 48 + 12;
  p.text('交易记录', 14, y, 4, F);
  y += 5;
  const tc = [30, 40, 35, 35, 42];
  grid(p, 14, y, tc, [8, ...a.txns.map(() => 7)], 0.15);
  let x = 14;
  ['记账日期', '交易摘要', '借方发生额', '贷方发生额', '账户余额'].forEach((h, i) => {
    inCell(p, h, x, y, tc[i]!, 8, 3, F, { align: 'center' });
    x += tc[i]!;
  });
  a.txns.forEach((t, r) => {
    let c = 14;
    [writeDate(t.date, 'iso'), t.memo, t.debit ? money(t.debit) : '-', t.credit ? money(t.credit) : '-', money(t.balance)].forEach((v, i) => {
      inCell(p, v, c, y + 8 + r * 7, tc[i]!, 7, 2.9, i === 1 ? F : 'maple-l', { align: i >= 2 ? 'right' : 'left', pad: 1.5 });
      c += tc[i]!;
    });
  });
  y += 8 + a.txns.length * 7 + 10;
  p.text(`本对账单由${a.bank}系统生成，生成日期${writeDate(a.issued, 'cn')}。`, 14, y, 3.2, F);
  return { paper: p, fields: truth(a), layout: 'summary-box' };
}

/** A phone-app export: a narrow page, labels above values, each transaction a two-line entry. */
function appExport(rng: Rng, dpi: DpiFor): Made {
  const a = account(rng, rng.int(8, 13));
  const tall = Math.max(170, 80 + a.txns.length * 15);
  const p = new Paper(100, tall, dpi(tall));
  const F = 'maoken' as const;
  p.fill(0, 0, 100, 16, '#2f6fb3');
  p.text(`${a.bank}  收支明细`, 50, 10.5, 4.4, F, { align: 'center', color: '#ffffff' });
  const kv = (label: string, value: string, x: number, y: number, face: 'maoken' | 'maple-m' = F) => {
    p.text(label, x, y, 2.7, F, { color: '#6b6b6b' });
    p.text(value, x, y + 5.4, 3.5, face);
  };
  kv('户名', a.who.name, 6, 24);
  kv('卡号', a.number, 40, 24, 'maple-m');
  kv('起始日期', writeDate(a.start, 'iso'), 6, 37, 'maple-m');
  kv('截止日期', writeDate(a.end, 'iso'), 52, 37, 'maple-m');
  kv('收入合计(元)', money(a.credit), 6, 50, 'maple-m');
  kv('期末余额(元)', money(a.closing), 52, 50, 'maple-m');
  p.line(4, 60, 96, 60, 0.2, '#bbbbbb');
  let y = 67;
  for (const t of a.txns) {
    p.text(t.memo, 6, y, 3.3, F);
    const amount = t.credit ? `+${money(t.credit)}` : `-${money(t.debit)}`;
    p.text(amount, 94, y, 3.4, 'maple-m', { align: 'right', color: t.credit ? '#b03020' : '#1a1a1a' });
    y += 5;
    const party = t.party.length > 14 ? `${t.party.slice(0, 13)}…` : t.party;
    p.text(`${writeDate(t.date, 'iso')}  ${party}`, 6, y, 2.6, F, { color: '#777777' });
    p.text(`余额 ${money(t.balance)}`, 94, y, 2.6, 'maple-l', { align: 'right', color: '#777777' });
    y += 4;
    p.line(6, y, 94, y, 0.1, '#dddddd');
    y += 6;
  }
  p.text(`导出时间 ${writeDate(a.issued, 'iso')}`, 50, y + 4, 2.6, F, { align: 'center', color: '#777777' });
  return { paper: p, fields: truth(a), layout: 'app-export' };
}

export function drawBank(rng: Rng, dpi: DpiFor): Made {
  const design = rng.int(0, 2);
  return design === 0 ? statement(rng, dpi) : design === 1 ? summary(rng, dpi) : appExport(rng, dpi);
}
