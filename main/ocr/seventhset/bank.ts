// 银行 pages: (a) a bilingual statement (建设银行 / 工商银行 style header, Account Name, Date From/To)
// whose transactions run down two columns; (b) a thermal 自助终端 receipt, narrow, in a monospace
// face (drawn when the capture is the thermal printer).
import type { Rng } from '../../../domain/seed/prng';
import type { Face } from './fonts';
import { made, Paper, type Made } from './paper';
import { person } from './people';
import { addDays, dateBetween, grouped, money, plain, writeDate } from './wording';

interface Tx {
  readonly date: string;
  readonly what: string;
  readonly amount: number;
  readonly balance: number;
}

const CREDITS = ['工资 SALARY', '代发工资', '转账存入 TRF IN', '利息 INTEREST', '报销款', '退款 REFUND'];
const DEBITS = ['消费 POS', '快捷支付', '转账支出 TRF OUT', 'ATM取款 ATM', '房租', '水电费', '信用卡还款'];

function account(rng: Rng) {
  const prefix = rng.pick(['621700', '622208', '621226', '622700', '621661']);
  const digits = prefix + Array.from({ length: 13 }, () => rng.int(0, 9)).join('');
  return digits;
}

function history(rng: Rng, start: string, end: string, n: number): { txs: Tx[]; credit: number; opening: number } {
  const span = Math.round((Date.parse(end) - Date.parse(start)) / 86400000);
  const days = Array.from({ length: n }, () => rng.int(0, span)).sort((a, b) => a - b);
  const opening = money(rng, 800, 40000, 0.01);
  const salary = money(rng, 5000, 20000, 0.01);
  let balance = opening;
  let credit = 0;
  const txs = days.map((d) => {
    const isCredit = rng.chance(0.35);
    const what = isCredit ? (rng.chance(0.5) ? CREDITS[0]! : rng.pick(CREDITS)) : rng.pick(DEBITS);
    let amount = isCredit ? (what === CREDITS[0] ? salary : money(rng, 1, 3000, 0.01)) : -Math.min(money(rng, 5, 2500, 0.01), Math.max(1, balance - 10));
    amount = Math.round(amount * 100) / 100;
    balance = Math.round((balance + amount) * 100) / 100;
    if (isCredit) credit = Math.round((credit + amount) * 100) / 100;
    return { date: addDays(start, d), what, amount, balance };
  });
  if (credit === 0) {
    const last = txs[txs.length - 1]!;
    balance = Math.round((last.balance + salary) * 100) / 100;
    txs.push({ date: end, what: CREDITS[1]!, amount: salary, balance });
    credit = salary;
  }
  return { txs, credit, opening };
}

function period(rng: Rng) {
  const end = dateBetween(rng, '2025-11-30', '2026-11-30');
  const months = rng.pick([3, 6, 6, 12]);
  return { start: addDays(end, -Math.round(months * 30.4)), end };
}

const spaced = (acct: string) => acct.replace(/(\d{4})(?=\d)/g, '$1 ');

/** Bilingual statement: header block in two languages, the transactions in two columns. */
function statement(rng: Rng): Made {
  const p = person(rng, rng.chance(0.5) ? '男' : '女', ['1960-01-01', '2002-12-31']);
  const bank = rng.pick([
    { cn: '中国建设银行', en: 'China Construction Bank', colour: '#0b3f8f' },
    { cn: '中国工商银行', en: 'Industrial and Commercial Bank of China', colour: '#c7161d' },
  ]);
  const face: Face = rng.pick(['maple', 'dyh', 'pxzs']);
  const paper = new Paper(297, 210, face, '#ffffff', 200);
  const { start, end } = period(rng);
  const { txs, credit } = history(rng, start, end, rng.int(24, 44));
  const closing = txs[txs.length - 1]!.balance;
  const acct = account(rng);
  const dstyle = rng.pick(['iso', 'slash', 'dot'] as const);
  paper.fill(12, 10, 9, 9, bank.colour);
  paper.text(24, 17.5, bank.cn, { size: 6, bold: true, color: bank.colour, face: 'pxzs' });
  paper.text(24 + paper.width(bank.cn, { size: 6, bold: true, face: 'pxzs' }) + 4, 17.5, bank.en, { size: 4, color: bank.colour, face: 'dyh' });
  paper.text(148.5, 30, '个人活期账户交易明细  Personal Current Account Statement', { size: 4.6, bold: true, align: 'center' });
  const head: [string, string, number, number][] = [
    ['户名 Account Name:', p.name, 14, 40],
    ['账号 Account No.:', rng.chance(0.6) ? spaced(acct) : acct, 150, 40],
    ['起始日期 Date From:', writeDate(start, dstyle), 14, 47],
    ['截止日期 Date To:', writeDate(end, dstyle), 150, 47],
    ['币种 Currency:', '人民币 CNY', 14, 54],
    ['钞汇 Cash/Remit:', '钞 Cash', 150, 54],
  ];
  for (const [label, value, x, y] of head) {
    const w = paper.text(x, y, label, { size: 3.3, color: '#444' });
    paper.text(x + w + 2, y, value, { size: 3.6, bold: label.startsWith('户名') });
  }
  const rowsPer = Math.ceil(txs.length / 2);
  const col = (x: number, part: readonly Tx[]) => {
    paper.fill(x, 59, 132, 7, '#e6ebf3');
    const hs: [string, number, 'left' | 'right'][] = [['日期 Date', 1, 'left'], ['摘要 Description', 24, 'left'], ['金额 Amount', 98, 'right'], ['余额 Balance', 131, 'right']];
    for (const [h, dx, align] of hs) paper.text(x + dx, 64, h, { size: 2.7, bold: true, align });
    part.forEach((t, i) => {
      const y = 70.5 + i * 5.3;
      paper.text(x + 1, y, writeDate(t.date, dstyle), { size: 2.9 });
      paper.text(x + 24, y, t.what, { size: 2.9 });
      paper.text(x + 98, y, (t.amount > 0 ? '+' : '') + grouped(t.amount), { size: 2.9, align: 'right', face: 'maple' });
      paper.text(x + 131, y, grouped(t.balance), { size: 2.9, align: 'right', face: 'maple' });
    });
    paper.box(x, 59, 132, 7 + rowsPer * 5.3 + 2, 0.25);
  };
  col(14, txs.slice(0, rowsPer));
  col(151, txs.slice(rowsPer));
  const y = Math.min(188, 59 + 7 + rowsPer * 5.3 + 10);
  const debit = Math.round(txs.filter((t) => t.amount < 0).reduce((a, t) => a - t.amount, 0) * 100) / 100;
  paper.text(14, y, `收入合计 Total Credit: ${grouped(credit)}`, { size: 3.6, bold: true });
  paper.text(110, y, `支出合计 Total Debit: ${grouped(debit)}`, { size: 3.6 });
  paper.text(200, y, `期末余额 Closing Balance: ${grouped(closing)}`, { size: 3.6, bold: true });
  paper.text(14, y + 8, `打印网点 Branch: ${bank.cn}深圳${rng.pick(['福田', '南山', '龙华', '宝安'])}支行   第1页/共1页 Page 1 of 1`, { size: 2.8, color: '#555' });
  const fields = { name: p.name, accountNumber: acct, periodStart: start, periodEnd: end, creditTotal: credit, closingBalance: closing };
  return made(paper, fields, `bilingual-two-column-${bank.cn === '中国建设银行' ? 'ccb' : 'icbc'}`);
}

/** Thermal 自助终端 receipt: 80 mm paper, 203 dpi, monospace. */
function receipt(rng: Rng): Made {
  const p = person(rng, rng.chance(0.5) ? '男' : '女', ['1960-01-01', '2002-12-31']);
  const face: Face = rng.pick(['maple', 'mapleBold']);
  const q = period(rng);
  const { txs, credit } = history(rng, q.start, q.end, rng.int(9, 15));
  const start = txs[0]!.date;
  const end = txs[txs.length - 1]!.date;
  const paper = new Paper(80, 96 + txs.length * 9.2, face, '#f7f6f2', 203);
  const acct = account(rng);
  const masked = `${acct.slice(0, 6)}${'*'.repeat(acct.length - 10)}${acct.slice(-4)}`;
  const closing = txs[txs.length - 1]!.balance;
  const s = 2.9;
  let y = 10;
  const line = (t: string, opts: { size?: number; align?: 'left' | 'center' | 'right'; bold?: boolean } = {}) => {
    paper.text(opts.align === 'center' ? 40 : opts.align === 'right' ? 76 : 4, y, t, { size: opts.size ?? s, align: opts.align, bold: opts.bold });
    y += (opts.size ?? s) * 1.55;
  };
  line(rng.pick(['中国建设银行', '中国工商银行', '深圳农村商业银行']), { size: 4, align: 'center', bold: true });
  line('自助终端 账户明细打印', { align: 'center' });
  line('-'.repeat(36));
  line(`户名: ${p.name}`);
  line(`卡号: ${masked}`);
  line(`起始: ${writeDate(start, 'iso')}`);
  line(`截止: ${writeDate(end, 'iso')}`);
  line('-'.repeat(36));
  line('日期       摘要       发生额');
  for (const t of txs) {
    line(`${writeDate(t.date, 'iso')} ${t.what.replace(/ [A-Z ]+$/, '').slice(0, 4)}`);
    paper.text(76, y - s * 1.55, (t.amount > 0 ? '+' : '') + plain(t.amount), { size: s, align: 'right' });
    line(`余额 ${plain(t.balance)}`, { align: 'right' });
  }
  line('-'.repeat(36));
  line(`收入合计: ${plain(credit)}`);
  line(`当前余额: ${plain(closing)}`);
  line(`打印时间: ${writeDate(dateBetween(rng, end, '2026-11-30'), 'iso')} ${rng.int(8, 19)}:${String(rng.int(0, 59)).padStart(2, '0')}`);
  line('请妥善保管 THANK YOU', { align: 'center' });
  const fields = { name: p.name, accountNumber: masked, periodStart: start, periodEnd: end, creditTotal: credit, closingBalance: closing };
  return made(paper, fields, 'thermal-receipt');
}

/** `thermal`: the page is going to the thermal printer capture, so draw the receipt. */
export const drawBank = (rng: Rng, thermal: boolean): Made => (thermal ? receipt(rng) : statement(rng));
