// Two more bank designs for the tenth set: a 平安银行-style 对账单 whose first page sums the period up
// (期初余额, 本期收入合计, 本期支出合计, 期末余额) above its first entries, and a 微众银行-style export
// from the app, newest entry first, with 收/支 or 借/贷 marks and the totals in a line at the top.
import type { Rng } from '../../../domain/seed/prng';
import { closingOf, creditsOf, debitsOf, fieldsOf, yuan, type Statement } from './bank';
import type { DpiFor } from './capture';
import { tableRow } from './form';
import { money, writeDate } from './forms';
import { bodyPt, Paper, type Made } from './paper';

export function pinganSummary(rng: Rng, dpi: DpiFor, s: Statement): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi);
  const face = rng.pick(['sans', 'sans-l', 'sans-xl', 'serif-l'] as const);
  const orange = '#e8591a';
  p.write(22, 22, '平安银行', { face: 'sans-k', pt: 16, color: orange });
  p.write(58, 22, 'PING AN BANK', { face: 'sans-b', pt: 9, color: orange });
  p.line(22, 26, 188, 26, 0.6, orange);
  p.write(105, 38, '个人账户对账单', { face: 'sans-b', pt: pt + 6, align: 'center' });
  const style = rng.pick(['cn0', 'iso', 'slash'] as const);
  p.write(105, 46, `对账周期：${writeDate(s.start, style)} — ${writeDate(s.end, style)}`, { face, pt, align: 'center' });
  const info = [
    ['户名', s.who.name],
    ['账号', s.shown],
    ['开户网点', rng.pick(['平安银行深圳福田支行', '平安银行深圳分行营业部', '平安银行深圳宝安支行'])],
    ['币种', '人民币'],
  ];
  info.forEach(([k, v], i) => p.write(22 + (i % 2) * 84, 57 + Math.floor(i / 2) * 7, `${k}：${v}`, { face, pt }));
  p.write(22, 78, '账户概要', { face: 'sans-b', pt: pt + 1 });
  const rh = pt * 1.0;
  const edges = p.grid(22, 81, [41.5, 41.5, 41.5, 41.5], [rh, rh, rh], 0.2, '#666');
  p.fill(22, 81, 166, rh, 'rgba(232,89,26,0.12)');
  const credits = s.entries.filter((e) => e.credit).length;
  tableRow(p, edges, 81, rh, ['期初余额', '本期收入合计', '本期支出合计', '期末余额'], 'sans-m', pt - 0.5);
  tableRow(p, edges, 81 + rh, rh, [money(yuan(s.opening)), money(yuan(creditsOf(s))), money(yuan(debitsOf(s))), money(yuan(closingOf(s)))], face, pt);
  tableRow(p, edges, 81 + 2 * rh, rh, ['—', `${credits}笔`, `${s.entries.length - credits}笔`, '—'], face, pt - 0.5);
  const y = 81 + 3 * rh + 12;
  p.write(22, y - 3, '交易明细', { face: 'sans-b', pt: pt + 1 });
  const shown = s.entries.slice(0, Math.min(s.entries.length, rng.int(8, 12)));
  const th = pt * 0.85;
  const cols = p.grid(22, y, [24, 30, 26, 26, 28, 32], Array(shown.length + 1).fill(th) as number[], 0.15, '#777');
  tableRow(p, cols, y, th, ['交易日期', '摘要', '收入', '支出', '余额', '对方户名'], 'sans-m', pt - 1);
  shown.forEach((e, i) => {
    const cells = [writeDate(e.date, 'iso'), e.what, e.credit ? money(yuan(e.amount)) : '', e.credit ? '' : money(yuan(e.amount)), money(yuan(e.balance)), e.party];
    tableRow(p, cols, y + (i + 1) * th, th, cells, face, pt - 1, ['center', 'center', 'right', 'right', 'right', 'left']);
  });
  const pages = Math.ceil(s.entries.length / 10) + 1;
  p.write(105, 280, `第1页 / 共${pages}页`, { face, pt: pt - 1, align: 'center' });
  p.write(22, 288, `打印日期：${writeDate(s.issued, 'iso')}　　温馨提示：本对账单仅供参考，以银行系统记录为准。客服热线95511`, { face, pt: pt - 1.5, fit: 166 });
  return { paper: p, layout: 'pingan-summary', fields: fieldsOf(s) };
}

export function webankExport(rng: Rng, dpi: DpiFor, s: Statement): Made {
  const p = new Paper(210, 297, dpi(297));
  const pt = bodyPt(rng, p.dpi) - 0.5;
  const face = rng.pick(['sans-l', 'sans', 'sans-xl'] as const);
  const [inMark, outMark] = rng.chance(0.5) ? ['收', '支'] : ['贷', '借'];
  p.fill(0, 0, 210, 26, '#3d5afe');
  p.write(22, 16, '微众银行', { face: 'sans-b', pt: 15, color: '#ffffff' });
  p.write(56, 16, 'WeBank', { face: 'sans-m', pt: 11, color: '#ffffff' });
  p.write(105, 40, '交易明细', { face: 'sans-m', pt: pt + 6, align: 'center' });
  p.write(22, 51, `姓名：${s.who.name}`, { face, pt });
  p.write(100, 51, `卡号：${s.shown}`, { face, pt });
  p.write(22, 58, `时间范围：${writeDate(s.start, 'iso')} 至 ${writeDate(s.end, 'iso')}`, { face, pt });
  p.write(100, 58, `导出时间：${writeDate(s.issued, 'iso')} ${rng.int(8, 22)}:${String(rng.int(10, 59))}`, { face, pt });
  const credits = s.entries.filter((e) => e.credit).length;
  p.write(22, 66, `${inMark === '收' ? '收入' : '贷方'}${credits}笔，共¥${money(yuan(creditsOf(s)))}；${outMark === '支' ? '支出' : '借方'}${s.entries.length - credits}笔，共¥${money(yuan(debitsOf(s)))}`, { face, pt });
  const summary = rng.chance(0.6);
  if (summary) p.write(22, 73, `期末余额：¥${money(yuan(closingOf(s)))}`, { face, pt });
  const y = summary ? 78 : 72;
  const rows = [...s.entries].reverse();
  const rh = Math.min(pt * 0.85, (270 - y) / (rows.length + 1));
  const edges = p.grid(22, y, [38, 22, 12, 28, 28, 38], Array(rows.length + 1).fill(rh) as number[], 0.12, '#9aa');
  tableRow(p, edges, y, rh, ['交易时间', '摘要', `${inMark}/${outMark}`, '金额', '余额', '交易对方'], 'sans-m', pt - 1);
  rows.forEach((e, i) => {
    const cells = [`${e.date} ${e.time}`, e.what, e.credit ? inMark : outMark, `${e.credit ? '+' : '-'}${money(yuan(e.amount))}`, money(yuan(e.balance)), e.party];
    tableRow(p, edges, y + (i + 1) * rh, rh, cells, face, pt - 1, ['center', 'center', 'center', 'right', 'right', 'left']);
  });
  p.write(105, y + (rows.length + 1) * rh + 10, '— 以上为全部交易记录 —', { face, pt: pt - 1, align: 'center', color: '#777' });
  p.write(22, 287, '本明细由微众银行App导出，仅供参考。', { face, pt: pt - 1.5, color: '#777' });
  return { paper: p, layout: 'webank-export', fields: fieldsOf(s) };
}
