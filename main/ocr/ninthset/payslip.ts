// Two more 收入 pages: a 工资条 strip cut from a sheet (truth monthlyIncome = 应发合计, the gross, and
// date = 发放日期) and a 住房公积金缴存证明 (truth monthlyIncome = 月缴存基数, the wage the deposits are
// reckoned on; the 月缴存额 and 账户余额 printed beside it are not income).
import type { Rng } from '../../../domain/seed/prng';
import type { FaceId } from './fonts';
import { addMonths, amount, dateBetween, money, writeDate } from './forms';
import { worker, wage } from './income';
import { Paper, type TextOpts } from './paper';
import { employerOf } from './places';
import { formTable, issuerBlock, L, type Made, V } from './sheet';

const round2 = (v: number) => Math.round(v * 100) / 100;

export function drawPayslip(rng: Rng, dpi: number): Made {
  const p = worker(rng);
  const employer = employerOf(rng);
  const gross = wage(rng);
  const paid = dateBetween(rng, '2019-01-05', '2026-11-25');
  const month = addMonths(paid, -1);
  const base = Math.min(gross, Math.round((gross * (0.5 + rng.next() * 0.15)) / 10) * 10);
  const allowance = Math.min(gross - base, Math.round(gross * 0.08));
  const overtime = Math.min(gross - base - allowance, rng.chance(0.6) ? amount(rng, 900, 400, 0.01, 0) : 0);
  const other = Math.min(gross - base - allowance - overtime, rng.chance(0.5) ? 300 : 0);
  const bonus = round2(gross - base - allowance - overtime - other);
  const social = Math.min(gross, 27_000);
  const pension = round2(social * 0.08);
  const medical = round2(social * 0.02);
  const jobless = round2(social * 0.003);
  const fund = round2(social * rng.pick([0.05, 0.07, 0.1, 0.12]));
  const tax = round2(Math.max(0, (gross - 5000 - pension - medical - jobless - fund) * (gross > 20000 ? 0.1 : 0.03)));
  const deducted = round2(pension + medical + jobless + fund + tax);
  const net = round2(gross - deducted);
  const group = rng.chance(0.5);
  const m = (v: number) => (v === 0 ? '0.00' : money(v, group));
  const paper = new Paper(210, 96, dpi, rng);
  const face: FaceId = rng.chance(0.5) ? 'mk' : 'sans';
  const o: TextOpts = { face, size: 3 };
  for (const yy of [3, 93]) for (let x = 4; x < 206; x += 3) paper.line(x, yy, x + 1.6, yy, 0.2, '#777');
  paper.put(105, 15, `${employer} ${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月工资条`, { face, size: 4.6, weight: 700, align: 'center' });
  paper.put(10, 24, `工号：${rng.pick(['A', 'SZ', 'E', ''])}${rng.int(100, 99999)}`, o);
  paper.put(62, 24, `部门：${rng.pick(['生产部', '行政部', '财务部', '仓储部', '技术部', '客服部', '后勤部'])}`, o);
  paper.put(200, 24, `发放日期：${writeDate(paid, rng.pick(['iso', 'slash', 'cn'] as const))}`, { ...o, align: 'right', field: true });
  const head = { ...o, size: 2.8, weight: 700 };
  const val: TextOpts = { ...o, align: 'center' };
  const earn = [
    { h: 8, cells: ['姓名', '出勤天数', '基本工资', '岗位津贴', '绩效奖金', '加班费', '其他补贴', '应发合计'].map((t) => L(1, t)) },
    { h: 9, cells: [V(1, p.name, true), V(1, String(rng.int(20, 23))), V(1, m(base)), V(1, m(allowance)), V(1, m(bonus)), V(1, m(overtime)), V(1, m(other)), V(1, m(gross), true)] },
    { h: 8, cells: ['养老保险', '医疗保险', '失业保险', '住房公积金', '个人所得税', '其他扣款', '扣款合计', '实发工资'].map((t) => L(1, t)) },
    { h: 9, cells: [V(1, m(pension)), V(1, m(medical)), V(1, m(jobless)), V(1, m(fund)), V(1, m(tax)), V(1, '0.00'), V(1, m(deducted)), V(1, m(net))] },
  ];
  const { bottom } = formTable(paper, 10, 29, 190, earn, head, val, 0.2, '#555');
  paper.put(10, bottom + 8, '备注：应发合计为税前工资总额；如对工资有疑问，请于发放后3个工作日内向人力资源部咨询。', { ...o, size: 2.6, color: '#444' });
  return { paper, fields: { name: p.name, employer, monthlyIncome: gross, date: paid }, layout: 'payslip' };
}

export function drawFundProof(rng: Rng, dpi: number): Made {
  const p = worker(rng);
  const employer = employerOf(rng);
  const base = wage(rng);
  const rate = rng.pick([5, 6, 8, 10, 12]);
  const deposit = round2((base * rate * 2) / 100);
  const issued = dateBetween(rng, '2020-06-01', '2026-11-26');
  const opened = dateBetween(rng, '2008-01-01', addMonths(issued, -13));
  const balance = amount(rng, deposit * 30, deposit * 10, 0.01, deposit);
  const paper = new Paper(210, 297, dpi, rng);
  const face: FaceId = rng.pick(['shs', 'sans', 'mk'] as const);
  const o: TextOpts = { face, size: 3.6 };
  paper.put(105, 36, '住房公积金个人缴存证明', { face, size: 7, weight: 700, align: 'center' });
  paper.put(184, 48, `证明编号：GJJ${issued.replaceAll('-', '')}${rng.int(100_000, 999_999)}`, { ...o, size: 3, align: 'right' });
  const y = paper.wrap(24, 60, 162, '经查询，以下职工在深圳市住房公积金管理中心缴存住房公积金，具体情况如下：', o, 8, 7.2);
  const label = { ...o, weight: 700, size: 3.3 };
  const rows = [
    { h: 11, cells: [L(1.3, '姓名'), V(1.6, p.name, true), L(1.3, '证件号码'), V(2.2, p.id, true)] },
    { h: 11, cells: [L(1.3, '个人账号'), V(1.6, String(rng.int(10_000_000, 99_999_999)) + String(rng.int(100, 999))), L(1.3, '缴存状态'), V(2.2, '正常缴存')] },
    { h: 11, cells: [L(1.3, '单位名称'), V(5.1, employer, true)] },
    { h: 11, cells: [L(1.3, '开户日期'), V(1.6, writeDate(opened, 'iso')), L(1.3, '缴至年月'), V(2.2, `${addMonths(issued, -1).slice(0, 4)}年${addMonths(issued, -1).slice(5, 7)}月`)] },
    { h: 11, cells: [L(1.3, '月缴存基数（元）'), V(1.6, money(base), true), L(1.3, '缴存比例'), V(2.2, `单位${rate}%  个人${rate}%`)] },
    { h: 11, cells: [L(1.3, '月缴存额（元）'), V(1.6, money(deposit)), L(1.3, '账户余额（元）'), V(2.2, money(balance))] },
  ];
  const { bottom } = formTable(paper, 24, y + 2, 162, rows, label, o, 0.25, '#333');
  let yy = paper.wrap(24, bottom + 12, 162, '本证明自出具之日起30日内有效。以上信息以住房公积金管理中心业务系统记录为准，可登录深圳公积金网上服务大厅或“i深圳”APP核验。', { ...o, size: 3.3 }, 7, 7.2);
  yy = Math.max(yy, bottom + 30);
  issuerBlock(paper, rng, 184, yy + 24, '深圳市住房公积金管理中心', writeDate(issued, rng.pick(['cn', 'cn0'] as const)), o, '深圳市住房公积金管理中心', '业务专用章');
  return { paper, fields: { name: p.name, idNumber: p.id, employer, monthlyIncome: base, date: issued }, layout: 'fund-proof' };
}
