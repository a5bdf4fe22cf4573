// Marriage pages: the 结婚证 inner spread (持证人, 登记日期 and 字号 on the left page, both parties on
// the right), a 婚姻登记记录证明 as a table with one ROW per party (name, sex, birth date, ID number in
// columns), and a 证明 letter naming both parties in a paragraph. Some pages write the registration
// date in Chinese numerals (二〇一九年三月五日). Party 1 is the man, printed first.
import type { Rng } from '../../../domain/seed/prng';
import { dateBetween, type DateStyle, writeDate } from './forms';
import { A4, bodyFace, dateStyle, foot, guilloche, pair, sheet } from './kit';
import type { DpiFor, Made, TextStyle } from './paper';
import { person, type Person } from './people';

const OFFICES: readonly [string, string][] = [
  ['440303', '深圳市罗湖区民政局'],
  ['440304', '深圳市福田区民政局'],
  ['440305', '深圳市南山区民政局'],
  ['440306', '深圳市宝安区民政局'],
  ['440307', '深圳市龙岗区民政局'],
  ['440309', '深圳市龙华区民政局'],
  ['440311', '深圳市光明区民政局'],
];

interface Couple {
  readonly man: Person;
  readonly woman: Person;
  readonly date: string;
  readonly number: string;
  readonly office: string;
}

function couple(rng: Rng): Couple {
  const date = dateBetween(rng, '2004-10-01', '2026-10-31');
  const y = Number(date.slice(0, 4));
  const man = person(rng, { sex: '男', from: `${y - 45}-01-01`, to: `${y - 23}-01-01` });
  const woman = person(rng, { sex: '女', from: `${y - 42}-01-01`, to: `${y - 21}-01-01` });
  const [code, office] = rng.pick(OFFICES);
  return { man, woman, date, office, number: `J${code}-${date.slice(0, 4)}-${String(rng.int(1, 19999)).padStart(6, '0')}` };
}

function truth(c: Couple, holder?: Person): Record<string, string> {
  return {
    ...(holder ? { holder: holder.name } : {}),
    registrationDate: c.date,
    certificateNumber: c.number,
    party1Name: c.man.name,
    party1Gender: '男',
    party1BirthDate: c.man.birthDate,
    party1IdNumber: c.man.idNumber,
    party2Name: c.woman.name,
    party2Gender: '女',
    party2BirthDate: c.woman.birthDate,
    party2IdNumber: c.woman.idNumber,
  };
}

/** The certificate's inner spread: left page holder, date, number; right page the two parties. */
function certInner(rng: Rng, dpi: DpiFor): Made {
  const c = couple(rng);
  const holder = rng.chance(0.5) ? c.man : c.woman;
  const p = sheet(252, 178, dpi, '#fbf3ee');
  guilloche(p, rng, 'rgba(214,120,120,0.25)', 8, 8, 236, 162);
  p.line(126, 4, 126, 174, 0.3, '#c9a9a0');
  const ls: TextStyle = { size: 3.6, face: rng.pick(['serif', 'song']), color: '#333' };
  const vs: TextStyle = { size: 4, face: rng.pick(['hei', 'song', 'mono-i']) };
  const ds: DateStyle = rng.chance(0.35) ? 'han' : rng.pick<DateStyle>(['cn0', 'cn']);
  p.block = 0;
  pair(p, '持证人', holder.name, 18, 40, ls, vs, 5);
  pair(p, '登记日期', writeDate(c.date, ds), 18, 58, ls, vs, 5);
  pair(p, '结婚证字号', c.number, 18, 76, ls, vs, 5);
  p.text('备注', 18, 96, ls);
  p.seal(88, 132, 18, `${c.office}`, '婚姻登记专用章');
  p.text('登记机关', 18, 150, { ...ls, size: 3 });
  p.block = 1;
  p.rect(150, 14, 80, 46, { fill: '#c8252c' });
  const lines = (q: Person, y: number) => {
    pair(p, '姓名', q.name, 136, y, ls, vs, 3);
    pair(p, '性别', q.sex, 196, y, ls, vs, 3);
    pair(p, '国籍', '中国', 136, y + 9, ls, vs, 3);
    pair(p, '出生日期', writeDate(q.birthDate, rng.pick<DateStyle>(['cn0', 'cn', 'iso'])), 176, y + 9, ls, vs, 3);
    pair(p, '身份证件号', q.idNumber, 136, y + 18, ls, vs, 3);
  };
  lines(c.man, 70);
  lines(c.woman, 110);
  return { paper: p, fields: truth(c, holder), layout: 'cert-inner' };
}

/** 婚姻登记记录证明: a table with a row per party, then the registration in rows below. */
function recordTable(rng: Rng, dpi: DpiFor): Made {
  const c = couple(rng);
  const p = sheet(...A4, dpi);
  const hs: TextStyle = { size: 3.4, face: 'hei-b', align: 'center' };
  const vs: TextStyle = { size: 3.5, face: rng.pick(['song', 'hei', 'maoken']), align: 'center' };
  p.text('婚姻登记记录证明', 105, 26, { size: 7, face: 'serif', align: 'center', spacing: 1.5 });
  p.text(`编号：${c.number.slice(1, 7)}${rng.int(100000, 999999)}`, 190, 40, { size: 3.2, face: 'song', align: 'right' });
  const s: TextStyle = { size: 4, face: bodyFace(rng) };
  let y = p.para(`经查询婚姻登记档案，当事人婚姻登记记录如下：`, 20, 48, 170, s);
  const xs = [20, 40, 68, 82, 116, 168, 190];
  const ys = [y + 4, y + 16, y + 28, y + 40];
  p.grid(xs, ys);
  ['当事人', '姓名', '性别', '出生日期', '身份证件号码', '国籍'].forEach((h, i) => p.cell(h, xs[i]!, xs[i + 1]!, ys[0]!, ys[1]!, hs));
  const ds = rng.pick<DateStyle>(['cn', 'iso', 'dot', 'cn0']);
  [c.man, c.woman].forEach((q, r) => {
    const row = [r === 0 ? '男方' : '女方', q.name, q.sex, writeDate(q.birthDate, ds), q.idNumber, '中国'];
    row.forEach((v, i) => p.cell(v, xs[i]!, xs[i + 1]!, ys[r + 1]!, ys[r + 2]!, vs));
  });
  y = ys[3]! + 8;
  const xs2 = [20, 60, 190];
  const rows: [string, string][] = [
    ['登记类别', '结婚登记'],
    ['登记日期', writeDate(c.date, dateStyle(rng, 0.35))],
    ['登记机关', c.office],
    ['结婚证字号', c.number],
  ];
  p.grid(xs2, rows.map((_, i) => y + i * 11).concat(y + rows.length * 11));
  rows.forEach(([l, v], i) => {
    p.cell(l, xs2[0]!, xs2[1]!, y + i * 11, y + (i + 1) * 11, hs);
    p.cell(v, xs2[1]!, xs2[2]!, y + i * 11, y + (i + 1) * 11, { ...vs, align: 'left' });
  });
  y += rows.length * 11 + 10;
  y = p.para('以上记录与婚姻登记档案一致，特此证明。', 20, y, 170, s, 1.8, 8);
  foot(p, rng, c.office.replace('民政局', '婚姻登记处'), dateBetween(rng, c.date, '2026-11-28'), dateStyle(rng, 0.4), 188, y + 14, s);
  return { paper: p, fields: truth(c), layout: 'record-table' };
}

/** A letter: both parties in one paragraph, the registration after. */
function letter(rng: Rng, dpi: DpiFor): Made {
  const c = couple(rng);
  const p = sheet(...A4, dpi);
  const s: TextStyle = { size: rng.pick([4.2, 4.6]), face: bodyFace(rng) };
  p.text(rng.pick(['结婚登记证明', '婚姻状况证明', '证  明']), 105, 36, { size: 7.5, face: rng.pick(['serif', 'xiaowei']), align: 'center', spacing: 2 });
  const ds = dateStyle(rng, 0.3);
  const reg = writeDate(c.date, rng.chance(0.45) ? 'han' : ds);
  const who = (q: Person) => `${q.name}（${q.sex}，${writeDate(q.birthDate, ds)}出生，公民身份号码：${q.idNumber}）`;
  const body = rng.chance(0.5)
    ? `兹证明${who(c.man)}与${who(c.woman)}于${reg}在${c.office}婚姻登记处办理结婚登记，结婚证字号为${c.number}。`
    : `经查，当事人${who(c.man)}、${who(c.woman)}已于${reg}依法登记结婚（登记机关：${c.office}；结婚证字号：${c.number}），婚姻关系存续至今。`;
  let y = p.para('深圳市住房保障受理窗口：', 22, 56, 166, s);
  y = p.para(body, 22, y + 2, 166, s, 1.8, s.size * 2);
  y = p.para('特此证明。', 22, y + 2, 166, s, 1.8, s.size * 2);
  foot(p, rng, c.office, dateBetween(rng, c.date, '2026-11-28'), rng.chance(0.5) ? 'han' : ds, 188, y + 20, s);
  return { paper: p, fields: truth(c), layout: 'letter' };
}

export function drawMarriage(rng: Rng, dpi: DpiFor): Made {
  return rng.pick([certInner, recordTable, letter])(rng, dpi);
}
