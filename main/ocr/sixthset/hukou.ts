// 常住人口登记卡, one member a page, as other provinces' police stations print it (湖南, 四川, 广西
// typography), the newer Shenzhen print with a QR block and the 登记事项变更和更正记载 column, and
// the self-service print with the 户主页 cells above the head's own card.
import type { Rng } from '../../../domain/seed/prng';
import { chineseName, dateBetween, employer, person, PROVINCE_PLACES, shenzhenAddress, SHENZHEN_CODES, surnameOf, type Person, type Sex } from './people';
import { Paper, type Face, type Made } from './paper';
import { fmtDate, type DateStyle } from './wording';

interface Cell {
  readonly t: string;
  readonly w: number;
  readonly label?: boolean;
}
const L = (t: string, w: number): Cell => ({ t, w, label: true });
const V = (t: string, w: number): Cell => ({ t, w });

/** Rows of label/value cells across [x0, x1]; widths are fractions of the row. */
function grid(p: Paper, x0: number, x1: number, y: number, h: number, rows: Cell[][], faces: { label: Face; value: Face; size: number }, lw = 2): number {
  const W = x1 - x0;
  for (const row of rows) {
    let x = x0;
    for (const c of row) {
      const w = c.w * W;
      p.box(x, y, w, h, lw);
      if (c.t) {
        if (c.label) p.fit(c.t, x + w / 2, y + h / 2 + faces.size * 0.36, w - 12, { size: faces.size - 2, face: faces.label, align: 'center' });
        else p.fit(c.t, x + 10, y + h / 2 + faces.size * 0.36, w - 16, { size: faces.size, face: faces.value });
      }
      x += w;
    }
    y += h;
  }
  return y;
}

const RELATIONS: { rel: string; sex?: Sex; from: string; to: string }[] = [
  { rel: '户主', from: '1958-01-01', to: '1994-12-31' },
  { rel: '妻', sex: '女', from: '1962-01-01', to: '1996-12-31' },
  { rel: '夫', sex: '男', from: '1960-01-01', to: '1995-12-31' },
  { rel: '长子', sex: '男', from: '1996-01-01', to: '2018-12-31' },
  { rel: '长女', sex: '女', from: '1996-01-01', to: '2018-12-31' },
  { rel: '次子', sex: '男', from: '2000-01-01', to: '2020-12-31' },
  { rel: '次女', sex: '女', from: '2000-01-01', to: '2020-12-31' },
  { rel: '母亲', sex: '女', from: '1940-01-01', to: '1965-12-31' },
  { rel: '父亲', sex: '男', from: '1940-01-01', to: '1965-12-31' },
  { rel: '孙女', sex: '女', from: '2012-01-01', to: '2022-12-31' },
];

function member(rng: Rng, head: boolean, region: string): { who: Person; relation: string } {
  const r = head ? RELATIONS[0]! : rng.pick(RELATIONS);
  return { who: person(rng, { ...(r.sex ? { sex: r.sex } : {}), from: r.from, to: r.to, region }), relation: r.rel };
}

const ROADS = { hunan: ['枫林路', '桐梓坡路', '麓山路'], sichuan: ['科华北路', '玉林北路', '浆洗街'], guangxi: ['民族大道', '竹溪大道', '中山路'] } as const;
const ORIGIN = { hunan: ['邵阳市', '衡阳市', '常德市', '岳阳市'], sichuan: ['绵阳市', '南充市', '宜宾市', '达州市'], guangxi: ['桂林市', '柳州市', '玉林市', '百色市'] } as const;
const EDU = ['大学本科', '大学专科', '高中', '初中', '研究生', '中等专科'];
const MARITAL = (rel: string) => (/子|女/.test(rel) ? '未婚' : '已婚');

/** The classic card as a provincial police station prints it. */
function provinceCard(rng: Rng): Made {
  const style = rng.pick(['hunan', 'sichuan', 'guangxi'] as const);
  const place = PROVINCE_PLACES[style];
  const region = style === 'hunan' ? '430104' : style === 'sichuan' ? '510107' : '450103';
  const { who, relation } = member(rng, rng.chance(0.4), region);
  const head = relation === '户主' ? who.name : /子|女/.test(relation) ? chineseName(rng, '男', false, surnameOf(who.name)) : person(rng, { sex: '男', region }).name;
  const address = `${place.province}${place.city}${place.county}${rng.pick(place.street)}${rng.pick(ROADS[style])}${rng.int(3, 388)}号${rng.int(1, 12)}栋${rng.int(1, 6)}单元${rng.int(1, 30)}0${rng.int(1, 4)}室`;
  const faces = { hunan: { label: 'serif', value: 'serif', size: 25 }, sichuan: { label: 'sans', value: 'sans', size: 24 }, guangxi: { label: 'bold', value: 'light', size: 25 } }[style] as { label: Face; value: Face; size: number };
  const ds: DateStyle = style === 'guangxi' ? 'compact' : style === 'sichuan' ? 'cnShort' : 'cn';
  const p = new Paper(1240, 1754, style === 'hunan' ? '#fdfbf4' : '#ffffff');
  p.put('常住人口登记卡', 620, 150, { size: 50, face: style === 'hunan' ? 'serifBold' : 'bold', align: 'center', spacing: 14 });
  const x0 = 100;
  const x1 = 1140;
  p.put(`户别：${rng.pick(['家庭户', '家庭户', '集体户'])}`, x0, 230, { size: 24, face: faces.label });
  p.put(`户主姓名：${head}`, 430, 230, { size: 24, face: faces.label });
  p.put(`户号：${rng.int(10000000, 99999999)}`, 820, 230, { size: 24, face: faces.label });
  p.fit(`住址：${address}`, x0, 272, x1 - x0, { size: 24, face: faces.label });
  const since = dateBetween(rng, who.birth > '2005-01-01' ? who.birth : '2005-01-01', '2024-12-31');
  const moved = rng.chance(0.5);
  const rows: Cell[][] = [
    [L('姓名', 0.16), V(who.name, 0.34), L('户主或与户主关系', 0.2), V(relation, 0.3)],
    [L('曾用名', 0.16), V('', 0.34), L('性别', 0.2), V(who.sex, 0.3)],
    [L('出生地', 0.16), V(`${place.province}${place.city}`, 0.34), L('民族', 0.2), V(who.ethnicity, 0.3)],
    [L('籍贯', 0.16), V(`${place.province}${place.city}`, 0.34), L('出生日期', 0.2), V(fmtDate(who.birth, ds), 0.3)],
    [L('本市（县）其他住址', 0.16), V('', 0.34), L('宗教信仰', 0.2), V('', 0.3)],
    [L('公民身份号码', 0.16), V(who.id, 0.34), L('身高', 0.1), V(`${rng.int(152, 184)}cm`, 0.1), L('血型', 0.1), V(rng.pick(['A', 'B', 'O', 'AB', '']), 0.2)],
    [L('文化程度', 0.16), V(rng.pick(EDU), 0.17), L('婚姻状况', 0.17), V(MARITAL(relation), 0.13), L('兵役状况', 0.15), V(rng.pick(['未服兵役', '']), 0.22)],
    [L('服务处所', 0.16), V(rng.chance(0.5) ? '' : `${place.city}${rng.pick(['第一中学', '人民医院', '城市建设投资有限公司', '供电局'])}`, 0.5), L('职业', 0.12), V('', 0.22)],
    [L('何时由何地迁来本市（县）', 0.3), V(!moved ? '' : `${fmtDate(since, 'dot')} 由${place.province}${rng.pick(ORIGIN[style])}迁来`, 0.7)],
    [L('何时由何地迁来本址', 0.3), V('', 0.7)],
  ];
  let y = grid(p, x0, x1, 300, 92, rows, faces, style === 'sichuan' ? 1.5 : 2.5);
  y = grid(p, x0, x1, y, 150, [[L('承办人签章', 0.16), V('', 0.34), L('登记日期', 0.2), V(fmtDate(dateBetween(rng, moved ? since : '2008-01-01', '2025-12-31'), ds), 0.3)]], faces);
  p.seal(860, y - 250, 120, `${place.police}${place.station}`, '户口专用章', rng);
  p.put(`${place.police}${place.station}`, 620, y + 70, { size: 22, face: faces.label, align: 'center' });
  return { paper: p, layout: `hukou-card-${style}`, fields: { name: who.name, relation, gender: who.sex, birthDate: who.birth, idNumber: who.id, ethnicity: who.ethnicity, address } };
}

/** The newer Shenzhen print: QR block top right, the card on the left, the change column on the right. */
function qrCard(rng: Rng): Made {
  const district = shenzhenAddress(rng);
  const { who, relation } = member(rng, false, rng.pick(SHENZHEN_CODES));
  const p = new Paper();
  p.put('常住人口登记卡', 500, 150, { size: 46, face: 'bold', align: 'center', spacing: 10 });
  p.qr(990, 70, 150, rng);
  p.put('扫码核验', 1065, 258, { size: 20, align: 'center' });
  p.put(`户号：${rng.int(100000000, 999999999)}`, 90, 230, { size: 22 });
  p.put(`第 ${rng.int(2, 6)} 页`, 620, 230, { size: 22 });
  const faces = { label: 'sans', value: 'sans', size: 23 } as const;
  const x0 = 80;
  const x1 = 860;
  const rows: Cell[][] = [
    [L('姓名', 0.2), V(who.name, 0.3), L('户主或与户主关系', 0.25), V(relation, 0.25)],
    [L('性别', 0.2), V(who.sex, 0.3), L('民族', 0.25), V(who.ethnicity, 0.25)],
    [L('出生日期', 0.2), V(fmtDate(who.birth, 'cn'), 0.3), L('出生地', 0.25), V('广东省深圳市', 0.25)],
    [L('公民身份号码', 0.2), V(who.id, 0.8)],
    [L('住址', 0.2), V(district.full, 0.8)],
    [L('籍贯', 0.2), V(rng.pick(['广东省梅州市', '湖南省衡阳市', '江西省赣州市', '广东省深圳市']), 0.3), L('宗教信仰', 0.25), V('', 0.25)],
    [L('文化程度', 0.2), V(rng.pick(EDU), 0.3), L('婚姻状况', 0.25), V(MARITAL(relation), 0.25)],
    [L('服务处所', 0.2), V('', 0.3), L('职业', 0.25), V('', 0.25)],
    [L('何时由何地迁来本市', 0.3), V(rng.chance(0.5) ? '' : `${fmtDate(dateBetween(rng, who.birth > '2010-01-01' ? who.birth : '2010-01-01', '2024-12-31'), 'dot')} 由湖南省衡阳市迁来`, 0.7)],
    [L('何时由何地迁来本址', 0.3), V('', 0.7)],
  ];
  const y = grid(p, x0, x1, 280, 96, rows, faces, 1.5);
  // The change column: narrow, with one or two dated entries printed in small type.
  p.box(880, 280, 280, y - 280, 1.5);
  p.put('登记事项变更', 1020, 320, { size: 22, face: 'bold', align: 'center' });
  p.put('和更正记载', 1020, 350, { size: 22, face: 'bold', align: 'center' });
  p.line(880, 370, 1160, 370, 1.5);
  const changes = rng.pick([['文化程度', '变更为大学本科'], ['婚姻状况', '变更为已婚'], ['服务处所', '变更登记']]);
  const when = dateBetween(rng, '2015-01-01', '2025-06-30');
  p.put(`项目：${changes[0]}`, 895, 410, { size: 20 });
  p.put(changes[1]!, 895, 440, { size: 20 });
  p.put(`${fmtDate(when, 'dot')}`, 895, 470, { size: 20 });
  p.seal(1020, 560, 70, '深圳市公安局', '变更专用章', rng);
  p.put(`登记日期：${fmtDate(dateBetween(rng, '2012-01-01', '2025-12-31'), 'cn')}`, 90, y + 60, { size: 22 });
  p.put(`${district.district.replace('区', '')}分局 ${district.street.replace('街道', '')}派出所`, 620, y + 60, { size: 22 });
  p.seal(760, y + 20, 115, `深圳市公安局${district.district.replace('区', '')}分局`, '户口专用章', rng);
  return { paper: p, layout: 'hukou-card-qr', fields: { name: who.name, relation, gender: who.sex, birthDate: who.birth, idNumber: who.id, ethnicity: who.ethnicity, address: district.full } };
}

/** Self-service print: the 户主页 cells, then the head's card below, on one sheet. */
function headPage(rng: Rng): Made {
  const addr = shenzhenAddress(rng);
  const { who } = member(rng, true, rng.pick(SHENZHEN_CODES));
  const p = new Paper();
  p.put('居 民 户 口 簿', 620, 120, { size: 44, face: 'serifBold', align: 'center' });
  const faces = { label: 'serif', value: 'sans', size: 24 } as const;
  let y = grid(p, 90, 1150, 170, 84, [
    [L('户别', 0.14), V('家庭户', 0.26), L('户主姓名', 0.2), V(who.name, 0.4)],
    [L('户号', 0.14), V(String(rng.int(100000000, 999999999)), 0.26), L('住址', 0.2), V(addr.full, 0.4)],
  ], faces);
  y = grid(p, 90, 1150, y, 190, [[L('承办人签章', 0.14), V('', 0.26), L('登记日期', 0.2), V(fmtDate(dateBetween(rng, '2006-01-01', '2025-12-31'), 'cn'), 0.4)]], faces);
  p.seal(380, y - 95, 86, `深圳市公安局${addr.district.replace('区', '')}分局`, '户口专用章', rng);
  p.line(90, y + 40, 1150, y + 40, 1, '#999999');
  p.put('常住人口登记卡', 620, y + 120, { size: 40, face: 'serifBold', align: 'center' });
  const ds = rng.pick(['cn', 'dot'] as const);
  y = grid(p, 90, 1150, y + 160, 88, [
    [L('姓名', 0.16), V(who.name, 0.34), L('户主或与户主关系', 0.22), V('户主', 0.28)],
    [L('性别', 0.16), V(who.sex, 0.34), L('民族', 0.22), V(who.ethnicity, 0.28)],
    [L('出生日期', 0.16), V(fmtDate(who.birth, ds), 0.34), L('出生地', 0.22), V(rng.pick(['广东省梅州市', '湖北省孝感市', '广东省深圳市']), 0.28)],
    [L('公民身份号码', 0.16), V(who.id, 0.84)],
    [L('服务处所', 0.16), V(employer(rng), 0.5), L('职业', 0.12), V('', 0.22)],
  ], faces);
  return { paper: p, layout: 'hukou-head-page', fields: { name: who.name, relation: '户主', gender: who.sex, birthDate: who.birth, idNumber: who.id, ethnicity: who.ethnicity, address: addr.full } };
}

export function drawHukou(rng: Rng): Made {
  const r = rng.next();
  return r < 0.45 ? provinceCard(rng) : r < 0.75 ? qrCard(rng) : headPage(rng);
}
