// Property pages of the tenth set: 不动产登记资料查询结果证明 with no record (未发现…), the same with
// one record set out field by field (不动产权证号, 坐落, 面积, 抵押状况), and a 房屋权属 result for a
// household — applicant, spouse and children in one table, each with its own result.
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { formRow, paragraph, tableRow } from './form';
import { dateBetween, writeDate } from './forms';
import type { Face } from './fonts';
import { bodyPt, Paper, type Made } from './paper';
import { stamp } from './marks';
import { person, rareName, rarify, surnameOf, type Person } from './people';

/** How each page says 有 or 无 (the tests look for one of these). */
export const HAS_MARKS = { 有: ['名下有以下', '有登记记录'], 无: ['未发现', '无登记记录'] } as const;

const DISTRICTS = ['福田区', '罗湖区', '南山区', '宝安区', '龙岗区', '龙华区', '坪山区', '光明区'];
const ESTATES = ['万科城', '碧桂园', '星河丹堤', '中海康城', '金地梅陇镇', '佳兆业城市广场', '龙光玖钻'];
const PURPOSE = '深圳市公共住房轮候资格审核';

interface Query {
  readonly who: Person;
  readonly issued: string;
  readonly number: string;
}

function query(rng: Rng): Query {
  let who = person(rng, { from: '1960-01-01', to: '2003-12-31' });
  if (rareName(rng)) who = rarify(rng, who);
  const issued = dateBetween(rng, '2024-01-01', '2026-11-30');
  return { who, issued, number: `深不动产查字〔${issued.slice(0, 4)}〕第${String(rng.int(1, 99999)).padStart(6, '0')}号` };
}

function header(p: Paper, q: Query, face: Face, pt: number, title: string): number {
  p.write(105, 32, title, { face: 'serif-b', pt: pt + 7, align: 'center' });
  p.write(188, 42, `编号：${q.number}`, { face, pt: pt - 0.5, align: 'right' });
  p.write(22, 53, `查询申请人：${q.who.name}`, { face, pt });
  p.write(100, 53, `证件号码：${q.who.id}`, { face, pt });
  p.write(22, 61, `查询目的：${PURPOSE}`, { face, pt });
  p.write(22, 69, '查询范围：深圳市行政区域内已登记的不动产', { face, pt });
  return 80;
}

function footer(p: Paper, rng: Rng, q: Query, face: Face, pt: number, y: number): void {
  const after = paragraph(p, 22, y, 166, '本证明仅反映查询时点深圳市不动产登记簿的记载情况。查询结果证明自出具之日起三十日内有效。', face, pt - 0.5);
  p.write(186, after + 18, '深圳市不动产登记中心', { face, pt, align: 'right' });
  p.write(186, after + 27, writeDate(q.issued, rng.pick(['cn0', 'cn', 'han'] as const)), { face, pt, align: 'right' });
  stamp(p, 124, after + 16, 18, '深圳市不动产登记中心', '查询专用章');
}

function searchNone(rng: Rng, dpi: DpiFor, q: Query): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['serif', 'sans', 'syst', 'serif-l', 'serif-xl'] as const);
  let y = header(p, q, face, pt, '不动产登记资料查询结果证明');
  p.write(22, y, '查询结果：', { face: 'sans-b', pt });
  y = paragraph(p, 22, y + 9, 166, `经查询，截至${writeDate(q.issued, 'cn')}，未发现${q.who.name}（身份证号码：${q.who.id}）名下有不动产登记记录。`, face, pt, 1.9);
  y = paragraph(p, 22, y + 2, 166, '特此证明。', face, pt);
  footer(p, rng, q, face, pt, y + 10);
  return { paper: p, layout: 'search-none', fields: { name: q.who.name, idNumber: q.who.id, hasProperty: '无', date: q.issued } };
}

function searchOne(rng: Rng, dpi: DpiFor, q: Query): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['serif', 'sans', 'syst', 'sans-l'] as const);
  let y = header(p, q, face, pt, '不动产登记资料查询结果证明');
  p.write(22, y, `查询结果：经查询，${q.who.name}名下有以下不动产登记记录（共1条）：`, { face, pt });
  y += 5;
  const year = rng.int(2008, Number(q.issued.slice(0, 4)) - 1);
  const cert = year >= 2016 ? `粤(${year})深圳市不动产权第${rng.int(1000000, 9999999)}号` : `深房地字第${rng.int(3000000000, 3999999999)}号`;
  const district = rng.pick(DISTRICTS);
  const rows: (readonly [string, string, number?])[][] = [
    [['不动产权证号', cert]],
    [['坐落', `深圳市${district}${rng.pick(ESTATES)}${rng.int(1, 12)}栋${rng.pick(['A', 'B', ''])}${rng.int(2, 33)}${String(rng.int(1, 8)).padStart(2, '0')}`]],
    [['权利人', q.who.name], ['共有情况', rng.pick(['单独所有', '共同共有', '按份共有'])]],
    [['建筑面积', `${(rng.int(3500, 14500) / 100).toFixed(2)}平方米`], ['用途', rng.pick(['住宅', '住宅', '商业'])]],
    [['登记时间', writeDate(dateBetween(rng, `${year}-01-01`, `${year}-12-31`), 'cn0')], ['权利性质', rng.pick(['商品房', '市场商品房'])]],
    [['抵押状况', rng.pick(['已抵押', '无'])], ['查封状况', '无']],
  ];
  const rh = pt * 1.1;
  rows.forEach((pairs, k) => formRow(p, 22, y + k * rh, 166, rh, pairs, { label: face, value: face, pt }));
  footer(p, rng, q, face, pt, y + rows.length * rh + 12);
  return { paper: p, layout: 'search-one', fields: { name: q.who.name, idNumber: q.who.id, hasProperty: '有', date: q.issued } };
}

function householdProof(rng: Rng, dpi: DpiFor, q: Query): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['sans', 'serif', 'sans-l', 'serif-l'] as const);
  const owns = rng.chance(0.3);
  const family: { who: Person; relation: string; owns: boolean }[] = [{ who: q.who, relation: '申请人', owns }];
  if (rng.chance(0.8)) family.push({ who: person(rng, { sex: q.who.sex === '男' ? '女' : '男', from: q.who.birth.slice(0, 4) > '1965' ? `${Number(q.who.birth.slice(0, 4)) - 4}-01-01` : '1960-01-01', to: `${Math.min(2003, Number(q.who.birth.slice(0, 4)) + 4)}-12-31` }), relation: '配偶', owns: owns && rng.chance(0.5) });
  const kidFrom = Number(q.who.birth.slice(0, 4)) + 22;
  const father = family.find((m) => m.who.sex === '男')?.who;
  const surname = father && !father.name.includes('·') && !['藏族', '蒙古族'].includes(father.ethnicity) ? { surname: surnameOf(father.name), ethnicity: father.ethnicity } : {};
  for (let k = kidFrom <= 2016 && family.length > 1 ? rng.int(0, 2) : 0; k > 0; k--) {
    family.push({ who: person(rng, { from: `${kidFrom}-01-01`, to: `${Math.min(2020, kidFrom + 14)}-12-31`, ...surname }), relation: '子女', owns: false });
  }
  p.write(105, 32, rng.pick(['房屋权属情况查询结果', '家庭成员房屋权属证明']), { face: 'serif-b', pt: pt + 7, align: 'center' });
  p.write(188, 42, `编号：${q.number}`, { face, pt: pt - 0.5, align: 'right' });
  let y = paragraph(p, 22, 54, 166, `申请人${q.who.name}因${PURPOSE}，申请查询本人及家庭成员在本市的房屋权属登记情况。经查询，结果如下：`, face, pt);
  const rh = pt * 1.0;
  const edges = p.grid(22, y, [12, 28, 26, 52, 48], Array(family.length + 1).fill(rh) as number[]);
  tableRow(p, edges, y, rh, ['序号', '姓名', '与申请人关系', '身份证号码', '查询结果'], face, pt);
  family.forEach((m, k) => tableRow(p, edges, y + (k + 1) * rh, rh, [String(k + 1), m.who.name, m.relation, m.who.id, m.owns ? '有登记记录1条' : '无登记记录'], face, pt));
  y += (family.length + 1) * rh + 8;
  if (owns) y = paragraph(p, 22, y, 166, `注：申请人名下登记记录坐落于深圳市${rng.pick(DISTRICTS)}，详见不动产登记资料查询结果证明。`, face, pt - 0.5);
  footer(p, rng, q, face, pt, y + 6);
  return { paper: p, layout: 'household-proof', fields: { name: q.who.name, idNumber: q.who.id, hasProperty: owns ? '有' : '无', date: q.issued } };
}

const DESIGNS = ['search-none', 'search-one', 'household-proof'] as const;

export function drawProperty(rng: Rng, dpi: DpiFor): Made {
  const design = rng.pick(DESIGNS);
  const q = query(rng);
  if (design === 'search-none') return searchNone(rng, dpi, q);
  if (design === 'search-one') return searchOne(rng, dpi, q);
  return householdProof(rng, dpi, q);
}
