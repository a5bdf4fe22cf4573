// 婚姻 papers: the 2004-on 结婚证 inner spread, a 离婚证 page where the holder is one party, and a
// hand-filled 结婚证 from before 2004 (ages, not birth dates; the old 字号).
import type { Rng } from '../../../domain/seed/prng';
import { writeDate, type DateForm } from './forms';
import { colon, guilloche, handFace, INKS, photo, table, type Cell } from './kit';
import { type DpiFor, type Made, Paper, type TextStyle } from './paper';
import { dayBetween, person, type Person } from './people';

const DISTRICTS = [
  ['440305', '南山区', '南'],
  ['440304', '福田区', '福'],
  ['440303', '罗湖区', '罗'],
  ['440306', '宝安区', '宝'],
  ['440307', '龙岗区', '龙'],
] as const;

interface Couple {
  readonly man: Person;
  readonly woman: Person;
  readonly date: string;
}

function couple(rng: Rng, from: string, to: string): Couple {
  const date = dayBetween(rng, from, to);
  const y = Number(date.slice(0, 4));
  const man = person(rng, { sex: '男', from: y - 40, to: y - 23 });
  const wy = Number(man.birth.slice(0, 4));
  const woman = person(rng, { sex: '女', from: Math.max(wy - 5, y - 40), to: Math.min(wy + 4, y - 21) });
  return { man, woman, date };
}

const partyFields = (c: Couple, withBirth: boolean) => ({
  party1Name: c.man.name,
  party1Gender: '男',
  ...(withBirth ? { party1BirthDate: c.man.birth, party1IdNumber: c.man.id } : {}),
  party2Name: c.woman.name,
  party2Gender: '女',
  ...(withBirth ? { party2BirthDate: c.woman.birth, party2IdNumber: c.woman.id } : {}),
});

/** The 2004-on 结婚证: 持证人/登记日期/字号 on the left, photo and both parties on the right. */
function cert(rng: Rng, dpi: DpiFor): Made {
  const c = couple(rng, '2004-01-01', '2026-11-30');
  const [code, district] = rng.pick(DISTRICTS);
  const number = `J${code}-${c.date.slice(0, 4)}-${String(rng.int(1, 19999)).padStart(6, '0')}`;
  const holder = rng.chance(0.5) ? c.man : c.woman;
  const p = new Paper(196, 136, dpi(196), '#fbeeee');
  guilloche(p, rng, 'rgba(220,120,130,0.22)', 3, 3, 190, 130);
  p.line(98, 4, 98, 132, 0.2, 'rgba(150,80,80,0.4)');
  const label: TextStyle = { size: 3.2, face: 'serif', color: '#5a3030' };
  const val: TextStyle = { size: 3.6, face: rng.pick(['mono', 'sans']), color: '#151515' };
  const c1 = colon(rng);
  const form = rng.pick<DateForm>(['cn0', 'cn', 'iso']);
  let y = 30;
  for (const [l, v] of [
    ['持证人', holder.name],
    ['登记日期', writeDate(c.date, form)],
    ['结婚证字号', number],
  ] as const) {
    const w = p.text(`${l}${c1}`, 14, y, label);
    p.text(v, 14 + w + 2, y - 0.2, val);
    y += 14;
  }
  p.text('备注', 14, y, label);
  p.seal(70, 100, 16, `深圳市${district}民政局`, '婚姻登记专用章');
  p.block = 1;
  photo(p, 118, 10, 58, 40, '#d8262c', 2);
  p.seal(172, 46, 9, `深圳市${district}民政局`, '', 'rgba(200,40,40,0.45)');
  y = 56;
  for (const who of [c.man, c.woman]) {
    let x = p.text(`姓名${c1}`, 106, y, label);
    p.text(who.name, 106 + x + 1.5, y - 0.2, val);
    x = p.text(`性别${c1}`, 150, y, label);
    p.text(who.sex, 150 + x + 1.5, y - 0.2, val);
    y += 7;
    x = p.text(`国籍${c1}`, 106, y, label);
    p.text('中国', 106 + x + 1.5, y - 0.2, val);
    x = p.text(`出生日期${c1}`, 140, y, label);
    p.text(writeDate(who.birth, form), 140 + x + 1.5, y - 0.2, { ...val, size: 3.2 });
    y += 7;
    x = p.text(`身份证件号${c1}`, 106, y, label);
    p.text(who.id, 106 + x + 1.5, y - 0.2, val);
    y += 12;
  }
  return {
    paper: p,
    fields: { holder: holder.name, registrationDate: c.date, certificateNumber: number, ...partyFields(c, true) },
    layout: 'cert-2004',
  };
}

/** A 离婚证 page, portrait, everything stacked; the holder is one of the two. */
function divorce(rng: Rng, dpi: DpiFor): Made {
  const c0 = couple(rng, '2004-01-01', '2024-12-31');
  const date = dayBetween(rng, c0.date, '2026-11-30');
  const c = { ...c0, date };
  const [code, district] = rng.pick(DISTRICTS);
  const number = `L${code}-${date.slice(0, 4)}-${String(rng.int(1, 9999)).padStart(6, '0')}`;
  const holder = rng.chance(0.5) ? c.man : c.woman;
  const p = new Paper(128, 182, dpi(182), '#eef3ec');
  guilloche(p, rng, 'rgba(90,140,100,0.2)', 3, 3, 122, 176);
  p.text('离 婚 证', 64, 8, { size: 6, face: 'serif-x', align: 'center', color: '#2d5a3a' });
  const label: TextStyle = { size: 3.1, face: 'sans', color: '#2f4a38' };
  const val: TextStyle = { size: 3.5, face: 'serif', color: '#141414' };
  const c1 = colon(rng);
  const form = rng.pick<DateForm>(['cn0', 'dot', 'iso']);
  const row = (l: string, v: string, y: number, x = 10) => {
    const w = p.text(`${l}${c1}`, x, y, label);
    p.text(v, x + w + 1.5, y - 0.2, val);
  };
  row('持证人', holder.name, 20);
  row('登记日期', writeDate(date, form), 28);
  row('离婚证字号', number, 36);
  photo(p, 72, 46, 36, 46, '#4a7ec0', 1);
  let y = 50;
  for (const who of [c.man, c.woman]) {
    row('姓名', who.name, y);
    row('性别', who.sex, y + 7);
    row('国籍', '中国', y + 14);
    row('出生日期', writeDate(who.birth, form), y + 21);
    row('身份证件号', who.id, y + 28);
    y += 44;
  }
  p.seal(96, 150, 15, `深圳市${district}民政局`, '婚姻登记专用章');
  return {
    paper: p,
    fields: { holder: holder.name, registrationDate: date, certificateNumber: number, ...partyFields(c, true) },
    layout: 'divorce-cert',
  };
}

/** A 1980s–1990s 结婚证: hand-filled names and ages, the date in Chinese numerals, （93）深福婚字第0458号. */
function oldCert(rng: Rng, dpi: DpiFor): Made {
  const c = couple(rng, '1984-01-01', '2003-12-31');
  const [, district, short] = rng.pick(DISTRICTS);
  const number = `（${c.date.slice(2, 4)}）深${short}婚字第${String(rng.int(1, 9999)).padStart(4, '0')}号`;
  const p = new Paper(180, 126, dpi(180), '#f2e4c4');
  const red = '#b3262a';
  p.rect(5, 5, 170, 116, { stroke: red, width: 0.8 });
  p.rect(7, 7, 166, 112, { stroke: red, width: 0.3 });
  p.text('结 婚 证', 90, 13, { size: 9, face: 'serif-x', align: 'center', color: red });
  const hand = handFace(rng);
  const ink = rng.pick(INKS);
  const hv: TextStyle = { size: 5, face: hand, color: ink };
  const pr: TextStyle = { size: 4, face: 'serif', color: '#2a2020' };
  p.text(number, 168, 27, { size: 3.6, face: hand, color: ink, align: 'right' });
  const age = (who: Person) => Number(c.date.slice(0, 4)) - Number(who.birth.slice(0, 4)) - (c.date.slice(5) < who.birth.slice(5) ? 1 : 0);
  let y = 40;
  for (const who of [c.man, c.woman]) {
    let x = 26;
    x += p.text(who.name, x, y - 1, hv) + 3;
    x += p.text(`性别`, x, y, pr) + 2;
    x += p.text(who.sex, x, y - 1, hv) + 3;
    x += p.text(`${age(who)}`, x, y - 1, hv) + 1;
    p.text('岁', x, y, pr);
    y += 12;
  }
  p.para('申请结婚，经审查符合《中华人民共和国婚姻法》关于结婚的规定，发给此证。', 22, y + 2, 136, pr, 1.8, 8);
  const when = writeDate(c.date, 'han');
  p.text('婚姻登记机关', 112, 98, pr);
  p.text(when, 112, 108, { ...hv, size: 4.4 });
  p.seal(135, 100, 14, `深圳市${district}人民政府`, '婚姻登记专用章', 'rgba(200,30,36,0.6)');
  return {
    paper: p,
    fields: { registrationDate: c.date, certificateNumber: number, ...partyFields(c, false) },
    layout: 'old-cert',
  };
}

/** 婚姻登记记录证明: the system's record of one marriage, as a table of both parties. */
function recordProof(rng: Rng, dpi: DpiFor): Made {
  const c = couple(rng, '2004-01-01', '2026-06-30');
  const [code, district] = rng.pick(DISTRICTS);
  const number = `J${code}-${c.date.slice(0, 4)}-${String(rng.int(1, 19999)).padStart(6, '0')}`;
  const asked = rng.chance(0.5) ? c.man : c.woman;
  const issued = dayBetween(rng, c.date, '2026-11-30');
  const p = new Paper(210, 297, dpi(297));
  p.text('婚姻登记记录证明', 105, 26, { size: 7, face: 'serif-x', align: 'center' });
  p.text(`编号${colon(rng)}HY${issued.replace(/-/g, '')}${rng.int(1000, 9999)}`, 190, 38, { size: 2.8, face: 'sans', align: 'right', color: '#444' });
  const body: TextStyle = { size: 4, face: 'serif' };
  const y0 = p.para(`经查询全国婚姻登记信息系统，${asked.name}（公民身份号码${colon(rng)}${asked.id}）有以下婚姻登记记录：`, 20, 48, 170, body, 1.9, 8);
  const s: TextStyle = { size: 3, face: 'sans' };
  const head = (t: string): Cell => ({ text: t, style: { ...s, face: 'sans-x' }, fill: '#eeeeee', align: 'center' });
  const cell = (t: string): Cell => ({ text: t, style: s });
  const form = rng.pick<DateForm>(['iso', 'cn0', 'slash']);
  const y = table(
    p,
    16,
    y0 + 4,
    [15, 25, 38, 19, 12, 31, 38],
    [
      [head('类别'), head('登记日期'), head('结婚证字号'), head('姓名'), head('性别'), head('出生日期'), head('身份证件号')],
      [cell('结婚'), cell(writeDate(c.date, form)), cell(number), cell(c.man.name), cell('男'), cell(writeDate(c.man.birth, form)), cell(c.man.id)],
      [cell(''), cell(''), cell(`深圳市${district}民政局`), cell(c.woman.name), cell('女'), cell(writeDate(c.woman.birth, form)), cell(c.woman.id)],
    ],
    s,
    { minH: 10 },
  );
  let at = p.para('以上信息来源于婚姻登记档案，仅证明当事人在上述婚姻登记机关的登记情况。特此证明。', 20, y + 8, 170, body, 1.9, 8);
  at += 20;
  p.text(`深圳市${district}民政局`, 188, at, { ...body, align: 'right' });
  p.text(writeDate(issued, rng.pick<DateForm>(['cn', 'han'])), 188, at + 9, { ...body, align: 'right' });
  p.seal(160, at + 4, 18, `深圳市${district}民政局`, '婚姻登记专用章');
  return { paper: p, fields: { registrationDate: c.date, certificateNumber: number, ...partyFields(c, true) }, layout: 'record-proof' };
}

export function drawMarriage(rng: Rng, dpi: DpiFor): Made {
  const r = rng.next();
  return r < 0.32 ? cert(rng, dpi) : r < 0.56 ? divorce(rng, dpi) : r < 0.78 ? oldCert(rng, dpi) : recordProof(rng, dpi);
}
