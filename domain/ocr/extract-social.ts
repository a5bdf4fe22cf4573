// Social-insurance payment records: vouchers, yearly and monthly histories, letters and app cards
// (the name, the number, the employer, the months paid in all, the date printed).
import { type Builder, type Extraction, letterName, unlabelledId } from './extract';
import { ID_LABELS, lastDate, misreadEnding, nameRun, ORG, ORG_OVER_LINES, setEmployer, STOPS, TOTALS_ROW } from './extract-money';
import { after, CJK, GAP, type Hit, ID_RUN, personName, readMonths } from './meaning';
import { editDistance } from './normalise';
import { hasKnownSurname } from './surnames';

/** A history's column of employers (费款所属期 单位名称 缴费基数 …, 起始年月 截止年月 缴费单位 …). */
const UNIT_COLUMN = /单位名称|缴费单位|参保单位|用人单位|工作单位/;
/** A row's months (202504, 2022.03, 2023年7月), before its employer. */
const ROW_MONTH = /((?:19|20)\d{2})(?:[.\-/]?(0[1-9]|1[0-2])|年(1[0-2]|0?[1-9])月?)(?!\d)/g;

/**
 * The employer of a contribution history whose rows each name one (202504 深圳市梧桐医疗器械有限
 * 责任公司 20234.00 …): the one of the latest row, spelt as most rows near it spell it (a row or two
 * misread: 深圳市桔桐医疗器械…). Rows may run together on a line; each name takes the months before it.
 */
function employerInRows(b: Builder): Hit | undefined {
  const org = new RegExp(ORG);
  const headerAt = b.page.lines.findIndex((l) => UNIT_COLUMN.test(l) && !org.test(l));
  if (headerAt < 0) return undefined;
  const monthsIn = (text: string) => [...text.matchAll(ROW_MONTH)].map((d) => Number(d[1]) * 12 + Number(d[2] ?? d[3]));
  const rows: { month: number; hit: Hit }[] = [];
  for (let i = headerAt + 1; i < b.page.lines.length; i++) {
    const line = b.page.lines[i]!;
    let from = 0;
    for (const m of line.matchAll(new RegExp(ORG, 'g'))) {
      const own = monthsIn(line.slice(from, m.index));
      // A row broken before its employer (3 2024.09 2025.02 / 中国平安…分公司26,041.00): the months on the line above.
      const previous = b.page.lines[i - 1]!;
      const months = own.length > 0 || from > 0 || i - 1 <= headerAt || org.test(previous) ? own : monthsIn(previous);
      from = m.index + m[0].length;
      const hit = b.page.lineHit(i, m.index, from);
      if (months.length > 0 && hit) rows.push({ month: Math.max(...months), hit });
    }
  }
  if (rows.length === 0) return undefined;
  const latest = rows.reduce((a, r) => (r.month > a.month ? r : a));
  const near = rows.filter((r) => editDistance(r.hit.value, latest.hit.value) <= 2);
  const count = (v: string) => near.filter((r) => r.hit.value === v).length;
  return near.reduce((a, r) => (count(r.hit.value) > count(a.hit.value) ? r : a), latest).hit;
}

/**
 * A line of its own stating months summed: a word of summing or paying, 月 closing the label, the count
 * at the line's end; 累 of 累计月数 may be misread too (并老保险系计月数:240).
 */
const MONTHS_LINE = new RegExp(`^[${CJK}]{0,6}(?:累计|合计|缴费|计费|[${CJK}]计(?=月))[${CJK}]{0,4}月[${CJK}]?[::]?([0-9]{1,3})(?:个?月)?$`, 'm');

/** A sentence's count whose 计缴 or 数 was lost or misread (累费月数98个月, 累升费月款98个月): 累, then 月 and one character, then the months. */
const MONTHS_SAID = new RegExp(`累[${CJK}]{0,3}月[${CJK}]([0-9]{1,3})个月`);

export function extractSocial(b: Builder): Extraction {
  const nameHit = letterName(b, '(?<!单位)(?:参保人)?姓名|参保人(?!员)') ?? nameAboveId(b);
  b.name('name', nameHit, nameHit && personName(nameRun(nameHit.value), STOPS));
  b.id('idNumber', b.page.first(after(ID_LABELS, ID_RUN)) ?? unlabelledId(b.page));
  // A letter says 现参保单位为…: the verb is not part of the name.
  // A letter may name the employer in its sentence instead: 兹证明…在深圳市…有限公司参加(深圳市)社会保险.
  // Its name may break over the letter's line (现参保单位为深圳市招商供 / 应链管理有限公司): one starting with
  // its place, not the headings a form's row has after the label (现参保单位参保状态参保缴费 / 深圳市…).
  // A letter's line may break inside the label (现参保 / 单位为深圳市…, 现参保单 / 位为…); read whole, one character may be misread.
  const plainLabels = '参保单位|缴费单位|单位名称|工作单位|用人单位|所在单位|任职单位';
  const employerLabels = `${plainLabels}|${plainLabels
    .split('|')
    .map((label) => [...label].join('\\n?'))
    .join('|')}`;
  const employer = b.page.first(after(employerLabels, ORG, '[::]?(?:为|是)?')) ?? b.page.first(after(employerLabels, `(?=(?:[${CJK}]\\n?){0,4}[省市区县])${ORG_OVER_LINES}`, '[::]?(?:为|是)?')) ?? b.page.first(new RegExp(`[))]\\s*(?:在|于)(${ORG})(?:参加|参保|缴纳|缴费)`)) ?? b.page.first(new RegExp(`由(${ORG_OVER_LINES})\\n?(?:按\\n?月\\n?)?(?:为其|为该同志|为他|为她)?\\n?(?:缴纳|缴费|代缴|参保)`));
  const inRows = employer ? undefined : (employerInRows(b) ?? misreadEnding(b, plainLabels));
  // A row ending 参保 over the next row's 单位名称 reads as the label broken over a line: its 名称 is no part of the name.
  if (employer ?? inRows) setEmployer(b, (employer ?? inRows)!.value.replace('\n', '').replace(/^名称[::]?/, ''), (employer ?? inRows)!);
  // A voucher's table gives each scheme its months (险种 … 累计缴费月数 / 基本养老保险 … 21): the pension's is the count.
  // So does an app's card, a column a scheme (养老保险累计缴费 医疗保险累计缴费 / 175 194个月).
  const pension: { n: number; hit: Hit; unsure?: string } | undefined = pensionRow(b) ?? schemeColumns(b);
  if (pension) b.set('totalMonths', { value: pension.n, type: 'count', evidence: pension.unsure ? 'invalid' : 'valid', ...(pension.unsure ? { note: pension.unsure } : {}) }, pension.hit);
  // The scheme may stand in brackets between label and number: 累计缴费月数(养老)42个月. A run of more
  // digits is a row of the schemes' counts read together (累计缴费月数52 52 50 → 525250): no count of its own.
  const months = pension
    ? undefined
    : (b.page.first(after('累计缴费月数|合计缴费月数|实际缴费月数(?:合计)?(?:为)?|缴费月数合计(?:为)?|缴费总月数|累计实缴月数|实缴月数|养老保险累计月数|累计缴费年限|累计缴费', '[0-9OolI]{1,3}(?:年[0-9OolI]{1,2}个?月|个?月)?(?![0-9])', `(?:[((][${CJK}]{1,6}[))])?${GAP}`)) ??
      // A term in years and months (缴费年限3年9个月), never a bare year (缴费年限:2018年起).
      b.page.first(after('缴费年限|实际缴费|已累计缴费|已缴费', '[0-9]{1,2}年(?:[0-9]{1,2}个?月)?(?![0-9])|[0-9]{1,3}个月', `(?:[((][${CJK}]{1,6}[))])?${GAP}`)));
  // Or a sentence: 累计缴纳基本养老保险45个月, 已连续缴费36个月; a letter's line may break anywhere in it (累\n计缴费…, 累计\n缴纳基本…, 缴纳基\n本养老…).
  const said = pension || months ? undefined : b.page.first(/(?:累\n?计|合\n?计|连\n?续|共)\n?(?:缴纳|缴费|参保|缴交)[^0-9,,。;;]{0,13}?([0-9OolI]{1,3}(?:年[0-9OolI]{1,2}个?月|个月))/);
  const stated = months ?? said;
  if (stated) {
    const n = readMonths(stated.value);
    if (n !== undefined && n > 0 && n < 600) b.set('totalMonths', { value: n, type: 'count', evidence: 'valid' }, stated);
  }
  // A summing line whose label came out two characters wrong, past looseLabels (累计级员月数:232, 养老保地累计月此107): the count alone at its end;
  // or a sentence's (MONTHS_SAID).
  const loose = pension || stated ? undefined : (b.page.first(MONTHS_LINE) ?? b.page.first(MONTHS_SAID));
  const looseMonths = loose && readMonths(loose.value);
  if (loose && looseMonths !== undefined && looseMonths > 0 && looseMonths < 600) b.set('totalMonths', { value: looseMonths, type: 'count', evidence: 'valid', unlabelled: true }, loose);
  const table = monthsTable(b);
  if (table && !b.reads.totalMonths) b.set('totalMonths', { value: table.n, type: 'count', evidence: 'valid' }, table.hit);
  // The table's total agreeing with the line under it, or with its own rows, confirms it.
  const read = b.reads.totalMonths?.value;
  if (table && read === table.n && (table.summed || months)) b.confirm('totalMonths');
  else if (table && read !== table.n) b.contradict('totalMonths', `累计缴费月数识别为${String(read)}个月,明细表合计为${table.n}个月,请核对`);
  // Without a table read whole, the years' rows still bound the total from below (a 69 that lost its 6 is fewer than four rows of 12).
  const least = table ? undefined : monthsInYearRows(b.page.lines);
  if (typeof read === 'number' && least !== undefined && read < least) b.contradict('totalMonths', `累计缴费月数识别为${read}个月,少于明细中各年月数之和${least}个月,请核对`);
  lastDate(b, 'date', '打印日期|出具日期|查询日期|打印时间|开具日期');
  return b.result();
}

/**
 * An app's card shows the holder's name alone on the line above the number (电子社保卡 / 孟凯 /
 * 社会保障号码 …): a line that is a name with a known surname and nothing else, marked unlabelled.
 */
function nameAboveId(b: Builder): Hit | undefined {
  const at = b.page.lines.findIndex((l) => /^(?:社会保障号码|社会保障卡号|公民身份号码|身份证号码?|证件号码)/.test(l));
  const above = at > 0 ? b.page.lines[at - 1]! : '';
  if (!new RegExp(`^[${CJK}·]{2,8}$`).test(above) || !hasKnownSurname(above)) return undefined;
  const hit = b.page.lineHit(at - 1, 0, above.length);
  return hit && { ...hit, unlabelled: true };
}

/** A payment history's column of months (月数, 缴费月数, 实缴月数). */
const MONTHS_COLUMN = /^(?:缴费|实缴|累计)?月数$/;

/**
 * A payment history's table (`年度  缴费起止年月  月数  缴费基数  参保单位`, a row per year) and its
 * totals row `合计  120`: the one number of that row, when the header has a column of months.
 * summed: the rows read whole add up to it.
 */
function monthsTable(b: Builder): { n: number; hit: Hit; summed: boolean } | undefined {
  const { cells } = b.page;
  const headerAt = cells.findIndex((row) => row.length >= 3 && row.some((c) => MONTHS_COLUMN.test(c)));
  if (headerAt < 0) return undefined;
  const header = cells[headerAt]!;
  const at = header.findIndex((c) => MONTHS_COLUMN.test(c));
  let sum = 0;
  let whole = true;
  for (let i = headerAt + 1; i < cells.length; i++) {
    const row = cells[i]!;
    if (TOTALS_ROW.test(row[0] ?? '')) {
      const n = row.length === 2 && /^\d{1,3}(?:个?月)?$/.test(row[1]!) ? Number.parseInt(row[1]!, 10) : 0;
      if (n <= 0 || n >= 600) return undefined;
      const hit = b.page.cellHit(i, 1);
      return hit ? { n, hit, summed: whole && sum === n } : undefined;
    }
    const cell = row.length === header.length ? row[at]! : undefined;
    if (cell !== undefined && /^\d{1,2}$/.test(cell)) sum += Number(cell);
    else whole = false;
  }
  return undefined;
}


/**
 * The months of the yearly rows a record lists, summed: lines that start with a year and end with
 * a count of 1 to 12 (2022 已缴 已缴 已缴 12, whatever was misread between), each year once; at least
 * two such rows, else undefined.
 */
export function monthsInYearRows(lines: readonly string[]): number | undefined {
  const byYear = new Map<string, number>();
  for (const line of lines) {
    const m = /^((?:19|20)\d{2})(?![\d.\-/]|年\d)\D.*?(?<![\d.,])(1[0-2]|[1-9])$/.exec(line.trim());
    if (m && !byYear.has(m[1]!)) byYear.set(m[1]!, Number(m[2]));
  }
  return byYear.size < 2 ? undefined : [...byYear.values()].reduce((a, n) => a + n, 0);
}

/**
 * An app's card heading two columns, the pension's and the medical insurance's months (养老保险累计缴费
 * 医疗保险累计缴费), over their two counts on one line (175 194个月): the count under the pension's
 * heading. One count alone (the other lost) may be either: it is given, marked unsure.
 */
function schemeColumns(b: Builder): { n: number; hit: Hit; unsure?: string } | undefined {
  const at = b.page.lines.findIndex((l) => /养老[\u3400-\u9fff]{0,4}累计/.test(l) && /医疗[\u3400-\u9fff]{0,4}累计/.test(l));
  if (at < 0 || at + 1 >= b.page.lines.length) return undefined;
  const heading = b.page.lines[at]!;
  const pensionFirst = heading.indexOf('养老') < heading.indexOf('医疗');
  const spaced = b.page.spaced[at + 1]!;
  const counts = [...spaced.matchAll(/(?<![\d.,])(\d{1,3})(?![\d.,])/g)];
  if (counts.length < 1 || counts.length > 2 || !/^[\d\s个月]+$/.test(spaced)) return undefined;
  const m = counts.length === 2 ? counts[pensionFirst ? 0 : 1]! : counts[0]!;
  const start = spaced.slice(0, m.index).replace(/\s+/g, '').length;
  const hit = b.page.lineHit(at + 1, start, start + m[1]!.length);
  if (!hit) return undefined;
  return counts.length === 2 ? { n: Number(m[1]), hit } : { n: Number(m[1]), hit, unsure: `养老保险与医疗保险两栏只识别出一个月数(${m[1]}个月),不能确定属于哪一栏,请核对` };
}

/**
 * The pension's row of a table of schemes: a header with 险种 and a column of months (累计缴费月数),
 * the row of 养老 with a cell for every column, the number under the months.
 */
function pensionRow(b: Builder): { n: number; hit: Hit } | undefined {
  const { cells } = b.page;
  const headerAt = cells.findIndex((row) => row.some((c) => /险种/.test(c)) && row.some((c) => /缴费月数|累计月数/.test(c)));
  if (headerAt < 0) return undefined;
  const header = cells[headerAt]!;
  const at = header.findIndex((c) => /缴费月数|累计月数/.test(c));
  for (let i = headerAt + 1; i < Math.min(cells.length, headerAt + 8); i++) {
    const row = cells[i]!;
    if (!/养老/.test(row[0] ?? '')) continue;
    const n = row.length === header.length && /^\d{1,3}$/.test(row[at] ?? '') ? Number(row[at]) : undefined;
    const hit = n !== undefined && n > 0 && n < 600 ? b.page.cellHit(i, at) : undefined;
    return hit && { n: n!, hit };
  }
  return undefined;
}
