// Social-insurance pages of the tenth set: a 深圳 个人参保证明 with a 缴费年限 table per scheme (the
// truth is the pension months; medical, unemployment and injury counts differ); a 养老保险 个人账户
// 对账单 for one year (本年 12 months beside the cumulative count); and a pension contribution history
// by employer, whose 合计 row holds the months and whose last, open segment is the employer.
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { formRow, paragraph, qr, tableRow } from './form';
import { dateBetween, money, writeDate, writeMonth } from './forms';
import { bodyPt, Paper, type Made } from './paper';
import { stamp } from './marks';
import { employer, person, rareName, rarify, type Person } from './people';

interface Segment {
  readonly from: string;
  readonly to: string;
  readonly company: string;
  readonly months: number;
  readonly base: number;
}

interface Insured {
  readonly who: Person;
  readonly number: string;
  readonly segments: readonly Segment[];
  readonly total: number;
  readonly issued: string;
}

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthIso = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;

function insured(rng: Rng): Insured {
  let who = person(rng, { from: '1965-01-01', to: '2001-12-31' });
  if (rareName(rng)) who = rarify(rng, who);
  const issued = dateBetween(rng, '2024-01-01', '2026-11-30');
  const last = monthIndex(issued) - 1;
  const adult = monthIndex(who.birth) + 12 * 19;
  let at = Math.max(adult, monthIndex('1998-01-01'), last - rng.int(26, 260));
  const segments: Segment[] = [];
  const count = rng.int(1, 4);
  for (let k = 0; k < count && at <= last; k++) {
    const end = k === count - 1 ? last : Math.min(last, at + rng.int(6, 80));
    segments.push({ from: monthIso(at), to: monthIso(end), company: employer(rng), months: end - at + 1, base: rng.int(22, 120) * 100 });
    at = end + 1 + (rng.chance(0.4) ? rng.int(1, 8) : 0);
  }
  const total = segments.reduce((a, s) => a + s.months, 0);
  return { who, number: String(rng.int(600000000, 699999999)), segments, total, issued };
}

const current = (i: Insured) => i.segments[i.segments.length - 1]!;

function schemeTable(rng: Rng, dpi: DpiFor, i: Insured): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['sans', 'serif', 'sans-l', 'sypx'] as const);
  const now = current(i);
  p.write(105, 30, '深圳市社会保险参保证明', { face: 'serif-b', pt: pt + 7, align: 'center' });
  p.write(105, 38, '（个人）', { face, pt, align: 'center' });
  const info: (readonly [string, string, number?])[][] = [
    [['姓名', i.who.name, 1.3], ['性别', i.who.sex], ['电脑号', i.number, 1.3]],
    [['身份证号码', i.who.id]],
    [['参保单位', now.company]],
    [['参保状态', '正常参保'], ['参保地', '深圳市']],
  ];
  const rh = pt * 1.05;
  info.forEach((pairs, k) => formRow(p, 22, 46 + k * rh, 166, rh, pairs, { label: face, value: face, pt }));
  let y = 46 + info.length * rh + 10;
  p.write(22, y - 3, '缴费年限', { face: 'sans-b', pt: pt + 0.5 });
  const medical = i.total + rng.int(0, 14);
  const rows = [
    ['基本养老保险', writeMonth(i.segments[0]!.from, 'cn0'), String(i.total), '正常'],
    ['基本医疗保险', writeMonth(i.segments[0]!.from, 'cn0'), String(medical), '正常'],
    ['失业保险', writeMonth(i.segments[0]!.from, 'cn0'), String(Math.max(1, i.total - rng.int(1, 20))), '正常'],
    ['工伤保险', writeMonth(now.from, 'cn0'), String(Math.max(1, now.months)), '正常'],
  ];
  const edges = p.grid(22, y, [44, 40, 46, 36], Array(rows.length + 1).fill(rh) as number[]);
  tableRow(p, edges, y, rh, ['险种', '首次参保年月', '本市累计缴费月数', '参保状态'], face, pt);
  rows.forEach((r, k) => tableRow(p, edges, y + (k + 1) * rh, rh, r, face, pt));
  y += (rows.length + 1) * rh + 9;
  const said = rng.chance(0.6);
  const sentence = said ? `截至${writeMonth(monthIso(monthIndex(i.issued) - 1), 'cn0')}，该参保人在本市累计缴纳基本养老保险${i.total}个月。` : '';
  y = paragraph(p, 22, y, 166, `${sentence}本证明仅反映参保人在深圳市的参保缴费情况，可扫描右下角二维码或登录深圳市社会保险基金管理局网站核验。`, face, pt);
  qr(p, 160, y + 6, 26, rng);
  p.write(22, y + 14, `打印日期：${writeDate(i.issued, rng.pick(['cn0', 'iso'] as const))}`, { face, pt });
  p.write(22, y + 22, `验证码：${rng.int(100000000, 999999999)}`, { face, pt });
  stamp(p, 108, y + 18, 17, '深圳市社会保险基金管理局', '业务专用章');
  return { paper: p, layout: 'sz-scheme-table', fields: { name: i.who.name, idNumber: i.who.id, employer: now.company, totalMonths: i.total, date: i.issued } };
}

function pensionAnnual(rng: Rng, dpi: DpiFor, i: Insured): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['serif', 'syst', 'sans', 'serif-l'] as const);
  const year = Number(i.issued.slice(0, 4)) - 1;
  const now = current(i);
  const dec = monthIndex(`${year}-12-01`);
  const within = (s: Segment, from: number) => Math.max(0, Math.min(monthIndex(s.to), dec) - Math.max(monthIndex(s.from), from) + 1);
  const upto = i.segments.reduce((a, s) => a + within(s, 0), 0);
  const inYear = i.segments.reduce((a, s) => a + within(s, dec - 11), 0);
  p.write(105, 30, '城镇职工基本养老保险个人账户对账单', { face: 'serif-b', pt: pt + 5, align: 'center' });
  p.write(105, 38, `（${year}年度）`, { face, pt: pt + 1, align: 'center' });
  const info: (readonly [string, string, number?])[][] = [
    [['姓名', i.who.name], ['个人编号', i.number]],
    [['公民身份号码', i.who.id]],
    [['单位名称', now.company]],
    [['参保地', '广东省深圳市'], ['缴费状态', '参保缴费']],
  ];
  const rh = pt * 1.05;
  info.forEach((pairs, k) => formRow(p, 22, 46 + k * rh, 166, rh, pairs, { label: face, value: face, pt }));
  let y = 46 + info.length * rh + 8;
  const base = now.base;
  const personal = base * 0.08 * inYear;
  const stored = Math.round(personal * (3 + rng.next() * 8) * 100) / 100;
  const edges = p.grid(22, y, [22, 26, 20, 32, 30, 36], [rh * 1.3, rh], 0.25);
  tableRow(p, edges, y, rh * 1.3, ['年度', '月缴费基数', '本年缴费月数', '本年个人缴费', '本年记账利息', '年末累计储存额'], face, pt - 1);
  tableRow(p, edges, y + rh * 1.3, rh, [String(year), money(base), String(inYear), money(personal), money(stored * 0.025), money(stored)], face, pt - 0.5);
  y += rh * 2.3 + 10;
  const years = Math.floor(upto / 12);
  p.write(22, y, `截至${year}年12月，累计缴费月数：${upto}个月（折合${years}年${upto - years * 12}个月）`, { face, pt });
  y = paragraph(p, 22, y + 10, 166, '说明：个人账户储存额只能用于本人养老，不得提前支取。如对本对账单有异议，请于收到之日起三十日内向参保地社会保险经办机构查询。', face, pt - 0.5);
  p.write(186, y + 16, '深圳市社会保险基金管理局', { face, pt, align: 'right' });
  p.write(186, y + 25, `打印日期：${writeDate(i.issued, 'cn0')}`, { face, pt, align: 'right' });
  stamp(p, 124, y + 12, 16, '深圳市社会保险基金管理局', '');
  return { paper: p, layout: 'pension-annual', fields: { name: i.who.name, idNumber: i.who.id, employer: now.company, totalMonths: upto, date: i.issued } };
}

function history(rng: Rng, dpi: DpiFor, i: Insured): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['sans', 'sans-l', 'sypx', 'serif'] as const);
  const now = current(i);
  p.write(105, 30, rng.pick(['社会保险个人缴费历史', '参保人员缴费明细（养老保险）']), { face: 'sans-b', pt: pt + 6, align: 'center' });
  p.write(22, 44, `姓名：${i.who.name}`, { face, pt });
  p.write(80, 44, `社会保障号码：${i.who.id}`, { face, pt });
  const named = rng.chance(0.5);
  if (named) p.write(22, 51, `当前参保单位：${now.company}`, { face, pt });
  const rh = pt * 0.95;
  const y = named ? 57 : 50;
  const edges = p.grid(22, y, [10, 24, 24, 66, 18, 24], Array(i.segments.length + 2).fill(rh) as number[]);
  tableRow(p, edges, y, rh, ['序号', '起始年月', '截止年月', '缴费单位', '月数', '缴费基数'], face, pt - 0.5);
  i.segments.forEach((s, k) => {
    const to = k === i.segments.length - 1 && rng.chance(0.5) ? '至今' : writeMonth(s.to, 'iso');
    tableRow(p, edges, y + (k + 1) * rh, rh, [String(k + 1), writeMonth(s.from, 'iso'), to, s.company, String(s.months), money(s.base)], face, pt - 0.5, ['center', 'center', 'center', 'left', 'center', 'right']);
  });
  tableRow(p, edges, y + (i.segments.length + 1) * rh, rh, ['合计', '', '', '', `${i.total}个月`, ''], face, pt - 0.5);
  const after = paragraph(p, 22, y + (i.segments.length + 2) * rh + 10, 166, '注：缴费月数按实际到账月份统计，中断期间不计入。本表由社会保险经办机构打印，仅供参考。', face, pt - 0.5);
  p.write(186, after + 14, `打印日期：${writeDate(i.issued, rng.pick(['iso', 'cn0', 'dot'] as const))}`, { face, pt, align: 'right' });
  stamp(p, 128, after + 8, 15, '深圳市社会保险基金管理局', '业务专用章', 'rgba(214,38,38,0.65)');
  return { paper: p, layout: 'employer-history', fields: { name: i.who.name, idNumber: i.who.id, employer: now.company, totalMonths: i.total, date: i.issued } };
}

const DESIGNS = ['sz-scheme-table', 'pension-annual', 'employer-history'] as const;

export function drawSocial(rng: Rng, dpi: DpiFor): Made {
  const design = rng.pick(DESIGNS);
  const i = insured(rng);
  if (design === 'sz-scheme-table') return schemeTable(rng, dpi, i);
  if (design === 'pension-annual') return pensionAnnual(rng, dpi, i);
  return history(rng, dpi, i);
}
