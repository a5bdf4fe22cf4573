// A phone screenshot of a 社保 app's 参保缴费记录 screen: status bar, a coloured title bar with white
// text, a card with the insured person (ID masked, so no ID truth), the 养老 total in large figures
// beside the smaller 医疗 total, the latest months as a list, and the time of the query.
import type { Rng } from '../../../domain/seed/prng';
import type { FaceId } from './fonts';
import { addMonths, money } from './forms';
import { Paper, type TextOpts } from './paper';
import type { Made } from './sheet';
import { insured } from './social';

export function drawSocialApp(rng: Rng, _dpi: number): Made {
  const s = insured(rng);
  const p = s.person;
  // A screenshot has its own pixels whatever the capture: about 1080 wide.
  const paper = new Paper(72, 156, 380, rng, '#f3f4f6');
  const face: FaceId = rng.chance(0.6) ? 'mk' : 'sans';
  const o: TextOpts = { face, size: 2.6, color: '#1f2329' };
  const grey: TextOpts = { ...o, size: 2.2, color: '#86909c' };
  const [app, theme] = rng.pick([
    ['深圳人社', '#1e6fff'],
    ['i深圳', '#2b5fd9'],
    ['粤省事', '#0a9b63'],
    ['广东人社', '#d9363e'],
  ] as const);
  const time = `${rng.int(7, 22)}:${String(rng.int(0, 59)).padStart(2, '0')}`;
  paper.put(5, 5, time, { ...o, size: 2.4, weight: 700 });
  paper.put(67, 5, `${rng.int(12, 99)}%`, { ...o, size: 2.2, align: 'right' });
  for (let i = 0; i < 4; i++) paper.fill(50 + i * 1.4, 5 - (i + 1) * 0.6, 0.9, (i + 1) * 0.6, '#1f2329');
  paper.fill(0, 7.5, 72, 12, theme);
  paper.put(5, 15.5, '‹', { face: 'sans', size: 4.5, color: '#ffffff' });
  paper.put(36, 15.2, '参保缴费记录', { ...o, size: 3.2, weight: 700, color: '#ffffff', align: 'center' });
  paper.put(67, 15, '···', { face: 'sans', size: 3, color: '#ffffff', align: 'right' });
  const card = (y: number, h: number) => {
    paper.ctx.fillStyle = '#ffffff';
    paper.ctx.beginPath();
    paper.ctx.roundRect(3 * paper.k, y * paper.k, 66 * paper.k, h * paper.k, 2 * paper.k);
    paper.ctx.fill();
  };
  card(22, 32);
  paper.put(6, 29, '参保人', grey);
  paper.put(6, 35, p.name, { ...o, size: 3.6, weight: 700, field: true });
  paper.fill(50, 31, 15, 5, theme === '#d9363e' ? '#fdecec' : '#e8f3ff');
  paper.put(57.5, 34.6, '正常参保', { ...o, size: 2.2, color: theme, align: 'center' });
  paper.put(6, 42, `证件号码  ${p.id.slice(0, 4)}**********${p.id.slice(-4)}`, { ...o, size: 2.3 });
  paper.put(6, 48, '参保单位', { ...o, size: 2.3, color: '#86909c' });
  paper.put(18, 48, s.employer, { ...o, size: 2.3, fit: 49, field: true });
  card(57, 24);
  paper.put(6, 63, '养老保险累计缴费', grey);
  const w = paper.put(6, 74, String(s.pension), { ...o, size: 8, weight: 700, color: theme, field: true });
  paper.put(8 + w, 74, '个月', { ...o, size: 2.6 });
  paper.put(42, 63, '医疗保险累计缴费', grey);
  paper.put(42, 72, `${s.medical}个月`, { ...o, size: 3.4, weight: 700 });
  paper.put(6, 89, '缴费明细', { ...o, size: 2.9, weight: 700 });
  const query = s.printed;
  for (let i = 1; i <= 5; i++) {
    const y = 93 + (i - 1) * 10;
    card(y, 8.6);
    const month = addMonths(query, -i);
    paper.put(6, y + 3.6, `${month.slice(0, 4)}年${month.slice(5, 7)}月`, { ...o, size: 2.5, weight: 700 });
    paper.put(66, y + 3.6, '已到账', { ...o, size: 2.2, color: '#00a870', align: 'right' });
    paper.put(6, y + 7.2, `养老保险  个人 ${money(s.base * 0.08)}  单位 ${money(s.base * 0.15)}`, { ...grey, size: 2 });
  }
  const clock = `${String(rng.int(8, 21)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
  paper.put(36, 158 - 8.5, `查询时间：${query} ${clock}`, { ...grey, align: 'center', field: true });
  paper.put(36, 158 - 5.2, `数据来源：${app}`, { ...grey, size: 1.9, align: 'center' });
  paper.fill(24, 156 - 1.6, 24, 0.7, '#1f2329');
  return { paper, fields: { name: p.name, employer: s.employer, totalMonths: s.pension, date: query }, layout: 'app-screenshot' };
}
