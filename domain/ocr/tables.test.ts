import { describe, expect, it } from 'vitest';
import { extractFields } from './extract';
import type { ReadLine } from './labels';
import { unfoldTables } from './tables';

/** A line read by regions: its cells joined as the pipeline joins them, with one span per cell. */
function row(...cells: string[]): ReadLine {
  let at = 0;
  const spans = cells.map((c) => {
    const span = { start: at, end: at + c.length, confidence: 0.9 };
    at = span.end + 2;
    return span;
  });
  return { text: cells.join('  '), confidence: 0.9, spans };
}
const line = (text: string): ReadLine => ({ text, confidence: 0.9 });
const ID = '440303197701129624';

describe('tables whose labels are not beside their values', () => {
  it("reads a bank's income form: 月均收入(税前,元) and 年收入(税前,元) over their amounts, by cells or run together", () => {
    const page = [['个人收入证明'], ['工作单位(全称)'], ['深圳市中集医疗器械有限公司'], ['月均收入(税前,元)', '年收入(税前,元)', '大写'], ['10,900.00', '130,800.00', '壹拾参万零捌佰元整'], ['日期2026.03.04']];
    const want = { employer: '深圳市中集医疗器械有限公司', monthlyIncome: 10900, annualIncome: 130800 };
    expect(extractFields('income', page.map((cells) => (cells.length > 1 ? row(...cells) : line(cells[0]!)))).fields).toMatchObject(want);
    expect(extractFields('income', page.map((cells) => line(cells.join(' ')))).fields).toMatchObject(want);
  });

  it("reads a statement's boxes of labels over values, headings with their unit (元), by cells or run together", () => {
    const page = [['深圳农村商业银行收支明细'], ['户名', '卡号'], ['邓语宁', '6230583266841700295'], ['起始日期', '截止日期'], ['2025-01-24', '2025-05-27'], ['收入合计(元)', '期末余额(元)'], ['49,502.02', '78,535.05'], ['2025-02-10深圳市南方鑫源网络科技有限余额49,569.92']];
    const want = { name: '邓语宁', accountNumber: '6230583266841700295', periodStart: '2025-01-24', periodEnd: '2025-05-27', creditTotal: 49502.02, closingBalance: 78535.05 };
    expect(extractFields('bank', page.map((cells) => (cells.length > 1 ? row(...cells) : line(cells[0]!)))).fields).toEqual(want);
    expect(extractFields('bank', page.map((cells) => line(cells.join('')))).fields).toEqual(want);
  });

  it('reads a header row over a value row, cell by cell', () => {
    const lines = [line('不动产权属登记情况查询证明'), row('权利人', '证件号码', '查询结果'), row('顾萍', ID, '无登记记录'), line('查询日期:2026年07月04日')];
    expect(unfoldTables(lines).map((l) => l.text)).toEqual(['不动产权属登记情况查询证明', '权利人:顾萍', `证件号码:${ID}`, '查询结果:无登记记录', '查询日期:2026年07月04日']);
    expect(extractFields('property', lines).fields).toEqual({ name: '顾萍', idNumber: ID, hasProperty: '无', date: '2026-07-04' });
    // Each unfolded line remembers the recognised line its value came from.
    expect(unfoldTables(lines)[1]!.origin).toBe(2);
  });

  it('reads a statement\'s summary row (期初余额 | 贷方发生额 | 借方发生额 | 期末余额) but not its table of entries', () => {
    const lines = [line('客户名称:龙琪娜账号:6228486534840800198'), row('期初余额', '贷方发生额', '借方发生额', '期末余额'), row('1,539.39', '72,617.56', '31,215.16', '42,941.79'), row('交易日期', '摘要', '借方发生额', '贷方发生额', '余额'), row('20250505', '代发工资', '4,101.38', '4,111.38')];
    expect(extractFields('bank', lines).fields).toMatchObject({ creditTotal: 72617.56, closingBalance: 42941.79 });
    expect(unfoldTables(lines).map((l) => l.text).slice(-2)).toEqual([lines[3]!.text, lines[4]!.text]);
  });

  it('reads a terminal\'s long heading row whose one heading was cut in two (公民身份 | 码), and its run-together twin', () => {
    const id = '330106195910228032';
    const cut = [row('姓名', '性别', '民族', '出生日期', '与户主关系', '公民身份', '码', '户主姓名'), row('吴建', '男', '满族', '1959-10-22', '父亲', id.slice(0, 12), id.slice(12), '吴建东')];
    expect(extractFields('hukou', cut).fields).toMatchObject({ name: '吴建', gender: '男', ethnicity: '满族', birthDate: '1959-10-22', relation: '父亲' });
    const joined = [line('姓名性别民族出生日期与户主关系公民身份号码户主姓名'), line(`吴建男满族1959-10-22父亲${id}吴建东`)];
    expect(extractFields('hukou', joined).fields).toMatchObject({ name: '吴建', relation: '父亲', idNumber: id, ethnicity: '满族' });
  });

  it('reads a statement\'s account summary (期初余额 | 本期收入合计 | 本期支出合计 | 期末余额), and an export\'s count of credits and their sum', () => {
    const summary = [line('户名:曾庆頔 账号:6230583341402313472'), row('期初余额', '本期收入合计', '本期支出合计', '期末余额'), row('1,774.77', '101,384.00', '8,126.61', '95,032.16')];
    expect(extractFields('bank', summary).fields).toMatchObject({ creditTotal: 101384, closingBalance: 95032.16 });
    const exported = [line('姓名:唐峰 卡号:6216991234566279'), line('收入6笔,共¥127,035.00;支出16笔,共¥8,964.49'), row('交易时间', '摘要', '收/支', '金额', '余额', '交易对方'), row('2026-04-22 07:44:54', '消费', '支', '-816.22', '125,917.37', '深圳通充值'), row('2026-04-18 09:47:48', '代发工资', '收', '+24,991.00', '126,733.59', '深圳市金鹏物业管理有限公司')];
    // Newest first: the top entry's balance is the latest.
    expect(extractFields('bank', exported).fields).toMatchObject({ creditTotal: 127035, closingBalance: 125917.37 });
  });

  it('reads the household member a letter is about from its table of members, and the address up to its sentence\'s end', () => {
    const letter = [
      line('兹有申请人汤发飞(公民身份号码:360731200201132335)申请开具户籍信息证明。经查,其户籍登记在'),
      line('我所辖区,户籍地址:江西省于都县岭背镇中山路阳光华庭7栋108房。该户成员登记信息如下:'),
      row('序号', '姓名', '与户主关系', '性别', '民族', '出生日期', '公民身份号码'),
      row('1', '汤强浩', '户主', '男', '汉族', '1971-06-17', '360731197106174516'),
      row('2', '汤发飞', '次子', '男', '汉族', '2002-01-13', '360731200201132335'),
    ];
    expect(extractFields('hukou', letter).fields).toMatchObject({ name: '汤发飞', relation: '次子', birthDate: '2002-01-13', idNumber: '360731200201132335', address: '江西省于都县岭背镇中山路阳光华庭7栋108房' });
    // Without a person named before it, the first member's row is read.
    expect(extractFields('hukou', letter.slice(2)).fields).toMatchObject({ name: '汤强浩', relation: '户主' });
  });

  it('reads a payslip: the employer heading it, the name and the gross pay (应发合计) under their headings', () => {
    const slip = [
      line('深圳市南粤城市清洁服务有限公司2024年9月工资条'),
      line('工号:E61858部门:技术部发放日期:2024-10-29'),
      row('姓名', '出勤天数', '基本工资', '岗位津贴', '绩效奖金', '加班费', '其他补贴', '应发合计'),
      row('钟慧霞', '22', '7,950.00', '1,264.00', '5,249.96', '1,036.04', '300.00', '15,800.00'),
      row('养老保险', '医疗保险', '失业保险', '住房公积金', '个人所得税', '其他扣款', '扣款合计', '实发工资'),
      row('1,264.00', '316.00', '47.40', '1,580.00', '227.78', '0.00', '3,435.18', '12,364.82'),
    ];
    expect(extractFields('income', slip).fields).toMatchObject({ name: '钟慧霞', employer: '深圳市南粤城市清洁服务有限公司', monthlyIncome: 15800, date: '2024-10-29' });
  });

  it('cuts a value line under a header the reading ran together, by what each heading holds', () => {
    const lines = [line('个人住房信息查询结果'), line('姓名身份证号码住房情况'), line(`方阳${ID}无房`), line('查询日期:2024年6月8日')];
    expect(extractFields('property', lines).fields).toEqual({ name: '方阳', idNumber: ID, hasProperty: '无', date: '2024-06-08' });
    // A value from a closed list anchors the cut too (a relation, a gender, a nationality).
    expect(unfoldTables([line('姓名与户主关系'), line('庆海户主'), line('出生地民族'), line('广东省梅州市五华县汉')]).map((l) => l.text)).toEqual(['姓名:庆海', '与户主关系:户主', '出生地:广东省梅州市五华县', '民族:汉']);
    // Headings with nothing typed to anchor the cut (two places) are left alone.
    expect(unfoldTables([line('出生地籍贯'), line('河南省周口市四川省南充')]).map((l) => l.text)).toEqual(['出生地籍贯', '河南省周口市四川省南充']);
  });

  it('unfolds one column per person of a side-by-side certificate under its heading', () => {
    const lines = [
      line('结婚证'),
      row('一方', '另一方'),
      row('姓名', '张伟', '蒋秀萍'),
      row('性别', '男', '女'),
      row('出生日期', '1965年6月8日', '1966年12月5日'),
      row('身份证号', '430124196506081578', '360731196612050204'),
      line('登记日期:2000年06月04日'),
    ];
    const text = unfoldTables(lines).map((l) => l.text);
    expect(text.slice(1, 6)).toEqual(['一方', '姓名:张伟', '性别:男', '出生日期:1965年6月8日', '身份证号:430124196506081578']);
    expect(text.slice(6, 11)).toEqual(['另一方', '姓名:蒋秀萍', '性别:女', '出生日期:1966年12月5日', '身份证号:360731196612050204']);
    const e = extractFields('marriage', lines);
    expect(e.fields).toMatchObject({ party1Name: '张伟', party1Gender: '男', party1BirthDate: '1965-06-08', party2Name: '蒋秀萍', party2Gender: '女', party2IdNumber: '360731196612050204', registrationDate: '2000-06-04' });
  });

  it('leaves a label-value grid (姓名 | 张伟 | 性别 | 男) as it is', () => {
    const lines = [row('姓名', '张伟', '性别', '男'), row('民族', '汉', '出生日期', '1985年3月12日')];
    expect(unfoldTables(lines)).toEqual(lines);
    // Nor is a grid row taken for a header when the row under it holds no labels.
    const over = [row('姓名', '张伟', '性别', '男'), row('广东省深圳市', '福田区', '华富街道', '3栋502')];
    expect(unfoldTables(over)).toEqual(over);
  });
});

describe('statements, social-insurance and property letters in other wordings', () => {
  it('reads a period of eight-digit dates and a masked account number', () => {
    const e = extractFields('bank', [line('户名:邱文  账号:621782**xw**0966'), line('币种:人民币  起止日期:20230501 至 20230731')]);
    expect(e.fields).toMatchObject({ name: '邱文', accountNumber: '621782******0966', periodStart: '2023-05-01', periodEnd: '2023-07-31' });
    expect(e.reads.accountNumber!.evidence).toBe('valid');
  });

  it('finds the person of a letter without a name label, and the employer after 为', () => {
    const e = extractFields('social', [line('参保证明'), line(`兹证明唐敏怡(公民身份号码:${ID})自2015年12月起在本市参`), line('加社会保险,现参保单位为深圳市星河供应链管理有限公司,截至2023年8月累计缴费86'), line('个月。')]);
    expect(e.fields).toMatchObject({ name: '唐敏怡', idNumber: ID, employer: '深圳市星河供应链管理有限公司', totalMonths: 86 });
    const p = extractFields('property', [line(`经查询,截至2025年3月1日,权利人孟飞在本市名下无不动产登记信息。`)]);
    expect(p.fields.hasProperty).toBe('无');
    expect(extractFields('property', [line('住房情况:有2套')]).fields.hasProperty).toBe('有');
  });

  it('reads past English glosses after labels, a dash read as 一, and totals counted in entries', () => {
    const e = extractFields('bank', [
      line('账户名称Account Name:吕莉  账号Account No.:6225956011243185193'),
      line('期间Period; 2024/01/01一2024/03/31  期初余额Opening:46,340.00'),
      line('本期存入共9笔合计76,374.89'),
      line('期末余额Closing Balance:120,926.04'),
    ]);
    expect(e.fields).toEqual({ name: '吕莉', accountNumber: '6225956011243185193', periodStart: '2024-01-01', periodEnd: '2024-03-31', creditTotal: 76374.89, closingBalance: 120926.04 });
  });

  it('takes the one nationality named in a run that began with another cell, and marks it for the clerk', () => {
    const e = extractFields('hukou', [line('民族:河南省周口市汉族')]);
    expect(e.fields.ethnicity).toBe('汉族');
    expect(e.reads.ethnicity!.evidence).toBe('repaired');
    expect(e.notes.ethnicity).toContain('河南省周口市');
    const employer = extractFields('social', [line('单位名称:单位名称深圳市博远电子科技有限公司')]);
    expect(employer.fields.employer).toBe('深圳市博远电子科技有限公司');
    expect(employer.reads.employer!.evidence).toBe('repaired');
  });

  it('reads a Chinese-numeral year with a zero read twice, and never takes a start date for the issuing date', () => {
    const e = extractFields('income', [line('姓名  郑婷'), line('入职时间  2008年10月01日'), line('月收入  10,400.00元'), line('日期:二O〇二四年八月二十七日')]);
    expect(e.fields.date).toBe('2024-08-27');
    const garbled = extractFields('income', [line('姓名  郑婷'), line('入职时间  2008年10月01日'), line('日期:丑〇二四年仑主二十七日')]);
    expect(garbled.fields.date).toBeUndefined();
  });
});

