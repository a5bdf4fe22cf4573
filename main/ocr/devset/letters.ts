// 收入证明, 银行流水, 社保参保证明 and 不动产登记查询结果 pages for the development set.
import type { FieldValue } from '../../../domain/ocr/fields';
import type { Rng } from '../../../domain/seed/prng';
import type { Drawn } from './civil';
import { addDays, address, dateText, type DateStyle, employer, isoDate, issueDate, pad, person, upperYuan, yuan } from './people';
import { type FontKey, Sheet } from './sheet';

const BODY_FONTS: FontKey[] = ['serif300', 'serif500', 'sans200', 'sans600', 'serif500'];
const HEAD_FONTS: FontKey[] = ['serif800', 'sans800', 'serif700', 'sans700'];
const A4W = 1240;
const A4H = 1754;

const idLabel = (rng: Rng): string => rng.pick(['身份证号码', '身份证号', '公民身份号码', '证件号码']);

export function drawIncome(rng: Rng): Drawn {
  const p = person(rng, undefined, 1965, 2001);
  const company = employer(rng);
  const date = issueDate(rng);
  const layout = rng.int(0, 2);
  const body = rng.int(25, 31);
  const bf = rng.pick(BODY_FONTS);
  const hf = rng.pick(HEAD_FONTS);
  const sheet = new Sheet(A4W, A4H, body);
  const fields: Record<string, FieldValue> = { name: p.name, employer: company, date };
  // what the letter states: monthly, annual or both
  const which = rng.pick(['both', 'monthly', 'annual', 'both']);
  const cents = rng.chance(0.25);
  // most applicants earn 4,500-15,000 a month; some letters are for higher earners
  const monthlyV = (rng.int(45, rng.chance(0.75) ? 150 : 420) * 10000 + (cents ? rng.int(1, 9999) : 0)) / 100;
  const annualV = rng.chance(0.6) ? Math.round(monthlyV * 12 * 100) / 100 : Math.round((monthlyV * rng.int(12, 16)) / 1000) * 1000;
  if (which !== 'annual') fields.monthlyIncome = monthlyV;
  if (which !== 'monthly') fields.annualIncome = annualV;
  const showId = rng.chance(0.8);
  if (showId) fields.idNumber = p.id;
  const pre = rng.pick(['税前', '', '税前', '应发']);
  const commas = rng.chance(0.5);
  const monthlyText = (): string => {
    const r = rng.int(0, 6);
    if (r === 0) return `人民币${yuan(monthlyV, commas)}元（大写：${upperYuan(monthlyV)}）`;
    if (r === 1) return `${yuan(monthlyV, commas, true)}元`;
    if (r === 2) return `¥${yuan(monthlyV, true)}元`;
    if (r === 3) return `人民币${upperYuan(monthlyV)}`;
    if (r === 4 && monthlyV % 100 === 0 && monthlyV >= 10000) return `${monthlyV / 10000}万元`;
    if (r === 5) return `${upperYuan(monthlyV)}（¥${yuan(monthlyV, commas)}）`;
    return `${yuan(monthlyV, commas)}元/月`;
  };
  const annualText = (): string => {
    const r = rng.int(0, 4);
    if (r === 0 && annualV % 100 === 0) return `${annualV / 10000}万元`;
    if (r === 1) return `人民币${yuan(annualV, commas)}元（${upperYuan(annualV)}）`;
    if (r === 3) return `${upperYuan(annualV)}（小写：¥${yuan(annualV, commas)}）`;
    return `${yuan(annualV, commas, r === 2)}元`;
  };
  const dateLine = dateText(date, rng.pick<DateStyle>(['cn', 'cnPad', 'hanzi', 'dot', 'cn']));
  const x0 = 130;
  const width = A4W - 260;
  let y = 260;
  if (rng.chance(0.5)) {
    // letterhead paper: the company's name over a rule, its address and telephone at the foot
    sheet.text(company, A4W / 2, 90, Math.round(body * 1.1), rng.pick<FontKey>(['sans800', 'serif800', 'sans700']), { align: 'center', color: rng.pick(['#1a3f8f', '#111111', '#8a1c1c']) });
    sheet.line(x0 - 40, 115, x0 + width + 40, 115, 3, '#1a3f8f');
    sheet.text(`地址：${address(rng)}  电话：0755-${rng.int(2000, 8999)}${pad(rng.int(0, 9999), 4)}`, A4W / 2, A4H - 90, Math.round(body * 0.6), 'sans600', { align: 'center', color: '#444444' });
  }
  const title = rng.pick(['收入证明', '收 入 证 明', '工资收入证明', '在职及收入证明', '个人收入证明']);
  sheet.text(title.replaceAll(' ', ''), A4W / 2, 200, Math.round(body * 1.8), hf, { align: 'center', spacing: title.includes(' ') ? body : 0 });
  if (layout === 0 || layout === 2) {
    y = 330;
    if (layout === 2) {
      sheet.text(`${rng.pick(['致', 'To'])}：${rng.pick(['深圳市住房和建设局', '有关单位', '深圳市南山区住房和建设局', '贵单位'])}`, x0, y, body, bf);
      y += body * 2.4;
    }
    const who = `${p.name}${rng.pick(['', '同志', '先生', '女士'].filter((s) => s === '' || s === '同志' || (s === '先生') === p.male))}`;
    const idPart = showId ? `（${idLabel(rng)}：${p.id}）` : '';
    const since = dateText(isoDate(rng, 2008, 2021), rng.pick<DateStyle>(['cn', 'cnPad'])).replace(/\d+日$/, '');
    const dept = rng.pick(['市场部', '财务部', '研发中心', '行政部', '生产部', '客服中心', '护理部']);
    const role = rng.pick(['经理', '工程师', '专员', '主管', '技术员', '护士', '教师']);
    let s: string;
    if (layout === 0)
      s = `兹证明${who}${idPart}系我单位正式员工，自${since}起在我单位${dept}担任${role}职务。`;
    else s = `现证明${who}${idPart}自${since}至今在${company}工作，现任${dept}${role}。`;
    const mWord = rng.pick(['月收入', '月均收入', '每月工资', '月工资', '月平均工资']);
    const m = `${pre && rng.chance(0.5) ? `${pre}${mWord}` : `${mWord}${pre ? `（${pre}）` : ''}`}${rng.pick(['为', '', '约为', '：'])}${monthlyText()}`;
    const a = `${rng.pick(['年收入', '近一年收入共计', '全年收入合计', '年度总收入', '年薪', '过去十二个月收入合计'])}${pre ? `（${pre}）` : ''}${rng.pick(['为', '', '：'])}${annualText()}`;
    if (which === 'both') s += rng.chance(0.5) ? `该员工${m}，${a}。` : `其${a}，平均${m}。`;
    else if (which === 'monthly') s += `该员工${m}。`;
    else s += `其${a}。`;
    s += rng.pick(['', '该收入含基本工资、绩效及各类补贴。', '以上收入已扣除个人所得税。'.replace('已扣除', pre === '税前' ? '未扣除' : '已扣除')]);
    y = sheet.paragraph(s, x0, y, width, body, bf, body * 2, body * 2);
    y = sheet.paragraph(rng.pick(['特此证明。', '本证明仅用于办理住房保障业务，不作其他用途。特此证明。', '我单位对以上内容的真实性负责。']), x0, y, width, body, bf, body * 2, body * 2);
    y += body * 1.5;
    sheet.text(rng.pick(['联系人：', '人事部联系电话：']) + `0755-${rng.int(2000, 8999)}${pad(rng.int(0, 9999), 4)}`, x0, y, body, bf);
  } else {
    // a form: ruled rows, label | value
    y = 320;
    const rows: [string, string][] = [
      ['姓名', p.name],
      ...(showId ? ([[idLabel(rng), p.id]] as [string, string][]) : []),
      [rng.pick(['工作单位', '单位名称', '所在单位']), company],
      ['入职时间', dateText(isoDate(rng, 2008, 2021), 'cnPad')],
      ['职务', rng.pick(['销售经理', '软件工程师', '会计', '行政专员', '质检员'])],
    ];
    if (which !== 'annual') rows.push([`月${pre === '税前' ? '平均' : ''}收入${pre ? `（${pre}）` : ''}`, `${yuan(monthlyV, commas)}元`]);
    if (which !== 'monthly') rows.push([`年收入${pre ? `（${pre}）` : ''}`, `${yuan(annualV, commas)}元`]);
    if (which !== 'monthly' && rng.chance(0.5)) rows.push(['大写金额', upperYuan(annualV)]);
    const rowH = Math.round(body * 2.5);
    const split = x0 + 300;
    for (const [l, v] of rows) {
      sheet.line(x0, y, x0 + width, y, 1.5);
      sheet.text(l, x0 + 14, y + rowH * 0.66, body, rng.pick(['sans600', 'serif700'] as FontKey[]));
      sheet.text(v, split + 18, y + rowH * 0.66, body, bf);
      y += rowH;
    }
    sheet.line(x0, y, x0 + width, y, 1.5);
    sheet.line(x0, 320, x0, y, 1.5);
    sheet.line(split, 320, split, y, 1.5);
    sheet.line(x0 + width, 320, x0 + width, y, 1.5);
    y += body * 2.5;
    y = sheet.paragraph('兹证明以上情况属实，如有虚假，我单位愿承担相应责任。', x0, y, width, body, bf, body * 2, body * 2);
  }
  // signature block with the stamp over it
  y += body * 3;
  const right = A4W - 140;
  sheet.text(`${rng.pick(['单位名称（盖章）：', '出具单位（公章）：', ''])}${company}`, right, y, body, bf, { align: 'right' });
  y += body * 2.2;
  sheet.text(`${rng.pick(['日期：', '', '出具日期：'])}${dateLine}`, right, y, body, bf, { align: 'right' });
  sheet.stamp(rng, right - 200 + rng.int(-60, 60), y - body * 1.6, body * 3.6, company, rng.chance(0.5) ? '人事专用章' : '');
  return { sheet, fields, layout: `income-${['letter', 'form', 'to-whom'][layout]}` };
}

const BANKS = ['中国工商银行', '中国建设银行', '招商银行', '中国银行', '平安银行', '深圳农村商业银行', '中国农业银行'];
const CREDIT_MEMOS = ['工资', '代发工资', '转账存入', '利息', '跨行转入', '退款', '奖金'];
const DEBIT_MEMOS = ['消费', '快捷支付', '转账支出', 'ATM取款', '房租', '水电费', '信用卡还款', '财付通', '支付宝'];

export function drawBank(rng: Rng): Drawn {
  const p = person(rng);
  const bank = rng.pick(BANKS);
  const layout = rng.int(0, 2);
  const body = rng.int(20, 26);
  const bf = rng.pick(BODY_FONTS);
  const hf = rng.pick(HEAD_FONTS);
  const sheet = new Sheet(A4W, A4H, body);
  const acct = `62${rng.int(10, 28)}${Array.from({ length: 15 }, () => rng.int(0, 9)).join('')}`;
  const masked = rng.chance(0.4);
  const acctShown = masked ? `${acct.slice(0, 6)}******${acct.slice(-4)}` : acct;
  const acctPrinted = !masked && rng.chance(0.4) ? acct.replace(/(\d{4})(?=\d)/g, '$1 ') : acctShown;
  const start = `${rng.int(2023, 2025)}-${pad(rng.int(1, 6))}-01`;
  const months = rng.pick([3, 6, 6, 12]);
  const end = addDays(`${Number(start.slice(0, 4)) + Math.floor((Number(start.slice(5, 7)) - 1 + months) / 12)}-${pad(((Number(start.slice(5, 7)) - 1 + months) % 12) + 1)}-01`, -1);
  // transactions in cents
  let balance = rng.int(1000, 800000) * 10;
  const opening = balance;
  const n = rng.int(9, 20);
  const span = (Date.parse(end) - Date.parse(start)) / 86400000;
  const days = Array.from({ length: n }, () => rng.int(0, span)).sort((a, b) => a - b);
  let credits = 0;
  const tx = days.map((d) => {
    const credit = rng.chance(0.35);
    let amount = credit ? rng.int(200, 2500) * 1000 + rng.int(0, 99) : rng.int(300, 500000);
    if (!credit && amount > balance) amount = Math.floor(balance / 2);
    const memo = rng.pick(credit ? CREDIT_MEMOS : DEBIT_MEMOS);
    // interest is a few yuan, not a salary
    if (memo === '利息') amount = rng.int(30, 9000);
    balance += credit ? amount : -amount;
    if (credit) credits += amount;
    return { date: addDays(start, d), credit, amount, balance, memo, other: credit ? rng.pick(['', '深圳市星河物流有限公司', '财付通支付科技有限公司', p.name]) : rng.pick(['', '美团', '深圳市水务集团', '京东商城', '']) };
  });
  if (credits === 0) {
    // at least one credit so the total is not zero
    const amount = rng.int(300, 900) * 1000;
    balance += amount;
    credits += amount;
    tx.push({ date: end, credit: true, amount, balance, memo: '代发工资', other: '' });
  }
  const debits = tx.filter((t) => !t.credit).reduce((s, t) => s + t.amount, 0);
  const fields: Record<string, FieldValue> = { name: p.name, accountNumber: acctShown.replaceAll(' ', ''), periodStart: start, periodEnd: end, creditTotal: credits / 100, closingBalance: balance / 100 };
  const m = (c: number): string => yuan(c / 100, true);
  const dS = rng.pick<DateStyle>(['dash', 'compact', 'slash', 'dot']);
  const x0 = 80;
  const x1 = A4W - 80;
  let y = 150;
  const title = [`${bank}个人账户交易明细`, `${bank}账户交易流水`, `${bank}个人客户对账单`][layout]!;
  sheet.text(title, A4W / 2, y, Math.round(body * 1.6), hf, { align: 'center' });
  y += body * 3;
  const hdr = (pairs: [string, string][]): void => {
    for (let i = 0; i < pairs.length; i += 2) {
      for (const k of [0, 1]) {
        const pr = pairs[i + k];
        if (!pr) continue;
        sheet.text(`${pr[0]}：${pr[1]}`, k === 0 ? x0 : x0 + 560, y, body, bf);
      }
      y += body * 1.8;
    }
  };
  if (layout === 0)
    hdr([
      ['户名', p.name],
      ['账号', acctPrinted],
      ['币种', '人民币'],
      ['起止日期', `${dateText(start, dS)} 至 ${dateText(end, dS)}`],
      ['开户网点', `深圳${rng.pick(['科技园', '福田', '龙岗中心城', '宝安中心', '罗湖'])}支行`],
      ['打印日期', dateText(addDays(end, rng.int(1, 20)), 'dash')],
    ]);
  else if (layout === 1)
    hdr([
      ['客户姓名', p.name],
      ['卡号', acctPrinted],
      ['查询期间', `${dateText(start, 'compact')}-${dateText(end, 'compact')}`],
      ['币种', 'CNY'],
    ]);
  else
    hdr([
      ['账户名称 Account Name', p.name],
      ['账号 Account No.', acctPrinted],
      ['期间 Period', `${dateText(start, 'slash')} — ${dateText(end, 'slash')}`],
      ['期初余额 Opening', m(opening)],
    ]);
  y += body;
  const cols =
    layout === 0
      ? { heads: ['交易日期', '摘要', '收入', '支出', '余额', '对方户名'], xs: [x0, x0 + 170, x0 + 300, x0 + 470, x0 + 640, x0 + 830] }
      : layout === 1
        ? { heads: ['序号', '记账日期', '交易金额', '账户余额', '交易摘要'], xs: [x0, x0 + 90, x0 + 290, x0 + 520, x0 + 760] }
        : { heads: ['日期 Date', '存入 Credit', '支取 Debit', '余额 Balance', '摘要 Memo'], xs: [x0, x0 + 200, x0 + 420, x0 + 640, x0 + 880] };
  const rowH = Math.round(body * 1.7);
  sheet.line(x0, y - body * 1.3, x1, y - body * 1.3, 2);
  cols.heads.forEach((h, i) => sheet.text(h, cols.xs[i]!, y, body, 'sans600'));
  y += rowH * 0.5;
  sheet.line(x0, y, x1, y, 1);
  y += rowH;
  const small = Math.round(body * 0.9);
  tx.forEach((t, i) => {
    const cells =
      layout === 0
        ? [dateText(t.date, dS), t.memo, t.credit ? m(t.amount) : '', t.credit ? '' : m(t.amount), m(t.balance), t.other]
        : layout === 1
          ? [String(i + 1), dateText(t.date, 'compact'), `${t.credit ? '+' : '-'}${m(t.amount)}`, m(t.balance), t.memo]
          : [dateText(t.date, 'slash'), t.credit ? m(t.amount) : '', t.credit ? '' : m(t.amount), m(t.balance), t.memo];
    cells.forEach((c, k) => sheet.text(c, cols.xs[k]!, y, small, bf));
    if (layout !== 1 || i % 2 === 1) sheet.line(x0, y + rowH * 0.35, x1, y + rowH * 0.35, 0.6, '#999999');
    y += rowH;
  });
  y += body;
  sheet.line(x0, y - rowH * 0.6, x1, y - rowH * 0.6, 2);
  if (layout === 0) {
    sheet.text(`收入合计：${m(credits)}`, x0, y, body, bf);
    sheet.text(`支出合计：${m(debits)}`, x0 + 400, y, body, bf);
    y += body * 1.8;
    sheet.text(`期末余额：${m(balance)}`, x0, y, body, bf);
  } else if (layout === 1) {
    sheet.text(`贷方发生额合计：${m(credits)}`, x0, y, body, bf);
    y += body * 1.8;
    sheet.text(`借方发生额合计：${m(debits)}`, x0, y, body, bf);
    y += body * 1.8;
    sheet.text(`期末余额：${m(balance)}`, x0, y, body, bf);
  } else {
    sheet.text(`本期存入 共${tx.filter((t) => t.credit).length}笔 合计 ${m(credits)}`, x0, y, body, bf);
    y += body * 1.8;
    sheet.text(`本期支取 共${tx.filter((t) => !t.credit).length}笔 合计 ${m(debits)}`, x0, y, body, bf);
    y += body * 1.8;
    sheet.text(`期末余额 Closing Balance：${m(balance)}`, x0, y, body, bf);
  }
  y += body * 3;
  sheet.text('本对账单仅供参考，如有疑问请向开户行查询。', x0, y, Math.round(body * 0.85), bf);
  if (rng.chance(0.8)) sheet.stamp(rng, x1 - 220, y - body * 3, body * 4.2, `${bank}深圳分行`, rng.pick(['业务专用章', '电子回单专用章']));
  return { sheet, fields, layout: `bank-${['detail', 'flow', 'statement'][layout]}` };
}

export function drawSocial(rng: Rng): Drawn {
  const p = person(rng, undefined, 1965, 2002);
  const company = employer(rng);
  const date = issueDate(rng);
  const layout = rng.int(0, 2);
  const body = rng.int(22, 28);
  const bf = rng.pick(BODY_FONTS);
  const hf = rng.pick(HEAD_FONTS);
  const sheet = new Sheet(A4W, A4H, body);
  // contribution spells, each a run of months; the last ends just before the issuing date
  const spells: { from: string; to: string; months: number; org: string; base: number }[] = [];
  let endY = Number(date.slice(0, 4));
  let endM = Number(date.slice(5, 7)) - 1;
  if (endM === 0) {
    endM = 12;
    endY--;
  }
  const nSpells = rng.int(1, 4);
  for (let i = 0; i < nSpells; i++) {
    const months = rng.int(4, 40);
    const startIndex = endY * 12 + (endM - 1) - (months - 1);
    const sy = Math.floor(startIndex / 12);
    const sm = (startIndex % 12) + 1;
    spells.unshift({ from: `${sy}-${pad(sm)}`, to: `${endY}-${pad(endM)}`, months, org: i === 0 ? company : employer(rng), base: rng.int(2360, 27000) });
    const prev = startIndex - 1 - rng.int(0, 5);
    endY = Math.floor(prev / 12);
    endM = (prev % 12) + 1;
  }
  const total = spells.reduce((s, x) => s + x.months, 0);
  const fields: Record<string, FieldValue> = { name: p.name, idNumber: p.id, employer: company, totalMonths: total, date };
  const x0 = 90;
  const x1 = A4W - 90;
  let y = 170;
  const title = [`深圳市社会保险参保缴费证明（个人）`, `参保证明`, `个人参保缴费明细`][layout]!;
  sheet.text(title, A4W / 2, y, Math.round(body * 1.6), hf, { align: 'center' });
  y += body * 3;
  const ym = (s: string): string => (layout === 1 ? `${Number(s.slice(0, 4))}年${Number(s.slice(5))}月` : s.replace('-', rng.chance(0.5) ? '' : '-'));
  const monthsWord = rng.pick(['个月', '月']);
  if (layout === 1) {
    const s = `兹证明${p.name}（${idLabel(rng)}：${p.id}）自${ym(spells[0]!.from)}起在本市参加社会保险，现参保单位为${company}，截至${ym(spells.at(-1)!.to)}累计缴费${total}${monthsWord}。`;
    y = sheet.paragraph(s, x0, y, x1 - x0, body, bf, body * 2, body * 2);
    y += body;
  } else {
    const pairs: [string, string][] = [
      ['姓名', p.name],
      [rng.pick(['社会保障号码', '公民身份号码', '身份证号码']), p.id],
      [rng.pick(['参保单位', '现参保单位', '单位名称']), company],
      [rng.pick(['累计缴费月数', '养老保险累计缴费月数', '合计缴费月数']), `${total}${layout === 0 ? monthsWord : ''}`],
      ['参保状态', rng.pick(['正常参保', '参保缴费'])],
      ['电脑号', String(rng.int(600000000, 699999999))],
    ];
    const rowH = Math.round(body * 2.2);
    if (layout === 2) {
      // header in a grid
      const top = y - body * 1.4;
      for (let i = 0; i < pairs.length; i += 2) {
        for (const k of [0, 1]) {
          const pr = pairs[i + k]!;
          const bx = k === 0 ? x0 : x0 + 540;
          sheet.text(pr[0], bx + 10, y, body, 'sans600');
          sheet.text(pr[1], bx + 10 + sheet.measure(pr[0], body, 'sans600') + 24, y, body, bf);
        }
        sheet.line(x0, y + rowH * 0.35, x1, y + rowH * 0.35, 1);
        y += rowH;
      }
      sheet.rect(x0, top, x1 - x0, y - rowH * 0.65 - top, 1.5);
      sheet.line(x0 + 530, top, x0 + 530, y - rowH * 0.65, 1);
    } else
      for (const [l, v] of pairs) {
        sheet.text(`${l}：${v}`, x0, y, body, bf);
        y += body * 1.9;
      }
    y += body;
  }
  // the table of spells
  const heads = layout === 1 ? ['年度', '起止年月', '月数', '缴费基数'] : ['起始年月', '截止年月', '单位名称', '月数', '缴费基数'];
  const xs = layout === 1 ? [x0, x0 + 150, x0 + 520, x0 + 680] : [x0, x0 + 170, x0 + 340, x0 + 800, x0 + 900];
  sheet.line(x0, y - body * 1.2, x1, y - body * 1.2, 1.5);
  heads.forEach((h, i) => sheet.text(h, xs[i]!, y, body, 'sans600'));
  y += body * 0.6;
  sheet.line(x0, y, x1, y, 1);
  y += body * 1.6;
  const small = Math.round(body * 0.88);
  for (const s of spells) {
    const cells = layout === 1 ? [s.from.slice(0, 4), `${ym(s.from)}—${ym(s.to)}`, String(s.months), yuan(s.base, true)] : [ym(s.from), ym(s.to), s.org, String(s.months), String(s.base)];
    cells.forEach((c, i) => {
      if (layout !== 1 && i === 2 && sheet.measure(c, small, bf) > 440) sheet.text(c, xs[i]!, y, Math.round(small * 0.75), bf);
      else sheet.text(c, xs[i]!, y, small, bf);
    });
    y += body * 1.8;
  }
  sheet.line(x0, y - body, x1, y - body, 1.5);
  sheet.text(`合计：${total}${monthsWord}`, x0, y + body * 0.3, body, bf);
  y += body * 4;
  const dateStr = dateText(date, rng.pick<DateStyle>(['cn', 'cnPad', 'dash', 'hanzi']));
  sheet.text(`${rng.pick(['打印日期', '出具日期', '证明日期'])}：${dateStr}`, x1, y, body, bf, { align: 'right' });
  y += body * 2;
  sheet.text(rng.pick(['深圳市社会保险基金管理局', '深圳市社会保险基金管理局南山分局', '深圳市人力资源和社会保障局']), x1, y, body, bf, { align: 'right' });
  sheet.stamp(rng, x1 - 200, y - body * 2, body * 3.8, '深圳市社会保险基金管理局', '业务专用章');
  y += body * 3;
  sheet.paragraph('说明：本证明可通过深圳市社会保险基金管理局网站输入验证码核验真伪。', x0, y, x1 - x0, Math.round(body * 0.8), bf, body * 1.5);
  return { sheet, fields, layout: `social-${['official', 'letter', 'grid'][layout]}` };
}

export function drawProperty(rng: Rng): Drawn {
  const p = person(rng, undefined, 1965, 2002);
  const date = issueDate(rng);
  const layout = rng.int(0, 2);
  const body = rng.int(24, 30);
  const bf = rng.pick(BODY_FONTS);
  const hf = rng.pick(HEAD_FONTS);
  const sheet = new Sheet(A4W, A4H, body);
  const has = rng.chance(0.35);
  const fields: Record<string, FieldValue> = { name: p.name, idNumber: p.id, hasProperty: has ? '有' : '无', date };
  const x0 = 110;
  const x1 = A4W - 110;
  let y = 200;
  const title = ['深圳市不动产登记信息查询结果', '不动产权属登记情况查询证明', '个人住房信息查询结果'][layout]!;
  sheet.text(title, A4W / 2, y, Math.round(body * 1.5), hf, { align: 'center' });
  y += body * 2.2;
  sheet.text(`查询编号：${rng.int(2023, 2026)}${pad(rng.int(0, 99999999), 8)}`, x1, y, Math.round(body * 0.8), bf, { align: 'right' });
  y += body * 2.5;
  const dateStr = dateText(date, rng.pick<DateStyle>(['cn', 'cnPad', 'dash', 'hanzi']));
  const records = has ? rng.int(1, 2) : 0;
  const recs = Array.from({ length: records }, () => ({
    cert: `粤（${rng.int(2012, 2024)}）深圳市不动产权第${pad(rng.int(0, 9999999), 7)}号`,
    where: address(rng).replace(/^广东省/, ''),
    area: (rng.int(3500, 14000) / 100).toFixed(2),
  }));
  if (layout === 0) {
    for (const [l, v] of [
      ['查询人姓名', p.name],
      [rng.pick(['证件号码', '身份证号码', '证件号']), p.id],
      ['查询目的', rng.pick(['保障性住房申请', '公共租赁住房资格审核', '个人申请'])],
    ] as [string, string][]) {
      sheet.text(`${l}：${v}`, x0, y, body, bf);
      y += body * 2;
    }
    y += body;
    const s = has
      ? `经查询，截至${dateStr}，权利人${p.name}在本市有以下不动产登记记录：`
      : `经查询，截至${dateStr}，权利人${p.name}在本市${rng.pick(['无不动产登记记录', '未有不动产登记记录', '名下无不动产登记信息'])}。`;
    y = sheet.paragraph(s, x0, y, x1 - x0, body, bf, body * 2, body * 2);
  } else {
    const heads = layout === 1 ? ['权利人', '证件号码', '查询结果'] : ['姓名', '身份证号码', '住房情况'];
    const vals = [p.name, p.id, has ? (layout === 1 ? `有登记记录（${records}条）` : `有${records}套`) : layout === 1 ? '无登记记录' : '无房'];
    const xs = [x0, x0 + 230, x0 + 650, x1];
    const rowH = Math.round(body * 2.4);
    for (const r of [heads, vals]) {
      r.forEach((c, i) => sheet.text(c, xs[i]! + 12, y + rowH * 0.66, body, r === heads ? 'sans600' : bf));
      sheet.line(x0, y, x1, y, 1.5);
      y += rowH;
    }
    sheet.line(x0, y, x1, y, 1.5);
    for (const cx of xs) sheet.line(cx, y - rowH * 2, cx, y, 1.5);
    y += body * 2;
    sheet.text(`查询日期：${dateStr}`, x0, y, body, bf);
    y += body * 2;
  }
  if (has) {
    y += body;
    const xs = [x0, x0 + 520, x0 + 850];
    ['不动产权证号', '坐落', '建筑面积（㎡）'].forEach((h, i) => sheet.text(h, [x0, x0 + 520, x1 - 200][i]!, y, Math.round(body * 0.85), 'sans600'));
    y += body * 1.8;
    for (const r of recs) {
      sheet.text(r.cert, xs[0]!, y, Math.round(body * 0.75), bf);
      sheet.text(r.where.slice(0, 16), xs[1]!, y, Math.round(body * 0.75), bf);
      sheet.text(r.area, x1 - 200, y, Math.round(body * 0.75), bf);
      y += body * 1.7;
    }
  }
  y += body * 2;
  sheet.paragraph('本查询结果仅反映查询时点深圳市不动产登记簿记载的信息。', x0, y, x1 - x0, Math.round(body * 0.8), bf, body * 1.5);
  y += body * 5;
  sheet.text('深圳市不动产登记中心', x1, y, body, bf, { align: 'right' });
  y += body * 2;
  if (layout === 0 || rng.chance(0.5)) sheet.text(`${rng.pick(['出具日期', '打印时间', '日期'])}：${dateStr}`, x1, y, body, bf, { align: 'right' });
  sheet.stamp(rng, x1 - 180, y - body * 1.5, body * 3.6, '深圳市不动产登记中心', '查询专用章');
  return { sheet, fields, layout: `property-${['letter', 'table', 'housing'][layout]}` };
}
