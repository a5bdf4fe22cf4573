// 收入 pages: (a) a 事业单位 收入证明 on letterhead, amounts in 大写 with the digits in brackets;
// (b) a 街道办 收入情况证明 for a 灵活就业 resident, a bordered table and a 核实意见;
// (c) a 月度明细 proof: twelve months in two side-by-side tables, a 合计 and a 月平均.
import type { Rng } from '../../../domain/seed/prng';
import type { Face } from './fonts';
import { made, Paper, type Made } from './paper';
import { COMPANIES, person, PUBLIC_EMPLOYERS, STREET_OFFICES } from './people';
import { RED, seal } from './seal';
import { capitals, dateBetween, grouped, money, plain, writeDate, type DateStyle } from './wording';

const yuan = (rng: Rng, v: number) => (rng.chance(0.5) ? grouped(v) : plain(v));

/** 事业单位 letter: 在编 staff, average monthly and annual income in capitals and digits. */
function publicBody(rng: Rng): Made {
  const p = person(rng, rng.chance(0.5) ? '男' : '女', ['1965-01-01', '1999-12-31']);
  const employer = rng.pick(PUBLIC_EMPLOYERS);
  const face: Face = rng.pick(['pxzs', 'jxzk', 'dyh']);
  const paper = new Paper(210, 297, face, '#ffffff', 200);
  const monthly = money(rng, 7000, 32000, rng.pick([100, 10, 0.01]));
  const annual = Math.round((monthly * 12 + money(rng, 0, 40000, 100)) * 100) / 100;
  const issued = dateBetween(rng, '2025-10-01', '2026-11-30');
  paper.text(105, 24, employer, { size: 6.5, face: rng.pick(['pxzs', 'qingke']), bold: true, align: 'center', color: '#b3201f', spacing: 0.8 });
  paper.line(20, 30, 190, 30, 0.8, '#b3201f');
  paper.line(20, 31.5, 190, 31.5, 0.25, '#b3201f');
  paper.text(105, 50, '收 入 证 明', { size: 7.5, bold: true, align: 'center' });
  paper.text(25, 66, '致：深圳市住房和建设局（住房保障部门）', { size: 4.2 });
  const both = rng.chance(0.7);
  const text =
    `　　兹证明${p.name}同志（公民身份号码：${p.id}）系我单位在编在岗工作人员，自${rng.int(2003, 2022)}年起在我单位${rng.pick(['工作', '任职', '从事专业技术工作'])}。` +
    `该同志近十二个月平均月收入为人民币${capitals(monthly)}（¥${yuan(rng, monthly)}）` +
    (both ? `，上一年度收入合计人民币${capitals(annual)}（¥${yuan(rng, annual)}），` : '，') +
    '含基本工资、绩效工资及各项津贴补贴，已依法代扣代缴个人所得税。';
  let y = paper.paragraph(25, 80, 160, text, { size: 4.4 }, 2);
  y = paper.paragraph(25, y + 2, 160, '　　本证明仅用于申请保障性住房，我单位对以上内容的真实性负责。', { size: 4.4 }, 2);
  paper.text(25, y + 14, `经办人：${rng.pick(['人事科', '组织人事处', '办公室'])}  联系电话：0755-${rng.int(2000, 8999)}${rng.int(1000, 9999)}`, { size: 3.6 });
  paper.text(180, y + 44, `${employer}（盖章）`, { size: 4.2, align: 'right' });
  const style: DateStyle = rng.pick(['cn', 'han', 'cn0']);
  paper.text(180, y + 54, writeDate(issued, style), { size: 4.2, align: 'right' });
  seal(paper.ctx, 150 * paper.k, (y + 42) * paper.k, 20 * paper.k, employer, RED, '人事专用章', rng.next() - 0.5);
  const fields: Record<string, string | number> = { name: p.name, idNumber: p.id, employer, monthlyIncome: monthly, date: issued };
  if (both) fields.annualIncome = annual;
  return made(paper, fields, 'public-body-letter');
}

/** 街道办 proof for a 灵活就业 resident: table of facts, then the office's finding. */
function streetOffice(rng: Rng): Made {
  const p = person(rng, rng.chance(0.5) ? '男' : '女', ['1962-01-01', '2000-12-31']);
  const office = rng.pick(STREET_OFFICES);
  const face: Face = rng.pick(['pxzs', 'dyh', 'maple']);
  const paper = new Paper(210, 297, face, '#fffffb', 200);
  const monthly = money(rng, 2600, 9000, rng.pick([100, 50, 1]));
  const annual = monthly * 12;
  const issued = dateBetween(rng, '2025-08-01', '2026-11-30');
  const job = rng.pick(['个体经营（小商品零售）', '网约车司机', '家政服务', '外卖配送', '自由职业（设计）', '社区保洁']);
  paper.text(105, 30, '灵活就业人员收入情况证明', { size: 7, bold: true, align: 'center', face: rng.pick(['pxzs', 'kuaile']) });
  paper.text(185, 42, `编号：${rng.pick(['园', '东', '粤', '民', '西', '坂'])}街收证[${issued.slice(0, 4)}]${rng.int(100, 999)}号`, { size: 3.2, align: 'right' });
  const rows: [string, string][] = [
    ['姓名', p.name],
    ['性别', p.sex],
    ['身份证号码', p.id],
    ['从业情况', job],
    ['月均收入（元）', rng.chance(0.5) ? grouped(monthly, 0) : plain(monthly, 0)],
    ['年收入（元）', grouped(annual)],
  ];
  const showAnnual = rng.chance(0.6);
  let y = 50;
  const shown = showAnnual ? rows : rows.slice(0, 5);
  paper.box(25, y, 160, shown.length * 12, 0.4);
  paper.line(70, y, 70, y + shown.length * 12, 0.3);
  shown.forEach(([label, value], i) => {
    if (i > 0) paper.line(25, y + i * 12, 185, y + i * 12, 0.25);
    paper.text(47.5, y + i * 12 + 8, label, { size: 4, align: 'center', bold: true });
    paper.text(76, y + i * 12 + 8.2, value, { size: 4.4 });
  });
  y += shown.length * 12 + 14;
  paper.text(25, y, '核实意见：', { size: 4.4, bold: true });
  y = paper.paragraph(25, y + 10, 160, `　　经${office.replace(/^深圳市..区/, '')}${rng.pick(['社区工作站', '社区居委会'])}入户走访及本人书面承诺，${p.name}现从事${job.replace(/（.*）/, '')}，月均收入约人民币${capitals(monthly)}，情况属实。`, { size: 4.3 }, 2);
  paper.text(25, y + 6, '本人承诺：以上情况真实，如有虚假愿承担相应责任。', { size: 3.8 });
  paper.text(25, y + 18, '本人签名：', { size: 3.8 });
  paper.text(46, y + 18, p.name, { size: 5, face: 'jxzk', color: '#23306a' });
  paper.text(180, y + 44, office, { size: 4.2, align: 'right' });
  paper.text(180, y + 54, writeDate(issued, rng.pick(['cn', 'iso', 'han'])), { size: 4.2, align: 'right' });
  seal(paper.ctx, 152 * paper.k, (y + 44) * paper.k, 20 * paper.k, office, RED, '', rng.next() - 0.5);
  const fields: Record<string, string | number> = { name: p.name, idNumber: p.id, monthlyIncome: monthly, date: issued };
  if (showAnnual) fields.annualIncome = annual;
  return made(paper, fields, 'street-office-flexible');
}

/** A company's twelve-month proof: two side-by-side month tables, 合计 and 月平均. */
function monthly(rng: Rng): Made {
  const p = person(rng, rng.chance(0.5) ? '男' : '女', ['1968-01-01', '2001-12-31']);
  const employer = rng.pick(COMPANIES);
  const face: Face = rng.pick(['dyh', 'maple', 'jxzk']);
  const paper = new Paper(210, 297, face, '#ffffff', 200);
  const issued = dateBetween(rng, '2026-01-05', '2026-11-30');
  const base = money(rng, 5000, 22000, 100);
  const months = Array.from({ length: 12 }, () => Math.round((base + money(rng, -600, 1500, 0.01)) * 100) / 100);
  const total = Math.round(months.reduce((a, b) => a + b, 0) * 100) / 100;
  const avg = Math.round((total / 12) * 100) / 100;
  const [y0, m0] = [Number(issued.slice(0, 4)) - 1, Number(issued.slice(5, 7))];
  paper.text(105, 28, '员工收入证明（近十二个月）', { size: 6.5, bold: true, align: 'center' });
  paper.text(25, 44, `姓名：${p.name}`, { size: 4.2 });
  paper.text(95, 44, `身份证号：${p.id}`, { size: 4.2 });
  paper.text(25, 53, `工作单位：${employer}`, { size: 4.2 });
  const table = (x: number, from: number) => {
    paper.fill(x, 60, 78, 8, '#e9edf2');
    paper.text(x + 3, 65.8, '月份', { size: 3.6, bold: true });
    paper.text(x + 75, 65.8, '税前收入(元)', { size: 3.6, bold: true, align: 'right' });
    for (let i = 0; i < 6; i++) {
      const n = from + i;
      const mm = ((m0 - 1 + n) % 12) + 1;
      const yy = y0 + Math.floor((m0 - 1 + n) / 12);
      paper.text(x + 3, 75 + i * 8, `${yy}年${String(mm).padStart(2, '0')}月`, { size: 3.6 });
      paper.text(x + 75, 75 + i * 8, grouped(months[n]!), { size: 3.6, align: 'right', face: 'maple' });
      paper.line(x, 77.5 + i * 8, x + 78, 77.5 + i * 8, 0.15, '#999');
    }
    paper.box(x, 60, 78, 57.5, 0.3);
  };
  table(25, 0);
  table(107, 6);
  paper.text(25, 130, `合计：人民币${capitals(total)}（¥${grouped(total)}）`, { size: 4.2 });
  paper.text(25, 140, `月平均：¥${grouped(avg)}`, { size: 4.2 });
  paper.paragraph(25, 156, 160, '　　以上收入为税前应发数，由本公司通过银行代发。特此证明。', { size: 4.2 }, 2);
  paper.text(180, 200, employer, { size: 4.2, align: 'right' });
  paper.text(180, 209, `开具日期：${writeDate(issued, rng.pick(['dot', 'iso', 'cn']))}`, { size: 4, align: 'right' });
  seal(paper.ctx, 152 * paper.k, 198 * paper.k, 20 * paper.k, employer, RED, '', rng.next() - 0.5);
  return made(paper, { name: p.name, idNumber: p.id, employer, monthlyIncome: avg, annualIncome: total, date: issued }, 'company-monthly-two-tables');
}

export const drawIncome = (rng: Rng): Made => {
  const r = rng.next();
  return r < 0.4 ? publicBody(rng) : r < 0.7 ? streetOffice(rng) : monthly(rng);
};
