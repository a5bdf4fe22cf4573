// 收入 papers: a 收入证明 on company letterhead with the red seal over the amount or the date, a
// bank's 个人收入证明 form with labels above the values, and a bank app's 工资流水 screenshot.
import type { Rng } from '../../../domain/seed/prng';
import { capital, money, writeDate, type DateForm } from './forms';
import { colon, fit, handFace, INKS, statusBar, table, type Cell } from './kit';
import { type DpiFor, type Made, Paper, type TextStyle } from './paper';
import { addDays, dayBetween, employer, person } from './people';

const salary = (rng: Rng): number => rng.int(45, 420) * 100 + rng.pick([0, 0, 0, 50, 66.5, 12.3]);
const POSTS = ['软件工程师', '行政专员', '项目经理', '会计', '销售主管', '护士', '仓储主管', '技术员', '人力资源专员'];

/** A 收入证明 on the employer's letterhead; the seal lands on the amount or on the date. */
function letterhead(rng: Rng, dpi: DpiFor): Made {
  const who = person(rng, { from: 1968, to: 2001 });
  const firm = employer(rng);
  const monthly = salary(rng);
  const annual = Math.round(monthly * rng.pick([12, 13, 14]) * 100) / 100;
  const date = dayBetween(rng, '2024-01-01', '2026-11-30');
  const p = new Paper(210, 297, dpi(297));
  const brand = rng.pick(['#1f4e9a', '#0d7a5f', '#a2231d', '#333333']);
  p.rect(18, 14, 12, 12, { fill: brand, radius: 2 });
  p.text(firm, 34, 15, { size: firm.length > 16 ? 4.4 : 5.4, face: 'sans-x', color: brand });
  p.text(`地址${colon(rng)}${firm.includes('深圳') ? '深圳市' : ''}${rng.pick(['南山区科苑路', '福田区福华三路', '宝安区新湖路', '龙岗区龙翔大道'])}${rng.int(1, 399)}号  电话${colon(rng)}0755-${rng.int(20000000, 89999999)}`, 34, 23, { size: 2.8, face: 'sans', color: '#555' });
  p.line(18, 30, 192, 30, 0.7, brand);
  p.text('收 入 证 明', 105, 44, { size: 7.5, face: 'serif-x', align: 'center' });
  const body: TextStyle = { size: 4.2, face: 'serif', color: '#151515' };
  const form = rng.pick<DateForm>(['cn', 'cn0', 'han']);
  const since = writeDate(dayBetween(rng, '2008-01-01', addDays(date, -200)).slice(0, 7) + '-01', 'cn').replace(/1日$/, '');
  const c = colon(rng);
  const annualToo = rng.chance(0.6);
  const text =
    `兹证明${who.name}（身份证号${c}${who.id}）系我单位正式员工，自${since}起在我单位工作，现任${rng.pick(POSTS)}职务。` +
    `该员工月收入（税前）为人民币${money(monthly)}元（大写${c}${capital(monthly)}）` +
    (annualToo ? `，近一年收入合计人民币${money(annual)}元。` : '。');
  let y = p.para(`${rng.pick(['致：深圳市住房保障署', '致：有关单位', '致:XX街道办事处住房保障科'.replace('XX', rng.pick(['华富', '桃源', '新安']))])}`, 22, 58, 166, body, 1.9);
  y = p.para(text, 22, y + 3, 166, body, 2, 8.4);
  y = p.para('本证明仅用于证明该员工在我单位的收入情况，不作为我单位对该员工任何形式的担保。特此证明。', 22, y + 2, 166, body, 2, 8.4);
  const amountY = y;
  p.text(firm, 188, y + 24, { ...fitWidth(p, firm, 110, body), align: 'right' });
  p.text(`（盖章）`, 188, y + 33, { ...body, align: 'right' });
  p.text(writeDate(date, form), 188, y + 42, { ...body, align: 'right' });
  const onAmount = rng.chance(0.4);
  const sealY = onAmount ? amountY - 26 : y + 36;
  p.seal(onAmount ? rng.int(80, 140) : 162, sealY, 20, firm.length > 14 ? firm.slice(0, 14) : firm, rng.pick(['人事专用章', '', '财务专用章']));
  p.text(`经办人${c}${rng.pick(['刘', '何', '郭', '林'])}${rng.pick(['女士', '先生'])}  联系电话${c}${rng.int(13000000000, 18999999999)}`, 22, y + 60, { size: 3.2, face: 'sans', color: '#444' });
  return {
    paper: p,
    fields: { name: who.name, idNumber: who.id, employer: firm, monthlyIncome: monthly, ...(annualToo ? { annualIncome: annual } : {}), date },
    layout: 'letterhead',
  };
}

function fitWidth(p: Paper, str: string, maxW: number, style: TextStyle): TextStyle {
  const w = p.measure(str, style);
  return w <= maxW ? style : { ...style, size: (style.size * maxW) / w };
}

/** A bank's 个人收入证明 form: each cell a small printed label above a hand-written or typed value. */
function form(rng: Rng, dpi: DpiFor): Made {
  const who = person(rng, { from: 1968, to: 2001 });
  const firm = employer(rng);
  const monthly = salary(rng);
  const annual = Math.round(monthly * 12 * 100) / 100;
  const date = dayBetween(rng, '2024-01-01', '2026-11-30');
  const bank = rng.pick(['中国建设银行', '招商银行', '中国农业银行', '深圳农村商业银行']);
  const p = new Paper(210, 297, dpi(297));
  p.text(bank, 18, 14, { size: 4.2, face: 'sans-x', color: '#1a3d7a' });
  p.text('个人收入证明', 105, 28, { size: 7, face: 'sans-x', align: 'center' });
  p.text('（个人住房贷款/保障性住房申请专用）', 105, 38, { size: 3.4, face: 'sans', align: 'center', color: '#444' });
  const hand = rng.chance(0.6);
  const vs: TextStyle = hand ? { size: 5, face: handFace(rng), color: rng.pick(INKS) } : { size: 4.2, face: 'mono', color: '#111' };
  const ls: TextStyle = { size: 2.9, face: 'sans', color: '#444' };
  const cell = (above: string, text: string, span = 1): Cell => ({ above, text, style: vs, span });
  const dform = rng.pick<DateForm>(['cn', 'dot', 'dash']);
  const rows: Cell[][] = [
    [cell('姓名', who.name), cell('性别', who.sex), cell('公民身份号码', who.id, 2)],
    [cell('工作单位（全称）', firm, 4)],
    [cell('职务', rng.pick(POSTS)), cell('入职时间', writeDate(dayBetween(rng, '2005-01-01', addDays(date, -300)), dform)), cell('单位性质', rng.pick(['民营企业', '国有企业', '事业单位', '外资企业']), 2)],
    [cell('月均收入（税前，元）', money(monthly)), cell('年收入（税前，元）', money(annual)), cell('大写', capital(annual), 2)],
  ];
  let y = table(p, 18, 46, [36, 40, 44, 54], rows, ls, { minH: 16, labelStyle: ls, pad: 2 });
  y = p.para('本单位承诺以上信息真实有效，如有虚假，本单位愿承担相应的法律责任。', 20, y + 6, 170, { size: 3.6, face: 'sans' }, 1.8);
  p.text('单位人事部门负责人签字', 20, y + 10, ls);
  p.text('单位盖章', 120, y + 10, ls);
  p.text('日期', 120, y + 34, ls);
  p.text(writeDate(date, dform), 130, y + 33, vs);
  p.seal(150, y + 24, 18, firm.length > 14 ? firm.slice(0, 14) : firm, '');
  return {
    paper: p,
    fields: { name: who.name, idNumber: who.id, employer: firm, monthlyIncome: monthly, annualIncome: annual, date },
    layout: 'bank-form',
  };
}

/** A banking app's 收支明细 screenshot filtered to 代发工资: rounded cards under a status bar. */
function payroll(rng: Rng, dpi: DpiFor): Made {
  const who = person(rng, { from: 1970, to: 2001 });
  const firm = employer(rng);
  const monthly = salary(rng);
  const months = rng.int(5, 7);
  const last = dayBetween(rng, '2024-06-01', '2026-11-20');
  const p = new Paper(76, 164, dpi(164), '#f2f3f5');
  const accent = rng.pick(['#c7000b', '#1769d1', '#0b8a5b', '#d4380d']);
  p.rect(0, 0, 76, 26, { fill: accent });
  statusBar(p, rng, true, 76);
  p.text('收支明细', 38, 10, { size: 4, face: 'smiley', color: '#fff', align: 'center' });
  p.text(`户名${rng.pick(['：', ' '])}${who.name}`, 6, 18, { size: 3, face: 'sans', color: '#fff' });
  p.text(`筛选：代发工资`, 70, 18, { size: 2.6, face: 'sans', color: '#fff', align: 'right' });
  p.rect(4, 29, 68, 17, { fill: '#ffffff', radius: 3 });
  p.text('近期工资收入（元）', 8, 31.5, { size: 2.6, face: 'sans', color: '#666' });
  p.text(money(monthly), 8, 36.5, { size: 5.5, face: 'smiley', color: '#111' });
  p.text('月均', 68, 38.5, { size: 2.6, face: 'sans', color: '#999', align: 'right' });
  const full = fit(p, firm, 48, { size: 2.4, face: 'sans' }).size >= 1.9;
  let y = 50;
  for (let i = 0; i < months; i++) {
    const [yy, mm] = last.split('-').map(Number) as [number, number];
    const total = yy * 12 + (mm - 1) - i;
    const when = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${last.slice(8)}`;
    p.rect(4, y, 68, 14, { fill: '#ffffff', radius: 2.5 });
    p.text('代发工资', 8, y + 2, { size: 3, face: 'sans', color: '#222' });
    p.text(`+${money(monthly)}`, 68, y + 2, { size: 3.2, face: 'smiley', color: '#e0282e', align: 'right' });
    const small: TextStyle = { size: 2.4, face: 'sans', color: '#888' };
    const payer = full ? firm : `${firm.slice(0, 13)}…`;
    p.text(payer, 8, y + 7.6, fit(p, payer, 48, small));
    p.text(when.slice(5), 68, y + 7.6, { size: 2.4, face: 'sans', color: '#888', align: 'right' });
    y += 15.5;
  }
  return {
    paper: p,
    fields: { name: who.name, ...(full ? { employer: firm } : {}), monthlyIncome: monthly },
    layout: 'app-payroll',
  };
}

export function drawIncome(rng: Rng, dpi: DpiFor): Made {
  const r = rng.next();
  return r < 0.4 ? letterhead(rng, dpi) : r < 0.72 ? form(rng, dpi) : payroll(rng, dpi);
}
