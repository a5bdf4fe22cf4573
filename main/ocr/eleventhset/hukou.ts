// 户口: the 常住人口登记卡 page of a 居民户口簿 (boxed, labels left of values, often photographed);
// a 派出所 户籍证明 letter with label lines and a seal over the name; a kiosk 户籍信息查询结果 with
// labels above values in a grid. The address is long and usually wraps.
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { dateBetween, issueDate, writeDate, type DateStyle } from './forms';
import { grid, inCell, labelLine, spaced } from './kit';
import { Paper, type Made } from './paper';
import { address, person, type Person, type Sex } from './people';

const CHILD: Record<Sex, readonly string[]> = { 男: ['长子', '次子', '三子', '子'], 女: ['长女', '次女', '三女', '女'] };
const STATIONS = ['福田派出所', '香蜜湖派出所', '南头派出所', '西乡派出所', '坂田派出所', '民治派出所', '布吉派出所', '公明派出所', '新安派出所', '东门派出所'];
const BRANCH = ['福田分局', '南山分局', '宝安分局', '龙岗分局', '龙华分局', '罗湖分局', '光明分局'];
const RELIGION = ['无', '无', '无', '佛教', '基督教'];
const SCHOOL = ['大学本科', '大学专科', '高中', '初中', '研究生', '中等专科'];

interface Member extends Person {
  readonly relation: string;
  readonly address: string;
}

function member(rng: Rng): Member {
  const role = rng.int(0, 9);
  let p: Person;
  let relation: string;
  if (role < 4) {
    p = person(rng, { from: '1960-01-01', to: '1998-12-31' });
    relation = '户主';
  } else if (role < 6) {
    p = person(rng, { from: '1965-01-01', to: '1999-12-31' });
    relation = p.gender === '男' ? '夫' : '妻';
  } else if (role < 9) {
    p = person(rng, { from: '1995-01-01', to: '2019-12-31' });
    relation = rng.pick(CHILD[p.gender]);
  } else {
    p = person(rng, { from: '1940-01-01', to: '1962-12-31' });
    relation = rng.chance(0.5) ? (p.gender === '男' ? '父亲' : '母亲') : p.gender === '男' ? '孙子' : '孙女';
    if (relation === '孙子' || relation === '孙女') p = person(rng, { gender: p.gender, from: '2008-01-01', to: '2022-12-31' });
  }
  return { ...p, relation, address: address(rng) };
}

const truth = (m: Member) => ({ name: m.name, relation: m.relation, gender: m.gender, birthDate: m.birthDate, idNumber: m.idNumber, ethnicity: m.ethnicity, address: m.address });

/** 常住人口登记卡: a 105 × 143 mm booklet page, ruled, labels left of values. */
function card(rng: Rng, dpi: DpiFor): Made {
  const m = member(rng);
  const p = new Paper(112, 150, dpi(150), rng.chance(0.5) ? '#f4f6f1' : '#f7f3ea');
  const ink = rng.chance(0.5) ? '#203a5a' : '#1d1d1d';
  p.text('常住人口登记卡', 56, 14, 6.2, 'xiaowei', { align: 'center', spacing: 1.2 });
  const x = 6;
  const cols = [19, 31, 19, 31];
  const rows = [11, 9, 9, 9, 9, 16, 10, 9, 9, 10, 10];
  const top = 19;
  grid(p, x, top, cols, rows, 0.2, [undefined, undefined, undefined, undefined, undefined, [1, 3], [1, 3], undefined, undefined, [1, 3]]);
  const L = 'maple-l' as const;
  const V = 'maple-m' as const;
  const ls = 2.6;
  const vs = 3.1;
  const ys = rows.map((_, i) => top + rows.slice(0, i).reduce((a, b) => a + b, 0));
  const c = (i: number) => x + cols.slice(0, i).reduce((a, b) => a + b, 0);
  const pair = (row: number, col: number, label: string, value: string, span = 1) => {
    inCell(p, label, c(col), ys[row]!, cols[col]!, rows[row]!, ls, L, { align: 'center', pad: 0.8 });
    const w = cols.slice(col + 1, col + 1 + span).reduce((a, b) => a + b, 0);
    inCell(p, value, c(col + 1), ys[row]!, w, rows[row]!, vs, V, { color: ink });
  };
  const style: DateStyle = rng.pick(['cn0', 'cn']);
  pair(0, 0, '姓名', m.name);
  pair(0, 2, '户主或与户主关系', m.relation);
  pair(1, 0, '曾用名', '');
  pair(1, 2, '性别', m.gender);
  pair(2, 0, '出生地', m.address.slice(0, m.address.indexOf('市') + 1) || '广东省深圳市');
  pair(2, 2, '民族', m.ethnicity);
  pair(3, 0, '籍贯', m.address.slice(0, m.address.search(/[市州]/) + 1) || '广东省');
  pair(3, 2, '出生日期', writeDate(m.birthDate, style));
  pair(4, 0, '宗教信仰', rng.pick(RELIGION));
  pair(4, 2, '文化程度', rng.pick(SCHOOL));
  pair(5, 0, '住址', m.address, 3);
  pair(6, 0, '公民身份证件编号', m.idNumber, 3);
  pair(7, 0, '身高', `${rng.int(150, 185)}厘米`);
  pair(7, 2, '血型', rng.pick(['A型', 'B型', 'O型', 'AB型', '不明']));
  pair(8, 0, '婚姻状况', rng.pick(['已婚', '未婚', '已婚']));
  pair(8, 2, '兵役状况', rng.pick(['未服兵役', '']));
  pair(9, 0, '何时由何地迁来本址', `${writeDate(dateBetween(rng, '2008-01-01', '2024-12-31'), 'cn')}由本市迁来`, 3);
  pair(10, 0, '承办人签章', '');
  pair(10, 2, '登记日期', writeDate(dateBetween(rng, '2015-01-01', '2026-10-31'), style));
  if (rng.chance(0.6)) p.seal(c(3) + 16, ys[10]! + 2, 8, `深圳市公安局${rng.pick(BRANCH)}`, rng, '户口专用章');
  return { paper: p, fields: truth(m), layout: 'register-card' };
}

/** 户籍证明 from a 派出所: A4 letter, label lines, seal over the name line. */
function letter(rng: Rng, dpi: DpiFor): Made {
  const m = member(rng);
  const p = new Paper(210, 297, dpi(297));
  const station = `深圳市公安局${rng.pick(BRANCH)}${rng.pick(STATIONS)}`;
  const F = rng.chance(0.6) ? ('xiaowei' as const) : ('maple-l' as const);
  p.text(spaced('户籍证明'), 105, 40, 9, 'xiaowei', { align: 'center' });
  p.text(`编号：${rng.int(2025, 2026)}${String(rng.int(1, 99999)).padStart(5, '0')}`, 185, 52, 3.6, 'maple-l', { align: 'right' });
  let y = 66;
  p.text('兹证明：', 25, y, 4.6, F);
  y += 11;
  const size = 4.4;
  const style: DateStyle = rng.pick(['cn', 'cn0', 'iso']);
  const nameY = y;
  y = labelLine(p, '姓名', m.name, 35, y, size, F, 150, { lead: 2 });
  y = labelLine(p, '性别', m.gender, 35, y, size, F, 150, { lead: 2 });
  y = labelLine(p, '民族', m.ethnicity, 35, y, size, F, 150, { lead: 2 });
  y = labelLine(p, '出生日期', writeDate(m.birthDate, style), 35, y, size, F, 150, { lead: 2 });
  y = labelLine(p, '公民身份号码', m.idNumber, 35, y, size, F, 150, { lead: 2, valueFace: 'maple-m' });
  y = labelLine(p, '与户主关系', m.relation, 35, y, size, F, 150, { lead: 2 });
  y = labelLine(p, rng.pick(['户籍地址', '住址']), m.address, 35, y, size, F, 150, { lead: 2 });
  y += 4;
  y += size * 1.5 * (p.wrap(`上述人员系我辖区常住户口，户籍信息以公安机关户籍管理系统登记为准。${rng.pick(['', '此证明用于办理公共租赁住房申请。'])}`, 25, y, 160, size, F, 1.5) - 1);
  y += 12;
  p.text('特此证明。', 33, y, size, F);
  const issued = issueDate(rng);
  p.text(station, 185, 225, size, F, { align: 'right' });
  p.text(writeDate(issued, rng.pick(['han', 'cn'])), 185, 236, size, F, { align: 'right' });
  p.seal(160, 226, 20, station, rng, '户籍专用章');
  if (rng.chance(0.7)) p.seal(78, nameY - 2, 14, '深圳市公安局', rng, '证明专用章');
  p.text('（本证明自开具之日起三十日内有效）', 25, 262, 3.4, F);
  return { paper: p, fields: truth(m), layout: 'police-letter' };
}

/** 户籍信息查询结果 from a self-service kiosk: labels above values in a grid, the household below. */
function kiosk(rng: Rng, dpi: DpiFor): Made {
  const m = member(rng);
  const head = m.relation === '户主' ? m : person(rng, { from: '1955-01-01', to: '1990-12-31' });
  const p = new Paper(210, 297, dpi(297));
  const F = 'maoken' as const;
  p.text('户籍信息查询结果', 105, 30, 7, F, { align: 'center' });
  p.text(`查询流水号：SZ${rng.int(100000000, 999999999)}    打印时间：${writeDate(issueDate(rng), 'iso')} ${rng.int(8, 17)}:${String(rng.int(0, 59)).padStart(2, '0')}`, 105, 40, 3.2, 'maple-l', { align: 'center' });
  const x = 18;
  const W = 174;
  const cw = W / 3;
  const rh = 17;
  const cells: [string, string, number][] = [
    ['姓名', m.name, 1],
    ['性别', m.gender, 1],
    ['民族', m.ethnicity, 1],
    ['出生日期', writeDate(m.birthDate, rng.pick(['iso', 'cn0'])), 1],
    ['公民身份号码', m.idNumber, 2],
    ['与户主关系', m.relation, 1],
    ['户主姓名', head.name, 1],
    ['户号', String(rng.int(100000000, 999999999)), 1],
    ['户籍地址', m.address, 3],
    ['登记机关', `深圳市公安局${rng.pick(BRANCH)}${rng.pick(STATIONS)}`, 3],
  ];
  let col = 0;
  let y = 50;
  for (const [label, value, span] of cells) {
    if (col + span > 3) {
      col = 0;
      y += rh;
    }
    const cx = x + col * cw;
    const h = span === 3 && p.measure(value, 4.2, F) > cw * 3 - 4 ? rh + 5 : rh;
    p.rect(cx, y, cw * span, h, 0.2, '#777');
    p.text(label, cx + 2, y + 4.6, 2.9, F, { color: '#555' });
    inCell(p, value, cx, y + 5.5, cw * span, h - 5.5, 4.2, span === 2 ? 'maple-m' : F, { pad: 2 });
    col += span;
    if (h > rh) y += h - rh;
  }
  y += rh + 12;
  p.text('本查询结果仅反映打印时户籍管理系统中的登记信息。', x, y, 3.4, F);
  p.text('自助终端编号：', x, y + 8, 3.4, F);
  p.text(`ZZ-${rng.int(1000, 9999)}`, x + 24, y + 8, 3.4, 'maple-m');
  return { paper: p, fields: truth(m), layout: 'kiosk-grid' };
}

export function drawHukou(rng: Rng, dpi: DpiFor): Made {
  const design = rng.int(0, 2);
  return design === 0 ? card(rng, dpi) : design === 1 ? letter(rng, dpi) : kiosk(rng, dpi);
}
