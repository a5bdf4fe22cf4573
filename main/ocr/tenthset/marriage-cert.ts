// The inner spread of a 2004-style 结婚证 or 离婚证: left page 持证人, 登记日期, 证字号 and 备注 above
// the registrar and the office's seal; right page the photo and both parties (姓名, 性别, 国籍,
// 出生日期, 身份证件号), man or woman first. The 离婚证 notes the earlier marriage in 备注 — a second
// date and certificate number that are not the truth.
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import type { Face } from './fonts';
import { writeDate, type DateStyle } from './forms';
import type { Couple } from './marriage';
import { bodyPt, Paper, type Made } from './paper';
import { guilloche, stamp } from './marks';
import type { Person } from './people';

function photo(p: Paper, x: number, y: number, w: number, h: number, people: number, rng: Rng): void {
  p.fill(x, y, w, h, rng.pick(['#c8463f', '#d35248', '#4b7fc0']));
  for (let k = 0; k < people; k++) {
    const cx = x + w * (people === 1 ? 0.5 : 0.33 + k * 0.34);
    const ctx = p.ctx;
    ctx.fillStyle = k === 0 ? '#20232b' : '#f2f2f2';
    ctx.beginPath();
    ctx.ellipse(p.px(cx), p.px(y + h), p.px(w * 0.17), p.px(h * 0.36), 0, Math.PI, 0);
    ctx.fill();
    ctx.fillStyle = '#e9c4a8';
    ctx.beginPath();
    ctx.ellipse(p.px(cx), p.px(y + h * 0.42), p.px(w * 0.08), p.px(h * 0.18), 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#15120f';
    ctx.fillRect(p.px(cx - w * 0.08), p.px(y + h * 0.22), p.px(w * 0.16), p.px(h * 0.1));
  }
  p.box(x, y, w, h, 0.3, '#888');
}

interface Style {
  readonly label: Face;
  readonly value: Face;
  readonly pt: number;
  readonly ink: string;
  readonly date: DateStyle;
}

function labelled(p: Paper, x: number, y: number, label: string, value: string, s: Style, width: number): void {
  const lw = p.write(x, y, label, { face: s.label, pt: s.pt - 0.5, color: s.ink });
  p.line(x + lw + 1.5, y + 1.2, x + width, y + 1.2, 0.15, '#9a6a6a');
  if (value) p.write(x + lw + 3, y, value, { face: s.value, pt: s.pt, fit: width - lw - 4 });
}

function party(p: Paper, x: number, y: number, q: Person, s: Style): void {
  labelled(p, x, y, '姓名', q.name, s, 46);
  labelled(p, x + 50, y, '性别', q.sex, s, 26);
  labelled(p, x, y + 8, '国籍', '中国', s, 30);
  labelled(p, x + 32, y + 8, '出生日期', writeDate(q.birth, s.date), s, 50);
  labelled(p, x, y + 16, '身份证件号', q.id, s, 82);
}

export function certSpread(rng: Rng, dpi: DpiFor, c: Couple, divorce: boolean): Made {
  const p = new Paper(204, 144, dpi(204), divorce ? '#eef4ee' : '#fbefed');
  const s: Style = {
    label: rng.pick(['serif', 'syst', 'serif-m'] as const),
    value: rng.pick(['serif', 'sypx', 'syst', 'sans', 'kai'] as const),
    pt: bodyPt(rng, p.dpi) + 0.5,
    ink: divorce ? '#2f4a36' : '#6b2020',
    date: rng.pick(['cn', 'cn0'] as const),
  };
  const tone = divorce ? 'rgba(90,150,110,0.2)' : 'rgba(215,110,110,0.2)';
  guilloche(p, 4, 4, 196, 136, tone, rng);
  p.box(4, 4, 196, 136, 0.5, s.ink);
  p.line(102, 4, 102, 140, 0.2, 'rgba(0,0,0,0.25)');
  const holder = rng.chance(0.5) ? c.man : c.woman;
  p.write(53, 20, divorce ? '离 婚 证' : '结 婚 证', { face: 'serif-b', pt: s.pt + 5, align: 'center', color: s.ink, spacing: 1 });
  labelled(p, 14, 40, '持证人', holder.name, s, 80);
  labelled(p, 14, 54, '登记日期', writeDate(c.date, s.date), s, 80);
  labelled(p, 14, 68, divorce ? '离婚证字号' : '结婚证字号', c.number, s, 80);
  const note = divorce && c.earlier ? `原结婚登记日期${writeDate(c.earlier.date, s.date)}，原结婚证字号${c.earlier.number}` : '';
  labelled(p, 14, 82, '备注', '', s, 80);
  if (note) p.write(14, 90, note, { face: s.value, pt: s.pt - 1.5, fit: 80 });
  p.write(14, 110, '登记机关', { face: s.label, pt: s.pt - 0.5, color: s.ink });
  p.write(14, 120, `婚姻登记员：${rng.pick(['刘晓红', '陈志明', '黄丽萍', '周建国', '林小燕'])}`, { face: s.value, pt: s.pt - 1 });
  stamp(p, 68, 112, 15, c.office, '婚姻登记专用章');
  p.write(53, 134, '中华人民共和国民政部监制', { face: s.label, pt: 7, align: 'center', color: s.ink });
  p.block = 1;
  photo(p, 118, 12, 68, 44, divorce ? 1 : 2, rng);
  const [first, second] = rng.chance(0.7) ? [c.man, c.woman] : [c.woman, c.man];
  party(p, 108, 72, first, s);
  party(p, 108, 104, second, s);
  const fields: Record<string, string | number> = {
    holder: holder.name,
    registrationDate: c.date,
    certificateNumber: c.number,
    party1Name: c.man.name,
    party1Gender: '男',
    party1BirthDate: c.man.birth,
    party1IdNumber: c.man.id,
    party2Name: c.woman.name,
    party2Gender: '女',
    party2BirthDate: c.woman.birth,
    party2IdNumber: c.woman.id,
  };
  return { paper: p, layout: divorce ? 'divorce-cert' : 'cert-inner', fields };
}
