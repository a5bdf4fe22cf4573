// Bank pages of the tenth set: a 交通银行-style 交易清单 with a 借/贷 column and 借方/贷方 totals under
// it; a 平安银行-style statement summary page (本期收入合计, 期末余额) with a few main entries; a
// 微众银行-style app export listing newest first with 收/支 marks (bank-summary.ts). Every entry and
// balance follows from the ones before, in whole cents.
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { paragraph, tableRow } from './form';
import { addDays, dateBetween, money, writeDate } from './forms';
import { bodyPt, Paper, type Made } from './paper';
import { stamp } from './marks';
import { employer, person, rareName, rarify, type Person } from './people';
import { pinganSummary, webankExport } from './bank-summary';

export interface Entry {
  readonly date: string;
  readonly time: string;
  readonly what: string;
  readonly credit: boolean;
  /** Cents. */
  readonly amount: number;
  /** Cents, after the entry. */
  readonly balance: number;
  readonly party: string;
}

export interface Statement {
  readonly who: Person;
  readonly account: string;
  readonly shown: string;
  readonly start: string;
  readonly end: string;
  readonly issued: string;
  /** Cents. */
  readonly opening: number;
  readonly entries: readonly Entry[];
}

const SHOPS = ['财付通-美团', '支付宝-淘宝', '财付通-京东', '银联消费-华润万家', '支付宝-滴滴出行', '财付通-拼多多', '深圳通充值'];
const FOLKS = ['张丽', '陈伟', '黄建国', '刘芳', '李明', '周婷'];

export function statement(rng: Rng, prefix: string, digits: number): Statement {
  let who = person(rng, { from: '1962-01-01', to: '2003-12-31' });
  if (rareName(rng)) who = rarify(rng, who);
  const months = rng.pick([3, 6, 6, 12]);
  const first = dateBetween(rng, '2023-01-01', '2026-05-01');
  const start = `${first.slice(0, 8)}01`;
  const endMonth = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1 + months, 0)).toISOString().slice(0, 10);
  const end = endMonth > '2026-11-30' ? '2026-11-30' : endMonth;
  const issued = dateBetween(rng, addDays(end, 1) > '2026-11-30' ? end : addDays(end, 1), addDays(end, 20) > '2026-11-30' ? '2026-11-30' : addDays(end, 20));
  const account = `${prefix}${Array.from({ length: digits - prefix.length }, () => rng.int(0, 9)).join('')}`;
  const shown = rng.chance(0.5) ? `${account.slice(0, 6)}${'*'.repeat(account.length - 10)}${account.slice(-4)}` : account;
  const company = employer(rng);
  const salary = rng.int(40, 260) * 10000 + rng.int(0, 99) * 100;
  let balance = rng.int(50, 8000) * 100 + rng.int(0, 99);
  const opening = balance;
  const n = rng.int(14, 22);
  const dates = Array.from({ length: n }, () => dateBetween(rng, start, end)).sort();
  const entries: Entry[] = dates.map((date, i) => {
    const pick = rng.pick(['shop', 'shop', 'transfer-in', 'transfer-out', 'cash', 'shop'] as const);
    const kind = i % 5 === 0 ? 'salary' : balance < 30000 ? 'transfer-in' : pick;
    const credit = kind === 'salary' || kind === 'transfer-in';
    const amount =
      kind === 'salary' ? salary : kind === 'transfer-in' ? rng.int(2, 300) * 1000 : Math.min(Math.round(balance * 0.5), kind === 'cash' ? rng.int(1, 20) * 10000 : rng.int(500, 90000));
    balance += credit ? amount : -amount;
    const what = kind === 'salary' ? rng.pick(['代发工资', '工资', '代发']) : kind === 'shop' ? '消费' : kind === 'cash' ? 'ATM取款' : credit ? '转账存入' : '转账支出';
    const party = kind === 'salary' ? company : kind === 'shop' ? rng.pick(SHOPS) : kind === 'cash' ? '' : rng.pick(FOLKS);
    const time = `${String(rng.int(7, 22)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
    return { date, time, what, credit, amount, balance, party };
  });
  return { who, account, shown, start, end, issued, opening, entries };
}

export const yuan = (cents: number) => cents / 100;
export const creditsOf = (s: Statement) => s.entries.filter((e) => e.credit).reduce((a, e) => a + e.amount, 0);
export const debitsOf = (s: Statement) => s.entries.filter((e) => !e.credit).reduce((a, e) => a + e.amount, 0);
export const closingOf = (s: Statement) => s.entries[s.entries.length - 1]!.balance;

export function fieldsOf(s: Statement): Record<string, string | number> {
  return { name: s.who.name, accountNumber: s.shown, periodStart: s.start, periodEnd: s.end, creditTotal: yuan(creditsOf(s)), closingBalance: yuan(closingOf(s)) };
}

function bocom(rng: Rng, dpi: DpiFor): Made {
  const s = statement(rng, rng.pick(['622262', '622260']), 19);
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi) - 0.5;
  const face = rng.pick(['sans', 'sans-l', 'serif', 'sypx'] as const);
  p.fill(22, 14, 8, 8, '#1d4f9c');
  p.write(32, 21, '交通银行', { face: 'serif-b', pt: 15, color: '#1d4f9c' });
  p.write(64, 21, 'BANK OF COMMUNICATIONS', { face: 'sans-m', pt: 8, color: '#1d4f9c' });
  p.write(105, 36, rng.pick(['个人客户交易清单', '账户交易明细']), { face: 'sans-b', pt: pt + 6, align: 'center' });
  const style = rng.pick(['iso', 'dot', 'cn0'] as const);
  p.write(22, 47, `户名：${s.who.name}`, { face, pt });
  p.write(92, 47, `账号/卡号：${s.shown}`, { face, pt });
  p.write(22, 54, '币种：人民币　　钞汇：钞', { face, pt });
  p.write(92, 54, `查询期间：${writeDate(s.start, style)} 至 ${writeDate(s.end, style)}`, { face, pt });
  const y = 60;
  const rows = s.entries.length + 1;
  const rh = Math.min(pt * 0.82, 178 / rows);
  const edges = p.grid(22, y, [8, 19, 15, 19, 9, 24, 26, 46], Array(rows).fill(rh) as number[], 0.15, '#555');
  tableRow(p, edges, y, rh, ['序号', '交易日期', '交易时间', '摘要', '借贷', '交易金额', '余额', '对方户名'], 'sans-m', pt - 1);
  const align = ['center', 'center', 'center', 'center', 'center', 'right', 'right', 'left'] as const;
  s.entries.forEach((e, i) => {
    const cells = [String(i + 1), writeDate(e.date, 'compact'), e.time, e.what, e.credit ? '贷' : '借', money(yuan(e.amount)), money(yuan(e.balance)), e.party];
    tableRow(p, edges, y + (i + 1) * rh, rh, cells, face, pt - 1, align);
  });
  let at = y + rows * rh + 7;
  const credits = s.entries.filter((e) => e.credit).length;
  p.write(22, at, `借方发生额合计：${money(yuan(debitsOf(s)))}（${s.entries.length - credits}笔）`, { face, pt });
  p.write(110, at, `贷方发生额合计：${money(yuan(creditsOf(s)))}（${credits}笔）`, { face, pt });
  p.write(22, at + 7, `期初余额：${money(yuan(s.opening))}`, { face, pt });
  p.write(110, at + 7, `期末余额：${money(yuan(closingOf(s)))}`, { face, pt });
  at = paragraph(p, 22, at + 17, 166, `本清单仅反映该账户在查询期间的交易情况，打印日期：${writeDate(s.issued, 'cn0')}。如有疑问请致电95559。`, face, pt - 1, 1.7, false);
  p.write(188, at + 12, '交通银行股份有限公司深圳分行', { face, pt, align: 'right' });
  stamp(p, 150, at + 6, 15, '交通银行股份有限公司深圳分行', '业务专用章', 'rgba(214,38,38,0.7)');
  return { paper: p, layout: 'bocom-detail', fields: fieldsOf(s) };
}

const DESIGNS = ['bocom-detail', 'pingan-summary', 'webank-export'] as const;

export function drawBank(rng: Rng, dpi: DpiFor): Made {
  const design = rng.pick(DESIGNS);
  if (design === 'bocom-detail') return bocom(rng, dpi);
  if (design === 'pingan-summary') return pinganSummary(rng, dpi, statement(rng, '623058', 19));
  return webankExport(rng, dpi, statement(rng, rng.pick(['621699', '623666']), 19));
}
