// The two 户口簿 card designs: a printed 常住人口登记卡 later amended by hand under red 变更 / 更正
// stamps, and a 1990s 常住人口登记表 filled in entirely by hand (ID number digit by digit in boxes).
import type { Rng } from '../../../domain/seed/prng';
import type { FaceId } from './fonts';
import { addDays, dateBetween, writeDate } from './forms';
import { bureauOf, household, movedIn, subject, truthOf } from './household';
import { boxStamp, guilloche, seal, strike } from './marks';
import { ageOn } from './people';
import { Paper, type TextOpts } from './paper';
import { employerOf } from './places';
import { type CellBox, formTable, L, type Made, V } from './sheet';

const INK = '#1c2c6e';
const EDUCATION = ['小学', '初中', '高中', '中等专科', '大学专科', '大学本科', '研究生'];
const JOBS = ['工人', '职员', '个体经营', '务农', '教师', '驾驶员', '厨师', '学生', '无业'];

/** Text on one line in a cell box, shifted by the printer's misfeed (dx, dy); long text is set smaller, then squeezed. */
function inCell(paper: Paper, b: CellBox, text: string, o: TextOpts, dx = 0, dy = 0, field = false): void {
  const room = b.x1 - b.x0 - 2.8;
  const natural = paper.measure(text, o);
  const size = (o.size ?? 3.2) * Math.max(0.75, Math.min(1, room / natural));
  paper.put(b.x0 + 1.4 + dx, (b.top + b.bottom) / 2 + size * 0.36 + dy, text, { ...o, size, fit: room, field });
}

/** A printed value crossed out and the new one written beside it, under a red stamp. */
function amend(paper: Paper, rng: Rng, b: CellBox, old: string, now: string, o: TextOpts, hand: TextOpts, stamp: string, when: string): void {
  const size = o.size ?? 3.2;
  const base = (b.top + b.bottom) / 2 + size * 0.36;
  const w = paper.put(b.x0 + 1.4, base, old, o);
  strike(paper, rng, b.x0 + 1.4, base, w);
  paper.put(b.x0 + 3 + w, base + rng.normal(0, 0.4), now, { ...hand, size: size * 1.15 });
  boxStamp(paper, rng, b.x1 - 4 + rng.normal(0, 1.5), b.top + rng.normal(1, 1), stamp, writeDate(when, 'dot'));
}

export function drawCardAmended(rng: Rng, dpi: number): Made {
  const h = household(rng);
  const m = subject(rng, h, rng.chance(0.27));
  const p = m.person;
  const paper = new Paper(112, 158, dpi, rng, rng.pick(['#eef2ee', '#f3efe2', '#eef0f4']));
  guilloche(paper, rng, 0, 8, 112, 140, 'rgba(110,150,140,0.22)', 34);
  const face: FaceId = rng.chance(0.6) ? 'shs' : 'serif';
  const label: TextOpts = { face: 'serif', size: 2.7, color: '#23332f' };
  const value: TextOpts = { face, size: 3.1, weight: 500, color: '#111' };
  const hand: TextOpts = { face: rng.chance(0.5) ? 'lc' : 'hlx', color: INK, hand: true };
  paper.put(56, 15, '常住人口登记卡', { face: 'shs', size: 6, weight: 700, align: 'center', spacing: 1 });
  const rows = [
    { h: 9, cells: [L(1, '姓名'), V(1.6, '', false, 'name'), L(1.2, '户主或与户主关系', { size: 2.3 }), V(1.6, '', false, 'rel')] },
    { h: 9, cells: [L(1, '曾用名'), V(1.6, ''), L(1.2, '性别'), V(1.6, '', false, 'sex')] },
    { h: 9, cells: [L(1, '出生地'), V(1.6, '', false, 'born'), L(1.2, '民族'), V(1.6, '', false, 'eth')] },
    { h: 9, cells: [L(1, '籍贯'), V(1.6, '', false, 'origin'), L(1.2, '出生日期'), V(1.6, '', false, 'birth')] },
    { h: 13, cells: [L(1, '住址'), V(4.4, '', false, 'addr')] },
    { h: 9, cells: [L(1.5, '公民身份证件编号', { size: 2.5 }), V(3.9, '', false, 'id')] },
    { h: 9, cells: [L(1, '身高'), V(0.8, ''), L(0.8, '血型'), V(0.8, ''), L(1, '宗教信仰'), V(1, '')] },
    { h: 9, cells: [L(1, '文化程度'), V(1.6, '', false, 'edu'), L(1.2, '婚姻状况'), V(1.6, '', false, 'mar')] },
    { h: 9, cells: [L(1, '兵役状况'), V(1.6, ''), L(1.2, '服务处所'), V(1.6, '', false, 'work')] },
    { h: 9, cells: [L(1, '职业'), V(4.4, '', false, 'job')] },
    { h: 11, cells: [L(1.7, '何时由何地迁来本市（县）', { size: 2.4 }), V(3.7, '', false, 'from')] },
  ];
  const { cells, bottom } = formTable(paper, 6, 21, 100, rows, label, value, 0.22, '#2d3f3a');
  const dx = rng.normal(0, 0.6);
  const dy = rng.normal(0, 0.5);
  const birth = writeDate(p.birth, rng.pick(['cn', 'cn0'] as const));
  const put = (k: string, t: string, f = false) => inCell(paper, cells[k]!, t, value, dx, dy, f);
  put('name', p.name, true);
  put('rel', m.relation, true);
  put('sex', p.sex, true);
  put('born', `${p.origin.province}${p.origin.city}`);
  put('eth', p.ethnicity, true);
  put('origin', `${p.origin.province}${p.origin.city === '深圳市' ? p.origin.city : p.origin.county}`);
  put('birth', birth, true);
  put('addr', h.address, true);
  put('id', p.id, true);
  const registered = dateBetween(rng, addDays(p.birth, 30) > '2008-01-01' ? addDays(p.birth, 30) : '2008-01-01', '2023-12-31');
  const age = ageOn(p.birth, registered);
  put('job', age < 6 ? '学龄前儿童' : age < 18 ? '学生' : rng.pick(JOBS));
  put('from', `${writeDate(movedIn(rng, p, registered), 'cn')}由${p.origin.city}${p.origin.county}迁来`);
  const adult = Number(p.birth.slice(0, 4)) < 2002;
  const edu = adult ? rng.pick(EDUCATION.slice(1, 6)) : '小学';
  const when = () => dateBetween(rng, registered, '2026-10-31');
  if (adult && rng.chance(0.6)) amend(paper, rng, cells.edu!, edu, EDUCATION[EDUCATION.indexOf(edu) + 1]!, value, hand, '更正', when());
  else put('edu', edu);
  if (adult && rng.chance(0.6)) amend(paper, rng, cells.mar!, '未婚', '已婚', value, hand, '变更', when());
  else put('mar', adult ? '已婚' : '未婚');
  if (adult && rng.chance(0.5)) {
    const b = cells.work!;
    paper.put(b.x0 + 1.4, b.bottom - 2, employerOf(rng).replace(/^深圳市/, ''), { ...hand, size: 2.6, fit: b.x1 - b.x0 - 3 });
    boxStamp(paper, rng, b.x0 + 8, b.top + 2, '变更', writeDate(when(), 'dot'));
  }
  const { bureau } = bureauOf(h);
  paper.put(8, bottom + 8, '承办人签章', label);
  paper.put(60, bottom + 8, '登记日期', label);
  paper.put(74 + dx, bottom + 8 + dy, writeDate(registered, 'cn'), value);
  seal(paper, rng, 30, bottom + 6, 10, bureau, '户口专用章');
  return { paper, fields: truthOf(m, h.address, p.birth), layout: 'card-amended' };
}

export function drawCard1990s(rng: Rng, dpi: number): Made {
  const h = household(rng, 1928, 1966);
  const m = subject(rng, h, rng.chance(0.27));
  const p = m.person;
  const paper = new Paper(125, 176, dpi, rng, rng.pick(['#efe4c8', '#ebe2cc', '#f1e9d2']));
  const label: TextOpts = { face: 'serif', size: 3.1, color: '#2a2418' };
  const handFace: FaceId = rng.chance(0.5) ? 'hlx' : 'lc';
  const hand: TextOpts = { face: handFace, size: 4.4, color: rng.pick([INK, '#222', '#2b2340']), hand: true };
  paper.put(62.5, 17, '常 住 人 口 登 记 表', { face: 'shs', size: 6.2, weight: 700, align: 'center' });
  const rows = [
    { h: 11, cells: [L(1, '姓名'), V(1.6, '', false, 'name'), L(1.2, '与户主关系'), V(1.4, '', false, 'rel')] },
    { h: 11, cells: [L(1, '性别'), V(1.6, '', false, 'sex'), L(1.2, '民族'), V(1.4, '', false, 'eth')] },
    { h: 11, cells: [L(1, '出生日期'), V(4.2, '', false, 'birth')] },
    { h: 11, cells: [L(1, '出生地'), V(4.2, '', false, 'born')] },
    { h: 11, cells: [L(1, '公民身份号码', { size: 2.6 }), V(4.2, '', false, 'id')] },
    { h: 18, cells: [L(1, '住址'), V(4.2, '', false, 'addr')] },
    { h: 11, cells: [L(1, '文化程度'), V(1.6, '', false, 'edu'), L(1.2, '职业'), V(1.4, '', false, 'job')] },
    { h: 14, cells: [L(1, '何时由何地迁来本址', { size: 2.6 }), V(4.2, '', false, 'from')] },
  ];
  const { cells, bottom } = formTable(paper, 8, 24, 109, rows, label, label, 0.3, '#3a3020');
  const write = (k: string, t: string, f = true) => inCell(paper, cells[k]!, t, hand, 0, 0, f);
  write('name', p.name);
  write('rel', m.relation);
  write('sex', p.sex);
  write('eth', p.ethnicity);
  const birth = writeDate(p.birth, 'cn');
  write('birth', birth);
  write('born', `${p.origin.province}${p.origin.county}`, false);
  const idBox = cells.id!;
  const step = (idBox.x1 - idBox.x0 - 4) / 18;
  const base = (idBox.top + idBox.bottom) / 2 + 1.6;
  [...p.id].forEach((d, i) => {
    const x = idBox.x0 + 2 + i * step;
    paper.rect(x, idBox.top + 2, step, idBox.bottom - idBox.top - 4, 0.15, '#6a5a40');
    paper.put(x + step / 2 + rng.normal(0, 0.25), base, d, { ...hand, size: 4, align: 'center', record: false });
  });
  paper.record(idBox.x0 + 2, base, 4, p.id);
  paper.boxes.push({ x: (idBox.x0 + 2) * paper.k, y: (idBox.top + 2) * paper.k, width: step * 18 * paper.k, height: (idBox.bottom - idBox.top - 4) * paper.k });
  write('addr', h.address);
  write('edu', rng.pick(EDUCATION.slice(0, 5)), false);
  write('job', rng.pick(JOBS), false);
  const registered = dateBetween(rng, p.birth > '1990-01-01' ? addDays(p.birth, 20) : '1990-01-01', p.birth > '1998-12-31' ? addDays(p.birth, 400) : '1999-12-31');
  write('from', rng.chance(0.5) ? '出生时随父落户' : `${writeDate(movedIn(rng, p, registered), 'cn')}由本${p.origin.county.slice(-1)}${p.origin.towns[0]}迁来`, false);
  const { bureau } = bureauOf(h);
  paper.put(10, bottom + 12, '户口登记机关（盖章）', label);
  paper.put(70, bottom + 12, '登记日期', label);
  paper.put(86, bottom + 12, writeDate(registered, 'cn'), { ...hand, size: 3.8 });
  seal(paper, rng, 36, bottom + 10, 12, bureau, '户口专用章', 'rgba(196, 40, 48, 0.6)');
  if (rng.chance(0.4)) boxStamp(paper, rng, 100, cells.edu!.top + 3, '更正', writeDate(dateBetween(rng, registered, '2015-12-31'), 'dot'));
  return { paper, fields: truthOf(m, h.address, p.birth), layout: 'card-1990s-hand' };
}
