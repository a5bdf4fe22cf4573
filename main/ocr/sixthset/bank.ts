// Statements of banks other than the usual big-four look: 招商银行 交易流水 (signed amounts,
// 联机余额, 对手信息, no totals), 平安银行 个人账户交易明细 (收入/支出 columns with totals), and a
// 农商行 存款对账单 (借方/贷方 columns, 本期贷方合计). Account numbers are printed masked on the
// 招商 and 平安 pages and in full on the 农商行 page; the truth is exactly what is printed, without spaces.
import type { Rng } from '../../../domain/seed/prng';
import { addDays, chineseName, dateBetween, employer, person } from './people';
import { Paper, table, type Made } from './paper';
import { fmtDate, money, round2 } from './wording';

interface Tx {
  readonly date: string;
  readonly amount: number;
  readonly balance: number;
  readonly memo: string;
  readonly party: string;
}

function transactions(rng: Rng, start: string, end: string, n: number, payer: string): { opening: number; txs: Tx[] } {
  const dates = Array.from({ length: n }, () => dateBetween(rng, start, end)).sort();
  let balance = round2(rng.int(800, 60000) + rng.int(0, 99) / 100);
  const opening = balance;
  const txs = dates.map((date) => {
    const salary = rng.chance(0.22);
    const incoming = !salary && rng.chance(0.25);
    let memo = salary ? '代发工资' : incoming ? rng.pick(['转账汇入', '微信零钱提现', '退款', '利息']) : rng.pick(['快捷支付', '财付通-消费', '支付宝-消费', '转账汇出', '水电燃气缴费', '信用卡还款']);
    let amount = salary ? round2(rng.int(60, 260) * 100 + rng.int(0, 99) / 100) : memo === '利息' ? round2(rng.int(1, 40) + rng.int(1, 99) / 100) : incoming ? round2(rng.int(20, 3000) + rng.int(0, 99) / 100) : -round2(rng.int(8, 2600) + rng.int(0, 99) / 100);
    if (balance + amount < 0) {
      amount = -amount;
      memo = '转账汇入';
    }
    balance = round2(balance + amount);
    const party = salary ? payer : memo === '利息' ? '' : amount > 0 ? rng.pick(['财付通支付科技有限公司', chineseName(rng, '女'), '支付宝（中国）网络技术有限公司']) : rng.pick(['美团', '深圳市燃气集团股份有限公司', '京东商城', chineseName(rng, '男'), '拼多多', '深圳供电局有限公司']);
    return { date, amount, balance, memo, party };
  });
  return { opening, txs };
}

const cardNo = (rng: Rng, bin: string) => bin + Array.from({ length: 16 - bin.length }, () => rng.int(0, 9)).join('');
const mask = (n: string) => `${n.slice(0, 6)}${'*'.repeat(n.length - 10)}${n.slice(-4)}`;

function cmb(rng: Rng): Made {
  const who = person(rng);
  const end = dateBetween(rng, '2026-08-31', '2026-11-20');
  const start = addDays(end, -rng.pick([90, 181, 183]));
  const { txs } = transactions(rng, start, end, rng.int(16, 24), employer(rng));
  const acct = mask(cardNo(rng, '621483'));
  const p = new Paper();
  p.put('招商银行交易流水', 80, 110, { size: 38, face: 'bold', color: '#c8102e' });
  p.put('Transaction Statement of China Merchants Bank', 80, 150, { size: 20, color: '#666' });
  p.put(`${fmtDate(start, 'dash')} -- ${fmtDate(end, 'dash')}`, 1160, 150, { size: 22, align: 'right' });
  const info: [string, string][] = [[`户    名：${who.name}`, `账户类型：一卡通`], [`账号：${acct}`, `开  户  行：深圳${rng.pick(['车公庙', '科技园', '福田', '宝安', '龙华'])}支行`], [`申请时间：${fmtDate(addDays(end, rng.int(1, 5)), 'dash')} ${rng.int(9, 17)}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`, '验 证 码：' + rng.int(10000000, 99999999)]];
  let y = 210;
  for (const [a, b] of info) {
    p.put(a, 80, y, { size: 22 });
    p.put(b, 660, y, { size: 22 });
    y += 38;
  }
  const x = [60, 200, 270, 420, 580, 800, 1180];
  const head = ['记账日期', '货币', '交易金额', '联机余额', '交易摘要', '对手信息'];
  const rows = txs.map((t) => [t.date, '人民币', money(t.amount), money(t.balance), t.memo, t.party]);
  table(p, x, y + 10, 46, [head, ...rows], { size: 19, header: true, rules: 'rows', align: ['left', 'left', 'right', 'right', 'left', 'left'] });
  p.put('— 1/1 —', 620, 1700, { size: 18, align: 'center', color: '#666' });
  p.seal(1000, 300, 95, '招商银行股份有限公司深圳分行', '业务专用章', rng);
  return { paper: p, layout: 'bank-cmb-flow', fields: { name: who.name, accountNumber: acct, periodStart: start, periodEnd: end, closingBalance: txs[txs.length - 1]!.balance } };
}

function pingan(rng: Rng): Made {
  const who = person(rng);
  const end = dateBetween(rng, '2026-07-31', '2026-11-25');
  const start = addDays(end, -rng.pick([89, 180, 364]));
  const { opening, txs } = transactions(rng, start, end, rng.int(14, 22), employer(rng));
  const acct = mask(cardNo(rng, '623058'));
  const credit = round2(txs.filter((t) => t.amount > 0).reduce((s, t) => s + t.amount, 0));
  const debit = round2(txs.filter((t) => t.amount < 0).reduce((s, t) => s - t.amount, 0));
  const closing = txs[txs.length - 1]!.balance;
  const p = new Paper();
  p.fill(0, 0, 1240, 120, '#f26b21');
  p.put('平安银行', 80, 80, { size: 42, face: 'bold', color: '#ffffff' });
  p.put('个人账户交易明细', 1160, 80, { size: 34, face: 'bold', color: '#ffffff', align: 'right' });
  p.put(`客户姓名：${who.name}`, 80, 180, { size: 23 });
  p.put(`卡号：${acct}`, 560, 180, { size: 23 });
  p.put(`查询期间：${fmtDate(start, 'slash')} 至 ${fmtDate(end, 'slash')}`, 80, 222, { size: 23 });
  p.put('币种：人民币', 760, 222, { size: 23 });
  const x = [60, 210, 390, 530, 670, 830, 1180];
  const head = ['交易日期', '摘要', '收入', '支出', '余额', '对方户名'];
  const rows = [['', '期初余额', '', '', money(opening), ''], ...txs.map((t) => [fmtDate(t.date, 'slash'), t.memo, t.amount > 0 ? money(t.amount) : '', t.amount < 0 ? money(-t.amount) : '', money(t.balance), t.party])];
  let y = table(p, x, 250, 46, [head, ...rows], { size: 19, header: true, align: ['left', 'left', 'right', 'right', 'right', 'left'] });
  y += 50;
  p.put(`收入合计：${money(credit)}`, 80, y, { size: 23, face: 'bold' });
  p.put(`支出合计：${money(debit)}`, 460, y, { size: 23, face: 'bold' });
  p.put(`期末余额：${money(closing)}`, 840, y, { size: 23, face: 'bold' });
  p.put('本明细由平安口袋银行APP生成，如需核验请联系95511。', 80, y + 50, { size: 19, color: '#555' });
  p.seal(980, y + 130, 90, '平安银行股份有限公司深圳分行', '电子业务专用章', rng);
  return { paper: p, layout: 'bank-pingan-columns', fields: { name: who.name, accountNumber: acct, periodStart: start, periodEnd: end, creditTotal: credit, closingBalance: closing } };
}

function rural(rng: Rng): Made {
  const who = person(rng);
  const end = dateBetween(rng, '2026-06-30', '2026-10-31');
  const start = addDays(end, -rng.pick([91, 183]));
  const { opening, txs } = transactions(rng, start, end, rng.int(12, 20), employer(rng));
  const acct = cardNo(rng, '622439') + String(rng.int(100, 999));
  const credit = round2(txs.filter((t) => t.amount > 0).reduce((s, t) => s + t.amount, 0));
  const closing = txs[txs.length - 1]!.balance;
  const p = new Paper(1240, 1754, '#f4f7f2');
  p.put('深圳农村商业银行', 620, 100, { size: 34, face: 'serifBold', align: 'center', color: '#1c6b3a' });
  p.put('个人存款对账单', 620, 150, { size: 30, face: 'serif', align: 'center' });
  p.put(`户名：${who.name}`, 80, 220, { size: 23 });
  p.put(`账号：${acct}`, 460, 220, { size: 23 });
  p.put(`起止日期：${fmtDate(start, 'compact')}-${fmtDate(end, 'compact')}`, 80, 262, { size: 23 });
  p.put(`打印网点：${rng.pick(['福田', '布吉', '西乡', '观澜', '坪山'])}支行`, 760, 262, { size: 23 });
  const x = [60, 200, 380, 560, 740, 930, 1060, 1180];
  const head = ['交易日期', '摘要', '借方发生额', '贷方发生额', '余额', '柜员', '渠道'];
  const rows = [['', '上期结存', '', '', money(opening, false), '', ''], ...txs.map((t) => [fmtDate(t.date, 'compact'), t.memo, t.amount < 0 ? money(-t.amount, false) : '', t.amount > 0 ? money(t.amount, false) : '', money(t.balance, false), `${rng.pick(['A', 'B', 'E'])}${rng.int(1000, 9999)}`, rng.pick(['柜面', '网银', '手机', 'POS'])])];
  let y = table(p, x, 290, 44, [head, ...rows], { size: 19, header: true, rules: 'rows', align: ['left', 'left', 'right', 'right', 'right', 'center', 'center'] });
  p.line(60, y + 4, 1180, y + 4, 1.5);
  y += 50;
  p.put(`本期贷方合计：${money(credit, false)}`, 80, y, { size: 23 });
  p.put(`本期期末余额：${money(closing, false)}`, 640, y, { size: 23 });
  p.put(`共 ${txs.length} 笔`, 80, y + 45, { size: 21 });
  p.seal(900, y + 140, 100, '深圳农村商业银行股份有限公司', '业务专用章', rng);
  return { paper: p, layout: 'bank-rural-ledger', fields: { name: who.name, accountNumber: acct, periodStart: start, periodEnd: end, creditTotal: credit, closingBalance: closing } };
}

/** 微众银行 app export: signed amounts with +/-, times to the second, the totals in a summary strip on top. */
function webank(rng: Rng): Made {
  const who = person(rng);
  const end = dateBetween(rng, '2026-08-31', '2026-11-25');
  const start = addDays(end, -rng.pick([91, 182]));
  const { txs } = transactions(rng, start, end, rng.int(14, 22), employer(rng));
  const full = cardNo(rng, '623633');
  const acct = mask(full);
  const spaced = `${acct.slice(0, 4)} ${acct.slice(4, 8)} ${acct.slice(8, 12)} ${acct.slice(12)}`;
  const ins = txs.filter((t) => t.amount > 0);
  const outs = txs.filter((t) => t.amount < 0);
  const credit = round2(ins.reduce((s, t) => s + t.amount, 0));
  const debit = round2(outs.reduce((s, t) => s - t.amount, 0));
  const closing = txs[txs.length - 1]!.balance;
  const p = new Paper();
  p.put('微众银行', 80, 100, { size: 40, face: 'bold', color: '#3b66c4' });
  p.put('WeBank', 260, 100, { size: 28, color: '#3b66c4' });
  p.put('账户交易明细', 1160, 100, { size: 32, face: 'bold', align: 'right' });
  p.line(80, 130, 1160, 130, 3, '#3b66c4');
  p.put(`户名：${who.name}`, 80, 190, { size: 23 });
  p.put(`账号：${spaced}`, 520, 190, { size: 23 });
  p.put(`统计周期：${fmtDate(start, 'dot')}-${fmtDate(end, 'dot')}`, 80, 232, { size: 23 });
  p.put('币种：人民币（元）', 820, 232, { size: 23 });
  p.fill(80, 258, 1080, 96, '#eef2fb');
  p.put(`收入 ${ins.length} 笔  合计 +${money(credit)}`, 110, 300, { size: 23 });
  p.put(`支出 ${outs.length} 笔  合计 -${money(debit)}`, 620, 300, { size: 23 });
  p.put(`期末余额 ${money(closing)}`, 110, 338, { size: 23, face: 'bold' });
  const x = [80, 330, 500, 700, 900, 1160];
  const secs = txs.map(() => rng.int(0, 86399)).sort((a, b) => a - b);
  const clock = (s: number) => [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  const rows = txs.map((t, i) => [`${t.date} ${clock(secs[i]!)}`, t.memo, `${t.amount > 0 ? '+' : ''}${money(t.amount)}`, money(t.balance), t.party || '—']);
  table(p, x, 380, 48, [['交易时间', '交易类型', '金额', '余额', '备注'], ...rows], { size: 19, header: true, rules: 'rows', align: ['left', 'left', 'right', 'right', 'left'] });
  p.put('温馨提示：本明细仅供参考，如需加盖业务章请联系微众银行客服95384。', 80, 1690, { size: 18, color: '#666' });
  return { paper: p, layout: 'bank-webank-signed', fields: { name: who.name, accountNumber: acct, periodStart: start, periodEnd: end, creditTotal: credit, closingBalance: closing } };
}

export function drawBank(rng: Rng): Made {
  const r = rng.next();
  return r < 0.3 ? cmb(rng) : r < 0.55 ? pingan(rng) : r < 0.78 ? rural(rng) : webank(rng);
}
