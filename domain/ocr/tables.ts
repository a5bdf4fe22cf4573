// Tables whose labels are not beside their values, turned into "label:value" lines the extractors
// read like any other page (meaning.ts finds a value after its label):
// - a header row of labels over a row of values (权利人 | 证件号码 | 查询结果, then 顾萍 | 4403… | 无登记记录);
// - labels down the first column and one value column per person (姓名 | 张伟 | 李娜, then 性别 | 男 | 女),
//   unfolded into one block per column, under that column's heading (一方, 男方 …) when one is printed.
// Only readings that kept their cells (the prepared page read by regions: ReadLine.spans) have tables
// to find; a line keeps the index of the line it came from (ReadLine.origin) so a value can be
// traced back to the region it was read in.
import type { ReadLine } from './labels';
import { ETHNICITIES, HOUSEHOLD_RELATIONS } from './vocab';

/** Labels a table prints as a column or row heading, in all the kinds a counter reads. */
const TABLE_LABELS = new Set(
  (
    '姓名|名字|性别|民族|出生日期|出生年月|出生年月日|身份证号|身份证号码|公民身份号码|身份证件号|身份证件号码|证件号码|证件类型|' +
    '国籍|住址|地址|户籍地址|户主姓名|户号|户别|与户主关系|户主或与户主关系|籍贯|出生地|文化程度|婚姻状况|职业|服务处所|年龄|' +
    '权利人|权利人姓名|所有权人|产权人|查询对象|被查询人|查询人|查询结果|住房情况|房产情况|不动产权证号|不动产单元号|坐落|房屋坐落|建筑面积|面积|用途|' +
    '户名|账户名称|账户户名|客户名称|账号|卡号|币种|起始日期|截止日期|开始日期|结束日期|' +
    '期初余额|期末余额|上期余额|账户余额|当前余额|截止余额|借方发生额|贷方发生额|收入金额|支出金额|收入合计|支出合计|收入总额|支出总额|收入笔数|支出笔数|' +
    '本期收入|本期支出|本期收入合计|本期支出合计|本期存入|本期支取|存入合计|支取合计|' +
    '单位名称|工作单位|缴费单位|参保单位|参保人|缴费月数|累计缴费月数|缴费基数|险种|起止年月|' +
    '月收入|月均收入|月平均收入|年收入|年度收入|年均收入|大写|' +
    '工号|部门|出勤天数|基本工资|岗位工资|岗位津贴|绩效奖金|绩效工资|加班费|其他补贴|津贴补贴|应发合计|应发工资|实发工资|实发合计|扣款合计|' +
    '养老保险|医疗保险|失业保险|住房公积金|个人所得税|其他扣款|' +
    '持证人|登记日期|结婚证字号|曾用名|宗教信仰|身高|血型|兵役状况|本市(县)其他住址|何时由何地迁来本市(县)'
  ).split('|'),
);

/** The headings a table prints (see TABLE_LABELS), for cutting a value read together with the next heading. */
export const TABLE_HEADINGS: readonly string[] = [...TABLE_LABELS].sort((a, b) => b.length - a.length);

interface Cell {
  readonly text: string;
  readonly confidence: number;
}

const compact = (t: string) => t.replace(/\s+/g, '').replace(/[::]+$/, '');
/** The unit a heading may print after it: 收入合计(元), 缴费月数(月). */
const UNIT = /^[((](?:(?:税前|税后|应发)(?:[,,、](?:元|人民币元?))?|元|人民币元?|月|个月|天)[))]/;
const UNIT_AT_END = new RegExp(`${UNIT.source.slice(1)}$`);
/** A heading as its label, without its unit. */
const headingOf = (c: Cell) => compact(c.text).replace(UNIT_AT_END, '');
const isLabel = (c: Cell) => TABLE_LABELS.has(headingOf(c));
const hasDigit = (c: Cell) => /[0-9]/.test(c.text);

/** A line's cells (by its spans), or undefined when the reading kept no cells. */
function cellsOf(line: ReadLine): Cell[] | undefined {
  if (!line.spans || line.spans.length < 2) return undefined;
  return line.spans.map((s) => ({ text: line.text.slice(s.start, s.end), confidence: s.confidence }));
}

const labelled = (label: Cell, value: Cell, origin: number): ReadLine => ({
  text: `${TABLE_LABELS.has(headingOf(label)) ? headingOf(label) : compact(label.text)}:${compact(value.text)}`,
  confidence: value.confidence,
  origin,
});

/** The page's lines with its tables unfolded (see the header); other lines as they were. */
export function unfoldTables(lines: readonly ReadLine[]): ReadLine[] {
  const cells = lines.map(cellsOf);
  const out: ReadLine[] = [];
  const origin = (i: number) => lines[i]!.origin ?? i;
  /** Index of the line last copied as it was (a heading over a table is taken back from out). */
  let copied = -1;
  for (let i = 0; i < lines.length; ) {
    const row = cells[i];
    const next = cells[i + 1];
    // Header row over a value row of as many cells: all headings but at most one known labels (a
    // label | value | label | value grid row has only half; a long row may have one more heading
    // cut in two, 公民身份 | 码), the values none.
    if (row && next && next.length === row.length && row.filter(isLabel).length >= Math.max(2, row.length - 1 - Math.floor(row.length / 6)) && next.filter(isLabel).length === 0) {
      // Several rows under the header (a household's members): the row of the person the page named
      // before the table (申请人汤发飞(公民身份号码:…)), else the first.
      let end = i + 1;
      while (end < lines.length && cells[end]?.length === row.length && !cells[end]!.some(isLabel)) end++;
      const subject = end - i > 2 ? subjectRow(lines, i, i + 1, end) : i + 1;
      row.forEach((h, k) => out.push(labelled(h, cells[subject]![k]!, origin(subject))));
      for (let r = i + 1; r < end; r++) if (r !== subject) out.push(lines[r]!);
      i = end;
      continue;
    }
    // A header the reading ran together (姓名身份证号码住房情况) over a value line split by what each heading holds.
    const headings = i + 1 < lines.length ? splitLabels(compact(lines[i]!.text)) : undefined;
    const values = headings ? splitValues(compact(lines[i + 1]!.text), headings) : undefined;
    if (headings && values) {
      headings.forEach((h, k) => {
        if (values[k] !== '') out.push({ text: `${h}:${values[k]!}`, confidence: lines[i + 1]!.confidence, origin: origin(i + 1) });
      });
      i += 2;
      continue;
    }
    // Labels down the first column, two or more value columns, for two or more rows.
    const width = row?.length ?? 0;
    let end = i;
    while (end < lines.length && cells[end]?.length === width && width >= 3 && isLabel(cells[end]![0]!) && !cells[end]!.slice(1).some(isLabel) && !namesWithDigits(cells[end]!)) end++;
    if (end - i >= 2) {
      const heading = copied === i - 1 && cells[i - 1]?.length === width - 1 && !cells[i - 1]!.some(hasDigit) ? cells[i - 1] : undefined;
      if (heading) out.pop();
      for (let col = 1; col < width; col++) {
        if (heading) out.push({ text: compact(heading[col - 1]!.text), confidence: heading[col - 1]!.confidence, origin: origin(i - 1) });
        for (let r = i; r < end; r++) out.push(labelled(cells[r]![0]!, cells[r]![col]!, origin(r)));
      }
      i = end;
      continue;
    }
    out.push(lines[i]!);
    copied = i;
    i++;
  }
  return out;
}

/** The row among [from, end) holding the ID number (or else the name) the page gave before the table at `header`, or `from`. */
function subjectRow(lines: readonly ReadLine[], header: number, from: number, end: number): number {
  const before = lines.slice(0, header).map((l) => compact(l.text)).join('\n');
  const id = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/.exec(before)?.[0];
  const name = /(?:申请人|兹有|兹证明)[::]?([\u3400-\u9fff·]{2,5}?)[((,,]/.exec(before)?.[1];
  for (let r = from; r < end; r++) if (id && compact(lines[r]!.text).includes(id)) return r;
  for (let r = from; r < end; r++) if (name && compact(lines[r]!.text).includes(name)) return r;
  return from;
}

const LONGEST_LABEL = Math.max(...[...TABLE_LABELS].map((l) => l.length));

/** A line made only of two or more table labels, split into them (longest label first), else undefined. */
function splitLabels(text: string): string[] | undefined {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    let found: string | undefined;
    for (let len = Math.min(LONGEST_LABEL, text.length - at); len >= 2 && !found; len--) if (TABLE_LABELS.has(text.slice(at, at + len))) found = text.slice(at, at + len);
    if (!found) return undefined;
    out.push(found);
    at += found.length;
    at += UNIT.exec(text.slice(at))?.[0].length ?? 0;
  }
  return out.length >= 2 ? out : undefined;
}

const NAME_HEADINGS = /^(姓名|名字|户主姓名|权利人|权利人姓名|所有权人|产权人|查询对象|被查询人|查询人|户名|账户名称|账户户名|客户名称|参保人|持证人)$/;
/** A row of names, one per person's column, holds no digits (户主姓名 | 肖霞媛 | 户号329077758 is a card's row, not such a table's). */
const namesWithDigits = (row: readonly Cell[]): boolean => NAME_HEADINGS.test(compact(row[0]!.text)) && row.slice(1).some(hasDigit);
const ID_HEADINGS = /(身份证|身份号码|证件号)/;
const DATE_HEADINGS = /(日期|年月日)$/;
const NUMBER_HEADINGS = /^(账号|卡号|缴费月数|累计缴费月数|年龄|面积|建筑面积|身高)$/;
/** Headings of sums of money: their value is an amount with its cents (49,502.02). */
const AMOUNT_HEADINGS = /(余额|合计|总额|金额|发生额|存入|支取|收入)$/;
const RELATIONS = `(${[...HOUSEHOLD_RELATIONS].sort((a, b) => b.length - a.length).join('|')})`;
/** Headings whose values come from a closed list: the cut can anchor on them too. */
const CLOSED_HEADINGS: Readonly<Record<string, string>> = {
  与户主关系: RELATIONS,
  户主或与户主关系: RELATIONS,
  性别: '([男女])',
  民族: `(${ETHNICITIES.map((e) => e.slice(0, -1)).join('|')})族?`,
  血型: '((?:[ABO]{1,2}型?|不详)?)',
};

/** A name in a row of values: a Chinese one, or a transliterated one with its dot (热依汗古丽·吐尔洪, longer). */
const NAME_VALUE = '([\u3400-\u9fff·]{2,8}?|[\u3400-\u9fff]{1,10}·[\u3400-\u9fff·]{1,12}?)';

/** The value line cut into one value per heading by what each holds (a name, an ID number, a date …), else undefined. */
function splitValues(text: string, headings: readonly string[]): string[] | undefined {
  const part = (h: string, last: boolean) =>
    CLOSED_HEADINGS[h] ??
    (NAME_HEADINGS.test(h) ? NAME_VALUE : ID_HEADINGS.test(h) ? '([0-9Xx]{15,18})' : DATE_HEADINGS.test(h) ? '([0-9]{4}[年.\\-/][0-9]{1,2}[月.\\-/][0-9]{1,2}日?|[0-9]{8})' : NUMBER_HEADINGS.test(h) ? '([0-9*]+)' : AMOUNT_HEADINGS.test(h) ? '([-+]?[0-9][0-9,]*\\.[0-9]{2})' : last ? '(.*)' : '(.*?)');
  // Without a typed value to anchor on, the cut would be a guess.
  if (!headings.some((h) => ID_HEADINGS.test(h) || DATE_HEADINGS.test(h) || NUMBER_HEADINGS.test(h) || AMOUNT_HEADINGS.test(h) || h in CLOSED_HEADINGS)) return undefined;
  const m = new RegExp(`^${headings.map((h, k) => part(h, k === headings.length - 1)).join('')}$`).exec(text);
  return m ? m.slice(1).map((v) => v ?? '') : undefined;
}
