// 婚姻 pages: a 1990s 结婚证 filled in by hand (its old-style 字号 is not a truth value), a 2004-style
// 结婚证 page (now and then a 补发 one: BJ number, 登记日期 the day of the replacement, the original
// date in 备注), a 离婚证 (L number), and a 婚姻登记记录证明 letter from a 民政局 with the two parties in
// a table (no 持证人 there).
import type { Rng } from '../../../domain/seed/prng';
import type { FaceId } from './fonts';
import { addDays, dateBetween, writeDate } from './forms';
import { guilloche, seal } from './marks';
import { Paper, type TextOpts } from './paper';
import { makePerson, type Person } from './people';
import { ELSEWHERE, type Region, SHENZHEN } from './places';
import { formTable, issuerBlock, L, type Made, V } from './sheet';

export function drawMarriage(rng: Rng, dpi: number): Made {
  const design = rng.int(0, 3);
  if (design === 0) return drawOldCertificate(rng, dpi);
  if (design === 1) return drawCertificate(rng, dpi, false);
  if (design === 2) return drawCertificate(rng, dpi, rng.chance(0.6));
  return drawRecordProof(rng, dpi);
}

interface Couple {
  readonly man: Person;
  readonly woman: Person;
  readonly registered: string;
  readonly office: Region;
}

/** A couple registering between `from` and `to`, he at least 22 and she at least 20 on the day. */
function couple(rng: Rng, from: string, to: string): Couple {
  const registered = dateBetween(rng, from, to);
  const y = Number(registered.slice(0, 4));
  const rare = rng.chance(0.26);
  const heRare = rare && rng.chance(0.5);
  const man = makePerson(rng, { sex: '男', born: [`${y - 40}-01-01`, `${y - 23}-01-01`], rare: heRare });
  const wy = Math.max(y - 40, Math.min(y - 21, Number(man.birth.slice(0, 4)) + rng.int(-2, 5)));
  const woman = makePerson(rng, { sex: '女', born: [`${wy}-01-01`, `${wy}-12-31`], rare: rare && !heRare, style: man.style === 'uyghur' || rng.chance(0.8) ? (man.style === 'compound' ? 'han' : man.style) : 'han' });
  const office = rng.chance(0.7) ? rng.pick(SHENZHEN) : rng.pick(ELSEWHERE);
  return { man, woman, registered, office };
}

const bureau = (r: Region) => `${r.city === '深圳市' ? '深圳市' : ''}${r.county}民政局`;
const number = (rng: Rng, prefix: string, r: Region, date: string) => `${prefix}${r.code}-${date.slice(0, 4)}-${String(rng.int(1, 9999)).padStart(6, '0')}`;

function drawOldCertificate(rng: Rng, dpi: number): Made {
  const c = couple(rng, '1990-01-01', '2002-12-31');
  const paper = new Paper(186, 128, dpi, rng, rng.pick(['#f7e6e0', '#f3dfd6', '#f5e9dc']));
  paper.rect(5, 5, 176, 118, 1.2, '#a8322e');
  paper.rect(7.5, 7.5, 171, 113, 0.3, '#a8322e');
  paper.put(93, 26, '结 婚 证', { face: 'zmx', size: 13, color: '#8a1c1c', align: 'center' });
  const label: TextOpts = { face: 'serif', size: 4, color: '#2a1c18' };
  const hand: TextOpts = { face: rng.chance(0.5) ? 'lc' : 'hlx', size: 4.8, color: rng.pick(['#1c2c6e', '#1e1e1e']), hand: true };
  const rows: [Person, number][] = [
    [c.man, 44],
    [c.woman, 58],
  ];
  for (const [p, y] of rows) {
    let x = 16;
    x += paper.put(x, y, '姓名', label) + 2;
    paper.line(x, y + 1.2, x + 36, y + 1.2, 0.2, '#5a3a30');
    paper.put(x + 2, y - 0.4, p.name, { ...hand, field: true });
    x += 40;
    x += paper.put(x, y, '性别', label) + 2;
    paper.line(x, y + 1.2, x + 12, y + 1.2, 0.2, '#5a3a30');
    paper.put(x + 3, y - 0.4, p.sex, hand);
    x += 16;
    x += paper.put(x, y, '出生日期', label) + 2;
    paper.line(x, y + 1.2, x + 48, y + 1.2, 0.2, '#5a3a30');
    paper.put(x + 2, y - 0.4, writeDate(p.birth, 'cn'), { ...hand, field: true });
  }
  paper.wrap(16, 74, 154, '自愿结婚，经审查符合《中华人民共和国婚姻法》关于结婚的规定，准予登记，发给此证。', label, 7.5, 8);
  const [yy, mm, dd] = c.registered.split('-').map(Number) as [number, number, number];
  let x = 112;
  const y = 106;
  for (const [v, unit] of [[yy, '年'], [mm, '月'], [dd, '日']] as const) {
    paper.put(x, y - 0.4, String(v), { ...hand, record: false });
    x += paper.measure(String(v), hand) + 1.5;
    x += paper.put(x, y, unit, { ...label, record: false }) + 2;
  }
  paper.record(112, y, 4.5, writeDate(c.registered, 'cn'));
  paper.put(112, 95, '登记机关（印）', label);
  seal(paper, rng, 135, 95, 17, `${c.office.county}人民政府`, '', 'rgba(200, 36, 40, 0.62)');
  paper.put(16, 116, `（${String(yy).slice(2)}）${c.office.county.slice(0, 2)}婚字第${String(rng.int(10, 999)).padStart(3, '0')}号`, { ...label, size: 3.4 });
  const fields = {
    registrationDate: c.registered,
    party1Name: c.man.name,
    party1Gender: '男',
    party1BirthDate: c.man.birth,
    party2Name: c.woman.name,
    party2Gender: '女',
    party2BirthDate: c.woman.birth,
  };
  return { paper, fields, layout: 'cert-1990s-hand' };
}

function drawCertificate(rng: Rng, dpi: number, divorce: boolean): Made {
  const c = couple(rng, divorce ? '2008-01-01' : '2004-10-01', '2026-11-20');
  const adult = [addDays(c.man.birth, 22 * 366), addDays(c.woman.birth, 20 * 366), addDays(c.registered, -3650)].sort().pop()!;
  const replaced = !divorce && rng.chance(0.3) && adult < addDays(c.registered, -200);
  const original = replaced ? dateBetween(rng, adult, addDays(c.registered, -200)) : c.registered;
  const holder = rng.chance(0.5) ? c.man : c.woman;
  const paper = new Paper(182, 126, dpi, rng, divorce ? '#eef0ea' : '#fbeeee');
  guilloche(paper, rng, 0, 0, 182, 126, divorce ? 'rgba(90,140,110,0.18)' : 'rgba(220,110,120,0.2)', 40);
  const face: FaceId = rng.chance(0.6) ? 'shs' : 'serif';
  const label: TextOpts = { face, size: 3.3, color: '#5a3a3a' };
  const value: TextOpts = { face, size: 3.6, weight: 500, color: '#141414' };
  const no = number(rng, divorce ? 'L' : replaced ? 'BJ' : 'J', c.office, c.registered);
  const top: [string, string, boolean][] = [
    ['持证人', holder.name, true],
    ['登记日期', writeDate(c.registered, rng.pick(['cn0', 'cn'] as const)), true],
    [divorce ? '离婚证字号' : '结婚证字号', no, true],
    ['备注', replaced ? `补发。原登记日期${writeDate(original, 'cn')}` : '', false],
  ];
  top.forEach(([l, v, f], i) => {
    const y = 18 + i * 10;
    paper.put(12, y, l, label);
    paper.put(36, y, v, { ...value, field: f });
  });
  paper.fill(124, 10, 48, 34, '#c8252c');
  paper.ctx.fillStyle = '#f4f0ec';
  for (const cx of [138, 158]) {
    paper.ctx.beginPath();
    paper.ctx.arc(cx * paper.k, 23 * paper.k, 4.5 * paper.k, 0, Math.PI * 2);
    paper.ctx.fill();
    paper.fill(cx - 7, 29, 14, 15, '#25303a');
  }
  const party = (p: Person, x: number) => {
    const lines: [string, string, boolean][] = [
      ['姓名', p.name, true],
      ['性别', p.sex, false],
      ['国籍', '中国', false],
      ['出生日期', writeDate(p.birth, rng.pick(['cn0', 'cn'] as const)), true],
      ['身份证件号', p.id, true],
    ];
    lines.forEach(([l, v, f], i) => {
      const y = 66 + i * 8;
      paper.put(x, y, l, label);
      paper.put(x + 21, y, v, { ...value, field: f });
    });
  };
  party(c.man, 10);
  party(c.woman, 96);
  seal(paper, rng, 72 + rng.normal(0, 4), 52 + rng.normal(0, 2), 16, bureau(c.office), divorce ? '离婚登记专用章' : '婚姻登记专用章');
  const fields = {
    holder: holder.name,
    registrationDate: c.registered,
    certificateNumber: no,
    party1Name: c.man.name,
    party1Gender: '男',
    party1BirthDate: c.man.birth,
    party1IdNumber: c.man.id,
    party2Name: c.woman.name,
    party2Gender: '女',
    party2BirthDate: c.woman.birth,
    party2IdNumber: c.woman.id,
  };
  return { paper, fields, layout: divorce ? 'divorce-certificate' : replaced ? 'cert-replacement' : 'cert-2004' };
}

function drawRecordProof(rng: Rng, dpi: number): Made {
  const c = couple(rng, '2000-01-01', '2025-12-31');
  const issued = dateBetween(rng, addDays(c.registered, 30) > '2021-01-01' ? addDays(c.registered, 30) : '2021-01-01', '2026-11-25');
  const applicant = rng.chance(0.5) ? c.man : c.woman;
  const paper = new Paper(210, 297, dpi, rng);
  const face: FaceId = rng.chance(0.5) ? 'shs' : 'sans';
  const o: TextOpts = { face, size: 4 };
  paper.put(105, 40, '婚姻登记记录证明', { face, size: 8, weight: 700, align: 'center' });
  paper.put(182, 52, `编号：${issued.replaceAll('-', '')}${String(rng.int(1000, 9999))}`, { ...o, size: 3.3, align: 'right' });
  let y = paper.wrap(26, 68, 158, `申请人${applicant.name}（公民身份号码：${applicant.id}）申请查询本人婚姻登记记录。经查询全国婚姻登记信息系统，申请人有如下婚姻登记记录：`, o, 8, 8);
  const no = number(rng, 'J', c.office, c.registered);
  const date = writeDate(c.registered, rng.pick(['iso', 'cn0', 'cn'] as const));
  const head = { h: 10, cells: [L(0.8, '当事人'), L(1.1, '姓名'), L(0.6, '性别'), L(1.4, '出生日期'), L(2.4, '身份证件号')] };
  const row = (who: string, p: Person) => ({ h: 10, cells: [V(0.8, who), V(1.1, p.name, true), V(0.6, p.sex), V(1.4, writeDate(p.birth, 'iso'), true), V(2.4, p.id, true)] });
  const t = formTable(paper, 26, y, 158, [head, row('男方', c.man), row('女方', c.woman)], { ...o, size: 3.4, weight: 700 }, { ...o, size: 3.4, align: 'center' });
  y = t.bottom + 10;
  for (const line of [`登记类别：结婚登记`, `登记日期：${date}`, `登记机关：${bureau(c.office)}婚姻登记处`, `结婚证字号：${no}`]) {
    paper.put(30, y, line, { ...o, field: /日期|字号/.test(line) });
    y += 8;
  }
  y = paper.wrap(26, y + 6, 158, '本证明仅证明出具时全国婚姻登记信息系统中的记录情况。', { ...o, size: 3.6 }, 7.5, 8);
  issuerBlock(paper, rng, 182, y + 30, `${bureau(c.office)}`, writeDate(issued, 'cn'), o, `${bureau(c.office)}`, '婚姻登记专用章');
  const fields = {
    registrationDate: c.registered,
    certificateNumber: no,
    party1Name: c.man.name,
    party1Gender: '男',
    party1BirthDate: c.man.birth,
    party1IdNumber: c.man.id,
    party2Name: c.woman.name,
    party2Gender: '女',
    party2BirthDate: c.woman.birth,
    party2IdNumber: c.woman.id,
  };
  return { paper, fields, layout: 'record-proof' };
}
