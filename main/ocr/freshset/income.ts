// 收入证明 pages: a letter on company letterhead whose income sentence is one of several a HR office
// writes (月均收入, 月工资 with 年收入, 税前月收入, 年度收入, 近一年收入合计), figures with the 大写 beside
// them, the company seal over the signature; and a ruled 职工收入证明表 with 单位意见. Only the income
// the page states goes into the truth.
import type { Rng } from '../../../domain/seed/prng';
import { capitals, type DateStyle, employer, figures, iso, pay, printDate, type Sex, someDay, someone } from './folk';
import { grid } from './forms';
import { type Face, type Ink, type Made, mm, Paper } from './paper';

const DEPTS = ['综合管理部', '市场部', '财务部', '研发中心', '生产部', '客户服务部', '行政部', '物流部', '工程部', '护理部'];
const POSTS = ['专员', '主管', '工程师', '技术员', '文员', '经理', '操作工', '会计', '司机', '护士', '教师'];
const STAFF = ['张', '刘', '陈', '李', '黄'];

interface Earner {
  readonly name: string;
  readonly sex: Sex;
  readonly id: string;
  readonly firm: string;
  readonly start: string;
  readonly issued: string;
  readonly monthly: number;
}

function earner(rng: Rng): Earner {
  const sex: Sex = rng.chance(0.55) ? '男' : '女';
  const who = someone(rng, sex, someDay(rng, 1968, 2000));
  const issued = iso(rng.int(2023, 2025), rng.int(1, 12), rng.int(1, 28));
  const start = someDay(rng, Math.max(Number(who.birth.slice(0, 4)) + 19, 2005), Number(issued.slice(0, 4)) - 1);
  return { name: who.name, sex, id: who.id, firm: employer(rng), start, issued, monthly: pay(rng, 3800, 26000) };
}

/** The income sentence and what it states. */
function incomeSentence(rng: Rng, e: Earner, grouped: boolean): { text: string; monthly?: number; annual?: number } {
  const m = e.monthly;
  const cents = rng.chance(0.7);
  const f = (n: number) => figures(n, grouped, cents || !Number.isInteger(n));
  const year = Number(e.issued.slice(0, 4)) - 1;
  switch (rng.int(0, 5)) {
    case 0:
      return { text: `该员工近一年月均收入为人民币${f(m)}元（大写：${capitals(m)}）。`, monthly: m };
    case 1: {
      const annual = Math.round(m * rng.pick([12, 13, 14]) * 100) / 100;
      return { text: `其月工资为${f(m)}元，年收入约${f(annual)}元。`, monthly: m, annual };
    }
    case 2:
      return { text: `该同志税前月收入${f(m)}元（人民币${capitals(m)}）。`, monthly: m };
    case 3: {
      const annual = Math.round(m * 12 + rng.int(0, 30) * 1000);
      return { text: `${year}年度该员工年收入合计${f(annual)}元（大写：${capitals(annual)}）。`, annual };
    }
    case 4: {
      const annual = Math.round(m * 12 * 100) / 100;
      return { text: `近一年收入合计人民币${f(annual)}元，月均${f(m)}元。`, monthly: m, annual };
    }
    default:
      return { text: `每月工资收入为${f(m)}元（含基本工资、岗位津贴及绩效），此外无其他收入。`, monthly: m };
  }
}

export function drawIncome(rng: Rng): Made {
  return rng.chance(0.65) ? letter(rng) : tableForm(rng);
}

function sheet(rng: Rng): { p: Paper; dpi: number; size: number; x: number; inner: number } {
  const dpi = rng.int(150, 200);
  const w = Math.round(mm(dpi) * 210);
  const p = new Paper(w, Math.round(mm(dpi) * 270), rng.pick(['#ffffff', '#fefefc', '#fbfbf8']));
  const size = Math.round((dpi / 72) * rng.pick([9, 10.5, 10.5, 12]));
  const x = Math.round(mm(dpi) * rng.int(22, 30));
  return { p, dpi, size, x, inner: w - 2 * x };
}

function letter(rng: Rng): Made {
  const e = earner(rng);
  const { p, size, x, inner } = sheet(rng);
  const body: Ink = { size, face: rng.pick<Face>(['song', 'fang', 'song', 'hei']) };
  const dStyle = rng.pick<DateStyle>(['nian', 'nianPad', 'nian', 'dash']);
  let y = Math.round(size * 3);
  if (rng.chance(0.6)) {
    p.put(x, y, e.firm, { size: size + 6, face: 'heiBold', color: rng.pick(['#1f3d7a', '#222', '#8a1c1c']) });
    y += size * 2.2;
    p.rule(x, y, x + inner, y, 2.4, '#1f3d7a');
    y += size * 2.5;
  }
  const title = rng.pick(['收入证明', '收入证明', '工资收入证明', '在职及收入证明']);
  p.put(p.w / 2, y, title, { size: size * 2, face: rng.pick<Face>(['biao', 'heiBold', 'song']), align: 'center', track: rng.chance(0.5) ? size : 0 });
  y += size * 4;
  const to = rng.pick(['', '深圳市住房和建设局：', '福田区住房保障服务中心：', '致：有关部门', '深圳市公共住房审核部门：']);
  if (to) {
    p.put(x, y, to, body);
    y += size * 2.2;
  }
  const post = rng.pick(POSTS);
  const dept = rng.pick(DEPTS);
  const start = printDate(e.start, dStyle === 'dash' ? 'nian' : dStyle);
  const intro = rng.pick([
    `兹证明${e.name}（身份证号码：${e.id}）系我单位正式员工，自${start}起在我单位${dept}工作，现任${post}。`,
    `兹有我单位职工${e.name}，性别${e.sex}，身份证号${e.id}，于${start}入职，在${dept}担任${post}一职。`,
    `兹证明${e.name}同志，公民身份号码${e.id}，自${start}至今在${e.firm}工作，岗位为${post}。`,
  ]);
  const lead = rng.pick([1.8, 2, 2.2]);
  y = p.prose(x, y, inner, intro, { ...body, indent: 2, lead });
  const income = incomeSentence(rng, e, rng.chance(0.6));
  y = p.prose(x, y, inner, income.text, { ...body, indent: 2, lead });
  y = p.prose(x, y, inner, rng.pick(['以上情况属实，本单位对此证明的真实性负责。', '本证明仅用于申请公共住房资格审核，不作其他用途。', '我单位承诺上述信息真实有效，如有虚假愿承担相应责任。']), { ...body, indent: 2, lead });
  y = p.prose(x, y, inner, '特此证明。', { ...body, indent: 2, lead });
  y += size * 1.5;
  if (rng.chance(0.6)) {
    p.put(x, y, `经办人：${rng.pick(STAFF)}${rng.pick(['小姐', '先生', '丽', '强'])}　　联系电话：0755-${rng.int(2000, 8999)}${rng.int(1000, 9999)}`, { ...body, size: size - 2 });
    y += size * 2.5;
  }
  const right = x + inner;
  const signLabel = rng.pick(['', '单位名称（盖章）：', '证明单位（公章）：']);
  p.put(right, y + size * 1.5, `${signLabel}${e.firm}`, { ...body, align: 'right' });
  p.put(right, y + size * 3.6, printDate(e.issued, dStyle), { ...body, align: 'right' });
  p.seal(right - p.width(e.firm, size, body.face) * (0.25 + rng.next() * 0.4), y + size * 2.6, Math.round(size * rng.pick([3.8, 4.4, 5])), e.firm, rng.pick(['', '人事专用章', '']), rng);
  const fields: Record<string, string | number> = { name: e.name, idNumber: e.id, employer: e.firm, date: e.issued };
  if (income.monthly !== undefined) fields.monthlyIncome = income.monthly;
  if (income.annual !== undefined) fields.annualIncome = income.annual;
  return { paper: p, fields, layout: `income/letter${to ? '-addressed' : ''}` };
}

function tableForm(rng: Rng): Made {
  const e = earner(rng);
  const { p, size, x, inner } = sheet(rng);
  const label: Ink = { size, face: rng.pick<Face>(['song', 'hei']) };
  const value: Ink = { size: size + 1, face: rng.pick<Face>(['fang', 'song', 'kai']) };
  let y = Math.round(size * 4);
  p.put(p.w / 2, y, rng.pick(['职工收入证明', '个人收入情况证明表', '单位职工收入证明']), { size: Math.round(size * 1.8), face: rng.pick<Face>(['heiBold', 'biao']), align: 'center' });
  y += size * 3.6;
  const grouped = rng.chance(0.5);
  const showMonthly = rng.chance(0.85);
  const showAnnual = !showMonthly || rng.chance(0.6);
  const annual = Math.round(e.monthly * 12 * 100) / 100;
  const dStyle = rng.pick<DateStyle>(['nian', 'nianPad', 'dot']);
  const cols = [inner * 0.22, inner * 0.28, inner * 0.2, inner * 0.3];
  const L = (t: string) => ({ t });
  const V = (t: string, span = 1) => ({ t, v: true, span });
  const money: { t: string; v?: boolean; span?: number }[] = [];
  if (showMonthly) money.push(L(rng.pick(['月平均收入（元）', '月收入（税前）', '月工资（元）'])), V(figures(e.monthly, grouped), showAnnual ? 1 : 3));
  if (showAnnual) money.push(L(rng.pick(['年收入（元）', '近一年收入合计'])), V(figures(annual, grouped), showMonthly ? 1 : 3));
  const rowH = Math.round(size * 2.6);
  y = grid(p, x, y, cols, rowH, [
    [L('姓　名'), V(e.name), L('性　别'), V(e.sex)],
    [L('身份证号码'), V(e.id, 3)],
    [L('工作单位'), V(e.firm, 3)],
    [L('所在部门'), V(rng.pick(DEPTS)), L('职　务'), V(rng.pick(POSTS))],
    [L('入职时间'), V(printDate(e.start, dStyle)), L('用工形式'), V(rng.pick(['劳动合同', '劳务派遣', '正式编制']))],
    money,
    [L('收入（大写）'), V(capitals(showMonthly ? e.monthly : annual) + (showMonthly ? '/月' : '/年'), 3)],
  ], { label, value, centre: true });
  const opinion = y;
  y = grid(p, x, y, [cols[0]!, inner - cols[0]!], rowH * 3, [[L('单位意见'), V('经核实，上述情况属实。')]], { label, value, centre: true });
  p.put(x + inner - size, opinion + rowH * 2.1, `（盖章）　${printDate(e.issued, dStyle)}`, { ...value, align: 'right' });
  p.seal(x + inner * 0.7, opinion + rowH * 1.6, Math.round(size * 4.3), e.firm, '', rng);
  y += size * 2;
  p.prose(x, y, inner, '注：本表所填收入为税前收入，包括工资、奖金、津贴、补贴等各项收入。', { size: size - 3, face: 'song', lead: 1.7 });
  const fields: Record<string, string | number> = { name: e.name, idNumber: e.id, employer: e.firm, date: e.issued };
  if (showMonthly) fields.monthlyIncome = e.monthly;
  if (showAnnual) fields.annualIncome = annual;
  return { paper: p, fields, layout: `income/table-form${showMonthly ? '-m' : ''}${showAnnual ? '-a' : ''}` };
}
