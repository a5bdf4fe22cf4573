// Bank statements from 农业银行, 中国银行 and 邮储银行: headers with 客户名称 / 账户名称, periods written
// 2025/01/01-2025/12/31 or 2025年1月1日至2025年12月31日, totals as 贷方发生额 / 借方发生额 or 收入合计
// 笔数 + 金额; long statements say 第1页 共3页 and only page 1 is drawn (its summary box gives the totals).
import type { Rng } from '../../../domain/seed/prng';
import { made, Paper, type Made, type Style } from './paper';
import { amount, isoDate, money, person, writeDate } from './people';

interface Row {
  readonly date: string;
  readonly memo: string;
  readonly credit: number;
  readonly debit: number;
  readonly balance: number;
  readonly other: string;
}

interface Statement {
  readonly start: string;
  readonly end: string;
  readonly opening: number;
  readonly rows: readonly Row[];
  readonly credit: number;
  readonly debit: number;
  readonly closing: number;
}

function statement(rng: Rng, n: number, payer: string): Statement {
  const year = rng.pick([2025, 2025, 2026]);
  const [m1, m2] = year === 2026 ? [1, rng.int(6, 10)] : rng.chance(0.6) ? [1, 12] : [rng.int(1, 6), rng.int(7, 12)];
  const last = new Date(Date.UTC(year, m2, 0)).getUTCDate();
  const start = isoDate(year, m1, 1);
  const end = isoDate(year, m2, last);
  let bal = amount(rng, 800, 30000);
  const opening = bal;
  let credit = 0;
  let debit = 0;
  const days = Array.from({ length: n }, () => isoDate(year, rng.int(m1, m2), rng.int(1, 28))).sort();
  const rows = days.map((date, i): Row => {
    const pay = i === 1 || rng.chance(0.35);
    const c = pay ? amount(rng, 3000, 12000) : 0;
    const d = pay ? 0 : Math.min(amount(rng, 20, 2500), Math.round((bal - 10) * 100) / 100);
    bal = Math.round((bal + c - Math.max(d, 0)) * 100) / 100;
    credit += c;
    debit += Math.max(d, 0);
    return { date, memo: pay ? '代发工资' : rng.pick(['消费', '转账支出', '快捷支付', 'ATM取款', '缴费']), credit: c, debit: Math.max(d, 0), balance: bal, other: pay ? payer : rng.pick(['财付通', '支付宝', '', '国网电费', '']) };
  });
  return { start, end, opening, rows, credit: Math.round(credit * 100) / 100, debit: Math.round(debit * 100) / 100, closing: bal };
}

function account(rng: Rng, prefix: string): string {
  let s = prefix;
  while (s.length < 19) s += String(rng.int(0, 9));
  return rng.chance(0.4) ? `${s.slice(0, 6)}*********${s.slice(-4)}` : s;
}

const PAYERS = ['广州市穗丰物流有限公司', '深圳市华科电子技术有限公司', '成都蓉城公交集团有限公司', '杭州西溪数码科技有限公司'];

/** 农业银行: header summary box, ranges with a slash, 借方/贷方发生额, three pages. */
function abc(rng: Rng, mono: boolean): Made {
  const who = person(rng);
  const st = statement(rng, 38, rng.pick(PAYERS));
  const acct = account(rng, '622848');
  const p = new Paper(210, 297, mono);
  const s9: Style = { face: 'serif', pt: 9 };
  const b9: Style = { face: 'serifBold', pt: 9.5 };
  p.text('中国农业银行个人账户交易明细', 105, 20, { face: 'serifBlack', pt: 16, align: 'center', spacing: 1 });
  p.pair('客户名称：', who.name, 14, 34, s9, b9, 0);
  p.pair('账号：', acct, 80, 34, s9, b9, 0);
  p.pair('交易日期：', `${writeDate(st.start, 'slash')}-${writeDate(st.end, 'slash')}`, 14, 42, s9, s9, 0);
  p.text('币种：人民币    钞汇：钞', 140, 42, s9);
  p.table(14, 47, [45.5, 45.5, 45.5, 45.5], [
    ['期初余额', '贷方发生额', '借方发生额', '期末余额'],
    [money(st.opening), money(st.credit), money(st.debit), money(st.closing)],
  ], 8, { face: 'serif', pt: 9.5 }, b9);
  const rows = st.rows.slice(0, 22).map((r) => [writeDate(r.date, 'compact'), r.memo, r.debit ? money(r.debit) : '', r.credit ? money(r.credit) : '', money(r.balance), r.other]);
  p.table(14, 70, [22, 22, 26, 26, 28, 58], [['交易日期', '摘要', '借方发生额', '贷方发生额', '余额', '对方户名'], ...rows], 8.4, { face: 'serif', pt: 8.5 }, { face: 'serifBold', pt: 8.5 });
  p.text(`打印日期：${writeDate(st.end, 'slash')}`, 14, 280, { face: 'serifXL', pt: 8 });
  p.text('第1页 共3页', 196, 280, { face: 'serif', pt: 8.5, align: 'right' });
  return made(p, { name: who.name, accountNumber: acct, periodStart: st.start, periodEnd: st.end, creditTotal: st.credit, closingBalance: st.closing }, 'abc-summary-3pages');
}

/** 中国银行: 账户名称, 年月日至 range, rows then 收入合计 笔数 + 金额 on a single page. */
function boc(rng: Rng, mono: boolean, psbc: boolean): Made {
  const who = person(rng);
  const st = statement(rng, rng.int(10, 18), rng.pick(PAYERS));
  const acct = account(rng, psbc ? '621799' : '621790');
  const p = new Paper(210, 250, mono);
  const f: Style = { face: psbc ? 'pxzs' : 'serif', pt: 9.5 };
  const bold: Style = { ...f, face: 'serifBold' };
  p.text(psbc ? '中国邮政储蓄银行' : '中国银行', 14, 18, { face: 'serifBlack', pt: 13, color: psbc ? '#0a6a3a' : '#a01c1c' });
  p.text(psbc ? '个人活期账户交易对账单' : '交易流水明细清单', 105, 30, { face: 'serifBold', pt: 15, align: 'center', spacing: 1.5 });
  p.pair(psbc ? '客户名称：' : '账户名称：', who.name, 14, 42, f, bold, 0);
  p.pair('账号：', acct, 110, 42, f, bold, 0);
  p.pair('交易日期：', `${writeDate(st.start, 'cn')}至${writeDate(st.end, 'cn')}`, 14, 50, f, f, 0);
  const rows = st.rows.map((r) => [writeDate(r.date, psbc ? 'iso' : 'slash'), r.memo, r.credit ? money(r.credit) : `-${money(r.debit)}`, money(r.balance), r.other]);
  const bottom = p.table(14, 56, [28, 26, 32, 32, 64], [['记账日期', '摘要', '交易金额', '余额', '对方户名'], ...rows], 8.6, { ...f, pt: 8.5 }, { ...bold, pt: 8.5 });
  const credits = st.rows.filter((r) => r.credit > 0).length;
  p.text(`收入合计：${credits}笔  金额：${money(st.credit)}`, 14, bottom + 9, bold);
  p.text(`支出合计：${st.rows.length - credits}笔  金额：${money(st.debit)}`, 110, bottom + 9, f);
  p.pair('期末余额：', money(st.closing), 14, bottom + 17, f, bold, 0);
  p.text('本清单仅供参考，以银行系统记录为准。', 14, bottom + 26, { face: 'serifXL', pt: 8 });
  p.text('第1页 共1页', 196, 242, { ...f, pt: 8, align: 'right' });
  if (!mono) p.seal(165, bottom + 28, 15, psbc ? '中国邮政储蓄银行业务专用章' : '中国银行业务专用章');
  return made(p, { name: who.name, accountNumber: acct, periodStart: st.start, periodEnd: st.end, creditTotal: st.credit, closingBalance: st.closing }, psbc ? 'psbc-statement' : 'boc-statement');
}

export function drawBank(rng: Rng, mono: boolean): Made {
  const u = rng.next();
  return u < 0.4 ? abc(rng, mono) : boc(rng, mono, u > 0.7);
}
