// Income pages of the tenth set: a bank's 在职及收入证明 template (a boxed form, filled by printer or
// by hand, with 年收入 and 月均收入); a short salary letter whose amount is written only in capital
// numerals; and the tables of income-table.ts (个税 APP 收入纳税明细, 劳务报酬 statement).
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { formRow, paragraph, type Ink } from './form';
import { capital, dateBetween, money, writeDate, writeMonth } from './forms';
import { labourFee, taxRecord } from './income-table';
import { bodyPt, Paper, type Made } from './paper';
import { stamp } from './marks';
import { employer, person, rareName, rarify, type Person } from './people';

const BANKS = ['招商银行股份有限公司深圳分行', '中国建设银行深圳市分行', '中国银行深圳市分行', '平安银行股份有限公司深圳分行', '交通银行深圳分行'];
const DEPTS = ['财务部', '行政部', '生产部', '销售部', '技术部', '工程部', '客服中心', '仓储部'];
const TITLES = ['职员', '主管', '工程师', '会计', '经理', '操作员', '业务员', '司机'];

export interface Earner {
  readonly who: Person;
  readonly company: string;
  readonly issued: string;
}

export function earner(rng: Rng): Earner {
  let who = person(rng, { from: '1965-01-01', to: '2002-12-31' });
  if (rareName(rng)) who = rarify(rng, who);
  return { who, company: employer(rng), issued: dateBetween(rng, '2024-01-01', '2026-11-30') };
}

function bankTemplate(rng: Rng, dpi: DpiFor, e: Earner): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['serif', 'sans', 'syst', 'serif-l'] as const);
  const byHand = rng.chance(0.45);
  const ink: Ink = byHand ? { label: face, value: rng.pick(['mashan', 'zhuokai'] as const), pt: pt + 1.5, labelPt: pt, valueColor: '#1b2a78', hand: rng } : { label: face, value: rng.pick(['sans', 'serif', 'sans-l'] as const), pt };
  const monthly = rng.int(45, 400) * 100 + (rng.chance(0.3) ? rng.int(1, 99) * 0.5 : 0);
  const annual = Math.round((monthly * 12 + (rng.chance(0.6) ? rng.int(1, 40) * 1000 : 0)) * 100) / 100;
  const bank = rng.pick(BANKS);
  const joined = dateBetween(rng, '2008-01-01', e.issued > '2024-06-01' ? '2024-06-01' : e.issued);
  p.write(105, 32, rng.pick(['在职及收入证明', '个人收入证明', '在职收入证明（贷款专用）']), { face: 'sans-b', pt: pt + 7, align: 'center', spacing: 1 });
  p.write(22, 46, `致：${bank}`, { face, pt });
  let y = paragraph(p, 22, 56, 166, '兹证明下列人员为我单位正式员工，其在职及收入情况如下：', face, pt);
  const w = e.who;
  const rows: (readonly [string, string, number?])[][] = [
    [['姓名', w.name, 1.4], ['性别', w.sex]],
    [['身份证号码', w.id]],
    [['工作单位', e.company]],
    [['部门', rng.pick(DEPTS)], ['职务', rng.pick(TITLES)]],
    [['入职时间', writeMonth(joined, 'cn')], ['劳动合同期限', rng.pick(['无固定期限', '三年', '五年'])]],
    [['年收入（税前）', `${money(annual, rng.chance(0.5))}元`]],
    [['月均收入（税前）', `${money(monthly, rng.chance(0.5))}元`]],
  ];
  const rh = pt * 1.15;
  rows.forEach((pairs, i) => formRow(p, 22, y + i * rh, 166, rh, pairs, ink));
  y += rows.length * rh + 9;
  y = paragraph(p, 22, y, 166, '本单位保证以上信息真实有效。如因上述信息不实造成贵行损失，本单位愿承担相应责任。本证明仅用于申请个人贷款，不作其他用途。', face, pt);
  p.write(22, y + 8, `单位经办人：${rng.pick(['王小姐', '李先生', '陈主管', '人事部'])}　　联系电话：0755-${rng.int(20000000, 89999999)}`, { face, pt });
  p.write(186, y + 24, '单位（公章）', { face, pt, align: 'right' });
  p.write(186, y + 38, `出具日期：${writeDate(e.issued, rng.pick(['cn', 'cn0'] as const))}`, { face: byHand ? ink.value : face, pt: byHand ? ink.pt : pt, align: 'right', color: ink.valueColor ?? '#151515', ...(byHand ? { hand: rng } : {}) });
  stamp(p, 118, y + 22, 18, e.company, '人力资源专用章');
  return { paper: p, layout: 'bank-template', fields: { name: w.name, idNumber: w.id, employer: e.company, monthlyIncome: monthly, annualIncome: annual, date: e.issued } };
}

function capitalLetter(rng: Rng, dpi: DpiFor, e: Earner): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi) + 1;
  const face = rng.pick(['serif', 'syst', 'kai', 'kai-l', 'serif-m', 'sypx'] as const);
  const monthly = rng.int(30, 300) * 100 + (rng.chance(0.25) ? 50 : 0);
  const withId = rng.chance(0.7);
  const since = rng.int(2006, Number(e.issued.slice(0, 4)) - 1);
  const w = e.who;
  p.write(105, 40, rng.pick(['收 入 证 明', '工资收入证明', '证　明']), { face: 'serif-b', pt: pt + 8, align: 'center' });
  const idPart = withId ? `（身份证号码：${w.id}）` : '';
  const body = `兹证明${w.name}${w.sex === '男' ? '先生' : '女士'}${idPart}系${e.company}${rng.pick(['正式职工', '在职员工', '合同制员工'])}，自${since}年起在我单位从事${rng.pick(['行政', '财务', '生产', '销售', '技术', '后勤'])}工作。其月工资收入为人民币（大写）${capital(monthly)}。`;
  let y = paragraph(p, 24, 62, 162, body, face, pt, 2.1);
  y = paragraph(p, 24, y + 4, 162, '特此证明。', face, pt, 2.1);
  p.write(184, y + 26, e.company, { face, pt, align: 'right' });
  p.write(184, y + 38, writeDate(e.issued, rng.pick(['han', 'cn'] as const)), { face, pt, align: 'right' });
  stamp(p, 110, y + 26, 19, e.company, rng.pick(['', '财务专用章']));
  const fields: Record<string, string | number> = { name: w.name, employer: e.company, monthlyIncome: monthly, date: e.issued };
  if (withId) fields.idNumber = w.id;
  return { paper: p, layout: 'capital-letter', fields };
}

const DESIGNS = ['bank-template', 'tax-record', 'labour-fee', 'capital-letter'] as const;

export function drawIncome(rng: Rng, dpi: DpiFor): Made {
  const design = rng.pick(DESIGNS);
  const e = earner(rng);
  if (design === 'bank-template') return bankTemplate(rng, dpi, e);
  if (design === 'capital-letter') return capitalLetter(rng, dpi, e);
  if (design === 'tax-record') return taxRecord(rng, dpi, e);
  return labourFee(rng, dpi, e);
}
