// Bank pages: a counter-printed 个人账户交易明细 (收入 / 支出 columns, or one signed 交易金额 column)
// with a 合计 line under the table, and a 对账单 with a 期初 / 发生额 / 期末 summary above a
// 借方 / 贷方 table. Landscape A4, ruled or not, the account number whole or masked.
import type { Rng } from '../../../domain/seed/prng';
import { type DateStyle, employer, figures, iso, printDate, shift, someDay, someone } from './folk';
import { type Ruling, table } from './forms';
import { type Face, type Ink, type Made, mm, Paper } from './paper';

const BANKS: readonly (readonly [string, string])[] = [
  ['中国工商银行', '622202'],
  ['中国建设银行', '621700'],
  ['中国农业银行', '622848'],
  ['中国银行', '621785'],
  ['招商银行', '621483'],
  ['平安银行', '622298'],
  ['交通银行', '622260'],
  ['深圳农村商业银行', '623038'],
];
const SPENDS: readonly (readonly [string, string])[] = [
  ['消费', '财付通-美团'],
  ['快捷支付', '支付宝（中国）网络技术有限公司'],
  ['消费', '深圳市华润万家超市'],
  ['转账', '房东'],
  ['ATM取款', ''],
  ['代扣', '深圳供电局有限公司'],
  ['代扣', '深圳市水务（集团）有限公司'],
  ['信用卡还款', ''],
];

interface Entry {
  readonly date: string;
  readonly what: string;
  readonly amount: number;
  readonly party: string;
  readonly balance: number;
}

const cents = (n: number) => Math.round(n * 100) / 100;

function ledger(rng: Rng, start: string, end: string, payer: string, friend: string): { entries: Entry[]; opening: number } {
  const opening = cents(rng.int(300, 60000) + rng.int(0, 99) / 100);
  const salary = rng.int(45, 220) * 100 + (rng.chance(0.4) ? rng.int(1, 99) : 0);
  const raw: Omit<Entry, 'balance'>[] = [];
  for (let d = start; d <= end; d = shift(d, 1)) {
    const day = Number(d.slice(8));
    if (day === 10) raw.push({ date: d, what: rng.pick(['代发工资', '工资', '代发']), amount: salary + rng.int(-3, 8) * 50, party: payer });
    if (day === 21 && ['03', '06', '09', '12'].includes(d.slice(5, 7))) raw.push({ date: d, what: '结息', amount: cents(rng.int(1, 60) + rng.int(0, 99) / 100), party: '' });
    if (rng.chance(0.085)) {
      const [what, party] = rng.pick(SPENDS);
      raw.push({ date: d, what, amount: -cents(rng.int(15, 2800) + (rng.chance(0.6) ? rng.int(0, 99) / 100 : 0)), party });
    }
    if (rng.chance(0.01)) raw.push({ date: d, what: '转账存入', amount: rng.int(2, 50) * 100, party: friend });
  }
  let bal = opening;
  const entries: Entry[] = [];
  for (const r of raw) {
    if (entries.length >= 30) break;
    if (bal + r.amount < 0) continue; // the bank declines what the balance cannot cover
    bal = cents(bal + r.amount);
    entries.push({ ...r, balance: bal });
  }
  return { entries, opening };
}

export function drawBank(rng: Rng): Made {
  const [bank, bin] = rng.pick(BANKS);
  const who = someone(rng, rng.chance(0.5) ? '男' : '女', someDay(rng, 1970, 2000));
  const digits = bin + String(rng.int(1000000, 9999999)) + String(rng.int(100000, 999999));
  const masked = rng.chance(0.35);
  const account = masked ? `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}` : digits;
  const endMonth = rng.int(1, 12);
  const endYear = rng.int(2023, 2025);
  const months = rng.int(3, 6);
  const startDate = iso(endMonth - months + 1 > 0 ? endYear : endYear - 1, ((endMonth - months + 12) % 12) + 1, 1);
  const end = shift(iso(endMonth === 12 ? endYear + 1 : endYear, (endMonth % 12) + 1, 1), -1);
  const payer = employer(rng);
  const friend = someone(rng, '男', '1980-01-01', { exotic: false }).name;
  const { entries, opening } = ledger(rng, startDate, end, payer, friend);
  const creditTotal = cents(entries.filter((e) => e.amount > 0).reduce((a, e) => a + e.amount, 0));
  const debitTotal = cents(-entries.filter((e) => e.amount < 0).reduce((a, e) => a + e.amount, 0));
  const closing = entries.length ? entries[entries.length - 1]!.balance : opening;
  const statement = rng.chance(0.4);
  const dpi = rng.int(150, 185);
  const w = Math.round(mm(dpi) * 297);
  const rowsH = entries.length + 12;
  const size = Math.round((dpi / 72) * rng.pick([8, 9, 9, 10.5]));
  const rowH = Math.round(size * rng.pick([1.55, 1.7, 1.9]));
  const p = new Paper(w, Math.max(Math.round(mm(dpi) * 210), rowsH * rowH + size * 16));
  const face = rng.pick<Face>(['song', 'hei', 'song']);
  const ink: Ink = { size, face };
  const x = Math.round(mm(dpi) * 15);
  const inner = w - 2 * x;
  const grouped = rng.chance(0.6);
  const money = (n: number) => figures(n, grouped);
  const dStyle = rng.pick<DateStyle>(['dash', 'compact', 'slash', 'dash']);
  let y = size * 2;
  p.put(w / 2, y, bank, { size: size + 8, face: 'heiBold', align: 'center', color: rng.pick(['#b01c20', '#1a3f8c', '#222']) });
  y += size * 2.4;
  p.put(w / 2, y, statement ? rng.pick(['个人账户对账单', '活期存款对账单']) : rng.pick(['个人活期账户交易明细', '账户交易明细清单', '个人客户交易流水']), { size: size + 6, face: 'heiBold', align: 'center' });
  y += size * 3;
  const col = inner / 3;
  const period = `${printDate(startDate, dStyle)} 至 ${printDate(end, dStyle)}`;
  p.put(x, y, `户名：${who.name}`, ink);
  p.put(x + col, y, `账号：${account}`, ink);
  p.put(x + col * 2.1, y, '币种：人民币', ink);
  y += size * 1.8;
  p.put(x, y, `${rng.pick(['起止日期', '查询期间', '交易期间'])}：${period}`, ink);
  const printed = shift(end, rng.int(1, 20));
  p.put(x + col * 2.1, y, `打印日期：${printDate(printed, dStyle)}`, ink);
  y += size * 2.2;
  const ruling = rng.pick<Ruling>(['all', 'rows', 'none']);
  const shadeHead = rng.chance(0.5) ? '#e8e8e8' : undefined;
  const d = (s: string) => printDate(s, dStyle);
  let sealAt = y;
  if (statement) {
    const box: Ink = { ...ink, face: 'hei' };
    p.put(x, y, `期初余额：${money(opening)}`, box);
    p.put(x + col * 0.75, y, `本期贷方发生额：${money(creditTotal)}`, box);
    p.put(x + col * 1.65, y, `本期借方发生额：${money(debitTotal)}`, box);
    p.put(x + col * 2.5, y, `期末余额：${money(closing)}`, box);
    y += size * 2.2;
    sealAt = y;
    y = table(p, x, y, {
      heads: ['日期', '摘要', '借方发生额', '贷方发生额', '余额', '对方户名'],
      widths: [0.13, 0.14, 0.15, 0.15, 0.16, 0.27].map((f) => f * inner),
      align: 'clrrrl',
      rows: entries.map((e) => [d(e.date), e.what, e.amount < 0 ? money(-e.amount) : '', e.amount > 0 ? money(e.amount) : '', money(e.balance), e.party]),
      size,
      rowH,
      ruling,
      face,
      headFace: 'hei',
      headShade: shadeHead,
    });
  } else {
    const signed = rng.chance(0.35);
    y = table(p, x, y, {
      heads: signed ? ['交易日期', '摘要', '交易金额', '账户余额', '对方户名', '交易渠道'] : ['交易日期', '摘要', '收入', '支出', '余额', '对方户名'],
      widths: (signed ? [0.14, 0.15, 0.15, 0.16, 0.28, 0.12] : [0.13, 0.14, 0.14, 0.14, 0.16, 0.29]).map((f) => f * inner),
      align: signed ? 'clrrlc' : 'clrrrl',
      rows: entries.map((e) =>
        signed
          ? [d(e.date), e.what, (e.amount > 0 ? '+' : '-') + money(Math.abs(e.amount)), money(e.balance), e.party, e.what === '结息' ? '系统' : rng.pick(['柜面', '网银', '手机银行', '批量'])]
          : [d(e.date), e.what, e.amount > 0 ? money(e.amount) : '', e.amount < 0 ? money(-e.amount) : '', money(e.balance), e.party],
      ),
      size,
      rowH,
      ruling,
      face,
      headFace: 'hei',
      headShade: shadeHead,
    });
    y += size;
    const n = entries.length;
    p.put(x, y, rng.pick([`收入合计：${money(creditTotal)}　　支出合计：${money(debitTotal)}　　交易笔数：${n}`, `本期收入${money(creditTotal)}元，本期支出${money(debitTotal)}元，期末余额${money(closing)}元。`]), ink);
    y += size * 2;
    sealAt = y - size * 3;
  }
  y += size * 1.5;
  p.put(x, y, '本明细仅供参考，如与账务记录不符，以银行账务记录为准。', { ...ink, size: size - 2 });
  const branch = `${bank}深圳${rng.pick(['福田', '南山', '罗湖', '宝安', '龙岗'])}支行`;
  p.put(x + inner, y + size * 2, branch, { ...ink, align: 'right' });
  p.seal(x + inner - size * 6, Math.max(sealAt, y - size * 2), Math.round(size * 4), branch, rng.pick(['业务专用章', '业务受理章']), rng, rng.chance(0.3));
  const fields = { name: who.name, accountNumber: account, periodStart: startDate, periodEnd: end, creditTotal, closingBalance: closing };
  return { paper: p, fields, layout: `bank/${statement ? 'statement' : 'detail'}-${ruling}` };
}
