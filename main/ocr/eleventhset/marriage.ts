// 婚姻: the inner spread of a 结婚证 (持证人 page and the two parties beside the photo); a
// 婚姻登记记录证明 letter from a 民政局 with the facts inside sentences; a 婚姻登记档案查询 print with
// labels above the values. Certificates before 2004 carry the old number (（98）深福婚字第0123号).
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { addDays, dateBetween, LAST_DAY, writeDate, type DateStyle } from './forms';
import { grid, inCell, spaced } from './kit';
import { Paper, type Made } from './paper';
import { person, type Person } from './people';

const OFFICES: readonly [code: string, office: string, short: string][] = [
  ['440303', '深圳市罗湖区民政局', '深罗'],
  ['440304', '深圳市福田区民政局', '深福'],
  ['440305', '深圳市南山区民政局', '深南'],
  ['440306', '深圳市宝安区民政局', '深宝'],
  ['440307', '深圳市龙岗区民政局', '深龙'],
  ['440309', '深圳市龙华区民政局', '深华'],
];

interface Couple {
  readonly man: Person;
  readonly woman: Person;
  readonly date: string;
  readonly number: string;
  readonly office: string;
}

function couple(rng: Rng): Couple {
  const man = person(rng, { gender: '男', from: '1962-01-01', to: '2001-06-30' });
  const by = Number(man.birthDate.slice(0, 4));
  const woman = person(rng, { gender: '女', from: `${Math.max(1960, by - 6)}-01-01`, to: [`${by + 8}-12-31`, '2003-06-30'].sort()[0]! });
  const plus = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4).replace('-02-29', '-02-28')}`;
  const earliest = [plus(man.birthDate, 22), plus(woman.birthDate, 20), '1985-01-01'].sort().at(-1)!;
  const date = dateBetween(rng, addDays(earliest, 1), [plus(earliest, 12), LAST_DAY].sort()[0]!);
  const [code, office, short] = rng.pick(OFFICES);
  const year = date.slice(0, 4);
  const number = year < '2004' ? `（${year.slice(2)}）${short}婚字第${String(rng.int(1, 9999)).padStart(4, '0')}号` : `J${code}-${year}-${String(rng.int(1, 19999)).padStart(6, '0')}`;
  return { man, woman, date, number, office };
}

const parties = (c: Couple) => ({
  party1Name: c.man.name,
  party1Gender: '男',
  party1BirthDate: c.man.birthDate,
  party1IdNumber: c.man.idNumber,
  party2Name: c.woman.name,
  party2Gender: '女',
  party2BirthDate: c.woman.birthDate,
  party2IdNumber: c.woman.idNumber,
});

/** 结婚证 inner spread: 持证人/登记日期/结婚证字号 left, photo and both parties right. */
function certificate(rng: Rng, dpi: DpiFor): Made {
  const c = couple(rng);
  const p = new Paper(200, 138, dpi(200), '#fbf4ef');
  // faint guilloche of the printed background
  for (let i = 0; i < 40; i++) {
    const y = 6 + i * 3.2;
    p.ctx.strokeStyle = 'rgba(225,150,150,0.35)';
    p.ctx.lineWidth = Math.max(1, 0.15 * p.k);
    p.ctx.beginPath();
    for (let x = 0; x <= 200; x += 2) p.ctx.lineTo(x * p.k, (y + Math.sin(x / 7 + i) * 1.2) * p.k);
    p.ctx.stroke();
  }
  p.line(100, 4, 100, 134, 0.3, '#c9a9a0');
  const L = 'maple-l' as const;
  const V = rng.chance(0.5) ? ('maple-m' as const) : ('maple-sb' as const);
  const holder = rng.chance(0.5) ? c.man : c.woman;
  const style: DateStyle = rng.pick(['cn0', 'cn', 'iso']);
  const s = 4;
  p.block = 1;
  let y = 30;
  for (const [label, value] of [
    ['持证人', holder.name],
    ['登记日期', writeDate(c.date, style)],
    ['结婚证字号', c.number],
    ['备注', ''],
  ] as const) {
    const w = p.text(label, 14, y, s, L);
    if (value) p.text(value, 14 + Math.max(w, 22) + 3, y, s, V);
    p.line(14 + Math.max(w, 22) + 2, y + 1.6, 92, y + 1.6, 0.15, '#b08080');
    y += 14;
  }
  p.text('婚姻登记员：', 14, 112, 3.4, L);
  p.seal(70, 100, 15, `${c.office}`, rng, '婚姻登记专用章');
  p.block = 2;
  p.fill(122, 12, 56, 38, '#c8281e');
  p.fill(130, 20, 15, 30, '#3a2a2a');
  p.fill(152, 18, 16, 32, '#2e2220');
  let yy = 64;
  const who = [c.man, c.woman];
  for (const one of who) {
    p.text('姓名', 108, yy, s * 0.85, L);
    p.text(one.name, 122, yy, s, V);
    p.text('性别', 166, yy, s * 0.85, L);
    p.text(one.gender, 177, yy, s, V);
    yy += 8;
    p.text('国籍', 108, yy, s * 0.85, L);
    p.text('中国', 122, yy, s, V);
    const dw = p.text('出生日期', 141, yy, s * 0.85, L);
    p.text(writeDate(one.birthDate, style), 141 + dw + 1.5, yy, s * 0.9, V);
    yy += 8;
    p.text('身份证件号', 108, yy, s * 0.85, L);
    p.text(one.idNumber, 130, yy, s, V);
    yy += 15;
  }
  return { paper: p, fields: { holder: holder.name, registrationDate: c.date, certificateNumber: c.number, ...parties(c) }, layout: 'cert-spread' };
}

/** 婚姻登记记录证明: A4 letter, the couple and the registration in sentences. */
function recordLetter(rng: Rng, dpi: DpiFor): Made {
  const c = couple(rng);
  const p = new Paper(210, 297, dpi(297));
  const F = rng.chance(0.5) ? ('xiaowei' as const) : ('maple-l' as const);
  const style: DateStyle = rng.pick(['cn', 'han', 'cn0']);
  p.text(spaced('婚姻登记记录证明'), 105, 42, 8, 'xiaowei', { align: 'center' });
  p.text(`深民婚证〔${rng.int(2024, 2026)}〕${rng.int(100, 9999)}号`, 185, 55, 3.6, F, { align: 'right' });
  const size = 4.4;
  let y = 72;
  p.text(`${rng.pick(['申请人', '当事人'])}${rng.chance(0.5) ? c.man.name : c.woman.name}：`, 25, y, size, F);
  y += 12;
  const a = `经查询本市婚姻登记档案，${c.man.name}（男，${writeDate(c.man.birthDate, style)}出生，身份证件号：${c.man.idNumber}）与${c.woman.name}（女，${writeDate(c.woman.birthDate, style)}出生，身份证件号：${c.woman.idNumber}）于${writeDate(c.date, style)}在${c.office}办理结婚登记，结婚证字号：${c.number}。`;
  // sentences drawn paragraph by paragraph, with the first line indented
  const para = (s: string) => {
    const n = p.wrap(`　　${s}`, 25, y, 160, size, F, 1.7);
    y += n * size * 1.7 + 4;
  };
  para(a);
  para(`截至本证明出具之日，未查询到上述当事人${rng.pick(['办理离婚登记', '其他婚姻登记'])}的记录。`);
  para('特此证明。');
  const issued = dateBetween(rng, [c.date, '2024-09-01'].sort()[1]!, LAST_DAY);
  p.text(c.office.replace('民政局', '民政局婚姻登记处'), 185, 215, size, F, { align: 'right' });
  p.text(writeDate(issued, rng.pick(['han', 'cn'])), 185, 226, size, F, { align: 'right' });
  p.seal(158, 214, 19, c.office, rng, '婚姻登记专用章');
  p.text('注：本证明仅证明婚姻登记档案记载情况。', 25, 265, 3.3, F);
  return { paper: p, fields: { registrationDate: c.date, certificateNumber: c.number, ...parties(c) }, layout: 'record-letter' };
}

/** 婚姻登记档案查询结果: label:value header in two columns, then a table with labels above values. */
function archive(rng: Rng, dpi: DpiFor): Made {
  const c = couple(rng);
  const p = new Paper(210, 297, dpi(297));
  const F = 'maoken' as const;
  const style: DateStyle = rng.pick(['iso', 'cn0', 'dot']);
  p.text('婚姻登记档案查询结果', 105, 32, 7, F, { align: 'center' });
  p.text(`查询日期：${writeDate(dateBetween(rng, [c.date, '2024-09-01'].sort()[1]!, LAST_DAY), 'iso')}`, 192, 44, 3.3, 'maple-l', { align: 'right' });
  const s = 3.9;
  let y = 58;
  p.text('登记类型：', 18, y, s, F);
  p.text('结婚登记', 38, y, s, F);
  p.text('登记日期：', 110, y, s, F);
  p.text(writeDate(c.date, style), 130, y, s, 'maple-m');
  y += 10;
  p.text('结婚证字号：', 18, y, s, F);
  p.text(c.number, 42, y, s, 'maple-m');
  p.text('登记机关：', 110, y, s, F);
  p.text(c.office, 130, y, s, F);
  y += 10;
  const cols = [22, 38, 16, 36, 62];
  const rows = [11, 13, 13];
  grid(p, 18, y, cols, rows, 0.2);
  const head = ['当事人', '姓名', '性别', '出生日期', '身份证件号码'];
  let x = 18;
  head.forEach((h, i) => {
    p.fill(x + 0.3, y + 0.3, cols[i]! - 0.6, rows[0]! - 0.6, '#e9edf3');
    inCell(p, h, x, y, cols[i]!, rows[0]!, 3.4, F, { align: 'center' });
    x += cols[i]!;
  });
  [c.man, c.woman].forEach((one, r) => {
    const ry = y + rows[0]! + r * rows[1]!;
    const values = [r === 0 ? '男方' : '女方', one.name, one.gender, writeDate(one.birthDate, style), one.idNumber];
    let cx = 18;
    values.forEach((v, i) => {
      inCell(p, v, cx, ry, cols[i]!, rows[1]!, 3.6, i >= 3 ? 'maple-m' : F, { align: 'center' });
      cx += cols[i]!;
    });
  });
  y += 37 + 14;
  p.wrap('说明：本结果根据全国婚姻登记信息系统记录生成，仅供办理住房保障业务使用，复印无效。', 18, y, 174, 3.4, F);
  return { paper: p, fields: { registrationDate: c.date, certificateNumber: c.number, ...parties(c) }, layout: 'archive-table' };
}

export function drawMarriage(rng: Rng, dpi: DpiFor): Made {
  const design = rng.int(0, 2);
  return design === 0 ? certificate(rng, dpi) : design === 1 ? recordLetter(rng, dpi) : archive(rng, dpi);
}
