// 不动产: a 查询结果告知单 letter saying no property is registered (the finding inside a sentence); a
// 不动产登记信息查询结果 with the holder's records in a ruled table; a kiosk print in a grid with the
// labels above the values, with or without property.
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { dateBetween, issueDate, writeDate } from './forms';
import { grid, inCell, spaced } from './kit';
import { Paper, type Made } from './paper';
import { person, shenzhenAddress } from './people';

/** How each page says whether the person holds property (the tests look for one of these). */
export const HAS_MARKS = { 有: ['有不动产登记记录'], 无: ['无不动产登记记录'] } as const;

const CENTRES = ['深圳市不动产登记中心', '深圳市不动产登记中心福田登记所', '深圳市不动产登记中心南山登记所', '深圳市不动产登记中心宝安登记所', '深圳市不动产登记中心龙岗登记所'];

function holder(rng: Rng) {
  return { who: person(rng, { from: '1960-01-01', to: '2001-12-31' }), date: issueDate(rng), centre: rng.pick(CENTRES) };
}

function estates(rng: Rng, n: number, before: string) {
  return Array.from({ length: n }, () => {
    const reg = dateBetween(rng, '2006-01-01', before);
    return {
      number: `粤（${reg.slice(0, 4)}）深圳市不动产权第${String(rng.int(1, 999999)).padStart(7, '0')}号`,
      where: shenzhenAddress(rng, false),
      use: rng.pick(['住宅', '住宅', '商业', '车位']),
      area: `${rng.int(28, 180)}.${String(rng.int(0, 99)).padStart(2, '0')}`,
      reg,
    };
  });
}

/** 查询结果告知单: no record, said in a sentence. */
function none(rng: Rng, dpi: DpiFor): Made {
  const h = holder(rng);
  const p = new Paper(210, 297, dpi(297));
  const F = rng.chance(0.5) ? ('xiaowei' as const) : ('maple-l' as const);
  const size = 4.4;
  p.text('不动产登记信息查询结果告知单', 105, 40, 6.8, 'xiaowei', { align: 'center' });
  p.text(`查询编号：CX${h.date.replace(/-/g, '')}${rng.int(1000, 9999)}`, 185, 52, 3.4, 'maple-l', { align: 'right' });
  let y = 70;
  p.text(`${h.who.name}：`, 25, y, size, F);
  y += 12;
  const text = `经查询深圳市不动产登记簿，截至${writeDate(h.date, rng.pick(['cn', 'cn0']))}，${h.who.name}（证件号码：${h.who.idNumber}）在深圳市范围内无不动产登记记录。`;
  y += p.wrap(`　　${text}`, 25, y, 160, size, F, 1.75) * size * 1.75 + 6;
  p.wrap('　　本告知单仅反映查询时点登记簿记载的信息，不作为权属证明。', 25, y, 160, size, F, 1.75);
  p.text(h.centre, 185, 200, size, F, { align: 'right' });
  p.text(writeDate(h.date, rng.pick(['han', 'cn'])), 185, 211, size, F, { align: 'right' });
  p.seal(160, 200, 19, '深圳市不动产登记中心', rng, '查询专用章');
  return { paper: p, fields: { name: h.who.name, idNumber: h.who.idNumber, hasProperty: '无', date: h.date }, layout: 'none-letter' };
}

/** 不动产登记信息查询结果: header lines and a ruled table of records. */
function records(rng: Rng, dpi: DpiFor): Made {
  const h = holder(rng);
  const list = estates(rng, rng.int(1, 3), h.date);
  const p = new Paper(297, 210, dpi(297));
  const L = 'maple-l' as const;
  const V = 'maple-m' as const;
  p.text(spaced('不动产登记信息查询结果'), 148.5, 22, 6.5, 'xiaowei', { align: 'center' });
  const s = 3.8;
  p.text(`权利人：${h.who.name}`, 18, 36, s, L);
  p.text(`证件号码：${h.who.idNumber}`, 100, 36, s, L);
  p.text(`查询日期：${writeDate(h.date, 'iso')}`, 205, 36, s, L);
  p.text(`查询结果：有不动产登记记录，共${list.length}条。`, 18, 45, s, V);
  const cols = [80, 100, 22, 28, 31];
  const rows = [10, ...list.map(() => 15)];
  grid(p, 18, 52, cols, rows, 0.2);
  let x = 18;
  ['不动产权证书号', '坐落', '用途', '面积(㎡)', '登记日期'].forEach((t, i) => {
    inCell(p, t, x, 52, cols[i]!, 10, 3.4, L, { align: 'center' });
    x += cols[i]!;
  });
  list.forEach((e, r) => {
    let c = 18;
    [e.number, e.where, e.use, e.area, writeDate(e.reg, 'iso')].forEach((v, i) => {
      inCell(p, v, c, 62 + r * 15, cols[i]!, 15, 3.3, V, { align: i >= 2 ? 'center' : 'left', pad: 1.8 });
      c += cols[i]!;
    });
  });
  const y = 62 + list.length * 15 + 16;
  p.text('注：查询结果以不动产登记簿记载为准。', 18, y, 3.3, L);
  p.text(`出具机构：${h.centre}`, 279, y + 12, 3.6, L, { align: 'right' });
  p.seal(250, y + 8, 17, '深圳市不动产登记中心', rng, '查询专用章');
  return { paper: p, fields: { name: h.who.name, idNumber: h.who.idNumber, hasProperty: '有', date: h.date }, layout: 'records-table' };
}

/** Kiosk print: a grid with labels above values, property or none. */
function kiosk(rng: Rng, dpi: DpiFor): Made {
  const h = holder(rng);
  const has = rng.chance(0.45);
  const p = new Paper(210, 297, dpi(297));
  const F = 'maoken' as const;
  p.text('不动产登记资料查询（自助）', 105, 28, 6.4, F, { align: 'center' });
  const x = 18;
  const w = 87;
  const box = (label: string, value: string, col: number, y: number, span = 1, hh = 18, face: 'maoken' | 'maple-m' = F) => {
    const bx = x + col * w;
    p.rect(bx, y, w * span, hh, 0.2, '#888888');
    p.text(label, bx + 2.5, y + 5, 3, F, { color: '#666666' });
    inCell(p, value, bx, y + 6, w * span, hh - 6, 4.2, face, { pad: 2.5 });
  };
  box('权利人姓名', h.who.name, 0, 40);
  box('证件号码', h.who.idNumber, 1, 40, 1, 18, 'maple-m');
  box('查询日期', writeDate(h.date, rng.pick(['iso', 'cn0'])), 0, 58, 1, 18, 'maple-m');
  box('查询范围', '深圳市全市', 1, 58);
  box('查询结果', has ? '该权利人名下有不动产登记记录' : '该权利人名下无不动产登记记录', 0, 76, 2);
  let y = 104;
  if (has) {
    for (const e of estates(rng, rng.int(1, 2), h.date)) {
      box('不动产权证书号', e.number, 0, y, 2, 16);
      box('坐落', e.where, 0, y + 16, 2, 20);
      y += 42;
    }
  }
  p.text(`终端号：BDC-${rng.int(100, 999)}    本页由自助查询机打印`, x, y + 8, 3.2, F, { color: '#444444' });
  return { paper: p, fields: { name: h.who.name, idNumber: h.who.idNumber, hasProperty: has ? '有' : '无', date: h.date }, layout: 'kiosk-boxes' };
}

export function drawProperty(rng: Rng, dpi: DpiFor): Made {
  const design = rng.int(0, 2);
  return design === 0 ? none(rng, dpi) : design === 1 ? records(rng, dpi) : kiosk(rng, dpi);
}
