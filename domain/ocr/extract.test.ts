import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../identity/idnumber';
import { confidenceFor, REPAIRED_CAP, UNCHECKED_TEXT_CAP, UNLABELLED_CAP } from './calibration';
import { type Attempt, mergeFields } from './document';
import { extractFields } from './extract';
import { personName, readAmount, readDate, readLooseCnDate, readUpperAmount, writeUpperAmount } from './meaning';
import type { PageReading } from './pipeline';

const lines = (...texts: string[]) => texts.map((text) => ({ text, confidence: 0.9 }));
// 110105 19850312 123 + check 4: a valid number of a man born 1985-03-12.
const ID = '110105198503121234';

describe('household register, by meaning whatever the design', () => {
  it('reads a 户籍证明 letter: the subject\'s name, gender, nationality and birth from its sentence, the address over its line break', () => {
    const e = extractFields('hukou', lines('户籍证明', `兹证明张伟,男,汉族,1985年03月12日出生,公民身份号码:`, `${ID},与户主关系:长子,户籍住址:广东省深圳市福田区华富街道`, '莲花一村3栋502。', '该人户籍信息以上述登记为准。', '特此证明。', '深圳市公安局福田分局莲花派出所', '2024年1月17日'));
    expect(e.fields).toEqual({ name: '张伟', gender: '男', ethnicity: '汉族', birthDate: '1985-03-12', idNumber: ID, relation: '长子', address: '广东省深圳市福田区华富街道莲花一村3栋502' });
    // 民族大道 is a road in the address, not the next cell's 民族.
    const road = extractFields('hukou', lines('住址:广西壮族自治区南宁市青秀区津头街道民族大道184号1栋2单元2302室', '姓名谭轩涛', '民族汉族'));
    expect(road.fields).toMatchObject({ address: '广西壮族自治区南宁市青秀区津头街道民族大道184号1栋2单元2302室', ethnicity: '汉族' });
    // An address already ending in its number takes nothing from the next line.
    const whole = extractFields('hukou', lines('姓名:张伟', '住址:广东省深圳市福田区华富街道莲花一村3栋502', '服务处所 无。'));
    expect(whole.fields.address).toBe('广东省深圳市福田区华富街道莲花一村3栋502');
    // 兹证明 misread (兹诚明), the facts parted by 、, the head of the household saying so (系该户户主).
    const misread = extractFields('hukou', lines('户籍证明', '兹诚明段霞满、女、汉族、1958年3月14日出生、公民身份号码:', '440305195803140641、户籍地址:深圳市龙华区宝安大道1464号华润城8栋508室。', '系该户户主。', '特此证明。'));
    expect(misread.fields).toMatchObject({ name: '段霞满', gender: '女', ethnicity: '汉族', birthDate: '1958-03-14', relation: '户主' });
    // The address ends at the comma before the sentence goes on; 系该户户主 at the line's end.
    const head = extractFields('hukou', lines('兹证明陆国博,男,汉族,1977年3月22日出生,公民身份号码', ':440309197703229598,户籍地址:深圳市福田区华润城D座28栋308室,系该户户主', '特此证明。'));
    expect(head.fields).toMatchObject({ address: '深圳市福田区华润城D座28栋308室', relation: '户主' });
    // The letter's lines break inside the relation, and 为 stands between label and address.
    const wrapped = extractFields('hukou', lines('兹证明欧阳辉凯,男,回族,2016年01月07日出生,公民身份号码', '41152220160107507X,其常住户口登记在我所辖区,户籍地址为广东省', '深圳市龙岗区坂田街道龙翔大道113号丽山苑B座2705,与户主关系为次', '子。', '特此证明。'));
    expect(wrapped.fields).toMatchObject({ relation: '次子', address: '广东省深圳市龙岗区坂田街道龙翔大道113号丽山苑B座2705' });
    // A card's address broken over two lines with no punctuation, and a room number alone on the next line.
    expect(extractFields('hukou', lines('住址:广东省深圳市宝安区新安街道梅林路', '762号桃源村17栋2108室', '承办人签章')).fields.address).toBe('广东省深圳市宝安区新安街道梅林路762号桃源村17栋2108室');
    expect(extractFields('hukou', lines('住址:深圳市龙华区大浪街道龙华大道596号美丽家园三期2栋', '2303', '上述人员系我辖区常住户口,户籍信息以公安机关户籍管理系统登记')).fields.address).toBe('深圳市龙华区大浪街道龙华大道596号美丽家园三期2栋2303');
    // 户口登记地址, the room on the next line before the sentence goes on.
    const registered = extractFields('hukou', lines('经查,我辖区常住人口中有陈慧霞(性别:女,民族:苗族,出生日', '期:一九九六年四月二十六日,公民身份号码:130182199604265748),', '户口登记地址:广东省深圳市宝安区新安街道宏发路29号怡景花园C座', '1901,与户主关系为孙女。'));
    expect(registered.fields).toMatchObject({ address: '广东省深圳市宝安区新安街道宏发路29号怡景花园C座1901', relation: '孙女' });
    // The next line a labelled cell: not part of the address.
    expect(extractFields('hukou', lines('住址:广东省深圳市宝安区新安街道梅林路', '服务处所深圳市某某有限公司3号楼')).fields.address).toBe('广东省深圳市宝安区新安街道梅林路');
    // A card's address whose last character went to the next line.
    expect(extractFields('hukou', lines('住址:广东省深圳市南山区桃源街道工业八路133号万科城11栋1502', '房', '登记事项变更和更正记载')).fields.address).toBe('广东省深圳市南山区桃源街道工业八路133号万科城11栋1502房');
    // The relation in the letter's sentence: 系户主江琴之夫.
    expect(extractFields('hukou', lines(`经查,尹旭宇(性别:男,身份证号:${ID})户口登记在我所辖区,系户主江琴之夫。`)).fields.relation).toBe('夫');
    // A stamp's letters read beside the label: the address is the line under it.
    const stamped = extractFields('hukou', lines('姓名:张伟', '住址免价', '广东省深圳市光明区凤凰街道宝民一路51号阳光花园9栋212房', '文化程度婚姻状况兵役状况职业'));
    expect(stamped.fields.address).toBe('广东省深圳市光明区凤凰街道宝民一路51号阳光花园9栋212房');
    // The label at the middle of a two-line cell: the address's first line stands above it.
    const middle = extractFields('hukou', lines('宗教信仰基督教文化程度高中', '广东省深圳市罗湖区笋岗街道中海阳光棕榈园1', '住址巷39号602', `公民身份证${ID}`));
    expect(middle.fields.address).toBe('广东省深圳市罗湖区笋岗街道中海阳光棕榈园1巷39号602');
  });
  it("never takes the next line's label for a relation left unread (与户主关系 / 公民身份号码), and reads one inside its wrapped label (户主或与户 户主 主关系)", () => {
    const blank = extractFields('hukou', lines('常住人口户籍信息证明', '姓名赵秋欣性别女民族汉族', '出生日期2019年08月06日与户主关系', '公民身份号码440307201908062142', '户主姓名赵海平户号869785752'));
    expect(blank.fields.relation).toBeUndefined();
    expect(blank.fields.idNumber).toBe('440307201908062142');
    for (const rows of [['姓名高浩家户主或与户户主', '主关系', '曾用名性别男'], ['姓名高浩家户主或与户户主主关系', '曾用名  性别  男']])
      expect(extractFields('hukou', lines('常住人口登记卡', ...rows)).reads.relation).toMatchObject({ value: '户主', evidence: 'valid' });
  });

  it('reads a card whose labels run down narrow boxes: scrambled or lost labels, the values still found', () => {
    // Read by cells, a label printed one character under another comes out of order (名姓), in part (户与主) or lost (期, 属).
    const BORN_1992 = `41270219921227789${checkCharacter('41270219921227789')}`;
    const cells = (...texts: string[]) => texts.map((text) => ({ text, confidence: 0.9, spans: [...text.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, confidence: 0.9 })) }));
    const card = extractFields('hukou', cells('常住人口登记卡', '户籍地址  深圳市坪山区西乡街道锦绣家园10座4楼A', '户主姓名  肖霞媛  户号329077758', '名姓  常超  夫', '性别  男  属  朝鲜族', '期  1992年12月27日  典籍  河南省周口市川汇区', `身份证号  ${BORN_1992}`));
    expect(card.fields).toMatchObject({ name: '常超', relation: '夫', gender: '男', ethnicity: '朝鲜族', birthDate: '1992-12-27' });
    // What stood without its label is marked so: never as sure as a labelled value.
    expect([card.reads.relation!.unlabelled, card.reads.ethnicity!.unlabelled]).toEqual([true, true]);
    const partly = extractFields('hukou', cells('姓名  付斌  性别  男', '户与主  户主  出期生日  1993年12月14日', '名姓  闫艳敏  与  次女'));
    expect(partly.fields).toMatchObject({ name: '付斌', relation: '户主', birthDate: '1993-12-14' });
    // The label's last character alone (系 of 与户主关系) stands between the name and its relation.
    const tail = extractFields('hukou', cells('户主姓名  东方辉平  户号572433939', '姓名  东方梦霞  系  女', '性别  女  民族  满族'));
    expect(tail.fields).toMatchObject({ name: '东方梦霞', relation: '女' });
    // A relation run together with the name in its cell (the gap lost) is told apart when no relation is labelled.
    const glued = extractFields('hukou', cells('户主姓名  田娜  户号970054653', '姓名  玛依拉·托合提孙女', '性别  女  民族  维吾尔族'));
    expect(glued.fields).toMatchObject({ name: '玛依拉·托合提', relation: '孙女' });
    expect(glued.reads.relation!.unlabelled).toBe(true);
    // Labels over values (姓名户主或与户主关系 / the row run together): a transliterated name longer than eight characters too.
    const over = extractFields('hukou', lines('常住人口登记卡', '姓名户主或与户主关系', '热依汗古丽·吐尔洪孙女', '曾用名性别', '热小红女'));
    expect(over.fields).toMatchObject({ name: '热依汗古丽·吐尔洪', relation: '孙女', gender: '女' });
    // …but never with a relation labelled elsewhere, nor a relation of one character (子, 女 end names too).
    expect(extractFields('hukou', cells('姓名  张伟长子', '与户主关系  户主')).fields).toMatchObject({ name: '张伟长子', relation: '户主' });
    expect(extractFields('hukou', cells('姓名  李秀女', '性别  女')).fields.name).toBe('李秀女');
    // The householder's own row: 户主 under 与户主关系, then the 户主姓名 cell.
    expect(extractFields('hukou', cells('姓名  顾军明  性别  男', '出生日期  1964-07-15  与户主关系  户主  户主姓名  顾军明')).fields).toMatchObject({ name: '顾军明', relation: '户主' });
    // A value that is itself a relation is not taken for a label.
    expect(extractFields('hukou', cells('姓名  付斌  户主')).fields.relation).toBe('户主');
  });
  it('reads a police letter: the address wrapped into a sentence that goes on, the relation said in words', () => {
    const e = extractFields('hukou', lines('户口证明', '兹证明:胡林,性别:男,民族:汉族,出生日期:1979年7月12日,公民', '身份号码:440311197907126939,系我所辖区常住户口,户籍地址:湖南省湘', '西土家族苗族自治州吉首市矮寨镇石桥村12组7号,与户主熊凤梦的关系为夫。', '特此证明。'));
    expect(e.fields).toMatchObject({ name: '胡林', relation: '夫', address: '湖南省湘西土家族苗族自治州吉首市矮寨镇石桥村12组7号' });
  });
  it('reads where a 户籍证明 letter says the household is registered, however its lines wrap', () => {
    const e = extractFields('hukou', lines('户 籍 证 明', '兹证明龙飞,性别男,满族,一九四一年七月二十七日出生,公民身份', `号码${ID},系户主龙轩昇之父亲,现户籍登记在广`, '东省深圳市龙岗区宝安大道3773号鹿丹村28栋304。', '特此证明。'));
    expect(e.fields.address).toBe('广东省深圳市龙岗区宝安大道3773号鹿丹村28栋304');
  });
  it('reads a ruled table row by row and a label: value list alike', () => {
    const table = extractFields('hukou', lines('常住人口登记卡', '姓名  张伟  户主或与户主关系  长子', '性别  男  民族  汉', '出生日期  1985年3月12日', `公民身份号码  ${ID}`, '住址  广东省深圳市福田区华富街道莲花一村3栋502'));
    const list = extractFields('hukou', lines('常住人口登记卡', '姓名:张伟', '与户主关系:长子', '性别:男', '民族:汉族', '出生年月日:1985年03月12日', `公民身份证件编号:${ID}`, '住址:广东省深圳市福田区华富街道莲花一村3栋502'));
    for (const e of [table, list]) {
      expect(e.fields).toMatchObject({ name: '张伟', relation: '长子', gender: '男', ethnicity: '汉族', birthDate: '1985-03-12', idNumber: ID });
      expect(e.fields.address).toBe('广东省深圳市福田区华富街道莲花一村3栋502');
      // The checksum-valid number confirms the printed birth date and gender.
      expect(e.reads.birthDate!.evidence).toBe('checked');
      expect(e.reads.gender!.evidence).toBe('checked');
    }
  });

  it('takes no label for the name where the name cell was not read (户主或与户主关系 with a character misread)', () => {
    for (const label of ['户主或与户主关系', '户士或与户王关系', '户主或与户主关采']) {
      expect(extractFields('hukou', lines(`姓名  ${label}  户主`, '性别  女')).fields.name).toBeUndefined();
    }
  });

  it('never scores a repaired or contradicted value high, and names both values of a mismatch', () => {
    const near = extractFields('hukou', lines('户主或与户主关系  雇主'));
    expect(near.fields.relation).toBe('户主');
    expect(near.confidence.relation).toBeLessThanOrEqual(REPAIRED_CAP);
    expect(near.notes.relation).toContain('雇主');
    const mismatch = extractFields('hukou', lines('出生日期  1985年3月18日', `公民身份号码  ${ID}`));
    expect(mismatch.confidence.birthDate).toBeLessThanOrEqual(REPAIRED_CAP);
    expect(mismatch.notes.birthDate).toContain('1985-03-18');
    expect(mismatch.notes.birthDate).toContain('1985-03-12');
    // One digit apart from the checksum-valid number's date: the number's date is taken, as a repaired value.
    expect(mismatch.fields.birthDate).toBe('1985-03-12');
    // Far apart: the printed date is kept, both fields contradicted.
    const far = extractFields('hukou', lines('出生日期  1979年7月1日', `公民身份号码  ${ID}`));
    expect(far.fields.birthDate).toBe('1979-07-01');
    expect(far.reads.birthDate!.evidence).toBe('invalid');
    expect(far.reads.idNumber!.evidence).toBe('invalid');
    // One digit misread (3 → 8): corrected by the checksum, but only ever doubtful.
    const fixed = extractFields('hukou', lines(`公民身份号码  ${ID.slice(0, 10)}0812${ID.slice(14)}`, '出生日期  1985年3月12日'));
    expect(fixed.fields.idNumber).toBe(ID);
    expect(fixed.confidence.idNumber).toBeLessThanOrEqual(REPAIRED_CAP);
  });

  it('reads a photographed card whose rows ran together: a value over its label, the label alone on its line', () => {
    // As read whole from a photo: 汉族 after the empty 曾用名, 民族 alone, then 出生地's row; the address over 住址.
    const e = extractFields('hukou', lines('姓名刘诗菲', '性别女', '曾用名汉族', '民族', '出生地江西省赣州市', '出生日期1996年6月2日', '籍贯江西省赣州市', '江西省赣州市于都县贡江镇长征大道83号', '住址', '本市(县)其他住址', '公民身份证件编号421127199606023529'));
    expect(e.fields).toMatchObject({ ethnicity: '汉族', address: '江西省赣州市于都县贡江镇长征大道83号' });
    expect(e.reads.ethnicity?.unlabelled).toBe(true);
    // A door number ending the line, the estate's building and room alone on the next.
    expect(extractFields('hukou', lines('住址广东省深圳市坪山区碧岭街道福华三路2808号', '水围村6栋1503', '公民身份证44142319930512630X')).fields.address).toBe('广东省深圳市坪山区碧岭街道福华三路2808号水围村6栋1503');
    // The next label is no address, and with no whole address above it the card gives none.
    expect(extractFields('hukou', lines('姓名刘诗菲', '籍贯江西省赣州市', '住址', '本市(县)其他住址', '宗教信仰')).fields.address).toBeUndefined();
  });
});

describe('labels and numbers the recogniser half read', () => {
  it('finds a long label with one character misread, but never prefers it over the label as printed', () => {
    const e = extractFields('hukou', lines('出生日项  1985年3月12日', '身份证件娩号  ' + ID));
    expect(e.fields).toMatchObject({ birthDate: '1985-03-12', idNumber: ID });
    // Two-character labels are too common to loosen: 性列 is not 性别.
    expect(extractFields('hukou', lines('性列  男')).fields.gender).toBeUndefined();
    const both = extractFields('social', lines('打印日明  2024年1月2日', '打印日期  2024年5月6日'));
    expect(both.fields.date).toBe('2024-05-06');
  });

  it("takes the page's one checksum-valid ID number when its label is lost, never one of two", () => {
    expect(extractFields('property', lines('查询对象  王芳', `旧汁缟石  ${ID}`)).fields.idNumber).toBe(ID);
    // 110105198503121226: another valid number (a woman born the same day).
    expect(extractFields('property', lines(`旧汁缟石  ${ID}`, '配偶  110105198503121226')).fields.idNumber).toBeUndefined();
    // A number that only passes after a correction is not taken without its label.
    expect(extractFields('property', lines(`旧汁缟石  ${ID.slice(0, 17)}5`)).fields.idNumber).toBeUndefined();
    // A two-column sheet whose lines run on: the number after the month column's amount, before the next month.
    const sheet = extractFields('income', lines('个人收入情况表', '姓名月份应发工资(元)', '顾怡2024年08月17,531.11', '公民身份号码2024年09月18,852.08', `${ID} 2024年10月18,544.48`, '工作单位2024年11月17,470.91'));
    expect(sheet.fields.idNumber).toBe(ID);
    // A number the line broke in two is found whole.
    const letter = extractFields('hukou', lines('兹证明张伟,性别男,汉族,1985年3月12日出生,公民身份号码11', `${ID.slice(2)},系户主张强之子。`));
    expect(letter.fields.idNumber).toBe(ID);
    expect(letter.reads.idNumber!.unlabelled).toBe(true);
  });
});

describe('names beside the words a page prints next to them', () => {
  it('never takes a table heading read after 姓名 for a name, and stops at a status badge', () => {
    // A payslip read without its cells: the headings run on after 姓名, the name stands in the row below.
    const slip = extractFields('income', lines('深圳市绿源环保科技有限公司2026年3月工资条', '姓名出勤天数基本工资岗位津贴绩效奖金应发合计', '乌兰图雅23 5,640.00 888.00 4,272.00 11,100.00'));
    expect(slip.fields.name).not.toBe('出勤天数');
    // Nor what is left of 户主或与户主关系 misread after 姓名 (姓名主说与户世关育…).
    expect(extractFields('hukou', lines('常住人口登记卡', '姓名主说与户世关育莫频孙女')).fields.name).toBeUndefined();
    // A table's headings between the label and the name go: 姓名 | 月份 应发工资(元) over 别克·加尔肯 | 2024年12月 ….
    const sheet = extractFields('income', lines('个人收入情况表', '姓名月份应发工资(元)', '别克·加尔肯2024年12月15,043.79', '工作单位  招商银行股份有限公司深圳福田支行  岗位  护士'));
    expect(sheet.fields).toMatchObject({ name: '别克·加尔肯', employer: '招商银行股份有限公司深圳福田支行' });
    // The next cell's label ends the employer's name (中心 of 研发中心 ends an organisation's name too).
    expect(extractFields('income', lines('工作单位深圳市金蝶源贸易有限公司所在部门研发中心')).fields.employer).toBe('深圳市金蝶源贸易有限公司');
    expect(sheet.reads.name!.evidence).toBe('repaired');
    // An app's record: the name and its status badge read as one line.
    const app = extractFields('social', lines('参保缴费记录', '参保人', '张永龙正常参保', '参保单位深圳市瑞丰印刷包装有限公司'));
    expect(app.fields.name).toBe('张永龙');
  });
});

describe('a date read one digit wrong', () => {
  it('is put right when one often-confused digit makes it a date, marked for the clerk with what was read', () => {
    const e = extractFields('property', lines('不动产登记信息查询结果', '查询日期:2026.97.30'));
    expect(e.fields.date).toBe('2026-07-30');
    expect(e.reads.date!.evidence).toBe('repaired');
    expect(e.reads.date!.note).toContain('2026.97.30');
    // Where two changes would fit, the reading stays as it was, shown as no date.
    const two = extractFields('property', lines('不动产登记信息查询结果', '查询日期:2025年2月30日'));
    expect(two.reads.date!.evidence).toBe('invalid');
  });
  it("is never the property's registration date when the search's own date was not read", () => {
    const page = (last: string) => extractFields('property', lines('不动产登记信息查询结果', '登记时间  2018年04月21日  权利性质  商品房', last));
    expect(page('查询专用章 二〇二六年二月十六日').fields.date).toBe('2026-02-16');
    expect(page('查询专用章 =O=六年=月十六日').fields.date).toBeUndefined();
  });
  it('is no month in a table whose column rule was read as its day', () => {
    const record = (row: string) => extractFields('social', lines('深圳市社会保险参保缴费证明(个人)', '起始年月截止年月缴费单位险种月数', row, '合计缴费月数57个月')).fields.date;
    expect(record('2021年]月2025年9月|深圳市梧桐物业服务股份有限公司养老、医疗57')).toBeUndefined();
    // Nor the start of the next month's year, its 年 misread (2022年10月 2023征10月 is no 20 October).
    expect(record('2022年10月  2023征10月  深圳市大鹏电子科技有限责任公司  养老、医疗  13')).toBeUndefined();
    // A day read as a letter like a digit, its 日 kept, is still a date.
    expect(record('打印日期 2025年10月l日')).toBe('2025-10-01');
  });
});

describe('income letters in several phrasings', () => {
  it('reads the figure after garbled upper-case numerals whose brackets were lost, and 月平均入 (收 lost)', () => {
    const letter = (line: string) => extractFields('income', lines('工作及收入证明', '兹证明赵成(证件号码:445102199802162999)系我单位正式员工,', `自2018年10月起在我单位工作,现任工程师,${line}`, '30.500.00近一年收入总额36.6万元', '深圳市龙岗建设工程有限公司', '2024/9/10'));
    // The closing bracket lost, the sentence going on, or both brackets lost: as read from a 65 dpi letter.
    expect(letter('月平均收入叁万零伍佰元整(').fields).toMatchObject({ monthlyIncome: 30500, annualIncome: 366000 });
    expect(letter('线志月平均入专万专低元些').fields).toMatchObject({ monthlyIncome: 30500, annualIncome: 366000 });
    // No upper-case numeral's word (万 仟 佰 元) before the figure: no amount is taken from further on.
    expect(extractFields('income', lines('工作及收入证明', '月平均收入待定,详见附表', '30.500.00近一年收入总额36.6万元')).fields.monthlyIncome).toBeUndefined();
  });
  it("takes as employer who paid every salary entry of a bank app's list, and only one who paid them all", () => {
    const entry = (payer: string, day: string) => ['代发工资', `${payer}${day}`];
    const app = (...payers: string[]) => extractFields('income', lines('收支明细', '近期工资收入(元)', ...payers.flatMap((p, i) => entry(p, `0${8 - i}-10`)))).fields.employer;
    expect(app('中国建筑第四工程局有限公司深圳分公司', '中国建筑第四工程局有限公司深圳分公司')).toBe('中国建筑第四工程局有限公司深圳分公司');
    expect(app('中国建筑第四工程局有限公司深圳分公司', '深圳市华强贸易有限公司')).toBeUndefined();
  });
  it('reads a boxed form\'s 月收入(元) on a line after digits (the letter\'s lines run on)', () => {
    const e = extractFields('income', lines('职工收入证明', '姓名郑天性别女', `身份证号码${ID}`, '月收入(元)36,417.84年收入(元)437,014.08'));
    expect(e.fields).toMatchObject({ monthlyIncome: 36417.84, annualIncome: 437014.08 });
  });
  it('reads a year of fees paid for services, in its sentence or in its table\'s totals row', () => {
    const sentence = extractFields('income', lines('劳务费发放明细', `兹证明马彤薇(身份证号:${ID})于2024年01月至2024年12月期间为我公司提供培训授课劳务。`, '以上近十二个月合计支付劳务报酬人民币128,637.73元(税前),月均10,719.81元。特此证明。'));
    expect(sentence.fields).toMatchObject({ annualIncome: 128637.73, monthlyIncome: 10719.81 });
    const row = (total: string) => extractFields('income', lines('劳务费发放明细', '兹证明马彤薇于2024年01月至2024年12月期间为我公司提供培训授课劳务,明细如下:', '序号  支付月份  应付金额(税前)  代扣个税  实发金额', '1  2024年01月  10,700.00  1,712.00  8,988.00', total, '2024年12月16日')).fields.annualIncome;
    expect(row('合计  128,637.73  20,582.03  108,055.70')).toBe(128637.73);
    expect(row('合计128,637.73 20,582.03 108,055.70')).toBe(128637.73);
  });

  it('finds totals, the issuing date and the employer however the letter puts them, across wrapped lines', () => {
    const a = extractFields('income', lines('收入证明', '兹证明我单位职工王芳,身份证号码', `${ID},在我单位从事会计工作。其每月工资收入8,500.00元,全年收入合计`, '102,000.00元。', '特此证明。', '深圳市华安科技有限公司', '二〇二四年五月十二日'));
    expect(a.fields).toMatchObject({ name: '王芳', idNumber: ID, monthlyIncome: 8500, annualIncome: 102000, employer: '深圳市华安科技有限公司', date: '2024-05-12' });
    expect(a.reads.annualIncome!.evidence).toBe('checked');
    const b = extractFields('income', lines('工作及收入证明', `现证明李强同志(公民身份号码${ID})在我公司工作,月均税前收入伍仟叁佰元整(¥5,300.00),年度收入总额63,600元。`, '单位名称(盖章):深圳市宝安区教育局', '日期:2023年11月01日'));
    expect(b.fields).toMatchObject({ name: '李强', monthlyIncome: 5300, annualIncome: 63600, employer: '深圳市宝安区教育局', date: '2023-11-01' });
  });

  it('reads totals behind fillers, in 万元 and upper case only, and never a year of months as a month', () => {
    const gross = extractFields('income', lines('个人收入证明', `现证明王芳女士(身份证号:${ID})自2011年07`, '月至今在深圳智联物业管理股份有限公司工作。其年', '度总收入(应发):8.28万元,平均应发月平均工资:¥6,900.00元。'));
    expect(gross.fields).toMatchObject({ annualIncome: 82800, monthlyIncome: 6900 });
    const c = extractFields('income', lines(`兹证明王芳(身份证号:${ID})系我单位员工。其近十二个月收入合计人民币(大写)壹拾万贰仟元整,月收入约为人民币8,500.00元。`, '2024/5/12'));
    expect(c.fields).toMatchObject({ monthlyIncome: 8500, annualIncome: 102000, date: '2024-05-12' });
    const d = extractFields('income', lines(`李强先生,证件号码:${ID},于2015年入职我单位。年收入(税前)为10.2万元,每月应发工资¥8,500.00。`));
    expect(d.fields).toMatchObject({ monthlyIncome: 8500, annualIncome: 102000 });
    expect(d.reads.monthlyIncome!.evidence).toBe('checked');
  });

  it('reads past a misread ¥ and garbled upper-case numerals to the figures in brackets, and skips 本证明仅用于', () => {
    const e = extractFields('income', lines('在职收入证明', `效证明我单位职工郑伟,公民身份号码${ID},在我单位从事护士工作。该同志全年税前收入共计双460`, ',800.00,月收入(税前)为会万担任肆佰元整(38,40', '0.00)。', '本证明仅用于申请住房保障。'));
    expect(e.fields).toMatchObject({ name: '郑伟', monthlyIncome: 38400, annualIncome: 460800 });
    const f = extractFields('income', lines('工作及收入证明', `吕英诗(身份证号:${ID})年收入为人民币贰拾万元整。`, '本证明仅用于申请住房保障。'));
    expect(f.fields).toMatchObject({ name: '吕英诗', annualIncome: 200000 });
  });

  it('reads an amount whose 元 was misread as a digit, but only as doubtful', () => {
    const e = extractFields('income', lines('兹证明沈雪(身份证号:440582198310100681)系我单位正式员工。该同志月收入为人民币19,500,00元,年收入为人民币426,000.007。'));
    expect(e.fields.monthlyIncome).toBe(19500);
    expect(e.fields.annualIncome).toBe(426000);
    expect(e.confidence.annualIncome).toBeLessThanOrEqual(REPAIRED_CAP);
  });
});

describe('income letters and records in other wordings', () => {
  it('reads a letter naming the person at a line\'s start before the number, a remark in brackets before the amount', () => {
    const e = extractFields('income', lines('深圳市深蓝供应链管理有限公司', '收入证明', '证明单位:本公司', '岑雪,身份证号码:440308197201046920,自2021年2月起在我单位工作,现任厨师', '一职,劳动合同期限至2026年。', '该员工月均收入(含奖金、津贴)为人民币26,700.00元(大写:人民币贰万陆仟柒佰', '元整)。', '2026.03.03'));
    expect(e.fields).toMatchObject({ name: '岑雪', idNumber: '440308197201046920', monthlyIncome: 26700 });
    // A bank app's summary with its word after the figure.
    const app = extractFields('income', lines('11:06 5G93%', '收支明细', '户名:蒋浩浩筛选:代发工资', '近期工资收入(元)', '39,012.30月均', '代发工资+39,012.30', '深圳市创维餐饮管理有限公司11-09', '代发工资+39,012.30', '深圳市创维餐饮管理有限公司10-09'));
    expect(app.fields).toMatchObject({ name: '蒋浩浩', monthlyIncome: 39012.3 });
    // A colon after the name; an annual total whose decimal point was lost, repaired for the clerk to check.
    const pointless = extractFields('income', lines('证明单位:本公司', '端木妤:身份证号码:420111199806166207,自2024年1月起在我单位工作', '该员工月工资收入为人民币17,623.55元,全年收入合计为人民币211,48160元(大写:贰拾壹万壹仟肆', '佰捌拾贰元陆角整)。'));
    expect(pointless.fields).toMatchObject({ name: '端木妤', monthlyIncome: 17623.55, annualIncome: 211481.6 });
    expect(pointless.reads.annualIncome!.evidence).toBe('repaired');
    // A 1 read as a slash (3/422.50 for 31,422.50): read with 1, repaired; the year's total still checks it.
    const slashed = extractFields('income', lines('姓名  冯波林  性别  男', '年收入(税前)  377,070.00元', '月均收入(税前)  3/422.50元'));
    expect(slashed.fields).toMatchObject({ monthlyIncome: 31422.5, annualIncome: 377070 });
    expect([slashed.reads.monthlyIncome!.evidence, slashed.reads.annualIncome!.evidence]).toEqual(['repaired', 'checked']);
    // A form's remark after the label ((全称)) is taken off the employer, which stays as read.
    const form = extractFields('income', lines('中国建设银行', '个人收入证明', '姓名性别公民身份号码', '肖健男440309197508191539', '工作单位(全称)', '深圳市兆驰建筑工程有限公司', '职务入职时间单位性质'));
    expect(form.reads.employer).toMatchObject({ value: '深圳市兆驰建筑工程有限公司', evidence: 'valid' });
    // The remark misread (税刑 for 税前).
    expect(extractFields('income', lines('姓名植宇', '年度总收入(税刑)273,343.28元')).fields.annualIncome).toBe(273343.28);
  });
  it('reads 兹有…同志, 全年合计 and a branch as the employer; a tax record\'s 纳税人名称', () => {
    const letter = extractFields('income', lines('收 入 证 明', '致:深圳市龙岗区住房保障中心', `兹有崔萍琴同志,身份证号码${ID},系中国建设`, '银行股份有限公司深圳分行销售经理,每月工资收入为31,400.00元', '(大写:人民币叁万壹仟肆佰元整),全年合计376,800.00元。', '以上情况属实,特此证明。', '证明单位:中国建设银行股份有限公司深圳分行'));
    expect(letter.fields).toMatchObject({ name: '崔萍琴', monthlyIncome: 31400, annualIncome: 376800, employer: '中国建设银行股份有限公司深圳分行' });
    const tax = extractFields('income', lines('个人所得税纳税记录', `纳税人名称: 温晨 身份证件号码: ${ID}`));
    expect(tax.fields.name).toBe('温晨');
    expect(extractFields('income', lines('纳税人  张伟')).fields.name).toBe('张伟');
  });

  it('reads 过去十二个月收入合计 as the year\'s income and the issuer after 出具单位(公章), never a stamp-cut name as sure', () => {
    const body = [`兹证明邹静(证件号码:${ID})系我单位正式员工,自2010`, '年11月起在我单位市场部担任经理职务。该员工税前月收入约为人民币捌仟伍佰元整,', '过去十二个月收入合计(税前)为102000元。'];
    const whole = extractFields('income', lines('工资收入证明', ...body, '出具单位(公章):深圳智联物流股份有限公司', '日期:二〇二二年八月十二日'));
    expect(whole.fields).toMatchObject({ monthlyIncome: 8500, annualIncome: 102000, employer: '深圳智联物流股份有限公司', date: '2022-08-12' });
    // The stamp took the name's start: what is left is only the company's legal form.
    for (const cut of ['出具单位(公章)股份有限公司', '出具单位(公单):械有限公司']) {
      const stamped = extractFields('income', lines('工资收入证明', ...body, cut));
      expect(stamped.reads.employer?.evidence).toBe('invalid');
      expect(stamped.confidence.employer ?? 0).toBeLessThanOrEqual(REPAIRED_CAP);
    }
  });

  it('does not take a start date behind a stray mark as the letter\'s date', () => {
    const e = extractFields('income', lines(`姓名潘华旭`, `身份证号${ID}`, '入职时间\'', '2016年08月19日', '年收入232,479.24元'));
    expect(e.fields.date).toBeUndefined();
  });
});

describe('a tax record (个人所得税纳税记录)', () => {
  const AGENT = '广东粤海信息技术有限公司';
  const record = (months: number, misread?: number) => {
    const incomes = Array.from({ length: months }, (_, i) => 5000 + i * 100.5);
    const total = incomes.reduce((s, x) => s + x, 0);
    const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return lines(
      '个人所得税纳税记录',
      `(2022年01月至2022年${String(months).padStart(2, '0')}月)`,
      `纳税人名称:温晨  身份证件号码:${ID}`,
      '税款所属期  所得项目  收入  实缴(退)金额  扣缴义务人',
      ...incomes.map((x, i) => `2022-${String(i + 1).padStart(2, '0')}  工资薪金  ${i === misread ? '5,0OO.OO' : money(x)}  12.00  ${AGENT}`),
      `合计  ${money(total)}  ${money(12 * months)}`,
      '国家税务总局深圳市税务局',
      '2023-04-08',
    );
  };

  it('takes the employer from 扣缴义务人, not the tax office that signs, and the year\'s income from 合计, confirmed by the months', () => {
    const e = extractFields('income', record(12));
    expect(e.fields).toMatchObject({ name: '温晨', idNumber: ID, employer: AGENT, annualIncome: 66633, date: '2023-04-08' });
    expect(e.reads.annualIncome!.evidence).toBe('checked');
    // A tax app's summary names the withholding agent on a line of its own, under the months.
    const app = extractFields('income', lines('收入纳税明细查询', '纳税人孙洋', `纳税人识别号${ID}`, '年度收入合计(元)', '90,149.82', '2025-01工资薪金10,874.71', '扣缴义务人:上海浦江建设工程有限公司'));
    expect(app.fields).toMatchObject({ name: '孙洋', employer: '上海浦江建设工程有限公司' });
  });

  it('reads a tax record whose rows start with a 序号 and end with the tax paid (实缴税额)', () => {
    const cells = (...texts: string[]) => texts.map((text) => ({ text, confidence: 0.9, spans: [...text.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, confidence: 0.9 })) }));
    const months = Array.from({ length: 12 }, (_, i) => `${i + 1}  2025-${String(i + 1).padStart(2, '0')}  工资薪金  深圳市汇丰源信息技术有限公司  6000.00  20.00`);
    const e = extractFields('income', cells('个人所得税纳税记录', '(2025年01月至2025年12月)', `纳税人姓名:万思月  身份证件号码:${ID}  开具日期:2026年01月10日`, '序号  所得期间  所得项目  扣缴义务人  收入额  实缴税额', ...months, '合计  72000.00  240.00'));
    expect(e.fields).toMatchObject({ name: '万思月', employer: '深圳市汇丰源信息技术有限公司', annualIncome: 72000, date: '2026-01-10' });
    expect(e.reads.annualIncome!.evidence).toBe('checked');
  });

  it('keeps the total unconfirmed when a month is misread, and gives no annual income for half a year', () => {
    const misread = extractFields('income', record(12, 3));
    expect(misread.fields.annualIncome).toBe(66633);
    expect(misread.reads.annualIncome!.evidence).toBe('valid');
    const half = extractFields('income', record(6));
    expect(half.fields.employer).toBe(AGENT);
    expect(half.fields.annualIncome).toBeUndefined();
  });

  it('reads the tax app\'s 收入纳税明细 whose cells ran together: agent after the item, 收入额 of 合计, the name before 纳税人识别号', () => {
    const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const incomes = Array.from({ length: 12 }, (_, i) => Math.round((12000 + i * 311.27) * 100) / 100);
    const rows = incomes.map((x, i) => {
      const [y, m] = i < 4 ? [2025, 9 + i] : [2026, i - 3];
      const mm = String(m).padStart(2, '0');
      return `${i + 1}正常工资薪金${AGENT}${y}-${mm}-01 ${y}-${mm}-28 ${money(x)} ${money(x / 40)}`;
    });
    const total = incomes.reduce((t, x) => t + x, 0);
    const app = (totals: string) => extractFields('income', lines('个人所得税纳税记录', '(收入纳税明细)', `纳税人名称:路国纳税人识别号:${ID}`, '序号所得项目小类扣缴义务人所得期间起所得期间止收入额已申报税额', ...rows, totals, '说明:本记录仅反映纳税人通过扣缴义务人申报的收入。'));
    const e = app(`合计${money(total)} ${money(total / 40)}`);
    expect(e.fields).toMatchObject({ name: '路国', idNumber: ID, employer: AGENT, annualIncome: Math.round(total * 100) / 100 });
    expect(e.reads.annualIncome!.evidence).toBe('checked');
    // A totals row short of a column is not placed.
    expect(app(`合计${money(total)}`).fields.annualIncome).toBeUndefined();
  });
});

describe('payroll tables and labour contracts', () => {
  const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const payroll = (gross: number[], totals: number) =>
    lines(
      `兹证明晏峰明(身份证号码:${ID})系我单位正式员工,现将其2025年10月至2026年09月工资发放明细列示如下(单位:元):`,
      '月份应发工资代扣社保代扣公积金代扣个税实发工资',
      ...gross.map((g, i) => `${i < 3 ? 2025 : 2026}年${String(i < 3 ? 10 + i : i - 2).padStart(2, '0')}月${money(g)} ${money(g * 0.105)} ${money(g * 0.05)} ${money(g * 0.02)} ${money(g * 0.825)}`),
      `合计${money(totals)} ${money(totals * 0.825)}`,
      '经办人:詹博联系电话:0755-74537403单位名称(盖章)深圳市南海云科技有限公司',
      '2026年10月06日',
    );
  it('takes the year\'s gross pay from 合计 when the months\' first column adds up to it, and the employer after 单位名称(盖章)', () => {
    const gross = [28000, 28000, 27800, 28000, 28500, 28000, 28000, 28000, 28000, 28300, 27800, 27800];
    const e = extractFields('income', payroll(gross, 336200));
    expect(e.fields).toMatchObject({ name: '晏峰明', annualIncome: 336200, employer: '深圳市南海云科技有限公司', date: '2026-10-06' });
    // A total the months do not add up to is not taken (one of the two is misread).
    expect(extractFields('income', payroll(gross, 336800)).fields.annualIncome).toBeUndefined();
    // Eleven months are no year.
    expect(extractFields('income', payroll(gross.slice(1), 308200)).fields.annualIncome).toBeUndefined();
  });
  it('reads a pension letter\'s monthly pension (4,830.88元/月)', () => {
    const e = extractFields('income', lines('基本养老金领取证明', `姓名应涵琳性别女`, `公民身份号码${ID}个人社保号668225865`, '兹证明上述人员为我市基本养老保险待遇领取人员,2026年6月', '领取基本养老金4,830.88元/月(肆仟捌佰叁拾元捌角捌分)。', '深圳市社会保险基金管理局', '打印日期:2026-06-07'));
    expect(e.fields).toMatchObject({ name: '应涵琳', monthlyIncome: 4830.88, date: '2026-06-07' });
  });
  it('reads a labour contract: 乙方(劳动者) is the employee, 甲方(用人单位) the employer, the monthly wage from its clause', () => {
    const e = extractFields('income', lines('深圳市劳动合同(全日制)', '甲方(用人单位):深圳市新纪元电子有限公司', '乙方(劳动者):喻雪娜性别:女', `居民身份证号码:${ID}`, '乙方试用期满后的月工资为人民币17500元', '签订日期:2023年1月23日'));
    expect(e.fields).toMatchObject({ name: '喻雪娜', employer: '深圳市新纪元电子有限公司', monthlyIncome: 17500, idNumber: ID });
    // 甲方(用人单位)名称:, and a name read on into what a photo left of the next label (号码).
    const photo = extractFields('income', lines('甲方(用人单位)名称:深圳市安泰保安服务有限公司', '者)姓名:杨志宇号码:440303198407072158', '第四条乙方正常工作时间的月工资为人民币3,000.00元'));
    expect(photo.fields).toMatchObject({ name: '杨志宇', employer: '深圳市安泰保安服务有限公司', monthlyIncome: 3000 });
  });
  it('reads a housing fund proof: 单位名称 without its colon, the deposit base as the monthly wage, the issue date not the account\'s opening', () => {
    const e = extractFields('income', lines('住房公积金个人缴存证明', '经查询,以下职工在深圳市住房公积金管理中心缴存住房公积金,具体情况如下:', `姓名  仝宇睿  证件号码  ${ID}`, '单位名称  深圳市佳美家政服务有限公司', '开户日期  2016-06-15  缴至年月  2025年10月', '月缴存基数(元)  12,500.00  缴存比例  单位10%  个人10%', '深圳市住房公积金管理中心', '2025年11月26日'));
    expect(e.fields).toMatchObject({ name: '仝宇睿', employer: '深圳市佳美家政服务有限公司', monthlyIncome: 12500, date: '2025-11-26' });
  });
});

describe('bank statements, social insurance, property searches', () => {
  it('takes no count from a row of the schemes\' counts read together (累计缴费月数52 52 50), but the sentence\'s', () => {
    const e = extractFields('social', lines('深圳市社会保险参保缴费证明(个人)', '起止年月参保单位养老(月)医疗(月)失业(月)', '202501-202510华鑫精密电子有限公司10 10 8', '累计缴费月数52 52 50', '经核,上述人员在本市参加基本养老保险累计缴费52个月,医疗保险52个月,'));
    expect(e.fields.totalMonths).toBe(52);
  });
  it('tells a table of housing records from its headings: 无记录 under them is no property, a certificate number is one', () => {
    const heading = '序号  权利人  不动产权证号/合同号  房屋坐落  建筑面积(㎡)  房屋性质  登记日期';
    const none = extractFields('property', lines('个人住房信息查询结果', `被查询人:冯林强身份证号:${ID}`, heading, '无记录', '查询结果:被查询人在本市无住房登记记录', '2026-11-18'));
    expect(none.fields).toMatchObject({ name: '冯林强', hasProperty: '无' });
    // The heading alone, its 无记录 misread, is no record either.
    expect(extractFields('property', lines(`被查询人:冯林强身份证号:${ID}`, heading, '无记景')).fields.hasProperty).toBeUndefined();
    expect(extractFields('property', lines('玄证明刘学英(公民身份号码:', ID, '经查询深圳市不动产登记信息系统,其本人在本市范围内无自有住房登记记录。')).fields.hasProperty).toBe('无');
    // A household's table of numbers: the applicant's own row (their name, or 本人 / 申请人) gives theirs.
    const family = extractFields('property', lines('申请家庭成员住房情况查询结果', '申请人:孟家珺查询日期:2024-06-21', '序号姓名与申请人关系身份证号码查询结果房屋坐落', '1孟家珺本人211324196510122994无房产登记记录', '2曹雨娜配偶440306195907100106无房产登记记录-', '3孟东轩儿子211324199101286270无房产登记记录'));
    expect(family.fields).toMatchObject({ name: '孟家珺', idNumber: '211324196510122994', hasProperty: '无' });
    expect(family.reads.idNumber!.unlabelled).toBe(true);
    expect(extractFields('property', lines('序号姓名身份证号码查询结果', '1曹雨娜440306195907100106无登记记录', '2孟东轩211324199101286270无登记记录')).fields.idNumber).toBeUndefined();
    // 该查询对象在本市的… (该 read as 请) refers back to the person: no name comes of it.
    expect(extractFields('property', lines('深圳市不动产登记信息查询结果', '校利人:满玲雨证件号码:440582199806091322', '经查询,故型查询日,来查询则请查询对象在本布的不动产登记记录。')).fields.name).toBeUndefined();
    // 询 misread on a 65 dpi scan: 未查陶到 followed by what was not found is still no record.
    expect(extractFields('property', lines('不动产登记查询结果', `权利人:冯林强身份证号码:${ID}`, '经查询,截至查询口,未查陶到该查询对象在本市的不动产登记记录')).fields.hasProperty).toBe('无');
    expect(extractFields('property', lines(`权利人:冯林强身份证号码:${ID}`, '未查看到')).fields.hasProperty).toBeUndefined();
    // A row whose certificate number is lost still shows its floor area: a record.
    expect(extractFields('property', lines(`权利人:魏婷 身份证号码:${ID}`, '不动产权证号  房屋坐落  建筑面积', '号  广东省深圳市宝安区  92.33m')).fields.hasProperty).toBe('有');
    const some = extractFields('property', lines('个人住房信息查询结果', `被查询人:翟映身份证号:${ID}`, heading.replaceAll('  ', ''), '1翟映粤(2023)深圳市不动产权第00003号深圳市罗湖区莲塘街道鹏兴花园27栋1505房57.96商品房2023-11-11', '查询结果:共1条住房登记记录'));
    // The heading's 权利人 is no name: the person is the one queried.
    expect(some.fields).toMatchObject({ name: '翟映', hasProperty: '有' });
    // A letter: 查询结果:有不动产登记记录,共1处.
    expect(extractFields('property', lines('经查询深圳市不动产登记信息系统,彭华(身份证号360124197808055750)截至', '查询之日,查询结果:有不动产登记记录,共1处,坐落于深圳市龙华区中海锦城5栋', '502室。')).fields.hasProperty).toBe('有');
    // A self-service slip: 查询结果:有 and a count of records.
    const slip = extractFields('property', lines('不动产登记自助查询', '姓名:刘磊', '证件号码:', '440308200004252412', '查询结果:有', '登记数量:3', '1.深圳市宝安区石岩街道创业一路', '114号碧湖花园c座1704住宅', '查询时间:2025-02-0612:32'));
    expect(slip.fields).toMatchObject({ name: '刘磊', hasProperty: '有' });
  });
  it('reads a twelve months\' proof: the bare 合计 line is the year\'s total, 月平均 the month\'s', () => {
    const e = extractFields('income', lines('员工收入证明(近十二个月)', `姓名:卢洁身份证号:${ID}`, '2026年01月19,786.21 2026年07月21,391.41', '合计:人民币贰拾肆万陆仟壹佰贰拾贰元零伍分(¥246,122.05)', '月平均:¥20,510.17', '开具日期:2026.08.22'));
    expect(e.fields).toMatchObject({ annualIncome: 246122.05, monthlyIncome: 20510.17 });
    // Without a year's period, a 合计 totals whatever the table lists: not taken as the year's.
    expect(extractFields('income', lines('收入明细', '合计:¥6,000.00')).fields.annualIncome).toBeUndefined();
  });
  it('reads a household\'s property table by the applicant\'s own row', () => {
    const spouse = '440305198208272563';
    const table = (mine: string, theirs: string) => extractFields('property', lines('不动产权属状况证明', `申请人:尹靓证件号码:${ID}`, '关系姓名证件号码查询结果', `申请人尹靓${ID}${mine}`, `配偶蒋湉颖${spouse}${theirs}`, '子女尹明俊421003202004027491无登记记录', '蒋湉颖粤(2025)深圳市不动产权第9798035号', '2026年2月11日'));
    expect(table('无登记记录', '有登记记录1条').fields.hasProperty).toBe('无');
    expect(table('有登记记录1条', '无登记记录').fields.hasProperty).toBe('有');
  });
  it('reads the pages of an eighth generator: counts of entries, app cards, divorce numbers, payers, self-employment, joined lines', () => {
    // 收入合计:4笔 金额:…: the count of entries is no amount.
    expect(extractFields('bank', lines('收入合计:4笔金额:20,996.52支出合计:7笔金额:8,963.59')).fields.creditTotal).toBe(20996.52);
    // An app's card: the name alone above the number, unlabelled.
    const card = extractFields('social', lines('参保信息查询', '电子社保卡', '孟凯', `社会保障号码${ID}`, '参保单位南京金陵餐饮管理有限公司', '养老保险累计缴费60个月'));
    expect(card.fields).toMatchObject({ name: '孟凯', idNumber: ID, totalMonths: 60 });
    expect(card.reads.name!.unlabelled).toBe(true);
    // A divorce certificate keeps its L; a marriage certificate's number is a J.
    expect(extractFields('marriage', lines('离婚证', '离婚证字号L330106-2017-008016')).fields.certificateNumber).toBe('L330106-2017-008016');
    expect(extractFields('marriage', lines('结婚证', '结婚证字号L330106-2017-008016')).fields.certificateNumber).toBe('J330106-2017-008016');
    // A bank's salary letter: the payer is the employer, a stated twelve months' total the year's.
    const flow = extractFields('income', lines('招商银行', '个人工资流水证明', `兹证明范博飞(身份证号码:${ID})在我行开立的个人结算账户,2025年1`, '月至2025年12月期间由广州市穗丰物流有限公司代发工资共计人民币139,935.36元,月均', '11,661.28元。', '招商银行浦东新区支行', '2026年9月14日'));
    expect(flow.fields).toMatchObject({ name: '范博飞', employer: '广州市穗丰物流有限公司', annualIncome: 139935.36, monthlyIncome: 11661.28 });
    // A self-employed person's statement about their shop.
    const self = extractFields('income', lines('个人收入情况说明', `本人热合曼·艾力,公民身份号码${ID},系个体工商户“`, '西湖热记理发店”的经营者。', '本人月平均纯收入约7472.00元,全年收入合计89664.00元。'));
    expect(self.fields).toMatchObject({ name: '热合曼·艾力', employer: '西湖热记理发店', monthlyIncome: 7472, annualIncome: 89664 });
    // A total ending its line does not run into the next line's date; a year starting a date is no total.
    expect(extractFields('income', lines('年度收入合计(元)', '111,174.91', '2025-01工资薪金10,275.77')).fields.annualIncome).toBe(111174.91);
    expect(extractFields('income', lines('年度收入合计(元)', '2025-01工资薪金10,275.77')).fields.annualIncome).toBeUndefined();
  });
  it('takes a member card\'s 本市(县)其他住址 when no other address is printed', () => {
    expect(extractFields('hukou', lines('常住人口登记卡', '姓名曹暐凤户主或与户主关系妻', '本市(县)其他住址四川省成都市武侯区科华北路231号26栋206房')).fields.address).toBe('四川省成都市武侯区科华北路231号26栋206房');
  });
  it('reads a query print: 参保人姓名, a factory as the employer, 实际缴费月数合计为 N个月', () => {
    const e = extractFields('social', lines('参保证明', '(个人参保缴费情况查询)', '参保人姓名梁璐祎', `证件号码${ID}`, '缴费单位深圳市宝安区福永五金制品厂', '该参保人养老保险实际缴费月数合计为19个月(含视同缴费月数0个', '月)。', '出具日期:二〇二六年一月三日'));
    expect(e.fields).toEqual({ name: '梁璐祎', idNumber: ID, employer: '深圳市宝安区福永五金制品厂', totalMonths: 19, date: '2026-01-03' });
  });
  it('reads the employer a letter says pays the contributions: 现由…按月为其缴纳社会保险费', () => {
    const e = extractFields('social', lines('参保证明', `兹证明肖莉珺(公民身份号码:${ID})自2013年7月`, '起在本市参加社会保险,现由招商银行股份有限公司深圳龙华支行按', '月为其缴纳社会保险费。截至2025年1月,其基本养老保险累计缴费', '139个月,目前参保状态为正常缴费。', '深圳市社会保险基金管理局', '2025年1月30日'));
    expect(e.fields).toMatchObject({ name: '肖莉珺', employer: '招商银行股份有限公司深圳龙华支行', totalMonths: 139, date: '2025-01-30' });
    // The name cut by the line's end.
    const cut = extractFields('social', lines('参保证明', `兹证明汪春(公民身份号码:${ID})由深圳星河湾`, '科技股份有限公司坂田分公司按月为其缴纳社会保险费。截至2025年', '10月,其基本养老保险累计缴费12个月。'));
    expect(cut.fields.employer).toBe('深圳星河湾科技股份有限公司坂田分公司');
    // The line broken inside the name's last word (西乡中 / 学).
    const school = extractFields('social', lines('参保证明', '经核查,参保人杨晓,身份证号510124199211193269,当前由深圳市宝安区西乡中', '学为其缴纳社会保险(2023年1月至2025年4月),在本市累计缴费182个月。'));
    expect(school.fields.employer).toBe('深圳市宝安区西乡中学');
    // A notice names its subject before the number the line broke: 司马晴(证件 / 号码:…).
    const notice = extractFields('property', lines('不动产登记信息查询结果告知单', '经查询深圳市不动产登记簿,截至2025年01月14日,司马晴(证件', `号码:${ID})在深圳市范围内无不动产登记记录。`, '2025年1月14日'));
    expect(notice.fields).toMatchObject({ name: '司马晴', idNumber: ID, hasProperty: '无' });
  });
  it('takes the pension\'s months from a voucher\'s table of schemes', () => {
    const e = extractFields('social', lines('深圳市社会保险参保凭证', '姓名  严宇宇  性别  男', `证件号码  ${ID}  社保电脑号  678752443`, '参保单位  深圳市新纪元物业管理有限公司', '险种  参保状态  首次参保时间  累计缴费月数', '基本养老保险  正常参保  2024年8月  21', '基本医疗保险  正常参保  2024年8月  30', '失业保险  正常参保  19', '说明:2.养老保险累计缴费月数含视同缴费月数;3.本凭证可核验。', '打印时间:2026年11月20日12时51分'));
    expect(e.fields).toMatchObject({ name: '严宇宇', employer: '深圳市新纪元物业管理有限公司', totalMonths: 21 });
  });
  it('reads a statement whose cells ran together: the period above it without a label, the balance after the latest entry', () => {
    const e = extractFields('bank', lines('招商银行交易流水', 'Transaction Statement of China Merchants Bank 2026-08-18--2026-11-16', '户名:司徒慧账户类型:一卡通', '账号:621483******8866', '记账日期货币交易金额联机余额交易摘要对手信息', '2026-08-25人民币20.04 45,956.02利息', '2026-09-01人民币-2,511.14 43,444.88转账汇出程鑫', '2026-11-14人民币14,900.26 78,510.00代发工资深圳市睿联供应链有限公司', '-1/1-'));
    expect(e.fields).toMatchObject({ name: '司徒慧', periodStart: '2026-08-18', periodEnd: '2026-11-16', closingBalance: 78510 });
    // Neither is labelled: the clerk checks them.
    expect(e.reads.periodStart!.unlabelled).toBe(true);
    expect(e.reads.closingBalance!.unlabelled).toBe(true);
    // An entry read apart from its date: which is the latest is lost, so no balance is taken.
    const apart = extractFields('bank', lines('记账日期货币交易金额联机余额交易摘要对手信息', '2026-08-25人民币20.04 45,956.02利息', '人民币14,900.26 78,510.00代发工资', '2026-11-14', '2026-09-01人民币-2,511.14 43,444.88转账汇出程鑫'));
    expect(apart.fields.closingBalance).toBeUndefined();
    // A count of credits without 共 before its total.
    expect(extractFields('bank', lines('收入4笔合计+48,686.04支出15笔合计-19,852.91')).fields.creditTotal).toBe(48686.04);
  });
  it("reads a summary's row of headings over its row of amounts, read as one line or two", () => {
    const entries = ['交易日期摘要收入金额支出金额账户余额', '2026/5/17转账支出4,238.29 77,013.18', '2026/5/27房租5,810.40 71,202.78'];
    for (const summary of [['期初余额收入合计支出合计期末余额19,346.71 63,654.58 11,798.51 71,202.78'], ['期初余额 收入合计 支出合计 期末余额', '19,346.71 63,654.58 11,798.51 71,202.78']]) {
      const e = extractFields('bank', lines('户名:王永浩', ...summary, ...entries));
      expect(e.fields, summary[0]).toMatchObject({ creditTotal: 63654.58, closingBalance: 71202.78 });
    }
    // One amount missing: which heading it stands under is lost, and the row gives nothing.
    const short = extractFields('bank', lines('期初余额收入合计支出合计期末余额19,346.71 63,654.58 71,202.78'));
    expect(short.fields.creditTotal).not.toBe(19346.71);
    expect(short.fields.closingBalance).not.toBe(63654.58);
    // Specks read between the headings and amounts (·, a dot after an amount, a semicolon for a comma).
    const specks = extractFields('bank', lines('户名:蒋辉', '账户概要', '期初余额·本期收入合计本期支出合计·期末余额', '2;599.09 53,874.00 . 6,166.89 50,306.20', '- 8笔:9笔-'));
    expect(specks.fields).toMatchObject({ creditTotal: 53874, closingBalance: 50306.2 });
    expect(extractFields('bank', lines('姓名:格桑多吉卡号:6216997637177528086', '贷方7笔,共¥65,825.00;借方14笔,共¥8,640.09', '期末余额:¥64,801.87')).fields).toMatchObject({ creditTotal: 65825, closingBalance: 64801.87 });
    // An entry's words after a lost name are no name (户名: / 代发工资 …).
    expect(extractFields('bank', lines('户名:', '代发工资8347.00 12,632.58', '账号:6230580000000009447')).fields.name).toBeUndefined();
    // The amount after 期末余额 is the opening balance's: the clerk is told rather than shown it as sure.
    expect(short.fields.creditTotal).toBeUndefined();
    expect(short.reads.closingBalance).toMatchObject({ evidence: 'invalid' });
    expect(short.notes.closingBalance).toMatch(/栏目对不上/);
  });
  it("reads an app's totals under bare 收入 and 支出 headings", () => {
    const e = extractFields('bank', lines('<账户明细', '户名姚平振', '可用余额75,642.57', '2025-02-26-2025-08-27', '收入支出', '¥32,588.50 ¥5,712.67', '消费-726.91', '2025-07-25余额75,642.57'));
    expect(e.fields).toMatchObject({ creditTotal: 32588.5, closingBalance: 75642.57 });
  });
  it('reads the statement header and totals', () => {
    const e = extractFields('bank', lines('招商银行个人账户交易明细', '户名:赵磊 账号:6225887712340098', '起止日期:2024-03-15至2025-03-14', '收入合计:29,400.00 期末余额:31,630.55'));
    expect(e.fields).toMatchObject({ name: '赵磊', accountNumber: '6225887712340098', periodStart: '2024-03-15', periodEnd: '2025-03-14', creditTotal: 29400, closingBalance: 31630.55 });
  });
  it('reads a period whose start and end are labelled apart, on a bilingual statement and on a receipt', () => {
    const bilingual = extractFields('bank', lines('中国工商银行 Industrial and Commercial Bank of China', '户名 Account Name: 段妍雨', '起始日期DateFrom:2025.10.20截止日期DateTo:2026.04.20', '日期Date摘要Description金额Amount余额Balance'));
    expect(bilingual.fields).toMatchObject({ periodStart: '2025-10-20', periodEnd: '2026-04-20' });
    expect(bilingual.reads.periodStart!.unlabelled).toBeUndefined();
    const receipt = extractFields('bank', lines('自助终端 账户明细打印', '户名: 叶天', '起始: 2025-10-30', '截止: 2026-01-22', '2025-10-30 消费 -119.73', '截止余额: 31292.24'));
    expect(receipt.fields).toMatchObject({ periodStart: '2025-10-30', periodEnd: '2026-01-22', closingBalance: 31292.24 });
    // An end printed before its start is no period.
    expect(extractFields('bank', lines('截止日期:2026-04-20', '起始日期:2025-10-20')).fields.periodStart).toBeUndefined();
    // A copier's speck read beside the dash between compact dates, under a label read wrong (日期范国).
    const speck = extractFields('bank', lines('户名:长孙强杰', '日期范国:20260111-.20260311', '20260111退款17795.05 19876.33'));
    expect(speck.fields).toMatchObject({ periodStart: '2026-01-11', periodEnd: '2026-03-11' });
    // 至 lost or read as a digit between two dates printed in full, the label misread too (起H期).
    for (const line of ['起H期:2024-02-1942025-02-19', '起止H期:2024-02-192025-02-19']) {
      const glued = extractFields('bank', lines('户名:姚军勇', line, '交易日期摘要收入支出余额', '2025-01-14代发工资18,200.00 22,369.00'));
      expect(glued.fields, line).toMatchObject({ periodStart: '2024-02-19', periodEnd: '2025-02-19' });
      expect(glued.reads.periodStart!.unlabelled).toBe(true);
    }
    // An entry's two dates (交易日期, 记账日期) at its line's start are no period, nor is an end before the start.
    for (const line of ['2025-01-142025-01-15代发工资18,200.00', '起止H期:2025-02-1942024-02-19']) {
      expect(extractFields('bank', lines('户名:姚军勇', line)).fields.periodStart, line).toBeUndefined();
    }
  });
  it("reads an app's account page: the card alone on its line, the period above the entries, 可用余额", () => {
    const app = extractFields('bank', lines('11:59 4G86%', '<账户明细', '深圳农村商业银行', '6230 **** **** 5130', '户名姚平振', '可用余额75,642.57', '2025-02-26-2025-08-27', '收入支出', '消费-726.91', '2025-07-25余额75,642.57', '代发工资+12,500.00', '2025-07-24余额76,369.48'));
    expect(app.fields).toMatchObject({ name: '姚平振', accountNumber: '6230********5130', periodStart: '2025-02-26', periodEnd: '2025-08-27', closingBalance: 75642.57 });
    expect(app.reads.accountNumber!.unlabelled).toBe(true);
  });
  it('reads a mask whose stars ran into quotes as the card\'s usual length (19 digits, China Merchants Bank\'s 16), for the clerk to check, and 发生颜合计 as 发生额合计', () => {
    const e = extractFields('bank', lines('户名:邱文 账号:621782** "0966', '贷方发生颜合计:70,758.05'));
    expect(e.fields).toMatchObject({ accountNumber: '621782*********0966', creditTotal: 70758.05 });
    expect(extractFields('bank', lines('户名:邱文 账号:621483** "0966')).fields.accountNumber).toBe('621483******0966');
    expect(e.reads.accountNumber!.evidence).toBe('repaired');
    expect(e.notes.accountNumber).toContain('621782**"0966');
    // Stars read as stars or as x stay as printed.
    expect(extractFields('bank', lines('账号:6214xx****0966')).fields.accountNumber).toBe('6214******0966');
  });
  it('gives a masked card number read with stars lost the stars of a 19- or 16-digit card, for the clerk to check', () => {
    const lost = extractFields('bank', lines('户名:夏晨 账号:622260*******2434'));
    expect(lost.fields.accountNumber).toBe('622260*********2434');
    expect(lost.reads.accountNumber!.evidence).toBe('repaired');
    expect(lost.notes.accountNumber).toContain('622260*******2434');
    expect(extractFields('bank', lines('账号:621782*****0966')).fields.accountNumber).toBe('621782******0966');
    // A card's usual length, or a mask of other digits shown, stays as read.
    expect(extractFields('bank', lines('账号:622260*********2434')).reads.accountNumber!.evidence).toBe('valid');
    expect(extractFields('bank', lines('账号:6214*******0966')).fields.accountNumber).toBe('6214*******0966');
    // Read at 75 dpi: most stars lost, all of them, or read as marks no star is.
    for (const read of ['622260* *2306', '622260 2306', '622260 +et+tt* 2306']) {
      const e = extractFields('bank', lines('交通银行', `户名:胡荣账号/卡号:${read}`));
      expect(e.fields.accountNumber).toBe('622260*********2306');
      expect(e.reads.accountNumber!.evidence).toBe('repaired');
    }
    // Ten digits that start no UnionPay card are no card's ends.
    expect(extractFields('bank', lines('账号:4403041988')).reads.accountNumber!.evidence).toBe('invalid');
  });
  it('reads a summary row whose headings were read past recognising, by its sum: opening + credits − debits = closing', () => {
    const statement = (figures: string) => extractFields('bank', lines('中国农业银行深圳分行', '借记卡账户对账单', '户名:杨超', '期初余额请方发生杯支出合计期末余部', figures, '交易日期快装收入金额支出金额账户余额', '2025.11.03代发工询16,605.29 111.729.59'));
    const e = statement('19,959.75 103,974.87 12,205.03 111,729.59');
    expect(e.fields).toMatchObject({ creditTotal: 103974.87, closingBalance: 111729.59 });
    expect(e.reads.creditTotal!.evidence).toBe('checked');
    // Debits before credits: the sum tells which is which.
    expect(statement('19,959.75 12,205.03 103,974.87 111,729.59').fields.creditTotal).toBe(103974.87);
    // Four figures that do not balance (one misread) give nothing.
    expect(statement('19,959.75 103,974.87 12,205.03 111,729.50').fields.creditTotal).toBeUndefined();
  });
  it('reads the credits and the balance from a statement table\'s totals row, by the columns above it', () => {
    const table = (totals: string) =>
      extractFields('bank', lines('中国银行个人客户交易明细', '户名:杨国琰 账号:6216 6872 2929 3242', '交易日期  摘要  对方户名  收入金额  支出金额  账户余额', '20240210  工资  深圳市华强贸易有限公司  21,541.80  22,908.73', '20240417  水电费  拼多多  3,373.99  59,314.81', totals, '打印日期:2024-04-30')).fields;
    expect(table('合计  共9笔  64,374.88  7,793.94  59,314.81')).toMatchObject({ creditTotal: 64374.88, closingBalance: 59314.81 });
    // The row's cells ran together (a phone photo): amounts with their separators and fen still part.
    expect(table('合计共9笔64,374.88 7,793.94 59,314.81')).toMatchObject({ creditTotal: 64374.88, closingBalance: 59314.81 });
    // A word among the amounts: nothing is placed.
    expect(table('合计共9笔64,374.88 见附页 59,314.81')).not.toHaveProperty('creditTotal');
    // The count of entries in a cell of its own, bare.
    expect(table('合计  9  64,374.88  7,793.94  59,314.81')).toMatchObject({ creditTotal: 64374.88, closingBalance: 59314.81 });
    // A passbook read line by line, its header's cells run together: the page's 本页小计 under 支取(-) 存入(+) 余额.
    const passbook = (subtotal: string) =>
      extractFields('bank', lines('中国工商银行活期储蓄存折第1页', '日期摘要支取(-)存入(+)余额网点号操作员', '户名:钟瑄账号:6217995659109152360', '20260324开户7965.39 7965.39 85270 2178', '20260509代扣2553.76 13534.08 85270 2178', subtotal)).fields;
    expect(passbook('本页小计5384.28 33885.27 28500.99')).toMatchObject({ creditTotal: 33885.27, closingBalance: 28500.99 });
    // Two amounts for two columns of flows and the balance: a totals row sums the flows, its balance cell left empty.
    expect(passbook('本页小计5384.28 33885.27')).toMatchObject({ creditTotal: 33885.27 });
    expect(passbook('本页小计33885.27')).not.toHaveProperty('creditTotal');
    // Debits first (借方  贷方): the credit is the second amount.
    const dc = extractFields('bank', lines('日期  交易摘要  借方发生额  贷方发生额  余额  对方户名', '20230510  工资  11981.69  23,182.02  深圳市宏达医疗器械有限公司', '本期合计  24,140.10  48,293.11  37,328.39')).fields;
    expect(dc).toMatchObject({ creditTotal: 48293.11, closingBalance: 37328.39 });
    // A summary line under the table: 收入金额 with its colon is the total.
    expect(extractFields('bank', lines('记账日期  交易类型  交易金额  余额  交易对手', '收入笔数:6 收入金额:71,583.43元', '支出笔数:15 支出金额:33,652.83元 期末余额:67,398.11元')).fields).toMatchObject({ creditTotal: 71583.43, closingBalance: 67398.11 });
    // Read small (65 dpi), 合计 and 余额 lose their last character; before a colon they still are the labels.
    const small = extractFields('bank', lines('中国工商银行个人客户交易明细清单', '交马日期疯发收入出余酒', '2025-06-09代发6.100.00 63,958.00', '2025-06-24 1,400.00 62,558.00', '贷方发生合:36,600.00期末余:62.558.00')).fields;
    expect(small).toMatchObject({ creditTotal: 36600, closingBalance: 62558 });
    expect(extractFields('bank', lines('户名:何琪欣账号/卡号:6222627104160946570', '借方发生额合计:7,369.31(11笔)货方发生额合计:75,538.00(4笔)', '期初余额:843.28期末余额:69,011.97')).fields).toMatchObject({ creditTotal: 75538, closingBalance: 69011.97 });
    expect(extractFields('bank', lines('查询期间:2024-02-07至2025-02-07', '贷方发生合:36,600.00期末余瓶:62.558.00')).fields).toMatchObject({ creditTotal: 36600, closingBalance: 62558 });
    // 末 lost besides (期余173,045.00); never 上期余, the opening balance.
    expect(extractFields('bank', lines('贷方发生合:174.600.00期余173,045.00')).fields).toMatchObject({ creditTotal: 174600, closingBalance: 173045 });
    expect(extractFields('bank', lines('上期余:1,000.00', '贷方发生额合计:174,600.00')).fields.closingBalance).toBeUndefined();
    // A totals row without the balance (it sums the flows) stands under the columns before it; the
    // balance is then the latest entry's, as unlabelled (see the fifth generator's wordings).
    expect(table('合计  共9笔  64,374.88  7,793.94')).toMatchObject({ creditTotal: 64374.88, closingBalance: 59314.81 });
    expect(table('合计  11  36,418.01  25,710.57')).toMatchObject({ creditTotal: 36418.01 });
    // A stamp over the row: what is plainly an amount under its column is taken, the rest is not guessed.
    const stamped = table('合计  共20笔  109,546.60  20.6659有冯  422499');
    expect(stamped.creditTotal).toBe(109546.6);
    expect(stamped.closingBalance).not.toBe(422499);
  });
  it('reads months paid, in months or years and months', () => {
    const e = extractFields('social', lines('社会保险个人参保证明', `姓名:陈刚 公民身份号码:${ID}`, '参保单位:深圳市南山区人民医院', '累计缴费年限:10年6个月', '打印日期:2025-01-17'));
    expect(e.fields).toMatchObject({ name: '陈刚', idNumber: ID, employer: '深圳市南山区人民医院', totalMonths: 126, date: '2025-01-17' });
    // Or in a sentence, the scheme's name between verb and number.
    const said = extractFields('social', lines('参保人姓名阿依古丽·买买提', `证件号码${ID}`, '截至2026年4月,该参保人在深圳市累计缴纳基本养老保险45个月,', '当前无欠费记录。'));
    expect(said.fields.totalMonths).toBe(45);
    // The letter's lines break inside the sentence.
    for (const [a, b] of [['截至2025年4月,累计', '缴纳基本养老保险90个月。'], ['截至2026年10月,累计缴纳基', '本养老保险95个月。']]) {
      expect(extractFields('social', lines(`兹证明陈刚(公民身份号码:${ID})`, a!, b!)).fields.totalMonths, a).toBe(Number(/(\d+)个月/.exec(b!)![1]));
    }
    // The employer's name broken over the letter's lines.
    expect(extractFields('social', lines('兹证明肖伟海(公民身份号码:360124196605020473)自2013年11月至2026年7', '月在深圳市参加企业职工基本养老保险,累计缴费151个月,现参保单位为深圳市招商供', '应链管理有限公司。')).fields).toMatchObject({ employer: '深圳市招商供应链管理有限公司', totalMonths: 151 });
    // A form's row of headings after the label is no part of the name under it.
    expect(extractFields('social', lines('姓名韩月晓', '现参保单位参保状态参保缴费', '深圳市安居医疗器械有限公司', '缴费年度缴费月数缴费基数(元)')).fields.employer ?? '').not.toMatch(/参保状态/);
    // The line broken inside 累计.
    expect(extractFields('social', lines('兹证明肖莉艳自2021年12月至2025年9月在深圳市参加企业职工基本养老保险,累', '计缴费46个月,现参保单位为中国平安人寿保险股份有限公司深圳分公司。')).fields.totalMonths).toBe(46);
    // A sentence about a year's months (缴费12个月 with no 累计) counts nothing.
    expect(extractFields('social', lines(`姓名:陈刚 公民身份号码:${ID}`, '2024年度缴费12个月')).fields.totalMonths).toBeUndefined();
    // Read small, the label comes out two characters wrong: the summing line still gives its count, marked as unlabelled.
    for (const [line, n] of [['累计级员月数:232', 232], ['养老保地累计月此107', 107], ['第计费月数:156', 156]] as const) {
      const blurred = extractFields('social', lines(`姓名:陈刚公民身份号码:${ID}`, '年度养老保验医疗保险大业保险月数', '2024已绿en 12', '2023 eo em B糖12', line, '出具日期2024年10月08日'));
      expect(blurred.reads.totalMonths, line).toMatchObject({ value: n, unlabelled: true });
    }
    // Neither a monthly contribution nor a month of the year is a count of months.
    for (const line of ['合计月缴费:850', '缴费月份:202403', '累计缴费基数:8500.00']) {
      expect(extractFields('social', lines(`姓名:陈刚公民身份号码:${ID}`, line)).fields.totalMonths, line).toBeUndefined();
    }
  });
  it("reads the employer from a history's rows: the latest row's, spelt as most rows spell it", () => {
    const monthly = extractFields('social', lines('参保人员缴费明细', `姓名陈国鹏身份证号${ID}打印日期2025-05-04`, '费款所属期单位名称缴费基数个人缴费状态', '202504深圳市梧桐医疗器械有限责任公司20234.00 1618.72已实缴', '202503深圳市桔桐医疗器械有限责任公司20234.00 1618.72已实缴', '202502深圳市梧桐医疗器械有限责任公司20234.00 1618.72已实缴', '202501深圳市梧桐医疗器械有限责任公司20234.00 1618.72已实缴'));
    expect(monthly.fields.employer).toBe('深圳市梧桐医疗器械有限责任公司');
    // The latest row misread: the spelling most rows agree on.
    const misread = extractFields('social', lines('费款所属期 单位名称 缴费基数', '202504 深圳市精桐医疗器械有限责任公司 20234.00', '202503 深圳市梧桐医疗器械有限责任公司 20234.00', '202502 深圳市梧桐医疗器械有限责任公司 20234.00'));
    expect(misread.fields.employer).toBe('深圳市梧桐医疗器械有限责任公司');
    // Employers in turn, rows run together on one line: the one of the latest months.
    const jobs = extractFields('social', lines('起始年月截止年月缴费单位险种月数', '2014.08 2018.03深圳市梧桐物流有限责任公司养老44 2022.03 2026.03深圳市新安医疗器械有限公司养老49 2018.06 2022.01深圳市深蓝供应链管理股份有限公司养老44', '累计缴费月数137个月'));
    expect(jobs.fields).toMatchObject({ employer: '深圳市新安医疗器械有限公司', totalMonths: 137 });
    // A row broken before its employer: the months on the line above.
    const broken = extractFields('social', lines('序号起始年月截止年月', '缴费单位缴费基数月数', '1 2013.06 2019.01深圳市南海电子科技有限公司', '25,501.00 68', '2 2019.05 2024.08深圳市华联餐饮管理有限公司', '3,679.00 64', '3 2024.09 2025.02', '中国平安人寿保险股份有限公司深圳分公司26,041.00', '6', '缴费月数合计:138个月'));
    expect(broken.fields).toMatchObject({ employer: '中国平安人寿保险股份有限公司深圳分公司', totalMonths: 138 });
    // Months written 2023年7月, and a span of months is no date.
    const written = extractFields('social', lines('姓名:朱红社会保障号码:130182197001308789', '起始年月截止年月缴费单位险种月数', '2023年7月2025年7月深圳市粤海纺织股份有限公司养老25', '合计缴费月数25个月', '深圳市社会保险基金管理局', '2Q25年8月7日'));
    expect(written.fields).toMatchObject({ employer: '深圳市粤海纺织股份有限公司', totalMonths: 25 });
    expect(written.fields.date).not.toBe('2023-07-20');
    // A day whose 日 was misread as figures is still a day; a run of figures that is no date gives way to one that is.
    expect(extractFields('income', lines('年收入232,479.24元', '出具单位(公章):深圳市华鹏医疗器械有限公司', '2026年11月2411')).fields.date).toBe('2026-11-24');
    expect(extractFields('social', lines('打印2024-07-10', '缴费基数合计1013,459.00')).fields.date).toBe('2024-07-10');
    // A month's row of pay is no date (2026年06月28,000.00).
    expect(extractFields('income', lines('2026年06月28,000.00 2,940.00', '2026年0]月  2800000  29400', '深圳市南海云科技有限公司')).fields.date).toBeUndefined();
    // The last date a digit repairs is still the last date.
    expect(extractFields('income', lines('该员工工资已于2025年10月28日调整', '深圳市华鹏医疗器械有限公司', '2926年10月06日')).fields.date).toBe('2026-10-06');
    // A labelled employer stands.
    expect(extractFields('social', lines('参保单位:深圳市南山区人民医院', '费款所属期单位名称', '202504深圳市梧桐医疗器械有限责任公司')).fields.employer).toBe('深圳市南山区人民医院');
  });
  it('reads months paid from a yearly history\'s 合计 row where the line under it is lost, confirmed by the rows', () => {
    const history = (last: string, ...tail: string[]) =>
      extractFields('social', lines('深圳市社会保险参保缴费历年明细表', `姓名:贺俊洋 社会保障号码:${ID}`, '年度  缴费起止年月  月数  缴费基数  参保单位', '2022  202203-202212  10  5901  深圳市迅捷物业管理股份有限公司', '2023  202301-202312  12  3321  深圳市迅捷物业管理股份有限公司', `2024  202401-202402  ${last}  7994  深圳市迅捷物业管理股份有限公司`, '合计  24', ...tail));
    const summed = history('2');
    expect(summed.fields.totalMonths).toBe(24);
    expect(summed.reads.totalMonths!.evidence).toBe('checked');
    // A row misread: the total stands, unconfirmed; the line under the table agreeing confirms it.
    expect(history('之').reads.totalMonths).toMatchObject({ value: 24, evidence: 'valid' });
    expect(history('之', '累计缴费月数:24个月').reads.totalMonths).toMatchObject({ value: 24, evidence: 'checked' });
    // Disagreeing, both values are shown.
    const mismatch = history('之', '累计缴费月数:25个月');
    expect(mismatch.reads.totalMonths!.evidence).toBe('invalid');
    expect(mismatch.notes.totalMonths).toMatch(/25.*24/);
  });
  it('tells "no record" from a list of properties', () => {
    const none = extractFields('property', lines('不动产登记查询结果', `查询对象:刘洋 证件号码:${ID}`, '经查询,未查询到该查询对象在本市的不动产登记记录。', '查询日期:2025年04月02日'));
    expect(none.fields).toMatchObject({ name: '刘洋', hasProperty: '无', date: '2025-04-02' });
    const some = extractFields('property', lines(`权利人:刘洋 身份证号码:${ID}`, '不动产权证号 房屋坐落', '粤(2018)深圳市不动产权第0021567号 宝安区西乡街道'));
    expect(some.fields.hasProperty).toBe('有');
    expect(extractFields('property', lines('房屋产权情况证明', '姓名  赖伟思  性别  男', '查询结果  有房产1套')).fields.hasProperty).toBe('有');
  });
  it('ends a name before the next label read on with it (申请人:郭欣焱查询日期:…)', () => {
    expect(extractFields('property', lines('申请家庭成员住房情况查询结果', '申请人:郭欣焱查询日期:2024-10-23')).fields.name).toBe('郭欣焱');
  });
  it('reads a name the line broke in two, and a name that ends with its cell', () => {
    const broken = extractFields('property', lines('无房产证明', '经查询深圳市不动产登记信息系统,截至2026年5月1日,申请人李艳', `霞(公民身份号码:${ID})在本市无登记记录。`, '2026年5月1日'));
    expect(broken.fields).toMatchObject({ name: '李艳霞', idNumber: ID, hasProperty: '无' });
    // The certificate number in the next cell starts with 粤, no character of the name.
    const cells = (...texts: string[]) => texts.map((text) => ({ text, confidence: 0.9, spans: [...text.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, confidence: 0.9 })) }));
    const owner = extractFields('property', cells('房产登记情况证明', '权利人:赖皓波  粤(2020)深圳市不动产权第0503541号', '坐落:广东省深圳市盐田区莲花北村6栋107'));
    expect(owner.fields).toMatchObject({ name: '赖皓波', hasProperty: '有' });
    // A letter-spaced name stays whole.
    expect(extractFields('property', cells('权利人  赖  皓  波', `身份证号码  ${ID}`)).fields.name).toBe('赖皓波');
  });
});

describe('letters, forms and statements in the wordings of a fifth generator', () => {
  it('reads a certificate form\'s amounts after their unit (元), and 月均 with no noun after it', () => {
    const form = extractFields('income', lines('单位职工收入证明', '姓名覃宇昱性别男', `身份证号码${ID}`, '工作单位深圳市粤港通精密制造股份有限公司', '月平均收入(元)8900.00年收入(元)106800.00', '(盖章)2024年6月15日'));
    expect(form.fields).toMatchObject({ monthlyIncome: 8900, annualIncome: 106800, employer: '深圳市粤港通精密制造股份有限公司', date: '2024-06-15' });
    const letter = extractFields('income', lines(`兹证明邓蕾欣(身份证号码:${ID})系我单位正式员工。`, '近一年收入合计人民币239987.76元,月均19998.98元。'));
    expect(letter.fields).toMatchObject({ monthlyIncome: 19998.98, annualIncome: 239987.76 });
    // 均 lost on a 65 dpi scan (月平收入:20000.00元).
    expect(extractFields('income', lines('姓名:童铺簧公民身份号码:441402199810280955', '月平收入:20000.00元', '年收入(税前)为245000.00')).fields).toMatchObject({ monthlyIncome: 20000, annualIncome: 245000 });
  });

  it('takes the employer from 在…参加社会保险 and the months past a bracketed scheme', () => {
    const e = extractFields('social', lines('参保证明(个人)', `兹证明徐燕敏(公民身份号码:${ID})在深圳市顺丰源信息技术股份有限公司参加`, '深圳市社会保险,截至2025年2月11日,累计缴费月数(养老)42个月,当前参保状态为正常。'));
    expect(e.fields).toMatchObject({ name: '徐燕敏', employer: '深圳市顺丰源信息技术股份有限公司', totalMonths: 42 });
  });

  it('reads the name after 兹证明: and a household register\'s birth date printed as eight digits', () => {
    const p = extractFields('property', lines('无房产证明', `兹证明:卢欣丽,身份证号码${ID},经查询本市房地产登记信息`, '系统,截至2023年1月9日,该人在深圳市范围内名下无房产登记记录。'));
    expect(p.fields.name).toBe('卢欣丽');
    expect(extractFields('hukou', lines('常住人口登记卡', '姓名  钟倩璐', '出生日期  19471118')).fields.birthDate).toBe('1947-11-18');
  });

  it('reads 本期收入 in a summary sentence, and the balance after the latest entry where no closing balance is printed, as unlabelled', () => {
    const summary = extractFields('bank', lines('户名:范文铭账号:6222989968474405753', '本期收入66394.85元,本期支出18360.59元,期末余额105497.91元。'));
    expect(summary.fields).toMatchObject({ creditTotal: 66394.85, closingBalance: 105497.91 });
    const rows = ['2024-04-10  代发工资  5750.00  59340.70  深圳市万兴隆信息技术有限公司', '2024-05-10  工资  5450.00  65490.70  深圳市万兴隆信息技术有限公司', '2024-05-27  快捷支付  1809.68  63681.02  支付宝(中国)网络技术有限公司'];
    const head = ['户名:罗宏昱账号:6222984199404998498', '交易日期  摘要  收入  支出  余额  对方户名'];
    for (const order of [rows, [...rows].reverse()]) {
      const e = extractFields('bank', lines(...head, ...order));
      expect(e.fields.closingBalance).toBe(63681.02);
      expect(e.confidence.closingBalance).toBeLessThanOrEqual(UNLABELLED_CAP);
    }
    // One page of several: its last row is not the statement's end.
    expect(extractFields('bank', lines(...head, ...rows, '第1页/共3页')).fields.closingBalance).toBeUndefined();
  });
});

describe('marriage certificates, new and old', () => {
  it('reads dates a record letter\'s lines broke after 年 or 月 (二○○一年三 / 月十四日出生, 于二〇二三年六 / 月十五日)', () => {
    const e = extractFields('marriage', lines('婚姻登记记录证明', '经查询本市婚姻登记档案,向嘉(男,一九九九年七月十三日出生', ',身份证件号:13018419990713879X)与钟淑英(女,二○○一年三', '月十四日出生,身份证件号:130184200103145463)于二〇二三年六', '月十五日在深圳市龙岗区民政局办理结婚登记,结婚证字号:', 'J440307-2023-014843', '深圳市龙岗区民政局婚姻登记处', '2026年2月21日'));
    expect(e.fields).toMatchObject({ party1BirthDate: '1999-07-13', party2BirthDate: '2001-03-14', registrationDate: '2023-06-15', certificateNumber: 'J440307-2023-014843' });
    expect(readDate('2023年6\n月15日')).toBe('2023-06-15');
  });
  it("reads a record's parties from rows whose kind cell was lost, each name run into its gender and birth date", () => {
    const e = extractFields('marriage', lines('婚姻登记记录证明', '经查询全国婚姻登记信息系统,苏振志(公民身份号码:450107199704024532)有以下婚姻', '登记记录:', '类别登记日期结婚证字号姓名性别出生日期', '身份证件号', '2026年03月15日J440306-2026-007734苏振志男1997年04月02日450107199704024532', '深圳市宝安区民政局杨慧甜女1994年04月05日445221199404051681', '以上信息来源于婚姻登记档案,特此证明。'));
    expect(e.fields).toMatchObject({ party1Name: '苏振志', party1Gender: '男', party1BirthDate: '1997-04-02', party1IdNumber: '450107199704024532', party2Name: '杨慧甜', party2Gender: '女', party2BirthDate: '1994-04-05', party2IdNumber: '445221199404051681' });
    // A row broken after the gender.
    const broken = extractFields('marriage', lines('类别登记日期结婚证字号姓名性别', '出生日期身份证件号', '结婚2016-10-19 J440303-2016-017172叶家旭男', '1982-02-27 510722198202277490', '深圳市罗湖区民政局梁欣琴女1983-03-27 440303198303270942'));
    expect(broken.fields).toMatchObject({ party1Name: '叶家旭', party1Gender: '男', party1BirthDate: '1982-02-27', party2Name: '梁欣琴', party2Gender: '女', registrationDate: '2016-10-19' });
  });
  it("reads a letter's parties with their facts in brackets, a name and the day broken over lines (与公孙 / 萍欣(女, 八月二 / 十日)", () => {
    const e = extractFields('marriage', lines('证明', '深圳市住房保障受理窗口:', '兹证明蔡伟永(男,1981.09.10出生,公民身份号码:440310198109103810)与公孙', '萍欣(女,1990.04.14出生,公民身份号码:440311199004140149)于二O二一年八月二', '十日在深圳市光明区民政局婚姻登记处办理结婚登记,结婚证字号为', 'J440311-2021-000632.', '特此证明。', '深圳市光明区民政局', '二〇二六年七月四日'));
    expect(e.fields).toMatchObject({ party1Name: '蔡伟永', party1Gender: '男', party1BirthDate: '1981-09-10', party1IdNumber: '440310198109103810', party2Name: '公孙萍欣', party2Gender: '女', party2BirthDate: '1990-04-14', party2IdNumber: '440311199004140149', registrationDate: '2021-08-20', certificateNumber: 'J440311-2021-000632' });
    // The comma after the gender read as a colon or a dot, the second party straight after the first's bracket, 于 misread (干).
    const colons = extractFields('marriage', lines('兹证明彭杰腊(男:1966年03月02日出生,公民身份号码:44030519660302785X)', '与晏婷晓(女:1980年06月18日出生,公民身份号码:360732198006181664)干2008年', '09月06日在深圳市龙岗区民政局婚姻登记处办理结婚登记,结婚证字号为', '深圳市龙岗区民政局', '2015年06月05日'));
    expect(colons.fields).toMatchObject({ party1Name: '彭杰腊', party1Gender: '男', party2Name: '晏婷晓', party2Gender: '女', registrationDate: '2008-09-06' });
    const dots = extractFields('marriage', lines('经查·当事人钟宇(男·二OO一年六月十一日出生·公民身份号码:', '510124200106115838)佘祎(女·二OO二年十一月十六日出生·公民身份号码:', '441581200211165169)已于二O二六年八月二十日依法登记结婚'));
    expect(dots.fields).toMatchObject({ party1Name: '钟宇', party1Gender: '男', party1BirthDate: '2001-06-11', party2Name: '佘祎', party2Gender: '女', party2BirthDate: '2002-11-16', registrationDate: '2026-08-20' });
  });

  it('reads a tax record whose rows broke over lines (扣缴 misread), labels a character short (性:男, 末余额:) and a register letter’s 为该户户主', () => {
    const tax = extractFields('income', lines('个人所得税纳税记录', '(2024年01月至2024年12月)', '纳税人姓名:白林海', '开具日期:2025-12-05', '扣做义务人', '1 2024-01工资薪金收入额', '深圳市宝安区人民医院', '2 2024-02工资薪金· 20821.19 1363.50', '深圳市宝安区人民医院', '3 2024-03工资薪金9909.46 116.07', '深圳市宝安区人民医院.'));
    expect(tax.fields).toMatchObject({ name: '白林海', employer: '深圳市宝安区人民医院', date: '2025-12-05' });
    expect(extractFields('hukou', lines('常住人口登记卡', '姓名:志博', '户主或与户主关系:次女', '性:男', '民族:满族', '出生年月日:1964年11月6日')).fields.gender).toBe('男');
    expect(extractFields('bank', lines('202406-25 HK 3.000.00', '38,462.00', '货方发生合:47,000.00末余额:38462.00')).fields).toMatchObject({ creditTotal: 47000, closingBalance: 38462 });
    const letter = extractFields('hukou', lines('兹证明:郑亮,性别:男,民族:朝鲜族,出生日期:1970年5月4日,公民', '身份号码:222401197005049077,系我所辖区常住户口,户籍地址:吉林省延', '边朝鲜族自治州延吉市进学街道黄泥塘村7组20号,为该户户主。'));
    expect(letter.fields).toMatchObject({ name: '郑亮', relation: '户主', gender: '男', birthDate: '1970-05-04' });
  });

  it('reads a 65 dpi certificate whose labels came out a character short or wrong: 姐名, 出生日, 登记口司', () => {
    const e = extractFields('marriage', lines('结婚证', '持证人余', '登记口司2011年09月15口', '地证手号440305-2011-006399', '雪注', '姓名然男', '#中出生日1958年12月11日', '身份证件号441402195812113394', '姐名余怡静性别女', '国中出生日期1987年10月3日', '身份:作号510107198710039564'));
    expect(e.fields).toMatchObject({ party1BirthDate: '1958-12-11', party1IdNumber: '441402195812113394', party2Name: '余怡静', party2Gender: '女', party2BirthDate: '1987-10-03' });
    // The registration date is not a party's birth date, even when the party's block was not made out.
    expect(e.fields.registrationDate).toBe('2011-09-15');
    expect(extractFields('marriage', lines('结婚证', '登记口司2011年09月15口', '姓名 然男', '#中出生日1958年12月11日')).fields.registrationDate).toBe('2011-09-15');
    expect(extractFields('marriage', lines('即2016年06月11日', '吉婚证J440305-2016-00464', '胡学春', '生别男', '生日期1980年5月22日')).fields.registrationDate).toBe('2016-06-11');
  });

  it('orders the parties husband first by gender, and confirms the holder', () => {
    const wife = '110105198807081243';
    const e = extractFields('marriage', lines('持证人 张敏', '登记日期 2016年01月28日', '结婚证字号 J440304-2016-000123', `姓名 张敏 性别 女`, '国籍 中国 出生日期 1988年7月8日', `身份证件号 ${wife}`, '姓名 张伟 性别 男', '国籍 中国 出生日期 1985年3月12日', `身份证件号 ${ID}`));
    expect(e.fields).toMatchObject({ party1Name: '张伟', party2Name: '张敏', holder: '张敏', registrationDate: '2016-01-28', certificateNumber: 'J440304-2016-000123', party1IdNumber: ID, party2IdNumber: wife });
    expect(e.reads.holder!.evidence).toBe('checked');
    // The number's year confirms the registration date; a date of another year is shown with both.
    expect(e.reads.registrationDate!.evidence).toBe('checked');
    const misread = extractFields('marriage', lines('持证人 张敏', '登记日期 2018年01月28日', '结婚证字号 J440304-2016-000123'));
    expect(misread.reads.registrationDate!.evidence).toBe('invalid');
    expect(misread.notes.registrationDate).toMatch(/2018-01-28.*2016/);
    // A number's "year" that is none (2826: a 0 read as 8) takes the date's year, as a repaired value.
    const noYear = extractFields('marriage', lines('持证人 张敏', '登记日期 2026年03月12日', '结婚证字号 J440309-2826-002271'));
    expect(noYear.fields.certificateNumber).toBe('J440309-2026-002271');
    expect([noYear.reads.certificateNumber!.evidence, noYear.reads.registrationDate!.evidence]).toEqual(['repaired', 'valid']);
    expect(noYear.notes.certificateNumber).toMatch(/2826.*2026/);
    // A reissued certificate's number carries the year it was reissued: it checks nothing.
    const reissued = extractFields('marriage', lines('持证人 张敏', '登记日期 2016年01月28日', '结婚证字号 BJ440304-2021-000123'));
    expect(reissued.reads.registrationDate!.evidence).toBe('valid');
  });
  it('reads the older design from its sentence and the date in numerals', () => {
    const e = extractFields('marriage', lines('结婚证', '(96)深罗婚字第0412号', '王建国 男 二十八岁', '李秀英 女 二十五岁', '自愿结婚,经审查符合规定,发给此证。', '一九九六年三月八日'));
    expect(e.fields).toMatchObject({ party1Name: '王建国', party1Gender: '男', party2Name: '李秀英', party2Gender: '女', registrationDate: '1996-03-08', certificateNumber: '(96)深罗婚字第0412号' });
  });
  it('reads the 1980s booklet: each party a line with its birth date, the date of issue lost under the stamp left unread', () => {
    const e = extractFields('marriage', lines('结婚证', '(87)深龙婚字第964号', '傅明斌 男 一九六四年十二月十三日出生', '庄美颖女一九六二年十一月二十日出生', '自愿结婚,经审查符合规定,发给此证。', '深圳市龙岗区人医政府苏龙岗区'));
    expect(e.fields).toMatchObject({ party1Name: '傅明斌', party1Gender: '男', party1BirthDate: '1964-12-13', party2Name: '庄美颖', party2Gender: '女', party2BirthDate: '1962-11-20', certificateNumber: '(87)深龙婚字第964号' });
    // A birth date is never taken for the date of issue.
    expect(e.fields.registrationDate).toBeUndefined();
    const issued = extractFields('marriage', lines('庄美颖 女 一九六二年十一月二十日出生', '傅明斌 男 一九六四年十二月十三日出生', '深圳市龙岗区人民政府', '一九八七年一月十二日'));
    expect(issued.fields).toMatchObject({ party1Name: '傅明斌', party2Name: '庄美颖', party2BirthDate: '1962-11-20', registrationDate: '1987-01-12' });
  });
  it('reads the two parties\' blocks side by side, read across both columns', () => {
    const e = extractFields('marriage', lines('登记日期1999年07月21日', '结婚证字号BJ440308-2015-005053', '姓名卫鑫海姓名安欣燕', '性别男性别女', '国籍中国国籍中国', '出生日期1963年06月08日出生日期1963年11月18日', '身份证件号421002196306084251身份证件号440306196311184200'));
    expect(e.fields).toMatchObject({ party1Name: '卫鑫海', party1Gender: '男', party1BirthDate: '1963-06-08', party1IdNumber: '421002196306084251', party2Name: '安欣燕', party2Gender: '女', party2BirthDate: '1963-11-18', party2IdNumber: '440306196311184200' });
  });
  it('reads a table of records under one heading: the last 结婚登记 row, names run together parted at the 当事人, numbers run together parted', () => {
    const wife = '360102197408127067';
    const man = '412702197705187751';
    const e = extractFields('marriage', lines('婚姻登记记录证明', `经查询,当事人曹蔚(公民身份号码${wife})`, '登记类别登记日期男方女方证件字号', '结婚登记2011.01.17崔宇泽曹蔚J440305-2011-001652', '离婚登记2015.07.14崔宇泽曹蔚L440305-2015-000124', '结婚登记2020.10.27吕伟辉曹蔚J440305-2020-002304', `${man} ${wife}`, '(男方出生日期1977.05.18,女方出生日期1974.08.12)', '2026年5月22日'));
    expect(e.fields).toEqual({
      party1Name: '吕伟辉', party1Gender: '男', party1BirthDate: '1977-05-18', party1IdNumber: man,
      party2Name: '曹蔚', party2Gender: '女', party2BirthDate: '1974-08-12', party2IdNumber: wife,
      registrationDate: '2020-10-27', certificateNumber: 'J440305-2020-002304',
    });
  });
  it('reads two columns under one column of labels (男方 女方), names run together parted at the holder or by surnames', () => {
    const wife = '110105197303120224';
    const man = '110105199407109555';
    const page = (names: string, holder: string) =>
      extractFields('marriage', lines(`持证人${holder}登记日期二〇一六年十一月十二日`, '结婚证字号J110105-2016-002764备注', '男方女方', `姓名${names}`, '性别男女', '国籍中国中国', '出生日期一九九四年七月十日一九七三年三月十二日', `身份证件号${man} ${wife}`));
    const e = page('顾远豪戴晞', '戴晞');
    expect(e.fields).toMatchObject({ holder: '戴晞', party1Name: '顾远豪', party1Gender: '男', party1BirthDate: '1994-07-10', party1IdNumber: man, party2Name: '戴晞', party2Gender: '女', party2BirthDate: '1973-03-12', party2IdNumber: wife });
    // No holder printed: parted at the one place where both halves start with a surname.
    expect(page('顾远豪戴晞', '').fields).toMatchObject({ party1Name: '顾远豪', party2Name: '戴晞' });
    // Two places would do (张三丰李四: 张三|丰李四 or 张三丰|李四): no names rather than wrong ones.
    expect(page('张三丰李四', '').fields.party1Name).toBeUndefined();
    // A form with no row of 性别: the heading gives each column's gender.
    const form = extractFields('marriage', lines('结婚登记审查处理表', '当事人  男方  女方', '姓名  侯斌军  吴红婷', '出生日期  1989年08月04日  1986年07月04日', '身份证件号  330106198908046671  330106198607043928'));
    expect(form.fields).toMatchObject({ party1Name: '侯斌军', party1Gender: '男', party2Name: '吴红婷', party2Gender: '女' });
  });
  it('takes the present marriage from records numbered 记录一…记录三, their kinds misread, by the certificate\'s letter', () => {
    const record = (n: string, kind: string, date: string, wife: string, wifeId: string, number: string) => [`记录${n}:${kind}`, `登记日期:${date}登记机关:深圳市福田区民政局`, `男方:何涛德身份证件号:350583198407033037`, `女方:${wife}身份证件号:${wifeId}`, `证件字号:${number}`];
    const page = (k1: string, k2: string, k3: string) =>
      extractFields('marriage', lines('婚姻登记记录证明', ...record('一', k1, '2008-06-02', '金丽', '440307198403203806', 'J440305-2008-005991'), ...record('二', k2, '2012-08-02', '金丽', '440307198403203806', 'L440304-2012-000372'), ...record('三', k3, '2013-08-08', '雷霞萱', '431121198101043048', 'J440304-2013-004147')));
    for (const kinds of [['结婚登记', '离婚登记', '结婚登记'], ['给烟登记', '高婚登记', '给婚登记']]) {
      const e = page(kinds[0]!, kinds[1]!, kinds[2]!);
      expect(e.fields, kinds.join()).toMatchObject({ registrationDate: '2013-08-08', certificateNumber: 'J440304-2013-004147', party2Name: '雷霞萱', party2IdNumber: '431121198101043048' });
    }
    // Neither kinds nor letters readable: no record is taken as the present one with confidence.
    const unsure = extractFields('marriage', lines('婚姻登记记录证明', '记录一:口口登记', '登记日期:2008-06-02', '记录二:口口登记', '登记日期:2013-08-08'));
    expect(unsure.reads.registrationDate!.evidence).toBe('invalid');
    expect(unsure.notes.registrationDate).toMatch(/多条婚姻登记记录/);
  });
  it('reads a record letter\'s table of parties, each row a side, its name read together with its gender', () => {
    const wife = '440304199306174746';
    const man = '440303199502072791';
    const e = extractFields('marriage', lines('婚姻登记记录证明', '当事人姓名性别出生日期身份证件号', `男方熊然刚男1995-02-07 ${man}`, `女方温蓉女1993-06-17 ${wife}`, '登记类别:结婚登记', '登记日期:2020-07-20', '结婚证字号:J440311-2020-009186'));
    expect(e.fields).toMatchObject({ party1Name: '熊然刚', party1IdNumber: man, party2Name: '温蓉', party2IdNumber: wife, registrationDate: '2020-07-20' });
    // A name that ends in its own gender's character before no date keeps it (张亚男 is a woman's name; 女方 says 女).
    expect(extractFields('marriage', lines('男方:李建国', '女方:张亚男', '登记日期:2020-07-20')).fields).toMatchObject({ party1Name: '李建国', party2Name: '张亚男' });
  });
  it('reads a 婚姻状况证明 listing several records: the present marriage is the last 结婚登记, each side with its own date and number', () => {
    const first = '445102198302209661';
    const now = '440305198608092940';
    const husband = '440310198807123675';
    const record = (kind: string, date: string, wife: string, born: string, wifeId: string, no: string) => [
      `登记类别:${kind}登记日期:${date}`, `男方:赖文昊出生日期:1988年07月12日身份证件号:${husband}`, `女方:${wife}出生日期:${born}身份证件号:${wifeId}`, `证件字号:${no}登记机关:深圳市光明区民政局`,
    ];
    const e = extractFields('marriage', lines('婚姻状况证明', `赖文昊(公民身份号码:${husband}):`, '记录1', ...record('结婚登记', '2018年07月06日', '夏洁娜', '1983年02月20日', first, 'J440311-2018-001502'), '记录2', ...record('离婚登记', '2025年05月05日', '夏洁娜', '1983年02月20日', first, 'L440311-2025-001218'), '记录3', ...record('结婚登记', '2025年12月26日', '司徒玲', '1986年08月09日', now, 'J440311-2025-009678'), '特此证明。', '2026年09月20日'));
    expect(e.fields).toEqual({
      party1Name: '赖文昊', party1Gender: '男', party1BirthDate: '1988-07-12', party1IdNumber: husband,
      party2Name: '司徒玲', party2Gender: '女', party2BirthDate: '1986-08-09', party2IdNumber: now,
      registrationDate: '2025-12-26', certificateNumber: 'J440311-2025-009678',
    });
    // One record: its parties as the sides name them.
    const one = extractFields('marriage', lines('婚姻登记记录证明', ...record('结婚登记', '2021年08月28日', '程秀霞', '1980年09月02日', '421002198009021448', 'J440309-2021-006762')));
    expect(one.fields).toMatchObject({ party2Name: '程秀霞', party2Gender: '女', party2BirthDate: '1980-09-02', party2IdNumber: '421002198009021448', registrationDate: '2021-08-28' });
  });
  it('reads a record letter\'s parties from their brackets, each with its own birth date and number, the wife named first', () => {
    const wife = '110105198807081243';
    const e = extractFields('marriage', lines('婚姻登记记录证明', '申请人(持证人):张敏', '经查询婚姻登记档案,张敏(女,1988/07/08出生,身份证件号:', `${wife})与张伟(男,1985/03/12出生,身份证件号:`, `${ID})于2016/01/28在深圳市罗湖区民政局婚姻登记处`, '登记结婚,结婚证字号:BJ440304-2016-000123。', '深圳市罗湖区民政局婚姻登记处', '2025年10月20日'));
    expect(e.fields).toMatchObject({ party1Name: '张伟', party1Gender: '男', party1BirthDate: '1985-03-12', party1IdNumber: ID, party2Name: '张敏', party2Gender: '女', party2BirthDate: '1988-07-08', party2IdNumber: wife, holder: '张敏', certificateNumber: 'BJ440304-2016-000123' });
    // The date the letter says they married, not the date it was issued.
    expect(e.fields.registrationDate).toBe('2016-01-28');
    // Labelled numbers, each confirming its party's birth date.
    expect(e.reads.party1IdNumber!.unlabelled).toBeFalsy();
    expect(e.reads.party2BirthDate!.evidence).toBe('checked');
  });
});

describe('marriage certificates whose rows ran together', () => {
  it('reads a party whose 性 of 性别 and 份 of 身份证件号 were misread (姓名罗萱菲理别女, 身药证件号…)', () => {
    const e = extractFields('marriage', lines('持证人郭子', '登已日期2018年12月26日', '姓名郭子性别男', '国中国出生日期1988年10月24日', '身份证件号430623198810243391', '姓名罗萱菲理别女', '国中国出生日期1989年11月11日', '身药证件号430422198911111569'));
    expect(e.fields).toMatchObject({ party2Name: '罗萱菲', party2Gender: '女', party2IdNumber: '430422198911111569', party1Name: '郭子', party1IdNumber: '430623198810243391' });
    // Read in a jumbled order, a block whose gender is not read takes no number by a misread label (身做证件号):
    // the page's numbers go to the parties by their gender.
    const jumbled = extractFields('marriage', lines('结婚证字号J440303-2019-007062姓名安琳女', '国期出生日期', '备注中国1999年9月8日湖区身付证停号440309199909086886姓名性别登记机手深圳市湖区民政局曹勇智男登记专电章国精出生日期中国1997年8月14日E身做证件号', '431127199708140437'));
    expect(jumbled.fields).toMatchObject({ party1IdNumber: '431127199708140437', party2IdNumber: '440309199909086886' });
  });
  it('gives each party the page\'s valid ID number of its gender, unlabelled, and the date that is its birth date', () => {
    const wife = '440309197210047200';
    const husband = '420106197104271432';
    const e = extractFields('marriage', lines('结婚证', '持证人:诸葛超沅 登记日期:2001年10月25日', '男方女方', '姓名  诸葛超沅  朱春家', '性别  男  女', '国籍  中国  中国', `身份出生日证期件号  ${husband} 1971年4月27日  ${wife} 1972年10月4日`));
    expect(e.fields).toMatchObject({ party1IdNumber: husband, party2IdNumber: wife, party1BirthDate: '1971-04-27', party2BirthDate: '1972-10-04', registrationDate: '2001-10-25' });
    expect(e.reads.party1IdNumber!.unlabelled).toBe(true);
    // A labelled "number" that is none (two runs of digits read as one) gives way to the page's one valid number of that party's gender.
    const glued = extractFields('marriage', lines('姓名:张伟  性别:男', `身份证件号:${husband}`, '姓名:张敏  性别:女', `身份证件号:${husband.slice(0, 12)}427`, `出生日期 1972年10月4日${wife}`));
    expect(glued.fields).toMatchObject({ party1IdNumber: husband, party2IdNumber: wife });
    // Two numbers of one gender: which is whose cannot be told, so neither is given.
    const two = extractFields('marriage', lines('姓名  甲某  乙某', '性别  男  女', `证件  ${husband}  ${ID}`));
    expect(two.fields.party1IdNumber).toBeUndefined();
  });
  it('cuts the holder at 字号 and reads an old number without its year', () => {
    const e = extractFields('marriage', lines('结 婚 证', '女方姓名 黎媛 性别 女', '男方姓名 方斌立 性别 男', '持证人 方斌立 字号 深宝结字第9214号', '登记日期 1995年06月01日'));
    expect(e.fields).toMatchObject({ holder: '方斌立', certificateNumber: '深宝结字第9214号', registrationDate: '1995-06-01' });
  });
  it('does not give the husband the wife\'s number when the number row ran into his block', () => {
    const wife = '110105198807081243';
    // The side-by-side table as unfolded (tables.ts), its number row read as one line with the next.
    const e = extractFields('marriage', lines('女方', '姓名:张敏', '性别:女', '出生日期:1988/07/08', '男方', '姓名:张伟', '性别:男', '出生日期:1985/03/12', `身份证件号${wife}婚姻登记机关:深圳市福田区${ID}民政局`));
    expect(e.fields).toMatchObject({ party1Name: '张伟', party1IdNumber: ID, party2Name: '张敏', party2IdNumber: wife });
    // Placed by gender, not by label: never as sure as a labelled number.
    expect(e.confidence.party1IdNumber).toBeLessThanOrEqual(UNLABELLED_CAP);
  });
});

describe('a minority name whose middle dot was read as a comma', () => {
  it('reads the dot back in a labelled name and in a letter, and leaves clauses alone', () => {
    expect(extractFields('hukou', lines('姓名:艾力,努尔', '性别:男')).fields.name).toBe('艾力·努尔');
    expect(extractFields('hukou', lines('姓名  张伟,性别  男')).fields.name).toBe('张伟');
    expect(extractFields('bank', lines('户名:张伟,账号:6222021234567890123')).fields.name).toBe('张伟');
    const letter = (body: string) => extractFields('income', lines('收入证明', body, '特此证明!')).fields.name;
    expect(letter(`兹证明阿依,"艾买提女士,身份证号:${ID},在我公司工作。`)).toBe('阿依·艾买提');
    expect(letter(`兹证明张伟先生,身份证号:${ID},在我公司工作。`)).toBe('张伟');
  });
});

describe('an ID number found without its label', () => {
  it('is taken as the page\'s one valid number but scored in a lower class than a labelled one', () => {
    const lost = extractFields('social', lines('社会保险参保缴费证明', '姓名:张伟', `身份正吗:${ID}`, '累计缴费月数:76个月'));
    expect(lost.fields.idNumber).toBe(ID);
    expect(lost.reads.idNumber!.unlabelled).toBe(true);
    expect(lost.confidence.idNumber).toBeLessThanOrEqual(UNLABELLED_CAP);
    const labelled = extractFields('social', lines('社会保险参保缴费证明', '姓名:张伟', `身份证号码:${ID}`, '累计缴费月数:76个月'));
    expect(labelled.reads.idNumber!.unlabelled).toBeUndefined();
    for (const agree of [false, true]) {
      expect(confidenceFor({ type: 'id', evidence: 'checked', unlabelled: true }, agree)).toBeLessThanOrEqual(UNLABELLED_CAP);
      expect(confidenceFor({ type: 'id', evidence: 'valid', unlabelled: true }, agree)).toBeLessThan(0.9);
    }
  });
});

describe('the wordings offices use for the same fact', () => {
  const letter = (...texts: string[]) => texts.map((text) => ({ text, confidence: 0.9 }));
  it('names the person of an income letter after 兹有, 证明 or 经核实, never the opening words', () => {
    for (const opening of ['兹证明张伟为我单位在职职工', '兹有张伟同志系我公司员工', '经核实,张伟为我单位在职职工', '张伟同志在我单位工作']) {
      const e = extractFields('income', letter('收入证明', `${opening},身份证号${ID},月度工资8500元。`, '单位(盖章):深圳市华强电子有限公司', '2024年5月6日'));
      expect(e.fields, opening).toMatchObject({ name: '张伟', employer: '深圳市华强电子有限公司', monthlyIncome: 8500 });
    }
  });
  it('takes the name after 未查询到 in a search result, and ends a name at a sex cell whose label was misread', () => {
    const search = extractFields('property', letter('不动产登记查询结果证明', '经查询深圳市不动产登记簿,截至查询之日,未查询到缪湉倩(身份证号码:', `${ID})的不动产登记记录(含预告登记),即其名下无不动产。`));
    expect(search.fields).toMatchObject({ name: '缪湉倩', hasProperty: '无' });
    const record = extractFields('marriage', letter('婚姻登记记录证明', '男方 姓名 诸葛强伟 性·男 国籍 中国', '女方 姓名 吴洁性女 国籍 中国'));
    expect(record.fields).toMatchObject({ party1Name: '诸葛强伟', party2Name: '吴洁' });
    expect(record.confidence.party2Name).toBeLessThan(0.9);
    // Words of a letter's opening are never a name; the person is named at the start of the next line.
    expect(personName('以下情况', [])).toBeUndefined();
    const opening = extractFields('hukou', letter('户籍证明', '兹有以下情况,特予证明:', `夏侯伟亮,男,汉族,1985年3月12日出生,公民身份号码${ID},`, '户籍地址:广东省深圳市宝安区福永街道凤塘大道387号万科城18栋604房,与户主关系为夫。'));
    expect(opening.fields).toMatchObject({ name: '夏侯伟亮', gender: '男', relation: '夫' });
  });
  it('ends the name before a 同志, 先生 or 女士 read with one character wrong, and asks the clerk to check it', () => {
    for (const [opening, name] of [['兹证明叶慧同患在我单位工作', '叶慧'], ['兹证明王建国同忠在我单位工作', '王建国'], ['兹有李娜女土系我公司员工', '李娜']] as const) {
      const e = extractFields('income', letter('收入证明', `${opening},身份证号${ID},月度工资8500元。`));
      expect(e.fields.name, opening).toBe(name);
      expect(e.confidence.name, opening).toBeLessThan(0.9);
    }
    // A real name is not cut: four characters with a compound surname, three with a single one.
    for (const name of ['欧阳志同', '李长生']) expect(extractFields('income', letter('收入证明', `兹证明${name}在我单位工作,身份证号${ID}。`)).fields.name).toBe(name);
  });
  it('reads a household card\'s relation, nationality and address under their other labels', () => {
    const card = (...texts: string[]) => extractFields('hukou', letter('常住人口登记卡', '姓名:张伟', ...texts)).fields;
    for (const label of ['与户主的关系', '关系']) expect(card(`${label}:长子`).relation, label).toBe('长子');
    expect(card('族别:汉族').ethnicity).toBe('汉族');
    for (const label of ['户口所在地', '户籍所在地', '住所', '常住地址']) expect(card(`${label}:广东省深圳市福田区华富街道莲花一村3栋502`).address, label).toBe('广东省深圳市福田区华富街道莲花一村3栋502');
  });
  it('reads months paid, a statement\'s totals and a search\'s "none" however they are worded', () => {
    const months = (line: string) => extractFields('social', letter(`姓名:张伟 身份证号:${ID}`, line)).fields.totalMonths;
    for (const line of ['缴费年限3年9个月', '养老保险已缴费45个月', '实际缴费45个月', '累计实缴月数45', '缴费总月数:45']) expect(months(line), line).toBe(45);
    // A term's start year is no count of months.
    expect(months('缴费年限:2018年起')).toBeUndefined();
    const bank = (total: string, balance: string) => extractFields('bank', letter('户名:张伟 账号:6222021234567890123', '起止日期:2024-01-01至2024-06-30', total, balance)).fields;
    for (const total of ['本期收入:12,345.67', '转入合计:12,345.67']) expect(bank(total, '期末余额:8,888.88').creditTotal, total).toBe(12345.67);
    for (const balance of ['期末结余:8,888.88', '最终余额:8,888.88']) expect(bank('收入合计:12,345.67', balance).closingBalance, balance).toBe(8888.88);
    const search = (...texts: string[]) => extractFields('property', letter('不动产登记查询结果', ...texts, '出具日期:2024-05-06')).fields;
    for (const none of ['查询结果:无', '经查,申请人在本市范围内没有房产']) expect(search(`查询对象:张伟 证件号码:${ID}`, none).hasProperty, none).toBe('无');
    for (const label of ['产权人', '所有权人', '当事人']) expect(search(`${label}:张伟 证件号码:${ID}`, '查询结果:无').name, label).toBe('张伟');
  });
  it('puts right a compound surname\'s misread second character, a nationality one edit away, a name run into a misread 账号', () => {
    const card = extractFields('hukou', letter('姓名:皇浦欣佳', '民族:汉放族'));
    expect(card.fields).toMatchObject({ name: '皇甫欣佳', ethnicity: '汉族' });
    expect([card.reads.name!.evidence, card.reads.ethnicity!.evidence]).toEqual(['repaired', 'repaired']);
    // A first character misread is left (扬阳婷 may be 杨阳婷 as well as 欧阳婷), and so is a name that
    // starts with a single surname (夏静怡 with a character read on after it is no 夏侯).
    expect(extractFields('hukou', letter('姓名:扬阳婷')).fields.name).toBe('扬阳婷');
    expect(extractFields('property', letter('权利人:夏静怡人')).fields.name).toBe('夏静怡人');
    // A single surname with two given characters stays as read (欧杨丽 may be 欧 杨丽).
    expect(extractFields('hukou', letter('姓名:欧杨丽')).fields.name).toBe('欧杨丽');
    // 公孙 or 公冶: no telling which, so the name is left as read (and doubtful).
    expect(extractFields('hukou', letter('姓名:公洽明')).fields.name).toBe('公洽明');
    expect(extractFields('bank', letter('户名:麦怡张号:6222021234567890123')).fields.name).toBe('麦怡');
    // Nor into the next label (身份证件类型, 个人编号) or a letter's 因; 参保人员 is no label of a person.
    expect(extractFields('income', letter('纳税人姓名:叶昊身份证件类型:居民身份证')).fields.name).toBe('叶昊');
    expect(extractFields('social', letter('参保人员缴费明细(养老保险)', '姓名许桂萱个人编号669222839')).fields.name).toBe('许桂萱');
    expect(extractFields('property', letter('申请人龚慧英因深圳市公共住房轮候资格审核,申请查询')).fields.name).toBe('龚慧英');
  });
  it('reads the employer under 用人单位 or 所在单位 and after 就职于, and an account after 账户', () => {
    for (const kind of ['income', 'social'] as const) {
      for (const line of ['用人单位:深圳市华强电子有限公司', '所在单位:深圳市华强电子有限公司']) expect(extractFields(kind, letter(`姓名:张伟 身份证号:${ID}`, line)).fields.employer, `${kind} ${line}`).toBe('深圳市华强电子有限公司');
    }
    expect(extractFields('income', letter(`姓名:张伟 身份证号:${ID}`, '就职于深圳市华强电子有限公司', '月收入8500元')).fields.employer).toBe('深圳市华强电子有限公司');
    expect(extractFields('bank', letter('户名:张伟', '账户:6222021234567890123')).fields.accountNumber).toBe('6222021234567890123');
  });
});

describe('typed values', () => {
  it('reads dates and upper-case amounts', () => {
    expect(readDate('二〇二四年十一月十八日')).toBe('2024-11-18');
    expect(readDate('二O二四年五月九日')).toBe('2024-05-09');
    // Some of its numerals read as Arabic digits (二〇二二 as 2O二二).
    expect(readDate('2O二二年五月六日')).toBe('2022-05-06');
    expect(readDate('12O二二年五月六日')).toBe('2022-05-06');
    expect(readDate('7二0二六年二月十六日')).toBe('2026-02-16');
    expect(readDate('2024.05.09')).toBe('2024-05-09');
    expect(readUpperAmount('壹拾伍万陆仟元整')).toBe(156000);
    // 零 stands for no 角 before the 分.
    expect(readUpperAmount('贰拾肆万陆仟壹佰贰拾贰元零伍分')).toBe(246122.05);
    expect(readUpperAmount('壹佰元叁角伍分')).toBe(100.35);
    expect(readAmount('1.2万元')).toBe(12000);
    // Written back as a letter writes them, each read back as itself.
    for (const [n, upper] of [[88800, '捌万捌仟捌佰元整'], [100500, '壹拾万零伍佰元整'], [30005, '叁万零伍元整'], [426000, '肆拾贰万陆仟元整'], [12000000, '壹仟贰佰万元整']] as const) {
      expect(writeUpperAmount(n)).toBe(upper);
      expect(readUpperAmount(upper)).toBe(n);
    }
  });
});

describe('fields decided across readings', () => {
  const reading = (reads: PageReading['reads']): PageReading => ({ kind: 'hukou', text: '', fields: {}, confidence: {}, notes: {}, reads, lines: [], skewDeg: 0, regions: 0 });
  const attempt = (method: Attempt['method'], reads: PageReading['reads']): Attempt => ({ method, reading: reading(reads), score: 0 });
  it('prefers the value two readings agree on, and shows the other value to the clerk', () => {
    const name = (value: string, ocr = 0.9) => ({ name: { value, type: 'name' as const, evidence: 'valid' as const, ocr } });
    const m = mergeFields([attempt('as-is', name('张伟')), attempt('cells', name('张伟')), attempt('photo-whole', name('张伟强', 0.95))]);
    expect(m.fields.name).toBe('张伟');
    expect(m.notes.name).toContain('张伟强');
    // A reading that went on after the same start: the shorter value may be cut, so it is not trusted.
    expect(m.confidence.name).toBeLessThanOrEqual(REPAIRED_CAP);
    expect(m.agree.name).toBe(false);
    const same = mergeFields([attempt('as-is', name('张伟')), attempt('cells', name('张伟'))]);
    expect(same.agree.name).toBe(true);
    // A checked value beats an unchecked one whatever the count.
    const id = (value: string, evidence: 'checked' | 'valid') => ({ idNumber: { value, type: 'id' as const, evidence, ocr: 0.9 } });
    const d = mergeFields([attempt('as-is', id('A', 'valid')), attempt('cells', id('A', 'valid')), attempt('photo-whole', id('B', 'checked'))]);
    expect(d.fields.idNumber).toBe('B');
  });

  it('takes the name most re-readings gave over one whole-page reading, but not over two that agree', () => {
    const name = (value: string, votes?: number) => ({ name: { value, type: 'name' as const, evidence: 'valid' as const, ocr: 0.8, ...(votes ? { votes } : {}) } });
    const steady = mergeFields([attempt('as-is', name('葵雪')), attempt('cells', name('蔡雪', 4))]);
    expect(steady.fields.name).toBe('蔡雪');
    expect(steady.notes.name).toContain('葵雪');
    expect(steady.agree.name).toBe(false);
    // Split votes do not count.
    expect(mergeFields([attempt('as-is', name('葵雪')), attempt('cells', name('蔡雪', 2))]).fields.name).toBe('葵雪');
    const two = mergeFields([attempt('as-is', name('葵雪')), attempt('cells', name('蔡雪', 4)), attempt('photo-whole', name('葵雪'))]);
    expect(two.fields.name).toBe('葵雪');
  });

  it('takes the reading whose given name is made of name characters over more readings of one that is not', () => {
    const name = (value: string) => ({ name: { value, type: 'name' as const, evidence: 'valid' as const, ocr: 0.8 } });
    const m = mergeFields([attempt('as-is', name('杜存')), attempt('cells', name('杜存')), attempt('photo-whole', name('杜慧'))]);
    expect(m.fields.name).toBe('杜慧');
    expect(m.notes.name).toContain('杜存');
    expect(m.agree.name).toBe(false);
    // A name the runners-up made stands with well-formed readings, and a name's characters then decide; it stays a repair.
    const made = { name: { value: '郭昇喆', type: 'name' as const, evidence: 'repaired' as const, ocr: 0.5, shaped: { from: '郭异盐', put: ['昇', '喆'], by: 'runner-up' as const } } };
    const byRunnerUp = mergeFields([attempt('as-is', name('那异')), attempt('cells', made)]);
    expect(byRunnerUp.fields.name).toBe('郭昇喆');
    expect(byRunnerUp.confidence.name).toBeLessThan(0.5);
    expect(mergeFields([attempt('as-is', name('那明')), attempt('cells', made)]).fields.name).toBe('那明');
    const madeFirst = { name: { value: '钟强', type: 'name' as const, evidence: 'repaired' as const, ocr: 0.5, shaped: { from: '钟强颈', put: ['强'], by: 'runner-up' as const } } };
    expect(mergeFields([attempt('cells', madeFirst), attempt('photo-whole', name('钟雅'))]).fields.name).toBe('钟雅');
    // Unless another reading reads the character put in at its place (傅宏智 made from 傅宏暂; the page as it is read 传宏智).
    const confirmed = { name: { value: '傅宏智', type: 'name' as const, evidence: 'repaired' as const, ocr: 0.1, shaped: { from: '傅宏暂', put: ['智'], by: 'runner-up' as const } } };
    const unsure = { name: { value: '传宏智', type: 'name' as const, evidence: 'invalid' as const, ocr: 0.9 } };
    const other = { name: { ...name('何宏知').name, votes: 2 } };
    expect(mergeFields([attempt('as-is', unsure), attempt('cells', confirmed), attempt('cells:2', other)]).fields.name).toBe('傅宏智');
    expect(mergeFields([attempt('as-is', { name: { ...unsure.name, value: '传宏暂' } }), attempt('cells', confirmed), attempt('cells:2', other)]).fields.name).toBe('何宏知');
    // A modern name character (喆, 哲 as parents now write it) is a name character too: the page as it is wins the tie.
    expect(mergeFields([attempt('as-is', name('丁喆')), attempt('cells', name('丁盐')), attempt('as-is:2', name('丁续')), attempt('cells:2', name('丁和'))]).fields.name).toBe('丁喆');
    // Between names of one length, a reading whose characters others share wins (许僵志 agrees with 许俊志 twice, with 许俊惠 once).
    const byChars = (votes: number) => mergeFields([attempt('as-is', name('许俊志')), attempt('cells', { name: { ...name('许俊惠').name, votes } }), attempt('cells:2', name('许僵志'))]).fields.name;
    expect(byChars(4)).toBe('许俊志');
    expect(byChars(0)).toBe('许俊志');
    // Not over more than twice its readings: three readings of 欧阳秀昶 outweigh one of 欧阳秀相.
    expect(mergeFields([attempt('as-is', name('欧阳秀昶')), attempt('cells', name('欧阳秀昶')), attempt('photo-whole', name('欧阳秀昶')), attempt('cells:2', name('欧阳秀相'))]).fields.name).toBe('欧阳秀昶');
  });

  it('takes the transliterated name whose parts are common given names over one of the same length that is not', () => {
    const name = (value: string) => ({ name: { value, type: 'name' as const, evidence: 'valid' as const, ocr: 0.9 } });
    const made = { name: { value: '古丽·阿不都', type: 'name' as const, evidence: 'repaired' as const, ocr: 0.48, shaped: { from: '古丽·阿不部', put: ['都'], by: 'runner-up' as const } } };
    const m = mergeFields([attempt('as-is', name('古丽·网不都')), attempt('cells', made)]);
    expect(m.fields.name).toBe('古丽·阿不都');
    expect(m.notes.name).toContain('古丽·网不都');
    // Never one cut short to common parts over a longer name read whole.
    expect(mergeFields([attempt('as-is', name('艾力·阿不都热依木')), attempt('cells', name('艾力·阿不都'))]).fields.name).toBe('艾力·阿不都热依木');
  });

  it('takes a minority name whole where another reading cut it at its middle dot', () => {
    const name = (value: string, votes?: number) => ({ name: { value, type: 'name' as const, evidence: 'valid' as const, ocr: 0.8, ...(votes ? { votes } : {}) } });
    const m = mergeFields([attempt('as-is', name('阿依·艾买提')), attempt('cells', name('阿依', 4))]);
    expect(m.fields.name).toBe('阿依·艾买提');
    expect(m.confidence.name).toBeLessThan(0.9);
    // Not the second model's lone reading of words after a dot (社会保障 read on) against a name more readings gave.
    const read = mergeFields([attempt('as-is', name('莫豪洋')), attempt('cells', name('莫豪洋')), attempt('as-is:2', name('莫豪洋·会保障')), attempt('cells:2', name('莫豪洋'))]);
    expect(read.fields.name).toBe('莫豪洋');
  });

  it("takes an organisation read on into its branch over readings that stop at the company's legal form", () => {
    const employer = (value: string) => ({ employer: { value, type: 'text' as const, evidence: 'valid' as const, ocr: 0.8 } });
    const cut = '中国建设银行股份有限公司';
    const m = mergeFields([attempt('as-is', employer(`${cut}深圳龙华支行`)), attempt('cells', employer(`${cut}深龙华支行`)), attempt('as-is:2', employer(cut)), attempt('cells:2', employer(cut))]);
    expect(m.fields.employer).toBe(`${cut}深圳龙华支行`);
    expect(m.notes.employer).toContain(cut);
    // Not words read on that are no branch.
    expect(mergeFields([attempt('as-is', employer(`${cut}请列龙华`)), attempt('as-is:2', employer(cut)), attempt('cells:2', employer(cut))]).fields.employer).toBe(cut);
  });

  it('takes a name whole where as many readings lost a character at its start or end, and only then', () => {
    const name = (value: string) => ({ name: { value, type: 'name' as const, evidence: 'valid' as const, ocr: 0.8 } });
    const m = mergeFields([attempt('as-is', name('力·艾买提')), attempt('cells', name('力·艾买提')), attempt('as-is:2', name('艾力·艾买提')), attempt('cells:2', name('艾力·艾买提'))]);
    expect(m.fields.name).toBe('艾力·艾买提');
    expect(m.notes.name).toContain('力·艾买提');
    expect(mergeFields([attempt('as-is', name('闫洋')), attempt('as-is:2', name('闫洋璐'))]).fields.name).toBe('闫洋璐');
    // Outvoted, the longer reading does not win; nor one that differs by more than its ends.
    expect(mergeFields([attempt('as-is', name('闫洋')), attempt('cells', name('闫洋')), attempt('as-is:2', name('闫洋璐'))]).fields.name).toBe('闫洋');
    expect(mergeFields([attempt('as-is', name('洋璐')), attempt('as-is:2', name('闫洋璐某某'))]).fields.name).toBe('洋璐');
    // The second model alone reading on a character no name holds (人 of the next label): the first's name stands.
    expect(mergeFields([attempt('as-is', name('范健海')), attempt('as-is:2', name('范健海人'))]).fields.name).toBe('范健海');
  });

  it('takes a name whole where as many readings lost a given-name character inside it, read so by the first model', () => {
    const name = (value: string) => ({ name: { value, type: 'name' as const, evidence: 'valid' as const, ocr: 0.8 } });
    const m = mergeFields([attempt('as-is', name('李梦')), attempt('cells', name('李霞梦')), attempt('as-is:2', name('可本要'))]);
    expect(m.fields.name).toBe('李霞梦');
    expect(m.notes.name).toContain('李梦');
    // Outvoted; read so by the second model alone; a character no name holds put in: the short name stands.
    expect(mergeFields([attempt('as-is', name('李梦')), attempt('cells', name('李梦')), attempt('as-is:2', name('李霞梦'))]).fields.name).toBe('李梦');
    expect(mergeFields([attempt('as-is', name('李梦')), attempt('as-is:2', name('李霞梦'))]).fields.name).toBe('李梦');
    expect(mergeFields([attempt('as-is', name('李梦')), attempt('cells', name('李的梦'))]).fields.name).toBe('李梦');
  });

  it('takes a name one character longer where more readings, all told, read a character after it', () => {
    const name = (value: string, votes?: number) => ({ name: { value, type: 'name' as const, evidence: 'valid' as const, ocr: 0.8, ...(votes ? { votes } : {}) } });
    const m = mergeFields([attempt('as-is', name('陆敏霞')), attempt('cells', name('陆敏', 4)), attempt('as-is:2', name('陆敏蚀')), attempt('cells:2', name('陆敏租'))]);
    expect(m.fields.name).toBe('陆敏霞');
    expect(m.notes.name).toContain('陆敏');
    expect(m.confidence.name).toBeLessThan(0.9);
    // As many readings of the short name, or a third character read by the second model alone: the short name stands.
    expect(mergeFields([attempt('as-is', name('陆敏')), attempt('cells', name('陆敏')), attempt('as-is:2', name('陆敏霞'))]).fields.name).toBe('陆敏');
    expect(mergeFields([attempt('as-is', name('陆敏', 4)), attempt('as-is:2', name('陆敏霞')), attempt('cells:2', name('陆敏租'))]).fields.name).toBe('陆敏');
    // The first model's longer reading is not outweighed by re-reading the cut one: readings are counted then.
    expect(mergeFields([attempt('as-is', name('上官佳婷')), attempt('cells', name('上官佳', 4)), attempt('cells:2', { name: { ...name('上官佳镜').name, evidence: 'repaired' as const } })]).fields.name).toBe('上官佳婷');
    expect(mergeFields([attempt('as-is', name('上官佳婷')), attempt('cells', name('上官佳', 4)), attempt('photo-whole', name('上官佳'))]).fields.name).toBe('上官佳');
  });

  it('gives no vote to a model that cannot read the character another reading has there', () => {
    const name = (value: string) => ({ name: { value, type: 'name' as const, evidence: 'valid' as const, ocr: 0.8 } });
    // The first model's dictionary lacks 垚 and 翀: it drops one and misreads the other.
    const blind = (c: string) => c !== '垚' && c !== '翀';
    const first = (method: Attempt['method'], value: string): Attempt => ({ ...attempt(method, name(value)), canRead: blind });
    expect(mergeFields([first('as-is', '谢鑫'), first('cells', '谢鑫'), attempt('as-is:2', name('谢鑫垚'))]).fields.name).toBe('谢鑫垚');
    expect(mergeFields([first('as-is', '魏肿'), first('cells', '魏肿'), attempt('as-is:2', name('魏翀'))]).fields.name).toBe('魏翀');
    // Where the characters it reads differ too, or the model can read them all, its votes count.
    expect(mergeFields([first('as-is', '谢森'), first('cells', '谢森'), attempt('as-is:2', name('谢鑫垚'))]).fields.name).toBe('谢森');
    expect(mergeFields([attempt('as-is', name('谢鑫')), attempt('cells', name('谢鑫')), attempt('as-is:2', name('谢鑫垚'))]).fields.name).toBe('谢鑫');
  });

  it('never reports free text nothing can check as near-certain, even when every reading agrees', () => {
    expect(confidenceFor({ type: 'text', evidence: 'valid' }, true)).toBeLessThanOrEqual(UNCHECKED_TEXT_CAP);
    expect(confidenceFor({ type: 'name', evidence: 'valid' }, true)).toBeLessThanOrEqual(UNCHECKED_TEXT_CAP);
    expect(UNCHECKED_TEXT_CAP).toBeLessThan(0.9);
  });

  it('marks a name that starts with no known surname for the clerk, and prefers a reading that does', () => {
    const plain = extractFields('hukou', lines('姓名  吕慧梦'));
    expect(plain.reads.name!.evidence).toBe('valid');
    const odd = extractFields('hukou', lines('姓名  昌慧梦'));
    expect(odd.fields.name).toBe('昌慧梦');
    expect(odd.reads.name!.evidence).toBe('invalid');
    expect(odd.notes.name).toContain('身份证');
    expect(odd.confidence.name).toBeLessThanOrEqual(REPAIRED_CAP);
    // Compound surnames and transliterated names with a middle dot are names too.
    expect(extractFields('hukou', lines('姓名  欧阳莹')).reads.name!.evidence).toBe('valid');
    expect(extractFields('hukou', lines('姓名  艾力·努尔')).reads.name!.evidence).toBe('valid');
    const m = mergeFields([attempt('as-is', odd.reads.name ? { name: odd.reads.name } : {}), attempt('cells', odd.reads.name ? { name: odd.reads.name } : {}), attempt('cells:2', { name: plain.reads.name! })]);
    expect(m.fields.name).toBe('吕慧梦');
    expect(m.notes.name).toBeUndefined();
  });
});

describe('pages read small (65 dpi): a label or a unit misread, the value still found', () => {
  it('reads 年表入约为 as the year\'s income, 系计月数 as months summed, and a floor area without its ㎡ as a property', () => {
    const income = extractFields('income', lines('收入证明', '姓名:热依拉·艾买提身份证号:440303198407217281', '工作单位:深划前海金融服务有限公司', '月税前工资约为¥34500.00', '年表入约为肆拾贰万起仟元整(426,000.00)', '2022.02.12'));
    expect(income.fields).toMatchObject({ annualIncome: 426000, monthlyIncome: 34500, employer: '深圳前海金融服务有限公司' });
    // A year with no amount after it is no income (年度入职时间 is not one).
    expect(extractFields('income', lines('姓名:张伟', '年月入职')).fields.annualIncome).toBeUndefined();
    const social = extractFields('social', lines('深圳市社会保险参保缴费记录', '姓名:蒋文建身份证号码:440304197012128112', '医疗保险失业保险微费月数', '并老保险系计月数:240', '打印日期:2023年02月12日'));
    expect(social.fields.totalMonths).toBe(240);
    const heading = ['深圳市不动产登记信息查询结果', '权利人:王佳静证件号码:420106196605133404', '不动产权证号房月电话健筑南积'];
    const area = extractFields('property', lines(...heading, '4广123.15', '查询日期2024年09月21日'));
    expect(area.fields.hasProperty).toBe('有');
    expect(area.reads.hasProperty!.unlabelled).toBe(true);
    // No row under the heading, or a sentence saying there is none: no property found from the heading alone.
    expect(extractFields('property', lines(...heading, '查询日期2024年09月21日')).fields.hasProperty).toBeUndefined();
    expect(extractFields('property', lines(...heading, '未查询到该对象的不动产登记记录', '查询日期2024年09月21日')).fields.hasProperty).toBe('无');
  });

  it('puts back the middle dot a transliterated name lost (艾力阿不都女34岁), and only there', () => {
    const old = extractFields('marriage', lines('结婚证', '(96)深南婚字第2185号', '覃志宇男28岁', '艾力阿不都女34岁', '一九九六年二月九日'));
    expect(old.fields).toMatchObject({ party1Name: '覃志宇', party2Name: '艾力·阿不都', party2Gender: '女' });
    expect(old.reads.party2Name!.evidence).toBe('repaired');
    expect(old.notes.party2Name).toContain('间隔号');
    expect(extractFields('income', lines('姓名:热依拉艾买提身份证号:440303198407217281')).fields.name).toBe('热依拉·艾买提');
    // A Chinese name starting like one (艾力强) is not touched; a name with its dot keeps it.
    expect(extractFields('income', lines('姓名:艾力强身份证号:440303198407217281')).fields.name).toBe('艾力强');
    // Four characters after such a start are a transliterated name too (no Chinese name of four has a single surname);
    // a compound surname's four are a Chinese name.
    const four = extractFields('income', lines('姓名:艾力艾引身份证号:440303198407217281'));
    expect(four.fields.name).toBe('艾力·艾引');
    expect(four.reads.name!.evidence).toBe('repaired');
    expect(extractFields('income', lines('姓名:欧阳丽娜身份证号:440303198407217281')).fields.name).toBe('欧阳丽娜');
    expect(extractFields('income', lines('姓名:古丽·努尔身份证号:440303198407217281')).reads.name!.evidence).toBe('valid');
  });

  it("takes the applicant's name and number where the letter's line broke inside 公民 (潘轩(公 / 民身份号码…), never the spouse's number", () => {
    const letter = (id: string) => extractFields('property', lines('无房产证明', '经查询深圳市不动产登记信息系统,截至2026年4月3日,申请人潘轩(公', `民身份号码:${id})名下无登记记录;其配偶高璐雨(公民`, '身份号码:510107199102246740)名下无登记记录。'));
    const e = letter('440307196912065799');
    expect(e.fields).toMatchObject({ name: '潘轩', idNumber: '440307196912065799' });
    expect(e.reads.name!.evidence).toBe('valid');
    // The applicant's number misread: it is shown as unreadable, not replaced by the spouse's.
    const misread = letter('4403071969I12065799');
    expect(misread.fields.idNumber).not.toBe('510107199102246740');
    expect(misread.reads.idNumber!.evidence).toBe('invalid');
  });

  it('reads the no-record sentence of a property search by its 未 before 在本市的不动产登记记录, whatever was misread between', () => {
    const search = (sentence: string) => extractFields('property', lines('深圳市不动产登记信息查询结果', '权利人:沈军身份证号码:440309198007081993', sentence, '查询日期:2025年08月20日')).fields.hasProperty;
    expect(search('经载闻,截责有日,未益购到成与对象在本市的不动产登记记求')).toBe('无');
    expect(search('有向截未在到查所对学在本的不产记记')).toBe('无');
    expect(search('经查询,登查询日,来查询创该查询对象在本市的不动产登记记录,')).toBe('无');
    // The sentence saying there are records is no "none".
    expect(search('经查询,该查询对象在本市有不动产登记记录如下:')).toBeUndefined();
  });

  it('marks an employer naming a district Shenzhen does not have for the clerk (深圳市禄国区…)', () => {
    const e = extractFields('income', lines('收入证明', '姓名:皇甫文然身份证号:440306199906237977', '工作单位:深圳市禄国区国的小学'));
    expect(e.fields.employer).toBe('深圳市禄国区国的小学');
    expect(e.reads.employer!.evidence).toBe('invalid');
    expect(e.notes.employer).toContain('禄国区');
    // A district of Shenzhen's, or an area word before 区 (工业区), is as good as read.
    expect(extractFields('income', lines('工作单位:深圳市福田区园岭小学')).reads.employer!.evidence).toBe('valid');
    expect(extractFields('income', lines('工作单位:深圳市工业区开发有限公司')).reads.employer!.evidence).toBe('valid');
    // An area word one character from a district's name is that district misread (商山区: 南山区 or 坪山区).
    expect(extractFields('social', lines('参保单位深圳市商山区人民医院')).reads.employer!.evidence).toBe('invalid');
  });

  it("completes an employer whose cell wrapped before or inside its legal form, and puts back 深圳's 深 before a trade name", () => {
    // Wrapped before it: the next line is the legal form alone.
    const wrapped = extractFields('income', lines('职工收入证明', '姓名温波性别男', '工作单位深圳迈科人力资源服务所属部门技术研发中心', '股份有限公司', '职务质检员入职时间2014年6月11日'));
    expect(wrapped.fields.employer).toBe('深圳迈科人力资源服务股份有限公司');
    // Inside 分公司, the next cell's label read on after 分公 (司 on the next line, or after that cell).
    for (const row of [['参保单位:深圳市海派建筑工程有限公司南山分公打印日期:2026-06-16', '司'], ['参保单位:深圳市海派建筑工程有限公司南山分公打印日期:2026-06-16司缴费历史']]) {
      expect(extractFields('social', lines('个人参保缴费信息', '姓名:宋新参保状态:在职参保', ...row)).fields.employer).toBe('深圳市海派建筑工程有限公司南山分公司');
    }
    // 深 of 深圳 misread before a trade name, no 市 after it.
    const letter = extractFields('social', lines('参保证明', '兹证明田小坤(公民身份号码:421127199412051759)由蒲圳恒丰建筑工程股份', '有限公司坂田分公司按月为其缴纳社会保险费'));
    expect(letter.fields.employer).toBe('深圳恒丰建筑工程股份有限公司坂田分公司');
    expect(letter.reads.employer!.evidence).toBe('repaired');
    // A name read whole is left as it is.
    expect(extractFields('income', lines('工作单位深圳迈科人力资源有限公司所属部门技术研发中心', '股份有限公司')).fields.employer).toBe('深圳迈科人力资源有限公司');
  });

  it('reads an employer whose last word was read one character wrong (…实验室品究院), and a year\'s income that lost 收 (年度总入为)', () => {
    const social = extractFields('social', lines('社会保险个人参保证明', '单位名称:深圳湾实验室品究院'));
    expect(social.fields.employer).toBe('深圳湾实验室研究院');
    expect(social.reads.employer!.evidence).toBe('repaired');
    expect(extractFields('income', lines('收入证明', '工作单位:深圳湾实验室品究院')).fields.employer).toBe('深圳湾实验室研究院');
    // A word one character from two endings (管理所, 管理站, 管理处) is left unread.
    expect(extractFields('social', lines('单位名称:深圳市南山区管理X')).fields.employer).toBeUndefined();
    const income = extractFields('income', lines('收入证明', '古丽·努尔,身份证号:440307198205137676,于2009年入职我单位,任职', '员。年度总入为人民币107400元,每月应发工资8,400.00元。'));
    expect(income.fields).toMatchObject({ annualIncome: 107400, monthlyIncome: 8400 });
  });

  it("reads a year's income written in upper case only with digits misread as the months' pay that writes it, never as sure", () => {
    const letter = (upper: string) => extractFields('income', lines('收入证明', '姓名:皇甫文然身份证号:440306199906237977', '月收入(税前)为7,400.00', `年均收入人民币(大写)${upper}`, '2025.05.28'));
    const e = letter('期万制仟捌佰元整');
    expect(e.fields.annualIncome).toBe(88800);
    expect(e.reads.annualIncome!.evidence).toBe('repaired');
    expect(e.notes.annualIncome).toContain('期万制仟捌佰元整');
    // The month's pay is not confirmed by a total it made.
    expect(e.reads.monthlyIncome!.evidence).toBe('valid');
    // A digit read as another digit is another number; too many lost, or a unit lost, says nothing.
    expect(letter('期万制仟伍佰元整').fields.annualIncome).toBeUndefined();
    expect(letter('期万制仟期佰元整').fields.annualIncome).toBeUndefined();
    expect(letter('期万制仟捌期元整').fields.annualIncome).toBeUndefined();
  });

  it('ends a name at its sex label misread (莫芳性制), takes no label for a name (性女), and drops a history row\'s 至今 before the employer', () => {
    expect(personName('莫芳性制', [])?.name).toBe('莫芳');
    expect(personName('性女', [])).toBeUndefined();
    expect(personName('莫芳', [])).toEqual({ name: '莫芳', trimmed: false });
    expect(extractFields('social', lines('姓名:张伟', '参保单位:至今深圳市宝安区人民医院')).fields.employer).toBe('深圳市宝安区人民医院');
  });

  it("reads a statement's period whose dates each lost a separator (202408-13至2025-08-13), as repaired", () => {
    const e = extractFields('bank', lines('中国农业银行个人客户交易明细清单', '客户姓名:闫艳秀账号:6295367979452877265', '查期:2024-09-04至202509-04', '交月期要收入支出余额', '收入合:133,200.00期末余额:145.362.00'));
    expect(e.fields).toMatchObject({ periodStart: '2024-09-04', periodEnd: '2025-09-04' });
    expect(e.reads.periodEnd!.evidence).toBe('repaired');
    expect(e.notes.periodEnd).toContain('202509-04');
    expect(extractFields('bank', lines('起止H周:202408-13至2025-0813')).fields).toMatchObject({ periodStart: '2024-08-13', periodEnd: '2025-08-13' });
    // Not a date: 2024-13-08 read without a separator is no date at all.
    expect(extractFields('bank', lines('起止日期:202413-08至2025-08-13')).fields.periodStart).not.toBe('2024-13-08');
  });

  it('reads a date in Chinese numerals read small (十 as +, 一 as — or -, 〇 as 口, 日 as 目 or lost), as repaired', () => {
    expect(readLooseCnDate('二〇二四年+一月+八日')).toBe('2024-11-18');
    expect(readLooseCnDate('二00二年-月五口')).toBe('2002-01-05');
    expect(readLooseCnDate('二口二四年五月九白')).toBe('2024-05-09');
    expect(readLooseCnDate('三0二四年八月二十七日')).toBe('2024-08-27');
    expect(readLooseCnDate('二〇二四年十—月十八')).toBe('2024-11-18');
    // 〇 lost after 二 (二二五年: only 二〇二五 gives that), 一 read as a hyphen.
    expect(readLooseCnDate('二二五年一月十-日')).toBe('2025-01-11');
    expect(extractFields('income', lines('工资收入证明', '该员工月工资收入为人民币27100.00元。', '单位联系人:行政部电话:0755-43951597深圳市光月精密模具有限责任公司会二二五年一月十-日')).fields.date).toBe('2025-01-11');
    // A month no numeral can be is no date.
    expect(readLooseCnDate('二〇二四年丑月九日')).toBeUndefined();
    const letter = extractFields('income', lines('收入证明', '姓名:张伟', '深圳市福田区园岭小学', '二〇二四年十一月十八目'));
    expect(letter.fields.date).toBe('2024-11-18');
    expect(letter.reads.date!.evidence).toBe('repaired');
    const old = extractFields('marriage', lines('结婚证', '(96)深南婚字第2185号', '覃志宇男28岁', '王芳女34岁', '深圳市人民政府婚姻登记处', '一九九六年二月九目'));
    expect(old.fields.registrationDate).toBe('1996-02-09');
    const dashed = extractFields('marriage', lines('结婚证', '(02)深罗婚字第2592号', '赵明斌男22岁', '魏雪琳女35岁', '深圳市人民政府婚姻登记处', '二00二年-月五口'));
    expect(dashed.reads.registrationDate).toMatchObject({ value: '2002-01-05', evidence: 'repaired' });
  });

  it("puts back an old certificate number's 婚字 read small ((93)深南宇第2426号), as repaired, and nothing else", () => {
    const number = (line: string) => extractFields('marriage', lines('结婚证', line, '郑鹏国男25岁', '赵丽琳女35岁', '一九九三年十一月十五日')).reads.certificateNumber;
    expect(number('(93)深南宇第2426号')).toMatchObject({ value: '(93)深南婚字第2426号', evidence: 'repaired' });
    expect(number('(93)深南端字第2426号')!.value).toBe('(93)深南婚字第2426号');
    expect(number('（93）深罗结宇第0426号')!.value).toBe('(93)深罗结字第0426号');
    expect(number('(93)深南婚字第2426号')).toMatchObject({ value: '(93)深南婚字第2426号', evidence: 'valid' });
    expect(number('(93)深圳市第2426号')).toBeUndefined();
  });

  it("mends an old Shenzhen number read small: its 第 lost, its 深 lost, its district read as a look-alike; another city's is left", () => {
    const page = (number: string, office: string) => extractFields('marriage', lines('结婚证', number, '黄子博男30岁', '闫娜雪女30岁', office, '一九九七年三月八日')).reads.certificateNumber;
    const shenzhen = '深圳市人民政府婚姻登记处';
    expect(page('(87)深宝婚字0918号', shenzhen)).toMatchObject({ value: '(87)深宝婚字第0918号', evidence: 'repaired', note: expect.stringContaining('第') });
    expect(page('(91)罗婚字第1740号', shenzhen)).toMatchObject({ value: '(91)深罗婚字第1740号', evidence: 'repaired' });
    expect(page('(91)罗婚字第1740号', '深城市人民政府婚端登记处')!.value).toBe('(91)深罗婚字第1740号');
    expect(page('(98)浠福婚字第5684号', '浠圳市福田区民政局婚姻登记处')!.value).toBe('(98)深福婚字第5684号');
    expect(page('(97)深室婚字第1427号', shenzhen)).toMatchObject({ value: '(97)深宝婚字第1427号', evidence: 'repaired', note: expect.stringContaining('“室”按“宝”') });
    expect(page('(97)深宝婚字第1427号', shenzhen)).toMatchObject({ value: '(97)深宝婚字第1427号', evidence: 'valid' });
    expect(page('(91)罗婚字第1740号', '广州市人民政府婚姻登记处')).toMatchObject({ value: '(91)罗婚字第1740号', evidence: 'valid' });
    expect(page('(97)穗室婚字第1427号', '广州市人民政府婚姻登记处')).toMatchObject({ value: '(97)穗室婚字第1427号', evidence: 'valid' });
  });

  it("reads the older design's date of issue, its year misread, in the year its number carries, as repaired; a year that disagrees is no date", () => {
    const page = (number: string, date: string) => extractFields('marriage', lines('结婚证', number, '梁伟博男22岁', '吴婷女39岁', '深圳市人民政府婚姻登记处', date)).reads.registrationDate;
    expect(page('(93)深福婚字第0695号', '九三年二月二十六H')).toMatchObject({ value: '1993-02-26', evidence: 'repaired', note: expect.stringContaining('1993年') });
    expect(page('(88)深南婚字第0164号', '一九V八年四月二十六日')).toMatchObject({ value: '1988-04-26', evidence: 'repaired' });
    expect(page('(88)深南婚字第0164号', '一九九七年四月二十六H')).toBeUndefined();
    expect(page('(02)深南婚字第0164号', '二O〇V年四月二十六日')).toMatchObject({ value: '2002-04-26', evidence: 'repaired' });
    expect(page('(93)深福婚字第0695号', '一九九三年二月二十六日')).toMatchObject({ value: '1993-02-26', evidence: 'valid' });
  });

  it("finds the older design's other party when its 男 or 女 was misread, as unlabelled, by the line beside the one found", () => {
    const e = extractFields('marriage', lines('结婚证', '(87)深宝婚字第0918号', '叶俊军明37岁', '朱婧女40岁', '深圳市人民政府婚姻登记处', '一九八七年十一月六日'));
    expect(e.fields).toMatchObject({ party1Name: '叶俊军', party2Name: '朱婧', registrationDate: '1987-11-06' });
    expect(e.reads.party1Name!.unlabelled).toBe(true);
    const after = extractFields('marriage', lines('结婚证', '(87)深宝婚字第0918号', '叶俊军男37岁', '朱婧安40岁', '深圳市人民政府婚姻登记处', '一九八七年十一月六日'));
    expect(after.fields).toMatchObject({ party1Name: '叶俊军', party2Name: '朱婧' });
    // A line of that shape that is not beside the party found is no party.
    const apart = extractFields('marriage', lines('结婚证', '叶俊军明37岁', '(87)深宝婚字第0918号', '朱婧女40岁', '一九八七年十一月六日'));
    expect(apart.fields.party1Name).toBeUndefined();
  });
});

describe('letters and forms read whole, the extraction finding what they say', () => {
  it("takes a form's name from its own short line, though an income page's lines run together", () => {
    const form = extractFields('income', lines('南方科技大学', '个人收入证明', '姓名汤雪', '工作单位南方科技大学', '月收入7,507.53元'));
    expect(form.fields).toMatchObject({ name: '汤雪', employer: '南方科技大学', monthlyIncome: 7507.53 });
    expect(form.reads.name!.evidence).toBe('valid');
    expect(extractFields('income', lines('个人收入证明', '姓名汤雪伟', '职务软件工程师')).fields.name).toBe('汤雪伟');
  });

  it('reads a transliterated name longer than five characters in a letter and in a record of parties', () => {
    const letter = extractFields('income', lines('收入证明', '现证明热依汗古丽·吐尔洪(公民身份号码:653101196703053401)自', '2008年08月至今在深圳市中科精密模具股份有限公司工作。'));
    expect(letter.fields.name).toBe('热依汗古丽·吐尔洪');
    expect(extractFields('income', lines('收入证明', '兹证明张伟同志(身份证号653101196703053401)在我公司工作')).fields.name).toBe('张伟');
    const record = extractFields('marriage', lines('婚姻登记记录证明', '经查询本市婚姻登记档案,吴翔泽(男,1963年08月24日出生,身份证件号:', '445202196308246291)与米热古丽·艾力(女,1966年09月26日出生,身份证件号', ':652801196609260006)于1994年08月16日在深圳市南山区民政局办理结婚登记'));
    expect(record.fields).toMatchObject({ party1Name: '吴翔泽', party2Name: '米热古丽·艾力', party2Gender: '女' });
  });

  it("names the parties after 当事人, and reads a registration date in Chinese numerals broken inside its year", () => {
    const e = extractFields('marriage', lines('婚姻状况证明', '经查,当事人何伟骁(男,1964-09-07出生,公民身份号码:440304196409073530', ')、司马娟玲(女,1966-03-27出生,公民身份号码:440311196603272801)已于二OO', '五年四月二日依法登记结婚(登记机关:深圳市南山区民政局;结婚证字号:', 'J440305-2005-007246),婚姻关系存续至今。', '深圳市南山区民政局', '2022-10-09'));
    expect(e.fields).toMatchObject({ party1Name: '何伟骁', party2Name: '司马娟玲', registrationDate: '2005-04-02', certificateNumber: 'J440305-2005-007246' });
  });

  it("reads a police letter's subject before (性别:…), its address over a broken label, and 户主 broken over a line", () => {
    const e = extractFields('hukou', lines('户籍证明', '兹有以下情况,特予证明:', '经查,我辖区常住人口中有澹台琳(性别:女,民族:汉族,出生日期:一', '九七九年五月二十四日,公民身份号码:430521197905240801),户口登记地', '址:广东省深圳市南山区粤海街道科苑路286号碧湖花园15栋2702房,系该户户', '主。', '特此证明。'));
    expect(e.fields).toMatchObject({ name: '澹台琳', relation: '户主', gender: '女', address: '广东省深圳市南山区粤海街道科苑路286号碧湖花园15栋2702房', idNumber: '430521197905240801' });
  });

  it('continues an address past an estate named after its door number, not past a room', () => {
    const head = ['户籍证明', '姓名:郑鹏康', '公民身份号码:52212119710613211X'];
    const broken = extractFields('hukou', lines(...head, '户籍地址:广东省深圳市福田区华富街道大冲社区前进一路41号锦绣江南四', '期7栋B座502室', '特此证明.'));
    expect(broken.fields.address).toBe('广东省深圳市福田区华富街道大冲社区前进一路41号锦绣江南四期7栋B座502室');
    const whole = extractFields('hukou', lines(...head, '户籍地址:广东省深圳市福田区华富街道前进一路41号锦绣江南7栋502室', '期满后请重新开具8号文件', '特此证明.'));
    expect(whole.fields.address).toBe('广东省深圳市福田区华富街道前进一路41号锦绣江南7栋502室');
  });

  it("takes the applicant's own clause of a property letter, and an ID number broken at the line's end", () => {
    const e = extractFields('property', lines('房产登记情况证明', '经查询深圳市不动产登记信息系统,截至2026年3月13日,', '申请人买买提江·吐尔洪(公民身份号码:6501021980070532', '75)名下无登记记录;其配偶彭琰(公民身份号码:4403071', '98109205085)名下有登记记录。', '权利人:彭琰粤(2021)深圳市不动产权第7117713号'));
    expect(e.fields).toMatchObject({ name: '买买提江·吐尔洪', idNumber: '650102198007053275', hasProperty: '无' });
    const owner = extractFields('property', lines('房产登记情况证明', '申请人张伟(公民身份号码:110105198503121234)名下有登记记录;其配偶名下无登记记录。'));
    expect(owner.fields.hasProperty).toBe('有');
  });

  it("finds an employer whose name broke after 深, or a public body's (图书馆)", () => {
    const social = extractFields('social', lines('参保证明', '兹证明范峰(身份证号:44162219780823579X)自2020年6月起在本市参加社会保险,现参保单位为深', '圳市启明商贸有限公司,截至2024年12月累计缴费51个月。'));
    expect(social.fields.employer).toBe('深圳市启明商贸有限公司');
    const library = extractFields('income', lines('深圳市宝安区图书馆', '收入证明', '兹证明韩梦梅同志(公民身份号码:440304198901173225)系我单位在编在', '岗工作人员。', '深圳市宝安区图书馆(盖章)', '二〇二六年六月十三日'));
    expect(library.fields.employer).toBe('深圳市宝安区图书馆');
  });

  it("gives an old certificate number issued in Shenzhen its 深 back (浠南婚字), and leaves another city's", () => {
    const body = (n: string, office: string) => lines('婚姻登记记录证明', '经查询本市婚姻登记档案,吴翔泽(男,1963年08月24日出生,身份证件号:445202196308246291)与李娜(女,1966年09月26日出生,身份证件号:652801196609260006)于1994年08月16日办理结婚登记', `,结婚证字号:${n}.`, office);
    expect(extractFields('marriage', body('(94)浠南婚字第6984号', '深圳市南山区民政局婚姻登记处')).reads.certificateNumber).toMatchObject({ value: '(94)深南婚字第6984号', evidence: 'repaired' });
    expect(extractFields('marriage', body('(94)穗南婚字第6984号', '广州市南沙区民政局婚姻登记处')).reads.certificateNumber).toMatchObject({ value: '(94)穗南婚字第6984号', evidence: 'valid' });
  });
});

describe('pages read small: labels misread around a value', () => {
  it('reads a nationality after its label read with one character wrong (民款:汉族), unlabelled; not a road named for one', () => {
    const list = extractFields('hukou', lines('常住人口登记卡', '姓名:麦敏诗', '户主或与户主关系:夫', '性:女', '民款:汉族'));
    expect(list.reads.ethnicity).toMatchObject({ value: '汉族', evidence: 'valid', unlabelled: true });
    expect(extractFields('hukou', lines('常住人口登记卡', '姓名:麦敏诗', '民您  回族  出生日期  1965年6月4日')).fields.ethnicity).toBe('回族');
    expect(extractFields('hukou', lines('常住人口登记卡', '姓名:麦敏诗', '住址:汉族路1号')).fields.ethnicity).toBeUndefined();
  });

  it("reads a letter's 月平均收入 whose 收 was misread (敢入) before its figure, and an employer after a stamp's remark misread ((装章)", () => {
    const letter = extractFields('income', lines('收入证明', '现证明闫慧芳(证件号码440106197706085809)在', '我公司工作,月平均敢入:5,800.00元,上一年度工资收入总额为', '81600.00元'));
    expect(letter.fields).toMatchObject({ monthlyIncome: 5800, annualIncome: 81600 });
    // Not a word before 入 with no figure after it.
    expect(extractFields('income', lines('收入证明', '月平均敢入见附表,共计5,800.00元')).fields.monthlyIncome).toBeUndefined();
    expect(extractFields('income', lines('收入证明', '(装章深圳市宝安区教育局')).fields.employer).toBe('深圳市宝安区教育局');
  });

  it("reads a bank statement's account after 号 whose label was misread, 收入含计 and 期本余额, but never an ID number as the account", () => {
    const e = extractFields('bank', lines('招商银行账户交易流水', '客户姓名:田秀皖号:6292838416685186921', '查询期间:2024-02-14至2025-02-14', '收入含计:59.400.00期本余额:76.131.00'));
    expect(e.fields).toMatchObject({ accountNumber: '6292838416685186921', creditTotal: 59400, closingBalance: 76131 });
    expect(e.reads.accountNumber!.unlabelled).toBe(true);
    expect(extractFields('bank', lines('招商银行账户交易流水', '客户姓名:田秀', '证件号:110105198503121234')).fields.accountNumber).toBeUndefined();
    expect(extractFields('bank', lines('招商银行账户交易流水', '收入含:59.400.00期余额:76.131.00')).fields).toMatchObject({ creditTotal: 59400, closingBalance: 76131 });
  });

  it('ends a name at the next label whose 身 was misread (于霞敏9份证号码), and takes no name from a sex cell alone (然性男, 性训女)', () => {
    for (const row of ['姓名:于霞敏9份证号码:440304199603242688', '姓名:于霞敏份证号码:440304199603242688']) {
      const e = extractFields('social', lines('深圳市社会保险参保缴费记录', row));
      expect(e.reads.name).toMatchObject({ value: '于霞敏', evidence: 'repaired' });
    }
    expect(extractFields('social', lines('姓名:王身份证号码:440304199603242688')).fields.name).toBeUndefined();
    const parties = extractFields('marriage', lines('结婚证', '姓名然性男', '身份证件号440106199011247591', '姓名性训女', '身份证件号44030719750303438X'));
    expect(parties.fields.party1Name).toBeUndefined();
    expect(parties.fields.party2Name).toBeUndefined();
  });

  it("reads a certificate number read small: a dash lost (J4403042018-001062), its J read 1 (1440304-2018-001062), never an ID number", () => {
    const lost = extractFields('marriage', lines('结婚证', '登记日期2018年06月05日', '结婚证字号J4403042018-001062'));
    expect(lost.fields.certificateNumber).toBe('J440304-2018-001062');
    const one = extractFields('marriage', lines('结婚证', '婚证:字号1440304-2018-001062'));
    expect(one.reads.certificateNumber).toMatchObject({ value: 'J440304-2018-001062', evidence: 'repaired' });
    expect(one.notes.certificateNumber).toContain('1440304-2018-001062');
    expect(extractFields('marriage', lines('结婚证', '身份证件号14403041988010112')).fields.certificateNumber).toBeUndefined();
  });

  it("takes no 名称 into an employer when a row ending 参保 stands over 单位名称 (参保 / 单位 read as one label)", () => {
    const e = extractFields('social', lines('深圳市社会保险个人参保缴费证明', '姓名谢平性别男', '身份证号码440309198808257135参保状态正常参保', '单位名称深圳市百合佳物业管理有限责任公司', '累计缴费月数(养老)39首次参保年月202202'));
    expect(e.fields.employer).toBe('深圳市百合佳物业管理有限责任公司');
  });

  it("cuts a stamp's mark read on after a party's name when the holder's name is the rest (邵金鹏点), never a given name's character (尹国弢)", () => {
    const e = extractFields('marriage', lines('结婚证', '持证人邵金鹏', '登记日期2024年8月11日', '姓名邵金鹏点', '性别男', '姓名姚月肪', '性别女'));
    expect(e.reads.party1Name).toMatchObject({ value: '邵金鹏', evidence: 'repaired' });
    expect(e.notes.party1Name).toContain('邵金鹏点');
    expect(e.fields.party2Name).toBe('姚月肪');
    expect(extractFields('marriage', lines('结婚证', '持证人尹国', '姓名尹国弢', '性别男', '姓名姚月肪', '性别女')).fields.party1Name).toBe('尹国弢');
  });

  it('ends a name at its sex label whatever character 别 was read as (买买提·吐尔逊性彩男, 彭秀性制女)', () => {
    const e = extractFields('marriage', lines('结婚证', '持证人彭秀', '姓名买买提·吐尔逊性彩男', '身份证件号440306196304288597', '姓名彭秀性制女'));
    expect(e.fields).toMatchObject({ party1Name: '买买提·吐尔逊', party2Name: '彭秀' });
    expect(e.reads.party1Name!.evidence).toBe('repaired');
  });

  it('reads a self-employed business quoted after 个体工商户 whatever its name ends with, a line break at either quote mark or inside', () => {
    for (const rows of [['系个体工商户“', '西湖邵记汽车修理部”的经营者(统一社会信用代码92330106642618448X)'], ['系个体工商户“西湖邵记汽', '车修理部”的经营者']]) {
      const e = extractFields('income', lines('个人收入情况说明', `本人邵胜新,公民身份号码420106196911153876,${rows[0]}`, rows[1]!, '本人月平均纯收入约4903.00元'));
      expect(e.fields.employer).toBe('西湖邵记汽车修理部');
    }
  });

  it('takes the surname one stroke or radical from a first character no one bears (洗丽怡 → 冼丽怡), as a repair to check', () => {
    const e = extractFields('social', lines('姓名:洗丽怡身份证号码:440304199603242688'));
    expect(e.reads.name).toMatchObject({ value: '冼丽怡', evidence: 'repaired' });
    expect(e.notes.name).toContain('洗');
    expect(extractFields('property', lines('查询对象:广超 身份证号码:440304199603242688')).fields.name).toBe('邝超');
    expect(extractFields('marriage', lines('结婚证', '(92)深罗婚字第1327号', '沈文辉男28岁', '糖琳梦女36岁')).fields.party2Name).toBe('唐琳梦');
    // A known surname stays as read; so does a look-alike before a compound surname's second character.
    expect(extractFields('social', lines('姓名:王超身份证号码:440304199603242688')).reads.name).toMatchObject({ value: '王超', evidence: 'valid' });
    expect(extractFields('social', lines('姓名:扬阳婷身份证号码:440304199603242688')).fields.name).toBe('扬阳婷');
  });

  it('reads the name after 账户名称 whose first character was misread (联户名称:王思丽), never 称 as its surname', () => {
    for (const label of ['联户名称', '对户名称', '账户名称'])
      expect(extractFields('bank', lines('中国农业银行个人客户交易明细清单', `${label}:王思丽账号:6212874127485416102`)).fields.name).toBe('王思丽');
  });

  it("reads 上一年度工资农入总为 as a year's income, and 深市光明… as Shenzhen's", () => {
    const e = extractFields('income', lines('在职收入证明', '现证明魏丽同志(证件号码440311197006286943)在我公司工作,每月应发工资', '13,200.00元上一年度工资农入总为158.400.00元', '深市光明新材料股份公司', '2024.09.25'));
    expect(e.fields).toMatchObject({ monthlyIncome: 13200, annualIncome: 158400, employer: '深圳市光明新材料股份公司' });
    expect(extractFields('income', lines('在职收入证明', '上一年富工资入总续为158,400.00元')).fields.annualIncome).toBe(158400);
  });

  it("marks a months total fewer than its record's yearly rows sum, whatever was misread in them", () => {
    const rows = ['2023已肃C 12', '2022 D en 12', '2021 er e CM 12', '2020 ee CA en 12'];
    const low = extractFields('social', lines('社会保险个人参保证明', '姓名:郑秀身份证号码:430102199912138483', ...rows, '养老累计月数:9'));
    expect(low.reads.totalMonths).toMatchObject({ value: 9, evidence: 'invalid' });
    expect(low.reads.totalMonths!.note).toContain('48');
    const right = extractFields('social', lines('社会保险个人参保证明', '姓名:郑秀身份证号码:430102199912138483', ...rows, '养老累计月数:69'));
    expect(right.reads.totalMonths).toMatchObject({ value: 69 });
    expect(right.reads.totalMonths!.evidence).not.toBe('invalid');
  });
});

describe('readings weighed: a stray mark, rows run together, a number too short', () => {
  const reading = (reads: PageReading['reads']): PageReading => ({ kind: 'income', text: '', fields: {}, confidence: {}, notes: {}, reads, lines: [], skewDeg: 0, regions: 0 });
  const attempt = (method: Attempt['method'], reads: PageReading['reads']): Attempt => ({ method, reading: reading(reads), score: 0 });

  it('lets a name whose glyphs were matched replace a reading cut short only for the character they put', () => {
    const plain = (value: string) => ({ name: { value, type: 'name' as const, evidence: 'valid' as const, ocr: 0.9 } });
    const shaped = (value: string, from: string, put: string[]) => ({ name: { value, type: 'name' as const, evidence: 'valid' as const, ocr: 0.6, shaped: { from, put } } });
    // The second model read a speck before the name (元) and the glyphs made its second character: the name read twice stands.
    const stray = mergeFields([attempt('as-is', plain('敖伟强')), attempt('cells', plain('敖伟强')), attempt('cells:2', shaped('元敖伟强', '元X伟强', ['敖']))]);
    expect(stray.fields.name).toBe('敖伟强');
    // A rare character the first model cannot give, matched by its glyph at the name's end, completes it.
    const rare = mergeFields([attempt('as-is', plain('谢鑫')), attempt('cells', plain('谢鑫')), attempt('cells:2', shaped('谢鑫垚', '谢鑫', ['垚']))]);
    expect(rare.fields.name).toBe('谢鑫垚');
  });

  it('lets a name that lost its end give way to the longer reading only for a name\'s character, never for a stamp\'s read on after it', () => {
    const plain = (value: string, evidence: 'valid' | 'repaired' = 'valid') => ({ name: { value, type: 'name' as const, evidence, ocr: 0.9 } });
    // 店院 are no given name's characters: 袁芳 read twice stands.
    const stamp = mergeFields([attempt('as-is', plain('袁芳')), attempt('cells', plain('袁芳店院')), attempt('as-is:2', plain('囊芳')), attempt('cells:2', plain('责芳'))]);
    expect(stamp.fields.name).toBe('袁芳');
    // 华 is: the reading that kept it wins as before.
    const lost = mergeFields([attempt('as-is', plain('袁芳')), attempt('cells', plain('袁芳华')), attempt('as-is:2', plain('囊芳')), attempt('cells:2', plain('责芳'))]);
    expect(lost.fields.name).toBe('袁芳华');
  });

  it("takes no closing balance from an entry when a later entry's row ran into another", () => {
    const head = ['中国工商银行活期储蓄存折第1页', '日期  摘要支取(-)  存入(+)  余额  网点号  操作员', '户名:陈薇琛账号:6227009906236290806'];
    const merged = extractFields('bank', lines(...head, '2024-10-14  工资6802.72  62587.22  58081  7894', '2024-11-14  工资6331.79  68919.01  58081  7894', '2024-12-14工资6170.61 75089.62 2025-01-14工资5915.71 81005.33  58081 58081  7894 7894'));
    expect(merged.fields.closingBalance).toBeUndefined();
    const apart = extractFields('bank', lines(...head, '2024-10-14  工资6802.72  62587.22  58081  7894', '2024-11-14  工资6331.79  68919.01  58081  7894'));
    expect(apart.fields.closingBalance).toBe(68919.01);
  });

  it('marks an account number too short for a UnionPay card, or masked after five digits, for the clerk', () => {
    const account = (line: string) => extractFields('bank', lines('个人账户对账单', line)).reads.accountNumber!;
    expect(account('户名:李霞月账号:621799045701782').evidence).toBe('invalid');
    expect(account('户名:李霞月账号:6217990457017821544').evidence).toBe('valid');
    expect(account('户名:吕秀账号:23058***2050').evidence).toBe('invalid');
    expect(account('户名:吕秀账号:6230****2050').evidence).toBe('valid');
    expect(account('户名:吕秀账号:440300123456').evidence).toBe('valid');
  });

  it("takes the employer the letter's sentence names over a signature a stamp spoiled, never its own 我公司", () => {
    const e = extractFields('income', lines('工资收入证明', '兹证明诸葛国(公民身份号码130182196712033019)为深圳市深蓝供应链管理股份有限公司在', '职员工,其近十二个月工资收入明细如下:', '深圳心供应链管理份有限公司', '二〇二六年九月二十日'));
    expect(e.fields.employer).toBe('深圳市深蓝供应链管理股份有限公司');
    const own = extractFields('income', lines('收入证明', '兹证明张伟同志(身份证号653101196703053401)在我公司工作。', '深圳市华南教育咨询有限公司', '二〇二六年九月二十日'));
    expect(own.fields.employer).toBe('深圳市华南教育咨询有限公司');
  });
});

describe('clean pages, phrasing and layout the extraction had not met', () => {
  it("reads a record table's row read whole (结婚2019年01月23日J440304-…) for the registration date, not the letter's date", () => {
    const e = extractFields('marriage', lines('婚姻登记记录证明', '经查询全国婚姻登记信息系统,袁浩宇(公民身份号码:441421199206067954)有以下婚', '姻登记记录:', '类别登记日期结婚证字号姓名性别出生日期身份证件号', '结婚2019年01月23日J440304-2019-013027袁浩宇男1992年06月06日441421199206067954', '深圳市福田区民政局杜敏诗女1996年02月21日440307199602210069', '深圳市福田区民政局', '2019年10月18日'));
    expect(e.fields).toMatchObject({ registrationDate: '2019-01-23', certificateNumber: 'J440304-2019-013027' });
  });

  it("confirms a divorce certificate's L number by its registration year, as a marriage's J", () => {
    const e = extractFields('marriage', lines('离婚证', '持证人侯秀桂', '登记日期2024年7月25日', '离婚证字号L420106-2024-005225'));
    expect(e.reads.certificateNumber).toMatchObject({ value: 'L420106-2024-005225', evidence: 'checked' });
    expect(e.reads.registrationDate!.evidence).toBe('checked');
  });

  it("reads what was paid for a named year (2025年度累计向其支付劳务报酬) as the year's income", () => {
    const e = extractFields('income', lines('劳务报酬证明', '兹有古丽娜尔·吐尔逊(身份证号:110105199308133592),非我单位在职员工,2025年度', '以个人身份为我单位提供软件测试服务。我单位2025年度累计向其支付劳务报酬(税前)人民币', '65,431.26元,已依法代扣代缴个人所得税。', '南京金陵餐饮管理有限公司', '2026年4月26日'));
    expect(e.fields).toMatchObject({ name: '古丽娜尔·吐尔逊', annualIncome: 65431.26, employer: '南京金陵餐饮管理有限公司' });
  });

  it('takes a hyphen between the parts of a transliterated name for its middle dot (巴特尔-朝鲁)', () => {
    const e = extractFields('property', lines('深圳市不动产登记信息查询结果', '权利人巴特尔-朝鲁', '证件号码440308197707150856', '查询结果该权利人名下无不动产登记记录'));
    expect(e.fields.name).toBe('巴特尔·朝鲁');
    expect(extractFields('property', lines('权利人张伟', '证件号码440308197707150856')).fields.name).toBe('张伟');
    // Also in a letter's sentence, where no label stands before it.
    const letter = (name: string) => extractFields('income', lines('在职及收入证明', `兹有我单位职工${name},性别女,身份证号440305198909157402,于2021年4月26日`, '入职,在市场部担任主管一职。')).fields.name;
    expect(letter('古丽娜尔-阿不都')).toBe('古丽娜尔·阿不都');
    expect(letter('古丽娜尔—阿不都')).toBe('古丽娜尔·阿不都');
  });
});

describe('two parties, statements without commas, labels broken over a line', () => {
  const reading = (reads: PageReading['reads']): PageReading => ({ kind: 'marriage', text: '', fields: {}, confidence: {}, notes: {}, reads, lines: [], skewDeg: 0, regions: 0 });
  const attempt = (method: Attempt['method'], reads: PageReading['reads']): Attempt => ({ method, reading: reading(reads), score: 0 });
  const name = (value: string, evidence: 'valid' | 'checked' = 'valid') => ({ value, type: 'name' as const, evidence, ocr: 0.9 });

  it('never gives both parties one name: the one fewer readings gave takes its other reading', () => {
    // The second model took the parties the other way round, its party1 confirmed by the holder's name.
    const m = mergeFields([
      attempt('as-is', { party1Name: name('余浩宇'), party2Name: name('洪丽琳', 'checked') }),
      attempt('as-is:2', { party1Name: name('洪丽琳', 'checked'), party2Name: name('余浩字') }),
    ]);
    expect(m.fields).toMatchObject({ party1Name: '余浩宇', party2Name: '洪丽琳' });
    expect(m.reads.party1Name!.evidence).toBe('repaired');
    expect(m.notes.party1Name).toContain('洪丽琳');
    const more = mergeFields([
      attempt('as-is', { party1Name: name('周斌华'), party2Name: name('韦婧') }),
      attempt('cells', { party1Name: name('周斌华'), party2Name: name('韦销') }),
      attempt('as-is:2', { party1Name: name('韦寻'), party2Name: name('周斌华', 'checked') }),
    ]);
    expect(more.fields).toMatchObject({ party1Name: '周斌华', party2Name: '韦婧' });
    // Two parties of different names are left as decided.
    const apart = mergeFields([attempt('as-is', { party1Name: name('张伟'), party2Name: name('李娜') })]);
    expect(apart.fields).toMatchObject({ party1Name: '张伟', party2Name: '李娜' });
  });

  it("reads a statement's closing balance from rows whose amounts ran together, under bare 收入 支出 余额 columns", () => {
    const e = extractFields('bank', lines('交通银行', '户名:杜珊芳账号:6222609112061459460币种:人民币', '起止日期:20230901至20240131', '交易日期摘要收入支出余额对方户名', '20230905信用卡还款561.18 23101.64', '20240112转账存入4500.00 75411.48欧志轩', '20240130代扣2333.18 74578.30深圳供电局有限公司', '收入合计:70119.65支出合计:19204.17交易笔数:23'));
    expect(e.fields).toMatchObject({ creditTotal: 70119.65, closingBalance: 74578.3 });
    expect(e.reads.closingBalance!.unlabelled).toBe(true);
  });

  it('ends a relation at the next heading a row ran into (长子登记事项变更)', () => {
    const e = extractFields('hukou', lines('常住人口登记卡', '户主或与户主关系长子登记事项变更', '性别男民族汉族变更登记', '公民身份号码440311201703241096'));
    expect(e.fields.relation).toBe('长子');
  });

  it("finds a letter's employer whose label broke over the line (现参保 / 单位为…)", () => {
    const e = extractFields('social', lines('参保证明', '兹证明龚勇(身份证号:440310199902145754)自2019年9月起在本市参加社会保险,现参保', '单位为深圳市力拓精密模具有限公司,截至2024年12月累计缴费64月。'));
    expect(e.fields.employer).toBe('深圳市力拓精密模具有限公司');
    const late = extractFields('social', lines('参保证明', '兹证明于或艳(身份证号:410526199104261466)自2022年5月起在本市参加社会保险,现参保单', '位为深圳智联电子科技有限公司,截至2025年2月累计缴费29个月。'));
    expect(late.fields.employer).toBe('深圳智联电子科技有限公司');
  });
});

describe('forms and letters: figures under their headings, 收人 for 收入, names of firms broken over a line', () => {
  it("reads a form's row of figures under its row of headings: the month's first, the year's second", () => {
    const e = extractFields('income', lines('个人收入证明', '月均收入(税前,元)  年收入(税前,元)  大写', '27,850.00  334,200.00  叁拾叁万肆仟贰佰元整'));
    expect(e.fields).toMatchObject({ monthlyIncome: 27850, annualIncome: 334200 });
    const apart = extractFields('income', lines('个人收入证明', '月均收入(税前,元)年收入(税前,元)', '27,85000大写', '334,200.00'));
    expect(apart.fields).toMatchObject({ monthlyIncome: 27850, annualIncome: 334200 });
  });

  it('reads 收人, the usual misreading of 收入, in a month’s and a year’s pay', () => {
    const month = extractFields('income', lines('收入证明', '兹证明杨一敏(身份证号码:441581197806113507)系我单位正式员工,该同志近一年月均收人为人民币', '20.210.77元(税前)。'));
    expect(month.fields.monthlyIncome).toBe(20210.77);
    expect(extractFields('income', lines('收入证明', '兹证明张三(身份证号码:441581197806113507)在我单位工作,年收人为人民币120,000.00元。')).fields.annualIncome).toBe(120000);
  });

  it("puts right a firm's legal form two characters wrong, one window after another (股分有限公心)", () => {
    const e = extractFields('income', lines('收入证明', '单位名称(盖章):', '深圳嘉信建筑工程股分有限公心光明分公司', '日期:2025年4月23日'));
    expect(e.fields.employer).toBe('深圳嘉信建筑工程股份有限公司光明分公司');
    expect(e.reads.employer!.evidence).toBe('repaired');
  });

  it('finds an employer whose 分公司 broke before its 公司 (…南山分 / 公司按月为其缴纳…)', () => {
    const e = extractFields('social', lines('参保证明', '月起在本市参加社会保险,现由深圳市佳宝精密模具有限公司南山分', '公司按月为其缴纳社会保险费。'));
    expect(e.fields.employer).toBe('深圳市佳宝精密模具有限公司南山分公司');
  });

  it("takes the room on the next line after a building (…18栋 / B1102), and a record row's 婚 date with its 结 misread", () => {
    const e = extractFields('hukou', lines('户籍证明', '姓名:赵明杰', '住址:深圳市龙华区观澜街道沙河西路103号水围村三期18栋', 'B1102', '上述人员系我辖区常住户口'));
    expect(e.fields.address).toBe('深圳市龙华区观澜街道沙河西路103号水围村三期18栋B1102');
    const m = extractFields('marriage', lines('婚姻登记记录证明', '结婚证字号姓名性别出生日期身份证件号', 'J440303-2009000517龚林凯男1974/05/22 360124197405220272', '活婚2009/12/25', '深圳市罗湖区民政局', '2026年8月28日'));
    expect(m.fields.registrationDate).toBe('2009-12-25');
  });

  it('takes no relation from the heading 户主姓名 beside 与户主关系, but 户主 before a name is one', () => {
    const e = extractFields('hukou', lines('户籍信息查询结果', '与户主关系户主姓名户号妻蒋然杰879922341户籍地址广东省深圳市坪山区'));
    expect(e.fields.relation).toBeUndefined();
    expect(extractFields('hukou', lines('与户主关系户主姓名张三')).fields.relation).toBe('户主');
  });
});

describe("an app's card of two schemes, a sex label misread, a firm's name cut short, a letter's salutation", () => {
  it("takes the pension's months from under its heading where two schemes' counts share a line", () => {
    const card = (counts: string) => extractFields('social', lines('参保缴费记录', '参保人', '侯峰俊正常参保', '养老保险累计缴费医疗保险累计缴费', counts, '个月', '缴费明细')).reads.totalMonths;
    expect(card('175 194个月')).toMatchObject({ value: 175, evidence: 'valid' });
    expect(card('29 33个月')!.value).toBe(29);
    // One count alone may be either scheme's: given, for the clerk to check.
    expect(card('164个月')).toMatchObject({ value: 164, evidence: 'invalid' });
    const medicalFirst = extractFields('social', lines('参保人', '医疗保险累计缴费养老保险累计缴费', '194 175个月')).reads.totalMonths;
    expect(medicalFirst!.value).toBe(175);
  });

  it('ends a name at its sex label read 性则, and a name ended by 性别 read right stays as sure as it was', () => {
    const e = extractFields('marriage', lines('结婚证', '持证人韩蕾薇', '姓名张伟性别男', '姓名韩蕾薇性则·女'));
    expect(e.fields.party2Name).toBe('韩蕾薇');
    expect(e.reads.party2Name!.evidence).toBe('repaired');
    expect(e.reads.party1Name).toMatchObject({ value: '张伟', evidence: 'valid' });
  });

  it("joins an employer whose 公司 went to the next line (…有限所属部门 / 公司), and never gives one cut short as whole", () => {
    const e = extractFields('income', lines('职工收入证明', '姓名区婷', '工作单位丰田通商(深圳)有限所属部门综合管理部', '公司'));
    expect(e.reads.employer).toMatchObject({ value: '丰田通商(深圳)有限公司', evidence: 'valid' });
    // Nothing on the next line to join: no name cut short is given as whole.
    const cut = extractFields('income', lines('职工收入证明', '姓名区婷', '工作单位丰田通商(深圳)有限所属部门综合管理部', '职务工程师'));
    expect(cut.reads.employer?.evidence ?? 'none').not.toBe('valid');
  });

  it('names the person a letter is addressed to on a line of their own (努尔别克·努尔兰:), never an office', () => {
    const e = extractFields('property', lines('不动产登记信息查询结果告知单', '查询编号:CX202502182127', '努尔别克·努尔兰:', '经查询深圳市不动产登记簿,截至2025年02月18日,努尔别克·努尔', '兰(证件号码:654002198305113633)在深圳市范围内无不动产登记', '记录。'));
    expect(e.fields).toMatchObject({ name: '努尔别克·努尔兰', hasProperty: '无' });
    expect(extractFields('property', lines('查询结果告知单', '深圳市住房保障受理窗口:', '经查询,无不动产登记记录。')).fields.name).toBeUndefined();
  });
});

describe('whose record: the applicant among the household, a party after 当事人', () => {
  it("takes the applicant's row of a household's table whose results say 有房产登记记录, and the applicant's clause broken before 无", () => {
    const table = extractFields('property', lines('申请家庭成员住房情况查询结果', '申请人:郑薇娜查询日期:2025-02-05', '序号姓名与申请人关系身份证号码查询结果房屋坐落', '郑薇娜本人222401196403014801有房产登记记录深圳市罗湖区清水河街道观澜大道6012号幸福海岸2栋3104', '2李锋锋配偶222401196409035291无房产登记记录1', '3李红女儿222401199107294742无房产登记记录'));
    expect(table.fields.hasProperty).toBe('有');
    const clause = extractFields('property', lines('房产登记情况证明', '申请人方磊健(公民身份号码:350203199807113075)名下', '无登记记录;其配偶贺艳燕(公民身份号码:4301041988070', '18103)名下有登记记录。', '权利人:贺艳燕粤(2024)深圳市不动产权第9626499号'));
    expect(clause.fields.hasProperty).toBe('无');
  });

  it('never takes 当事人 into a short name after it', () => {
    const e = extractFields('marriage', lines('结婚登记证明', '经查,当事人曾超(男,一九七六年九月二十三日出生,公民身份号码:', '360732197609234556)、司徒慧玲(女,一九八六年五月六日出生,公民身份号码:', '440303198605068942)已于二O二一年六月十九日依法登记结婚'));
    expect(e.fields).toMatchObject({ party1Name: '曾超', party2Name: '司徒慧玲' });
  });
});
