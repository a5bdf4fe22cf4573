// 银行 papers: a portrait 对账单 whose summary block sits at the bottom, a banking app's 账户明细
// screenshot, and a landscape monospaced 交易流水 with the totals written as sentences at the end.
import type { Rng } from '../../../domain/seed/prng';
import { money, writeDate, type DateForm } from './forms';
import { colon, statusBar, table, type Cell } from './kit';
import { type DpiFor, type Made, Paper, type TextStyle } from './paper';
import { addDays, dayBetween, employer, person } from './people';

const BANKS = [
  ['中国工商银行', '622202'],
  ['招商银行', '622588'],
  ['中国银行', '621785'],
  ['中国建设银行', '621700'],
  ['深圳农村商业银行', '623091'],
  ['平安银行', '622155'],
] as const;

interface Txn {
  readonly date: string;
  readonly memo: string;
  readonly credit: number;
  readonly debit: number;
  readonly balance: number;
  readonly other: string;
}

interface Book {
  readonly name: string;
  readonly bank: string;
  readonly account: string;
  readonly start: string;
  readonly end: string;
  readonly opening: number;
  readonly txns: readonly Txn[];
  readonly credit: number;
  readonly debit: number;
  readonly closing: number;
}

const cents = (n: number) => Math.round(n * 100) / 100;

function book(rng: Rng, count: number): Book {
  const who = person(rng, { from: 1965, to: 2002 });
  const [bank, bin] = rng.pick(BANKS);
  let account = bin;
  while (account.length < 19) account += String(rng.int(0, 9));
  const end = dayBetween(rng, '2024-03-01', '2026-11-30');
  const start = addDays(end, -rng.pick([89, 90, 181, 182, 364]));
  const firm = employer(rng);
  const opening = cents(rng.int(500, 80000) + rng.next());
  let balance = opening;
  let credit = 0;
  let debit = 0;
  const txns: Txn[] = [];
  const span = (Date.parse(end) - Date.parse(start)) / 86400000;
  const days = Array.from({ length: count }, () => rng.int(0, span)).sort((a, b) => a - b);
  for (const d of days) {
    const kind = rng.next();
    let c = 0;
    let dr = 0;
    let memo: string;
    let other: string;
    if (kind < 0.3) {
      c = cents(rng.int(6000, 30000) + rng.pick([0, 0.5, 0.23]));
      memo = '代发工资';
      other = firm;
    } else if (kind < 0.42) {
      c = cents(rng.int(50, 3000) + rng.next());
      memo = rng.pick(['转账存入', '微信转账', '利息']);
      other = rng.pick(['财付通支付科技有限公司', '支付宝（中国）网络技术有限公司', '']);
    } else {
      dr = cents(Math.min(balance - 1, rng.int(20, 5000) + rng.next()));
      if (dr <= 0) dr = 0;
      memo = rng.pick(['消费', '快捷支付', '房租', '还款', 'ATM取款', '水电费']);
      other = rng.pick(['美团', '深圳市燃气集团股份有限公司', '京东商城', '', '深圳供电局有限公司']);
    }
    if (c === 0 && dr === 0) {
      c = 100;
      memo = '转账存入';
      other = '';
    }
    balance = cents(balance + c - dr);
    credit = cents(credit + c);
    debit = cents(debit + dr);
    txns.push({ date: addDays(start, d), memo, credit: c, debit: dr, balance, other });
  }
  if (credit === 0) {
    const c = 5000;
    balance = cents(balance + c);
    credit = c;
    txns.push({ date: end, memo: '转账存入', credit: c, debit: 0, balance, other: '' });
  }
  return { name: who.name, bank, account, start, end, opening, txns, credit, debit, closing: balance };
}

const truth = (b: Book, account: string) => ({ name: b.name, accountNumber: account, periodStart: b.start, periodEnd: b.end, creditTotal: b.credit, closingBalance: b.closing });

/** Portrait 对账单; the summary (期初, 收入合计, 支出合计, 期末) in a block at the bottom. */
function statement(rng: Rng, dpi: DpiFor): Made {
  const b = book(rng, rng.int(10, 18));
  const p = new Paper(210, 297, dpi(297));
  const c = colon(rng);
  const form = rng.pick<DateForm>(['iso', 'slash', 'cn0']);
  p.rect(16, 12, 9, 9, { fill: '#b0121b', radius: 4.5 });
  p.text(b.bank, 28, 12.5, { size: 5, face: 'sans-x', color: '#b0121b' });
  p.text(`${b.bank.replace(/银行$/, '')}银行深圳分行`.replace('银行银行', '银行'), 194, 14, { size: 3, face: 'sans', color: '#666', align: 'right' });
  p.text('个人账户对账单', 105, 28, { size: 6.4, face: 'serif-x', align: 'center' });
  const ls: TextStyle = { size: 3.2, face: 'sans', color: '#333' };
  const vs: TextStyle = { size: 3.4, face: 'serif' };
  let x = p.text(`户名${c}`, 16, 40, ls);
  p.text(b.name, 16 + x + 1, 40, vs);
  x = p.text(`账号${c}`, 90, 40, ls);
  p.text(b.account, 90 + x + 1, 40, vs);
  x = p.text(`币种${c}`, 16, 47, ls);
  p.text('人民币', 16 + x + 1, 47, vs);
  x = p.text(`起止日期${c}`, 90, 47, ls);
  p.text(`${writeDate(b.start, form)} 至 ${writeDate(b.end, form)}`, 90 + x + 1, 47, vs);
  const small: TextStyle = { size: 2.6, face: 'sans' };
  const head = (t: string): Cell => ({ text: t, style: { ...small, face: 'sans-x' }, fill: '#eeeeee', align: 'center' });
  const rows: Cell[][] = [[head('交易日期'), head('摘要'), head('收入'), head('支出'), head('余额'), head('对方户名')]];
  for (const t of b.txns)
    rows.push([
      { text: writeDate(t.date, form), style: small },
      { text: t.memo, style: small },
      { text: t.credit ? money(t.credit) : '', style: small },
      { text: t.debit ? money(t.debit) : '', style: small },
      { text: money(t.balance), style: small },
      { text: t.other, style: small },
    ]);
  let y = table(p, 14, 56, [24, 22, 24, 24, 26, 62], rows, small, { minH: 6.2, lineW: 0.15, line: '#888', pad: 1.2 });
  y = Math.max(y + 10, 220);
  p.rect(14, y, 182, 30, { stroke: '#333', width: 0.35 });
  p.text('本期汇总', 18, y + 3, { size: 3.4, face: 'sans-x' });
  const sum = (l: string, v: number, xx: number, yy: number) => {
    const w = p.text(`${l}${c}`, xx, yy, ls);
    p.text(money(v), xx + w + 1, yy, vs);
  };
  sum('期初余额', b.opening, 18, y + 11);
  sum('收入合计', b.credit, 104, y + 11);
  sum('支出合计', b.debit, 18, y + 20);
  sum('期末余额', b.closing, 104, y + 20);
  p.text(`打印日期${c}${writeDate(addDays(b.end, rng.int(1, 20)) > '2026-11-30' ? '2026-11-30' : addDays(b.end, rng.int(1, 20)), form)}`, 16, y + 36, { size: 2.8, face: 'sans', color: '#555' });
  p.seal(165, y + 40, 14, `${b.bank}深圳分行`, '业务专用章');
  return { paper: p, fields: truth(b, b.account), layout: 'statement-bottom' };
}

/** A banking app's 账户明细 screenshot: masked card number, the period chips, summary card, list. */
function app(rng: Rng, dpi: DpiFor): Made {
  const b = book(rng, rng.int(5, 7));
  const p = new Paper(76, 164, dpi(164), '#f5f6f8');
  statusBar(p, rng, false, 76);
  p.text('‹', 4, 8, { size: 5, face: 'sans', color: '#333' }, false);
  p.text('账户明细', 38, 9, { size: 4, face: 'smiley', align: 'center' });
  const masked = `${b.account.slice(0, 4)} **** **** ${b.account.slice(-4)}`;
  const accent = rng.pick(['#c7000b', '#2558c9', '#0f7a52']);
  p.rect(4, 16, 68, 24, { fill: accent, radius: 3 });
  p.text(b.bank, 8, 18.5, { size: 3.2, face: 'sans', color: '#fff' });
  p.text(masked, 8, 24, { size: 3.6, face: 'mono-i', color: '#fff' });
  p.text(`户名 ${b.name}`, 8, 30, { size: 2.8, face: 'sans', color: '#fff' });
  p.text('可用余额', 8, 34.6, { size: 2.4, face: 'sans', color: '#ffffffcc' });
  p.text(money(b.closing), 68, 33.8, { size: 3.6, face: 'smiley', color: '#fff', align: 'right' });
  const form = rng.pick<DateForm>(['dot', 'iso', 'slash']);
  p.rect(4, 43, 68, 7, { fill: '#ffffff', radius: 3.5 });
  p.text(`${writeDate(b.start, form)} - ${writeDate(b.end, form)}`, 38, 44.6, { size: 2.8, face: 'sans', color: '#333', align: 'center' });
  p.rect(4, 53, 68, 13, { fill: '#ffffff', radius: 3 });
  p.text('收入', 8, 55, { size: 2.5, face: 'sans', color: '#888' });
  p.text(`¥${money(b.credit)}`, 8, 59.5, { size: 3.6, face: 'smiley', color: '#e0282e' });
  p.text('支出', 40, 55, { size: 2.5, face: 'sans', color: '#888' });
  p.text(`¥${money(b.debit)}`, 40, 59.5, { size: 3.6, face: 'smiley', color: '#1b9a4b' });
  let y = 69;
  for (const t of [...b.txns].reverse().slice(0, 7)) {
    p.rect(4, y, 68, 12, { fill: '#ffffff', radius: 2 });
    p.text(t.memo, 8, y + 1.8, { size: 2.8, face: 'sans' });
    p.text(t.credit ? `+${money(t.credit)}` : `-${money(t.debit)}`, 68, y + 1.8, { size: 3, face: 'smiley', color: t.credit ? '#e0282e' : '#222', align: 'right' });
    p.text(writeDate(t.date, form), 8, y + 7, { size: 2.2, face: 'sans', color: '#999' });
    p.text(`余额 ${money(t.balance)}`, 68, y + 7, { size: 2.2, face: 'sans', color: '#999', align: 'right' });
    y += 13;
  }
  return { paper: p, fields: truth(b, masked.replace(/\s/g, '')), layout: 'app-detail' };
}

/** A landscape, monospaced 交易流水 print; totals as sentences below the table. */
function ledger(rng: Rng, dpi: DpiFor): Made {
  const b = book(rng, rng.int(12, 16));
  const p = new Paper(297, 210, dpi(297));
  const mono: TextStyle = { size: 2.9, face: 'mono', color: '#111' };
  const form = rng.pick<DateForm>(['slash', 'dash', 'iso']);
  p.text(`${b.bank}  个人客户交易流水`, 148, 12, { size: 5, face: 'serif-x', align: 'center' });
  const c = rng.pick([':', '：']);
  p.text(`账号${c}${b.account}    户名${c}${b.name}    查询期间${c}${writeDate(b.start, form)}-${writeDate(b.end, form)}`, 14, 24, mono);
  const cols = [14, 40, 74, 112, 146, 180, 214];
  const heads = ['序号', '记账日期', '交易摘要', '收入金额', '支出金额', '账户余额', '对方户名'];
  heads.forEach((h, i) => p.text(h, cols[i]!, 33, { ...mono, face: 'sans' }));
  p.line(14, 31, 284, 31, 0.3);
  p.line(14, 38, 284, 38, 0.2);
  let y = 40;
  b.txns.forEach((t, i) => {
    const cells = [String(i + 1), writeDate(t.date, form), t.memo, t.credit ? money(t.credit, false) : '-', t.debit ? money(t.debit, false) : '-', money(t.balance, false), t.other.slice(0, 16)];
    cells.forEach((v, j) => {
      if (v) p.text(v, cols[j]!, y, mono);
    });
    y += 6.6;
  });
  p.line(14, y + 1, 284, y + 1, 0.3);
  const n = b.txns.filter((t) => t.credit).length;
  const m = b.txns.filter((t) => t.debit).length;
  y = p.para(`本期共收入${n}笔，收入合计${money(b.credit)}元；支出${m}笔，支出合计${money(b.debit)}元。`, 14, y + 6, 260, { ...mono, size: 3.2 }, 1.7);
  y = p.para(`期初余额${money(b.opening)}元，期末余额${money(b.closing)}元。`, 14, y + 1, 260, { ...mono, size: 3.2 }, 1.7);
  p.text(`（本流水仅供${rng.pick(['住房保障申请', '个人查询', '资信证明'])}使用，加盖业务章有效）`, 14, y + 4, { ...mono, size: 2.8, color: '#444' });
  p.seal(250, Math.min(y + 8, 186), 16, `${b.bank}深圳分行`, '业务专用章');
  return { paper: p, fields: truth(b, b.account), layout: 'ledger-landscape' };
}

export function drawBank(rng: Rng, dpi: DpiFor): Made {
  const r = rng.next();
  return r < 0.38 ? statement(rng, dpi) : r < 0.68 ? app(rng, dpi) : ledger(rng, dpi);
}
