// 社保 papers: the 深圳市社会保险历年缴费明细 (month rows, 养老/医疗/工伤/失业 columns, the
// 累计缴费月数 summary above the rows, which show only the latest months) and the 参保凭证 with a QR
// code and a per-insurance 累计月数 table. totalMonths is the 养老保险 累计 months as printed.
import type { Rng } from '../../../domain/seed/prng';
import { dateBetween, employer, person } from './people';
import { Paper, table, type Made } from './paper';
import { fmtDate, money, round2 } from './wording';

const backMonths = (end: string, n: number): string[] => {
  const out: string[] = [];
  let y = Number(end.slice(0, 4));
  let m = Number(end.slice(5, 7));
  for (let i = 0; i < n; i++) {
    out.push(`${y}${String(m).padStart(2, '0')}`);
    if (--m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
};

function history(rng: Rng): Made {
  const who = person(rng, { from: '1968-01-01', to: '2001-12-31' });
  const boss = employer(rng);
  const printed = dateBetween(rng, '2026-07-01', '2026-11-28');
  const total = rng.int(30, 260);
  const shown = Math.min(total, rng.int(18, 24));
  const base = rng.int(3600, 26000);
  const unitCode = String(rng.int(10000000, 99999999));
  const p = new Paper(1754, 1240);
  p.put('深圳市社会保险历年缴费明细表', 877, 80, { size: 36, face: 'bold', align: 'center' });
  p.put(`姓名：${who.name}`, 60, 140, { size: 22 });
  p.put(`身份证号码：${who.id}`, 360, 140, { size: 22 });
  p.put(`电脑号：${rng.int(600000000, 699999999)}`, 880, 140, { size: 22 });
  p.put(`打印日期：${fmtDate(printed, 'dash')}`, 1690, 140, { size: 22, align: 'right' });
  p.put(`当前参保单位：${boss}`, 60, 178, { size: 22 });
  p.put(`养老保险累计缴费月数：${total}`, 880, 178, { size: 22, face: 'bold' });
  p.put(`医疗保险累计：${total + rng.int(0, 12)}月`, 1360, 178, { size: 22 });
  const x = [40, 140, 260, 440, 560, 680, 800, 920, 1040, 1160, 1290, 1420, 1714];
  const h1 = ['序号', '费款所属期', '单位编号', '缴费基数', '养老单位', '养老个人', '医疗单位', '医疗个人', '工伤单位', '失业单位', '失业个人', '缴费状态'];
  const rows = backMonths(fmtDate(dateBetween(rng, '2026-05-01', printed.slice(0, 8) + '01'), 'dash'), shown).map((ym, i) => {
    const b = round2(base);
    return [String(i + 1), ym, unitCode, money(b), money(b * 0.15), money(b * 0.08), money(b * 0.052), money(b * 0.02), money(b * 0.0028), money(b * 0.008), money(b * 0.002), rng.chance(0.95) ? '已实缴' : '已到账'];
  });
  table(p, x, 205, 38, [h1, ...rows], { size: 18, header: true, align: ['center', 'center', 'center', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'center'] });
  p.put(`注：本表仅列示最近${shown}个月明细，更早记录见续页。缴费状态以社保系统记录为准。`, 60, 1205, { size: 19, color: '#444' });
  p.seal(1500, 1100, 95, '深圳市社会保险基金管理局', '业务专用章', rng);
  return { paper: p, layout: 'social-history-landscape', fields: { name: who.name, idNumber: who.id, employer: boss, totalMonths: total, date: printed } };
}

function voucher(rng: Rng): Made {
  const who = person(rng, { from: '1968-01-01', to: '2001-12-31' });
  const boss = employer(rng);
  const printed = dateBetween(rng, '2026-07-01', '2026-11-28');
  const total = rng.int(12, 300);
  const p = new Paper();
  p.put('深圳市社会保险参保凭证', 620, 150, { size: 42, face: 'bold', align: 'center' });
  p.put('（个人）', 620, 200, { size: 26, align: 'center' });
  p.qr(1000, 230, 140, rng);
  p.put('扫描二维码验证', 1070, 410, { size: 18, align: 'center' });
  const x = [90, 300, 600, 800, 1150];
  let y = table(p, x, 440, 74, [
    ['姓名', who.name, '性别', who.sex],
    ['证件号码', who.id, '社保电脑号', String(rng.int(600000000, 699999999))],
    ['参保单位', boss, '', ''],
  ], { size: 24 });
  y += 40;
  p.put('参保缴费情况', 90, y, { size: 26, face: 'bold' });
  const start = `${2026 - Math.ceil(total / 12) - rng.int(0, 3)}年${rng.int(1, 12)}月`;
  const rows = [
    ['险种', '参保状态', '首次参保时间', '累计缴费月数'],
    ['基本养老保险', '正常参保', start, String(total)],
    ['基本医疗保险', '正常参保', start, String(total + rng.int(0, 10))],
    ['工伤保险', '正常参保', '—', '—'],
    ['失业保险', '正常参保', '—', String(Math.max(1, total - rng.int(0, 20)))],
  ];
  y = table(p, [90, 380, 600, 850, 1150], y + 20, 66, rows, { size: 23, header: true, align: ['left', 'center', 'center', 'center'] });
  y += 70;
  p.put('说明：1.本凭证记载截至打印时的参保缴费情况；2.养老保险累计缴费月数含视同缴费月数；', 90, y, { size: 20 });
  p.put('3.本凭证可在“广东政务服务网”或扫描右上角二维码核验。', 90, y + 36, { size: 20 });
  p.put(`验证码：${rng.int(1000, 9999)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`, 90, y + 120, { size: 22 });
  p.put(`打印时间：${fmtDate(printed, 'cn')} ${rng.int(9, 17)}时${rng.int(10, 59)}分`, 700, y + 120, { size: 22 });
  p.seal(880, y + 80, 110, '深圳市社会保险基金管理局', '社保证明专用章', rng);
  return { paper: p, layout: 'social-voucher-qr', fields: { name: who.name, idNumber: who.id, employer: boss, totalMonths: total, date: printed } };
}

/** 参保缴费年度汇总: one row a year with months per insurance and the employer, a 合计 row (→ totalMonths). */
function yearly(rng: Rng): Made {
  const who = person(rng, { from: '1970-01-01', to: '1998-12-31' });
  const current = employer(rng);
  const earlier = employer(rng);
  const printed = dateBetween(rng, '2026-07-01', '2026-11-28');
  const startYear = Math.max(Number(who.birth.slice(0, 4)) + 20, rng.int(2008, 2021));
  const firstMonth = rng.int(1, 12);
  const lastMonth = Number(printed.slice(5, 7)) - 1 || 1;
  const switchYear = rng.int(startYear, 2026);
  const rows: string[][] = [];
  let total = 0;
  for (let y = startYear; y <= 2026; y++) {
    const from = y === startYear ? firstMonth : 1;
    const to = y === 2026 ? lastMonth : 12;
    if (to < from) continue;
    const gap = y !== startYear && y !== 2026 && rng.chance(0.1) ? rng.int(1, 4) : 0;
    const n = to - from + 1 - gap;
    total += n;
    const med = n;
    rows.push([String(y), `${y}${String(from).padStart(2, '0')}-${y}${String(to).padStart(2, '0')}`, String(n), String(med), String(Math.max(0, n - (rng.chance(0.1) ? 1 : 0))), String(n), y < switchYear ? earlier : current]);
  }
  const p = new Paper();
  p.put('深圳市社会保险参保缴费年度汇总表', 620, 130, { size: 38, face: 'bold', align: 'center' });
  const x0 = [70, 250, 560, 760, 1170];
  let y = table(p, x0, 180, 64, [
    ['姓名', who.name, '性别', who.sex],
    ['身份证号码', who.id, '参保状态', '正常参保'],
    ['当前参保单位', current, '', ''],
  ], { size: 23 });
  y += 30;
  const x = [70, 160, 340, 440, 540, 640, 740, 1170];
  y = table(p, x, y, 46, [['年度', '缴费起止年月', '养老(月)', '医疗(月)', '失业(月)', '工伤(月)', '缴费单位'], ...rows, ['合计', '', String(total), '', '', '', '']], { size: 20, header: true, align: ['center', 'center', 'center', 'center', 'center', 'center', 'left'] });
  p.put(`截至${fmtDate(printed, 'cn')}，该参保人养老保险累计缴费${total}个月。`, 70, y + 60, { size: 24 });
  p.put('备注：月数按实际到账记录统计，补缴记录以到账月份计入。', 70, y + 104, { size: 20, color: '#444' });
  p.put('经办机构：深圳市社会保险基金管理局', 660, y + 200, { size: 23 });
  p.put(`打印日期：${fmtDate(printed, 'cn')}`, 660, y + 244, { size: 23 });
  p.seal(900, y + 200, 105, '深圳市社会保险基金管理局', '业务专用章', rng);
  return { paper: p, layout: 'social-yearly-summary', fields: { name: who.name, idNumber: who.id, employer: current, totalMonths: total, date: printed } };
}

export function drawSocial(rng: Rng): Made {
  const r = rng.next();
  return r < 0.4 ? history(rng) : r < 0.7 ? voucher(rng) : yearly(rng);
}
