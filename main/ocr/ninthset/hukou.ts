// 户口 pages: a 常住人口登记卡 with red 变更/更正 stamps and handwritten amendments, a 1990s card
// filled in by hand (both in hukoucard.ts), a 户籍证明 letter from a 派出所, and a 常住人口信息
// query print with the other members of the household listed below.
import type { Rng } from '../../../domain/seed/prng';
import { dateBetween, writeDate } from './forms';
import { bureauOf, household, subject, truthOf } from './household';
import { drawCard1990s, drawCardAmended } from './hukoucard';
import { Paper } from './paper';
import { formTable, issuerBlock, L, type Made, V } from './sheet';

export function drawHukou(rng: Rng, dpi: number): Made {
  const design = rng.int(0, 3);
  if (design === 0) return drawCardAmended(rng, dpi);
  if (design === 1) return drawCard1990s(rng, dpi);
  if (design === 2) return drawPoliceLetter(rng, dpi);
  return drawQuery(rng, dpi);
}

function drawPoliceLetter(rng: Rng, dpi: number): Made {
  const h = household(rng);
  const m = subject(rng, h, rng.chance(0.27));
  const p = m.person;
  const paper = new Paper(210, 297, dpi, rng);
  const issued = dateBetween(rng, '2021-01-01', '2026-11-20');
  const { station, short } = bureauOf(h);
  const face = rng.chance(0.6) ? 'shs' : 'serif';
  const o = { face, size: 4.3, weight: face === 'shs' ? 450 : 400 } as const;
  paper.put(105, 46, rng.chance(0.5) ? '户 籍 证 明' : '户口证明', { face, size: 9, weight: 700, align: 'center' });
  const serial = `（${issued.slice(0, 4)}）${short}户证字第${String(rng.int(12, 2999)).padStart(4, '0')}号`;
  paper.put(182, 60, serial, { ...o, size: 3.6, align: 'right' });
  const birth = writeDate(p.birth, rng.pick(['cn', 'cn0'] as const));
  const headNote = m.relation === '户主' ? '为该户户主' : `与户主${h.head.name}的关系为${m.relation}`;
  const body =
    rng.chance(0.5)
      ? `兹证明：${p.name}，性别：${p.sex}，民族：${p.ethnicity}，出生日期：${birth}，公民身份号码：${p.id}，系我所辖区常住户口，户籍地址：${h.address}，${headNote}。`
      : `经查，${p.name}（公民身份号码：${p.id}），${p.sex}，${p.ethnicity}，${birth}出生，其常住户口登记在${h.address}，${headNote}。`;
  let y = paper.wrap(28, 80, 154, body, o, 9, 8.6, [p.name, p.id, birth, h.address]);
  y = paper.wrap(28, y + 2, 154, '特此证明。', o, 9, 8.6);
  y = paper.wrap(28, y, 154, `本证明仅用于办理${rng.pick(['公共租赁住房申请', '保障性住房资格审核', '人才住房申请'])}，自开具之日起${rng.pick(['三个月', '六个月'])}内有效。`, { ...o, size: 3.8 }, 8, 8.6);
  const officer = `民警：${rng.pick(['李', '陈', '黄', '刘', '周'])}${rng.pick(['警官', '国平', '晓东', '志强'])}    联系电话：${h.region.city === '深圳市' ? '0755-' : '0'}${rng.int(2000, 8999)}${rng.int(1000, 9999)}`;
  paper.put(28, y + 6, officer, { ...o, size: 3.6 });
  issuerBlock(paper, rng, 182, y + 40, station, writeDate(issued, rng.pick(['cn', 'han'] as const)), o);
  return { paper, fields: truthOf(m, h.address, p.birth), layout: 'police-letter' };
}

function drawQuery(rng: Rng, dpi: number): Made {
  const h = household(rng);
  const m = subject(rng, h, rng.chance(0.27));
  const p = m.person;
  const paper = new Paper(210, 297, dpi, rng);
  const face = rng.chance(0.55) ? 'mk' : 'sans';
  const o = { face, size: 3.4 } as const;
  const when = dateBetween(rng, '2022-01-01', '2026-11-25');
  const { station } = bureauOf(h);
  paper.put(105, 30, '常住人口基本信息', { face, size: 7, weight: 700, align: 'center' });
  paper.put(20, 42, `查询单位：${station}`, o);
  paper.put(190, 42, `打印时间：${when} ${String(rng.int(8, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`, { ...o, align: 'right' });
  const birth = writeDate(p.birth, rng.pick(['iso', 'compact', 'cn0'] as const));
  const edu = rng.pick(['大学本科', '大学专科', '高中', '初中', '中等专科', '小学']);
  const rows = [
    { h: 10, cells: [L(1, '姓名'), V(1.6, p.name, true), L(1, '性别'), V(1, p.sex, true), L(1, '民族'), V(1.2, p.ethnicity, true)] },
    { h: 10, cells: [L(1, '出生日期'), V(1.6, birth, true), L(1, '与户主关系'), V(1, m.relation, true), L(1, '户主姓名'), V(1.2, h.head.name)] },
    { h: 10, cells: [L(1, '公民身份号码'), V(2.6, p.id, true), L(1, '文化程度'), V(2.2, edu)] },
    { h: 10, cells: [L(1, '籍贯'), V(2.6, `${p.origin.province}${p.origin.county}`), L(1, '婚姻状况'), V(2.2, m.relation === '户主' || /妻|夫/.test(m.relation) ? '已婚' : '未婚')] },
    { h: 14, cells: [L(1, '住址'), V(5.8, h.address, true)] },
    { h: 10, cells: [L(1, '户号'), V(2.6, String(rng.int(10_000_000, 99_999_999))), L(1, '户别'), V(2.2, rng.pick(['家庭户', '集体户']))] },
  ];
  const { bottom } = formTable(paper, 20, 50, 170, rows, { ...o, weight: 700 }, o, 0.25, '#444');
  paper.put(20, bottom + 12, '同户人员', { face, size: 4.2, weight: 700 });
  const others = h.members.filter((x) => x.relation !== m.relation);
  const list = [{ h: 9, cells: [L(1, '姓名'), L(1, '与户主关系'), L(1, '性别'), L(1.6, '公民身份号码')] }];
  for (const x of others) list.push({ h: 9, cells: [V(1, x.person.name), V(1, x.relation), V(1, x.person.sex), V(1.6, `${x.person.id.slice(0, 6)}********${x.person.id.slice(-4)}`)] });
  formTable(paper, 20, bottom + 16, 170, list, { ...o, weight: 700 }, { ...o, align: 'center' }, 0.2, '#666');
  paper.put(105, 285, '本信息仅供内部核查使用', { ...o, size: 3, align: 'center', color: '#555' });
  return { paper, fields: truthOf(m, h.address, p.birth), layout: 'household-query' };
}
