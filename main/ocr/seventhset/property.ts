// 不动产 pages: (a) 不动产权属状况证明 listing the applicant and family members, each with a result
// (the truth is the named 申请人's, which may differ from a spouse's); (b) a 无房产证明 / 房产登记
// 情况证明 letter covering the applicant and spouse, with a record table when there is one.
import type { Rng } from '../../../domain/seed/prng';
import type { Face } from './fonts';
import { made, Paper, type Made } from './paper';
import { address, hanPerson, person, sameSurname, type Person } from './people';
import { BLUE, RED, seal } from './seal';
import { dateBetween, writeDate, type DateStyle } from './wording';

const CENTRES = ['深圳市不动产登记中心', '深圳市不动产登记中心福田登记所', '深圳市不动产登记中心南山登记所', '深圳市不动产登记中心龙华登记所', '深圳市不动产登记中心宝安登记所'];

interface Holding {
  readonly who: Person;
  readonly role: string;
  readonly has: boolean;
  readonly records: number;
}

function family(rng: Rng): Holding[] {
  const applicant = person(rng, rng.chance(0.5) ? '男' : '女', ['1962-01-01', '1998-12-31']);
  const out: Holding[] = [{ who: applicant, role: '申请人', has: rng.chance(0.3), records: rng.int(1, 2) }];
  if (rng.chance(0.8)) out.push({ who: person(rng, applicant.sex === '男' ? '女' : '男', ['1962-01-01', '1998-12-31']), role: '配偶', has: rng.chance(0.3), records: rng.int(1, 2) });
  if (rng.chance(0.5)) {
    const child = hanPerson(rng, rng.chance(0.5) ? '男' : '女', ['2000-01-01', '2020-12-31']);
    const father = applicant.sex === '男' ? applicant : out[1]?.who;
    out.push({ who: father ? { ...child, name: sameSurname(child.name, father.name) } : child, role: '子女', has: false, records: 0 });
  }
  return out;
}

const certNo = (rng: Rng) => `粤（${rng.int(2015, 2025)}）深圳市不动产权第${String(rng.int(1, 9999999)).padStart(7, '0')}号`;

/** 不动产权属状况证明: one row per person, the applicant named in the header. */
function table(rng: Rng): Made {
  const people = family(rng);
  const app = people[0]!;
  const issued = dateBetween(rng, '2025-10-01', '2026-11-30');
  const face: Face = rng.pick(['pxzs', 'jxzk', 'dyh']);
  const paper = new Paper(210, 297, face, '#ffffff', 200);
  const style: DateStyle = rng.pick(['cn', 'iso', 'han']);
  const centre = rng.pick(CENTRES);
  paper.text(105, 26, '不动产权属状况证明', { size: 7, bold: true, align: 'center', spacing: 0.6 });
  paper.text(185, 36, `查询编号：${issued.replace(/-/g, '')}${rng.int(100000, 999999)}`, { size: 3.2, align: 'right', face: 'maple' });
  paper.text(20, 48, `申请人：${app.who.name}`, { size: 4.4 });
  paper.text(95, 48, `证件号码：${app.who.id}`, { size: 4.2 });
  paper.text(20, 57, `查询范围：深圳市行政区域内已登记的不动产（含住宅、商业、办公）`, { size: 3.6, color: '#444' });
  const cols = [20, 42, 70, 128, 190];
  let y = 64;
  paper.fill(20, y, 170, 9, '#ececec');
  ['关系', '姓名', '证件号码', '查询结果'].forEach((h, i) => paper.text(cols[i]! + 2, y + 6.3, h, { size: 3.6, bold: true }));
  y += 9;
  for (const h of people) {
    paper.text(cols[0]! + 2, y + 6.5, h.role, { size: 3.8 });
    paper.text(cols[1]! + 2, y + 6.5, h.who.name, { size: 3.8 });
    paper.text(cols[2]! + 2, y + 6.5, h.who.id, { size: 3.6, face: 'maple' });
    paper.text(cols[3]! + 2, y + 6.5, h.has ? `有登记记录${h.records}条` : '无登记记录', { size: 3.8 });
    y += 10;
    paper.line(20, y, 190, y, 0.15);
  }
  paper.box(20, 64, 170, y - 64, 0.35);
  for (const x of cols.slice(1, 4)) paper.line(x, 64, x, y, 0.2);
  const owners = people.filter((h) => h.has);
  if (owners.length > 0) {
    y += 12;
    paper.text(20, y, '登记记录明细：', { size: 4, bold: true });
    for (const h of owners) {
      for (let r = 0; r < h.records; r++) {
        y += 9;
        paper.text(24, y, `${h.who.name}  ${certNo(rng)}`, { size: 3.5 });
        y += 7;
        paper.text(28, y, `坐落：${address(rng)}  建筑面积：${(rng.int(3800, 14000) / 100).toFixed(2)}㎡`, { size: 3.3 });
      }
    }
  }
  y += 14;
  y = paper.paragraph(20, y, 170, '　　说明：本证明依据查询时点不动产登记簿记载出具，仅反映深圳市范围内的登记情况；未办理登记的不动产不在查询范围之内。', { size: 3.7 }, 1.9);
  paper.text(185, y + 26, centre, { size: 4, align: 'right' });
  paper.text(185, y + 35, writeDate(issued, style), { size: 4, align: 'right' });
  seal(paper.ctx, 160 * paper.k, (y + 24) * paper.k, 19 * paper.k, centre, RED, '查询专用章', rng.next() - 0.5);
  const fields = { name: app.who.name, idNumber: app.who.id, hasProperty: app.has ? '有' : '无', date: issued };
  return made(paper, fields, `household-table-${people.length}`);
}

/** 无房产证明 (or 房产登记情况证明 when there is a record): applicant and spouse in a letter. */
function letter(rng: Rng): Made {
  const people = family(rng).slice(0, 2);
  const app = people[0]!;
  const spouse = people[1];
  const issued = dateBetween(rng, '2025-10-01', '2026-11-30');
  const face: Face = rng.pick(['jxzk', 'pxzs', 'maple']);
  const paper = new Paper(182, 257, face, '#fffefb', 240);
  const centre = rng.pick(CENTRES);
  const anyHas = people.some((h) => h.has);
  paper.text(91, 30, anyHas ? '房产登记情况证明' : '无 房 产 证 明', { size: 7.5, bold: true, align: 'center', face: rng.pick(['pxzs', 'qingke']) });
  const who = (h: Holding) => `${h.who.name}（公民身份号码：${h.who.id}）`;
  const res = (h: Holding) => (h.has ? '有登记记录' : '无登记记录');
  const text = spouse
    ? `　　经查询深圳市不动产登记信息系统，截至${writeDate(issued, 'cn')}，申请人${who(app)}名下${res(app)}；其配偶${who(spouse)}名下${res(spouse)}。`
    : `　　经查询深圳市不动产登记信息系统，截至${writeDate(issued, 'cn')}，申请人${who(app)}在本市${res(app)}。`;
  let y = paper.paragraph(20, 52, 142, text, { size: 4.4 }, 2);
  if (anyHas) {
    y += 4;
    for (const h of people.filter((p) => p.has)) {
      paper.box(20, y, 142, 16, 0.3);
      paper.text(23, y + 6, `权利人：${h.who.name}  ${certNo(rng)}`, { size: 3.3 });
      paper.text(23, y + 12.5, `坐落：${address(rng)}`, { size: 3.3 });
      y += 20;
    }
  }
  y = paper.paragraph(20, y + 6, 142, '　　特此证明。本证明自出具之日起三十日内有效。', { size: 4.4 }, 2);
  paper.text(160, y + 30, centre, { size: 4, align: 'right' });
  paper.text(160, y + 39, writeDate(issued, rng.pick(['cn', 'han', 'dot'])), { size: 4, align: 'right' });
  seal(paper.ctx, 132 * paper.k, (y + 28) * paper.k, 17 * paper.k, centre, rng.chance(0.75) ? RED : BLUE, '', rng.next() - 0.5);
  const fields = { name: app.who.name, idNumber: app.who.id, hasProperty: app.has ? '有' : '无', date: issued };
  return made(paper, fields, spouse ? 'letter-with-spouse' : 'letter-single');
}

export const drawProperty = (rng: Rng): Made => (rng.chance(0.55) ? table(rng) : letter(rng));
