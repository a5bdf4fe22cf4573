// 户籍 pages: (a) 常住人口登记卡 with 户籍地址 across the top and the person's fields in boxes whose
// labels stand upright (one character under another), two columns of boxes; (b) a 派出所 户籍证明
// letter that says it all in one paragraph, with a small label list under it.
import type { Rng } from '../../../domain/seed/prng';
import type { Face } from './fonts';
import { made, Paper, type Made } from './paper';
import { address, hanPerson, person, sameSurname, type Sex } from './people';
import { RED, seal } from './seal';
import { dateBetween, writeDate, type DateStyle } from './wording';

const RELATIONS: readonly { readonly rel: string; readonly sex: Sex; readonly born: readonly [string, string] }[] = [
  { rel: '户主', sex: '男', born: ['1962-01-01', '1994-12-31'] },
  { rel: '户主', sex: '女', born: ['1962-01-01', '1994-12-31'] },
  { rel: '妻', sex: '女', born: ['1965-01-01', '1996-12-31'] },
  { rel: '夫', sex: '男', born: ['1965-01-01', '1996-12-31'] },
  { rel: '长子', sex: '男', born: ['1990-01-01', '2012-12-31'] },
  { rel: '次子', sex: '男', born: ['1994-01-01', '2016-12-31'] },
  { rel: '长女', sex: '女', born: ['1990-01-01', '2012-12-31'] },
  { rel: '次女', sex: '女', born: ['1994-01-01', '2016-12-31'] },
  { rel: '子', sex: '男', born: ['1995-01-01', '2018-12-31'] },
  { rel: '女', sex: '女', born: ['1995-01-01', '2018-12-31'] },
  { rel: '父亲', sex: '男', born: ['1940-01-01', '1962-12-31'] },
  { rel: '母亲', sex: '女', born: ['1942-01-01', '1964-12-31'] },
  { rel: '孙子', sex: '男', born: ['2008-01-01', '2022-12-31'] },
  { rel: '孙女', sex: '女', born: ['2008-01-01', '2022-12-31'] },
];

const EDUCATION = ['大学本科', '大学专科', '高中', '初中', '研究生', '中等专科'];
const JOBS = ['职员', '教师', '工程技术人员', '个体经营', '护士', '无', '学生', '退休'];

function member(rng: Rng) {
  const r = rng.pick(RELATIONS);
  const p = person(rng, r.sex, r.born);
  const other = hanPerson(rng, ['妻', '母亲'].includes(r.rel) || (r.rel !== '夫' && rng.chance(0.7)) ? '男' : '女', ['1950-01-01', '1998-12-31']).name;
  const head = r.rel === '户主' ? p.name : ['妻', '夫', '母亲'].includes(r.rel) ? other : sameSurname(other, p.name);
  return { r, p, head, addr: address(rng) };
}

/** 常住人口登记卡: upright labels in narrow cells, two columns of boxes. */
function card(rng: Rng): Made {
  const { r, p, head, addr } = member(rng);
  const valueFace: Face = rng.pick(['jxzk', 'maple', 'pxzs']);
  const paper = new Paper(200, 142, valueFace, rng.pick(['#fffdf6', '#fbfbf4', '#ffffff']));
  const style: DateStyle = rng.pick(['cn', 'cn0', 'dot']);
  const ink = rng.pick(['#1a1a1a', '#1d2a5c']);
  paper.text(100, 13, '常住人口登记卡', { size: 7, face: rng.pick(['pxzs', 'qingke']), bold: true, align: 'center', spacing: 1.5 });
  const L = 10;
  const W = 180;
  paper.box(L, 18, W, 114, 0.45);
  paper.line(L, 30, L + W, 30);
  paper.text(L + 2, 26, '户籍地址', { size: 3.6, face: 'pxzs', bold: true });
  paper.text(L + 22, 26.2, addr, { size: 3.8, color: ink });
  paper.line(L + 20, 18, L + 20, 30);
  paper.line(L, 40, L + W, 40);
  paper.text(L + 2, 36.5, '户主姓名', { size: 3.4, face: 'pxzs' });
  paper.text(L + 22, 36.5, head, { size: 3.8, color: ink });
  paper.text(L + 95, 36.5, '户号', { size: 3.4, face: 'pxzs' });
  paper.text(L + 108, 36.5, String(rng.int(100000000, 999999999)), { size: 3.6, color: ink });
  paper.line(L + 20, 30, L + 20, 40);
  paper.line(L + 93, 30, L + 93, 40);
  const cells: [string, string][] = [
    ['姓名', p.name],
    ['与户主关系', r.rel],
    ['性别', p.sex],
    ['民族', p.ethnicity],
    ['出生日期', writeDate(p.birth, style)],
    ['籍贯', p.region.place.replace(/^(.+?[省区])/, '$1')],
    ['文化程度', rng.pick(EDUCATION)],
    ['职业', rng.pick(JOBS)],
  ];
  const order = rng.chance(0.5) ? cells : [cells[0]!, cells[2]!, cells[1]!, cells[4]!, cells[3]!, cells[5]!, cells[7]!, cells[6]!];
  const rowH = 19;
  const colW = W / 2;
  order.forEach(([label, value], i) => {
    const col = i % 2;
    const row = Math.floor(i / 2);
    const x = L + col * colW;
    const y = 40 + row * rowH;
    paper.line(x, y + rowH, x + colW, y + rowH);
    paper.line(x + 9, y, x + 9, y + rowH);
    if (col === 1) paper.line(x, y, x, y + rowH);
    const size = label.length > 4 ? 2.75 : 3.2;
    const top = y + (rowH - label.length * size * 1.25) / 2 - 0.6;
    paper.vertical(x + 4.5, top, label, { size, face: 'pxzs' });
    paper.text(x + 13, y + rowH / 2 + 1.6, value, { size: value.length > 14 ? 3.6 : 4.4, color: ink });
  });
  const y = 40 + 4 * rowH;
  paper.vertical(L + 4.5, y + 1, '身份证号', { size: 2.3, face: 'pxzs' });
  paper.line(L + 9, y, L + 9, 132);
  paper.text(L + 14, y + 9, p.id, { size: 5, color: ink, spacing: rng.chance(0.5) ? 1.2 : 0.3, face: rng.chance(0.5) ? 'maple' : valueFace });
  paper.text(L + 130, y + 9, `登记日期 ${writeDate(dateBetween(rng, '2015-01-01', '2026-10-30'), style)}`, { size: 3, face: 'pxzs' });
  seal(paper.ctx, (L + 150) * paper.k, (y + 2) * paper.k, 18 * paper.k, `深圳市公安局${rng.pick(['福田', '南山', '龙华', '宝安'])}分局户政专用章`, RED, '', rng.next() - 0.5);
  const fields = { name: p.name, relation: r.rel, gender: p.sex, birthDate: p.birth, idNumber: p.id, ethnicity: p.ethnicity, address: addr };
  return made(paper, fields, 'card-upright-labels');
}

/** 户籍证明 letter from a 派出所: the facts in a paragraph, then a short list. */
function letter(rng: Rng): Made {
  const { r, p, head, addr } = member(rng);
  const face: Face = rng.pick(['pxzs', 'dyh', 'jxzk']);
  const paper = new Paper(176, 250, face, '#ffffff');
  const station = `深圳市公安局${rng.pick(['福田分局园岭派出所', '南山分局粤海派出所', '龙华分局民治派出所', '宝安分局西乡派出所'])}`;
  paper.text(88, 30, '户 籍 证 明', { size: 8, face: rng.pick(['pxzs', 'qingke']), bold: true, align: 'center' });
  paper.text(150, 42, `深公户证〔${rng.int(2024, 2026)}〕${rng.int(1000, 9999)}号`, { size: 3.2, align: 'right', face: 'pxzs' });
  const style: DateStyle = rng.pick(['cn', 'han', 'cn0']);
  const rel = r.rel === '户主' ? '系该户户主' : `系户主${head}之${r.rel}`;
  const body = `兹证明${p.name}，性别${p.sex}，${p.ethnicity}，${writeDate(p.birth, style)}出生，公民身份号码${p.id}，${rel}，现户籍登记在${addr}。`;
  let y = paper.paragraph(22, 58, 132, `　　${body}`, { size: 4.4 }, 1.9);
  y = paper.paragraph(22, y + 2, 132, '　　特此证明。本证明仅证明开具之日的户籍登记事项，有效期三个月。', { size: 4.4 }, 1.9);
  const list: [string, string][] = [
    ['姓　　名', p.name],
    ['与户主关系', r.rel],
    ['民　　族', p.ethnicity],
    ['出生日期', writeDate(p.birth, 'iso')],
  ];
  y += 6;
  paper.box(22, y, 132, list.length * 9 + 2, 0.3);
  list.forEach(([label, value], i) => {
    paper.text(26, y + 7.5 + i * 9, label, { size: 3.6, face: 'pxzs' });
    paper.text(62, y + 7.5 + i * 9, value, { size: 4 });
  });
  const issued = dateBetween(rng, '2025-09-01', '2026-11-30');
  paper.text(150, 215, station, { size: 3.8, align: 'right' });
  paper.text(150, 224, writeDate(issued, rng.pick(['cn', 'han'])), { size: 3.8, align: 'right' });
  seal(paper.ctx, 128 * paper.k, 212 * paper.k, 19 * paper.k, station.replace('深圳市公安局', '深圳市公安局'), RED, '户籍专用章', rng.next() - 0.5);
  const fields = { name: p.name, relation: r.rel, gender: p.sex, birthDate: p.birth, idNumber: p.id, ethnicity: p.ethnicity, address: addr };
  return made(paper, fields, 'police-letter');
}

export const drawHukou = (rng: Rng): Made => (rng.chance(0.6) ? card(rng) : letter(rng));
