// 社保 pages: the 个人参保缴费证明 printed from the self-service terminal (a header block with 累计缴费
// 月数, a per-year table of months, bases and employers, a verification code), and a ruled 参保证明
// whose lower half lists the last months one by one.
import type { Rng } from '../../../domain/seed/prng';
import { type DateStyle, employer, figures, iso, printDate, someDay, someone } from './folk';
import { grid, type Ruling, table } from './forms';
import { type Face, type Ink, type Made, mm, Paper } from './paper';

interface Year {
  readonly year: number;
  readonly from: number;
  readonly to: number;
  readonly base: number;
  readonly firm: string;
}

export function drawSocial(rng: Rng): Made {
  const who = someone(rng, rng.chance(0.5) ? '男' : '女', someDay(rng, 1970, 2000));
  const issued = iso(rng.int(2023, 2025), rng.int(2, 12), rng.int(1, 28));
  const current = employer(rng);
  const before = employer(rng);
  const lastYear = Number(issued.slice(0, 4));
  const lastMonth = Number(issued.slice(5, 7)) - 1;
  const firstYear = Math.max(Number(who.birth.slice(0, 4)) + 20, lastYear - rng.int(2, 11));
  const years: Year[] = [];
  const switchAt = rng.int(firstYear, lastYear);
  for (let yr = firstYear; yr <= lastYear; yr++) {
    const from = yr === firstYear ? rng.int(1, 9) : 1;
    const to = yr === lastYear ? lastMonth : 12;
    if (to < from) continue;
    if (yr > firstYear && yr < lastYear && rng.chance(0.08)) continue; // a year without contributions
    years.push({ year: yr, from, to, base: rng.int(22, 120) * 100 + (yr - firstYear) * 100, firm: yr >= switchAt ? current : before });
  }
  const totalMonths = years.reduce((a, y) => a + y.to - y.from + 1, 0);
  const dpi = rng.int(150, 200);
  const w = Math.round(mm(dpi) * 210);
  const size = Math.round((dpi / 72) * rng.pick([9, 9, 10.5]));
  const p = new Paper(w, Math.round(mm(dpi) * 280), rng.pick(['#ffffff', '#fcfcfa']));
  const face = rng.pick<Face>(['song', 'hei', 'fang']);
  const ink: Ink = { size, face };
  const x = Math.round(mm(dpi) * 18);
  const inner = w - 2 * x;
  const dStyle = rng.pick<DateStyle>(['dash', 'nian', 'nianPad']);
  const ym = (yr: number, m: number) => `${yr}${String(m).padStart(2, '0')}`;
  const grouped = rng.chance(0.4);
  const bureau = '深圳市社会保险基金管理局';
  let y = size * 3;
  const terminal = rng.chance(0.55);
  p.put(w / 2, y, terminal ? '深圳市社会保险个人参保缴费证明' : '参保证明（个人）', { size: Math.round(size * 1.7), face: rng.pick<Face>(['heiBold', 'biao']), align: 'center' });
  y += size * 3.4;
  const monthsLabel = rng.pick(['累计缴费月数', '养老保险累计缴费月数', '累计缴费月数（养老）']);
  let sealY: number;
  if (terminal) {
    p.put(x, y, `社保电脑号：${rng.int(600000000, 699999999)}`, ink);
    p.put(x + inner, y, `打印日期：${printDate(issued, dStyle)}`, { ...ink, align: 'right' });
    y += size * 2;
    const rowH = Math.round(size * 2.2);
    y = grid(p, x, y, [inner * 0.17, inner * 0.33, inner * 0.17, inner * 0.33], rowH, [
      [{ t: '姓名' }, { t: who.name, v: true }, { t: '性别' }, { t: who.sex, v: true }],
      [{ t: '身份证号码' }, { t: who.id, v: true }, { t: '参保状态' }, { t: rng.pick(['正常参保', '正常缴费']), v: true }],
      [{ t: '单位名称' }, { t: current, v: true, span: 3 }],
      [{ t: monthsLabel }, { t: `${totalMonths}`, v: true }, { t: '首次参保年月' }, { t: ym(years[0]!.year, years[0]!.from), v: true }],
    ], { label: { ...ink, face: 'hei' }, value: ink, centre: true });
    y += size * 1.5;
    p.put(x, y, '历年缴费情况：', { ...ink, face: 'hei' });
    y += size * 1.8;
    const ruling = rng.pick<Ruling>(['all', 'rows']);
    y = table(p, x, y, {
      heads: ['年度', '起止年月', '缴费月数', '养老缴费基数', '医疗缴费基数', '缴费单位'],
      widths: [0.09, 0.19, 0.1, 0.14, 0.14, 0.34].map((f) => f * inner),
      align: 'cccrrl',
      rows: years.map((r) => [`${r.year}`, `${ym(r.year, r.from)}-${ym(r.year, r.to)}`, `${r.to - r.from + 1}`, figures(r.base, grouped), figures(r.base, grouped), r.firm]),
      size: size - 1,
      rowH: Math.round(size * 1.9),
      ruling,
      face,
      headFace: 'hei',
    });
    sealY = y + size * 4;
  } else {
    const label: Ink = { ...ink, face: 'song' };
    y = p.prose(x, y, inner, `兹证明${who.name}（公民身份号码：${who.id}）在${current}参加深圳市社会保险，截至${printDate(issued, dStyle === 'dash' ? 'nian' : dStyle)}，${monthsLabel}${totalMonths}个月，当前参保状态为正常。`, { ...label, indent: 2, lead: 2 });
    y += size;
    p.put(x, y, '近期缴费明细：', { ...ink, face: 'hei' });
    y += size * 1.8;
    const recent: string[][] = [];
    let m = lastMonth;
    let yr = lastYear;
    for (let i = 0; i < Math.min(12, totalMonths); i++) {
      if (m < 1) {
        m = 12;
        yr--;
      }
      recent.push([ym(yr, m), current, '已缴', '已缴', '已缴', rng.chance(0.92) ? '已缴' : '欠缴']);
      m--;
    }
    y = table(p, x, y, {
      heads: ['费款所属期', '单位名称', '养老', '医疗', '失业', '工伤'],
      widths: [0.16, 0.44, 0.1, 0.1, 0.1, 0.1].map((f) => f * inner),
      align: 'clcccc',
      rows: recent,
      size: size - 1,
      rowH: Math.round(size * 1.8),
      ruling: rng.pick<Ruling>(['all', 'rows', 'none']),
      face,
      headFace: 'hei',
    });
    y += size * 2;
    p.put(x + inner, y, bureau, { ...ink, align: 'right' });
    p.put(x + inner, y + size * 2, printDate(issued, dStyle), { ...ink, align: 'right' });
    sealY = y + size;
  }
  y = Math.max(y, sealY) + size * 4;
  p.prose(x, y, inner, `说明：本证明可在打印之日起三个月内通过验证码${rng.int(10000000, 99999999)}${String.fromCharCode(65 + rng.int(0, 25))}在深圳市人力资源和社会保障局网站查验真伪。`, { size: size - 2, face: 'song', lead: 1.6 });
  p.seal(x + inner * rng.pick([0.62, 0.72, 0.8]), sealY, Math.round(size * 4.2), bureau, rng.pick(['业务专用章', '社保业务专用章']), rng);
  const fields = { name: who.name, idNumber: who.id, employer: current, totalMonths, date: issued };
  return { paper: p, fields, layout: `social/${terminal ? 'terminal-years' : 'letter-months'}` };
}
