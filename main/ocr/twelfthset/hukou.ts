// 户口 pages: the 常住人口登记卡 with hand-written fill-ins in printed boxes, the open 户口簿 (户主页
// beside a laser-printed card), and a 派出所 户籍证明 letter with the person in sentences.
import type { Rng } from '../../../domain/seed/prng';
import { writeDate, type DateForm } from './forms';
import { colon, fit, guilloche, handFace, INKS, table, type Cell } from './kit';
import { type DpiFor, type Made, Paper, type TextStyle } from './paper';
import { address, dayBetween, employer, person, type Person, surnameOf } from './people';

const STATIONS = ['南山', '福田', '罗湖', '宝安', '龙岗', '龙华'];
const NATIVE = ['广东省深圳市', '湖南省衡阳市', '广东省梅州市', '江西省赣州市', '四川省南充市', '湖北省武汉市', '广西壮族自治区南宁市', '河南省南阳市'];

interface Household {
  readonly head: Person;
  readonly subject: Person;
  readonly relation: string;
  readonly address: string;
  readonly issued: string;
}

function household(rng: Rng): Household {
  const head = person(rng, { from: 1955, to: 1992 });
  const r = rng.next();
  const headYear = Number(head.birth.slice(0, 4));
  if (r < 0.45) return { head, subject: head, relation: '户主', address: address(rng), issued: dayBetween(rng, '2012-01-01', '2026-11-30') };
  if (r < 0.7) {
    const spouse = person(rng, { sex: head.sex === '男' ? '女' : '男', from: headYear - 4, to: headYear + 4 });
    return { head, subject: spouse, relation: spouse.sex === '女' ? '妻' : '夫', address: address(rng), issued: dayBetween(rng, '2012-01-01', '2026-11-30') };
  }
  const child = person(rng, { from: Math.min(headYear + 22, 2020), to: Math.min(headYear + 34, 2024) });
  const rank = rng.pick(['长', '长', '次']);
  const relation = `${rank}${child.sex === '男' ? '子' : '女'}`;
  const given = [...child.name.slice(surnameOf(child.name).length)];
  const named = child.name.includes('·') || head.name.includes('·') ? child : { ...child, name: surnameOf(head.name) + given.join('') };
  return { head, subject: named, relation, address: address(rng), issued: dayBetween(rng, '2012-01-01', '2026-11-30') };
}

const fieldsOf = (h: Household, withAddress: boolean) => ({
  name: h.subject.name,
  relation: h.relation,
  gender: h.subject.sex,
  birthDate: h.subject.birth,
  idNumber: h.subject.id,
  ethnicity: h.subject.ethnicity,
  ...(withAddress ? { address: h.address } : {}),
});

/** The 常住人口登记卡 with printed labels and hand-written values. */
function regCard(rng: Rng, dpi: DpiFor): Made {
  const h = household(rng);
  const s = h.subject;
  const p = new Paper(150, 110, dpi(150), '#f6f2e6');
  guilloche(p, rng, 'rgba(120,170,140,0.18)', 4, 4, 142, 102);
  const label: TextStyle = { size: 2.6, face: 'serif', color: '#3b3b3b' };
  const hand = handFace(rng);
  const ink = rng.pick(INKS);
  const v = (t: string, size = 4): Cell => ({ text: t, style: { size, face: hand, color: ink } });
  const l = (t: string): Cell => ({ text: t, style: label, align: 'center' });
  p.text('常住人口登记卡', 75, 6, { size: 6, face: 'serif-x', align: 'center', spacing: 1.2, color: '#2a2a2a' });
  const born = writeDate(s.birth, rng.pick<DateForm>(['cn', 'dot', 'cn0']));
  const cols = [26, 50, 24, 34];
  const rows: Cell[][] = [
    [l('姓名'), v(s.name), l('户主或与户主关系'), v(h.relation)],
    [l('曾用名'), v(''), l('性别'), v(s.sex)],
    [l('出生地'), v(rng.pick(NATIVE), 3.2), l('民族'), v(s.ethnicity)],
    [l('籍贯'), v(rng.pick(NATIVE), 3.2), l('出生日期'), v(born, 3.6)],
    [l('公民身份证件编号'), v(s.id, 3.6), l('血型'), v(rng.pick(['A', 'B', 'O', 'AB', '']), 3.6)],
    [l('服务处所'), { ...v(employer(rng), 3), span: 2 }, { text: `职业 ${rng.pick(['职员', '工程师', '个体', '教师', '无'])}`, style: { size: 3.2, face: hand, color: ink } }],
    [l('何时由何地迁来本市'), { ...v(`${writeDate(dayBetween(rng, '2000-01-01', h.issued), 'cn')} ${rng.pick(NATIVE)}`, 3), span: 3 }],
  ];
  const bottom = table(p, 8, 15, cols, rows, label, { minH: 10, line: '#4a6a55' });
  const at = Math.min(bottom + 4, 96);
  p.text(`承办人签章${rng.pick(['', '：'])}`, 10, at, label);
  p.text(`登记日期${rng.pick(['', '：', ' '])}`, 80, at, label);
  p.text(writeDate(h.issued, 'cn'), 80 + p.measure('登记日期：', label) + 1, at - 0.6, { size: 3.6, face: hand, color: ink });
  p.seal(122, Math.min(at + 1, 96), 10, `深圳市公安局${rng.pick(STATIONS)}分局`, '户口专用章');
  return { paper: p, fields: fieldsOf(h, false), layout: 'reg-card' };
}

/** The open booklet: 户主页 on the left, the subject's laser-printed card on the right. */
function spread(rng: Rng, dpi: DpiFor): Made {
  const h = household(rng);
  const s = h.subject;
  const p = new Paper(214, 150, dpi(214), '#eef3ee');
  guilloche(p, rng, 'rgba(90,150,120,0.16)', 4, 4, 206, 142);
  const { ctx, k } = p;
  const grad = ctx.createLinearGradient(100 * k, 0, 114 * k, 0);
  grad.addColorStop(0, 'rgba(0,0,0,0)');
  grad.addColorStop(0.5, 'rgba(0,0,0,0.16)');
  grad.addColorStop(1, 'rgba(0,0,0,0)');
  ctx.fillStyle = grad;
  ctx.fillRect(100 * k, 0, 14 * k, p.height);
  const label: TextStyle = { size: 2.8, face: 'serif', color: '#333' };
  const val: TextStyle = { size: 3.3, face: 'mono', color: '#111' };
  const c = colon(rng);
  p.text('户口簿', 53, 8, { size: 5.5, face: 'serif-x', align: 'center', spacing: 2 });
  p.text('户主页', 53, 16, { size: 3.6, face: 'serif', align: 'center' });
  const lb = (t: string): Cell => ({ text: t, style: label, align: 'center' });
  const vb = (t: string, span = 1): Cell => ({ text: t, style: val, span });
  table(
    p,
    8,
    24,
    [20, 26, 18, 28],
    [
      [lb('户别'), vb(rng.pick(['家庭户', '家庭户', '集体户'])), lb('户主姓名'), vb(h.head.name)],
      [lb('户号'), vb(String(rng.int(100000000, 999999999)), 3)],
      [{ text: `住址${c}`, style: label }, vb(h.address, 3)],
    ],
    label,
    { minH: 11, line: '#56705f' },
  );
  p.text('承办人签章', 10, 92, label);
  p.text(`签发日期${c}${writeDate(h.issued, 'cn0')}`, 10, 110, label);
  p.seal(70, 100, 12, `深圳市公安局${rng.pick(STATIONS)}分局`, '户口专用章');
  // right: the card
  const x0 = 118;
  p.block = 1;
  p.text('常住人口登记卡', x0 + 44, 8, { size: 4.6, face: 'serif-x', align: 'center', spacing: 1 });
  const rows: Cell[][] = [
    [lb('姓名'), vb(s.name), lb('户主或与户主关系'), vb(h.relation)],
    [lb('性别'), vb(s.sex), lb('民族'), vb(s.ethnicity)],
    [lb('出生日期'), vb(writeDate(s.birth, rng.pick<DateForm>(['cn0', 'iso', 'cn']))), lb('血型'), vb('')],
    [lb('出生地'), vb(rng.pick(NATIVE), 3)],
    [lb('公民身份号码'), vb(s.id, 3)],
    [lb('文化程度'), vb(rng.pick(['大学本科', '大专', '高中', '初中', '研究生'])), lb('婚姻状况'), vb(h.relation === '户主' ? rng.pick(['已婚', '未婚']) : h.relation.length === 1 ? '已婚' : '未婚')],
    [lb('服务处所'), vb(employer(rng), 3)],
  ];
  table(p, x0, 16, [18, 26, 22, 22], rows.map((r) => r.map((cell) => (cell.style === val ? { ...cell, style: fitCell(p, cell, val) } : cell))), label, { minH: 10, line: '#56705f' });
  p.text(`登记日期${c}${writeDate(h.issued, 'dot')}`, x0 + 2, 128, label);
  return { paper: p, fields: fieldsOf(h, true), layout: 'booklet-spread' };
}

/** A one-column value cell's style, shrunk so a long value (a date, an ethnicity) stays on one line. */
function fitCell(p: Paper, cell: Cell, style: TextStyle): TextStyle {
  return (cell.span ?? 1) === 1 ? fit(p, cell.text, 22 - 3.2, style) : style;
}

/** The 派出所 户籍证明: the person written out in sentences. */
function letter(rng: Rng, dpi: DpiFor): Made {
  const h = household(rng);
  const s = h.subject;
  const p = new Paper(210, 297, dpi(297));
  const station = rng.pick(STATIONS);
  const body: TextStyle = { size: 4.4, face: rng.pick(['serif', 'sans']), color: '#141414' };
  p.text(`编号${rng.pick(['：', ':', ' No.'])}${rng.int(2024, 2026)}${String(rng.int(1, 99999)).padStart(6, '0')}`, 188, 18, { size: 3, face: 'serif', align: 'right' });
  p.text('户 籍 证 明', 105, 32, { size: 8, face: 'serif-x', align: 'center' });
  const born = writeDate(s.birth, rng.pick<DateForm>(['cn', 'cn0', 'dot']));
  const rel = h.relation === '户主' ? '系该户户主' : `系户主${h.head.name}之${h.relation}`;
  const c = colon(rng);
  const text = rng.chance(0.5)
    ? `兹证明${s.name}，${s.sex}，${s.ethnicity}，${born}出生，公民身份号码${c}${s.id}，户籍地址${c}${h.address}，${rel}。`
    : `经查，${s.name}（性别${c}${s.sex}，民族${c}${s.ethnicity}，出生日期${c}${born}，身份证号${c}${s.id}）户口登记在我所辖区，住址为${h.address}，${rel}。`;
  let y = p.para(text, 22, 52, 166, body, 1.9, 8.8);
  y = p.para('特此证明。', 22, y + 2, 166, body, 1.9, 8.8);
  p.para('（本证明仅用于办理住房保障相关业务，自开具之日起三个月内有效）', 22, y + 4, 166, { ...body, size: 3.4 }, 1.7);
  const issued = writeDate(h.issued, rng.pick<DateForm>(['han', 'cn']));
  p.text(`深圳市公安局${station}分局`, 186, 150, { ...body, align: 'right' });
  p.text(`${rng.pick(['桃源', '华富', '东门', '新安', '布吉', '民治'])}派出所`, 186, 158, { ...body, align: 'right' });
  p.text(issued, 186, 166, { ...body, align: 'right' });
  p.seal(160, 160, 19, `深圳市公安局${station}分局`, '户籍专用章');
  p.text(`经办人${c}${['李', '王', '陈', '黄'][rng.int(0, 3)]}警官    联系电话${c}0755-${rng.int(20000000, 89999999)}`, 22, 190, { size: 3.2, face: 'serif' });
  return { paper: p, fields: fieldsOf(h, true), layout: 'police-letter' };
}

export function drawHukou(rng: Rng, dpi: DpiFor): Made {
  const r = rng.next();
  return r < 0.36 ? regCard(rng, dpi) : r < 0.68 ? spread(rng, dpi) : letter(rng, dpi);
}
