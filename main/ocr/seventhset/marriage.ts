// 婚姻 pages: (a) a 结婚证 inner page photographed flat, portrait area on top and the 2004 layout's
// fields in another order (登记日期 and 字号 last, the woman's block sometimes first); (b) a
// 婚姻登记记录证明 for someone divorced and married again: the current marriage is the truth.
import type { Rng } from '../../../domain/seed/prng';
import type { Face } from './fonts';
import { made, Paper, type Made } from './paper';
import { person, someName, type Person } from './people';
import { RED, seal } from './seal';
import { addDays, dateBetween, writeDate, type DateStyle } from './wording';

const OFFICES = [
  { code: '440304', name: '深圳市福田区民政局' },
  { code: '440305', name: '深圳市南山区民政局' },
  { code: '440306', name: '深圳市宝安区民政局' },
  { code: '440309', name: '深圳市龙华区民政局' },
  { code: '440303', name: '深圳市罗湖区民政局' },
];

function couple(rng: Rng, earliest: string, gap = 0) {
  const man = person(rng, '男', ['1965-01-01', gap > 0 ? '1990-12-31' : '1998-12-31']);
  const by = Number(man.birth.slice(0, 4));
  const woman = person(rng, '女', [`${Math.max(1967, by - 6)}-01-01`, `${Math.min(gap > 0 ? 1992 : 2000, by + 10)}-06-30`]);
  const younger = man.birth > woman.birth ? man.birth : woman.birth;
  const adult = `${Number(younger.slice(0, 4)) + 22 + gap}${younger.slice(4).replace('-02-29', '-02-28')}`;
  const from = adult > earliest ? adult : earliest;
  const reg = dateBetween(rng, from, '2026-11-30');
  const office = rng.pick(OFFICES);
  const bj = rng.chance(0.15) ? 'B' : '';
  const number = `${bj}J${office.code}-${reg.slice(0, 4)}-${String(rng.int(1, 9999)).padStart(6, '0')}`;
  return { man, woman, reg, office, number };
}

function portrait(paper: Paper, x: number, y: number, w: number, h: number, rng: Rng): void {
  paper.fill(x, y, w, h, rng.pick(['#c8252c', '#d03a3a', '#b8222a']));
  const c = paper.ctx;
  const k = paper.k;
  c.fillStyle = '#2b2b2b';
  for (const cx of [x + w * 0.33, x + w * 0.67]) {
    c.beginPath();
    c.ellipse(cx * k, (y + h * 0.42) * k, w * 0.1 * k, h * 0.17 * k, 0, 0, Math.PI * 2);
    c.fill();
    c.fillStyle = rng.pick(['#1f3550', '#ececec', '#283a2a']);
    c.fillRect((cx - w * 0.15) * k, (y + h * 0.62) * k, w * 0.3 * k, h * 0.38 * k);
    c.fillStyle = '#e8c4a8';
    c.beginPath();
    c.ellipse(cx * k, (y + h * 0.44) * k, w * 0.08 * k, h * 0.14 * k, 0, 0, Math.PI * 2);
    c.fill();
    c.fillStyle = '#2b2b2b';
  }
}

/** 结婚证 inner page: photo on top, the two blocks, then 登记日期 and 字号 at the foot. */
function certificate(rng: Rng): Made {
  const { man, woman, reg, office, number } = couple(rng, '2004-10-01');
  const face: Face = rng.pick(['jxzk', 'pxzs', 'maple']);
  const paper = new Paper(128, 178, face, rng.pick(['#fbf3ea', '#fdf6ee', '#f8efe6']));
  const style: DateStyle = rng.pick(['cn', 'cn0', 'dot']);
  const holder = rng.chance(0.5) ? man : woman;
  const ink = '#242424';
  paper.fill(0, 0, 128, 178, 'rgba(236,205,190,0.25)');
  paper.box(6, 6, 116, 166, 0.6, '#b04a3a');
  portrait(paper, 34, 12, 60, 42, rng);
  const lab = { size: 3.3, face: 'pxzs' as Face, color: '#6a4a3a' };
  let y = 64;
  paper.text(12, y, '持证人', lab);
  paper.text(32, y, holder.name, { size: 4.4, color: ink });
  y += 11;
  const block = (who: Person) => {
    paper.text(12, y, '姓名', lab);
    paper.text(26, y, who.name, { size: 4.4, color: ink });
    paper.text(78, y, '性别', lab);
    paper.text(90, y, who.sex, { size: 4.4, color: ink });
    y += 8.5;
    paper.text(12, y, '出生日期', lab);
    paper.text(32, y, writeDate(who.birth, style), { size: 4.2, color: ink });
    paper.text(78, y, '国籍', lab);
    paper.text(90, y, '中国', { size: 4.2, color: ink });
    y += 8.5;
    paper.text(12, y, '身份证件号', lab);
    paper.text(36, y, who.id, { size: 4.2, color: ink, face: rng.chance(0.5) ? 'maple' : face });
    y += 12;
  };
  const womanFirst = rng.chance(0.35);
  block(womanFirst ? woman : man);
  paper.line(12, y - 7, 116, y - 7, 0.2, '#b08070');
  block(womanFirst ? man : woman);
  paper.text(12, y, '登记日期', lab);
  paper.text(34, y, writeDate(reg, style), { size: 4.4, color: ink });
  y += 10;
  paper.text(12, y, '结婚证字号', lab);
  paper.text(38, y, number, { size: 4.4, color: ink, face: 'maple' });
  paper.text(64, 166, '婚姻登记员：', { size: 3, face: 'pxzs', color: '#6a4a3a' });
  seal(paper.ctx, 96 * paper.k, 150 * paper.k, 14 * paper.k, `${office.name}婚姻登记专用章`, RED, '', rng.next() - 0.5);
  const fields = {
    holder: holder.name,
    registrationDate: reg,
    certificateNumber: number,
    party1Name: man.name,
    party1Gender: '男',
    party1BirthDate: man.birth,
    party1IdNumber: man.id,
    party2Name: woman.name,
    party2Gender: '女',
    party2BirthDate: woman.birth,
    party2IdNumber: woman.id,
  };
  return made(paper, fields, womanFirst ? 'photo-page-woman-first' : 'photo-page');
}

/** 婚姻登记记录证明 for a person divorced and married again; the truth is the current marriage. */
function record(rng: Rng): Made {
  const { man, woman, reg, office, number } = couple(rng, '2016-01-01', 10);
  const face: Face = rng.pick(['pxzs', 'dyh', 'maple']);
  const paper = new Paper(210, 297, face, '#ffffff', 200);
  const subject = rng.chance(0.5) ? man : woman;
  const ex = someName(rng, subject === man ? '女' : '男');
  const firstReg = dateBetween(rng, addDays(reg, -3600), addDays(reg, -2400));
  const divorce = dateBetween(rng, addDays(firstReg, 400), addDays(reg, -200));
  const style: DateStyle = rng.pick(['cn', 'iso', 'dot']);
  paper.text(105, 32, '婚姻登记记录证明', { size: 7.5, face: rng.pick(['pxzs', 'kuaile']), bold: true, align: 'center' });
  paper.text(185, 44, `编号：${office.code}${reg.slice(0, 4)}${rng.int(10000, 99999)}`, { size: 3.2, align: 'right' });
  let y = paper.paragraph(25, 58, 160, `　　经查询全国婚姻登记信息系统，当事人${subject.name}（公民身份号码${subject.id}）有以下婚姻登记记录：`, { size: 4.2 }, 1.9);
  const cols = [25, 47, 78, 114, 150];
  const head = ['登记类别', '登记日期', '男方', '女方', '证件字号'];
  y += 4;
  const top = y;
  paper.fill(25, y, 160, 9, '#eeeeee');
  head.forEach((h, i) => paper.text(cols[i]! + 1, y + 6.3, h, { size: 3.5, bold: true }));
  const row = (kind: string, date: string, m: string, mid: string, w: string, wid: string, no: string) => {
    y += 9;
    paper.line(25, y, 185, y, 0.2);
    paper.text(cols[0]! + 1, y + 6, kind, { size: 3.5 });
    paper.text(cols[1]! + 1, y + 6, writeDate(date, style), { size: 3.1 });
    paper.text(cols[2]! + 1, y + 6, m, { size: 3.5 });
    paper.text(cols[3]! + 1, y + 6, w, { size: 3.5 });
    paper.text(cols[4]! + 1, y + 6, no, { size: 2.7, face: 'maple' });
    y += 7;
    paper.text(cols[2]! + 1, y + 5, mid, { size: 2.6, face: 'maple' });
    paper.text(cols[3]! + 1, y + 5, wid, { size: 2.6, face: 'maple' });
  };
  const manEx = subject === man ? man.name : ex;
  const womanEx = subject === man ? ex : woman.name;
  const exNo = `J${office.code}-${firstReg.slice(0, 4)}-${String(rng.int(1, 9999)).padStart(6, '0')}`;
  const dNo = `L${office.code}-${divorce.slice(0, 4)}-${String(rng.int(1, 999)).padStart(6, '0')}`;
  row('结婚登记', firstReg, manEx, subject === man ? man.id : '——', womanEx, subject === man ? '——' : woman.id, exNo);
  row('离婚登记', divorce, manEx, '', womanEx, '', dNo);
  row('结婚登记', reg, man.name, man.id, woman.name, woman.id, number);
  y += 9;
  paper.line(25, y, 185, y, 0.2);
  paper.box(25, top, 160, y - top, 0.35);
  y = paper.paragraph(25, y + 12, 160, `　　截至出具日，当事人最近一次婚姻登记为${writeDate(reg, style)}与${subject === man ? woman.name : man.name}办理的结婚登记，婚姻状况为：已婚（再婚）。`, { size: 4.2 }, 1.9);
  paper.text(25, y + 4, `（男方出生日期 ${writeDate(man.birth, style)}，女方出生日期 ${writeDate(woman.birth, style)}；本证明不显示前段婚姻当事人的完整证件号码）`, { size: 2.7 });
  paper.text(180, y + 40, office.name, { size: 4, align: 'right' });
  paper.text(180, y + 49, writeDate(dateBetween(rng, reg > '2025-06-01' ? reg : '2025-06-01', '2026-11-30'), 'cn'), { size: 4, align: 'right' });
  seal(paper.ctx, 160 * paper.k, (y + 38) * paper.k, 20 * paper.k, `${office.name}婚姻登记处`, RED, '', rng.next() - 0.5);
  const fields = {
    registrationDate: reg,
    certificateNumber: number,
    party1Name: man.name,
    party1Gender: '男',
    party1BirthDate: man.birth,
    party1IdNumber: man.id,
    party2Name: woman.name,
    party2Gender: '女',
    party2BirthDate: woman.birth,
    party2IdNumber: woman.id,
  };
  return made(paper, fields, 'record-remarried');
}

export const drawMarriage = (rng: Rng): Made => (rng.chance(0.55) ? certificate(rng) : record(rng));
