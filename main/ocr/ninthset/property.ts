// 不动产 pages: a 不动产登记中心 查询结果 (none, or one to three records with 房屋坐落 / 建筑面积 rows), a
// 无房证明 letter (typed, or a printed form filled in by hand) that also names the spouse, and a
// 住房情况查询 table over the applicant's household. Truth name / idNumber are the applicant's and
// hasProperty is whether the applicant's own row (or letter) shows property; a spouse's or child's
// record does not count.
import type { Rng } from '../../../domain/seed/prng';
import type { FaceId } from './fonts';
import { amount, dateBetween, writeDate } from './forms';
import { seal } from './marks';
import { Paper, type TextOpts } from './paper';
import { childOf, makePerson, type Person, spouseOf } from './people';
import { addressIn, SHENZHEN } from './places';
import { formTable, issuerBlock, L, type Made, V } from './sheet';

export function drawProperty(rng: Rng, dpi: number): Made {
  const design = rng.int(0, 2);
  if (design === 0) return drawRegistry(rng, dpi);
  if (design === 1) return drawNoHouse(rng, dpi);
  return drawHousehold(rng, dpi);
}

const USES = ['住宅', '住宅', '商业', '车位', '公寓'];
const applicant = (rng: Rng): Person => makePerson(rng, { born: ['1960-01-01', '2001-12-31'], rare: rng.chance(0.25) });

interface Holding {
  readonly cert: string;
  readonly place: string;
  readonly area: string;
  readonly use: string;
  readonly date: string;
}

function holding(rng: Rng, before: string): Holding {
  const date = dateBetween(rng, '2012-01-01', before);
  const use = rng.pick(USES);
  return {
    cert: `粤（${date.slice(0, 4)}）深圳市不动产权第${String(rng.int(1, 499_999)).padStart(7, '0')}号`,
    place: addressIn(rng, rng.pick(SHENZHEN), false),
    area: use === '车位' ? amount(rng, 13, 1.5, 0.01, 10).toFixed(2) : amount(rng, 82, 28, 0.01, 28).toFixed(2),
    use,
    date,
  };
}

function drawRegistry(rng: Rng, dpi: number): Made {
  const p = applicant(rng);
  const issued = dateBetween(rng, '2021-01-01', '2026-11-28');
  const owns = rng.chance(0.5);
  const records = owns ? Array.from({ length: rng.int(1, 3) }, () => holding(rng, issued)) : [];
  const paper = new Paper(210, 297, dpi, rng);
  const face: FaceId = rng.pick(['shs', 'serif', 'sans'] as const);
  const o: TextOpts = { face, size: 3.7 };
  paper.put(105, 32, '不动产登记信息查询结果', { face, size: 7, weight: 700, align: 'center' });
  paper.put(186, 44, `查询编号：CX${issued.replaceAll('-', '')}${String(rng.int(0, 99_999)).padStart(5, '0')}`, { ...o, size: 3.2, align: 'right' });
  const who = [{ h: 10, cells: [L(1, '权利人'), V(1.5, p.name, true), L(1.1, '证件号码'), V(2.4, p.id, true)] }];
  const t = formTable(paper, 24, 50, 162, who, { ...o, weight: 700 }, o);
  const asOf = writeDate(issued, rng.pick(['cn', 'cn0'] as const));
  let y: number;
  if (records.length) {
    y = paper.wrap(24, t.bottom + 12, 162, `经查询深圳市不动产登记系统，截至${asOf}，上述权利人名下有以下${records.length}条不动产登记信息：`, o, 7.5, 7.4);
    const head = { h: 9, cells: [L(0.5, '序号'), L(2.3, '不动产权证号'), L(2.6, '房屋坐落'), L(1, '建筑面积（㎡）', { size: 2.8 }), L(0.7, '用途'), L(1.1, '登记时间')] };
    const rows = records.map((r, i) => ({ h: 15, cells: [V(0.5, String(i + 1)), V(2.3, r.cert, false, undefined, { size: 2.7 }), V(2.6, r.place, false, undefined, { size: 2.7 }), V(1, r.area), V(0.7, r.use), V(1.1, writeDate(r.date, 'iso'), false, undefined, { size: 2.9 })] }));
    y = formTable(paper, 24, y, 162, [head, ...rows], { ...o, size: 3.1, weight: 700 }, { ...o, size: 3.1, align: 'center' }).bottom + 10;
  } else {
    y = paper.wrap(24, t.bottom + 12, 162, `经查询深圳市不动产登记系统，截至${asOf}，未发现上述权利人名下有不动产登记信息。`, o, 7.5, 7.4, ['未发现']);
    y += 4;
  }
  y = paper.wrap(24, y, 162, '说明：本查询结果仅反映查询时点深圳市不动产登记簿记载的信息，不包括已办理预告登记但未办理转移登记的房屋。', { ...o, size: 3.2 }, 6.5, 6.4);
  issuerBlock(paper, rng, 186, y + 30, '深圳市不动产登记中心', writeDate(issued, 'cn'), o, '深圳市不动产登记中心', '查询专用章');
  return { paper, fields: { name: p.name, idNumber: p.id, hasProperty: owns ? '有' : '无', date: issued }, layout: 'registry-result' };
}

function drawNoHouse(rng: Rng, dpi: number): Made {
  const p = applicant(rng);
  const spouse = rng.chance(0.6) ? spouseOf(rng, p) : undefined;
  const issued = dateBetween(rng, '2020-06-01', '2026-11-28');
  const paper = new Paper(210, 297, dpi, rng);
  const face: FaceId = rng.chance(0.5) ? 'shs' : 'serif';
  const o: TextOpts = { face, size: 4.2 };
  const issuer = rng.pick([`深圳市${rng.pick(SHENZHEN).county}住房和建设局`, `深圳市${rng.pick(SHENZHEN).towns[0]}办事处`]);
  paper.put(105, 48, rng.chance(0.5) ? '无 房 证 明' : '无自有住房证明', { face, size: 8.5, weight: 700, align: 'center' });
  let y = 74;
  if (rng.chance(0.45)) {
    const hand: TextOpts = { face: rng.chance(0.5) ? 'lc' : 'hlx', size: 5, color: '#1c2c6e', hand: true };
    const blank = (x: number, yy: number, w: number, value: string) => {
      paper.line(x, yy + 1.4, x + w, yy + 1.4, 0.2, '#333');
      paper.put(x + 2, yy - 0.3, value, { ...hand, field: true, fit: w - 3 });
    };
    const x = 26 + paper.put(26, y, '兹证明', o);
    blank(x + 1, y, 40, p.name);
    paper.put(x + 43, y, '（公民身份号码：', o);
    y += 11;
    blank(26, y, 80, p.id);
    paper.put(108, y, '）', o);
    y += 11;
    y = paper.wrap(26, y, 158, '经查询深圳市不动产登记信息系统，其本人在本市范围内无自有住房登记记录。', o, 9);
    y = paper.wrap(26, y + 2, 158, '特此证明。', o, 9, 8.4);
  } else {
    const partner = spouse ? `及其配偶${spouse.name}（公民身份号码：${spouse.id}）` : '';
    y = paper.wrap(26, y, 158, `兹证明${p.name}（公民身份号码：${p.id}）${partner}，经查询深圳市不动产登记信息系统，截至${writeDate(issued, 'cn')}，在本市范围内无自有住房登记记录。`, o, 9, 8.4, [p.name, p.id, '无自有住房']);
    y = paper.wrap(26, y + 2, 158, '特此证明。', o, 9, 8.4);
  }
  paper.wrap(26, y + 4, 158, '本证明仅用于申请保障性住房，有效期三个月。', { ...o, size: 3.7 }, 8, 8.4);
  issuerBlock(paper, rng, 184, y + 44, issuer, writeDate(issued, rng.pick(['cn', 'han'] as const)), o);
  return { paper, fields: { name: p.name, idNumber: p.id, hasProperty: '无', date: issued }, layout: 'no-house-letter' };
}

function drawHousehold(rng: Rng, dpi: number): Made {
  const p = applicant(rng);
  const issued = dateBetween(rng, '2021-01-01', '2026-11-28');
  const members: [Person, string][] = [[p, '本人']];
  if (rng.chance(0.8)) members.push([spouseOf(rng, p), '配偶']);
  const father = p.sex === '男' ? p : (members[1]?.[0] ?? p);
  const kids = rng.int(0, 2);
  for (let i = 0; i < kids; i++) {
    const y0 = Math.max(Number(p.birth.slice(0, 4)) + 22, 1990) + i * 3;
    if (y0 > 2022) break;
    const c = childOf(rng, father, [`${y0}-01-01`, `${y0 + 2}-12-31`]);
    members.push([c, c.sex === '男' ? '儿子' : '女儿']);
  }
  const owns = members.map((_, i) => rng.chance(i === 0 ? 0.35 : 0.25));
  const paper = new Paper(210, 297, dpi, rng);
  const face: FaceId = rng.pick(['sans', 'mk', 'shs'] as const);
  const o: TextOpts = { face, size: 3.2 };
  paper.put(105, 28, '申请家庭成员住房情况查询结果', { face, size: 6.2, weight: 700, align: 'center' });
  paper.put(22, 42, `申请人：${p.name}`, { ...o, size: 3.6 });
  paper.put(188, 42, `查询日期：${writeDate(issued, 'iso')}`, { ...o, size: 3.6, align: 'right', field: true });
  const head = { h: 10, cells: [L(0.5, '序号'), L(1.1, '姓名'), L(1, '与申请人关系'), L(2, '身份证号码'), L(1.6, '查询结果'), L(2.4, '房屋坐落')] };
  const rows = members.map(([m, rel], i) => {
    const h = owns[i] ? holding(rng, issued) : undefined;
    return { h: 14, cells: [V(0.5, String(i + 1)), V(1.1, m.name, i === 0), V(1, rel), V(2, m.id, i === 0), V(1.6, h ? '有房产登记记录' : '无房产登记记录', i === 0), V(2.4, h ? h.place : '—', false, undefined, { size: 2.6 })] };
  });
  const t = formTable(paper, 14, 48, 182, [head, ...rows], { ...o, weight: 700 }, { ...o, align: 'center' });
  let y = paper.wrap(14, t.bottom + 10, 182, '说明：查询范围为深圳市不动产登记信息系统及原房地产权登记信息；查询结果按家庭成员逐人列示。', { ...o, size: 3 }, 6.5);
  y = paper.wrap(14, y, 182, `经办人：${makePerson(rng, { style: 'han' }).name}        复核人：${makePerson(rng, { style: 'han' }).name}`, { ...o, size: 3.2 }, 7);
  seal(paper, rng, 160, y + 14, 17, `深圳市${rng.pick(SHENZHEN).county}住房和建设局`, '住房保障专用章');
  return { paper, fields: { name: p.name, idNumber: p.id, hasProperty: owns[0] ? '有' : '无', date: issued }, layout: 'household-table' };
}
