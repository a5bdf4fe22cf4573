// 不动产 pages: the 不动产登记信息查询结果告知单 (申请人 block, then either 名下无不动产登记记录 or a
// table of the holdings), an older 无房证明 letter from the 房地产权登记 office, and a ruled
// 查询结果 form with the outcome in one cell.
import type { Rng } from '../../../domain/seed/prng';
import { address, type DateStyle, iso, printDate, someDay, someone } from './folk';
import { grid, pair, table } from './forms';
import { type Face, type Ink, type Made, mm, Paper } from './paper';

const CENTRE = '深圳市不动产登记中心';
const PURPOSES = ['申请公共租赁住房', '申请保障性住房资格审核', '办理人才住房申请', '个人住房情况查询'];

export function drawProperty(rng: Rng): Made {
  const who = someone(rng, rng.chance(0.5) ? '男' : '女', someDay(rng, 1965, 2002));
  const date = iso(rng.int(2023, 2025), rng.int(1, 12), rng.int(1, 28));
  const design = rng.pick(['notice', 'notice', 'no-house', 'result-grid'] as const);
  const owns = design !== 'no-house' && rng.chance(0.4);
  const dpi = rng.int(150, 200);
  const w = Math.round(mm(dpi) * 210);
  const size = Math.round((dpi / 72) * rng.pick([10.5, 10.5, 12, 9]));
  const p = new Paper(w, Math.round(mm(dpi) * 260), rng.pick(['#ffffff', '#fdfdfb']));
  const face = rng.pick<Face>(['song', 'fang', 'song', 'hei']);
  const ink: Ink = { size, face };
  const x = Math.round(mm(dpi) * rng.int(20, 28));
  const inner = w - 2 * x;
  const dStyle = rng.pick<DateStyle>(['nian', 'nianPad', 'dash']);
  const when = printDate(date, dStyle);
  const holdings = owns
    ? Array.from({ length: rng.int(1, 2) }, () => [
        `粤（${rng.int(2016, 2023)}）深圳市不动产权第${rng.int(1000000, 9999999)}号`,
        address(rng).replace(/^(广东省)?深圳市/, ''),
        (rng.int(3800, 14000) / 100).toFixed(2),
        rng.pick(['住宅', '住宅', '商业']),
      ])
    : [];
  let y = size * 3;
  let sealX = x + inner * 0.72;
  let sealY: number;
  if (design === 'notice') {
    p.put(x + inner, y, `编号：SZBDC${date.replace(/-/g, '')}${rng.int(1000, 9999)}`, { size: size - 3, face: 'song', align: 'right' });
    y += size * 2.2;
    p.put(w / 2, y, '不动产登记信息查询结果告知单', { size: Math.round(size * 1.7), face: rng.pick<Face>(['biao', 'heiBold']), align: 'center' });
    y += size * 3.6;
    const label: Ink = { ...ink, face: 'hei' };
    const gap = size * 2.1;
    pair(p, x, y, rng.pick(['查询申请人', '权利人姓名', '被查询人']), who.name, label, ink);
    y += gap;
    pair(p, x, y, rng.pick(['证件号码', '身份证件号码']), who.id, label, ink);
    y += gap;
    pair(p, x, y, '查询目的', rng.pick(PURPOSES), label, ink);
    y += gap;
    pair(p, x, y, '查询范围', '深圳市行政区域内', label, ink);
    y += gap * 1.3;
    p.put(x, y, '查询结果：', label);
    y += gap;
    if (owns) {
      y = p.prose(x, y, inner, `经查询，截至${when}，上述人员名下有以下不动产登记记录：`, { ...ink, indent: 2, lead: 1.9 });
      y = table(p, x, y + size * 0.4, { heads: ['不动产权证号', '坐落', '面积（㎡）', '用途'], widths: [0.33, 0.45, 0.12, 0.1].map((f) => f * inner), align: 'llrc', rows: holdings, size: size - 2, rowH: Math.round(size * 2.1), ruling: 'all', face, headFace: 'hei' });
    } else {
      y = p.prose(x, y, inner, rng.pick([`经查询，截至${when}，上述人员名下无不动产登记记录。`, `经查询，在深圳市行政区域内，申请人名下无不动产登记记录（查询截止日：${when}）。`]), { ...ink, indent: 2, lead: 1.9 });
    }
    y += size * 1.5;
    y = p.prose(x, y, inner, '本告知单仅反映查询时点的登记信息，查询结果以登记簿记载为准。', { ...ink, size: size - 2, lead: 1.7 });
    y += size * 2.5;
    p.put(x + inner, y, `查询机构：${CENTRE}`, { ...ink, align: 'right' });
    p.put(x + inner, y + size * 2, `查询日期：${when}`, { ...ink, align: 'right' });
    sealY = y + size;
    sealX = x + inner - size * 6;
  } else if (design === 'no-house') {
    p.put(w / 2, y + size * 2, rng.pick(['无 房 证 明', '无房产证明', '住房情况证明']), { size: size * 2, face: 'biao', align: 'center' });
    y += size * 6;
    const office = rng.pick(['深圳市房地产权登记中心', CENTRE]);
    y = p.prose(x, y, inner, `兹证明：${who.name}，${rng.pick(['身份证号码', '公民身份号码'])}${who.id}，经查询本市房地产登记信息系统，截至${when}，该人在深圳市范围内名下无房产登记记录。`, { ...ink, indent: 2, lead: 2.1 });
    y = p.prose(x, y + size * 0.5, inner, '特此证明。', { ...ink, indent: 2 });
    y += size * 3;
    p.put(x + inner, y, office, { ...ink, align: 'right' });
    p.put(x + inner, y + size * 2.2, printDate(date, dStyle === 'dash' ? 'nian' : dStyle), { ...ink, align: 'right' });
    sealY = y + size * 0.8;
    sealX = x + inner - size * 5;
  } else {
    p.put(w / 2, y, '不动产登记信息查询结果', { size: Math.round(size * 1.6), face: 'heiBold', align: 'center' });
    y += size * 3.5;
    const rowH = Math.round(size * 2.6);
    const outcome = owns ? `有不动产登记记录${holdings.length}条（详见下表）` : '无不动产登记记录';
    y = grid(p, x, y, [inner * 0.24, inner * 0.76], rowH, [
      [{ t: '姓名' }, { t: who.name, v: true }],
      [{ t: '身份证号码' }, { t: who.id, v: true }],
      [{ t: '查询目的' }, { t: rng.pick(PURPOSES), v: true }],
      [{ t: '查询结果' }, { t: outcome, v: true }],
      [{ t: '查询日期' }, { t: when, v: true }],
    ], { label: { ...ink, face: 'hei' }, value: ink, centre: true });
    if (owns) y = table(p, x, y + size * 1.5, { heads: ['不动产权证号', '坐落', '面积（㎡）', '用途'], widths: [0.33, 0.45, 0.12, 0.1].map((f) => f * inner), align: 'llrc', rows: holdings, size: size - 2, rowH: Math.round(size * 2), ruling: 'rows', face, headFace: 'hei' });
    y += size * 3;
    p.put(x + inner, y, `出具单位：${CENTRE}`, { ...ink, align: 'right' });
    sealY = y - size;
    sealX = x + inner - size * 7;
  }
  p.seal(sealX, sealY, Math.round(size * 4.3), rng.chance(0.5) ? CENTRE : '深圳市规划和自然资源局', rng.pick(['查询专用章', '业务专用章']), rng);
  const fields = { name: who.name, idNumber: who.id, hasProperty: owns ? '有' : '无', date };
  return { paper: p, fields, layout: `property/${design}${owns ? '-owns' : ''}` };
}
