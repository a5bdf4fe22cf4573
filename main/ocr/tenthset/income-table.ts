// Income tables of the tenth set: the 个人所得税 APP's 纳税记录 / 收入纳税明细 printed to paper (twelve
// months, 扣缴义务人, a 合计 row; the ID sometimes masked and then not truth), and a company's
// 劳务报酬 statement for a freelancer (twelve payments, tax withheld, 合计 and 月均 in a closing line).
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { paragraph, tableRow } from './form';
import { money, writeDate } from './forms';
import type { Earner } from './income';
import { bodyPt, Paper, type Made } from './paper';
import { stamp } from './marks';
import { maskIdNumber } from '../../../domain/identity/idnumber';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
const round2 = (v: number) => Math.round(v * 100) / 100;
const sum = (vs: readonly number[]) => round2(vs.reduce((a, b) => a + Math.round(b * 100), 0) / 100);

export function taxRecord(rng: Rng, dpi: DpiFor, e: Earner): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi) - 0.5;
  const face = rng.pick(['sans', 'sans-l', 'sans-xl', 'sypx'] as const);
  const year = Number(e.issued.slice(0, 4)) - 1;
  const base = rng.int(60, 320) * 100;
  const income = MONTHS.map((m) => round2(base * (0.92 + rng.next() * 0.16) + (m === '01' || m === '12' ? rng.int(0, 3) * base * 0.5 : 0)));
  const tax = income.map((v) => round2(Math.max(0, (v * 0.895 - 5000) * (v > 17000 ? 0.1 : 0.03))));
  const full = rng.chance(0.6);
  const record = rng.chance(0.5);
  p.fill(0, 0, 210, 18, '#e9eef6');
  p.write(22, 12, '国家税务总局　个人所得税', { face: 'sans-m', pt: pt + 1, color: '#1f4b99' });
  p.write(105, 32, record ? '个人所得税纳税记录' : '个人所得税收入纳税明细', { face: 'sans-b', pt: pt + 7, align: 'center' });
  p.write(105, 40, `（${year}年01月至${year}年12月）`, { face, pt, align: 'center' });
  p.write(22, 51, `纳税人姓名：${e.who.name}`, { face, pt });
  p.write(110, 51, '身份证件类型：居民身份证', { face, pt });
  p.write(22, 58, `身份证件号码：${full ? e.who.id : maskIdNumber(e.who.id)}`, { face, pt });
  p.write(110, 58, `开具日期：${writeDate(e.issued, rng.pick(['cn0', 'iso'] as const))}`, { face, pt });
  const rh = pt * 0.85;
  const y = 64;
  const edges = p.grid(22, y, [9, 20, 24, 62, 26, 25], Array(14).fill(rh) as number[], 0.2, '#444');
  p.fill(edges[0]!, y, 166, rh, 'rgba(200,210,225,0.5)');
  tableRow(p, edges, y, rh, ['序号', '所得期间', '所得项目', '扣缴义务人', record ? '收入额' : '收入', record ? '实缴税额' : '已申报税额'], 'sans-m', pt - 0.5);
  MONTHS.forEach((m, i) => {
    const cells = [String(i + 1), `${year}-${m}`, '工资薪金', e.company, money(income[i]!, false), money(tax[i]!, false)];
    tableRow(p, edges, y + (i + 1) * rh, rh, cells, face, pt - 0.5, ['center', 'center', 'center', 'left', 'right', 'right']);
  });
  const total = sum(income);
  tableRow(p, edges, y + 13 * rh, rh, ['合计', '', '', '', money(total, false), money(sum(tax), false)], 'sans-m', pt - 0.5, ['center', 'center', 'center', 'left', 'right', 'right']);
  let after = y + 14 * rh + 8;
  after = paragraph(p, 22, after, 166, '说明：1. 本明细仅包含已申报的收入及税额，供纳税人查询参考。2. 本表涉及纳税人敏感信息，请妥善保管。3. 可通过个人所得税APP扫码验证。', face, pt - 1, 1.7, false);
  p.write(188, after + 14, '国家税务总局深圳市税务局', { face, pt, align: 'right' });
  stamp(p, 150, after + 10, 16, '国家税务总局深圳市税务局', '电子专用章', 'rgba(214,38,38,0.6)');
  const fields: Record<string, string | number> = { name: e.who.name, employer: e.company, annualIncome: total, date: e.issued };
  if (full) fields.idNumber = e.who.id;
  return { paper: p, layout: 'tax-record', fields };
}

const SERVICES = ['设计咨询', '培训授课', '软件开发', '翻译', '技术顾问', '摄影摄像'];

export function labourFee(rng: Rng, dpi: DpiFor, e: Earner): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['serif', 'sans', 'syst', 'sans-l'] as const);
  const service = rng.pick(SERVICES);
  const base = rng.int(30, 250) * 100;
  const fee = MONTHS.map(() => (rng.chance(0.7) ? base : round2(base * (0.5 + rng.next()))));
  const tax = fee.map((v) => round2(v <= 4000 ? (v - 800) * 0.2 : v * 0.8 * 0.2));
  const net = fee.map((v, i) => round2(v - tax[i]!));
  const end = e.issued.slice(0, 7);
  const months = MONTHS.map((_, i) => {
    const d = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)) - 12 + i, 1));
    return `${d.getUTCFullYear()}年${String(d.getUTCMonth() + 1).padStart(2, '0')}月`;
  });
  const total = sum(fee);
  const avg = round2(total / 12);
  p.write(105, 32, rng.pick(['劳务报酬支付证明', '劳务费发放明细', '劳务报酬收入证明']), { face: 'serif-b', pt: pt + 7, align: 'center' });
  let y = paragraph(p, 22, 46, 166, `兹证明${e.who.name}（身份证号：${e.who.id}）于${months[0]}至${months[11]}期间为我公司提供${service}劳务，我公司按月支付劳务报酬并依法代扣代缴个人所得税，明细如下：`, face, pt);
  const rh = pt * 0.9;
  const edges = p.grid(22, y, [12, 26, 34, 32, 30, 32], Array(14).fill(rh) as number[]);
  tableRow(p, edges, y, rh, ['序号', '支付月份', '劳务内容', '应付金额(税前)', '代扣个税', '实发金额'], face, pt - 0.5);
  const right = ['center', 'center', 'center', 'right', 'right', 'right'] as const;
  fee.forEach((v, i) => tableRow(p, edges, y + (i + 1) * rh, rh, [String(i + 1), months[i]!, service, money(v), money(tax[i]!), money(net[i]!)], face, pt - 0.5, right));
  tableRow(p, edges, y + 13 * rh, rh, ['合计', '', '', money(total), money(sum(tax)), money(sum(net))], face, pt - 0.5, right);
  y += 14 * rh + 8;
  y = paragraph(p, 22, y, 166, `以上近十二个月合计支付劳务报酬人民币${money(total)}元（税前），月均${money(avg)}元。特此证明。`, face, pt);
  p.write(186, y + 22, e.company, { face, pt, align: 'right' });
  p.write(186, y + 32, writeDate(e.issued, rng.pick(['cn', 'cn0', 'han'] as const)), { face, pt, align: 'right' });
  stamp(p, 112, y + 22, 18, e.company, '财务专用章');
  return { paper: p, layout: 'labour-fee', fields: { name: e.who.name, idNumber: e.who.id, employer: e.company, monthlyIncome: avg, annualIncome: total, date: e.issued } };
}
