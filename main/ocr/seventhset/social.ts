// 社保 pages: (a) 深圳市社会保险参保缴费证明（个人） with a year-by-year table of 养老 / 医疗 / 失业
// months and a 累计 row (the truth is the 养老 count, which the page also states in words); (b) a
// 参保证明 query print: a key-value block and one sentence with the month count.
import type { Rng } from '../../../domain/seed/prng';
import type { Face } from './fonts';
import { made, Paper, type Made } from './paper';
import { COMPANIES, person, PUBLIC_EMPLOYERS } from './people';
import { BLUE, RED, seal } from './seal';
import { dateBetween, writeDate, type DateStyle } from './wording';

interface Year {
  readonly year: number;
  readonly from: number;
  readonly to: number;
  readonly employer: string;
  readonly pension: number;
  readonly medical: number;
  readonly jobless: number;
}

function years(rng: Rng, issued: string): Year[] {
  const last = Number(issued.slice(0, 4));
  const lastMonth = Math.max(1, Number(issued.slice(5, 7)) - 1);
  const first = last - rng.int(2, 11);
  const firstMonth = rng.int(1, 12);
  const employers = [rng.pick(COMPANIES), rng.pick([...COMPANIES, ...PUBLIC_EMPLOYERS]), rng.pick(PUBLIC_EMPLOYERS)];
  let e = 0;
  const out: Year[] = [];
  for (let y = first; y <= last; y++) {
    if (y > first && rng.chance(0.2) && e < 2) e++;
    const from = y === first ? firstMonth : 1;
    const to = y === last ? lastMonth : 12;
    const months = to - from + 1;
    const gap = months > 1 && rng.chance(0.15) ? rng.int(1, Math.min(3, months - 1)) : 0;
    const pension = months - gap;
    out.push({ year: y, from, to, employer: employers[e]!, pension, medical: months, jobless: Math.max(0, pension - (rng.chance(0.2) ? rng.int(1, 2) : 0)) });
  }
  return out.filter((y) => y.pension > 0);
}

/** Year-by-year table with three insurance columns and a 累计 row. */
function yearly(rng: Rng): Made {
  const p = person(rng, rng.chance(0.5) ? '男' : '女', ['1965-01-01', '2002-12-31']);
  const issued = dateBetween(rng, '2025-09-01', '2026-11-30');
  const ys = years(rng, issued);
  const total = ys.reduce((a, y) => a + y.pension, 0);
  const med = ys.reduce((a, y) => a + y.medical, 0);
  const job = ys.reduce((a, y) => a + y.jobless, 0);
  const employer = ys[ys.length - 1]!.employer;
  const face: Face = rng.pick(['dyh', 'pxzs', 'maple']);
  const paper = new Paper(210, 297, face, '#ffffff', 200);
  const style: DateStyle = rng.pick(['cn0', 'iso', 'dot']);
  paper.text(105, 24, '深圳市社会保险参保缴费证明（个人）', { size: 6.2, bold: true, align: 'center' });
  paper.text(105, 32, `验证码：${Array.from({ length: 16 }, () => '0123456789ABCDEF'[rng.int(0, 15)]).join('')}`, { size: 3, align: 'center', color: '#555', face: 'maple' });
  const info: [string, string, number, number][] = [
    ['姓名', p.name, 20, 44],
    ['性别', p.sex, 110, 44],
    ['公民身份号码', p.id, 20, 52],
    ['社保电脑号', String(rng.int(600000000, 699999999)), 110, 52],
    ['现参保单位', employer, 20, 60],
  ];
  for (const [l, v, x, y] of info) {
    const w = paper.text(x, y, `${l}：`, { size: 3.8, color: '#333' });
    paper.text(x + w, y, v, { size: 4 });
  }
  const cols = [20, 50, 124, 146, 168, 190];
  let y = 67;
  paper.fill(20, y, 170, 9, '#dfe8f0');
  ['起止年月', '参保单位', '养老(月)', '医疗(月)', '失业(月)'].forEach((h, i) => paper.text(i < 2 ? cols[i]! + 1.5 : cols[i + 1]! - 2, y + 6.3, h, { size: 3.4, bold: true, align: i < 2 ? 'left' : 'right' }));
  y += 9;
  const small = ys.length > 9 ? 3.1 : 3.4;
  for (const r of ys) {
    paper.text(cols[0]! + 1.5, y + 6, `${r.year}${String(r.from).padStart(2, '0')}-${r.year}${String(r.to).padStart(2, '0')}`, { size: small, face: 'maple' });
    paper.text(cols[1]! + 1.5, y + 6, r.employer.replace(/^深圳市/, ''), { size: small });
    paper.text(cols[3]! - 2, y + 6, String(r.pension), { size: small, align: 'right' });
    paper.text(cols[4]! - 2, y + 6, String(r.medical), { size: small, align: 'right' });
    paper.text(cols[5]! - 2, y + 6, String(r.jobless), { size: small, align: 'right' });
    y += 8.5;
    paper.line(20, y, 190, y, 0.15, '#999');
  }
  paper.text(cols[1]! + 1.5, y + 6.3, '累计缴费月数', { size: 3.5, bold: true });
  [total, med, job].forEach((v, i) => paper.text(cols[i + 3]! - 2, y + 6.3, String(v), { size: 3.5, bold: true, align: 'right' }));
  y += 9;
  paper.box(20, 67, 170, y - 67, 0.35);
  for (const x of cols.slice(1, 5)) paper.line(x, 67, x, y, 0.2);
  y = paper.paragraph(20, y + 10, 170, `　　经核，上述人员在本市参加基本养老保险累计缴费${total}个月，医疗保险${med}个月，失业保险${job}个月。`, { size: 4 }, 1.9);
  paper.text(20, y + 2, '注：本证明可登录深圳市社会保险基金管理局网站凭验证码核验真伪。', { size: 3.1, color: '#444' });
  paper.text(185, y + 26, '深圳市社会保险基金管理局', { size: 4, align: 'right' });
  paper.text(185, y + 35, `打印日期：${writeDate(issued, style)}`, { size: 3.8, align: 'right' });
  seal(paper.ctx, 160 * paper.k, (y + 24) * paper.k, 19 * paper.k, '深圳市社会保险基金管理局', RED, '业务专用章', rng.next() - 0.5);
  return made(paper, { name: p.name, idNumber: p.id, employer, totalMonths: total, date: issued }, ys.length > 9 ? 'yearly-three-columns-long' : 'yearly-three-columns');
}

/** Query print: a key-value block and one sentence. */
function query(rng: Rng): Made {
  const p = person(rng, rng.chance(0.5) ? '男' : '女', ['1965-01-01', '2002-12-31']);
  const issued = dateBetween(rng, '2025-09-01', '2026-11-30');
  const total = rng.int(7, 260);
  const employer = rng.pick([...COMPANIES, ...PUBLIC_EMPLOYERS]);
  const face: Face = rng.pick(['jxzk', 'dyh', 'pxzs']);
  const paper = new Paper(182, 257, face, '#fcfcfa', 240);
  const style: DateStyle = rng.pick(['cn', 'han', 'slash']);
  paper.text(91, 26, '参 保 证 明', { size: 8, bold: true, align: 'center', face: rng.pick(['pxzs', 'kuaile']) });
  paper.text(91, 36, '（个人参保缴费情况查询）', { size: 3.8, align: 'center' });
  const rows: [string, string][] = [
    ['参保人姓名', p.name],
    ['证件号码', p.id],
    ['参保状态', '正常参保'],
    ['缴费单位', employer],
    ['参保险种', '养老 / 医疗(一档) / 失业 / 工伤'],
  ];
  let y = 50;
  for (const [l, v] of rows) {
    paper.text(22, y, l, { size: 3.8, color: '#555' });
    paper.text(56, y, v, { size: 4.2 });
    paper.line(54, y + 2, 162, y + 2, 0.15, '#bbb');
    y += 10;
  }
  const sentence = rng.chance(0.5)
    ? `　　截至${issued.slice(0, 4)}年${Number(issued.slice(5, 7))}月，该参保人在深圳市累计缴纳基本养老保险${total}个月，当前无欠费记录。`
    : `　　该参保人养老保险实际缴费月数合计为${total}个月（含视同缴费月数0个月）。`;
  y = paper.paragraph(22, y + 6, 140, sentence, { size: 4.3 }, 2);
  paper.text(160, y + 30, `出具日期：${writeDate(issued, style)}`, { size: 3.9, align: 'right' });
  seal(paper.ctx, 130 * paper.k, (y + 22) * paper.k, 17 * paper.k, `深圳市社会保险基金管理局${rng.pick(['福田', '南山', '龙华'])}分局`, rng.chance(0.7) ? RED : BLUE, '', rng.next() - 0.5);
  return made(paper, { name: p.name, idNumber: p.id, employer, totalMonths: total, date: issued }, 'query-print');
}

export const drawSocial = (rng: Rng): Made => (rng.chance(0.6) ? yearly(rng) : query(rng));
