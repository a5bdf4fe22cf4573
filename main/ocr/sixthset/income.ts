// Income papers as handed over the counter: the 个人所得税 app's 收入纳税明细 printout (one row per
// month, 合计 → annualIncome), an HR 工资流水 table with an average line, a page of the 劳动合同 with
// the 劳动报酬 clause, and the 社保局's 养老金领取证明 for a pensioner.
import type { Rng } from '../../../domain/seed/prng';
import { addDays, chineseName, dateBetween, employer, person } from './people';
import { Paper, table, type Made } from './paper';
import { capitals, fmtDate, money, round2 } from './wording';

const months = (end: string, n: number): string[] => {
  const out: string[] = [];
  let y = Number(end.slice(0, 4));
  let m = Number(end.slice(5, 7));
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
};
const lastDay = (ym: string) => new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).toISOString().slice(0, 10);

function taxRecord(rng: Rng): Made {
  const who = person(rng, { from: '1970-01-01', to: '1998-12-31' });
  const boss = employer(rng);
  const issue = dateBetween(rng, '2026-08-01', '2026-11-28');
  const base = rng.int(70, 260) * 100;
  const list = months(`${issue.slice(0, 4)}-${String(Number(issue.slice(5, 7)) - 1 || 1).padStart(2, '0')}`, 12);
  const rows = list.map((ym) => {
    const inc = round2(base * (1 + (rng.next() - 0.5) * 0.16) + (ym.endsWith('-12') || rng.chance(0.08) ? base * 0.8 : 0));
    const tax = round2(Math.max(0, (inc - 5000 - inc * 0.18) * 0.06));
    return { ym, inc, tax };
  });
  const total = round2(rows.reduce((s, r) => s + r.inc, 0));
  const taxTotal = round2(rows.reduce((s, r) => s + r.tax, 0));
  const p = new Paper();
  p.put('个人所得税纳税记录', 620, 120, { size: 40, face: 'bold', align: 'center' });
  p.put('（收入纳税明细）', 620, 168, { size: 26, align: 'center' });
  p.put(`纳税人名称：${who.name}`, 80, 240, { size: 23 });
  p.put(`纳税人识别号：${who.id}`, 560, 240, { size: 23 });
  p.put(`所得期间：${list[0]!.replace('-', '年')}月 至 ${list[list.length - 1]!.replace('-', '年')}月`, 80, 285, { size: 23 });
  p.put(`开具日期：${fmtDate(issue, 'cn')}`, 560, 285, { size: 23 });
  const head = ['序号', '所得项目小类', '扣缴义务人', '所得期间起', '所得期间止', '收入额', '已申报税额'];
  const body = rows.map((r, i) => [String(i + 1), '正常工资薪金', boss, `${r.ym}-01`, lastDay(r.ym), money(r.inc), money(r.tax)]);
  const x = [60, 120, 290, 610, 760, 910, 1050, 1180];
  let y = table(p, x, 320, 50, [head, ...body, ['合计', '', '', '', '', money(total), money(taxTotal)]], { size: 19, header: true, align: ['center', 'left', 'left', 'center', 'center', 'right', 'right'] });
  y += 50;
  for (const line of ['说明：1.本记录仅反映纳税人通过扣缴义务人申报的收入及已缴税款情况。', `2.验证码：${Array.from({ length: 16 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[rng.int(0, 31)]).join('')}，可通过个人所得税APP或自然人电子税务局核验。`]) {
    p.put(line, 80, y, { size: 20, color: '#333' });
    y += 36;
  }
  p.seal(980, y + 40, 110, '国家税务总局深圳市税务局', '征税专用章', rng);
  return { paper: p, layout: 'income-tax-record', fields: { name: who.name, idNumber: who.id, employer: boss, annualIncome: total, date: issue } };
}

function payrollTable(rng: Rng): Made {
  const who = person(rng, { from: '1972-01-01', to: '2000-12-31' });
  const boss = employer(rng);
  const issue = dateBetween(rng, '2026-07-01', '2026-11-28');
  const gross = rng.int(60, 300) * 100;
  const list = months(issue.slice(0, 7), 13).slice(0, 12);
  const rows = list.map((ym) => {
    const g = round2(gross + rng.pick([0, 0, 0, 300, -200, 500]));
    const si = round2(g * 0.105);
    const hf = round2(g * 0.05);
    const tax = round2(Math.max(0, (g - si - hf - 5000) * 0.03));
    return { ym, g, si, hf, tax, net: round2(g - si - hf - tax) };
  });
  const total = round2(rows.reduce((s, r) => s + r.g, 0));
  const avg = round2(total / rows.length);
  const p = new Paper();
  p.put('收 入 证 明', 620, 140, { size: 46, face: 'serifBold', align: 'center' });
  p.put(`兹证明 ${who.name}（身份证号码：${who.id}）系我单位正式员工，`, 90, 230, { size: 25 });
  p.put(`现将其${list[0]!.replace('-', '年')}月至${list[11]!.replace('-', '年')}月工资发放明细列示如下（单位：元）：`, 90, 275, { size: 25 });
  const x = [80, 220, 400, 560, 720, 860, 1040];
  const body = rows.map((r) => [r.ym.replace('-', '年') + '月', money(r.g), money(r.si), money(r.hf), money(r.tax), money(r.net)]);
  let y = table(p, x, 310, 52, [['月份', '应发工资', '代扣社保', '代扣公积金', '代扣个税', '实发工资'], ...body, ['合计', money(total), '', '', '', money(round2(rows.reduce((s, r) => s + r.net, 0)))]], { size: 21, header: true, align: ['center', 'right', 'right', 'right', 'right', 'right'] });
  y += 60;
  p.put(`该员工近十二个月月平均应发工资为人民币 ${money(avg)} 元（${capitals(avg)}）。`, 90, y, { size: 24 });
  p.put('本证明仅用于其申请住房保障，我单位对以上内容的真实性负责。', 90, y + 46, { size: 24 });
  p.put(`单位名称（盖章）：${boss}`, 560, y + 160, { size: 24 });
  p.put(`经办人：${person(rng).name}    联系电话：0755-${rng.int(23000000, 89999999)}`, 90, y + 160, { size: 22 });
  p.put(fmtDate(issue, 'cn'), 820, y + 210, { size: 24 });
  p.seal(860, y + 150, 110, boss, '人力资源部', rng);
  return { paper: p, layout: 'income-payroll-table', fields: { name: who.name, idNumber: who.id, employer: boss, monthlyIncome: avg, annualIncome: total, date: issue } };
}

function contract(rng: Rng): Made {
  const who = person(rng, { from: '1975-01-01', to: '2002-12-31', plain: true });
  const boss = employer(rng);
  const signed = dateBetween(rng, '2023-01-01', '2026-10-31');
  const pay = rng.int(45, 250) * 100;
  const p = new Paper(1240, 1754, '#fffefa');
  p.put(`— ${rng.int(2, 4)} —`, 620, 1700, { size: 20, align: 'center' });
  p.put('深圳市劳动合同（全日制）', 620, 110, { size: 26, face: 'serif', align: 'center', color: '#555' });
  let y = 200;
  const para = (s: string, bold = false) => {
    p.put(s, 110, y, { size: 25, face: bold ? 'serifBold' : 'serif' });
    y += 50;
  };
  para(`甲方（用人单位）：${boss}`);
  para(`乙方（劳动者）：${who.name}    性别：${who.sex}`);
  para(`居民身份证号码：${who.id}`);
  y += 20;
  para('第三章  劳动报酬', true);
  para('第八条  甲方根据本单位工资分配制度，按月以货币形式支付乙方工资，不得克扣或');
  para('无故拖欠。乙方试用期满后的月工资为人民币');
  p.put(`${pay}`, 640, y - 50, { size: 26, face: 'hand', color: '#1b2a6b' });
  p.put('元', 760, y - 50, { size: 25, face: 'serif' });
  para(`（大写：${capitals(pay)}），试用期工资不低于本单位相同岗位最低档工资的百分之八十。`);
  para(`第九条  甲方每月${rng.int(5, 15)}日前以银行转账方式支付乙方上月工资。`);
  para('第十条  甲方安排乙方加班的，按《中华人民共和国劳动法》规定支付加班工资。');
  y += 20;
  para('第四章  社会保险和福利', true);
  para('第十一条  甲乙双方依法参加社会保险，按时缴纳各项社会保险费。');
  y = 1250;
  p.put('甲方（盖章）：', 110, y, { size: 25, face: 'serif' });
  p.put('乙方（签名）：', 700, y, { size: 25, face: 'serif' });
  p.put(who.name, 880, y, { size: 40, face: 'hand', color: '#1b2a6b' });
  p.put('签订日期：', 110, y + 90, { size: 25, face: 'serif' });
  p.put(fmtDate(signed, 'cnShort'), 260, y + 90, { size: 25, face: 'serif' });
  p.put('签订日期：', 700, y + 90, { size: 25, face: 'serif' });
  p.put(fmtDate(signed, 'cnShort'), 850, y + 90, { size: 25, face: 'serif' });
  p.seal(300, y - 10, 115, boss, '合同专用章', rng);
  return { paper: p, layout: 'income-labour-contract', fields: { name: who.name, idNumber: who.id, employer: boss, monthlyIncome: pay, date: signed } };
}

function pension(rng: Rng): Made {
  const who = person(rng, { from: '1945-01-01', to: '1964-06-30' });
  const issue = dateBetween(rng, '2026-06-01', '2026-11-28');
  const retired = addDays(`${Number(who.birth.slice(0, 4)) + (who.sex === '男' ? 60 : 50)}-${who.birth.slice(5, 7)}-01`, 31).slice(0, 7);
  const monthly = round2(rng.int(3200, 9800) + rng.int(0, 99) / 100);
  const p = new Paper();
  p.put('深圳市社会保险基金管理局', 620, 140, { size: 30, align: 'center' });
  p.put('基本养老金领取证明', 620, 220, { size: 44, face: 'bold', align: 'center', spacing: 4 });
  const x = [110, 330, 620, 840, 1130];
  let y = table(p, x, 300, 78, [
    ['姓名', who.name, '性别', who.sex],
    ['公民身份号码', who.id, '个人社保号', String(rng.int(600000000, 699999999))],
    ['离退休类别', who.sex === '男' ? '退休' : rng.pick(['退休', '退休（女工人）']), '待遇享受年月', `${retired.replace('-', '年')}月`],
    ['领取地', '深圳市', '发放方式', '银行代发'],
  ], { size: 24 });
  y += 60;
  p.put(`    兹证明上述人员为我市基本养老保险待遇领取人员，${issue.slice(0, 4)}年${Number(issue.slice(5, 7))}月`, 110, y, { size: 25 });
  p.put(`领取基本养老金 ${money(monthly)} 元/月（${capitals(monthly)}）。`, 110, y + 48, { size: 25 });
  p.put('    特此证明。', 110, y + 110, { size: 25 });
  p.put('深圳市社会保险基金管理局', 880, y + 260, { size: 25, align: 'center' });
  p.put(`打印日期：${fmtDate(issue, 'dash')}`, 880, y + 310, { size: 23, align: 'center' });
  p.seal(880, y + 250, 120, '深圳市社会保险基金管理局', '业务专用章', rng);
  p.put('本证明可通过“深圳社保”网站输入验证码核验真伪。', 110, 1650, { size: 20, color: '#444' });
  return { paper: p, layout: 'income-pension', fields: { name: who.name, idNumber: who.id, monthlyIncome: monthly, date: issue } };
}

/** The stationery-shop 收入证明 template, blanks filled in by hand (blue ballpoint), the company's seal over the name. */
function handFilled(rng: Rng): Made {
  const who = person(rng, { from: '1970-01-01', to: '2001-12-31', plain: true });
  const boss = employer(rng);
  const issue = dateBetween(rng, '2026-08-01', '2026-11-28');
  const pay = rng.int(40, 220) * 100 + rng.pick([0, 0, 50]);
  const since = dateBetween(rng, '2012-01-01', '2025-06-30');
  const p = new Paper(1240, 1754, '#fdfdf8');
  const ink = { face: 'hand' as const, color: '#1f3a93', size: 40 };
  const print = { face: 'serif' as const, size: 28 };
  p.put('收 入 证 明', 620, 170, { size: 52, face: 'serifBold', align: 'center' });
  const blank = (x1: number, x2: number, y: number) => p.line(x1, y + 10, x2, y + 10, 1.5, '#333');
  let y = 300;
  p.put('兹证明', 110, y, print);
  blank(210, 470, y);
  p.put(who.name, 240, y - 4, ink);
  p.put('同志，身份证号码', 480, y, print);
  y += 90;
  blank(110, 640, y);
  p.put(who.id, 130, y - 4, { ...ink, size: 36 });
  p.put(`，系我单位员工，自${since.slice(0, 4)}年${Number(since.slice(5, 7))}月起在我单位`, 650, y, { ...print, size: 24 });
  y += 90;
  p.put('工作，现任', 110, y, print);
  blank(260, 560, y);
  p.put(rng.pick(['行政专员', '销售经理', '技术员', '会计', '仓库主管', '工程师']), 290, y - 4, ink);
  p.put('职务。其月收入为人民币（小写）', 570, y, print);
  y += 90;
  blank(110, 400, y);
  p.put(`${pay}`, 140, y - 4, ink);
  p.put('元，（大写）', 410, y, print);
  blank(570, 1130, y);
  p.put(capitals(pay), 590, y - 4, { ...ink, size: 36 });
  p.put('。', 1135, y, print);
  y += 90;
  p.put('    特此证明。', 110, y, print);
  y += 160;
  p.put('单位名称（盖章）：', 110, y, print);
  p.put(boss, 370, y - 2, { ...ink, size: 38 });
  p.seal(560, y - 20, 120, boss, '', rng);
  y += 90;
  p.put('经办人：', 110, y, print);
  p.put(chineseName(rng, rng.chance(0.5) ? '男' : '女', true), 230, y - 2, ink);
  p.put('联系电话：', 560, y, print);
  p.put(`0755-${rng.int(23000000, 89999999)}`, 710, y - 2, { ...ink, size: 36 });
  y += 90;
  p.put('日期：', 110, y, print);
  p.put(`${issue.slice(0, 4)}年${Number(issue.slice(5, 7))}月${Number(issue.slice(8, 10))}日`, 200, y - 2, ink);
  p.put('注：本证明仅用于申请住房保障，不作其他用途。我单位对本证明的真实性负责，', 110, 1560, { size: 22, color: '#444' });
  p.put('如有虚假，愿承担相应的法律责任。', 110, 1596, { size: 22, color: '#444' });
  return { paper: p, layout: 'income-handfilled-template', fields: { name: who.name, idNumber: who.id, employer: boss, monthlyIncome: pay, date: issue } };
}

export function drawIncome(rng: Rng): Made {
  const r = rng.next();
  return r < 0.24 ? taxRecord(rng) : r < 0.46 ? payrollTable(rng) : r < 0.62 ? contract(rng) : r < 0.8 ? handFilled(rng) : pension(rng);
}
