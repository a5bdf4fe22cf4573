// 结婚证 pages: the 2004+ booklet opened flat (left: 持证人, 登记日期, 结婚证字号, 备注 and the 登记机关
// seal; right: the couple's photo over the two parties, husband or wife first), a variant whose
// right page prints each label small above its value, and a 1990s certificate that says it all in
// one sentence with 汉字 dates and no ID numbers.
import type { Rng } from '../../../domain/seed/prng';
import { printDate, type Someone, someDay, someone } from './folk';
import { pair } from './forms';
import { type Face, type Ink, type Made, mm, Paper } from './paper';

const OFFICES: readonly (readonly [string, string, string])[] = [
  ['福田区', '440304', '深福'],
  ['罗湖区', '440303', '深罗'],
  ['南山区', '440305', '深南'],
  ['宝安区', '440306', '深宝'],
  ['龙岗区', '440307', '深龙'],
];

function couple(rng: Rng, wedding: string): readonly [Someone, Someone] {
  const wy = Number(wedding.slice(0, 4));
  const hb = someDay(rng, wy - rng.int(22, 40), wy - 22);
  const wb = someDay(rng, Number(hb.slice(0, 4)) - 3, Math.min(wy - 20, Number(hb.slice(0, 4)) + 6));
  return [someone(rng, '男', hb), someone(rng, '女', wb)];
}

function photo(p: Paper, x: number, y: number, w: number, h: number, rng: Rng): void {
  p.shade(x, y, w, h, rng.pick(['#d8322e', '#c92a2a', '#e0473f']));
  const ctx = p.ctx;
  for (const [fx, tone] of [[0.33, '#2b2420'], [0.67, '#3a2a24']] as const) {
    ctx.fillStyle = '#f0d3bd';
    ctx.beginPath();
    ctx.ellipse(x + w * fx, y + h * 0.42, w * 0.09, h * 0.17, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = tone;
    ctx.beginPath();
    ctx.ellipse(x + w * fx, y + h * 0.3, w * 0.1, h * 0.1, 0, Math.PI, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = fx < 0.5 ? '#1e2633' : '#f4f4f4';
    ctx.fillRect(x + w * (fx - 0.16), y + h * 0.62, w * 0.32, h * 0.38);
  }
}

export function drawMarriage(rng: Rng): Made {
  const design = rng.pick(['booklet', 'booklet', 'booklet-stacked', 'nineties'] as const);
  return design === 'nineties' ? nineties(rng) : booklet(rng, design === 'booklet-stacked');
}

function booklet(rng: Rng, stacked: boolean): Made {
  const wedding = someDay(rng, 2005, 2024);
  const [husband, wife] = couple(rng, wedding);
  const [district, code] = rng.pick(OFFICES);
  const number = `J${code}-${wedding.slice(0, 4)}-${String(rng.int(1, 9999)).padStart(6, '0')}`;
  const holder = rng.chance(0.5) ? husband : wife;
  const dpi = rng.int(170, 205);
  const pw = Math.round(mm(dpi) * 125);
  const ph = Math.round(mm(dpi) * 88);
  const p = new Paper(pw * 2 + 40, ph + 40, '#f3ecea');
  const pink = rng.pick(['#fbeff0', '#fdf3ee', '#fbf1f4']);
  p.shade(20, 20, pw, ph, pink);
  p.shade(20 + pw, 20, pw, ph, pink);
  p.rule(20 + pw, 20, 20 + pw, 20 + ph, 1, '#d9b8b8');
  const base = rng.int(20, 25);
  const label: Ink = { size: base, face: rng.pick<Face>(['song', 'hei']), color: '#5a3b3b' };
  const value: Ink = { size: base + rng.int(0, 3), face: rng.pick<Face>(['song', 'fang', 'song']) };
  const dStyle = rng.pick(['nianPad', 'nianPad', 'nian'] as const);
  // left page
  let x = 20 + pw * 0.14;
  let y = 20 + ph * 0.18;
  const gap = ph * 0.13;
  pair(p, x, y, '持证人', holder.name, label, value, '', base * 1.5);
  y += gap;
  pair(p, x, y, '登记日期', printDate(wedding, dStyle), label, value, '', base * 1.5);
  y += gap;
  pair(p, x, y, '结婚证字号', number, label, value, '', base * 1.2);
  y += gap;
  p.put(x, y, '备注', label);
  y += gap * 1.6;
  const office = `深圳市${district}民政局`;
  p.put(x, y, '登记机关', label);
  if (rng.chance(0.5)) p.put(x + base * 5, y, office, value);
  p.seal(x + base * 8, y - base * 0.2, Math.round(ph * 0.17), office, '婚姻登记专用章', rng);
  p.put(20 + pw / 2, 20 + ph - base * 2, '中华人民共和国民政部监制', { size: base - 6, face: 'song', color: '#7a5555', align: 'center' });
  // right page
  p.region = 1;
  const rx = 20 + pw;
  const phW = pw * 0.42;
  const phH = ph * 0.3;
  photo(p, rx + (pw - phW) / 2, 20 + ph * 0.06, phW, phH, rng);
  const order = rng.chance(0.65) ? [husband, wife] : [wife, husband];
  y = 20 + ph * 0.06 + phH + base * 1.6;
  x = rx + pw * 0.08;
  const col2 = rx + pw * 0.5;
  for (const someoneHere of order) {
    const born = printDate(someoneHere.birth, dStyle);
    if (stacked) {
      const small: Ink = { ...label, size: base - 5 };
      for (const [lx, l, v] of [[x, '姓名', someoneHere.name], [col2, '性别', someoneHere.sex]] as const) {
        p.put(lx, y, l, small);
        p.put(lx, y + base, v, value);
      }
      y += base * 2.6;
      for (const [lx, l, v] of [[x, '国籍', '中国'], [col2, '出生日期', born]] as const) {
        p.put(lx, y, l, small);
        p.put(lx, y + base, v, value);
      }
      y += base * 2.6;
      p.put(x, y, '身份证件号', small);
      p.put(x, y + base, someoneHere.id, value);
      y += base * 3;
    } else {
      pair(p, x, y, '姓名', someoneHere.name, label, value, '', base);
      pair(p, col2, y, '性别', someoneHere.sex, label, value, '', base);
      y += base * 1.9;
      pair(p, x, y, '国籍', '中国', label, value, '', base);
      pair(p, col2, y, '出生日期', born, label, value, '', base * 0.6);
      y += base * 1.9;
      pair(p, x, y, '身份证件号', someoneHere.id, label, value, '', base);
      y += base * 2.6;
    }
  }
  const fields = {
    holder: holder.name,
    registrationDate: wedding,
    certificateNumber: number,
    party1Name: husband.name,
    party1Gender: '男',
    party1BirthDate: husband.birth,
    party1IdNumber: husband.id,
    party2Name: wife.name,
    party2Gender: '女',
    party2BirthDate: wife.birth,
    party2IdNumber: wife.id,
  };
  return { paper: p, fields, layout: `marriage/${stacked ? 'booklet-stacked' : 'booklet'}${order[0] === wife ? '-wife-first' : ''}` };
}

function nineties(rng: Rng): Made {
  const wedding = someDay(rng, 1986, 1999);
  const [husband, wife] = couple(rng, wedding);
  const [district, , short] = rng.pick(OFFICES);
  const number = rng.chance(0.5) ? `${short}婚字第${wedding.slice(2, 4)}${String(rng.int(1, 9999)).padStart(4, '0')}号` : `(${wedding.slice(2, 4)})${short}婚字第${rng.int(100, 2999)}号`;
  const dpi = rng.int(180, 210);
  const w = Math.round(mm(dpi) * 150);
  const h = Math.round(mm(dpi) * 110);
  const p = new Paper(w, h, rng.pick(['#f6efe0', '#f3ead6', '#f8f1e4']));
  p.box(18, 18, w - 36, h - 36, 5, '#b23a32');
  p.box(30, 30, w - 60, h - 60, 1.5, '#b23a32');
  const base = rng.int(22, 27);
  const hanzi = rng.chance(0.7);
  const body: Ink = { size: base, face: rng.pick<Face>(['kai', 'song', 'fang']) };
  p.put(w / 2, 60, '结婚证', { size: base * 2.2, face: 'biao', color: '#b23a32', align: 'center', track: base * 1.2 });
  let y = 60 + base * 3.4;
  p.put(w - 80, y, number, { ...body, size: base - 2, align: 'right' });
  y += base * 2.2;
  const x = 90;
  const order = rng.chance(0.8) ? [husband, wife] : [wife, husband];
  for (const someoneHere of order) {
    const born = printDate(someoneHere.birth, hanzi ? 'hanzi' : 'nian');
    p.put(x, y, `${someoneHere.name}　${someoneHere.sex}　${born}出生`, body);
    y += base * 2;
  }
  y = p.prose(x, y + base * 0.4, w - 2 * x, '自愿结婚，经审查符合《中华人民共和国婚姻法》关于结婚的规定，发给此证。', { ...body, indent: 2, lead: 1.9 });
  const office = rng.chance(0.5) ? `深圳市${district}人民政府` : `深圳市${district}民政局`;
  const issued = wedding;
  p.put(w - 100, y + base * 1.5, office, { ...body, align: 'right' });
  p.put(w - 100, y + base * 3.4, printDate(issued, hanzi ? 'hanzi' : 'nian'), { ...body, align: 'right' });
  p.seal(w - 100 - base * 5, y + base * 2.4, Math.round(base * 3.8), office, '婚姻登记专用章', rng);
  const fields = {
    registrationDate: issued,
    certificateNumber: number,
    party1Name: husband.name,
    party1Gender: '男',
    party1BirthDate: husband.birth,
    party2Name: wife.name,
    party2Gender: '女',
    party2BirthDate: wife.birth,
  };
  return { paper: p, fields, layout: `marriage/nineties${hanzi ? '-hanzi' : ''}` };
}
