// Property pages: 不动产登记信息查询结果 as a ruled table (the result 有/无, how many, and the units
// listed when there are any), a 查询结果证明 letter saying it in a sentence, and a narrow self-service
// kiosk slip in a monospaced face. The words that say 有 or 无 are in HAS_MARKS; a page says one only.
import type { Rng } from '../../../domain/seed/prng';
import { dateBetween, writeDate } from './forms';
import { A4, bodyFace, dateStyle, foot, sheet } from './kit';
import type { DpiFor, Made, TextStyle } from './paper';
import { address, person, type Person } from './people';

export const HAS_MARKS: Readonly<Record<'有' | '无', readonly string[]>> = {
  有: ['查询结果：有', '查询结果有', '名下有不动产'],
  无: ['查询结果：无', '查询结果无', '名下无不动产', '未查询到'],
};

const ISSUER = '深圳市不动产登记中心';
const USES = ['住宅', '商业', '车位', '办公'];

interface Query {
  readonly who: Person;
  readonly has: '有' | '无';
  readonly units: readonly { where: string; cert: string; area: string; use: string }[];
  readonly date: string;
}

function query(rng: Rng): Query {
  const who = person(rng, { from: '1960-01-01', to: '2003-12-31' });
  const has = rng.chance(0.45) ? '有' : '无';
  const units =
    has === '有'
      ? Array.from({ length: rng.int(1, 3) }, () => ({
          where: address(rng).replace(/^广东省/, ''),
          cert: `粤（${rng.int(2015, 2025)}）深圳市不动产权第${String(rng.int(1, 999999)).padStart(7, '0')}号`,
          area: `${rng.int(28, 160)}.${String(rng.int(0, 99)).padStart(2, '0')}`,
          use: rng.pick(USES),
        }))
      : [];
  return { who, has, units, date: dateBetween(rng, '2025-01-01', '2026-11-28') };
}

const truth = (q: Query) => ({ name: q.who.name, idNumber: q.who.idNumber, hasProperty: q.has, date: q.date });

/** The result table, and the units under it when there are any. */
function resultTable(rng: Rng, dpi: DpiFor): Made {
  const q = query(rng);
  const p = sheet(...A4, dpi);
  const s: TextStyle = { size: 3.6, face: rng.pick(['song', 'hei', 'maoken']) };
  const hs: TextStyle = { ...s, face: 'hei-b', align: 'center' };
  p.text('深圳市不动产登记信息查询结果', 105, 22, { size: 6, face: 'serif', align: 'center' });
  p.text(`查询编号：CX${q.date.replace(/-/g, '')}${rng.int(10000, 99999)}`, 190, 33, { size: 3.1, face: 'hei', align: 'right' });
  const rows: [string, string][] = [
    ['权利人', q.who.name],
    ['证件类型', '居民身份证'],
    ['证件号码', q.who.idNumber],
    ['查询范围', '深圳市行政区域内'],
    ['查询结果', q.has],
    [rng.pick(['不动产数量', '登记套数']), `${q.units.length}${rng.pick(['处', '套'])}`],
    ['查询日期', writeDate(q.date, dateStyle(rng, 0.3))],
  ];
  const xs = [20, 62, 190];
  const rh = 10;
  const top = 40;
  p.grid(xs, rows.map((_, i) => top + i * rh).concat(top + rows.length * rh));
  rows.forEach(([l, v], i) => {
    p.cell(l, xs[0]!, xs[1]!, top + i * rh, top + (i + 1) * rh, hs);
    p.cell(v, xs[1]!, xs[2]!, top + i * rh, top + (i + 1) * rh, s);
  });
  let y = top + rows.length * rh + 8;
  if (q.units.length) {
    const ux = [20, 30, 102, 160, 176, 190];
    p.grid(ux, Array.from({ length: q.units.length + 2 }, (_, i) => y + i * 9), 0.2);
    ['序号', '坐落', '不动产权证号', '面积㎡', '用途'].forEach((h, i) => p.cell(h, ux[i]!, ux[i + 1]!, y, y + 9, { ...hs, size: 3.2 }));
    q.units.forEach((u, r) => [String(r + 1), u.where, u.cert, u.area, u.use].forEach((v, i) => p.cell(v, ux[i]!, ux[i + 1]!, y + (r + 1) * 9, y + (r + 2) * 9, { ...s, size: 3.2 })));
    y += (q.units.length + 1) * 9 + 8;
  }
  y = p.para('注：本查询结果仅反映查询时点的登记簿记载情况。', 20, y, 170, { size: 3.2, face: 'song', color: '#444' });
  p.seal(150, y + 14, 19, ISSUER, '查询专用章');
  return { paper: p, fields: truth(q), layout: 'result-table' };
}

/** The letter: the result in a sentence, the date at the foot. */
function letter(rng: Rng, dpi: DpiFor): Made {
  const q = query(rng);
  const p = sheet(...A4, dpi);
  const s: TextStyle = { size: rng.pick([4.2, 4.6]), face: bodyFace(rng) };
  p.text(rng.pick(['不动产登记查询结果证明', '房产查询证明']), 105, 36, { size: 7, face: 'serif', align: 'center' });
  const who = `${q.who.name}（身份证号码：${q.who.idNumber}）`;
  const body =
    q.has === '有'
      ? `经查询深圳市不动产登记簿，截至查询之日，${who}名下有不动产登记记录${q.units.length}处，坐落分别为：${q.units.map((u) => `${u.where}（${u.use}，${u.area}平方米）`).join('；')}。`
      : `经查询深圳市不动产登记簿，截至查询之日，未查询到${who}的不动产登记记录（含预告登记），即其名下无不动产。`;
  let y = p.para(body, 22, 56, 166, s, 1.8, s.size * 2);
  y = p.para('本证明自出具之日起三十日内有效。', 22, y + 2, 166, s, 1.8, s.size * 2);
  foot(p, rng, ISSUER, q.date, dateStyle(rng, 0.45), 188, y + 18, s);
  return { paper: p, fields: truth(q), layout: 'letter' };
}

/** A self-service kiosk slip: narrow, monospaced, laid on the scanner glass (an A5 bed around it). */
function kioskSlip(rng: Rng, dpi: DpiFor): Made {
  const q = query(rng);
  const p = sheet(148, 210, dpi, '#f2f2f0');
  const X = rng.int(20, 48);
  const Y = rng.int(8, 20);
  p.rect(X, Y, 80, 86 + q.units.length * 14, { fill: '#fdfdfc', stroke: '#d4d4d0', width: 0.15 });
  const m: TextStyle = { size: 3.6, face: rng.chance(0.7) ? 'mono' : 'mono-i' };
  p.text('不动产登记自助查询', X + 40, Y + 8, { size: 4.2, face: 'hei-b', align: 'center' });
  p.text(ISSUER, X + 40, Y + 15, { size: 3, face: 'hei', align: 'center' });
  p.line(X + 5, Y + 21, X + 75, Y + 21, 0.2);
  const lines = [
    `姓名: ${q.who.name}`,
    '证件号码:',
    q.who.idNumber,
    `查询结果：${q.has}`,
    `登记数量: ${q.units.length}`,
    ...q.units.flatMap((u, i) => p.lines(`${i + 1}.${u.where} ${u.use}`, 68, m)),
    `查询时间: ${writeDate(q.date, 'iso')} ${rng.int(8, 18)}:${String(rng.int(0, 59)).padStart(2, '0')}`,
    `终端号: ZZ${rng.int(1000, 9999)}`,
  ];
  let y = Y + 25;
  for (const l of lines) {
    p.text(l, X + 6, y, m);
    y += m.size * 1.7;
  }
  p.line(X + 5, y + 1, X + 75, y + 1, 0.2);
  p.text('本凭条仅供参考', X + 40, y + 4, { size: 3, face: 'hei', align: 'center' });
  return { paper: p, fields: truth(q), layout: 'kiosk-slip' };
}

export function drawProperty(rng: Rng, dpi: DpiFor): Made {
  return rng.pick([resultTable, letter, kioskSlip])(rng, dpi);
}
