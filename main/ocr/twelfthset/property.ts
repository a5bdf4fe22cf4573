// 不动产 papers: the 不动产登记信息查询结果 as a two-column table, a 无房/有房 证明 letter, and a
// self-service kiosk slip.
import type { Rng } from '../../../domain/seed/prng';
import { writeDate, type DateForm } from './forms';
import { colon, table, type Cell } from './kit';
import { type DpiFor, type Made, Paper, type TextStyle } from './paper';
import { address, dayBetween, person } from './people';

/** What each answer looks like printed (the tests look for one). */
export const HAS_MARKS = {
  有: ['有不动产登记记录', '有登记记录', '查询结果：有'],
  无: ['无不动产登记记录', '未查询到', '无登记记录'],
} as const;

interface Query {
  readonly name: string;
  readonly id: string;
  readonly has: boolean;
  readonly date: string;
  readonly homes: readonly { place: string; area: number; cert: string }[];
}

function query(rng: Rng): Query {
  const who = person(rng, { from: 1960, to: 2002 });
  const has = rng.chance(0.45);
  const date = dayBetween(rng, '2024-01-01', '2026-11-30');
  const homes = has ? Array.from({ length: rng.int(1, 2) }, () => ({ place: address(rng), area: Math.round(rng.int(3500, 14000)) / 100, cert: `粤（${rng.int(2016, 2024)}）深圳市不动产权第${String(rng.int(1, 9999999)).padStart(7, '0')}号` })) : [];
  return { name: who.name, id: who.id, has, date, homes };
}

const truth = (q: Query) => ({ name: q.name, idNumber: q.id, hasProperty: q.has ? '有' : '无', date: q.date });

function twoColumn(rng: Rng, dpi: DpiFor): Made {
  const q = query(rng);
  const p = new Paper(210, 297, dpi(297));
  p.text('深圳市不动产登记信息查询结果', 105, 22, { size: 5.8, face: 'serif-x', align: 'center' });
  p.text(`查询编号${colon(rng)}CX${q.date.replace(/-/g, '')}${rng.int(10000, 99999)}`, 190, 33, { size: 2.8, face: 'sans', align: 'right', color: '#444' });
  const s: TextStyle = { size: 3.4, face: 'serif' };
  const lab = (t: string): Cell => ({ text: t, style: { ...s, face: 'sans' }, fill: '#f2f2f2', align: 'center' });
  const v = (t: string): Cell => ({ text: t, style: s });
  const rows: Cell[][] = [
    [lab('项目'), { ...lab('内容') }],
    [lab('权利人'), v(q.name)],
    [lab('证件类型'), v('居民身份证')],
    [lab('证件号码'), v(q.id)],
    [lab('查询范围'), v('深圳市行政区域内已登记的房屋')],
    [lab('查询结果'), v(q.has ? `该权利人名下有不动产登记记录${q.homes.length}条` : '该权利人名下无不动产登记记录')],
  ];
  q.homes.forEach((h, i) => {
    rows.push([lab(`坐落${i + 1}`), v(h.place)]);
    rows.push([lab(`建筑面积${i + 1}`), v(`${h.area.toFixed(2)}平方米`)]);
    rows.push([lab(`不动产权证号${i + 1}`), v(h.cert)]);
  });
  const form = rng.pick<DateForm>(['cn', 'iso', 'cn0']);
  rows.push([lab('查询日期'), v(writeDate(q.date, form))]);
  const y = table(p, 20, 40, [44, 126], rows, s, { minH: 11 });
  p.para('注：本查询结果仅反映查询时点深圳市不动产登记簿记载的信息。', 20, y + 6, 170, { size: 3, face: 'sans', color: '#555' }, 1.7);
  p.seal(160, Math.min(y + 30, 270), 17, '深圳市不动产登记中心', '查询专用章');
  return { paper: p, fields: truth(q), layout: 'two-column' };
}

function letter(rng: Rng, dpi: DpiFor): Made {
  const q = query(rng);
  const p = new Paper(210, 297, dpi(297));
  p.text(q.has ? '不动产权属证明' : '无房产证明', 105, 34, { size: 7.5, face: 'serif-x', align: 'center' });
  const body: TextStyle = { size: 4.3, face: rng.pick(['serif', 'sans']) };
  const c = colon(rng);
  const found = q.has ? `查询结果：有不动产登记记录，共${q.homes.length}处，坐落于${q.homes.map((h) => h.place).join('、')}。` : '在本市范围内无不动产登记记录。';
  const text = `经查询深圳市不动产登记信息系统，${q.name}（身份证号${c}${q.id}）截至查询之日，${found}`;
  let y = p.para(text, 22, 56, 166, body, 2, 8.6);
  y = p.para('特此证明。', 22, y + 2, 166, body, 2, 8.6);
  p.text('深圳市不动产登记中心', 188, y + 30, { ...body, align: 'right' });
  const form = rng.pick<DateForm>(['han', 'cn', 'dot']);
  p.text(writeDate(q.date, form), 188, y + 39, { ...body, align: 'right' });
  p.seal(160, y + 34, 18, '深圳市不动产登记中心', '证明专用章');
  return { paper: p, fields: truth(q), layout: 'letter' };
}

function kiosk(rng: Rng, dpi: DpiFor): Made {
  const q = query(rng);
  const p = new Paper(80, 150 + q.homes.length * 18, dpi(150 + q.homes.length * 18), '#fbfbf6');
  const m: TextStyle = { size: 3, face: 'mono', color: '#202020' };
  let y = 8;
  p.text('不动产登记自助查询', 40, y, { ...m, face: 'sans-x', size: 4, align: 'center' });
  y += 9;
  p.text('- - - - - - - - - - - - - - - -', 40, y, { ...m, align: 'center' }, false);
  y += 6;
  const form = rng.pick<DateForm>(['iso', 'slash', 'dash']);
  const c = rng.pick([':', '：', '']);
  for (const line of [`姓名${c}${q.name}`, `证件号${c}`, q.id, `查询时间${c}`, `${writeDate(q.date, form)} ${String(rng.int(8, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`]) {
    p.text(line, 6, y, m);
    y += 5.2;
  }
  y += 3;
  p.text(q.has ? `查询结果：有${q.homes.length}条` : '查询结果：未查询到', 6, y, { ...m, face: 'sans' });
  y += 5.2;
  p.text(q.has ? '有登记记录' : '无登记记录', 6, y, { ...m, face: 'sans' });
  y += 7;
  for (const h of q.homes) {
    y = p.para(`坐落：${h.place}`, 6, y, 68, m, 1.6);
    y = p.para(`面积：${h.area.toFixed(2)}㎡`.replace('㎡', '平方米'), 6, y, 68, m, 1.6) + 3;
  }
  p.text('- - - - - - - - - - - - - - - -', 40, y, { ...m, align: 'center' }, false);
  y += 6;
  p.para('本凭条仅供参考，不作为权属证明。', 6, y, 68, { ...m, size: 2.6 }, 1.6);
  p.text(`终端号 SZ${rng.int(1000, 9999)}`, 6, p.hMm - 10, { ...m, size: 2.6 });
  return { paper: p, fields: truth(q), layout: 'kiosk-slip' };
}

export function drawProperty(rng: Rng, dpi: DpiFor): Made {
  const r = rng.next();
  return r < 0.4 ? twoColumn(rng, dpi) : r < 0.72 ? letter(rng, dpi) : kiosk(rng, dpi);
}
