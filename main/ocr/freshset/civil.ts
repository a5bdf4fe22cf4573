// 户口簿 pages (结婚证 in marriage.ts): the 常住人口登记卡 as a ruled card (labels spread with full-width
// spaces, values in 仿宋), another province's unruled print run with dotted fill lines, a card whose
// cells carry the label above the value, and a 派出所 户籍证明 letter.
import type { Rng } from '../../../domain/seed/prng';
import { address, type DateStyle, districtOf, employer, iso, printDate, type Sex, someDay, someone } from './folk';
import { grid, pair } from './forms';
import { type Face, type Ink, type Made, mm, Paper, spread } from './paper';

const RELATIONS: readonly (readonly [string, Sex | '', number, number])[] = [
  ['户主', '', 1958, 1996],
  ['户主', '', 1958, 1996],
  ['妻', '女', 1960, 1996],
  ['夫', '男', 1960, 1994],
  ['长子', '男', 1984, 2019],
  ['次子', '男', 1988, 2020],
  ['长女', '女', 1984, 2019],
  ['次女', '女', 1988, 2020],
  ['子', '男', 1990, 2020],
  ['女', '女', 1990, 2020],
  ['父亲', '男', 1938, 1966],
  ['母亲', '女', 1940, 1968],
  ['孙子', '男', 2008, 2022],
  ['孙女', '女', 2008, 2022],
  ['弟', '男', 1975, 2000],
  ['妹', '女', 1975, 2000],
  ['儿媳', '女', 1985, 1998],
  ['女婿', '男', 1983, 1997],
];

const PRECINCTS: Record<string, readonly string[]> = { 福田: ['园岭', '莲花', '香蜜湖'], 罗湖: ['翠竹', '东门'], 南山: ['粤海', '蛇口'], 宝安: ['新安', '西乡'], 龙岗: ['布吉', '坂田'], 龙华: ['民治', '观澜'] };
const EDUCATION = ['大学本科', '大学专科', '高中', '初中', '研究生', '中等专科', '小学'];

function resident(rng: Rng) {
  const [relation, fixed, from, to] = rng.pick(RELATIONS);
  const sex: Sex = fixed || (rng.chance(0.7) ? '男' : '女');
  const birth = someDay(rng, from, to);
  const who = someone(rng, sex, birth);
  const home = address(rng, rng.chance(0.15));
  const registered = someDay(rng, Math.max(Number(birth.slice(0, 4)) + 1, 2006), 2024);
  return { who, relation, home, registered };
}

export function drawHukou(rng: Rng): Made {
  const { who, relation, home, registered } = resident(rng);
  const design = rng.pick(['card-grid', 'card-grid', 'plain-lines', 'stacked-cells', 'huji-letter'] as const);
  const dpi = rng.int(200, 240);
  const dateStyle = rng.pick<DateStyle>(['nianPad', 'nianPad', 'nianPad', 'nian', 'nian', 'nianPad', 'dot', 'compact']);
  const fields: Record<string, string> = { name: who.name, relation, gender: who.sex, birthDate: who.birth, idNumber: who.id, ethnicity: who.ethnicity, address: home };
  const valueFace = rng.pick<Face>(['fang', 'fang', 'song', 'kai']);
  const district = districtOf(home);
  const station = `深圳市公安局${district}分局${rng.pick(PRECINCTS[district] ?? ['园岭'])}派出所`;
  if (design === 'huji-letter') return { paper: hujiLetter(rng, fields, station, dateStyle), fields, layout: `hukou/${design}` };
  const w = Math.round(mm(dpi) * 108) + 60;
  const h = Math.round(mm(dpi) * 148) + 60;
  const p = new Paper(w, h, rng.pick(['#fffdf7', '#fbf7ee', '#ffffff', '#f7f9f4']));
  const base = rng.int(20, 25);
  const label: Ink = { size: base, face: rng.pick<Face>(['song', 'hei', 'fang']) };
  const value: Ink = { size: base + rng.int(0, 3), face: valueFace, color: rng.pick(['#111', '#1d1d2b', '#202020']) };
  const x = 50;
  const inner = w - 100;
  let y = 50;
  const title = '常住人口登记卡';
  p.put(w / 2, y, title, { size: base + 16, face: rng.pick<Face>(['biao', 'heiBold', 'song']), align: 'center', track: rng.chance(0.5) ? base * 0.8 : 0 });
  y += base + 40;
  if (rng.chance(0.5)) {
    p.put(x + inner, y - 20, `户号：${rng.int(10000000, 99999999)}`, { size: base - 3, face: 'song', align: 'right' });
    y += 14;
  }
  const born = printDate(who.birth, dateStyle);
  const origin = rng.chance(0.6) ? home.slice(0, home.indexOf('市') + 1) : '广东省深圳市';
  const edu = rng.pick(EDUCATION);
  const moved = printDate(registered, dateStyle);
  if (design === 'card-grid') {
    const L = (t: string, n = 4) => ({ t: spread(t, n) });
    const V = (t: string, span = 1) => ({ t, v: true, span });
    const cols = [inner * 0.19, inner * 0.33, inner * 0.2, inner * 0.28];
    y = grid(p, x, y, cols, base * 2.9, [
      [L('姓名'), V(who.name), { t: '户主或与户主关系' }, V(relation)],
      [L('曾用名'), V(''), L('性别'), V(who.sex)],
      [L('出生地'), V(origin), L('民族'), V(who.ethnicity)],
      [L('籍贯'), V(origin), L('出生日期'), V(born)],
      [{ t: '住　　址' }, V(home, 3)],
      [{ t: '本市（县）其他住址' }, V('', 3)],
      [L('宗教信仰'), V(''), { t: '公民身份证件编号' }, V(who.id)],
      [L('文化程度'), V(edu), L('婚姻状况'), V(rng.pick(['已婚', '未婚', '已婚']))],
      [L('身高'), V(`${rng.int(150, 185)}厘米`), L('血型'), V(rng.pick(['', 'A型', 'O型', 'B型']))],
      [L('服务处所'), V(rng.chance(0.5) ? employer(rng) : '', 3)],
      [{ t: '何时由何地迁来本市（县）' }, V('', 3)],
      [{ t: '何时由何地迁来本址' }, V(`${moved} ${rng.pick(['出生', '由广东省梅州市迁来', '由湖南省长沙市迁来', '本市内迁移'])}`, 3)],
    ], { label, value, centre: true });
  } else if (design === 'stacked-cells') {
    const cols = [inner * 0.3, inner * 0.18, inner * 0.22, inner * 0.3];
    const rows: (readonly [string, string, number])[][] = [
      [['姓名', who.name, 1], ['户主或与户主关系', relation, 2], ['性别', who.sex, 1]],
      [['曾用名', '', 1], ['出生地', origin, 2], ['民族', who.ethnicity, 1]],
      [['出生日期', born, 1], ['籍贯', origin, 2], ['宗教信仰', '', 1]],
      [['公民身份证件编号', who.id, 2], ['文化程度', edu, 1], ['兵役状况', rng.pick(['未服兵役', '']), 1]],
      [['婚姻状况', rng.pick(['已婚', '未婚']), 1], ['服务处所', rng.chance(0.6) ? employer(rng) : '', 3]],
      [['住址', home, 4]],
      [['何时由何地迁来本址', `${moved} ${rng.pick(['出生登记', '市内迁入', '省外迁入'])}`, 4]],
      [['登记日期', moved, 2], ['承办人签章', '', 2]],
    ];
    const rowH = base * 3.6;
    for (const row of rows) {
      let cx = x;
      let c = 0;
      for (const [l, v, span] of row) {
        const cw = cols.slice(c, c + span).reduce((a, b) => a + b, 0);
        p.box(cx, y, cw, rowH, 1.1, '#444');
        p.put(cx + 8, y + 6, l, { ...label, size: base - 4, color: '#555' });
        if (v) p.fit(cx + 14, y + base + 14, v, cw - 22, value);
        cx += cw;
        c += span;
      }
      y += rowH;
    }
  } else {
    // unruled print run: two pairs per line, values on dotted fill lines
    const step = base * 2.4;
    const lineOf = (items: readonly (readonly [string, string])[], col2 = inner * 0.52) => {
      items.forEach(([l, v], i) => {
        const lx = x + (i ? col2 : 0);
        const end = pair(p, lx, y, spread(l, 4), v, label, value, '', base * 0.8);
        p.rule(lx + p.width(spread(l, 4), base, label.face) + 4, y + base + 6, Math.max(end, lx + (i || items.length === 1 ? inner - (i ? col2 : 0) : col2 - 20)), y + base + 6, 1, '#777', [2, 3]);
      });
      y += step;
    };
    lineOf([['姓名', who.name], ['与户主关系', relation]]);
    lineOf([['性别', who.sex], ['民族', who.ethnicity]]);
    lineOf([['出生日期', born], ['籍贯', origin]]);
    lineOf([['曾用名', ''], ['出生地', origin]]);
    lineOf([['身份证号', who.id]]);
    lineOf([['文化程度', edu], ['婚姻状况', rng.pick(['已婚', '未婚'])]]);
    lineOf([['职业', rng.pick(['职员', '工人', '个体', '学生', '无业'])], ['宗教信仰', '']]);
    y = p.prose(x, y, inner, `住　　址：${home}`, { ...label, lead: 2 });
    y += base * 0.5;
    lineOf([['登记日期', moved]]);
  }
  const sy = Math.min(h - 110, y - rng.int(0, 50));
  p.seal(x + inner * rng.pick([0.35, 0.55, 0.7]), sy, rng.int(80, 100), station, '户口专用章', rng);
  return { paper: p, fields, layout: `hukou/${design}` };
}

function hujiLetter(rng: Rng, f: Record<string, string>, station: string, dateStyle: DateStyle): Paper {
  const dpi = rng.int(150, 200);
  const w = Math.round(mm(dpi) * 210);
  const p = new Paper(w, Math.round(mm(dpi) * 250));
  const size = Math.round((dpi / 72) * rng.pick([10.5, 12]));
  const body: Ink = { size, face: rng.pick<Face>(['fang', 'song']) };
  const x = Math.round(w * 0.12);
  const inner = w - 2 * x;
  let y = Math.round(w * 0.1);
  p.put(w / 2, y, '户 籍 证 明', { size: size * 2, face: 'biao', align: 'center' });
  y += size * 4;
  const issued = iso(2024, rng.int(1, 12), rng.int(1, 28));
  y = p.prose(x, y, inner, `兹证明${f.name}，${f.gender}，${f.ethnicity}，${printDate(f.birthDate!, dateStyle)}出生，公民身份号码：${f.idNumber}，与户主关系：${f.relation}，户籍住址：${f.address}。`, { ...body, indent: 2, lead: 2 });
  y = p.prose(x, y + size, inner, '该人户籍信息以上述登记为准，仅用于申请保障性住房资格审核。', { ...body, indent: 2, lead: 2 });
  y = p.prose(x, y + size * 0.5, inner, '特此证明。', { ...body, indent: 2 });
  const right = x + inner;
  const office = station;
  p.put(right, y + size * 3, office, { ...body, align: 'right' });
  p.put(right, y + size * 5, printDate(issued, 'nian'), { ...body, align: 'right' });
  p.seal(right - size * 5, y + size * 4.5, Math.round(size * 4.2), office, '户籍专用章', rng);
  return p;
}
