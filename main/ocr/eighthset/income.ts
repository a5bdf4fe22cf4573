// Income papers: a bank-stamped 工资流水 summary letter; an 个人所得税 APP 收入纳税明细 summary page
// (年度收入合计); a 个体工商户 owner's statement about their own income; a 劳务报酬 certificate for a
// freelancer. Amounts in bold now and then, small 8–9 pt notes, letter-spaced titles.
import type { Rng } from '../../../domain/seed/prng';
import { made, Paper, type Made, type Style } from './paper';
import { amount, dateIn, EMPLOYERS, money, person, region, writeDate, type DateStyle } from './people';

const BANKS = ['中国建设银行', '中国工商银行', '招商银行', '交通银行', '中国农业银行'];
const SHOPS = ['便利店', '小吃店', '五金店', '理发店', '水果店', '裁缝店', '汽车修理部'];

function salaryFlow(rng: Rng, mono: boolean): Made {
  const who = person(rng, { from: 1965, to: 2001 });
  const employer = rng.pick(EMPLOYERS);
  const monthly = amount(rng, 3200, 16000);
  const annual = Math.round(monthly * 12 * 100) / 100;
  const bank = rng.pick(BANKS);
  const issued = dateIn(rng, 2026, 2026);
  const ds: DateStyle = rng.pick(['cn', 'cn0', 'han']);
  const p = new Paper(210, 200, mono);
  const body: Style = { face: rng.pick(['serif', 'serifXL', 'pxzs'] as const), pt: 11 };
  const strong: Style = { ...body, face: 'serifBold' };
  p.text(bank, 20, 20, { face: 'serifBlack', pt: 13 });
  p.text('个人工资流水证明', 105, 38, { face: 'serifBold', pt: 18, align: 'center', spacing: 2.5 });
  let y = p.para(
    ['兹证明', [who.name, strong], '（身份证号码：', [who.id], '）在我行开立的个人结算账户，2025年1月至2025年12月期间由', [employer, strong], '代发工资共计人民币', [money(annual), strong], '元，月均', [money(monthly), strong], '元。'],
    22, 58, 166, body, 9, 8,
  );
  y = p.para(['以上信息根据我行系统记录出具，仅证明该账户代发工资入账情况。'], 22, y + 2, 166, body, 9, 8);
  p.text('注：本证明不作为担保、抵押等用途，涂改无效。', 22, y + 6, { face: 'serifXL', pt: 8 });
  p.text(`${bank}${region(rng).place.replace(/^.*市/, '')}支行`, 186, y + 34, { ...body, align: 'right' });
  p.text(writeDate(issued, ds), 186, y + 50, { ...body, align: 'right' });
  p.seal(160, y + 26, 17, `${bank}业务专用章`);
  return made(p, { name: who.name, idNumber: who.id, employer, annualIncome: annual, monthlyIncome: monthly, date: issued }, 'salary-flow-letter');
}

function taxApp(rng: Rng, mono: boolean): Made {
  const who = person(rng, { from: 1965, to: 2001 });
  const employer = rng.pick(EMPLOYERS);
  const months = Array.from({ length: 12 }, () => amount(rng, 4000, 12000));
  const annual = Math.round(months.reduce((a, b) => a + b, 0) * 100) / 100;
  const p = new Paper(80, 172, mono, 300, '#f4f5f7');
  const ui: Style = { face: 'sans', pt: 8 };
  p.rect(0, 0, 80, 14, 0.1, '#c43', '#c8362c');
  p.text('收入纳税明细查询', 40, 9.5, { face: 'sansBold', pt: 10, align: 'center', color: '#fff' });
  p.rect(4, 18, 72, 38, 0.1, '#ddd', '#fff');
  p.pair('纳税人', who.name, 7, 25, ui, { face: 'sansBold', pt: 8.5 }, 3);
  p.pair('纳税人识别号', who.id, 7, 32, ui, { face: 'sans', pt: 8 }, 2);
  p.text('所得年度：2025    收入类型：工资薪金', 7, 39, ui);
  p.text('年度收入合计（元）', 7, 46, { ...ui, pt: 7.5, color: '#666' });
  p.text(money(annual), 7, 53, { face: 'sansBold', pt: 12, color: '#c8362c' });
  let y = 62;
  months.forEach((v, i) => {
    p.rect(4, y - 4.5, 72, 8.2, 0.1, '#eee', '#fff');
    p.text(`2025-${String(i + 1).padStart(2, '0')}  工资薪金`, 7, y, { ...ui, pt: 7 });
    p.text(money(v), 73, y, { ...ui, pt: 7.5, align: 'right' });
    y += 8.7;
  });
  p.pair('扣缴义务人：', employer, 7, y + 2, { ...ui, pt: 7 }, { ...ui, pt: 7 }, 0);
  return made(p, { name: who.name, idNumber: who.id, employer, annualIncome: annual }, 'tax-app');
}

function selfEmployed(rng: Rng, mono: boolean): Made {
  const who = person(rng, { from: 1962, to: 1995 });
  const reg = region(rng);
  const shop = `${reg.place.slice(-3, -1)}${who.name.slice(0, 1)}记${rng.pick(SHOPS)}`;
  const monthly = amount(rng, 2500, 9000, false);
  const annual = monthly * 12;
  const issued = dateIn(rng, 2025, 2026);
  const p = new Paper(210, 190, mono);
  const body: Style = { face: rng.pick(['pxzs', 'serif'] as const), pt: 11.5 };
  const hand: Style = { face: 'mashan', pt: 13, color: '#1b2250' };
  p.text('个 人 收 入 情 况 说 明', 105, 26, { face: 'serifBold', pt: 17, align: 'center' });
  let y = p.para(
    ['本人', [who.name, hand], '，公民身份号码', [who.id], '，系个体工商户“', [shop], '”的经营者（统一社会信用代码', [`92${reg.code}${rng.int(1e8, 9e8)}X`], '），经营地址：', reg.address, '。'],
    22, 46, 166, body, 10, 9,
  );
  y = p.para(['近一年经营收入扣除成本费用后，本人月平均纯收入约', [money(monthly, false), { ...body, face: 'serifBold' }], '元，全年收入合计', [money(annual, false), { ...body, face: 'serifBold' }], '元。家中无其他固定收入。'], 22, y, 166, body, 10, 9);
  y = p.para(['本人承诺以上所填内容真实，如有虚假，愿承担相应法律责任。'], 22, y, 166, body, 10, 9);
  p.pair('承诺人（签名）：', who.name, 110, y + 18, body, hand, 1);
  p.pair('日期：', writeDate(issued, 'cn'), 110, y + 30, body, hand, 1);
  return made(p, { name: who.name, idNumber: who.id, employer: shop, monthlyIncome: monthly, annualIncome: annual, date: issued }, 'self-employed');
}

function freelance(rng: Rng, mono: boolean): Made {
  const who = person(rng, { from: 1970, to: 2002 });
  const employer = rng.pick(EMPLOYERS);
  const annual = amount(rng, 18000, 96000);
  const issued = dateIn(rng, 2026, 2026);
  const p = new Paper(210, 170, mono);
  const body: Style = { face: rng.pick(['serifXL', 'serif'] as const), pt: 11 };
  p.text('劳务报酬证明', 105, 24, { face: 'serifBlack', pt: 18, align: 'center', spacing: 4 });
  let y = p.para(
    ['兹有', [who.name, { ...body, face: 'serifBold' }], '（身份证号：', [who.id], '），非我单位在职员工，2025年度以个人身份为我单位提供', rng.pick(['平面设计', '翻译', '课程讲授', '软件测试']), '服务。我单位2025年度累计向其支付劳务报酬（税前）人民币', [money(annual), { ...body, face: 'serifBold' }], '元，已依法代扣代缴个人所得税。'],
    22, 44, 166, body, 9.5, 8,
  );
  y = p.para(['特此证明。'], 22, y, 166, body, 9.5, 8);
  p.text('（本证明仅用于办理住房保障申请）', 22, y + 4, { face: 'serifXL', pt: 8.5 });
  p.text(employer, 188, y + 28, { ...body, align: 'right' });
  p.text(writeDate(issued, rng.pick(['cn', 'han'] as const)), 188, y + 44, { ...body, align: 'right' });
  p.seal(165, y + 18, 17, `${employer.slice(0, 10)}财务专用章`);
  return made(p, { name: who.name, idNumber: who.id, employer, annualIncome: annual, date: issued }, 'freelance-fee');
}

export function drawIncome(rng: Rng, mono: boolean): Made {
  const u = rng.next();
  return u < 0.3 ? salaryFlow(rng, mono) : u < 0.55 ? taxApp(rng, mono) : u < 0.8 ? selfEmployed(rng, mono) : freelance(rng, mono);
}
