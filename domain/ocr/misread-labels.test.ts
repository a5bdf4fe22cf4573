// Pages read small (about 65 dpi): a label misread into another character still says what its value
// is, and a heading or a neighbouring label is never taken for the value. Lines as read from
// generated pages (fresh, thirteenth sets at low resolution).
import { describe, expect, it } from 'vitest';
import { extractFields } from './extract';
import { namesAnOrganisation } from './extract-money';
import { personName, readUpperAmount } from './meaning';

// The stops of a marriage page's name (extract-civil.ts).
const MARRIAGE_STOPS = ['姓名', '性别', '国籍', '出生日期', '身份证', '持证人', '登记日期'];
const lines = (...texts: string[]) => texts.map((text) => ({ text, confidence: 0.9 }));

describe('a bank statement read small', () => {
  it('ends the holder\'s name at 账号 read as 银号, and takes the credit total whose 贷 was misread beside 借方发生额', () => {
    const e = extractFields('bank', lines('交通银行', '个人账户对账单', '户名:薛晨银号:6222604655990275488币种:人民币', '期初余额:44.105.53本期镇方发生额:51,569.15本借方发生额:16,610.52期末余额:79.064.16'));
    expect(e.fields).toMatchObject({ name: '薛晨', creditTotal: 51569.15, closingBalance: 79064.16 });
    // Its label misread, the total is marked unlabelled (its confidence capped), the labelled balance is not.
    expect(e.reads.creditTotal!.unlabelled).toBe(true);
    expect(e.reads.closingBalance!.unlabelled).toBeUndefined();
    // 贷 read as 货: the same.
    expect(extractFields('bank', lines('期初余额:44,105.53本期货方发生额:51,569.15本借方发生额:16.610.52期末余额:79.064.16')).fields.creditTotal).toBe(51569.15);
    // Without 借方发生额 on its line, a total of one misread side is no credit total.
    expect(extractFields('bank', lines('期初余额:44,105.53本期镇方发生额:51,569.15期末余额:79.064.16')).fields.creditTotal).toBeUndefined();
    // A name of five characters or more before a 号 label is no misread 账号: 纳税人识别号 still ends the name.
    expect(extractFields('income', lines('纳税人名称:路国纳税人识别号:110105198503121234')).fields.name).toBe('路国');
  });
  it('never takes the counterparty\'s column (对方户名) for the holder\'s name', () => {
    const e = extractFields('bank', lines('交通银行', '个人账户对账单', '名:最账号:6222604655990275488币种:人长币', '日前抗获借方发生制货方发生额金额对方户名', '2024/0816安时2,432.00 56.635支付宝(中国)国格技术有限公司'));
    expect(e.fields.name).toBeUndefined();
    expect(e.fields.accountNumber).toBe('6222604655990275488');
  });
});

describe('a masked card number read small', () => {
  const card = (read: string) => extractFields('bank', lines('个人账户对账单', `户名:付华波账号:${read}`)).reads.accountNumber!;
  it('doubts a mask no card has: a first digit lost (2199****1996), stars lost (6222******2729)', () => {
    expect(card('2199****1996').evidence).toBe('invalid');
    expect(card('6222******2729').evidence).toBe('invalid');
    // As banks and apps print them: as long as the card, or four stars whatever its length.
    expect(card('6222****2729').evidence).toBe('valid');
    expect(card('6217 **** **** 4434')).toMatchObject({ value: '6217********4434', evidence: 'valid' });
    expect(card('622262*********5227').evidence).toBe('valid');
  });
});

describe('a marriage record table read small', () => {
  const head = ['婚姻登记记录证明', '经查询婚姻登记档案,当事人婚姻登记记录如下:', '当事人姓名性别出生日期身份证件号码国'];
  it('finds the wife\'s row when its 女方 was read as one character, next to the husband\'s row', () => {
    const e = extractFields('marriage', lines(...head, '男方何军志男1977年10月26日445221197710269516中国', '妨慕容静女1990年6月14日440304199006141942中国', '登记日期2019-12-26'));
    expect(e.fields).toMatchObject({ party1Name: '何军志', party2Name: '慕容静', party2Gender: '女', party2IdNumber: '440304199006141942' });
    // Or lost: the row's name starts with its surname.
    const lost = extractFields('marriage', lines(...head, '男方何军志男1977年10月26日445221197710269516中国', '慕容静女1990年6月14日440304199006141942中国'));
    expect(lost.fields.party2Name).toBe('慕容静');
  });
  it('finds the two parties of a certificate whose labels were lost, each a line of its name and gender', () => {
    const e = extractFields('marriage', lines('持证人宋玉欣', '登记日期2016年11月18日', '结始证字号J440307-2016-004789', '挂名型', '郭智德男', '国出生日折', '中国1994年3月9日', '证件号', '36073219940309805X', '性容', '宋玉欣女', '出生日', '中国1995年2月22日', '身份件构', '440305199502224049'));
    expect(e.fields).toMatchObject({ party1Name: '郭智德', party1Gender: '男', party2Name: '宋玉欣', party2Gender: '女', holder: '宋玉欣' });
    // Two lines of one gender are no couple.
    const same = extractFields('marriage', lines('挂名型', '郭智德男', '性容', '宋玉欣男'));
    expect(same.fields.party1Name).toBeUndefined();
  });
  it('takes no heading row for a name (姓名 性出 出生日央: 性别 misread)', () => {
    expect(personName('性出出生日央身份证件号码', MARRIAGE_STOPS)).toBeUndefined();
    expect(personName('性制出生日其', MARRIAGE_STOPS)).toBeUndefined();
    // A name is still a name.
    expect(personName('何军志', MARRIAGE_STOPS)?.name).toBe('何军志');
  });
});

describe('a property search result read small', () => {
  it('names who was searched (未查询到…), its commas read as dots', () => {
    const e = extractFields('property', lines('不动产登记查询结果证明', '经查询深圳市不动产登记簿·截至查询之日·未查询到上官志强(身份证号码:', '420111199001146559)的不动产登记记录(含预告登记).即其名下无不动产。'));
    expect(e.fields).toMatchObject({ name: '上官志强', idNumber: '420111199001146559', hasProperty: '无' });
  });
});

describe('letters read small', () => {
  it('takes the name after 兹证明 whose 明 was misread, and an employer that is a 管理处', () => {
    const social = extractFields('social', lines('兹证期范雪(公民身份号码:441523199212039747)在深圳市华信达物业管理有限公司参加深圳市社会保险,截至2023'));
    expect(social.fields).toMatchObject({ name: '范雪', employer: '深圳市华信达物业管理有限公司' });
    const income = extractFields('income', lines('兹证明陈辉锦(身份证号:41152519770224045X)于2023年11月至2024年10月期间为我公', '深圳市南山区环境卫生管理处'));
    expect(income.fields.employer).toBe('深圳市南山区环境卫生管理处');
  });
  it('dates a property result by its 截至 date when its date of issue cannot be read, never over a readable one', () => {
    const result = (...more: string[]) => extractFields('property', lines('不动产登记信息查询结果告知单', '被查询人:方锋', '经查询,截至2023年11月14日,上述人员名下无不动产登记记录。', ...more));
    const e = result('查询期:20301月4日');
    expect(e.fields.date).toBe('2023-11-14');
    expect(e.reads.date!.unlabelled).toBe(true);
    expect(result('查询日期:2023年11月20日').fields.date).toBe('2023-11-20');
  });
});

describe('values a form or a stamp cut', () => {
  it('joins an employer\'s name its cell wrapped inside the legal form, and never calls a cut one whole', () => {
    const form = (...rows: string[]) => extractFields('income', lines('职工收入证明', '姓名段倩慧性别女', ...rows, '职务工程师入职时间2016年10月6日'));
    expect(form('工作单位深圳创维达医疗器械股所属部门运营部', '份有限公司坂田分公司').fields.employer).toBe('深圳创维达医疗器械股份有限公司坂田分公司');
    // Wrapped after 有 (…信息技术有 / 限公司); cut there, it is no whole name.
    expect(form('工作单位深圳市恒丰信息技术有所属部门市场部', '限公司').fields.employer).toBe('深圳市恒丰信息技术有限公司');
    expect(namesAnOrganisation('深圳市恒丰信息技术有')).toBe(false);
    // A name cut after 股 (股份有限公司 lost) is no whole name of an organisation.
    expect(namesAnOrganisation('深圳创维达医疗器械股')).toBe(false);
    expect(namesAnOrganisation('深圳创维达医疗器械股份有限公司')).toBe(true);
  });
  it('reads a date in Chinese numerals whose year lost its leading 二 (O二五年三月二十九日), as a repair', () => {
    const e = extractFields('property', lines('经查询深圳市不动产登记薄,截至查询之日,鲍婷丽(身份证号码:', '本证明自出具之日起三十日内有效。', 'O二五年三月二十九日'));
    expect(e.fields.date).toBe('2025-03-29');
    expect(e.reads.date!.evidence).toBe('repaired');
  });
});

describe('upper-case numerals read with a digit or a unit lost', () => {
  it('gives no amount for a form no one writes (仟玖元整 for 陆仟玖佰元整), and reads the written ones', () => {
    const e = extractFields('income', lines('工作及收入证明', '姓名:吕华子公民身份号码:440306198007116552', '月收入约为人民币人民币(大写)仟玖元整', '近十二个月收入合计¥94800.00'));
    expect(e.fields.monthlyIncome).not.toBe(1009);
    expect(e.fields.annualIncome).toBe(94800);
    expect(readUpperAmount('陆仟玖佰元整')).toBe(6900);
    expect(readUpperAmount('壹仟零玖元整')).toBe(1009);
    expect(readUpperAmount('拾伍元整')).toBe(15);
    expect(readUpperAmount('贰万贰仟零叁拾柒元伍角玖分')).toBe(22037.59);
  });
});

describe('a household card read small, its headings misread', () => {
  it('takes the relation in its own cell (女  性料女) and never the next heading misread (性芽) as one', () => {
    const cells = extractFields('hukou', lines('常住人口登记卡', '姓名东方芳秀  户主局产主关系女  性料女', '提用的  出生地广东省深圳市  民放汉族', '公民身价证件编号433130200003074842  文化程度研究生'));
    expect(cells.fields).toMatchObject({ name: '东方芳秀', relation: '女', idNumber: '433130200003074842' });
    expect(cells.reads.relation!.evidence).toBe('valid');
    // Headings over values: 性别 read 性芽 straight after the relation's label is no relation.
    const rows = extractFields('hukou', lines('常住人口登记卡', '姓名户主或与户主关系性芽', '东方芳秀女女', '433130200003074842研究生'));
    expect(rows.fields.relation).not.toBe('性芽');
  });
  it('reads a nationality sharing its cell with its label misread (民放汉族), unlabelled', () => {
    const e = extractFields('hukou', lines('常住人口登记卡', '姓名东方芳秀  户主或与户主关系女', '提用的  出生地广东省深圳市  民放汉族'));
    expect(e.fields.ethnicity).toBe('汉族');
    expect(e.reads.ethnicity!.unlabelled).toBe(true);
    // A cell of an address starting 民治 is no nationality.
    expect(extractFields('hukou', lines('常住人口登记卡', '姓名东方芳秀', '住址  民治街道民族')).fields.ethnicity).toBeUndefined();
  });
});

describe('a letter read small', () => {
  const letter = (...rows: string[]) => extractFields('income', lines('深圳市金蝶源物业管理有限公司', '工资收入证明', '兹证明艾力·吐尔逊(身份证号码:441523198601118372)系我单位正式员工,自', '2022年度该员工年收入合计293800.00元(大写:贰拾玖万叁仟捌佰元整)。', ...rows));
  it('takes the letterhead\'s employer when the stamp over the signature took a character (金蝶源 → 金蝶)', () => {
    expect(letter('单位名称(盖章):深圳市金蝶物业管理有限公司', '2023年06月11日').fields.employer).toBe('深圳市金蝶源物业管理有限公司');
    // Another name at the signature (not the letterhead less one character) stands.
    expect(letter('单位名称(盖章):深圳市银河物业管理有限公司', '2023年06月11日').fields.employer).toBe('深圳市银河物业管理有限公司');
  });
  it('reads a date whose 月 was lost (2023年0611日), as a repair', () => {
    const e = letter('单位名称(盖章):深圳市金蝶源物业管理有限公司', '深', '2023年0611日');
    expect(e.fields.date).toBe('2023-06-11');
    expect(e.reads.date!.evidence).toBe('repaired');
    expect(letter('2023年1311日').fields.date).not.toBe('2023-13-11');
    // Its line broken before 年.
    expect(letter('单位名称(盖章):深圳市金蝶源物业管理有限公司2023', '年0611日').fields.date).toBe('2023-06-11');
    // A dot lost between the month and the day (日期2025.0812).
    const dotted = letter('单位盖章', '日期2025.0812');
    expect(dotted.fields.date).toBe('2025-08-12');
    expect(dotted.reads.date!.evidence).toBe('repaired');
    // A date lost (2026年月4日) leaves none, not figures of the table that only look like one (…4,348.37 21,167.92).
    expect(letter('2025年12月25,516.29 4,348.37 21,167.92', '深圳市蛇口精密模具有限公司', '2026年月4日').fields.date).toBeUndefined();
  });
  it('takes no 明 of 证明 into a name that lost a character (证明何(…), and reads a count whose 计缴 was lost', () => {
    const e = extractFields('social', lines('参保证明(个人)', '证明何(公民身份码)450923198912287176)在民期中伴线督饮理有限费任司参加坝市社会险,载', '至2024年05月19日,累费月数98个月,当前参保就态为正常。'));
    expect(e.fields.name).toBeUndefined();
    expect(e.fields.totalMonths).toBe(98);
    expect(e.reads.totalMonths!.unlabelled).toBe(true);
    expect(extractFields('social', lines('兹证明何永(公民身份号码:450923198912287176)在深圳市参加社会保险,累升费月款98个月')).fields).toMatchObject({ name: '何永', totalMonths: 98 });
  });
});

describe('a form read small', () => {
  it('says there is no property when the form\'s cell says 无 without a colon (查询结果  无)', () => {
    const e = extractFields('property', lines('深圳市不动产登记信息查询结果', '权利人  郑霞洁', '证件号码  430521198012028242', '查询结果  无', '不动产数量  处', '查询日期  2025-01-09'));
    expect(e.fields).toMatchObject({ name: '郑霞洁', hasProperty: '无', date: '2025-01-09' });
    expect(extractFields('property', lines('权利人  郑霞洁', '查询结果  有', '查询日期  2025-01-09')).fields.hasProperty).toBe('有');
  });
  it('never dates the letter by a start whose label was misread (入积时间), nor by a repair before it', () => {
    const form = (last: string) => extractFields('income', lines('个人收入证明', '姓名  梁慧梅', '职务  软件工程师', '入积时间  2021年10月15日', '全年收入合计  489,868.92元', last));
    // 二〇二六年 read 01六年: a repair gives 2016, before the employment began.
    expect(form('经办人(签字):深圳市洲信息股份有限公司(盖章)E y 01六年二月七日').fields.date).toBeUndefined();
    // A repair after the start stands; so does a plain date.
    expect(form('O二五年三月二十九日').fields.date).toBe('2025-03-29');
    expect(form('2026年02月07日').fields.date).toBe('2026-02-07');
  });
});

describe('names and figures a look-alike spoilt', () => {
  it('puts 深圳 right inside an employer\'s name (…有限公司斋圳南山分公司), as a repair', () => {
    const e = extractFields('income', lines('收入证明', '姓名:张三', '工作单位:华润万家有限公司斋圳南山分公司', '年收入合计:100,000.00元'));
    expect(e.fields.employer).toBe('华润万家有限公司深圳南山分公司');
    expect(e.reads.employer!.evidence).toBe('repaired');
    // Its district misread too (浠圳玉安分公司): still 深圳's, and a repair, so readings that put both right outrank it.
    const both = extractFields('income', lines('收入证明', '单位名称(盖章):', '比亚迪汽车工业有限公司浠圳玉安分公司'));
    expect(both.fields.employer).toBe('比亚迪汽车工业有限公司深圳玉安分公司');
    expect(both.reads.employer!.evidence).toBe('repaired');
    // 圳 of a village's name (上圳村) is left.
    expect(extractFields('income', lines('工作单位:深圳市上圳村股份合作公司')).fields.employer).toBe('深圳市上圳村股份合作公司');
  });
  it('reads an app\'s summary whose thousands commas were read as dots (收入支出 / ¥43.525.29 ¥9,738.22)', () => {
    const e = extractFields('bank', lines('账户明细', '中国建设银行', '户名蔡瑶', '可用余额73,208.29', '收入支出', '¥43.525.29 ¥9,738.22', '代发工资+14,853.23'));
    expect(e.fields.creditTotal).toBe(43525.29);
  });
});

describe('labels kept from a neighbour by what stands before them', () => {
  it('finds 查询对象 read one character wrong (青询对象), and still never after 该', () => {
    expect(extractFields('property', lines('不动产登记查询结果', '青询对象:宋涛身份证号码:441502199408095458')).fields.name).toBe('宋涛');
    expect(extractFields('property', lines('不动产登记查询结果', '该查询对象:宋涛身份证号码:441502199408095458')).fields.name).toBeUndefined();
  });
});

describe('an address whose district was misread', () => {
  it('doubts 深圳市罗湖语道… (区 and the street misread into one), so readings that agree on the whole address win', () => {
    const card = (address: string) => extractFields('hukou', lines('常住人口登记卡', '姓名白雅淑', `住址${address}`)).reads.address!;
    expect(card('广东省深圳市罗湖语道创业路256号海月花园18栋2207房').evidence).toBe('invalid');
    expect(card('广东省深圳市罗湖区翠竹街道创业路256号海月花园18栋2207房').evidence).toBe('valid');
    expect(card('广东省深圳市大鹏新区葵涌街道创业路256号').evidence).toBe('valid');
    // A district Shenzhen does not have, a city no province has (赣 of 赣州 lost).
    expect(card('深圳市实则区一花街道南海大道118屿俐香村21栋2002房').evidence).toBe('invalid');
    expect(card('江西省州市于都县贡江镇长征大道2号').evidence).toBe('invalid');
    expect(card('江西省赣州市于都县贡江镇长征大道2号').evidence).toBe('valid');
    expect(card('湖北省恩施土家族苗族自治州恩施市舞阳坝街道1号').evidence).toBe('valid');
  });
});
