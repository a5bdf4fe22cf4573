// 户口簿 常住人口登记卡 and 结婚证 pages for the development set (layouts designed from the real
// documents' look, not from the tuning corpus).
import type { FieldValue } from '../../../domain/ocr/fields';
import type { Rng } from '../../../domain/seed/prng';
import { address, dateText, type DateStyle, employer, isoDate, type Person, person } from './people';
import { type FontKey, Sheet } from './sheet';

export interface Drawn {
  readonly sheet: Sheet;
  readonly fields: Record<string, FieldValue>;
  readonly layout: string;
}

export const gender = (p: Person): string => (p.male ? '男' : '女');
const LABEL_FONTS: FontKey[] = ['serif500', 'serif700', 'sans600', 'sans700'];
const VALUE_FONTS: FontKey[] = ['serif300', 'serif500', 'sans200', 'sans600'];

function relationFor(rng: Rng, p: Person): string {
  if (rng.chance(0.35)) return '户主';
  return p.male ? rng.pick(['夫', '长子', '次子', '子', '父', '孙子', '兄']) : rng.pick(['妻', '长女', '次女', '女', '母', '孙女', '儿媳']);
}

const BIRTHPLACES = ['湖南省长沙县', '广东省梅州市五华县', '江西省赣州市', '广西壮族自治区玉林市', '四川省南充市', '河南省周口市', '福建省福清市', '广东省深圳市', '湖北省荆州市', '广东省揭阳市'];

interface Cell {
  readonly label: string;
  readonly value: string;
  /** the field this cell carries, if any */
  readonly field?: string;
}

/** The card's rows: which exist and how they are labelled vary from card to card. */
function hukouRows(rng: Rng, p: Person, relation: string, addr: string, birthStyle: DateStyle): { rows: Cell[][]; fields: Record<string, FieldValue> } {
  const fields: Record<string, FieldValue> = {};
  const f = (field: string, label: string, value: string, truth: FieldValue = value): Cell => {
    fields[field] = truth;
    return { label, value, field };
  };
  const idLabel = rng.pick(['公民身份号码', '公民身份证件编号', '身份证件编号']);
  const relLabel = rng.pick(['户主或与户主关系', '与户主关系', '户主或与户主关系']);
  const rows: Cell[][] = [
    [f('name', '姓名', p.name), f('relation', relLabel, relation)],
    [{ label: '曾用名', value: rng.chance(0.2) ? p.name.slice(0, 1) + rng.pick(['小红', '亚明', '细妹', '建国']) : '' }, f('gender', '性别', gender(p))],
    [{ label: '出生地', value: rng.pick(BIRTHPLACES) }, f('ethnicity', '民族', p.ethnicity)],
    [{ label: '籍贯', value: rng.pick(BIRTHPLACES).replace(/县$|市$/, '') }, f('birthDate', '出生日期', dateText(p.birth, birthStyle), p.birth)],
  ];
  if (rng.chance(0.8)) rows.push([f('address', rng.pick(['住址', '现住址', '住址']), addr)]);
  else rows.push([{ label: '本市（县）其他住址', value: '' }]);
  rows.push([{ label: '宗教信仰', value: rng.chance(0.9) ? '' : '无' }, f('idNumber', idLabel, p.id)]);
  if (rng.chance(0.6)) rows.push([{ label: '身高', value: `${rng.int(150, 185)}` }, { label: '血型', value: rng.pick(['', 'A', 'B', 'O', 'AB']) }]);
  rows.push([{ label: '文化程度', value: rng.pick(['大学本科', '大学专科', '高中', '初中', '研究生']) }, { label: '婚姻状况', value: rng.pick(['已婚', '未婚', '已婚', '离婚']) }]);
  if (rng.chance(0.7)) rows.push([{ label: '兵役状况', value: rng.pick(['', '未服兵役', '退出现役']) }, { label: '服务处所', value: rng.chance(0.6) ? employer(rng) : '' }]);
  if (rng.chance(0.5)) rows.push([{ label: '职业', value: rng.pick(['职员', '工程师', '教师', '个体经营', '护士', '司机', '']) }]);
  if (rng.chance(0.6)) rows.push([{ label: '何时由何地迁来本市（县）', value: `${dateText(isoDate(rng, 2005, 2022), 'cnPad')} ${rng.pick(BIRTHPLACES)}` }]);
  // the name row stays first; the middle rows are sometimes shuffled (printing offices differ)
  if (rng.chance(0.3)) {
    const middle = rows.splice(1, 3);
    middle.reverse();
    rows.splice(1, 0, ...middle);
  }
  return { rows, fields };
}

export function drawHukou(rng: Rng): Drawn {
  const p = person(rng);
  const relation = relationFor(rng, p);
  const addr = address(rng);
  const birthStyle = rng.pick<DateStyle>(['cnPad', 'cn', 'cnPad', 'dot', 'compact']);
  const { rows, fields } = hukouRows(rng, p, relation, addr, birthStyle);
  fields.relation = relation;
  const layout = rng.int(0, 2);
  const body = rng.int(24, 30);
  const lf = rng.pick(LABEL_FONTS);
  const vf = rng.pick(VALUE_FONTS);
  const W = 1500;
  const rowH = Math.round(body * 2.3);
  const H = Math.round(220 + rows.length * rowH * (layout === 2 ? 1.35 : 1) + 200);
  const sheet = new Sheet(W, H, body, rng.pick(['#ffffff', '#fbfaf4', '#f7f9fb']));
  const title = rng.pick(['常住人口登记卡', '常 住 人 口 登 记 卡', '常住人口登记卡']);
  sheet.text(title.replaceAll(' ', ''), W / 2, 110, Math.round(body * 1.7), rng.pick(['serif800', 'sans800', 'serif700']), { align: 'center', spacing: title.includes(' ') ? body * 0.6 : 0 });
  const x0 = 80;
  const x1 = W - 80;
  let y = 170;
  if (layout === 0) {
    // fully ruled grid: label | value | label | value, single cells span
    const cols = [x0, x0 + 230, x0 + 700, x0 + 960, x1];
    sheet.rect(x0, y, x1 - x0, rows.length * rowH, 3);
    for (const row of rows) {
      const base = y + rowH * 0.66;
      if (row.length === 2) {
        for (const [k, c] of row.entries()) {
          const lx = cols[k * 2]!;
          const small = sheet.measure(c.label, body, lf) > cols[k * 2 + 1]! - lx - 16 ? body * 0.72 : body;
          sheet.text(c.label, lx + 10, base, Math.round(small), lf);
          sheet.text(c.value, cols[k * 2 + 1]! + 14, base, body, vf);
        }
        for (const cx of cols.slice(1, 4)) sheet.line(cx, y, cx, y + rowH, 1.5);
      } else {
        const c = row[0]!;
        const lw = Math.max(230, sheet.measure(c.label, body * 0.8, lf) + 24);
        sheet.text(c.label, x0 + 10, base, Math.round(lw > 230 ? body * 0.8 : body), lf);
        sheet.text(c.value, x0 + lw + 14, base, body, vf);
        sheet.line(x0 + lw, y, x0 + lw, y + rowH, 1.5);
      }
      y += rowH;
      sheet.line(x0, y, x1, y, 1.5);
    }
  } else if (layout === 1) {
    // unruled: "label：value" pairs in two columns
    const sep = rng.pick(['：', ':', '  ', '：']);
    for (const row of rows) {
      const base = y + rowH * 0.66;
      for (const [k, c] of row.entries()) {
        const x = k === 0 ? x0 : x0 + 700;
        const w = sheet.text(c.label + sep, x, base, body, lf);
        sheet.text(c.value, x + w + 6, base, body, vf);
      }
      y += rowH;
    }
  } else {
    // card style: small label in the top-left of each box, the value below it; horizontal rules only
    const rh = Math.round(rowH * 1.35);
    sheet.line(x0, y, x1, y, 3);
    for (const row of rows) {
      for (const [k, c] of row.entries()) {
        const x = k === 0 ? x0 : x0 + 700;
        sheet.text(c.label, x + 6, y + body * 0.85, Math.round(body * 0.7), lf, { color: '#333333' });
        sheet.text(c.value, x + 30, y + rh - body * 0.45, body, vf);
        if (k === 1) sheet.line(x - 20, y + 6, x - 20, y + rh - 6, 1);
      }
      y += rh;
      sheet.line(x0, y, x1, y, 1.5);
    }
  }
  y += body * 2;
  const regDate = isoDate(rng, 2008, 2024);
  sheet.text(`承办人签章：${rng.pick(['', '李', '陈', '王'])}`, x0, y, Math.round(body * 0.85), lf);
  sheet.text(`登记日期：${dateText(regDate, rng.pick<DateStyle>(['cnPad', 'cn']))}`, x1 - 20, y, Math.round(body * 0.85), lf, { align: 'right' });
  if (rng.chance(0.7)) sheet.stamp(rng, x1 - 260, y - body * 2, body * 3.4, `深圳市公安局${rng.pick(['南山', '福田', '龙岗', '宝安', '龙华'])}分局`, '户口专用章');
  return { sheet, fields, layout: `hukou-${['grid', 'pairs', 'boxes'][layout]}` };
}

function certNumber(rng: Rng, year: number): string {
  return `J${rng.pick(['440303', '440304', '440305', '440306', '440307', '440309', '430102', '441402'])}-${year}-${String(rng.int(1, 12000)).padStart(6, '0')}`;
}

export function drawMarriage(rng: Rng): Drawn {
  const layout = rng.int(0, 2);
  const old = layout === 1;
  const regIso = old ? isoDate(rng, 1996, 2003) : isoDate(rng, 2005, 2024);
  const regYear = Number(regIso.slice(0, 4));
  const man = person(rng, true, regYear - 45, regYear - 22);
  const woman = person(rng, false, regYear - 42, regYear - 20);
  // party order: the man first on most, the woman first on some
  const [p1, p2] = rng.chance(0.8) ? [man, woman] : [woman, man];
  const holder = rng.pick([p1, p2]);
  const cert = certNumber(rng, regYear);
  const body = rng.int(24, 30);
  const lf = rng.pick(LABEL_FONTS);
  const vf = rng.pick(VALUE_FONTS);
  const fields: Record<string, FieldValue> = {
    holder: holder.name,
    registrationDate: regIso,
    certificateNumber: cert,
    party1Name: p1.name,
    party1Gender: gender(p1),
    party1BirthDate: p1.birth,
    party1IdNumber: p1.id,
    party2Name: p2.name,
    party2Gender: gender(p2),
    party2BirthDate: p2.birth,
    party2IdNumber: p2.id,
  };
  const office = `深圳市${rng.pick(['南山区', '福田区', '罗湖区', '龙岗区', '宝安区'])}民政局`;
  const dStyle = rng.pick<DateStyle>(['cnPad', 'cn', 'cnPad']);
  if (layout === 0 || layout === 2) {
    // 2004+ inner spread: registration on the left, photo and both parties on the right
    const W = 1700;
    const H = 1100;
    const sheet = new Sheet(W, H, body, rng.pick(['#fff8f4', '#fdf3ee', '#ffffff']));
    // guilloche-like faint background lines
    for (let i = 0; i < 60; i++) sheet.line(0, i * 22 + rng.int(0, 8), W, i * 22 + rng.int(0, 30), 1, 'rgba(230,170,160,0.35)');
    sheet.line(W / 2, 20, W / 2, H - 20, 2, '#c89090');
    const sep = layout === 2 ? rng.pick(['：', ':']) : '';
    const gap = layout === 2 ? 8 : 40;
    const left = 90;
    let y = 200;
    const lv = (label: string, value: string, x: number, yy: number, size = body): number => {
      const w = sheet.text(label + sep, x, yy, size, lf);
      return w + gap + sheet.text(value, x + w + gap, yy, size, vf);
    };
    const leftRows: [string, string][] = [
      ['持证人', holder.name],
      ['登记日期', dateText(regIso, dStyle)],
      ['结婚证字号', cert],
      ['备注', ''],
    ];
    if (layout === 2 && rng.chance(0.5)) [leftRows[0], leftRows[2]] = [leftRows[2]!, leftRows[0]!];
    for (const [l, v] of leftRows) {
      lv(l, v, left, y);
      y += body * 3.2;
    }
    sheet.stamp(rng, left + 330, y + body * 1.5, body * 4, office, '婚姻登记专用章');
    sheet.text('登记机关', left, H - 120, Math.round(body * 0.8), lf);
    // right page: photo box then both parties
    const rx = W / 2 + 70;
    sheet.fill(rx + 120, 80, 520, 330, rng.pick(['#d9342b', '#cf2e2e', '#e03a30']));
    sheet.fill(rx + 230, 150, 110, 260, '#e9e4e0');
    sheet.fill(rx + 420, 150, 110, 260, '#f0ece8');
    let ry = 480;
    for (const p of [p1, p2]) {
      lv('姓名', p.name, rx, ry);
      lv('性别', gender(p), rx + 420, ry);
      ry += body * 1.9;
      lv('国籍', '中国', rx, ry);
      lv('出生日期', dateText(p.birth, dStyle), rx + 300, ry);
      ry += body * 1.9;
      lv('身份证件号', p.id, rx, ry);
      ry += body * 2.9;
    }
    return { sheet, fields, layout: layout === 0 ? 'marriage-2004' : 'marriage-2004-colon' };
  }
  // older design: portrait, a ruled table with the two parties side by side and the approval text
  const W = 1240;
  const H = 1500;
  const sheet = new Sheet(W, H, body, '#fffdf6');
  sheet.rect(40, 40, W - 80, H - 80, 6, '#a83a2a');
  sheet.text('结婚证', W / 2, 170, body * 2.4, 'serif800', { align: 'center', spacing: body, color: '#a02020' });
  const cHolder = `持证人：${holder.name}`;
  sheet.text(cHolder, 110, 260, body, lf);
  sheet.text(`字号：${cert}`, W - 110, 260, body, lf, { align: 'right' });
  const x0 = 110;
  const cols = [x0, x0 + 240, x0 + 620, W - 110];
  let y = 310;
  const rowH = Math.round(body * 2.4);
  const head = rng.chance(0.5) ? ['', '男方', '女方'] : ['', '一方', '另一方'];
  const rows: [string, string, string][] = [
    head as [string, string, string],
    ['姓名', p1.name, p2.name],
    ['性别', gender(p1), gender(p2)],
    ['出生日期', dateText(p1.birth, dStyle), dateText(p2.birth, dStyle)],
    ['身份证号', p1.id, p2.id],
    ['民族', p1.ethnicity, p2.ethnicity],
  ];
  if (head[1] === '男方' && p1 !== man) for (const r of rows.slice(1)) [r[1], r[2]] = [r[2], r[1]];
  if (head[1] === '男方' && p1 !== man) {
    // the table lists the man first: party 1 is whoever appears first on the page
    Object.assign(fields, {
      party1Name: man.name,
      party1Gender: '男',
      party1BirthDate: man.birth,
      party1IdNumber: man.id,
      party2Name: woman.name,
      party2Gender: '女',
      party2BirthDate: woman.birth,
      party2IdNumber: woman.id,
    });
  }
  for (const r of rows) {
    const base = y + rowH * 0.66;
    sheet.text(r[0], cols[0]! + 12, base, body, lf);
    sheet.text(r[1], cols[1]! + 12, base, body, vf);
    sheet.text(r[2], cols[2]! + 12, base, body, vf);
    sheet.line(cols[0]!, y, cols[3]!, y, 1.5);
    y += rowH;
  }
  sheet.line(cols[0]!, y, cols[3]!, y, 1.5);
  for (const cx of cols) sheet.line(cx, 310, cx, y, 1.5);
  y += body * 2.5;
  y = sheet.paragraph('申请结婚，经审查符合《中华人民共和国婚姻法》关于结婚的规定，准予登记，发给此证。', x0, y, W - 220, body, vf, body * 1.8, body * 2);
  y += body * 2;
  sheet.text(`发证机关：${office}`, W - 110, y, body, lf, { align: 'right' });
  y += body * 2;
  sheet.text(`登记日期：${dateText(regIso, rng.pick<DateStyle>(['hanzi', 'cn', 'cnPad']))}`, W - 110, y, body, lf, { align: 'right' });
  sheet.stamp(rng, W - 330, y - body * 2, body * 4, office, '婚姻登记专用章');
  return { sheet, fields, layout: 'marriage-old-table' };
}
