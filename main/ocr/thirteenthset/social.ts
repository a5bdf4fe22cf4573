// Social-insurance pages: a 参保缴费证明 with one row per period of contribution (start and end month,
// employer, months) and the cumulative months under it; a 缴费明细 month by month for the last year
// or two, the cumulative count in a line above; and a 参保证明 letter telling it in a sentence.
import type { Rng } from '../../../domain/seed/prng';
import { dateBetween, writeDate, writeMonth } from './forms';
import { A4, bodyFace, dateStyle, foot, sheet } from './kit';
import type { DpiFor, Made, TextStyle } from './paper';
import { employer, person, type Person } from './people';

const ISSUER = '深圳市社会保险基金管理局';

interface Period {
  readonly from: string;
  readonly to: string;
  readonly firm: string;
  readonly months: number;
}

interface Record {
  readonly who: Person;
  readonly periods: readonly Period[];
  readonly total: number;
  readonly firm: string;
  readonly issued: string;
}

const monthIso = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);

function record(rng: Rng): Record {
  const who = person(rng, { from: '1966-01-01', to: '2001-12-31' });
  const issued = dateBetween(rng, '2025-01-15', '2026-11-28');
  const n = rng.int(1, 4);
  const periods: Period[] = [];
  // walking back from the month before issue
  let y = Number(issued.slice(0, 4));
  let m = Number(issued.slice(5, 7)) - 1;
  for (let i = 0; i < n; i++) {
    const months = rng.int(5, 60);
    const end = monthIso(y, m);
    const start = monthIso(y, m - months + 1);
    periods.unshift({ from: start, to: end, firm: employer(rng), months });
    const gap = rng.int(1, 8);
    y = Number(start.slice(0, 4));
    m = Number(start.slice(5, 7)) - gap;
  }
  const total = periods.reduce((a, p) => a + p.months, 0);
  return { who, periods, total, firm: periods[periods.length - 1]!.firm, issued };
}

const truth = (r: Record) => ({ name: r.who.name, idNumber: r.who.idNumber, employer: r.firm, totalMonths: r.total, date: r.issued });

/** One row per period of contribution, the total under them. */
function periodsTable(rng: Rng, dpi: DpiFor): Made {
  const r = record(rng);
  const p = sheet(...A4, dpi);
  const s: TextStyle = { size: 3.6, face: rng.pick(['song', 'hei', 'maoken']) };
  p.text('深圳市社会保险参保缴费证明（个人）', 105, 22, { size: 5.6, face: 'serif', align: 'center' });
  p.text(`姓名：${r.who.name}`, 20, 36, s);
  p.text(`社会保障号码：${r.who.idNumber}`, 80, 36, s);
  p.text(`电脑号：${rng.int(600000000, 699999999)}`, 20, 43, s);
  p.text('参保状态：正常参保', 80, 43, s);
  const ms = rng.pick(['cn', 'dot', 'compact'] as const);
  const xs = [20, 46, 72, 146, 168, 190];
  const rh = 9;
  const top = 52;
  p.grid(xs, Array.from({ length: r.periods.length + 3 }, (_, i) => top + i * rh), 0.2);
  ['起始年月', '截止年月', '缴费单位', '险种', '月数'].forEach((h, i) => p.cell(h, xs[i]!, xs[i + 1]!, top, top + rh, { ...s, face: 'hei-b', align: 'center' }));
  r.periods.forEach((q, i) => {
    const row = [writeMonth(q.from, ms), writeMonth(q.to, ms), q.firm, rng.pick(['养老', '养老、医疗', '五险']), String(q.months)];
    row.forEach((v, c) => p.cell(v, xs[c]!, xs[c + 1]!, top + (i + 1) * rh, top + (i + 2) * rh, { ...s, align: c === 2 ? 'left' : 'center' }));
  });
  const yt = top + (r.periods.length + 1) * rh;
  p.cell(rng.pick(['累计缴费月数', '合计缴费月数']), xs[0]!, xs[3]!, yt, yt + rh, { ...s, face: 'hei-b', align: 'center' });
  p.cell(`${r.total}个月`, xs[3]!, xs[5]!, yt, yt + rh, { ...s, align: 'center' });
  const y = p.para('说明：本证明记载的缴费月数为养老保险实际缴费月数，重复缴费月份不重复计算。', 20, yt + rh + 8, 170, { size: 3.2, face: 'song', color: '#444' });
  foot(p, rng, ISSUER, r.issued, dateStyle(rng, 0.25), 188, y + 10, s, `${ISSUER}业务专用章`);
  return { paper: p, fields: truth(r), layout: 'periods-table' };
}

/** Month by month for the last year or two; the cumulative count above the list. */
function monthly(rng: Rng, dpi: DpiFor): Made {
  const r = record(rng);
  const p = sheet(...A4, dpi);
  const s: TextStyle = { size: 3.2, face: rng.pick(['hei', 'mono-i', 'song']) };
  p.text('参保人员缴费明细', 105, 16, { size: 5.6, face: 'hei-b', align: 'center' });
  p.text(`姓名 ${r.who.name}`, 18, 27, s);
  p.text(`身份证号 ${r.who.idNumber}`, 70, 27, s);
  p.text(`打印日期 ${writeDate(r.issued, rng.pick(['iso', 'cn'] as const))}`, 140, 27, s);
  p.text(`截至${writeMonth(r.periods[r.periods.length - 1]!.to, 'cn')}，养老保险累计缴费月数：${r.total}`, 18, 34, { ...s, face: 'hei-b' });
  const last = r.periods[r.periods.length - 1]!;
  const n = Math.min(last.months, rng.int(12, 24));
  const xs = [18, 40, 110, 135, 160, 192];
  const rh = 6.8;
  const top = 42;
  p.grid(xs, Array.from({ length: n + 2 }, (_, i) => top + i * rh), 0.18);
  ['费款所属期', '单位名称', '缴费基数', '个人缴费', '状态'].forEach((h, i) => p.cell(h, xs[i]!, xs[i + 1]!, top, top + rh, { ...s, face: 'hei-b', align: 'center' }));
  const base = rng.int(2360, 26421);
  const y0 = Number(last.to.slice(0, 4));
  const m0 = Number(last.to.slice(5, 7));
  for (let i = 0; i < n; i++) {
    const row = [writeMonth(monthIso(y0, m0 - i), 'compact'), last.firm, (base).toFixed(2), (base * 0.08).toFixed(2), '已实缴'];
    row.forEach((v, c) => p.cell(v, xs[c]!, xs[c + 1]!, top + (i + 1) * rh, top + (i + 2) * rh, { ...s, align: c === 1 ? 'left' : 'center' }));
  }
  p.text('（明细仅列最近缴费记录）', 18, top + (n + 1) * rh + 4, { size: 3, face: 'song', color: '#555' });
  p.seal(160, top + (n + 1) * rh + 16, 16, ISSUER, '查询专用章');
  return { paper: p, fields: truth(r), layout: 'monthly' };
}

/** The 参保证明 letter. */
function letter(rng: Rng, dpi: DpiFor): Made {
  const r = record(rng);
  const p = sheet(...A4, dpi);
  const s: TextStyle = { size: rng.pick([4.2, 4.6]), face: bodyFace(rng) };
  p.text('参保证明', 105, 36, { size: 8, face: rng.pick(['serif', 'xiaowei']), align: 'center', spacing: 3 });
  const first = r.periods[0]!;
  const last = r.periods[r.periods.length - 1]!;
  const body = rng.chance(0.5)
    ? `兹证明${r.who.name}（公民身份号码：${r.who.idNumber}）自${writeMonth(first.from, 'cn')}起在深圳市参加社会保险，现参保单位为${r.firm}，截至${writeMonth(last.to, 'cn')}，累计缴纳基本养老保险${r.total}个月。`
    : `经核查，参保人${r.who.name}，身份证号${r.who.idNumber}，当前由${r.firm}为其缴纳社会保险（${writeMonth(last.from, 'cn')}至${writeMonth(last.to, 'cn')}），在本市累计缴费${r.total}个月，其中中断${r.periods.length - 1}次。`;
  let y = p.para(body, 22, 56, 166, s, 1.8, s.size * 2);
  y = p.para('特此证明。', 22, y + 2, 166, s, 1.8, s.size * 2);
  foot(p, rng, ISSUER, r.issued, dateStyle(rng, 0.4), 188, y + 20, s);
  return { paper: p, fields: truth(r), layout: 'letter' };
}

export function drawSocial(rng: Rng, dpi: DpiFor): Made {
  return rng.pick([periodsTable, monthly, letter])(rng, dpi);
}
