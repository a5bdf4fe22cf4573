// 收入: a 收入证明 letter from the employer with 月均收入/年收入 inside sentences and a 盖章 date; a
// boxed 职工收入证明 form (labels left of values, the employer wrapping in its cell); a two-column
// 个人收入情况表 (particulars above their values on the left, twelve months and totals on the right).
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { dateBetween, issueDate, money, writeDate, type DateStyle } from './forms';
import type { Face } from './fonts';
import { grid, inCell, spaced } from './kit';
import { Paper, type Made } from './paper';
import { employer, person } from './people';

const POSTS = ['工程师', '行政专员', '销售经理', '会计', '仓库主管', '护士', '教师', '软件开发工程师', '客服专员', '质检员', '司机', '项目经理', '出纳'];

function basics(rng: Rng) {
  const who = person(rng, { from: '1966-01-01', to: '2002-12-31' });
  const monthly = Math.round(rng.int(4200, 42000) * 100 + rng.int(0, 99)) / 100;
  const date = issueDate(rng);
  const adult = `${Number(who.birthDate.slice(0, 4)) + 19}-09-01`;
  const hired = dateBetween(rng, [adult, '2008-01-01'].sort()[1]!, '2024-06-30');
  return { who, org: employer(rng), monthly: rng.chance(0.4) ? Math.round(monthly) : monthly, date, hired, post: rng.pick(POSTS) };
}

/** 收入证明 letter: the amounts inside sentences; one or both of 月均收入 / 年收入. */
function letter(rng: Rng, dpi: DpiFor): Made {
  const b = basics(rng);
  const p = new Paper(210, 297, dpi(297));
  const F = rng.pick(['xiaowei', 'maple-l', 'xiaowei'] as const);
  const size = 4.4;
  const which = rng.int(0, 2);
  const annual = Math.round(b.monthly * 12 * 100) / 100;
  p.text(spaced('收入证明'), 105, 42, 8, 'xiaowei', { align: 'center' });
  let y = 64;
  p.text(`${rng.pick(['深圳市住房和建设局', '深圳市福田区住房和建设局', '有关单位'])}：`, 25, y, size, F);
  y += 12;
  const style: DateStyle = rng.pick(['cn', 'cn0']);
  const money1 = rng.chance(0.5) ? money(b.monthly) : money(b.monthly, false);
  const money2 = rng.chance(0.5) ? money(annual) : money(annual, false);
  const amounts = which === 0 ? `月均收入为人民币${money1}元` : which === 1 ? `年收入为人民币${money2}元` : `月均收入为人民币${money1}元，年收入共计人民币${money2}元`;
  const text = `兹证明${b.who.name}（身份证号码：${b.who.idNumber}）系我单位${rng.pick(['正式员工', '在职员工', '合同制员工'])}，自${writeDate(b.hired, style)}起在我单位工作，现任${b.post}职务。该同志近一年${amounts}（税前），以上情况属实。`;
  const n = p.wrap(`　　${text}`, 25, y, 160, size, F, 1.75);
  y += n * size * 1.75 + 6;
  y += p.wrap('　　本证明仅用于申请住房保障，不作为我单位对该员工任何形式的担保文件。', 25, y, 160, size, F, 1.75) * size * 1.75 + 6;
  p.text('特此证明。', 33, y, size, F);
  y = Math.max(y + 40, 200);
  p.text('单位名称（盖章）：', 90, y, size, F);
  const orgW = p.measure(b.org, size, F);
  if (orgW > 95 - 20) p.wrap(b.org, 90, y + size * 1.8, 95, size, F, 1.45);
  else p.text(b.org, 185, y + size * 1.8, size, F, { align: 'right' });
  p.seal(150, y + 4, 19, b.org, rng, rng.chance(0.5) ? '人事专用章' : '');
  p.text(`日期：${writeDate(b.date, rng.pick(['cn', 'han', 'cn0']))}`, 185, y + size * 6, size, F, { align: 'right' });
  p.text(`联系人：${rng.pick(['陈', '李', '王', '张'])}女士    联系电话：0755-${rng.int(2000, 8999)}${rng.int(1000, 9999)}`, 25, 270, 3.4, F);
  const fields = { name: b.who.name, idNumber: b.who.idNumber, employer: b.org, date: b.date, ...(which !== 1 ? { monthlyIncome: b.monthly } : {}), ...(which !== 0 ? { annualIncome: annual } : {}) };
  return { paper: p, fields, layout: 'salary-letter' };
}

/** 职工收入证明 form: a ruled table with labels left of values. */
function form(rng: Rng, dpi: DpiFor): Made {
  const b = basics(rng);
  const p = new Paper(210, 297, dpi(297));
  const L = 'maple-l' as const;
  const V = 'maple-m' as const;
  const annual = Math.round(b.monthly * 12 * 100) / 100;
  p.text('职工收入证明', 105, 34, 7, 'xiaowei', { align: 'center', spacing: 1 });
  const x = 20;
  const cols = [30, 55, 30, 55];
  const rows = [14, 14, 18, 14, 14, 14, 14, 30];
  const top = 46;
  grid(p, x, top, cols, rows, 0.22, [undefined, [1, 3], undefined, undefined, undefined, undefined, [1, 3], [1, 3]]);
  const ys = rows.map((_, i) => top + rows.slice(0, i).reduce((a, c) => a + c, 0));
  const cx = (i: number) => x + cols.slice(0, i).reduce((a, c) => a + c, 0);
  const ls = 3.6;
  const vs = 3.9;
  const cell = (r: number, c: number, label: string, value: string, span = 1) => {
    inCell(p, label, cx(c), ys[r]!, cols[c]!, rows[r]!, ls, L, { align: 'center' });
    inCell(p, value, cx(c + 1), ys[r]!, cols.slice(c + 1, c + 1 + span).reduce((a, v) => a + v, 0), rows[r]!, vs, V, { pad: 2.5 });
  };
  const style: DateStyle = rng.pick(['cn', 'iso', 'dot']);
  cell(0, 0, '姓名', b.who.name);
  cell(0, 2, '性别', b.who.gender);
  cell(1, 0, '身份证号码', b.who.idNumber, 3);
  // the employer sits in a narrower cell so that long names wrap
  cell(2, 0, '工作单位', b.org);
  cell(2, 2, '所属部门', rng.pick(['综合管理部', '技术研发中心', '财务部', '运营部', '人力资源部', '市场部']));
  cell(3, 0, '职务', b.post);
  cell(3, 2, '入职时间', writeDate(b.hired, style));
  cell(4, 0, '月收入（元）', money(b.monthly));
  cell(4, 2, '年收入（元）', money(annual));
  cell(5, 0, '收入构成', rng.pick(['基本工资+绩效', '工资薪金', '基本工资+津贴']));
  cell(5, 2, '发放方式', rng.pick(['银行代发', '银行转账']));
  cell(6, 0, '单位地址', `深圳市${rng.pick(['南山区科技园', '福田区深南中路', '宝安区西乡大道', '龙岗区坂田街道'])}${rng.int(1, 999)}号`, 3);
  cell(7, 0, '单位意见', '');
  p.text('以上情况属实，特此证明。', cx(1) + 3, ys[7]! + 9, 3.8, L);
  p.text(`（盖章）    ${writeDate(b.date, style)}`, cx(4) - 3, ys[7]! + 24, 3.8, L, { align: 'right' });
  p.seal(cx(3) + 10, ys[7]! + 14, 17, b.org, rng);
  p.text('注：月收入为近十二个月税前应发工资的平均数。', x, ys[7]! + 40, 3.3, L);
  return { paper: p, fields: { name: b.who.name, idNumber: b.who.idNumber, employer: b.org, monthlyIncome: b.monthly, annualIncome: annual, date: b.date }, layout: 'boxed-form' };
}

/** 个人收入情况表: left column particulars (label above value), right column twelve months. */
function twoColumn(rng: Rng, dpi: DpiFor): Made {
  const b = basics(rng);
  const p = new Paper(210, 297, dpi(297));
  const F = 'maoken' as const;
  p.text('个人收入情况表', 105, 28, 7, F, { align: 'center' });
  p.line(15, 35, 195, 35, 0.5);
  p.block = 1;
  const lx = 15;
  const lw = 72;
  let y = 46;
  const entry = (label: string, value: string, face: Face = F) => {
    p.text(label, lx, y, 3.1, F, { color: '#555' });
    y += 6;
    const n = p.wrap(value, lx, y, lw, 4.1, face, 1.35);
    y += (n - 1) * 4.1 * 1.35 + 9;
  };
  entry('姓名', b.who.name);
  entry('公民身份号码', b.who.idNumber, 'maple-m');
  entry('工作单位', b.org);
  entry('岗位', b.post);
  entry('入职日期', writeDate(b.hired, 'iso'), 'maple-m');
  p.block = 2;
  const rx = 98;
  const months: number[] = [];
  const end = b.date.slice(0, 7);
  let yy = 46;
  p.text('月份', rx, yy, 3.4, F);
  p.text('应发工资（元）', 192, yy, 3.4, F, { align: 'right' });
  p.line(rx, yy + 2, 192, yy + 2, 0.2);
  yy += 8;
  let y0 = Number(end.slice(0, 4));
  let m0 = Number(end.slice(5, 7)) - 1;
  const list: [string, number][] = [];
  for (let i = 0; i < 12; i++) {
    if (m0 === 0) {
      m0 = 12;
      y0--;
    }
    const v = Math.round(b.monthly * (0.85 + rng.next() * 0.3) * 100) / 100;
    list.unshift([`${y0}年${String(m0).padStart(2, '0')}月`, v]);
    m0--;
  }
  for (const [label, v] of list) {
    months.push(v);
    p.text(label, rx, yy, 3.5, F);
    p.text(money(v), 192, yy, 3.5, 'maple-m', { align: 'right' });
    yy += 7;
  }
  const annual = Math.round(months.reduce((a, c) => a + c, 0) * 100) / 100;
  const mean = Math.round((annual / 12) * 100) / 100;
  p.line(rx, yy - 3.5, 192, yy - 3.5, 0.3);
  yy += 2;
  p.text('年收入合计', rx, yy, 3.7, F);
  p.text(money(annual), 192, yy, 3.7, 'maple-sb', { align: 'right' });
  yy += 8;
  p.text('月平均收入', rx, yy, 3.7, F);
  p.text(money(mean), 192, yy, 3.7, 'maple-sb', { align: 'right' });
  p.block = 3;
  const by = Math.max(yy, y) + 25;
  p.text('经办人：', 15, by, 3.8, F);
  p.text(`出具单位：${b.org.length > 20 ? '' : b.org}`, 98, by, 3.8, F);
  if (b.org.length > 20) p.wrap(b.org, 98, by + 6, 94, 3.8, F, 1.35);
  p.text(`出具日期：${writeDate(b.date, 'cn0')}`, 98, by + 20, 3.8, F);
  p.seal(170, by + 6, 17, b.org, rng, '财务专用章');
  return { paper: p, fields: { name: b.who.name, idNumber: b.who.idNumber, employer: b.org, monthlyIncome: mean, annualIncome: annual, date: b.date }, layout: 'two-column-table' };
}

export function drawIncome(rng: Rng, dpi: DpiFor): Made {
  const design = rng.int(0, 2);
  return design === 0 ? letter(rng, dpi) : design === 1 ? form(rng, dpi) : twoColumn(rng, dpi);
}
