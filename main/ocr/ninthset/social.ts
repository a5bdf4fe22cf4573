// 社保 pages: a 深圳市社会保险参保缴费明细 listing recent months (employer = the 参保单位 in the header;
// earlier months may show a former employer), a 社会保险个人权益记录单 for a year, and (socialapp.ts) a
// phone screenshot of an app. Truth totalMonths = 基本养老保险 累计缴费月数, printed "N个月"; medical
// and unemployment totals printed beside it are not it.
import type { Rng } from '../../../domain/seed/prng';
import type { FaceId } from './fonts';
import { addMonths, amount, dateBetween, money, writeDate } from './forms';
import { seal } from './marks';
import { Paper, type TextOpts } from './paper';
import { makePerson, type Person } from './people';
import { employerOf } from './places';
import { formTable, L, type Made, V } from './sheet';
import { drawSocialApp } from './socialapp';

export function drawSocial(rng: Rng, dpi: number): Made {
  const design = rng.int(0, 2);
  if (design === 0) return drawMonthly(rng, dpi);
  if (design === 1) return drawRights(rng, dpi);
  return drawSocialApp(rng, dpi);
}

export interface Insured {
  readonly person: Person;
  readonly employer: string;
  readonly printed: string;
  readonly pension: number;
  readonly medical: number;
  readonly jobless: number;
  readonly base: number;
}

/** Someone insured in Shenzhen, with cumulative months that fit their age. */
export function insured(rng: Rng): Insured {
  const person = makePerson(rng, { born: ['1966-01-01', '2002-12-31'], rare: rng.chance(0.25) });
  const printed = dateBetween(rng, '2021-01-01', '2026-11-28');
  const working = Math.max(12, (Number(printed.slice(0, 4)) - Number(person.birth.slice(0, 4)) - 18) * 12);
  const pension = rng.int(6, Math.min(working, 360));
  return {
    person,
    employer: employerOf(rng),
    printed,
    pension,
    medical: pension + rng.int(0, 24),
    jobless: Math.max(1, pension - rng.int(0, 30)),
    base: amount(rng, 8000, 4000, 1, 2360),
  };
}

const ym = (iso: string) => `${iso.slice(0, 4)}${iso.slice(5, 7)}`;

function drawMonthly(rng: Rng, dpi: number): Made {
  const s = insured(rng);
  const p = s.person;
  const paper = new Paper(210, 297, dpi, rng);
  const face: FaceId = rng.pick(['sans', 'shs', 'mk'] as const);
  const o: TextOpts = { face, size: 2.8 };
  paper.put(105, 20, '深圳市社会保险参保缴费明细（个人）', { face, size: 5.6, weight: 700, align: 'center' });
  const head = [
    { h: 8, cells: [L(1, '姓名'), V(1.5, p.name, true), L(1, '社保电脑号'), V(1.5, String(rng.int(600_000_000, 699_999_999))), L(1.1, '身份证号码'), V(2.2, p.id, true)] },
    { h: 8, cells: [L(1, '参保单位'), V(4, s.employer, true), L(1.1, '打印日期'), V(2.2, writeDate(s.printed, 'iso'), true)] },
  ];
  const t = formTable(paper, 12, 28, 186, head, { ...o, size: 3, weight: 700 }, { ...o, size: 3 });
  const n = Math.min(s.pension, rng.int(12, 24));
  const former = n > 12 && rng.chance(0.5) ? employerOf(rng) : s.employer;
  const switchAt = rng.int(3, n - 1);
  const rows = [{ h: 7, cells: ['费款所属期', '单位名称', '缴费基数', '养老(单位)', '养老(个人)', '医疗(单位)', '医疗(个人)', '失业(个人)', '状态'].map((h, i) => L(i === 1 ? 3.2 : 1, h, { size: 2.6 })) }];
  for (let i = n; i >= 1; i--) {
    const month = addMonths(s.printed, -i);
    const b = s.base;
    const who = i > switchAt ? former : s.employer;
    rows.push({
      h: 6.4,
      cells: [V(1, ym(month)), V(3.2, who, false, undefined, { size: 2.5 }), V(1, money(b)), V(1, money(b * 0.15)), V(1, money(b * 0.08)), V(1, money(b * 0.05)), V(1, money(b * 0.02)), V(1, money(b * 0.005)), V(1, '已实缴')],
    });
  }
  const table = formTable(paper, 12, t.bottom + 6, 186, rows, { ...o, weight: 700 }, { ...o, align: 'center' }, 0.15, '#555');
  let y = table.bottom + 9;
  const end = addMonths(s.printed, -1);
  y = paper.wrap(12, y, 186, `截至${end.slice(0, 4)}年${end.slice(5, 7)}月，基本养老保险累计缴费${s.pension}个月，基本医疗保险累计缴费${s.medical}个月，失业保险累计缴费${s.jobless}个月。`, { ...o, size: 3.3 }, 6.5, 0, [`${s.pension}个月`]);
  paper.wrap(12, y + 1, 186, '注：本明细仅反映已到账的缴费记录；如有疑问请咨询深圳市社会保险基金管理局各管理站。', { ...o, size: 2.8, color: '#444' }, 6);
  seal(paper, rng, 165, Math.min(270, y + 18), 17, '深圳市社会保险基金管理局', '业务专用章');
  return { paper, fields: { name: p.name, idNumber: p.id, employer: s.employer, totalMonths: s.pension, date: s.printed }, layout: 'sz-monthly' };
}

function drawRights(rng: Rng, dpi: number): Made {
  const s = insured(rng);
  const p = s.person;
  const year = Number(s.printed.slice(0, 4)) - 1;
  const paper = new Paper(210, 297, dpi, rng, '#fdfcf8');
  const face: FaceId = rng.pick(['shs', 'serif', 'sans'] as const);
  const o: TextOpts = { face, size: 3.4 };
  paper.put(105, 26, '深圳市社会保险个人权益记录单', { face, size: 6.4, weight: 700, align: 'center' });
  paper.put(105, 35, `（${year}年度）`, { face, size: 4, align: 'center' });
  paper.put(18, 50, '一、个人基本信息', { ...o, weight: 700 });
  const basic = [
    { h: 9, cells: [L(1, '姓名'), V(1.4, p.name, true), L(1.2, '社会保障号码'), V(2, p.id, true)] },
    { h: 9, cells: [L(1, '参保单位'), V(4.6, s.employer, true)] },
    { h: 9, cells: [L(1, '参保地'), V(1.4, '深圳市'), L(1.2, '参保状态'), V(2, '正常参保')] },
  ];
  const t1 = formTable(paper, 18, 54, 174, basic, { ...o, weight: 700 }, o);
  paper.put(18, t1.bottom + 10, `二、${year}年度缴费情况`, { ...o, weight: 700 });
  const months = Math.min(12, s.pension);
  const paid = [
    { h: 9, cells: ['险种', '缴费基数', '本年缴费月数', '单位缴费', '个人缴费'].map((h) => L(1, h)) },
    ...[
      ['基本养老保险', 0.15, 0.08],
      ['基本医疗保险', 0.05, 0.02],
      ['失业保险', 0.008, 0.005],
      ['工伤保险', 0.004, 0],
    ].map(([name, u, i]) => ({ h: 9, cells: [V(1, name as string), V(1, money(s.base)), V(1, String(months)), V(1, money(s.base * (u as number) * months)), V(1, money(s.base * (i as number) * months))] })),
  ];
  const t2 = formTable(paper, 18, t1.bottom + 14, 174, paid, { ...o, weight: 700 }, { ...o, align: 'center' });
  paper.put(18, t2.bottom + 10, '三、累计情况', { ...o, weight: 700 });
  let y = paper.wrap(18, t2.bottom + 18, 174, `截至${year}年12月31日，您的基本养老保险累计缴费${s.pension}个月，个人账户累计储存额${money(amount(rng, s.pension * 700, 3000, 0.01, 100))}元；基本医疗保险累计缴费${s.medical}个月。`, o, 7.5, 7, [`${s.pension}个月`]);
  y = paper.wrap(18, y + 2, 174, '温馨提示：本记录单所列信息截至上年末，请妥善保管。如发现信息有误，请及时向参保单位或社保经办机构反映。', { ...o, size: 3 }, 6.5, 6);
  paper.put(192, y + 14, '深圳市社会保险基金管理局', { ...o, align: 'right' });
  paper.put(192, y + 22, `生成日期：${writeDate(s.printed, 'cn')}`, { ...o, align: 'right', field: true });
  return { paper, fields: { name: p.name, idNumber: p.id, employer: s.employer, totalMonths: s.pension, date: s.printed }, layout: 'rights-record' };
}
