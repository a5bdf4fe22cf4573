// Hukou pages: 常住人口登记卡 as a ruled grid (values printed or filled in by hand), the same card
// landscape with each label small above its value, a 户籍证明 paragraph from a 派出所, and an 户口簿
// member page with its fields in two columns and no rules.
import type { Rng } from '../../../domain/seed/prng';
import { addDays, dateBetween, writeDate } from './forms';
import { A4, bodyFace, dateStyle, foot, joined, pair, policeStation, sheet } from './kit';
import type { DpiFor, Made, Paper, TextStyle } from './paper';
import { address, person, type Person } from './people';

const RELATIONS = ['户主', '妻', '夫', '长子', '次子', '长女', '次女', '子', '女', '母亲', '父亲', '孙子', '孙女'];
export const HUKOU_RELATIONS = RELATIONS;
const PLACES = ['广东省深圳市', '广东省潮州市', '湖南省衡阳市', '江西省赣州市', '广西壮族自治区玉林市', '四川省成都市', '湖北省武汉市', '福建省泉州市', '河北省石家庄市', '广东省梅州市'];

interface Member {
  readonly p: Person;
  readonly relation: string;
  readonly address: string;
}

function member(rng: Rng): Member {
  const relation = rng.pick(RELATIONS);
  const young = /子|女/.test(relation) && relation !== '妻';
  const sex = relation === '妻' || relation === '母亲' || /女$/.test(relation) ? '女' : relation === '户主' ? undefined : '男';
  const p = person(rng, { ...(sex ? { sex } : {}), ...(young ? { from: '1994-01-01', to: '2021-12-31' } : relation.endsWith('亲') ? { from: '1945-01-01', to: '1965-12-31' } : {}) });
  return { p, relation, address: address(rng) };
}

const truth = (m: Member) => ({ name: m.p.name, relation: m.relation, gender: m.p.sex, birthDate: m.p.birthDate, idNumber: m.p.idNumber, ethnicity: m.p.ethnicity, address: m.address });

/** The classic card: a ruled grid of label and value cells; values printed or in a hand. */
function cardGrid(rng: Rng, dpi: DpiFor): Made {
  const m = member(rng);
  const p = sheet(...A4, dpi);
  const hand = rng.chance(0.35);
  const ls: TextStyle = { size: 3.4, face: rng.pick(['song', 'serif']) };
  const vs: TextStyle = hand ? { size: 4.2, face: rng.pick(['hand', 'hand-x']), color: '#1d2a55' } : { size: 3.6, face: rng.pick(['hei', 'song', 'mono-i']) };
  p.text('常住人口登记卡', 105, 22, { size: 7.5, face: 'serif', align: 'center', spacing: 1.2 });
  const ds = dateStyle(rng, 0.3);
  const rows: [string, string, string, string][] = [
    ['姓名', m.p.name, '户主或与户主关系', m.relation],
    ['曾用名', '', '性别', m.p.sex],
    ['出生地', rng.pick(PLACES), '民族', m.p.ethnicity],
    ['籍贯', rng.pick(PLACES), '出生日期', writeDate(m.p.birthDate, ds)],
    ['宗教信仰', '', '公民身份号码', m.p.idNumber],
    ['文化程度', m.p.birthDate > '2008' ? '' : rng.pick(['大学本科', '高中', '初中', '大学专科', '研究生']), '婚姻状况', m.p.birthDate > '2004' ? '未婚' : rng.pick(['已婚', '未婚'])],
    ['服务处所', '', '职业', ''],
  ];
  const xs = [18, 44, 96, 130, 192];
  const top = 36;
  const rh = 13;
  p.grid(xs, Array.from({ length: rows.length + 3 }, (_, i) => top + i * rh), 0.3);
  rows.forEach(([l1, v1, l2, v2], i) => {
    const y1 = top + i * rh;
    p.cell(l1, xs[0]!, xs[1]!, y1, y1 + rh, { ...ls, align: 'center' });
    if (v1) p.cell(v1, xs[1]!, xs[2]!, y1, y1 + rh, vs);
    p.cell(l2, xs[2]!, xs[3]!, y1, y1 + rh, { ...ls, align: 'center' });
    if (v2) p.cell(v2, xs[3]!, xs[4]!, y1, y1 + rh, vs);
  });
  const y = top + rows.length * rh;
  p.cell('住址', xs[0]!, xs[1]!, y, y + rh, { ...ls, align: 'center' });
  p.cell(m.address, xs[1]!, xs[4]!, y, y + rh, vs);
  p.cell('何时由何地迁来本址', xs[0]!, xs[2]!, y + rh, y + 2 * rh, { ...ls, align: 'center' });
  p.cell(`${writeDate(dateBetween(rng, '2005-01-01', '2024-12-31'), 'cn')}由${rng.pick(PLACES)}迁来`, xs[2]!, xs[4]!, y + rh, y + 2 * rh, vs);
  p.text('承办人签章：', 120, y + 2 * rh + 10, ls);
  p.text(`登记日期：${writeDate(dateBetween(rng, '2008-01-01', '2025-06-30'), 'cn')}`, 18, y + 2 * rh + 10, ls);
  p.seal(150, y + 2 * rh + 8, 17, policeStation(rng), '户口专用章');
  return { paper: p, fields: truth(m), layout: hand ? 'card-grid-hand' : 'card-grid' };
}

/** Landscape card: each label small above its value, boxes in three columns. */
function cardWide(rng: Rng, dpi: DpiFor): Made {
  const m = member(rng);
  const p = sheet(250, 135, dpi, '#fbfaf4');
  const ls: TextStyle = { size: 2.7, face: 'maoken', color: '#444' };
  const vs: TextStyle = { size: 4, face: rng.pick(['song', 'serif', 'hei']) };
  p.text('常住人口登记卡', 125, 12, { size: 6.5, face: rng.pick(['xiaowei', 'serif']), align: 'center', spacing: 2 });
  const cells: [string, string, number][] = [
    ['姓名', m.p.name, 1],
    ['与户主关系', m.relation, 1],
    ['性别', m.p.sex, 1],
    ['民族', m.p.ethnicity, 1],
    ['出生日期', writeDate(m.p.birthDate, dateStyle(rng, 0.1)), 1],
    ['出生地', rng.pick(PLACES), 1],
    ['公民身份号码', m.p.idNumber, 2],
    ['血型', rng.pick(['A型', 'B型', 'O型', 'AB型', '不明']), 1],
    ['住址', m.address, 3],
  ];
  const x0 = 14;
  const cw = 74;
  let col = 0;
  let y = 26;
  for (const [label, value, span] of cells) {
    if (col + span > 3) {
      col = 0;
      y += 20;
    }
    const x = x0 + col * cw;
    p.rect(x, y, cw * span - 2, 17, { stroke: '#666', width: 0.2 });
    p.text(label, x + 1.5, y + 1.5, ls);
    p.text(value, x + 2, y + 8, p.fit(value, cw * span - 6, vs));
    col += span;
  }
  p.text(`${policeStation(rng)}  ${writeDate(dateBetween(rng, '2010-01-01', '2025-10-31'), 'cn')}`, 236, y + 28, { size: 3.2, face: 'song', align: 'right' });
  return { paper: p, fields: truth(m), layout: 'card-wide' };
}

/** A 户籍证明: the person's particulars in one paragraph, issued and sealed by the station. */
function certLetter(rng: Rng, dpi: DpiFor): Made {
  const m = member(rng);
  const p = sheet(...A4, dpi);
  const s: TextStyle = { size: rng.pick([4.2, 4.6, 5]), face: bodyFace(rng) };
  p.text('户籍证明', 105, 34, { size: 8, face: 'serif', align: 'center', spacing: 3 });
  const no = `深公${rng.pick(['福', '罗', '南', '宝', '龙'])}户证字〔${rng.int(2023, 2026)}〕${rng.int(100, 9999)}号`;
  p.text(no, 185, 50, { size: 3.4, face: 'song', align: 'right' });
  const born = writeDate(m.p.birthDate, dateStyle(rng, 0.3));
  const rel = m.relation === '户主' ? '系该户户主' : `与户主关系为${m.relation}`;
  const body = rng.chance(0.5)
    ? `兹证明${m.p.name}，${m.p.sex}，${m.p.ethnicity}，${born}出生，公民身份号码${m.p.idNumber}，其常住户口登记在我所辖区，户籍地址为${m.address}，${rel}。`
    : `经查，我辖区常住人口中有${m.p.name}（性别：${m.p.sex}，民族：${m.p.ethnicity}，出生日期：${born}，公民身份号码：${m.p.idNumber}），户口登记地址：${m.address}，${rel}。`;
  let y = p.para('兹有以下情况，特予证明：', 24, 62, 162, s);
  y = p.para(body, 24, y + 2, 162, s, 1.8, s.size * 2);
  y = p.para('特此证明。（本证明仅用于证明户籍登记情况，有效期三个月）', 24, y + 2, 162, s, 1.8, s.size * 2);
  const issued = dateBetween(rng, '2024-01-01', '2026-11-20');
  foot(p, rng, policeStation(rng), issued, dateStyle(rng, 0.5), 186, y + 18, s);
  p.text(`经办人：${rng.pick(['民警', '户籍民警'])}${rng.int(100, 999)}号`, 24, y + 50, { size: 3.4, face: 'hei' });
  return { paper: p, fields: truth(m), layout: 'cert-letter' };
}

/** An 户口簿 member page: two columns of label：value, the address across the foot, no rules. */
function bookletTwoColumn(rng: Rng, dpi: DpiFor): Made {
  const m = member(rng);
  const p = sheet(143, 105, dpi, '#f6f1e4');
  const s: TextStyle = { size: 3.3, face: rng.pick(['song', 'serif', 'kai']) };
  const v: TextStyle = { size: 3.5, face: rng.pick(['hei', 'song', 'mono-i']) };
  p.text('常住人口登记卡', 71.5, 7, { size: 5, face: 'serif', align: 'center', spacing: 1 });
  const left: [string, string][] = [
    ['姓  名', m.p.name],
    ['性  别', m.p.sex],
    ['民  族', m.p.ethnicity],
    ['出生日期', writeDate(m.p.birthDate, dateStyle(rng, 0.1))],
    ['籍  贯', rng.pick(PLACES)],
  ];
  const right: [string, string][] = [
    ['户主或与户主关系', m.relation],
    ['公民身份号码', ''],
    ['', m.p.idNumber],
    ['婚姻状况', m.p.birthDate > '2004' ? '未婚' : rng.pick(['已婚', '未婚', '丧偶'])],
    ['兵役状况', rng.pick(['未服兵役', '退出现役', ''])],
  ];
  left.forEach(([l, val], i) => pair(p, `${l}：`, val, 8, 18 + i * 9.5, s, v));
  right.forEach(([l, val], i) => {
    const y = 18 + i * 9.5;
    if (!l) p.text(val, 74, y, v);
    else if (val) pair(p, `${l}：`, val, 74, y, s, v);
    else p.text(`${l}：`, 74, y, s);
  });
  const lines = p.lines(`住址：${m.address}`, 126, v);
  lines.forEach((l, i) => p.text(l, 8, 70 + i * 6, v));
  joined(p, '登记事项变更和更正记载', '', 8, 90, { size: 2.8, face: 'song', color: '#555' }, '');
  const when = addDays(dateBetween(rng, '2012-01-01', '2025-06-30'), 0);
  p.text(writeDate(when, 'cn'), 135, 90, { size: 2.8, face: 'song', color: '#555', align: 'right' });
  p.seal(112, 92, 10, '户口专用章');
  return { paper: p, fields: truth(m), layout: 'booklet-two-col' };
}

export function drawHukou(rng: Rng, dpi: DpiFor): Made {
  return rng.pick([cardGrid, cardWide, certLetter, bookletTwoColumn])(rng, dpi);
}

export type { Paper };
