// Social insurance papers: a 广东省社会保险个人参保证明 with a per-month grid (a row per year, twelve
// month cells marked ✓ or with the amount paid) and a 累计月数 line; a screenshot of a 社保卡 app's
// 参保信息 page.
import type { Rng } from '../../../domain/seed/prng';
import { made, Paper, type Made, type Style } from './paper';
import { dateIn, EMPLOYERS, person, writeDate } from './people';

function gdGrid(rng: Rng, mono: boolean): Made {
  const who = person(rng, { from: 1966, to: 2000 });
  const employer = rng.pick(EMPLOYERS.filter((e) => e.startsWith('广州') || e.startsWith('深圳')));
  const issued = dateIn(rng, 2026, 2026);
  const last = Number(issued.slice(5, 7)) - 1 || 1;
  const first = rng.int(2019, 2024);
  const amounts = rng.chance(0.5);
  const base = rng.int(380, 900);
  const p = new Paper(297, 210, mono);
  const f: Style = { face: rng.pick(['serif', 'pxzs'] as const), pt: 9.5 };
  const b: Style = { ...f, face: 'serifBold' };
  p.text('广东省社会保险个人参保证明', 148.5, 18, { face: 'serifBlack', pt: 16, align: 'center', spacing: 1.5 });
  p.pair('姓名：', who.name, 16, 32, f, b, 0);
  p.pair('社会保障号码：', who.id, 80, 32, f, b, 0);
  p.pair('参保单位：', employer, 170, 32, f, f, 0);
  p.text(`险种：企业职工基本养老保险${amounts ? '    单位：元' : ''}`, 16, 40, f);
  let months = 0;
  const rows: string[][] = [['年份', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)]];
  for (let y = first; y <= 2026; y++) {
    const row = [String(y)];
    for (let m = 1; m <= 12; m++) {
      const paid = (y < 2026 || m <= last) && !(y === first && m < 3) && !rng.chance(0.03);
      if (paid) months++;
      row.push(paid ? (amounts ? String(base + (y - first) * 20) : '✓') : y === 2026 && m > last ? '' : '—');
    }
    rows.push(row);
  }
  const bottom = p.table(16, 45, [25, ...Array(12).fill(20.4) as number[]], rows, 9, { ...f, pt: amounts ? 8.5 : 10 }, b);
  p.text(`截至${writeDate(issued, 'cn')}，该参保人养老保险累计缴费月数：${months}个月。`, 16, bottom + 10, b);
  p.text('说明：“✓”或金额表示当月已足额缴费，“—”表示未缴费或中断。本证明可通过粤省事验证真伪。', 16, bottom + 18, { face: 'serifXL', pt: 8 });
  p.pair('打印日期：', writeDate(issued, 'cn'), 200, bottom + 32, f, f, 0);
  p.seal(250, bottom + 22, 16, '社会保险基金管理局业务专用章');
  return made(p, { name: who.name, idNumber: who.id, employer, totalMonths: months, date: issued }, 'gd-month-grid');
}

function cardApp(rng: Rng, mono: boolean): Made {
  const who = person(rng, { from: 1966, to: 2001 });
  const employer = rng.pick(EMPLOYERS);
  const months = rng.int(14, Math.max(20, Math.min(300, (2026 - Number(who.birth.slice(0, 4)) - 18) * 12)));
  const p = new Paper(78, 168, mono, 300, '#eef2f8');
  const ui: Style = { face: 'sans', pt: 8.5 };
  const strong: Style = { face: 'sansBold', pt: 9 };
  p.rect(0, 0, 78, 8, 0.1, '#222', '#1a5fb4');
  p.text('9:41', 4, 5.5, { ...ui, pt: 6.5, color: '#fff' });
  p.rect(0, 8, 78, 12, 0.1, '#1a5fb4', '#1a5fb4');
  p.text('参保信息查询', 39, 16, { face: 'sansBold', pt: 10.5, align: 'center', color: '#fff' });
  p.rect(4, 24, 70, 34, 0.1, '#dde', '#fff');
  p.text('电子社保卡', 8, 31, { ...ui, pt: 7.5, color: '#1a5fb4' });
  p.text(who.name, 8, 41, { face: 'sansBold', pt: 13 });
  p.pair('社会保障号码', who.id, 8, 51, { ...ui, pt: 7 }, { ...ui, pt: 7.5 }, 2);
  const items: [string, string][] = [
    ['参保状态', '正常参保'],
    ['参保单位', employer],
    ['养老保险累计缴费', `${months}个月`],
    ['医疗保险累计缴费', `${months + rng.int(0, 30)}个月`],
    ['本年缴费基数', `${rng.int(4500, 12000)}`],
  ];
  let y = 66;
  for (const [l, v] of items) {
    p.rect(4, y - 5, 70, 11, 0.1, '#e4e4ea', '#fff');
    p.text(l, 7, y + 1.8, { ...ui, pt: 7.5, color: '#555' });
    p.text(v, 71, y + 1.8, { ...(v === employer ? { ...ui, pt: 6.5 } : strong), align: 'right' });
    y += 12;
  }
  p.text('数据来源：国家社会保险公共服务平台', 39, y + 4, { ...ui, pt: 6.5, align: 'center', color: '#888' });
  return made(p, { name: who.name, idNumber: who.id, employer, totalMonths: months }, 'sscard-app');
}

export function drawSocial(rng: Rng, mono: boolean): Made {
  return rng.next() < 0.6 ? gdGrid(rng, mono) : cardApp(rng, mono);
}
