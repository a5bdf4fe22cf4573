// 户口簿 pages: the 首页 and a member's 常住人口登记卡 scanned side by side; a single 居民户口簿
// member page whose 曾用名 / 出生地 / 籍贯 / 宗教信仰 cells crowd the values; a 户籍信息查询结果
// printed by a government service terminal (headers in one row, the person's values in the next).
import type { Rng } from '../../../domain/seed/prng';
import { form, type Cell } from './form';
import { made, Paper, type Made, type Style } from './paper';
import { dateIn, kinName, person, personName, region, writeDate, type Person } from './people';

const RELATIONS: readonly (readonly [rel: string, sex: '男' | '女' | undefined, from: number, to: number])[] = [
  ['户主', undefined, 1958, 1995],
  ['妻', '女', 1960, 1996],
  ['夫', '男', 1958, 1995],
  ['长子', '男', 1985, 2012],
  ['次子', '男', 1988, 2015],
  ['长女', '女', 1985, 2012],
  ['次女', '女', 1988, 2015],
  ['子', '男', 1990, 2016],
  ['女', '女', 1990, 2016],
  ['父亲', '男', 1938, 1960],
  ['母亲', '女', 1940, 1962],
  ['孙子', '男', 2008, 2022],
  ['孙女', '女', 2008, 2022],
];

interface Member extends Person {
  readonly relation: string;
  readonly address: string;
  readonly place: string;
  readonly head: string;
}

function member(rng: Rng): Member {
  const [relation, sex, from, to] = rng.pick(RELATIONS);
  const reg = region(rng);
  const p = person(rng, { ...(sex ? { sex } : {}), from, to, code: reg.code });
  return { ...p, relation, address: reg.address, place: reg.place, head: relation === '户主' ? p.name : ['妻', '夫', '母亲'].includes(relation) ? personName(rng, relation === '夫' ? '女' : '男') : kinName(rng, p.name, '男') };
}

const truth = (m: Member, address: boolean) => ({
  name: m.name,
  relation: m.relation,
  gender: m.sex,
  birthDate: m.birth,
  idNumber: m.id,
  ethnicity: m.ethnicity,
  ...(address ? { address: m.address } : {}),
});

const FAITH = ['无', '无', '无', '佛教', '未填'];
const SCHOOL = ['大学本科', '大专', '高中', '初中', '研究生'];
const JOBS = ['职员', '个体', '教师', '工人', '学生', '退休', '无业'];

/** The member page: labels upright in serif, values filled in by hand (Ma Shan Zheng) or typed. */
function memberPage(p: Paper, rng: Rng, m: Member, x: number, y: number, w: number, crowd: boolean, withAddress: boolean): void {
  p.text('常住人口登记卡', x + w / 2, y + 8, { face: 'serifBold', pt: crowd ? 14 : 13, align: 'center', spacing: 1.2 });
  const label: Style = { face: crowd ? 'serifXL' : 'serif', pt: crowd ? 8 : 8.5 };
  const value: Style = { face: rng.chance(0.5) ? 'mashan' : 'pxzs', pt: crowd ? 11.5 : 10.5, color: '#1b1b40' };
  const date = (iso: string) => writeDate(iso, rng.pick(['cn', 'cn0'] as const));
  const used = rng.chance(0.4) && !m.name.includes('·') ? [...m.name][0]! + [...personName(rng, m.sex, false)].slice(-1).join('') : '';
  const birthPlace = m.place.replace(/(省|自治区)/, '$1 ');
  const rows: readonly (readonly Cell[])[] = [
    [['姓名', m.name, 2], ['户主或与户主关系', m.relation]],
    [['曾用名', used], ['性别', m.sex]],
    [['出生地', birthPlace.replace(' ', '')], ['民族', m.ethnicity]],
    [['籍贯', m.place.slice(0, m.place.indexOf('市') + 1)], ['出生日期', date(m.birth), 1.4]],
    [['宗教信仰', rng.pick(FAITH)], ['公民身份证件编号', m.id, 2.2]],
    [['身高', `${rng.int(150, 186)}cm`], ['血型', rng.pick(['A型', 'B型', 'O型', 'AB型'])], ['文化程度', rng.pick(SCHOOL), 1.5]],
    [['婚姻状况', ['户主', '妻', '夫', '父亲', '母亲'].includes(m.relation) ? '已婚' : m.birth > '1998' ? '未婚' : rng.pick(['已婚', '未婚'])], ['兵役状况', m.sex === '女' ? '未服兵役' : rng.pick(['未服兵役', '退出现役'])], ['职业', m.birth > '2008' ? '学生' : rng.pick(JOBS)]],
    withAddress ? [['本市（县）其他住址', m.address]] : [['服务处所', '']],
    [['何时由何地迁来本市（县）', rng.chance(0.5) || m.birth > '1999' ? '' : `${writeDate(dateIn(rng, 2000, 2020), 'cn')}由原籍迁入`]],
  ];
  const bottom = form(p, x, y + 12, w, crowd ? 10 : 11, rows, label, value, crowd);
  p.text(`登记日期：${writeDate(dateIn(rng, Math.max(2008, Number(m.birth.slice(0, 4)) + 1), 2025), 'cn')}`, x + w - 2, bottom + 6, { face: 'serif', pt: 8, align: 'right' });
  p.text('承办人签章：', x + 2, bottom + 6, { face: 'serif', pt: 8 });
}

function spread(rng: Rng, mono: boolean): Made {
  const m = member(rng);
  const p = new Paper(236, 160, mono);
  const half = 118;
  p.line(half, 4, half, 156, 0.6, '#999');
  p.text('居 民 户 口 簿', half / 2, 22, { face: 'serifBlack', pt: 20, align: 'center', spacing: 2 });
  const label: Style = { face: 'serif', pt: 9.5 };
  const value: Style = { face: 'pxzs', pt: 10.5, color: '#17204a' };
  const hukouNo = String(rng.int(100000000, 999999999));
  const bottom = form(p, 10, 34, half - 20, 13, [
    [['户别', rng.pick(['家庭户', '非农业家庭户', '居民家庭户'])], ['户号', hukouNo]],
    [['户主姓名', m.head]],
    [['住址', m.address]],
  ], label, value);
  p.text('承办人签章：', 12, bottom + 14, { face: 'serif', pt: 9 });
  p.text(`签发日期：${writeDate(dateIn(rng, 2010, 2025), 'cn')}`, 12, bottom + 26, { face: 'serif', pt: 9 });
  p.text(`${m.place.replace(/^.*市/, '')}公安分局`, 70, bottom + 40, { face: 'serif', pt: 8 });
  p.seal(86, bottom + 30, 15, `${m.place.replace(/^.*市/, '')}公安分局户口专用章`);
  memberPage(p, rng, m, half + 6, 8, half - 12, false, false);
  return made(p, truth(m, true), 'booklet-spread');
}

function crowded(rng: Rng, mono: boolean): Made {
  const m = member(rng);
  const p = new Paper(148, 118, mono, 300);
  memberPage(p, rng, m, 6, 2, 136, true, true);
  return made(p, truth(m, true), 'crowded-card');
}

function terminal(rng: Rng): Made {
  const m = member(rng);
  const p = new Paper(210, 148, true);
  const mono: Style = { pt: 9 };
  p.text('户籍信息查询结果', 105, 16, { pt: 14, align: 'center', spacing: 1.5 });
  const when = dateIn(rng, 2025, 2026);
  p.text(`查询终端：${m.place.replace(/^.*市/, '')}政务服务中心自助机${String(rng.int(1, 30)).padStart(2, '0')}号`, 12, 28, mono);
  p.text(`打印时间：${writeDate(when, 'slash')} ${rng.int(9, 16)}:${String(rng.int(10, 59))}`, 198, 28, { ...mono, align: 'right' });
  const w = [26, 10, 18, 24, 22, 52, 36];
  p.table(12, 34, w, [
    ['姓名', '性别', '民族', '出生日期', '与户主关系', '公民身份号码', '户主姓名'],
    [m.name, m.sex, m.ethnicity, writeDate(m.birth, 'iso'), m.relation, m.id, m.head],
  ], 9, { pt: 8.5 });
  p.text(`户籍地址：${m.address}`, 12, 64, mono);
  p.text(`户籍状态：正常    户别：家庭户`, 12, 72, mono);
  p.text('说明：本结果仅供办事参考，如需证明请到户籍窗口办理。', 12, 84, { pt: 8 });
  p.text('第1页 共1页', 105, 140, { pt: 8, align: 'center' });
  return made(p, truth(m, true), 'terminal-query');
}

export function drawHukou(rng: Rng, mono: boolean): Made {
  const u = rng.next();
  return u < 0.4 ? spread(rng, mono) : u < 0.7 ? crowded(rng, mono) : terminal(rng);
}
