// Income pages: a 收入证明 letter with the income in one of several wordings (税前月收入, 月平均工资,
// 全年收入合计 …) and in capital numerals beside the figures, the seal over the amount or the foot;
// a 个人收入证明 form in a ruled table; and a 工资收入证明 listing twelve months with the year's total
// and the monthly average under it. The issuing date is at the bottom of every page.
import type { Rng } from '../../../domain/seed/prng';
import { capital, dateBetween, money, writeDate } from './forms';
import { A4, bodyFace, dateStyle, foot, sheet } from './kit';
import type { DpiFor, Made, TextStyle } from './paper';
import { employer, person } from './people';

const POSTS = ['行政专员', '软件工程师', '仓储主管', '护士', '财务会计', '销售经理', '质检员', '教师', '司机', '厨师', '项目经理', '客服专员'];
const MONTHLY = ['税前月收入', '月平均工资', '每月应发工资', '月均收入（含奖金、津贴）', '月工资收入'];
const ANNUAL = ['全年收入合计', '年收入', '近十二个月收入总额', '上一年度税前收入'];

const cents = (rng: Rng, v: number) => (rng.chance(0.5) ? Math.round(v / 100) * 100 : Math.round(v * 100) / 100);

/** The letter: who, since when, what post, then the income sentence(s); the seal may sit over the amount. */
function letter(rng: Rng, dpi: DpiFor): Made {
  const who = person(rng, { from: '1965-01-01', to: '2002-06-30' });
  const firm = employer(rng);
  const p = sheet(...A4, dpi);
  const s: TextStyle = { size: rng.pick([4.2, 4.6, 5]), face: bodyFace(rng) };
  p.text(firm, 105, 16, { size: 5, face: rng.pick(['xiaowei', 'hei-b', 'serif']), align: 'center', color: '#8a1c1c' });
  p.line(20, 25, 190, 25, 0.6, '#8a1c1c');
  p.text(rng.pick(['收入证明', '收 入 证 明', '工资收入证明']), 105, 40, { size: 7.5, face: 'serif', align: 'center' });
  const monthly = cents(rng, rng.int(4500, 38000) + rng.next());
  const both = rng.chance(0.5);
  const annual = Math.round(monthly * 12 * 100) / 100;
  const fig = (v: number) => (rng.chance(0.7) ? money(v) : money(v, false));
  const mw = rng.pick(MONTHLY);
  const since = rng.int(2008, 2024);
  let y = p.para(rng.pick(['兹证明：', '致：深圳市住房保障部门', '证明单位：本公司']), 22, 54, 166, s);
  const intro = `${who.name}，身份证号码：${who.idNumber}，自${since}年${rng.int(1, 12)}月起在我单位工作，现任${rng.pick(POSTS)}一职，劳动合同期限至${rng.int(2026, 2030)}年。`;
  y = p.para(intro, 22, y + 2, 166, s, 1.8, s.size * 2);
  const amountY = y + 2;
  const month = `该员工${mw}为人民币${fig(monthly)}元（大写：人民币${capital(monthly)}）${both ? '，' : '。'}`;
  const year = both ? `${rng.pick(ANNUAL)}为人民币${fig(annual)}元（大写：${capital(annual)}）。` : '';
  y = p.para(month + year, 22, amountY, 166, s, 1.8, s.size * 2);
  y = p.para('本证明仅用于其申请住房保障，我单位对证明内容的真实性负责。', 22, y + 2, 166, s, 1.8, s.size * 2);
  y = p.para(`单位联系人：${rng.pick(['人事部', '人力资源部', '行政部'])}  电话：0755-${rng.int(2000, 8999)}${rng.int(1000, 9999)}`, 22, y + 6, 166, { ...s, size: s.size * 0.85 });
  const issued = dateBetween(rng, '2025-01-01', '2026-11-28');
  const overAmount = rng.chance(0.45);
  foot(p, rng, firm, issued, dateStyle(rng, 0.3), 188, y + 14, s, overAmount ? '' : firm);
  if (overAmount) p.seal(rng.int(90, 150), amountY + s.size, 20, firm, '人事专用章');
  const fields = { name: who.name, idNumber: who.idNumber, employer: firm, monthlyIncome: monthly, ...(both ? { annualIncome: annual } : {}), date: issued };
  return { paper: p, fields, layout: overAmount ? 'letter-seal-over' : 'letter' };
}

/** The form: a two-column ruled table of label and value, the amounts with their capitals. */
function formTable(rng: Rng, dpi: DpiFor): Made {
  const who = person(rng, { from: '1965-01-01', to: '2002-06-30' });
  const firm = employer(rng);
  const p = sheet(...A4, dpi);
  const ls: TextStyle = { size: 3.6, face: rng.pick(['hei-b', 'serif', 'maoken']), align: 'center' };
  const vs: TextStyle = { size: 3.7, face: rng.pick(['song', 'hei', 'kai']) };
  p.text('个人收入证明', 105, 28, { size: 7, face: 'serif', align: 'center', spacing: 2 });
  const monthly = cents(rng, rng.int(5000, 42000) + rng.next());
  const annual = Math.round((monthly * 12 + (rng.chance(0.5) ? rng.int(2, 40) * 1000 : 0)) * 100) / 100;
  const keepMonthly = rng.chance(0.8);
  const rows: [string, string][] = [
    ['姓名', who.name],
    ['性别', who.sex],
    ['身份证号码', who.idNumber],
    ['工作单位', firm],
    ['职务', rng.pick(POSTS)],
    ['入职时间', writeDate(dateBetween(rng, '2006-01-01', '2024-06-30'), 'cn')],
    [rng.pick(['月平均工资（税前）', '税前月收入', '月收入']), keepMonthly ? `${money(monthly)}元` : ''],
    ['', keepMonthly ? `大写：${capital(monthly)}` : ''],
    [rng.pick(['全年收入合计', '年度总收入（税前）']), `${money(annual)}元`],
    ['', `大写：人民币${capital(annual)}`],
  ];
  const xs = [22, 70, 188];
  const top = 42;
  const rh = 11;
  p.grid(xs, rows.map((_, i) => top + i * rh).concat(top + rows.length * rh));
  rows.forEach(([l, v], i) => {
    if (l) p.cell(l, xs[0]!, xs[1]!, top + i * rh, top + (i + 1) * rh, ls);
    if (v) p.cell(v, xs[1]!, xs[2]!, top + i * rh, top + (i + 1) * rh, vs);
  });
  let y = top + rows.length * rh + 10;
  const s: TextStyle = { size: 4, face: 'song' };
  y = p.para('兹证明以上情况属实。如有虚假，本单位愿承担相应法律责任。', 22, y, 166, s, 1.8, 8);
  const issued = dateBetween(rng, '2025-01-01', '2026-11-28');
  p.text('经办人（签字）：', 22, y + 14, s);
  foot(p, rng, `${firm}（盖章）`, issued, dateStyle(rng, 0.35), 188, y + 26, s, firm);
  const fields = { name: who.name, idNumber: who.idNumber, employer: firm, ...(keepMonthly ? { monthlyIncome: monthly } : {}), annualIncome: annual, date: issued };
  return { paper: p, fields, layout: 'form-table' };
}

/** Twelve months listed, the year's total and the monthly average under them. */
function monthList(rng: Rng, dpi: DpiFor): Made {
  const who = person(rng, { from: '1965-01-01', to: '2002-06-30' });
  const firm = employer(rng);
  const p = sheet(...A4, dpi);
  const s: TextStyle = { size: 3.8, face: bodyFace(rng) };
  const ns: TextStyle = { size: 3.5, face: rng.pick(['mono', 'mono-i', 'hei']), align: 'right' };
  p.text('工资收入证明', 105, 22, { size: 6.5, face: 'hei-b', align: 'center' });
  let y = p.para(`兹证明${who.name}（公民身份号码${who.idNumber}）为${firm}在职员工，其近十二个月工资收入明细如下（单位：元）：`, 20, 34, 170, s, 1.8, 7.6);
  const base = rng.int(4200, 30000);
  const end = dateBetween(rng, '2025-03-01', '2026-10-31');
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)) - 12 + i, 1));
    return { label: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`, gross: Math.round((base * (0.85 + rng.next() * 0.3) + (rng.chance(0.15) ? rng.int(1000, 8000) : 0)) * 100) / 100 };
  });
  const xs = [20, 62, 104, 146, 190];
  const top = y + 3;
  const rh = 7.6;
  p.grid(xs, Array.from({ length: 14 }, (_, i) => top + i * rh), 0.2);
  ['月份', '应发工资', '代扣个税及社保', '实发工资'].forEach((h, i) => p.cell(h, xs[i]!, xs[i + 1]!, top, top + rh, { size: 3.5, face: 'hei-b', align: 'center' }));
  months.forEach((m, r) => {
    const ded = Math.round(m.gross * (0.1 + rng.next() * 0.08) * 100) / 100;
    const row = [m.label, money(m.gross), money(ded), money(Math.round((m.gross - ded) * 100) / 100)];
    row.forEach((v, i) => p.cell(v, xs[i]!, xs[i + 1]!, top + (r + 1) * rh, top + (r + 2) * rh, i === 0 ? { ...s, size: 3.5 } : ns));
  });
  const annual = Math.round(months.reduce((a, m) => a + m.gross * 100, 0)) / 100;
  const monthly = Math.round((annual / 12) * 100) / 100;
  y = top + 13 * rh + 8;
  y = p.para(`全年收入合计（应发）：${money(annual)}元，大写人民币${capital(annual)}；月平均收入：${money(monthly)}元。`, 20, y, 170, s, 1.8);
  const issued = dateBetween(rng, end, '2026-11-28');
  foot(p, rng, firm, issued, dateStyle(rng, 0.3), 188, y + 16, s);
  return { paper: p, fields: { name: who.name, idNumber: who.idNumber, employer: firm, monthlyIncome: monthly, annualIncome: annual, date: issued }, layout: 'month-list' };
}

export function drawIncome(rng: Rng, dpi: DpiFor): Made {
  return rng.pick([letter, formTable, monthList])(rng, dpi);
}
