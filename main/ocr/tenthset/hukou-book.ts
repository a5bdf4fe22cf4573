// 居民户口簿 pages of the tenth set: a 常住人口登记卡 member page from another province, typed or
// filled by hand, with a hand-written 变更 line and the 户口登记机关 stamp; and the booklet opened
// flat on the scanner, 户主页 (户别, 户主姓名, 住址) left and the 户主's own card right, with the
// shadow of the binding down the middle.
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { formRow, type Ink } from './form';
import { writeDate } from './forms';
import { bodyPt, Paper, type Made } from './paper';
import { guilloche, seal, stamp } from './marks';
import type { Member } from './hukou';

const EDUCATION = ['小学', '初中', '高中', '中专', '大学专科', '大学本科', '研究生'];
const JOBS = ['职员', '工人', '个体经营', '务农', '教师', '司机', '无业'];
const CHANGES = [
  () => `文化程度由"高中"变更为"大学本科"`,
  () => `婚姻状况由"未婚"变更为"已婚"`,
  (m: Member) => `服务处所变更为${m.person.region.place.slice(0, 3)}某公司`,
  () => `兵役状况由"未服兵役"变更为"退出现役"`,
];

interface CardText {
  readonly member: Member;
  readonly registered: string;
  readonly stamp: string;
}

/** The card itself in a w × h box at (x, y). */
function card(p: Paper, x: number, y: number, w: number, h: number, c: CardText, ink: Ink, rng: Rng): void {
  const m = c.member.person;
  const pt = ink.pt;
  p.write(x + w / 2, y + 8, '常住人口登记卡', { face: 'serif-b', pt: pt + 4, align: 'center', spacing: 1.2 });
  const birthplace = m.region.place;
  const rows: (readonly [string, string, number?])[][] = [
    [['姓名', m.name, 1.2], ['户主或与户主关系', c.member.relation]],
    [['曾用名', ''], ['性别', m.sex]],
    [['出生地', birthplace, 2], ['民族', m.ethnicity]],
    [['籍贯', birthplace, 2], ['出生日期', writeDate(m.birth, rng.pick(['cn', 'cn0'] as const))]],
    [['本市(县)其他住址', ''], ['宗教信仰', '']],
    [['公民身份证件编号', m.id, 3], ['身高', ''], ['血型', '']],
    [['文化程度', rng.pick(EDUCATION)], ['婚姻状况', c.member.married ? '已婚' : '未婚'], ['兵役状况', '']],
    [['服务处所', ''], ['职业', rng.pick(JOBS)]],
    [['何时由何地迁来本市(县)', '']],
    [['何时由何地迁来本址', '']],
    [['承办人签章', ''], ['登记日期', writeDate(c.registered, rng.pick(['cn', 'cn0'] as const))]],
  ];
  const top = y + 12;
  const rh = (h - 14) / rows.length;
  rows.forEach((pairs, i) => formRow(p, x + 3, top + i * rh, w - 6, rh, pairs, { ...ink, labelPt: pt - 1 }));
  seal(p, x + 30, top + (rows.length - 1) * rh + rh * 0.12, rh * 0.8, rng.pick(['王明', '李红', '陈建', '刘芳']));
  stamp(p, x + w - 20, top + (rows.length - 2.6) * rh, 12, c.stamp, '户口专用章');
}

export interface BookInput {
  readonly member: Member;
  readonly head: Member;
  readonly address: string;
  readonly registered: string;
}

const inkFor = (rng: Rng, pt: number): Ink =>
  rng.chance(0.35)
    ? { label: 'serif', value: rng.pick(['mashan', 'zhuokai'] as const), pt: pt + 1, valueColor: '#1d2b6b', hand: rng }
    : { label: rng.pick(['serif', 'syst'] as const), value: rng.pick(['syst', 'serif', 'sypx', 'serif-m'] as const), pt };

export function memberPage(rng: Rng, dpi: DpiFor, b: BookInput): Made {
  const p = new Paper(150, 112, dpi(150), '#fbfcf8');
  guilloche(p, 4, 4, 142, 104, 'rgba(120,170,200,0.18)', rng);
  p.box(3.5, 3.5, 143, 105, 0.4, '#5b7d9a');
  const pt = bodyPt(rng, p.dpi) - 1;
  const ink = inkFor(rng, pt);
  card(p, 3.5, 3.5, 143, 92, { member: b.member, registered: b.registered, stamp: b.member.person.region.police }, ink, rng);
  p.write(7, 101, '变更、更正记载：', { face: 'serif', pt: pt - 0.5 });
  const when = writeDate(b.registered.replace(/^\d{4}/, (y) => String(Math.min(2025, Number(y) + rng.int(1, 6)))), 'dotn');
  p.write(35, 101.5, `${when} ${rng.pick(CHANGES)(b.member)}`, { face: rng.pick(['mashan', 'zhuokai'] as const), pt: pt + 1.5, color: '#1d2b6b', hand: rng });
  const person = b.member.person;
  return {
    paper: p,
    layout: 'member-page',
    fields: { name: person.name, relation: b.member.relation, gender: person.sex, birthDate: person.birth, idNumber: person.id, ethnicity: person.ethnicity },
  };
}

export function bookletSpread(rng: Rng, dpi: DpiFor, b: BookInput): Made {
  const p = new Paper(296, 112, dpi(296), '#f6f6f3');
  const pt = bodyPt(rng, p.dpi) - 0.5;
  const ink = inkFor(rng, pt);
  for (const x of [4, 149]) {
    p.fill(x, 4, 143, 104, '#fdfdf9');
    guilloche(p, x + 1, 5, 141, 102, 'rgba(130,175,150,0.16)', rng);
  }
  const head = b.head.person;
  p.write(75, 16, '户 口 簿', { face: 'serif-b', pt: pt + 6, align: 'center', spacing: 2 });
  const rows: (readonly [string, string, number?])[][] = [
    [['户别', rng.pick(['家庭户', '家庭户', '集体户'])], ['户主姓名', head.name, 1.3]],
    [['户号', String(rng.int(10000000, 99999999))], ['登记机关', head.region.police, 1.6]],
    [['住址', b.address]],
  ];
  rows.forEach((pairs, i) => formRow(p, 8, 24 + i * 11, 135, 11, pairs, { ...ink, labelPt: pt - 0.5 }));
  p.box(8, 57, 135, 44, 0.2);
  p.write(12, 64, '户口登记机关和户口专用章', { face: 'serif', pt: pt - 0.5 });
  p.write(12, 96, '承办人签章：', { face: 'serif', pt: pt - 0.5 });
  seal(p, 36, 89, 9, rng.pick(['张伟', '黄丽', '周军', '吴敏']));
  p.write(138, 96, `签发日期：${writeDate(b.registered, rng.pick(['cn', 'cn0', 'han'] as const))}`, { face: ink.value, pt, align: 'right', color: ink.valueColor ?? '#151515' });
  stamp(p, 100, 78, 13, head.region.police, '户口专用章');
  p.block = 1;
  card(p, 149, 4, 143, 104, { member: b.head, registered: b.registered, stamp: head.region.police }, ink, rng);
  // The binding: a shadow down the middle of the open booklet.
  const g = p.ctx.createLinearGradient(p.px(140), 0, p.px(156), 0);
  g.addColorStop(0, 'rgba(0,0,0,0)');
  g.addColorStop(0.5, 'rgba(0,0,0,0.45)');
  g.addColorStop(1, 'rgba(0,0,0,0)');
  p.ctx.fillStyle = g;
  p.ctx.fillRect(p.px(140), 0, p.px(16), p.px(112));
  return {
    paper: p,
    layout: 'booklet-spread',
    fields: { name: head.name, relation: '户主', gender: head.sex, birthDate: head.birth, idNumber: head.id, ethnicity: head.ethnicity, address: b.address },
  };
}
