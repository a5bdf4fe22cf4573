// 社保 papers: the 个人权益记录 with one row per year (months summed at the foot), the 参保缴费明细
// by period and employer, and a 参保证明 letter with the months in a sentence.
import type { Rng } from '../../../domain/seed/prng';
import { money, writeDate, type DateForm } from './forms';
import { colon, table, type Cell } from './kit';
import { type DpiFor, type Made, Paper, type TextStyle } from './paper';
import { dayBetween, employer, person, type Person } from './people';

interface Period {
  readonly from: string; // YYYY-MM
  readonly to: string;
  readonly firm: string;
  readonly months: number;
  readonly base: number;
}

interface History {
  readonly who: Person;
  readonly periods: readonly Period[];
  readonly total: number;
  readonly date: string;
  readonly firm: string;
}

const ym = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

function history(rng: Rng): History {
  const who = person(rng, { from: 1966, to: 2000 });
  const date = dayBetween(rng, '2024-01-01', '2026-11-30');
  const endN = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 2;
  let n = endN - rng.int(24, 200);
  const periods: Period[] = [];
  while (n <= endN) {
    const len = Math.min(endN - n + 1, rng.int(14, 70));
    periods.push({ from: ym(n), to: ym(n + len - 1), firm: employer(rng), months: len, base: rng.int(2360, 28000) });
    n += len + (rng.chance(0.3) ? rng.int(1, 5) : 0);
  }
  const total = periods.reduce((a, p) => a + p.months, 0);
  return { who, periods, total, date, firm: periods[periods.length - 1]!.firm };
}

/** Months per calendar year over the periods. */
function byYear(h: History): [number, number, number][] {
  const out = new Map<number, [number, number]>();
  for (const p of h.periods) {
    const a = Number(p.from.slice(0, 4)) * 12 + Number(p.from.slice(5)) - 1;
    for (let i = 0; i < p.months; i++) {
      const y = Math.floor((a + i) / 12);
      const cur = out.get(y) ?? [0, p.base];
      out.set(y, [cur[0] + 1, p.base]);
    }
  }
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([y, [m, base]]) => [y, m, base]);
}

const fieldsOf = (h: History, withId = true, withFirm = true) => ({
  name: h.who.name,
  ...(withId ? { idNumber: h.who.id } : {}),
  ...(withFirm ? { employer: h.firm } : {}),
  totalMonths: h.total,
  date: h.date,
});

/** 深圳市社会保险 个人权益记录: a row per year, the months summed at the foot. */
function rights(rng: Rng, dpi: DpiFor): Made {
  const h = history(rng);
  const p = new Paper(210, 297, dpi(297));
  p.text('深圳市社会保险参保缴费个人权益记录单', 105, 16, { size: 5.4, face: 'serif-x', align: 'center' });
  p.text('（养老保险）', 105, 25, { size: 3.4, face: 'serif', align: 'center' });
  const s: TextStyle = { size: 3, face: 'sans' };
  const lab = (t: string): Cell => ({ text: t, style: s, fill: '#f0f0f0', align: 'center' });
  const val = (t: string, span = 1): Cell => ({ text: t, style: { size: 3.2, face: 'serif' }, span });
  let y = table(
    p,
    16,
    34,
    [26, 52, 30, 70],
    [
      [lab('姓名'), val(h.who.name), lab('社保电脑号'), val(String(rng.int(600000000, 699999999)))],
      [lab('身份证号码'), val(h.who.id), lab('参保状态'), val(rng.pick(['正常参保', '参保缴费']))],
      [lab('现参保单位'), val(h.firm, 3)],
    ],
    s,
    { minH: 8 },
  );
  const years = byYear(h);
  const rows: Cell[][] = [[lab('缴费年度'), lab('缴费月数'), lab('缴费基数（元）'), lab('个人缴费（元）'), lab('单位缴费（元）')]];
  for (const [yr, m, base] of years)
    rows.push([
      { text: `${yr}年`, style: s, align: 'center' },
      { text: String(m), style: s, align: 'center' },
      { text: money(base), style: s },
      { text: money(base * 0.08 * m), style: s },
      { text: money(base * 0.15 * m), style: s },
    ]);
  rows.push([lab('合计'), { text: `${h.total}个月`, style: { ...s, face: 'sans-x' }, align: 'center' }, { text: '', span: 3 }]);
  y = table(p, 16, y + 6, [30, 30, 38, 40, 40], rows, s, { minH: 6, lineW: 0.2, pad: 1.2 });
  const c = colon(rng);
  p.text(`累计缴费月数${c}${h.total}`, 16, Math.min(y + 6, 262), { size: 3.4, face: 'sans-x' });
  p.text(`打印日期${c}${writeDate(h.date, rng.pick<DateForm>(['cn', 'iso', 'dot']))}`, 194, Math.min(y + 6, 262), { size: 3.2, face: 'sans', align: 'right' });
  p.seal(160, Math.min(y + 22, 276), 15, '深圳市社会保险基金管理局', '业务专用章');
  return { paper: p, fields: fieldsOf(h), layout: 'rights-record' };
}

/** 参保缴费明细 by period and employer (landscape), months summed in the last row. */
function detail(rng: Rng, dpi: DpiFor): Made {
  const h = history(rng);
  const p = new Paper(297, 210, dpi(297));
  p.text('参保缴费明细', 148, 12, { size: 6, face: 'sans-x', align: 'center' });
  const c = colon(rng);
  const s: TextStyle = { size: 3, face: rng.pick(['sans', 'mono']) };
  let x = 16;
  for (const [l, v] of [
    ['姓名', h.who.name],
    ['证件号码', h.who.id],
    ['险种', '企业职工基本养老保险'],
  ]) {
    x += p.text(`${l}${c}${v}`, x, 24, s) + 12;
  }
  const head = (t: string): Cell => ({ text: t, style: { ...s, face: 'sans-x' }, fill: '#e8eef6', align: 'center' });
  const form = rng.pick(['dot', 'slash', 'cn'] as const);
  const month = (v: string) => (form === 'cn' ? `${v.slice(0, 4)}年${v.slice(5)}月` : v.replace('-', form === 'dot' ? '.' : '/'));
  const rows: Cell[][] = [[head('序号'), head('起始年月'), head('截止年月'), head('缴费单位'), head('缴费基数'), head('月数')]];
  h.periods.forEach((pd, i) =>
    rows.push([
      { text: String(i + 1), style: s, align: 'center' },
      { text: month(pd.from), style: s },
      { text: month(pd.to), style: s },
      { text: pd.firm, style: s },
      { text: money(pd.base), style: s },
      { text: String(pd.months), style: s, align: 'center' },
    ]),
  );
  rows.push([{ text: '合计', style: { ...s, face: 'sans-x' }, span: 5, align: 'center' }, { text: `${h.total}`, style: { ...s, face: 'sans-x' }, align: 'center' }]);
  const y = table(p, 16, 32, [16, 34, 34, 112, 36, 32], rows, s, { minH: 8, lineW: 0.2 });
  p.text(`缴费月数合计${c}${h.total}个月`, 16, Math.min(y + 6, 190), { size: 3.4, face: 'sans-x' });
  p.text(`查询日期${c}${writeDate(h.date, rng.pick<DateForm>(['iso', 'dash', 'cn']))}`, 280, Math.min(y + 6, 190), { size: 3.2, face: 'sans', align: 'right' });
  return { paper: p, fields: fieldsOf(h), layout: 'period-detail' };
}

/** 参保证明 letter: the months and the current employer in a sentence. */
function proof(rng: Rng, dpi: DpiFor): Made {
  const h = history(rng);
  const p = new Paper(210, 297, dpi(297));
  p.text('参 保 证 明', 105, 36, { size: 8, face: 'serif-x', align: 'center' });
  const body: TextStyle = { size: 4.3, face: 'serif' };
  const first = h.periods[0]!.from;
  const last = h.periods[h.periods.length - 1]!.to;
  const c = colon(rng);
  const idToo = rng.chance(0.8);
  const text = `兹证明${h.who.name}${idToo ? `（公民身份号码${c}${h.who.id}）` : ''}自${first.slice(0, 4)}年${Number(first.slice(5))}月至${last.slice(0, 4)}年${Number(last.slice(5))}月在深圳市参加企业职工基本养老保险，累计缴费${h.total}个月，现参保单位为${h.firm}。`;
  let y = p.para(text, 22, 56, 166, body, 2, 8.6);
  y = p.para('特此证明。', 22, y + 2, 166, body, 2, 8.6);
  p.para('说明：本证明可登录深圳市社会保险基金管理局网站或通过“粤省事”核验真伪。', 22, y + 6, 166, { size: 3.2, face: 'sans', color: '#444' }, 1.8);
  p.text('深圳市社会保险基金管理局', 188, y + 40, { ...body, align: 'right' });
  p.text(writeDate(h.date, rng.pick<DateForm>(['han', 'cn', 'cn0'])), 188, y + 49, { ...body, align: 'right' });
  p.seal(158, y + 44, 19, '深圳市社会保险基金管理局', '证明专用章');
  return { paper: p, fields: fieldsOf(h, idToo), layout: 'proof-letter' };
}

export function drawSocial(rng: Rng, dpi: DpiFor): Made {
  const r = rng.next();
  return r < 0.38 ? rights(rng, dpi) : r < 0.7 ? detail(rng, dpi) : proof(rng, dpi);
}
