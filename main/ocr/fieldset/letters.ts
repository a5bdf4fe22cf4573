// Income letters, bank statements, social-insurance records and property search results of the field set.
import type { Rng } from '../../../domain/seed/prng';
import { type Cell, type Drawn, grid, labelled, redHead, title } from './draw';
import { SANS } from './fonts';
import { address, commas, employer, formatDate, formatMoney, isoDate, type MoneyStyle, person, pickDateStyle, randomDate, upperYuan } from './people';
import { Sheet } from './sheet';

const v = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, value: true, ...extra });
const l = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });
const recent = (rng: Rng) => randomDate(rng, 2023, 2025);

export function drawIncome(rng: Rng, hand: boolean): Drawn {
  const p = person(rng, { from: 1965, to: 2001 });
  const emp = employer(rng);
  const monthly = rng.chance(0.5) ? rng.int(45, 320) * 100 : Math.round(rng.int(450000, 3200000)) / 100;
  const annual = Math.round(monthly * 12 * 100) / 100;
  const date = recent(rng);
  const money: MoneyStyle = rng.pick(['yen', 'yuan', 'rmb', 'plain']);
  const show = rng.pick(['both', 'both', 'monthly', 'annual'] as const);
  const fields: Record<string, string | number> = { name: p.name, idNumber: p.idNumber, employer: emp, date };
  if (show !== 'annual') fields.monthlyIncome = monthly;
  if (show !== 'monthly') fields.annualIncome = annual;
  const m = money === 'plain' ? `${commas(monthly)}元` : formatMoney(monthly, money);
  const a = money === 'plain' ? `${commas(annual)}元` : formatMoney(annual, money);
  const dateStyle = pickDateStyle(rng);
  const since = `${rng.int(2008, 2022)}年${rng.int(1, 12)}月`;
  const post = rng.pick(['行政专员', '软件工程师', '仓储主管', '护士', '教师', '财务', '销售经理', '技术员']);
  const layout = rng.pick(['red-head', 'form', 'prose-capitals', 'tax-record']);
  if (layout === 'tax-record') return taxRecord(rng, p, emp, monthly, date, dateStyle);
  const sheet = new Sheet(1100, 1480);
  if (layout === 'red-head') {
    let y = redHead(sheet, 80, emp, rng.chance(0.6) ? `${emp.slice(0, 2)}人证〔${date.slice(0, 4)}〕${rng.int(1, 99)}号` : undefined, 90);
    title(sheet, y + 10, '收入证明', 42, rng);
    y += 110;
    const income =
      show === 'both'
        ? `月平均收入${m}，年收入${a}`
        : show === 'monthly'
          ? `月收入（税前）${m}`
          : `近十二个月收入合计${a}`;
    y = sheet.paragraph(110, y, 880, `兹证明${p.name}（公民身份号码：${p.idNumber}）自${since}起在我单位工作，现任${post}，${income}。`, { size: 28, indent: 2 });
    y = sheet.paragraph(110, y + 10, 880, '特此证明，本证明仅用于申请住房保障，不作其他用途。', { size: 28, indent: 2 });
    sheet.text(990, y + 120, emp, { size: 26, align: 'right' });
    sheet.fill(990, y + 180, formatDate(date, dateStyle), { size: 26, align: 'right', hand, family: hand ? undefined : SANS });
    return { sheet, fields, layout, issuer: emp };
  }
  if (layout === 'form') {
    title(sheet, 80, '职工收入证明表', 40, rng);
    const rows: Cell[][] = [
      [l('姓名'), v(p.name), l('性别'), v(p.sex)],
      [l('身份证号'), v(p.idNumber, { span: 3 })],
      [l('工作单位'), v(emp, { span: 3 })],
      [l('入职时间'), v(since), l('职务'), v(post)],
    ];
    if (show === 'both') rows.push([l('月收入'), v(m), l('年收入'), v(a)]);
    else rows.push([l(show === 'monthly' ? '月收入（元）' : '年收入（元）'), v(show === 'monthly' ? commas(monthly) : commas(annual), { span: 3 })]);
    rows.push([l('单位地址'), v(address(rng).replace(/\d+栋.*$/, ''), { span: 3 })]);
    let y = grid(sheet, 80, 180, [190, 360, 150, 240], 74, rows, 24);
    y = sheet.paragraph(100, y + 40, 900, '我单位承诺以上情况属实，如有虚假，愿承担相应法律责任。', { size: 24, indent: 2 });
    sheet.text(600, y + 80, '单位（盖章）：', { size: 24 });
    sheet.text(600, y + 140, `经办人：${rng.pick(['陈', '林', '黄', '周'])}${rng.pick(['小姐', '先生', '主任'])}`, { size: 24 });
    sheet.text(600, y + 200, '日期：', { size: 24 });
    sheet.fill(680, y + 198, formatDate(date, dateStyle), { size: 26, hand });
    return { sheet, fields, layout, issuer: emp };
  }
  // prose with the amount in capitals as well
  title(sheet, 90, '收入证明', 44, rng);
  let y = 200;
  sheet.text(110, y, `致：深圳市${rng.pick(['住房和建设局', '福田区住房和建设局', '南山区住房和建设局', '龙岗区住房保障中心'])}`, { size: 26 });
  y += 70;
  const whole = Math.round(show === 'annual' ? annual : monthly);
  const capitals = Number.isInteger(show === 'annual' ? annual : monthly) ? `（大写：人民币${upperYuan(whole)}）` : '';
  const amount = show === 'annual' ? `年收入为${a}${capitals}` : `每月工资收入为${m}${capitals}${show === 'both' ? `，全年合计${a}` : ''}`;
  y = sheet.paragraph(110, y, 880, `兹有${p.name}同志，身份证号码${p.idNumber}，系${emp}${post}，${amount}。`, { size: 28, indent: 2 });
  y = sheet.paragraph(110, y + 10, 880, '以上情况属实，特此证明。', { size: 28, indent: 2 });
  sheet.text(560, y + 100, `证明单位：${emp}`, { size: 24 });
  sheet.text(560, y + 160, '联系电话：0755-' + rng.int(21000000, 89999999), { size: 24 });
  sheet.text(560, y + 220, '出具日期：', { size: 24 });
  sheet.fill(680, y + 218, formatDate(date, dateStyle), { size: 26, hand });
  return { sheet, fields, layout, issuer: emp };
}

/** 个人所得税纳税记录 (as the tax app prints it): twelve months of 工资薪金 from the employer; the truth is the year's total. */
function taxRecord(rng: Rng, p: ReturnType<typeof person>, emp: string, monthly: number, date: string, dateStyle: ReturnType<typeof pickDateStyle>): Drawn {
  const year = Number(date.slice(0, 4)) - 1;
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, income: Math.round(monthly * (0.85 + rng.next() * 0.3) * 100) / 100 }));
  const annual = Math.round(months.reduce((s, m) => s + m.income, 0) * 100) / 100;
  const tax = (x: number) => Math.max(0, Math.round((x - 5000) * 0.03 * 100) / 100);
  const sheet = new Sheet(1240, 1500);
  sheet.text(620, 60, '个人所得税纳税记录', { size: 40, align: 'center' });
  sheet.text(620, 120, `（${year}年01月至${year}年12月）`, { size: 22, align: 'center' });
  let y = 180;
  sheet.text(60, y, `证明编号：${rng.int(10, 99)}${date.replace(/-/g, '')}${rng.int(1000000, 9999999)}`, { size: 20 });
  y += 50;
  labelled(sheet, 60, y, '纳税人名称：', p.name, 22);
  labelled(sheet, 600, y, '身份证件号码：', p.idNumber, 22);
  y += 60;
  const cells: Cell[][] = [[l('税款所属期'), l('所得项目'), l('收入'), l('实缴（退）金额'), l('扣缴义务人', { align: 'left' })]];
  for (const m of months) cells.push([l(`${year}-${String(m.month).padStart(2, '0')}`), l('工资薪金'), l(commas(m.income)), l(commas(tax(m.income))), l(emp, { align: 'left' })]);
  cells.push([l('合计'), l(''), l(commas(annual)), l(commas(months.reduce((s, m) => s + tax(m.income), 0))), l('')]);
  y = grid(sheet, 40, y, [170, 150, 180, 200, 460], 50, cells, 19, '#777');
  y = sheet.paragraph(60, y + 30, 1100, '说明：本记录涉及纳税人敏感信息，请妥善保管。本记录仅证明纳税人在税务系统中申报的收入及缴纳的税款。', { size: 20 });
  sheet.text(1180, y + 40, '国家税务总局深圳市税务局', { size: 22, align: 'right' });
  sheet.fill(1180, y + 90, formatDate(date, dateStyle), { size: 24, align: 'right', family: SANS });
  return { sheet, fields: { name: p.name, idNumber: p.idNumber, employer: emp, annualIncome: annual, date }, layout: 'tax-record', issuer: '国家税务总局深圳市税务局' };
}

const COUNTERPARTS = ['财付通支付科技有限公司', '支付宝（中国）网络技术有限公司', '深圳市燃气集团股份有限公司', '中国移动通信集团广东有限公司', '深圳供电局有限公司', '美团', '拼多多'];
const CREDIT_MEMO = ['工资', '代发工资', '转账', '利息', '报销款', '奖金'];
const DEBIT_MEMO = ['消费', '快捷支付', '转账', '房租', '水电费', 'ATM取款', '信用卡还款'];

export function drawBank(rng: Rng, _hand: boolean): Drawn {
  const p = person(rng, { from: 1965, to: 2001 });
  const emp = employer(rng);
  const bank = rng.pick([
    ['中国工商银行', '6222'],
    ['中国建设银行', '6217'],
    ['招商银行', '6214'],
    ['中国银行', '6216'],
    ['平安银行', '6230'],
    ['中国农业银行', '6228'],
  ] as const);
  const accountNumber = bank[1] + Array.from({ length: rng.pick([12, 15]) }, () => rng.int(0, 9)).join('');
  const year = rng.int(2023, 2025);
  const m0 = rng.int(1, 7);
  const months = rng.int(3, 6);
  const periodStart = isoDate(year, m0, 1);
  const endMonth = m0 + months - 1;
  const periodEnd = isoDate(year, endMonth, new Date(Date.UTC(year, endMonth, 0)).getUTCDate());
  // transactions: a salary each month and a few payments, in order
  let balance = rng.int(100000, 3000000) / 100;
  const opening = balance;
  const salary = rng.int(600000, 2200000) / 100;
  const rows: { date: string; memo: string; other: string; credit: number; debit: number; balance: number }[] = [];
  for (let k = 0; k < months; k++) {
    const mm = m0 + k;
    const days = [rng.int(1, 9), rng.int(10, 14), rng.int(15, 22), rng.int(23, 28)];
    for (const [i, d] of days.entries()) {
      if (i > 1 && rng.chance(0.4)) continue;
      const credit = i === 1 ? Math.round((salary + rng.int(-30000, 30000) / 100) * 100) / 100 : rng.chance(0.12) ? rng.int(500, 80000) / 100 : 0;
      const debit = credit ? 0 : Math.min(rng.int(1000, 450000) / 100, Math.round(balance * 50) / 100);
      balance = Math.round((balance + credit - debit) * 100) / 100;
      rows.push({ date: isoDate(year, mm, d), memo: credit ? (i === 1 ? rng.pick(['工资', '代发工资']) : rng.pick(CREDIT_MEMO)) : rng.pick(DEBIT_MEMO), other: credit && i === 1 ? emp : rng.pick(COUNTERPARTS), credit, debit, balance });
    }
  }
  const creditTotal = Math.round(rows.reduce((s, r) => s + r.credit, 0) * 100) / 100;
  const debitTotal = Math.round(rows.reduce((s, r) => s + r.debit, 0) * 100) / 100;
  const fields = { name: p.name, accountNumber, periodStart, periodEnd, creditTotal, closingBalance: balance };
  const style = rng.pick(['iso', 'dot', 'cn0', 'slash'] as const);
  const grouped = rng.chance(0.35) ? accountNumber.replace(/(\d{4})(?=\d)/g, '$1 ') : accountNumber;
  const layout = rng.pick(['detail-cols', 'statement-dc', 'signed-flow']);
  const sheet = new Sheet(1240, 560 + rows.length * 44);
  const compact = (iso: string) => (style === 'iso' ? iso : style === 'dot' ? iso.replace(/-/g, '.') : iso.replace(/-/g, ''));
  sheet.text(620, 40, `${bank[0]}${layout === 'statement-dc' ? '个人账户对账单' : layout === 'detail-cols' ? '个人客户交易明细' : '借记卡账户流水'}`, { size: 34, align: 'center', family: SANS });
  let y = 110;
  labelled(sheet, 60, y, '户名：', p.name, 22);
  labelled(sheet, 560, y, '账号：', grouped, 22);
  y += 46;
  labelled(sheet, 60, y, '币种：', '人民币', 22);
  labelled(sheet, 560, y, '起止日期：', `${formatDate(periodStart, style)} 至 ${formatDate(periodEnd, style)}`, 22);
  y += 46;
  if (layout === 'statement-dc') {
    labelled(sheet, 60, y, '期初余额：', commas(opening), 22);
    y += 46;
  }
  y += 10;
  const size = 19;
  if (layout === 'detail-cols') {
    const cells: Cell[][] = [[l('交易日期'), l('摘要'), l('对方户名'), l('收入金额'), l('支出金额'), l('账户余额')]];
    for (const r of rows) cells.push([l(compact(r.date)), l(r.memo), l(r.other, { align: 'left' }), l(r.credit ? commas(r.credit) : ''), l(r.debit ? commas(r.debit) : ''), l(commas(r.balance))]);
    cells.push([l('合计'), l(''), l(`共${rows.length}笔`), l(commas(creditTotal)), l(commas(debitTotal)), l(commas(balance))]);
    y = grid(sheet, 40, y, [150, 110, 380, 180, 180, 160], 44, cells, size, '#666');
  } else if (layout === 'statement-dc') {
    const cells: Cell[][] = [[l('日期'), l('交易摘要'), l('借方发生额'), l('贷方发生额'), l('余额'), l('对方户名')]];
    for (const r of rows) cells.push([l(compact(r.date)), l(r.memo), l(r.debit ? commas(r.debit) : ''), l(r.credit ? commas(r.credit) : ''), l(commas(r.balance)), l(r.other, { align: 'left' })]);
    y = grid(sheet, 40, y, [150, 130, 180, 180, 170, 350], 44, cells, size, '#888');
    y += 20;
    sheet.text(60, y, `本期借方合计：${commas(debitTotal)}    本期贷方合计：${commas(creditTotal)}`, { size: 22 });
    y += 44;
    sheet.text(60, y, `期末余额：${commas(balance)}`, { size: 22 });
  } else {
    const cells: Cell[][] = [[l('记账日期'), l('交易类型'), l('交易金额'), l('余额'), l('交易对手')]];
    for (const r of rows) cells.push([l(compact(r.date)), l(r.memo), l(r.credit ? `+${commas(r.credit)}` : `-${commas(r.debit)}`), l(commas(r.balance)), l(r.other, { align: 'left' })]);
    y = grid(sheet, 40, y, [160, 150, 200, 200, 450], 44, cells, size, '#999');
    y += 20;
    const nIn = rows.filter((r) => r.credit).length;
    sheet.text(60, y, `收入笔数：${nIn}  收入金额：${commas(creditTotal)}元`, { size: 22 });
    y += 44;
    sheet.text(60, y, `支出笔数：${rows.length - nIn}  支出金额：${commas(debitTotal)}元  期末余额：${commas(balance)}元`, { size: 22 });
  }
  sheet.text(60, y + 60, `打印日期：${formatDate(periodEnd, 'iso')}   本明细仅供参考，以银行记录为准`, { size: 18, color: '#444' });
  return { sheet, fields, layout, issuer: `${bank[0]}股份有限公司深圳分行`.replace('银行股份有限公司股份', '银行股份') };
}

export function drawSocial(rng: Rng, hand: boolean): Drawn {
  const p = person(rng, { from: 1965, to: 1998 });
  const emp = employer(rng);
  const date = recent(rng);
  const endYear = Number(date.slice(0, 4));
  const endMonth = Math.max(1, Number(date.slice(5, 7)) - 1);
  const startYear = Math.max(Number(p.birth.slice(0, 4)) + 20, endYear - rng.int(3, 18));
  const years: { year: number; from: number; to: number; months: number; base: number; unit: string }[] = [];
  let unit = employer(rng);
  for (let yr = startYear; yr <= endYear; yr++) {
    if (yr === endYear || rng.chance(0.25)) unit = emp;
    const from = yr === startYear ? rng.int(1, 10) : 1;
    const to = yr === endYear ? endMonth : 12;
    const gap = yr !== startYear && yr !== endYear && rng.chance(0.15) ? rng.int(1, 4) : 0;
    years.push({ year: yr, from, to, months: to - from + 1 - gap, base: rng.int(2360, 12000), unit });
  }
  const totalMonths = years.reduce((s, y) => s + y.months, 0);
  const fields = { name: p.name, idNumber: p.idNumber, employer: emp, totalMonths, date };
  const style = pickDateStyle(rng);
  const layout = rng.pick(['yearly-table', 'certificate-prose', 'rights-form']);
  const agency = layout === 'rights-form' ? emp : '深圳市社会保险基金管理局';
  const sheet = new Sheet(1240, layout === 'yearly-table' ? 620 + years.length * 46 : 1400);
  if (layout === 'yearly-table') {
    sheet.text(620, 40, '深圳市社会保险参保缴费历年明细表', { size: 34, align: 'center' });
    let y = 110;
    labelled(sheet, 60, y, '姓名：', p.name, 22, { hand });
    labelled(sheet, 420, y, '社会保障号码：', p.idNumber, 22);
    y += 46;
    labelled(sheet, 60, y, '现参保单位：', emp, 22);
    y += 56;
    const cells: Cell[][] = [[l('年度'), l('缴费起止年月'), l('月数'), l('缴费基数'), l('参保单位')]];
    for (const r of years) cells.push([l(String(r.year)), l(`${r.year}${String(r.from).padStart(2, '0')}-${r.year}${String(r.to).padStart(2, '0')}`), l(String(r.months)), l(String(r.base)), l(r.unit, { align: 'left' })]);
    cells.push([l('合计'), l(''), l(String(totalMonths)), l(''), l('')]);
    y = grid(sheet, 40, y, [110, 250, 90, 150, 560], 46, cells, 19, '#666');
    sheet.text(60, y + 30, `累计缴费月数：${totalMonths}个月`, { size: 22 });
    sheet.text(60, y + 80, `打印日期：${formatDate(date, style)}`, { size: 22 });
    return { sheet, fields, layout, issuer: agency };
  }
  if (layout === 'certificate-prose') {
    title(sheet, 90, '参保缴费证明', 44, rng);
    let y = 210;
    const upto = `${endYear}年${endMonth}月`;
    y = sheet.paragraph(110, y, 1000, `兹证明${p.name}（身份证号码：${p.idNumber}）于${startYear}年起在深圳市参加社会保险，现参保单位为${emp}。截至${upto}，养老保险累计缴费${totalMonths}个月，其中本市实际缴费${totalMonths}个月。`, { size: 28, indent: 2 });
    y = sheet.paragraph(110, y + 10, 1000, '特此证明。（本证明可通过深圳市社会保险基金管理局网站核验真伪）', { size: 26, indent: 2 });
    sheet.text(1100, y + 100, '深圳市社会保险基金管理局', { size: 26, align: 'right' });
    sheet.text(1100, y + 160, formatDate(date, style), { size: 26, align: 'right' });
    return { sheet, fields, layout, issuer: agency };
  }
  title(sheet, 80, '个人社会保险权益记录', 40, rng);
  let y = grid(
    sheet,
    80,
    170,
    [210, 330, 210, 330],
    70,
    [
      [l('姓名'), v(p.name, { hand }), l('性别'), v(p.sex)],
      [l('公民身份号码'), v(p.idNumber, { span: 3 })],
      [l('参保单位'), v(emp, { span: 3 })],
      [l('首次参保时间'), v(`${startYear}年${years[0]!.from}月`), l('参保状态'), v('正常参保')],
      [l('累计缴费月数'), v(`${totalMonths}`), l('本年缴费月数'), v(String(years[years.length - 1]!.months))],
      [l('个人账户累计'), v(commas(rng.int(800000, 9000000) / 100)), l('险种'), v('基本养老保险')],
    ],
    23,
  );
  y += 60;
  sheet.text(700, y, `打印日期：${formatDate(date, style)}`, { size: 23 });
  return { sheet, fields, layout, issuer: agency };
}

export function drawProperty(rng: Rng, hand: boolean): Drawn {
  const p = person(rng, { from: 1960, to: 2001 });
  const date = recent(rng);
  const owns = rng.chance(0.35);
  const fields = { name: p.name, idNumber: p.idNumber, hasProperty: owns ? '有' : '无', date };
  const style = pickDateStyle(rng);
  const layout = rng.pick(['query-result', 'form-table', 'housing-letter']);
  const sheet = new Sheet(1100, 1450);
  const estates = Array.from({ length: owns ? rng.int(1, 2) : 0 }, () => ({
    where: address(rng),
    no: `粤（${rng.int(2016, 2024)}）深圳市不动产权第${String(rng.int(1, 9999999)).padStart(7, '0')}号`,
    area: (rng.int(3800, 14000) / 100).toFixed(2),
  }));
  const office = rng.pick(['深圳市不动产登记中心', '深圳市不动产登记中心福田登记所', '深圳市不动产登记中心南山登记所']);
  if (layout === 'query-result') {
    title(sheet, 80, '不动产登记信息查询结果证明', 40, rng);
    let y = 180;
    sheet.text(90, y, `编号：${date.replace(/-/g, '')}${rng.int(10000, 99999)}`, { size: 20 });
    y += 50;
    labelled(sheet, 90, y, '查询申请人：', p.name, 24, { hand });
    y += 50;
    labelled(sheet, 90, y, '证件号码：', p.idNumber, 24);
    y += 50;
    sheet.text(90, y, `查询范围：深圳市行政区域内    查询时间：${formatDate(date, style === 'upper' ? 'cn' : style)}`, { size: 22 });
    y += 70;
    sheet.text(90, y, '查询结果：', { size: 26, bold: true });
    y += 50;
    if (owns) {
      y = sheet.paragraph(90, y, 920, `经查询，截至查询时间，${p.name}名下在本市有以下不动产登记记录：`, { size: 25, indent: 2 });
      y = grid(sheet, 90, y + 10, [60, 430, 300, 130], 56, [[l('序号'), l('坐落'), l('不动产权证号'), l('面积㎡')], ...estates.map((e, i) => [l(String(i + 1)), l(e.where, { align: 'left' }), l(e.no), l(e.area)])], 18);
    } else {
      y = sheet.paragraph(90, y, 920, `经查询，截至查询时间，在本市不动产登记簿中未查询到${p.name}（证件号码：${p.idNumber}）名下的不动产登记记录。`, { size: 25, indent: 2 });
    }
    y = sheet.paragraph(90, y + 30, 920, '说明：本证明仅反映查询时点不动产登记簿记载的信息，不作为权属证明。', { size: 20, indent: 2 });
    sheet.text(1000, y + 90, office, { size: 24, align: 'right' });
    sheet.text(1000, y + 140, formatDate(date, style), { size: 24, align: 'right' });
    return { sheet, fields, layout, issuer: office.replace(/登记所$/, '') };
  }
  if (layout === 'form-table') {
    title(sheet, 80, '房屋产权情况证明', 42, rng);
    const result = owns ? `有房产${estates.length}套` : rng.pick(['无登记记录', '无房产登记记录', '未查询到产权登记记录']);
    const y = grid(
      sheet,
      60,
      180,
      [200, 280, 200, 300],
      74,
      [
        [l('姓名'), v(p.name, { hand }), l('性别'), v(p.sex)],
        [l('身份证号码'), v(p.idNumber, { span: 3 })],
        [l('查询范围'), v('深圳市全市范围', { span: 3 })],
        [l('查询结果'), v(result, { span: 3 })],
        ...(owns ? estates.map((e, i) => [l(`房产${i + 1}`), v(e.where, { span: 3 })]) : []),
      ],
      23,
    );
    sheet.text(100, y + 50, `查询日期：${formatDate(date, style)}`, { size: 23 });
    sheet.text(1000, y + 120, `${office}（盖章）`, { size: 23, align: 'right' });
    return { sheet, fields, layout, issuer: office.replace(/登记所$/, '') };
  }
  title(sheet, 90, '住房情况查询证明', 44, rng);
  let y = 220;
  const finding = owns ? `名下登记有住房${estates.length}套，坐落于${estates.map((e) => e.where).join('、')}` : '名下无住房登记记录';
  y = sheet.paragraph(110, y, 880, `根据申请人${p.name}（身份证号：${p.idNumber}）的申请，经查询深圳市不动产登记信息系统，截至${formatDate(date, 'cn')}，该申请人${finding}。`, { size: 27, indent: 2 });
  y = sheet.paragraph(110, y + 10, 880, '特此证明。', { size: 27, indent: 2 });
  sheet.text(980, y + 100, office, { size: 26, align: 'right' });
  sheet.text(980, y + 160, formatDate(date, style), { size: 26, align: 'right' });
  return { sheet, fields, layout, issuer: office.replace(/登记所$/, '') };
}
