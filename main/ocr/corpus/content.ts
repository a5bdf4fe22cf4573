// The tuning corpus: what each page says, drawn at random from several print designs and phrasings
// per document kind, with the fields an extractor should find. The held-out pages
// (tests/fixtures/ocr/heldout) are written by another generator and never by this one.
import type { FieldValues } from '../../../domain/ocr/fields';
import { createRng, type Rng } from '../../../domain/seed/prng';
import { address, BANKS, dateText, EMPLOYERS, ETHNIC, isoDate, money, OCCUPATIONS, pad, person, PROVINCES, upperAmount } from './people';

export type Item =
  | { readonly t: 'title'; readonly text: string }
  | { readonly t: 'line'; readonly text: string }
  | { readonly t: 'row'; readonly cells: readonly { readonly text: string; readonly span: number }[] }
  | { readonly t: 'para'; readonly text: string };

export const CORPUS_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const;
export type CorpusKind = (typeof CORPUS_KINDS)[number];

export interface PageContent {
  readonly kind: CorpusKind;
  readonly design: string;
  readonly items: readonly Item[];
  readonly stamp?: string;
  readonly fields: FieldValues;
  /** The page text in reading order. */
  readonly text: string;
}

const c = (text: string, span = 1) => ({ text, span });
const row = (...cells: { text: string; span: number }[]): Item => ({ t: 'row', cells });

function hukou(rng: Rng): Omit<PageContent, 'text'> {
  const p = person(rng, undefined, 1950, 2010);
  const relation = rng.pick(['户主', '户主', '妻', '夫', '子', '女', '长子', '次女', '母', '父', '孙子']);
  const ethnicity = rng.pick(ETHNIC);
  const addr = address(rng);
  const g = p.male ? '男' : '女';
  const relLabel = rng.pick(['户主或与户主关系', '与户主关系']);
  const birthLabel = rng.pick(['出生日期', '出生日期', '出生年月日']);
  const idLabel = rng.pick(['公民身份号码', '公民身份号码', '公民身份证件编号', '身份证件编号']);
  const addrLabel = rng.pick(['住址', '住址', '户籍地址']);
  const birth = dateText(p.birth, rng.pick(['cn', 'cnShort'] as const));
  const design = rng.pick(['table4', 'table4b', 'list']);
  const items: Item[] = [{ t: 'title', text: '常住人口登记卡' }];
  if (design === 'list') {
    const colon = rng.pick([':', ':', '']);
    const pairs = [
      ['姓名', p.name], [relLabel, relation], ['性别', g], ['民族', ethnicity], [birthLabel, birth], ['出生地', rng.pick(PROVINCES)],
      [addrLabel, addr], [idLabel, p.id], ['文化程度', rng.pick(['大学本科', '高中', '大专'])], ['婚姻状况', rng.pick(['已婚', '未婚'])],
    ];
    for (const [l, v] of pairs) items.push({ t: 'line', text: `${l}${colon} ${v}` });
  } else {
    items.push(row(c('姓名'), c(p.name), c(relLabel), c(relation)));
    if (design === 'table4') items.push(row(c('曾用名'), c(''), c('性别'), c(g)));
    else items.push(row(c('性别'), c(g), c('民族'), c(ethnicity)));
    items.push(row(c('出生地'), c(rng.pick(PROVINCES)), c(design === 'table4' ? '民族' : '籍贯'), c(design === 'table4' ? ethnicity : rng.pick(PROVINCES))));
    items.push(row(c(design === 'table4' ? '籍贯' : '宗教信仰'), c(design === 'table4' ? rng.pick(PROVINCES) : ''), c(birthLabel), c(birth)));
    items.push(row(c(addrLabel), c(addr, 3)));
    if (rng.chance(0.5)) items.push(row(c('本市(县)其他住址'), c(rng.chance(0.5) ? address(rng) : '', 3)));
    items.push(row(c('宗教信仰'), c(''), c(idLabel), c(p.id)));
    items.push(row(c('文化程度'), c(rng.pick(['大学本科', '高中', '硕士研究生', '大专'])), c('婚姻状况'), c(rng.pick(['已婚', '未婚']))));
    items.push(row(c('服务处所'), c(rng.pick(EMPLOYERS)), c('职业'), c(rng.pick(OCCUPATIONS))));
    if (rng.chance(0.5)) items.push(row(c('身高'), c(`${rng.int(150, 190)}厘米`), c('血型'), c(rng.pick(['A型', 'B型', 'O型', 'AB型']))));
    if (rng.chance(0.5)) items.push(row(c('何时由何地迁来本市(县)'), c(`${rng.int(1990, 2020)}年${rng.pick(PROVINCES)}`, 3)));
  }
  items.push({ t: 'line', text: `承办人签章  登记日期${dateText(isoDate(rng, 2008, 2023), 'cn')}` });
  const fields = { name: p.name, relation, gender: g, birthDate: p.birth, idNumber: p.id, ethnicity, address: addr };
  return { kind: 'hukou', design, items, ...(rng.chance(0.5) ? { stamp: '户口专用章' } : {}), fields };
}

function marriage(rng: Rng): Omit<PageContent, 'text'> {
  const h = person(rng, true, 1950, 1998);
  const w = person(rng, false, 1952, 2000);
  const reg = isoDate(rng, 2004, 2024);
  const design = rng.pick(['lines', 'lines', 'table', 'old']);
  if (design === 'old') {
    // The couple drawn again to be of age that year (a man 22 or more, a woman 20: 婚姻法 art. 6).
    const year = rng.int(1985, 2003);
    const [oh, ow] = [person(rng, true, year - 45, year - 22), person(rng, false, year - 40, year - 20)];
    const regOld = `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
    const no = `(${String(year).slice(2)})深${rng.pick(['罗', '福', '南', '宝'])}婚字第${pad(rng.int(1, 2999), 4)}号`;
    const age = (b: string) => year - Number(b.slice(0, 4));
    const items: Item[] = [
      { t: 'title', text: '结婚证' },
      { t: 'line', text: no },
      { t: 'line', text: `${oh.name} 男 ${age(oh.birth)}岁` },
      { t: 'line', text: `${ow.name} 女 ${age(ow.birth)}岁` },
      { t: 'para', text: '自愿结婚,经审查符合《中华人民共和国婚姻法》关于结婚的规定,准予登记,发给此证。' },
      { t: 'line', text: '深圳市人民政府婚姻登记处' },
      { t: 'line', text: dateText(regOld, 'numerals') },
    ];
    return { kind: 'marriage', design, items, stamp: '婚姻登记专用章', fields: { certificateNumber: no, party1Name: oh.name, party2Name: ow.name, registrationDate: regOld } };
  }
  const no = `J${rng.pick(['440303', '440304', '440305', '440306'])}-${reg.slice(0, 4)}-${pad(rng.int(1, 9999), 6)}`;
  const holder = rng.chance(0.5) ? h : w;
  const items: Item[] = [{ t: 'title', text: '结婚证' }];
  const party = (p: typeof h) =>
    design === 'table'
      ? [row(c('姓名'), c(p.name), c('性别'), c(p.male ? '男' : '女')), row(c('国籍'), c('中国'), c('出生日期'), c(dateText(p.birth, 'cn'))), row(c('身份证件号'), c(p.id, 3))]
      : [
          { t: 'line' as const, text: `姓名  ${p.name}    性别  ${p.male ? '男' : '女'}` },
          { t: 'line' as const, text: `国籍  中国    出生日期  ${dateText(p.birth, rng.pick(['cn', 'cnShort'] as const))}` },
          { t: 'line' as const, text: `身份证件号  ${p.id}` },
        ];
  items.push({ t: 'line', text: `持证人  ${holder.name}` }, { t: 'line', text: `登记日期  ${dateText(reg, 'cn')}` }, { t: 'line', text: `结婚证字号  ${no}` }, { t: 'line', text: '备注' });
  items.push(...party(h), ...party(w));
  const fields = {
    holder: holder.name, registrationDate: reg, certificateNumber: no,
    party1Name: h.name, party1Gender: '男', party1BirthDate: h.birth, party1IdNumber: h.id,
    party2Name: w.name, party2Gender: '女', party2BirthDate: w.birth, party2IdNumber: w.id,
  };
  return { kind: 'marriage', design, items, stamp: rng.chance(0.5) ? '婚姻登记专用章' : undefined, fields };
}

const MONTHLY_PHRASES = ['月收入为人民币', '月收入', '每月工资收入', '月平均收入:', '月均税前收入', '月工资为', '每月税前工资约为', '月收入约为人民币', '平均月收入为', '月薪', '月收入(税前)为', '每月应发工资'];
const ANNUAL_PHRASES = ['年收入为人民币', '全年收入合计', '近一年收入总额:', '年度收入总额', '年收入约为', '全年税前收入共计', '年均收入', '上一年度工资收入总额为', '近十二个月收入合计', '年收入(税前)为', '全年累计收入', '年度总收入为'];

/** An amount as letters write it: 8,500.00元, 人民币8500元, ¥8,500.00, 捌仟伍佰元整(¥8,500.00), or 10.2万元. */
function amountText(rng: Rng, n: number, canWan: boolean): string {
  const commas = rng.chance(0.6);
  const form = rng.pick(['yuan', 'yuan', 'yuan', 'rmb', 'sign', 'upper', 'upperOnly', 'wan'] as const);
  switch (form) {
    case 'yuan':
      return `${money(n, commas)}元`;
    case 'rmb':
      return `人民币${rng.chance(0.5) ? money(n, commas) : String(n)}元`;
    case 'sign':
      return `¥${money(n, commas)}`;
    case 'upper':
      return `${upperAmount(n)}(¥${money(n, commas)})`;
    case 'upperOnly':
      return `人民币(大写)${upperAmount(n)}`;
    case 'wan':
      return canWan ? `${n / 10000}万元` : `${money(n, commas)}元`;
  }
}

function income(rng: Rng): Omit<PageContent, 'text'> {
  const p = person(rng, undefined, 1965, 2000);
  const employer = rng.pick(EMPLOYERS);
  const monthly = rng.int(30, 400) * 100;
  const annual = monthly * 12 + rng.pick([0, 0, 5000, 12000, 6600]);
  const date = isoDate(rng, 2022, 2025);
  const mText = `${rng.pick(MONTHLY_PHRASES)}${amountText(rng, monthly, false)}`;
  const yText = `${rng.pick(ANNUAL_PHRASES)}${amountText(rng, annual, true)}`;
  const design = rng.pick(['a', 'b', 'c', 'd', 'e']);
  const who = rng.pick(['该同志', '该员工', '其', '']);
  const idLabel = rng.pick(['身份证号', '身份证号码', '公民身份号码', '证件号码']);
  const body = {
    a: `兹证明${p.name}(${idLabel}:${p.id})系我单位正式员工,自${rng.int(2005, 2021)}年${rng.int(1, 12)}月起在我单位工作,现任${rng.pick(OCCUPATIONS)}。${who}${mText},${yText}。`,
    b: `兹证明我单位职工${p.name},${idLabel}${p.id},在我单位从事${rng.pick(OCCUPATIONS)}工作。${who}${yText},${mText}。`,
    c: `姓名:${p.name} ${idLabel}:${p.id}\n工作单位:${employer}\n${mText}\n${yText}`,
    d: `现证明${p.name}同志(${idLabel}${p.id})在我公司工作,${mText},${yText}。`,
    e: `${p.name}${rng.pick(['先生', '女士', ''])},${idLabel}:${p.id},${rng.pick(['于', '自'])}${rng.int(2005, 2021)}年入职我单位,任${rng.pick(OCCUPATIONS)}。${yText},${mText}。`,
  }[design]!;
  const items: Item[] = [{ t: 'title', text: rng.pick(['收入证明', '收入证明', '工作及收入证明', '在职收入证明']) }];
  for (const part of body.split('\n')) items.push(design === 'c' ? { t: 'line', text: part } : { t: 'para', text: part });
  items.push({ t: 'line', text: rng.pick(['特此证明。', '特此证明!', '本证明仅用于申请住房保障。']) });
  const style = rng.pick(['cnShort', 'numerals', 'cn', 'dot', 'slash', 'dash'] as const);
  if (rng.chance(0.4)) items.push({ t: 'line', text: `单位名称(盖章):${employer}` }, { t: 'line', text: `${rng.pick(['日期', '开具日期', '出具日期'])}:${dateText(date, style)}` });
  else items.push({ t: 'line', text: employer }, { t: 'line', text: dateText(date, style) });
  return { kind: 'income', design, items, stamp: employer, fields: { name: p.name, idNumber: p.id, employer, monthlyIncome: monthly, annualIncome: annual, date } };
}

function bank(rng: Rng): Omit<PageContent, 'text'> {
  const p = person(rng);
  const acct = `6${rng.int(2, 2)}${Array.from({ length: 17 }, () => rng.int(0, 9)).join('')}`;
  const end = isoDate(rng, 2024, 2025);
  const start = `${Number(end.slice(0, 4)) - 1}${end.slice(4)}`;
  const salary = rng.int(40, 300) * 100;
  const months = 6;
  let balance = rng.int(1000, 50000);
  const items: Item[] = [{ t: 'title', text: `${rng.pick(BANKS)}${rng.pick(['个人账户交易明细', '账户交易流水', '个人客户交易明细清单'])}` }];
  items.push({ t: 'line', text: `${rng.pick(['户名', '账户名称', '客户姓名'])}:${p.name}   ${rng.pick(['账号', '卡号'])}:${acct}` });
  items.push({ t: 'line', text: `${rng.pick(['起止日期', '查询期间'])}:${dateText(start, 'dash')}至${dateText(end, 'dash')}` });
  items.push(row(c('交易日期'), c('摘要'), c('收入'), c('支出'), c('余额')));
  let credit = 0;
  for (let i = 0; i < months; i++) {
    const day = `${end.slice(0, 4)}-${pad(i + 1)}-${pad(rng.int(5, 15))}`;
    balance += salary;
    credit += salary;
    items.push(row(c(day), c('代发工资'), c(money(salary, true)), c(''), c(money(balance, true))));
    const spend = rng.int(5, 30) * 100;
    balance -= spend;
    items.push(row(c(day.slice(0, 8) + pad(rng.int(16, 28))), c(rng.pick(['消费', '转账', '还款'])), c(''), c(money(spend, true)), c(money(balance, true))));
  }
  items.push({ t: 'line', text: `${rng.pick(['收入合计', '贷方发生额合计'])}:${money(credit, true)}   期末余额:${money(balance, true)}` });
  return { kind: 'bank', design: 'statement', items, stamp: rng.chance(0.6) ? '业务专用章' : undefined, fields: { name: p.name, accountNumber: acct, periodStart: start, periodEnd: end, creditTotal: credit, closingBalance: balance } };
}

function social(rng: Rng): Omit<PageContent, 'text'> {
  const p = person(rng, undefined, 1965, 2000);
  const employer = rng.pick(EMPLOYERS);
  const date = isoDate(rng, 2023, 2025);
  const total = rng.int(12, 300);
  const items: Item[] = [{ t: 'title', text: rng.pick(['深圳市社会保险参保缴费记录', '社会保险个人参保证明']) }];
  items.push({ t: 'line', text: `姓名:${p.name}   ${rng.pick(['公民身份号码', '身份证号码'])}:${p.id}` });
  items.push({ t: 'line', text: `${rng.pick(['参保单位', '单位名称'])}:${employer}` });
  items.push(row(c('年度'), c('养老保险'), c('医疗保险'), c('失业保险'), c('缴费月数')));
  for (let y = 0; y < 4; y++) items.push(row(c(String(Number(date.slice(0, 4)) - y)), c('已缴'), c('已缴'), c('已缴'), c(String(12))));
  items.push({ t: 'line', text: `${rng.pick(['累计缴费月数', '养老保险累计月数'])}:${total}` });
  items.push({ t: 'line', text: `${rng.pick(['打印日期', '出具日期'])}:${dateText(date, rng.pick(['cn', 'dash'] as const))}` });
  return { kind: 'social', design: 'record', items, stamp: '社会保险业务专用章', fields: { name: p.name, idNumber: p.id, employer, totalMonths: total, date } };
}

function property(rng: Rng): Omit<PageContent, 'text'> {
  const p = person(rng);
  const date = isoDate(rng, 2023, 2025);
  const has = rng.chance(0.4);
  const items: Item[] = [{ t: 'title', text: rng.pick(['不动产登记查询结果', '深圳市不动产登记信息查询结果']) }];
  items.push({ t: 'line', text: `${rng.pick(['查询对象', '权利人'])}:${p.name}   ${rng.pick(['证件号码', '身份证号码'])}:${p.id}` });
  if (has) {
    items.push(row(c('不动产权证号'), c('房屋坐落', 2), c('建筑面积')));
    items.push(row(c(`粤(${date.slice(0, 4)})深圳市不动产权第${rng.int(1000000, 9999999)}号`), c(address(rng), 2), c(`${rng.int(40, 140)}.${pad(rng.int(0, 99))}㎡`)));
  } else items.push({ t: 'para', text: `经查询,截至查询日,未查询到该查询对象在本市的不动产登记记录。` });
  items.push({ t: 'line', text: `查询日期:${dateText(date, 'cn')}` });
  return { kind: 'property', design: has ? 'records' : 'none', items, stamp: '不动产登记查询专用章', fields: { name: p.name, idNumber: p.id, hasProperty: has ? '有' : '无', date } };
}

export function pageText(items: readonly Item[]): string {
  return items
    .map((i) => (i.t === 'row' ? i.cells.map((x) => x.text).filter((t) => t !== '').join(' ') : i.text))
    .filter((t) => t !== '')
    .join('\n');
}

export function corpusContent(kind: CorpusKind, seed: number): PageContent {
  const rng = createRng(seed * 7919 + CORPUS_KINDS.indexOf(kind) * 131);
  const make = { hukou, marriage, income, bank, social, property }[kind];
  const page = make(rng);
  return { ...page, text: pageText(page.items) };
}
