// Marriage pages of the tenth set: the 结婚证 and 离婚证 inner spreads (marriage-cert.ts); a
// 婚姻登记记录证明 listing two marriages and the divorce between them, whose truth is the later
// marriage; and a 1990s 结婚证 filled in by hand, with ages instead of birth dates and an old-style
// number such as (95)深福婚字第0123号.
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { paragraph } from './form';
import { addDays, dateBetween, hanNumber, writeDate } from './forms';
import { certSpread } from './marriage-cert';
import { bodyPt, Paper, PT, type Made } from './paper';
import { stamp } from './marks';
import { person, rareName, rarify, type Person } from './people';

interface Office {
  readonly code: string;
  readonly name: string;
  readonly abbr: string;
}

const OFFICES: readonly Office[] = [
  { code: '440304', name: '深圳市福田区民政局', abbr: '深福' },
  { code: '440303', name: '深圳市罗湖区民政局', abbr: '深罗' },
  { code: '440305', name: '深圳市南山区民政局', abbr: '深南' },
  { code: '440306', name: '深圳市宝安区民政局', abbr: '深宝' },
  { code: '440307', name: '深圳市龙岗区民政局', abbr: '深龙' },
  { code: '431121', name: '祁阳县民政局', abbr: '祁' },
  { code: '445281', name: '普宁市民政局', abbr: '普' },
  { code: '421102', name: '黄冈市黄州区民政局', abbr: '黄州' },
];

export interface Registration {
  readonly date: string;
  readonly number: string;
}

export interface Couple extends Registration {
  readonly man: Person;
  readonly woman: Person;
  readonly office: string;
  /** The marriage a divorce ended. */
  readonly earlier?: Registration;
}

const yearsBefore = (iso: string, years: number) => `${Number(iso.slice(0, 4)) - years}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');

/** A certificate number: J440303-2019-004711, L… for a divorce, or (95)深福婚字第0123号 before 2004. */
function numberFor(rng: Rng, office: Office, date: string, prefix: 'J' | 'L'): string {
  const year = date.slice(0, 4);
  if (year < '2004') {
    const [l, r] = rng.chance(0.5) ? ['(', ')'] : ['（', '）'];
    return `${l}${year.slice(2)}${r}${office.abbr}${prefix === 'J' ? '婚' : '离'}字第${String(rng.int(1, 2999)).padStart(4, '0')}号`;
  }
  return `${prefix}${office.code}-${year}-${String(rng.int(1, 9999)).padStart(6, '0')}`;
}

function spouse(rng: Rng, of: Person, date: string): Person {
  const sex = of.sex === '男' ? '女' : '男';
  return person(rng, { sex, from: yearsBefore(date, sex === '男' ? 40 : 36), to: yearsBefore(date, sex === '男' ? 22 : 20) });
}

function couple(rng: Rng, date: string, divorce: boolean, rare: boolean): Couple {
  const office = rng.pick(OFFICES);
  let a = person(rng, { from: yearsBefore(date, 40), to: yearsBefore(date, 22) });
  if (rare) a = rarify(rng, a);
  const b = spouse(rng, a, date);
  const [man, woman] = a.sex === '男' ? [a, b] : [b, a];
  const number = numberFor(rng, office, date, divorce ? 'L' : 'J');
  if (!divorce) return { man, woman, date, number, office: office.name };
  const married = dateBetween(rng, yearsBefore(date, 12), yearsBefore(date, 2));
  return { man, woman, date, number, office: office.name, earlier: { date: married, number: numberFor(rng, office, married, 'J') } };
}

const ORDINAL = ['一', '二', '三', '四'];

function recordTwo(rng: Rng, dpi: DpiFor, rare: boolean): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['sans', 'serif', 'sans-l', 'syst'] as const);
  const first = dateBetween(rng, '1993-01-01', '2012-12-31');
  const c1 = couple(rng, first, false, rare);
  const applicant = rng.chance(0.5) ? c1.man : c1.woman;
  const split = dateBetween(rng, addDays(first, 400), addDays(first, 365 * 9));
  const again = dateBetween(rng, addDays(split, 200), addDays(split, 365 * 6) > '2026-10-31' ? '2026-10-31' : addDays(split, 365 * 6));
  const c2 = couple(rng, again, false, false);
  const other = spouse(rng, applicant, again);
  const [man2, woman2] = applicant.sex === '男' ? [applicant, other] : [other, applicant];
  const office = rng.pick(OFFICES);
  const records = [
    { kind: '结婚登记', date: first, man: c1.man, woman: c1.woman, office: c1.office, number: c1.number },
    { kind: '离婚登记', date: split, man: c1.man, woman: c1.woman, office: office.name, number: numberFor(rng, office, split, 'L') },
    { kind: '结婚登记', date: again, man: man2, woman: woman2, office: c2.office, number: c2.number },
  ];
  const issued = dateBetween(rng, addDays(again, 30) > '2026-11-30' ? '2026-11-30' : addDays(again, 30), '2026-11-30');
  p.write(105, 34, '婚姻登记记录证明', { face: 'serif-b', pt: pt + 8, align: 'center', spacing: 1 });
  p.write(188, 45, `编号：${office.abbr}民婚证〔${issued.slice(0, 4)}〕第${String(rng.int(1, 9999)).padStart(5, '0')}号`, { face, pt: pt - 0.5, align: 'right' });
  let y = paragraph(p, 22, 56, 166, `兹证明${applicant.name}（性别：${applicant.sex}，身份证件号：${applicant.id}）在全国婚姻登记信息系统中有如下婚姻登记记录：`, face, pt);
  const style = rng.pick(['cn0', 'cn', 'iso'] as const);
  const lh = pt * PT * 1.9;
  records.forEach((r, i) => {
    p.box(22, y - lh * 0.2, 166, lh * 5.3, 0.2, '#555');
    p.write(25, y + lh * 0.6, `记录${ORDINAL[i]}：${r.kind}`, { face: 'sans-b', pt });
    p.write(25, y + lh * 1.6, `登记日期：${writeDate(r.date, style)}`, { face, pt });
    p.write(95, y + lh * 1.6, `登记机关：${r.office}`, { face, pt, fit: 90 });
    p.write(25, y + lh * 2.6, `男方：${r.man.name}`, { face, pt });
    p.write(95, y + lh * 2.6, `身份证件号：${r.man.id}`, { face, pt });
    p.write(25, y + lh * 3.6, `女方：${r.woman.name}`, { face, pt });
    p.write(95, y + lh * 3.6, `身份证件号：${r.woman.id}`, { face, pt });
    p.write(25, y + lh * 4.6, `证件字号：${r.number}`, { face, pt });
    y += lh * 5.3 + 4;
  });
  y = paragraph(p, 22, y + 6, 166, `以上记录查询截至${writeDate(issued, 'cn0')}。本证明仅证明当事人在全国婚姻登记信息系统中的婚姻登记记录情况。`, face, pt);
  p.write(186, y + 18, `${office.name}婚姻登记处`, { face, pt, align: 'right' });
  p.write(186, y + 27, writeDate(issued, 'cn0'), { face, pt, align: 'right' });
  stamp(p, 150, y + 8, 17, `${office.name}`, '婚姻登记专用章');
  const fields = { registrationDate: again, certificateNumber: c2.number, party1Name: man2.name, party1Gender: '男', party1IdNumber: man2.id, party2Name: woman2.name, party2Gender: '女', party2IdNumber: woman2.id };
  return { paper: p, layout: 'record-two', fields };
}

const age = (birth: string, on: string) => Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);

function oldCert(rng: Rng, dpi: DpiFor, rare: boolean): Made {
  const date = dateBetween(rng, '1986-01-01', '2003-06-30');
  const c = couple(rng, date, false, rare);
  const p = new Paper(140, 196, dpi(196), '#f6ecd9');
  const pt = bodyPt(rng, p.dpi) + 1.5;
  const hand = rng.pick(['mashan', 'zhuokai', 'kai', 'kai-b'] as const);
  const ink = rng.pick(['#1d2b6b', '#2a2a2a', '#223a70']);
  p.box(6, 6, 128, 184, 1.2, '#a23b2f');
  p.box(9, 9, 122, 178, 0.3, '#a23b2f');
  p.write(70, 34, '结 婚 证', { face: 'serif-k', pt: 26, align: 'center', color: '#b0302a', spacing: 2 });
  p.write(70, 48, c.number, { face: hand, pt, align: 'center', color: ink, hand: rng });
  const line = (y: number, q: Person) => {
    p.write(24, y, q.name, { face: hand, pt: pt + 2, color: ink, hand: rng });
    p.write(70, y, q.sex, { face: hand, pt: pt + 2, color: ink, hand: rng });
    p.write(88, y, `${hanNumber(age(q.birth, date))}岁`, { face: hand, pt: pt + 2, color: ink, hand: rng });
    p.line(22, y + 1.5, 118, y + 1.5, 0.15, '#8a6a5a');
  };
  line(66, c.man);
  line(80, c.woman);
  const body = '自愿结婚，经审查符合《中华人民共和国婚姻法》关于结婚的规定，准予登记，发给此证。';
  paragraph(p, 22, 98, 96, body, 'syst', pt - 0.5, 1.9);
  p.write(118, 156, c.office.replace('民政局', '人民政府'), { face: 'syst', pt: pt - 0.5, align: 'right', fit: 80 });
  p.write(118, 168, writeDate(date, 'han'), { face: hand, pt, align: 'right', color: ink, hand: rng });
  stamp(p, 58, 150, 16, c.office.replace('民政局', '人民政府'), '婚姻登记专用章');
  const fields = { registrationDate: date, certificateNumber: c.number, party1Name: c.man.name, party1Gender: '男', party2Name: c.woman.name, party2Gender: '女' };
  return { paper: p, layout: 'old-cert', fields };
}

const DESIGNS = ['cert-inner', 'divorce-cert', 'record-two', 'old-cert'] as const;

export function drawMarriage(rng: Rng, dpi: DpiFor): Made {
  const design = rng.pick(DESIGNS);
  const rare = rareName(rng);
  if (design === 'record-two') return recordTwo(rng, dpi, rare);
  if (design === 'old-cert') return oldCert(rng, dpi, rare);
  const divorce = design === 'divorce-cert';
  const date = dateBetween(rng, divorce ? '2008-01-01' : '2004-10-01', '2026-11-20');
  return certSpread(rng, dpi, couple(rng, date, divorce, rare), divorce);
}
