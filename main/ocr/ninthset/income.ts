// 收入 pages: the first page of a 深圳 劳动合同 with its 劳动报酬 clause (blanks typed, or filled in by
// hand; truth = the wage after probation, not the 试用期 wage), an employer's 收入证明 printing both
// 税前 and 税后 (truth = the 税前 amounts, the ones the letter calls 收入), and (payslip.ts) a 工资条
// strip and a 住房公积金缴存证明.
import type { Rng } from '../../../domain/seed/prng';
import type { FaceId } from './fonts';
import { addDays, addMonths, amount, capital, dateBetween, money, wan, writeDate } from './forms';
import { seal, signature } from './marks';
import { Paper, type TextOpts } from './paper';
import { makePerson, type Person } from './people';
import { addressIn, creditCode, employerOf, SHENZHEN } from './places';
import { drawFundProof, drawPayslip } from './payslip';
import { issuerBlock, type Made } from './sheet';

export function drawIncome(rng: Rng, dpi: number): Made {
  const design = rng.int(0, 3);
  if (design === 0) return drawContract(rng, dpi);
  if (design === 1) return drawPayslip(rng, dpi);
  if (design === 2) return drawFundProof(rng, dpi);
  return drawLetter(rng, dpi);
}

/** A worker of working age (rare name character on about one page in five). */
export const worker = (rng: Rng): Person => makePerson(rng, { born: ['1966-01-01', '2003-12-31'], rare: rng.chance(0.25) });

/** A monthly wage: mostly whole hundreds, sometimes to the cent. */
export const wage = (rng: Rng): number => (rng.chance(0.7) ? amount(rng, 11000, 5000, 100, 3000) : amount(rng, 11000, 5000, 0.01, 3000));

const POSTS = ['操作员', '行政专员', '会计', '仓库管理员', '软件工程师', '销售代表', '保安员', '厨师', '护士', '教师', '司机', '质检员'];

function drawContract(rng: Rng, dpi: number): Made {
  const p = worker(rng);
  const employer = employerOf(rng);
  const monthly = wage(rng);
  const signed = dateBetween(rng, '2016-01-01', '2026-11-15');
  const start = `${addMonths(signed, 1).slice(0, 8)}01`;
  const paper = new Paper(210, 297, dpi, rng);
  const face: FaceId = rng.chance(0.5) ? 'shs' : 'serif';
  const o: TextOpts = { face, size: 3.7 };
  const byHand = rng.chance(0.5);
  const hand: TextOpts = byHand ? { face: rng.chance(0.5) ? 'hlx' : 'lc', size: 4.3, color: '#1c2c6e', hand: true } : { ...o, weight: 600 };
  paper.put(105, 24, '深圳市劳动合同（全日制用工）', { face, size: 6, weight: 700, align: 'center' });
  const blank = (x: number, y: number, label: string, value: string, width: number, field = true) => {
    const w = paper.put(x, y, label, o);
    paper.line(x + w + 1, y + 1.3, x + w + 1 + width, y + 1.3, 0.2, '#333');
    paper.put(x + w + 2.5, y - 0.3, value, { ...hand, field, fit: width - 2 });
    return x + w + width + 4;
  };
  let y = 40;
  blank(22, y, '甲方（用人单位）名称：', employer, 110);
  y += 9;
  blank(22, y, '统一社会信用代码：', creditCode(rng), 70, false);
  y += 9;
  blank(22, y, '法定代表人（主要负责人）：', makePerson(rng, { style: 'han' }).name, 40, false);
  y += 12;
  const x1 = blank(22, y, '乙方（劳动者）姓名：', p.name, 40);
  blank(x1 + 4, y, '性别：', p.sex, 14, false);
  y += 9;
  blank(22, y, '居民身份证号码：', p.id, 80);
  y += 9;
  blank(22, y, '户籍地址：', addressIn(rng, p.origin), 130, false);
  y += 9;
  blank(22, y, '联系电话：', `1${rng.pick(['35', '38', '39', '58', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`, 50, false);
  y += 13;
  const probation = Math.round(monthly * 0.8 * 100) / 100;
  const end = addDays(addMonths(start, 36), -1);
  const clauses = [
    `根据《中华人民共和国劳动合同法》及有关法律法规，甲乙双方遵循合法、公平、平等自愿、协商一致、诚实信用的原则，签订本合同。`,
    `第一条 本合同为固定期限劳动合同，期限自${writeDate(start, 'cn')}起至${writeDate(end, 'cn')}止，其中试用期${rng.pick(['二', '三', '六'])}个月。`,
    `第二条 乙方同意根据甲方工作需要，担任${rng.pick(POSTS)}岗位工作，工作地点为深圳市${rng.pick(SHENZHEN).county}。`,
    `第三条 甲方依法安排乙方执行标准工时工作制，每日工作8小时，每周工作40小时。`,
    `第四条 乙方正常工作时间的月工资为人民币${money(monthly)}元（大写：${capital(monthly)}），试用期月工资为人民币${money(probation)}元。`,
    `第五条 甲方于每月${rng.int(5, 15)}日前以货币形式足额支付乙方上月工资，不得克扣或者无故拖欠。`,
    `第六条 甲乙双方依法参加社会保险，按时足额缴纳社会保险费和住房公积金，个人缴纳部分由甲方从乙方工资中代扣代缴。`,
  ];
  for (const c of clauses) y = paper.wrap(22, y, 166, c, o, 7.2, 7.4, [money(monthly)]) + 1.5;
  y += 8;
  paper.put(22, y, '甲方（盖章）：', o);
  paper.put(115, y, '乙方（签名）：', o);
  signature(paper, rng, 142, y + 1, p.name);
  seal(paper, rng, 60, y + 6, 18, employer, '', 'rgba(214, 28, 36, 0.8)');
  y += 16;
  paper.put(22, y, `签订日期：`, o);
  paper.put(115, y, `签订日期：`, o);
  const dateText = writeDate(signed, 'cn');
  paper.put(42, y - 0.3, dateText, { ...hand, field: true });
  paper.put(135, y - 0.3, dateText, hand);
  paper.put(105, 287, '第 1 页 共 6 页', { ...o, size: 3, align: 'center', color: '#444' });
  return { paper, fields: { name: p.name, idNumber: p.id, employer, monthlyIncome: monthly, date: signed }, layout: 'labour-contract' };
}

function drawLetter(rng: Rng, dpi: number): Made {
  const p = worker(rng);
  const employer = employerOf(rng);
  const gross = wage(rng);
  const net = Math.round(gross * (0.76 + rng.next() * 0.1) * 100) / 100;
  const annual = rng.chance(0.5) ? Math.round(gross * 12 * 100) / 100 : Math.round((gross * 12 + rng.int(5, 40) * 1000) * 100) / 100;
  const issued = dateBetween(rng, '2021-03-01', '2026-11-28');
  const since = dateBetween(rng, '2008-01-01', addMonths(issued, -14));
  const paper = new Paper(210, 297, dpi, rng);
  const face: FaceId = rng.pick(['shs', 'serif', 'sans'] as const);
  const o: TextOpts = { face, size: 4.1 };
  paper.put(105, 50, '收 入 证 明', { face, size: 8.5, weight: 700, align: 'center' });
  const annualText = rng.chance(0.3) && wan(annual) ? `${wan(annual)}元` : `${money(annual)}元`;
  const body = rng.chance(0.5)
    ? `兹证明${p.name}（身份证号：${p.id}）自${writeDate(since, 'cn').replace(/\d+日$/, '')}起在我单位工作，现任${rng.pick(POSTS)}职务。该员工近十二个月平均月收入（税前）为人民币${money(gross)}元，税后实发约${money(net)}元；年收入（税前）为人民币${annualText}。`
    : `兹有${p.name}，身份证号码${p.id}，系我单位${rng.pick(['正式', '合同制'])}员工，${writeDate(since, 'cn').replace(/\d+日$/, '')}入职至今。其税前月收入为${money(gross)}元（大写：${capital(gross)}），扣除个人所得税及社会保险后实发${money(net)}元；税前年收入合计${annualText}。`;
  let y = paper.wrap(26, 76, 158, `${rng.pick(['深圳市', ''])}${rng.pick(['住房和建设局', '住房保障部门', '有关单位'])}：`, o, 9);
  y = paper.wrap(26, y, 158, body, o, 9, 8.2, [p.name, money(gross), annualText]);
  y = paper.wrap(26, y, 158, '特此证明。本证明仅用于住房保障申请，不作为我单位对该员工任何形式的担保。', o, 9, 8.2);
  paper.put(26, y + 6, `联系人：${makePerson(rng, { style: 'han' }).name}    联系电话：0755-${rng.int(2000, 8999)}${rng.int(1000, 9999)}`, { ...o, size: 3.6 });
  issuerBlock(paper, rng, 184, y + 36, employer, writeDate(issued, rng.pick(['cn', 'cn0', 'han'] as const)), o);
  return { paper, fields: { name: p.name, idNumber: p.id, employer, monthlyIncome: gross, annualIncome: annual, date: issued }, layout: 'employer-letter' };
}
