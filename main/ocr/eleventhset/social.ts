// 社保: the 深圳市社会保险参保证明（个人） print (particulars in a ruled box, labels left, then the
// contribution years by scheme and 累计缴费月数); a 参保证明 letter with the months inside sentences;
// a kiosk print in two columns of label lines with the history by employer below.
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor } from './capture';
import { dateBetween, issueDate, writeDate } from './forms';
import { grid, inCell, labelLine, spaced } from './kit';
import { Paper, type Made } from './paper';
import { employer, person, type Person } from './people';

interface Span {
  readonly org: string;
  /** First and last month, YYYY-MM. */
  readonly from: string;
  readonly to: string;
  readonly months: number;
}

interface Insured {
  readonly who: Person;
  readonly spans: readonly Span[];
  readonly total: number;
  readonly issued: string;
  readonly org: string;
}

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const ymOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const ymCn = (ym: string) => `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月`;

function insured(rng: Rng): Insured {
  const who = person(rng, { from: '1966-01-01', to: '2002-12-31' });
  const issued = issueDate(rng);
  const last = monthIndex(issued.slice(0, 7)) - rng.int(0, 1);
  const adult = monthIndex(`${Number(who.birthDate.slice(0, 4)) + 19}-07`);
  const n = rng.int(1, 3);
  const spans: Span[] = [];
  let end = last;
  for (let i = 0; i < n; i++) {
    const len = rng.int(6, 130);
    const start = Math.max(end - len + 1, adult, monthIndex('2003-01'));
    if (start > end) break;
    spans.unshift({ org: employer(rng), from: ymOf(start), to: ymOf(end), months: end - start + 1 });
    end = start - rng.int(1, 8);
  }
  const total = spans.reduce((a, s) => a + s.months, 0);
  return { who, spans, total, issued, org: spans[spans.length - 1]!.org };
}

const truth = (s: Insured) => ({ name: s.who.name, idNumber: s.who.idNumber, employer: s.org, totalMonths: s.total, date: s.issued });

/** 参保证明（个人）: particulars in a ruled box, then the spans with months per scheme. */
function certificate(rng: Rng, dpi: DpiFor): Made {
  const s = insured(rng);
  const p = new Paper(210, 297, dpi(297));
  const L = 'maple-l' as const;
  const V = 'maple-m' as const;
  p.text('深圳市社会保险参保证明（个人）', 105, 28, 6.2, 'xiaowei', { align: 'center' });
  p.text(`验证码：${rng.int(10000000, 99999999)}${rng.int(1000, 9999)}`, 196, 38, 3, L, { align: 'right' });
  const cols = [30, 60, 30, 62];
  const top = 43;
  const rows = [11, 11, 16];
  grid(p, 14, top, cols, rows, 0.2, [undefined, undefined, [1, 3]]);
  const cx = (i: number) => 14 + cols.slice(0, i).reduce((a, c) => a + c, 0);
  const ys = [top, top + 11, top + 22];
  const cell = (r: number, c: number, label: string, value: string, span = 1) => {
    inCell(p, label, cx(c), ys[r]!, cols[c]!, rows[r]!, 3.5, L, { align: 'center' });
    inCell(p, value, cx(c + 1), ys[r]!, cols.slice(c + 1, c + 1 + span).reduce((a, v) => a + v, 0), rows[r]!, 3.8, V, { pad: 2 });
  };
  cell(0, 0, '姓名', s.who.name);
  cell(0, 2, '社会保障号码', s.who.idNumber);
  cell(1, 0, '性别', s.who.gender);
  cell(1, 2, '参保状态', '正常参保');
  cell(2, 0, '现参保单位', s.org, 3);
  let y = top + 38 + 8;
  p.text('缴费情况', 14, y, 4, 'xiaowei');
  y += 4;
  const tc = [36, 20, 20, 20, 20, 66];
  const tr = [9, ...s.spans.map(() => 12), 9];
  grid(p, 14, y, tc, tr, 0.18, [undefined, ...s.spans.map(() => undefined), [1, 4, 1]]);
  let x = 14;
  ['起止年月', '养老', '医疗', '失业', '工伤', '缴费单位'].forEach((h, i) => {
    inCell(p, h, x, y, tc[i]!, 9, 3.3, L, { align: 'center' });
    x += tc[i]!;
  });
  s.spans.forEach((sp, r) => {
    const ry = y + 9 + r * 12;
    let c = 14;
    const m = String(sp.months);
    [`${sp.from.replace('-', '')}-${sp.to.replace('-', '')}`, m, m, String(Math.max(0, sp.months - rng.int(0, 3))), m, sp.org].forEach((v, i) => {
      inCell(p, v, c, ry, tc[i]!, 12, i === 5 ? 3 : 3.4, i === 5 ? L : V, { align: i === 5 ? 'left' : 'center', pad: 1.2 });
      c += tc[i]!;
    });
  });
  const sy = y + 9 + s.spans.length * 12;
  inCell(p, '累计缴费月数', 14, sy, tc[0]!, 9, 3.3, L, { align: 'center' });
  inCell(p, `养老保险累计缴费${s.total}个月`, 14 + tc[0]!, sy, 80, 9, 3.5, V, { align: 'center' });
  y = sy + 24;
  p.wrap('说明：本证明记载的缴费月数为深圳市社会保险缴费记录，可登录深圳市人力资源和社会保障局网站凭验证码核验。', 14, y, 182, 3.3, L);
  p.text(`打印日期：${writeDate(s.issued, 'cn')}`, 196, y + 20, 3.6, L, { align: 'right' });
  p.seal(170, y + 14, 17, '深圳市社会保险基金管理局', rng, '业务专用章');
  return { paper: p, fields: truth(s), layout: 'scheme-table' };
}

/** 参保证明 letter: the months inside sentences. */
function letter(rng: Rng, dpi: DpiFor): Made {
  const s = insured(rng);
  const p = new Paper(210, 297, dpi(297));
  const F = rng.chance(0.5) ? ('xiaowei' as const) : ('maple-l' as const);
  const size = 4.4;
  p.text(spaced('参保证明'), 105, 44, 8, 'xiaowei', { align: 'center' });
  let y = 70;
  const first = s.spans[0]!;
  const text = `兹证明${s.who.name}（公民身份号码：${s.who.idNumber}）${s.spans.length > 1 ? `自${ymCn(first.from)}起在本市参加社会保险，现由` : '由'}${s.org}${rng.pick(['为其', '按月为其'])}缴纳社会保险费。截至${ymCn(s.spans[s.spans.length - 1]!.to)}，其基本养老保险累计缴费${s.total}个月，目前参保状态为正常缴费。`;
  y += p.wrap(`　　${text}`, 25, y, 160, size, F, 1.75) * size * 1.75 + 6;
  p.wrap('　　本证明用于办理住房保障资格审核，有效期三个月。', 25, y, 160, size, F, 1.75);
  y += 20;
  p.text('特此证明。', 33, y, size, F);
  p.text('深圳市社会保险基金管理局', 185, 205, size, F, { align: 'right' });
  p.text(writeDate(s.issued, rng.pick(['han', 'cn', 'cn0'])), 185, 216, size, F, { align: 'right' });
  p.seal(158, 205, 19, '深圳市社会保险基金管理局', rng, '业务专用章');
  return { paper: p, fields: truth(s), layout: 'months-letter' };
}

/** Kiosk print: two columns of label lines, the history by employer underneath. */
function kiosk(rng: Rng, dpi: DpiFor): Made {
  const s = insured(rng);
  const p = new Paper(210, 297, dpi(297));
  const F = 'maoken' as const;
  p.text('个人参保缴费信息', 105, 26, 6.5, F, { align: 'center' });
  p.line(14, 32, 196, 32, 0.4);
  const size = 3.8;
  p.block = 1;
  let y = 42;
  y = labelLine(p, '姓名', s.who.name, 14, y, size, F, 84, { block: 1 });
  y = labelLine(p, '性别', s.who.gender, 14, y, size, F, 84, { block: 1 });
  y = labelLine(p, '公民身份号码', s.who.idNumber, 14, y, size, F, 84, { block: 1, valueFace: 'maple-m' });
  const leftEnd = labelLine(p, '参保单位', s.org, 14, y, size, F, 84, { block: 1 });
  p.block = 2;
  let ry = 42;
  ry = labelLine(p, '参保状态', '在职参保', 108, ry, size, F, 88, { block: 2 });
  ry = labelLine(p, '参保险种', '养老 医疗 失业 工伤 生育', 108, ry, size, F, 88, { block: 2 });
  ry = labelLine(p, '累计缴费月数', `${s.total}`, 108, ry, size, F, 88, { block: 2, valueFace: 'maple-sb' });
  ry = labelLine(p, '打印日期', writeDate(s.issued, 'iso'), 108, ry, size, F, 88, { block: 2, valueFace: 'maple-m' });
  p.block = 3;
  y = Math.max(leftEnd, ry) + 6;
  p.text('缴费历史', 14, y, 4.2, F);
  y += 4;
  const tc = [50, 30, 102];
  grid(p, 14, y, tc, [9, ...s.spans.map(() => 11)], 0.18);
  let x = 14;
  ['缴费期间', '月数', '单位名称'].forEach((h, i) => {
    inCell(p, h, x, y, tc[i]!, 9, 3.3, F, { align: 'center' });
    x += tc[i]!;
  });
  s.spans.forEach((sp, r) => {
    let c = 14;
    [`${ymCn(sp.from)}至${ymCn(sp.to)}`, `${sp.months}`, sp.org].forEach((v, i) => {
      inCell(p, v, c, y + 9 + r * 11, tc[i]!, 11, 3.3, F, { align: i === 1 ? 'center' : 'left', pad: 2 });
      c += tc[i]!;
    });
  });
  y += 9 + s.spans.length * 11 + 12;
  p.text(`数据截至${writeDate(dateBetween(rng, s.issued, s.issued), 'cn')}，以社保经办机构最终核定为准。`, 14, y, 3.3, F);
  return { paper: p, fields: truth(s), layout: 'kiosk-two-column' };
}

export function drawSocial(rng: Rng, dpi: DpiFor): Made {
  const design = rng.int(0, 2);
  return design === 0 ? certificate(rng, dpi) : design === 1 ? letter(rng, dpi) : kiosk(rng, dpi);
}
