// Income proofs written as free letters (monthly and annual totals in many phrasings, upper-case
// numerals, the issuing date last), bank statements and property search results (不动产登记查询结果);
// social-insurance records are in extract-social.ts.
import { type Builder, type Extraction, letterName, unlabelledId } from './extract';
import { after, AMOUNT_RUN, CJK, CN_DATE_RUN, cutAt, DATE_RUN, type Hit, ID_RUN, personName, readAmount, readDate, readUpperAmount, upperReadAs } from './meaning';
import { checkIdNumber } from '../identity/idnumber';
import { parseDate, repairDate } from './normalise';
import { snapOrganisationEnd, snapOrganisationWords } from './org-words';
import { TABLE_HEADINGS } from './tables';
import { SHENZHEN_DISTRICT_STEMS, snapPlacePrefix, unknownDistrict } from './vocab';

/** (Or one separator lost between the month and the day: 日期2025.0812, read as such by lostSeparatorDate.) */
const DATE = `${DATE_RUN}|${CN_DATE_RUN}|(?:19|20)\\d{2}[.\\-/](?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9])`;
/** A statement's period ends: dates as usual, eight digits run together (20230601), or one separator lost read small (202408-13). */
const PERIOD_DATE = `${DATE_RUN}|(?:19|20)\\d{6}|(?:19|20)\\d{4}[-./]\\d{2}(?!\\d)|(?:19|20)\\d{2}[-./]\\d{4}(?!\\d)`;
/** A bilingual statement's English beside its Chinese label (起始日期 Date From:). */
const ENGLISH_LABEL = '(?:\\s*[A-Za-z][A-Za-z ]{0,14})?';
/** What a masking star is read as. */
const MASK = '*xX×wW※';
/** What two stars run together are read as. */
const MASK_QUOTES = '"“”\'‘’';
const MONEY = `[¥¥]?(?:${AMOUNT_RUN}万?元?|[零壹贰叁肆伍陆柒捌玖拾佰仟万]+元[零壹贰叁肆伍陆柒捌玖角分整]*)`;
/** (身份号码 too: 公民身份号码 broken after 公 at a letter's line end.) */
export const ID_LABELS = '公民身份号码|身份证件号码|身份证号码|身份证号|证件号码|身份证|身份号码';
/**
 * A name ends where the next unfolded heading starts (an income page's lines run on: 姓名:钟慧霞出勤天数:22…).
 */
const NEXT_HEADING = new RegExp(`(?<=^[${CJK}·]{2,})(?:${TABLE_HEADINGS.map((h) => h.replace(/[()]/g, '\\$&')).join('|')})[::][\\s\\S]*$`);
export const nameRun = (value: string) => value.replace(NEXT_HEADING, '');

export const STOPS = ['性别', '身份证', '身份', '公民', '证件号', '证件', '号码', '电话', '查询', '日期', '个人', '编号', '纳税人识别号', '识别号', '不动产', '证号', '系', '为', '在', '自', '于', '是', '因', '同志', '先生', '女士', '账号', '账户', '帐号', '张号', '卡号', '参保', '单位', '社会', '社保', '正常', '暂停', '中止', '终止', '已退休', '筛选', '开具', '出具', '打印'];
/** What an employer's name ends with. */
const ORG_SUFFIX_WORDS = ['有限责任公司', '有限公司', '股份公司', '分公司', '公司', '分行', '支行', '医院', '学校', '中学', '小学', '大学', '教育局', '局', '中心', '研究院', '研究所', '集团', '银行', '办事处', '委员会', '事务所', '幼儿园', '制品厂', '工厂', '厂', '商店', '超市', '诊所', '卫生院', '合作社', '经营部', '工作室', '图书馆', '博物馆', '文化馆', '纪念馆', '体育馆', '美术馆', '科技馆', '法院', '检察院', '设计院', '学院', '派出所', '管理所', '管理站', '管理处', '服务站', '店'];
const ORG_SUFFIX = `(?:${ORG_SUFFIX_WORDS.join('|')})`;
export const ORG = `[${CJK}()()]{2,30}${ORG_SUFFIX}`;
/** ORG_SUFFIX's words with a line break allowed between any two of their characters (西乡中 / 学). */
const ORG_SUFFIX_BROKEN = ORG_SUFFIX_WORDS.map((word) => [...word].join('\\n?')).join('|');
/**
 * An organisation's name a letter's line break may cut once (由深圳星河湾 / 科技股份有限公司坂田分公司按月…),
 * inside its last word too (当前由深圳市宝安区西乡中 / 学为其缴纳…).
 */
export const ORG_OVER_LINES = `(?:[${CJK}()()]{1,30}(?:\\n[${CJK}()()]{0,30})?${ORG_SUFFIX}|[${CJK}()()]{1,30}(?:${ORG_SUFFIX_BROKEN}))`;

/** What a letter may put between an amount's phrase and the amount: 约为人民币, (税前)为, 人民币(大写):, a table's unit (元), a count of entries (收入合计:4笔 金额:…). */
const FILLER = '(?:为|是|约|共计|合计|总计|总额|达|人民币|RMB|税前|[((][^))\\n0-9]{1,10}[))]|大写|[::]|共?[0-9]{1,4}笔[,,]?|金额){0,5}';
/** A month's pay, not "twelve months'" (近十二个月收入 is a year's); 月平收入 lost its 均; 收入 read as 收人 too. */
const MONTHLY = '(?:月)?缴存基数|月度(?:工资|收入|薪酬)(?:收入)?|(?<![个0-9一二三四五六七八九十])月(?:平均?|均)?(?:税前)?(?:应发)?(?:纯|净)?(?:工资|薪酬|收入|薪金)(?:收入)?|(?<![个0-9一二三四五六七八九十])月(?:均|平均)(?=[::]?[0-9¥¥]|[::]?人民币)|(?<![个0-9一二三四五六七八九十])月(?:均|平均)[\\u3400-\\u9fff]入(?=[::]?[0-9¥¥])|(?<![个0-9一二三四五六七八九十])月平均入(?![职账户住学])|(?:平均)?每月(?:税前)?(?:应发)?(?:工资|收入|薪酬|薪金)(?:收入)?|月薪|(?:基本)?养老金(?=[0-9¥¥,,.]*元?/月|[^\\n]{0,6}?[0-9][0-9,.]*元?/月)|退休金(?=[^\\n]{0,6}?[0-9][0-9,.]*元?/月)'.replaceAll('收入', '收[入人]');
const ANNUAL = (
  '年(?:度|[\u3400-\u9fff](?=工资))?(?:总|平均|均)?(?:税前)?(?:工资|薪酬|收入|薪金)(?:收入|[\u3400-\u9fff]?入(?=总))?(?:总额|合计|总[\u3400-\u9fff]?(?=为))?|全年(?:税前)?(?:累计)?(?:总)?(?:工资|收入|薪酬|薪金)(?:收入)?(?:总额|合计|共计)?|全年(?:合计|共计|累计)|(?:近|最近|过去)(?:一|1|十二|12)(?:年|个月)(?:内)?(?:税前)?(?:累计|合计|共计)?(?:支付|发放)?(?:的)?(?:工资|收入|薪酬|劳务报酬|劳务费)(?:收入)?(?:总额|合计|共计)?|年薪' +
  // What was paid in a named year: 我单位2025年度累计向其支付劳务报酬(税前)人民币65,431.26元.
  '|(?:19|20)\\d{2}年度?(?:全年)?(?:累计|共计|合计)?(?:向其|为其|给其|向该同志|向其本人)?(?:支付|发放)(?:的)?(?:工资|收入|薪酬|劳务报酬|劳务费|报酬)(?:收入)?(?:总额|合计|共计)?' +
  // 收 misread in 年收入 (年表入约为…, read small): the phrase a letter's annual sentence starts with.
  // Or lost (年度总入为人民币107400元).
  `|(?<![${CJK}])年[${CJK}]入(?=约为|为|[::])|(?<![${CJK}])年度?总[${CJK}]?入(?=约为|为|[::])`
).replaceAll('收入', '收[入人]');

/** A page that covers a year of pay (近十二个月, 近一年, 全年). */
const TWELVE_MONTHS = /近(?:十二|12)个月|近一年|全年/;

/** A period of twelve months stated in full (2025年1月至2025年12月, 2025年3月至2026年2月). */
function twelveMonthPeriod(text: string): boolean {
  const m = /((?:19|20)\d{2})年(\d{1,2})月(?:\d{1,2}日)?(?:至|到|—|-|~)((?:19|20)\d{2})年(\d{1,2})月/.exec(text);
  return !!m && (Number(m[3]) - Number(m[1])) * 12 + Number(m[4]) - Number(m[2]) === 11;
}

/** The first match of `re` (with the d flag) within one line, its first group as the hit. */
function firstInLines(b: Builder, re: RegExp): Hit | undefined {
  for (let i = 0; i < b.page.lines.length; i++) {
    const at = re.exec(b.page.lines[i]!)?.indices?.[1];
    if (at) return b.page.lineHit(i, at[0], at[1]);
  }
  return undefined;
}

function amount(b: Builder, field: string, phrases: string): void {
  // One stray mark may stand where ¥ was printed (¥ is often read as 双, 对 or y).
  const re = new RegExp(`(?:${phrases})${FILLER}[^0-9OolIiSB,.\\n((零壹贰叁肆伍陆柒捌玖拾佰仟万¥¥]?(${MONEY})`, 'd');
  // Line by line too: a phrase starting a line may follow the last line's digits in the joined text (…6941月收入(元)).
  const direct = b.page.first(re) ?? firstInLines(b, re);
  // Upper-case numerals too garbled to read, followed by the same amount in figures in brackets.
  // (Its closing bracket may be lost, the sentence going on: 月平均收入叁万零伍佰元整(30.500.00近一年….)
  const bracketed = b.page.first(new RegExp(`(?:${phrases})${FILLER}[^\\n((,,。;;]{1,24}?[((][^0-9OolIiSB((]{0,2}(${AMOUNT_RUN})元?(?:[))]|(?=[\\u3400-\\u9fff\\n]|$))`));
  // Or its brackets lost too, the figure two decimals long right after the garbled words (…月平均入专万专低元些30.500.00近一年…).
  const unbracketed = b.page.first(new RegExp(`(?:${phrases})${FILLER}(?=[^\\n0-9]{0,16}?[万仟佰元])[^\\n0-9((,,。;;::]{2,16}?(\\d{1,3}(?:[,.]\\d{3})+\\.\\d{2})(?![0-9])`));
  const hit = direct && readAmount(direct.value) !== undefined ? direct : bracketed && readAmount(bracketed.value) !== undefined ? bracketed : unbracketed && readAmount(unbracketed.value) !== undefined ? unbracketed : direct;
  // A year that starts a date (the figure under its label lost: 年度收入合计(元) / 2025-01 工资薪金…) is no amount.
  if (!hit || (/^(?:19|20)\d{2}$/.test(hit.value) && /^(?:[-/.]\d{1,2}|年\d{1,2}月)/.test(b.page.text.slice(hit.end, hit.end + 4)))) return;
  setAmount(b, field, hit);
}

/** An amount found for `field`, read; a run that is no amount is kept as read, marked invalid. */
function setAmount(b: Builder, field: string, hit: Hit): void {
  // An amount ending a line runs on into the next line's digits when a letter's lines are joined
  // (111,174.91 / 2025-01 …): two decimals after thousands separators end it.
  const ended = /^[¥¥]?\d{1,3}(?:,\d{3})+\.\d{2}(?=\d)/.exec(hit.value)?.[0];
  const n = readAmount(ended ?? hit.value);
  // Without its 元 the run may end in the misread 元 (元 → 7): read without that last digit, and ask.
  const short = n === undefined && /\d[.,]\d{2}\d$/.test(hit.value) ? readAmount(hit.value.slice(0, -1)) : undefined;
  // Or its decimal point lost after thousands separators (211,48160): the last two digits are the fen.
  const pointless = n === undefined && /^\d{1,3}(?:,\d{3})*,\d{5}元?$/.test(hit.value) ? readAmount(hit.value.replace(/元$/, '').replace(/(\d{2})$/, '.$1')) : undefined;
  // Or a 1 (with its comma) read as a slash (3/422.50 for 31,422.50): the run stopped at it.
  const slashed = /^[¥¥]?\d{1,3}$/.test(hit.value) ? /^\/(\d{3}(?:,\d{3})*\.\d{2})(?![0-9])/.exec(b.page.text.slice(hit.end, hit.end + 16)) : null;
  // A total found without its label (its label misread) says so, as b.date does for dates.
  const mark = hit.unlabelled ? { unlabelled: true } : {};
  if (slashed) {
    const read = `${hit.value}/${slashed[1]}`;
    b.set(field, { value: readAmount(`${hit.value}1${slashed[1]}`)!, type: 'amount', evidence: 'repaired', note: `金额识别为“${read}”,其中的“/”按“1”读,请核对`, ...mark }, { ...hit, value: read, end: hit.end + slashed[0].length });
  } else if (short !== undefined) b.set(field, { value: short, type: 'amount', evidence: 'repaired', note: '金额后的“元”未能识别,请核对', ...mark }, hit);
  else if (pointless !== undefined) b.set(field, { value: pointless, type: 'amount', evidence: 'repaired', note: `金额识别为“${hit.value}”,小数点未能识别,已按最后两位为角分补上,请核对`, ...mark }, hit);
  else if (n === undefined) b.set(field, { value: hit.value, type: 'amount', evidence: 'invalid', note: '金额无法识别,请核对', ...mark }, hit);
  else b.set(field, { value: n, type: 'amount', evidence: 'valid', ...mark }, hit);
}

/**
 * What a date the letter was not issued on follows: a start, a birth, an insurance start, a
 * property's registration (入职时间 2008年…, 自2015年…起, 登记时间 2018年…).
 */
const STARTS = String.raw`(?:入职|出生|参保|参加工作|入司|到岗|开始|起始|生效|开户|登记(?=时间|日期)|入[\u3400-\u9fff](?=时间|日期))(?:时间|日期)?[::]?[\s'"‘’“”]*$|[自从]$`;
const NOT_ISSUED = new RegExp(`${STARTS}|至$`);
/** What a date something started on follows (not 至: a validity may end after the letter's date). */
const STARTED = new RegExp(STARTS);

export function lastDate(b: Builder, field: string, labels?: string): void {
  const issued = (h: Hit) => !NOT_ISSUED.test(b.page.text.slice(Math.max(0, h.start - 6), h.start));
  // A label that only ends in 日期 may date something else (开户日期 of an account).
  const labelled = labels ? b.page.allOrLooser(after(labels, DATE)).filter(issued) : [];
  const any = b.page.all(new RegExp(`(${DATE})`)).filter(issued);
  // Unlabelled, a real date (or one a digit repairs) before a run of figures that only looks like one (1013,459.00).
  const real = any.filter((h) => readDate(h.value) !== undefined || repairDate(h.value) !== undefined);
  // Nor, as a last resort, figures that are an amount (3721,167.92 from …4,348.37 21,167.92): no date is better.
  const unread = any.filter((h) => !/,[0-9]{1,3}\.[0-9]{2}$/.test(h.value));
  b.date(field, labelled[labelled.length - 1] ?? real[real.length - 1] ?? unread[unread.length - 1]);
  // A date made by a repair that falls before a start the letter states (入职时间 2021年…) was repaired wrong: none.
  const started = b.page.all(new RegExp(`(${DATE})`)).filter((h) => STARTED.test(b.page.text.slice(Math.max(0, h.start - 6), h.start))).map((h) => readDate(h.value) ?? '');
  const made = b.reads[field];
  if (made?.evidence === 'repaired' && started.some((d) => d > String(made.value))) delete b.reads[field];
}

/** An employer's name, its leading place names snapped to Shenzhen's (a snapped one is a repaired value). */
/** Labels a form prints in the cell after the employer's. */
const NEXT_CELL_LABELS = ['所在部门', '所属部门', '部门', '职务', '岗位', '职位', '入职时间', '入职日期'];

/**
 * 深圳 inside an organisation's name with its 深 misread: a character other than 深 before 圳 and a
 * district, 市 or a branch (…有限公司浠圳玉安分公司, the district misread too).
 */
const INNER_SHENZHEN = new RegExp(`(?<=[\u3400-\u9fff])[\u3400-\u9fff](?<!深)圳(?=市|${SHENZHEN_DISTRICT_STEMS.join('|')}|分|[\u3400-\u9fff]{2}(?:分公司|分行|支行))`, 'g');

export function setEmployer(b: Builder, read: string, hit: Hit): void {
  // A label or verb the value ran on from (单位名称深圳市…, 为深圳市…) is not part of the name; 圳市 lost its 深.
  // The issuer's label too (出具单位(公章):深圳市…), its stamp's word misread or not.
  // The next cell's label a row read whole ran on into (…有限公司所在部门研发中心) ends it.
  // A label's remark left before the name ((全称)深圳市…) is no part of it either, the stamp's word
  // misread or its bracket lost ((装章深圳市…).
  const own = wrappedLegalForm(b, cutBranch(b, cutAt(read, NEXT_CELL_LABELS), hit), hit).replace(/^[((](?:全称|全名|[\u3400-\u9fff]?章)[))]?/, '');
  // A history row's period end before it (2021-11 至今 深圳市…) is no part of it either.
  const bare = own.replace(/^(?:(?:现|原)?(?:工作|参保|缴费|出具|开具|证明|盖章)?单位(?:名称)?(?:[((][^))]{1,3}[))])?[::]?|为|是|(?:就职|任职|供职|工作)于|至今)+/, '').replace(/^圳市/, '深圳市');
  // Inside the name too, 深 of 深圳 misread (华润万家有限公司斋圳南山分公司): 圳 before a district or a branch is 深圳's.
  const inner = bare.replace(INNER_SHENZHEN, '深圳');
  const place = snapPlacePrefix(inner);
  // A business or legal-form word read one character wrong (物业管建, 毅份公司) is put right too.
  const words = snapOrganisationWords(place.text);
  // Its last word read one character wrong (…实验室品究院) when it ends in no organisation's word.
  const ending = ENDS_AS_ORG.test(words.text) ? { text: words.text, changed: false } : snapOrganisationEnd(words.text);
  const { text } = ending;
  const reworded = words.changed || ending.changed;
  if (!namesAnOrganisation(text)) {
    b.set('employer', { value: text, type: 'text', evidence: 'invalid', note: `单位名称识别为“${read}”,不完整,请核对` }, hit);
    return;
  }
  // A label's remark in brackets taken off is no change to the name itself.
  const changed = place.changed || inner !== bare || bare.length < own.length - 1 || bare.startsWith('深圳市') !== own.startsWith('深圳市');
  // A district Shenzhen does not have (深圳市禄国区…) is misread, and nothing put it right.
  const district = unknownDistrict(text);
  if (district) {
    b.set('employer', { value: text, type: 'text', evidence: 'invalid', note: `单位名称中的“${district}”不是深圳市的区,可能识别有误,请核对` }, hit);
    return;
  }
  const what = [changed ? '地名' : '', reworded ? '用字' : ''].filter(Boolean).join('和');
  const note = what ? `单位名称识别为“${read}”,${what}已校正,请核对` : undefined;
  b.set('employer', { value: text, type: 'text', evidence: changed || reworded ? 'repaired' : 'valid', ...(note ? { note } : {}) }, hit);
}

/**
 * A branch whose cell wrapped inside 分公司 (参保单位:…有限公司龙岗分公 / 司, the next cell's label
 * read on after 分公): a name ends in its legal form, and 分公 is never the end of anything, so the
 * branch read up to it is the name's, 司 put back.
 */
function cutBranch(b: Builder, read: string, hit: Hit): string {
  if (!read.endsWith('公司') || !b.page.text.startsWith(read, hit.start)) return read;
  const branch = new RegExp(`^[${CJK}]{1,10}?分公(?!司)`).exec(b.page.text.slice(hit.start + read.length, hit.start + read.length + 12));
  return branch ? `${read}${branch[0]}司` : read;
}

/** A name that ends as an organisation's does (…有限公司, …医院). */
const ENDS_AS_ORG = new RegExp(`${ORG_SUFFIX}$`);

/**
 * A label's value to the line's end that names an organisation once its last word, read one
 * character wrong, is put right (单位名称:深圳湾实验室品究院): setEmployer puts it right.
 */
export function misreadEnding(b: Builder, labels: string): Hit | undefined {
  const hit = b.page.first(after(labels, `[${CJK}()()]{4,30}(?=\\n|$)`, '[::]?'));
  return hit && !ENDS_AS_ORG.test(hit.value) && snapOrganisationEnd(hit.value).changed ? hit : undefined;
}

/** A legal form cut short at a line's end: …股, …股份有, …有 (信息技术有 / 限公司), …有限, …有限责任公 … */
const CUT_LEGAL_FORM = /(?:股份?|股份有限?|股份有限公|有限?|有限责任?|有限责任公|有限公)$/;

/**
 * A form's cell that wrapped inside the legal form (工作单位 深圳创维达医疗器械股 / 份有限公司坂田分公司):
 * the name cut after 股, 股份, 有, 有限 … goes on with the next line's start when the two make
 * 股份有限公司, 有限责任公司 or 有限公司 across the break.
 */
function wrappedLegalForm(b: Builder, read: string, hit: Hit): string {
  // (The page's own line, not the one a table's line was made from: page.line gives that origin.)
  const at = b.page.cellAt(hit.start)?.line;
  const next = at === undefined ? '' : (b.page.lines[at + 1] ?? '');
  // Or wrapped before it (工作单位 深圳迈科人力资源服务 / 股份有限公司): a name ending in no
  // organisation's word, the next line that legal form alone.
  if (!CUT_LEGAL_FORM.test(read)) {
    const form = /^(?:股份有限公司|有限责任公司|有限公司)(?=\s|$)/.exec(next);
    return form && !ENDS_AS_ORG.test(read) ? read + form[0] : read;
  }
  const rest = new RegExp(`^[${CJK}()()]{0,24}${ORG_SUFFIX}`).exec(next)?.[0];
  if (!rest) return read;
  const seam = read.slice(-4) + rest.slice(0, 6);
  return /股份有限公司|有限责任公司|有限公司/.test(seam) && !/股份有限公司|有限责任公司|有限公司/.test(read.slice(-4)) && !/^(?:股份有限公司|有限责任公司|有限公司)/.test(rest) ? read + rest : read;
}

/** What an organisation's name ends in, and the words of its legal form before that (股份, 有限 …). */
const ORG_FORM = new RegExp(`(?:股份|有限|责任|集团|控股|科技|分)*${ORG_SUFFIX}$`);

/**
 * Whether a run names an organisation rather than only its legal form: two or more characters
 * before 股份有限公司 and the like (a stamp over the name leaves 械有限公司 or 股份有限公司).
 */
export function namesAnOrganisation(run: string): boolean {
  // A legal form cut short (丰田通商(深圳)有限 where 公司 went to the next line) is no whole name.
  return run.replace(ORG_FORM, '').replace(/[^\u3400-\u9fff]/g, '').length >= 2 && !CUT_LEGAL_FORM.test(run);
}

function nameAfter(b: Builder, field: string, labels: string): Hit | undefined {
  const hit = b.page.first(after(labels, '[^\\n]{2,14}'));
  b.name(field, hit, hit && personName(nameRun(hit.value), STOPS));
  return hit;
}

/** The issuer signing a letter: the last line that is only an organisation's name. */
function signature(b: Builder): Hit | undefined {
  const re = new RegExp(`^(${ORG})(?:[((]?(?:盖章|公章)[))]?)?$`);
  for (let i = b.page.lines.length - 1; i >= 0; i--) {
    const m = re.exec(b.page.lines[i]!);
    if (m) {
      const start = b.page.text.indexOf(m[1]!);
      return { value: m[1]!, start: Math.max(0, start), end: Math.max(0, start) + m[1]!.length };
    }
  }
  return undefined;
}

/** An organisation's name standing alone on one of the page's first two lines: the letter's heading. */
function letterhead(b: Builder): Hit | undefined {
  const re = new RegExp(`^(${ORG})$`);
  const i = b.page.lines.slice(0, 2).findIndex((l) => re.test(l));
  return i < 0 ? undefined : b.page.lineHit(i, 0, b.page.lines[i]!.length);
}

/** Whether `short` is `long` with one character left out. */
function lostOne(long: string, short: string): boolean {
  if (long.length !== short.length + 1) return false;
  const i = [...short].findIndex((c, k) => c !== long[k]);
  return i < 0 || long.slice(i + 1) === short.slice(i);
}

/**
 * A form's row of headings over its row of figures (月均收入(税前,元) 年收入(税前,元) / 27,850.00
 * 334,200.00), run together in the page's text: the first figure is the month's, the second the year's.
 */
function headingsOverFigures(b: Builder): void {
  const m = new RegExp(`(?:${MONTHLY})${FILLER}(?:${ANNUAL})${FILLER}(${MONEY})(?:[((]?大写[))]?)?[^0-9\\n]{0,8}?(${MONEY})`, 'd').exec(b.page.text);
  if (!m?.indices?.[1] || !m.indices[2]) return;
  const at = (k: 1 | 2): Hit => ({ value: m[k]!, start: m.indices![k]![0], end: m.indices![k]![1] });
  setAmount(b, 'monthlyIncome', at(1));
  setAmount(b, 'annualIncome', at(2));
}

export function extractIncome(b: Builder): Extraction {
  // A tax record names the person 纳税人名称.
  // A labour contract names the employee 乙方(劳动者) and the employer 甲方(用人单位).
  // A bank app's payroll screen names the account's holder: 户名:蒋浩浩 筛选:代发工资.
  const nameHit = letterName(b, '纳税人(?:名称|姓名)?|(?<!单位)姓名|乙方[((]劳动者[))]|户名');
  b.name('name', nameHit, nameHit && personName(nameRun(nameHit.value), STOPS));
  b.id('idNumber', b.page.first(after(ID_LABELS, ID_RUN, '(?:号码|号)?[::]?')) ?? unlabelledId(b.page));
  // The stamp's word in brackets may stand for the colon: 单位名称(盖章)深圳市南海云科技有限公司.
  // A tax app's summary names who withheld the tax on its own line: 扣缴义务人:上海浦江建设工程有限公司.
  const employerLabel = b.page.first(after('(?:工作)?单位(?:名称)?(?:[(({\\[][^():]{1,4}[))}\\]])?|甲方[((]用人单位[))](?:名称)?|扣缴义务人(?:名称)?', `${ORG}`, '[::]')) ?? b.page.first(after('单位(?:名称)?[((](?:盖章|公章)[))]|(?<!出具|开具|证明)单位名称|工作单位', `${ORG}`, ''));
  const record = taxRecord(b) ?? lineTaxRecord(b);
  // A tax record is signed by the tax office: the employer is who withheld the tax, never the signer.
  const taxOffice = /扣缴义务人|纳税记录|完税证明/.test(b.page.text);
  // A bank's salary letter names the payer (由…代发工资), a self-employed person's statement the business (个体工商户“…”,
  // whatever its name ends with when quoted, a line break after the quote mark: 个体工商户“ / 西湖邵记汽车修理部”): never the signer.
  // A payslip is headed by its employer: 深圳市南粤城市清洁服务有限公司 2024年9月工资条.
  const payer =
    b.page.first(new RegExp(`由(${ORG})代发`)) ?? b.page.first(new RegExp(`个体工商户[“"「]?(${ORG})[”"」]`)) ?? b.page.first(new RegExp(`个体工商户[“"「]\\n?([${CJK}()()]{2,30}(?:\\n[${CJK}()()]{1,30})?)\\n?[”"」]`)) ?? b.page.first(new RegExp(`^(${ORG})(?:\\d{4}年\\d{1,2}月份?)?工资(?:条|单)`, 'm'));
  // A bank app's salary entries name who paid each one under 代发工资 (代发工资 / 中国建筑第四工程局有限公司深圳分公司 08-10).
  const entries = b.page.all(new RegExp(`代发(?:工资|薪资|薪酬)[::]?(${ORG})(?=[0-9]|$)`));
  const entryPayer = entries.length >= 2 && entries.every((h) => h.value === entries[0]!.value) ? entries[0] : undefined;
  // A letter's sentence names the employer in body text, which a stamp over the signature cannot spoil (…)为深圳市…有限公司在职员工).
  // (Not the letter's own 我公司, 本单位.)
  const working = b.page.first(new RegExp(`(?:为|系|是|在|于)(?![我本该贵其此])(${ORG_OVER_LINES})\\n?(?:在\\n?职|正式|的)?\\n?(?:员工|职工|工作|任职)`));
  const named = employerLabel ?? misreadEnding(b, '(?<!出具|开具|证明)单位名称|工作单位') ?? payer ?? withholdingAgent(b) ?? entryPayer ?? (taxOffice ? undefined : (working ?? signature(b)));
  // A stamp over the signature may take a character of the name (金蝶源 → 金蝶): the letterhead prints it whole.
  const head = named && letterhead(b);
  const employer = head && lostOne(head.value, named.value) ? head : named;
  if (employer) setEmployer(b, employer.value.replace(/[((](?:盖章|公章)[))]$/, ''), employer);
  // A bank app's summary puts its word after the figure (近期工资收入(元) / 39,012.30 月均).
  const average = b.page.first(/(?<![0-9.,])([0-9][0-9,]*\.[0-9]{2})元?\n?月(?:均|平均)(?![工收薪])/);
  const averaged = average && readAmount(average.value);
  headingsOverFigures(b);
  if (average && averaged !== undefined) b.set('monthlyIncome', { value: averaged, type: 'amount', evidence: 'valid' }, average);
  else if (!b.reads.monthlyIncome) amount(b, 'monthlyIncome', MONTHLY);
  // A month's payslip (工资条, 工资单): its gross pay is the month's income.
  if (!b.reads.monthlyIncome && /工资条|工资单/.test(b.page.text)) amount(b, 'monthlyIncome', '应发(?:合计|工资|金额)');
  if (!b.reads.annualIncome) amount(b, 'annualIncome', ANNUAL);
  // A proof of the last twelve months' pay totals them on a line of its own (合计:…), or in its
  // table's totals row, the gross first (合计  128,637.73  20,582.03  108,055.70).
  const twelve = TWELVE_MONTHS.test(b.page.text) || twelveMonthPeriod(b.page.text);
  if (!b.reads.annualIncome && twelve) amount(b, 'annualIncome', `(?<![${CJK}])合计(?=[::])|(?:代发)?(?:工资|收入|薪酬)(?:共计|合计|总计)`);
  const payroll = record ? undefined : payrollTable(b);
  if (payroll && !b.reads.annualIncome) {
    b.set('annualIncome', { value: payroll.n, type: 'amount', evidence: 'valid' }, payroll.hit);
    b.confirm('annualIncome');
  }
  if (record?.annual && !b.reads.annualIncome) {
    b.set('annualIncome', { value: record.annual.n, type: 'amount', evidence: 'valid' }, record.annual.hit);
    if (record.annual.summed) b.confirm('annualIncome');
  }
  // Last, a table none of those checks knew (序号 支付月份 应付金额(税前) …): its totals row's first amount.
  if (!b.reads.annualIncome && twelve && !record && payrollHeader(b) < 0) amount(b, 'annualIncome', `(?<![${CJK}])合计(?=[0-9])`);
  const m = b.reads.monthlyIncome?.value;
  const y = b.reads.annualIncome?.value;
  if (typeof m === 'number' && typeof y === 'number') {
    // Twelve months plus up to four months of bonus: the two totals confirm each other.
    if (y >= m * 12 - 1 && y <= m * 16) {
      b.confirm('monthlyIncome');
      b.confirm('annualIncome');
    } else {
      b.contradict('monthlyIncome', `月收入${m}元与年收入${y}元不相符,请核对`);
      b.contradict('annualIncome', `年收入${y}元与月收入${m}元不相符,请核对`);
    }
  }
  upperAnnual(b);
  lastDate(b, 'date', '日期|出具日期|开具日期');
  return b.result();
}

/**
 * A year's income in upper case only, some of its digits misread (年均收入人民币(大写)期万制仟捌佰元整):
 * the one of twelve to sixteen months' pay it can be written as (捌万捌仟捌佰元整, 12 × 7,400), as a
 * repaired value naming what was read. It confirms nothing: the month's pay made it.
 */
function upperAnnual(b: Builder): void {
  const m = b.reads.monthlyIncome;
  if ((b.reads.annualIncome && b.reads.annualIncome.evidence !== 'invalid') || !m || typeof m.value !== 'number' || m.evidence === 'invalid') return;
  const run = b.page.first(new RegExp(`(?:${ANNUAL})${FILLER}([${CJK}]{3,20}?元整?)`));
  if (!run || readUpperAmount(run.value) !== undefined) return;
  const monthly = m.value;
  const fits = [12, 13, 14, 15, 16].map((k) => monthly * k).filter((y) => upperReadAs(run.value, y));
  if (fits.length !== 1) return;
  b.set('annualIncome', { value: fits[0]!, type: 'amount', evidence: 'repaired', note: `年收入大写金额识别为“${run.value}”,有数字未能识别,按月收入${monthly}元推算为${fits[0]!}元,请核对原件` }, run);
}

/** A tax record's columns (个人所得税纳税记录): each period's income, and who withheld the tax on it. */
const INCOME_COLUMN = /^收入(?:额|金额)?(?:\(元\)|(元))?$/;
const AGENT_COLUMN = /^扣缴义务人(?:名称)?$/;
const TAX_PERIOD_COLUMN = /所属期|所得项目|所属月份/;
/** A row's period: 2022-01, 2022.01, 2022年01月, 202201. */
const PERIOD_CELL = /^((?:19|20)\d{2})[-.\/年]?(\d{1,2})月?$/;
/** A title's period: (2022年01月至2022年12月). */
const TITLE_PERIOD = /((?:19|20)\d{2})[年.\-/](\d{1,2})月?[至到~\-—–一]((?:19|20)\d{2})[年.\-/](\d{1,2})月?/;

/**
 * The withholding agent most of a tax record's monthly rows end with (`2022-01  工资薪金  7,117.60
 * 63.53  广东粤海信息技术有限公司`), read from the lines so a reading without cells finds it too.
 */
function withholdingAgent(b: Builder): Hit | undefined {
  // Lines, not the text: an income page's text runs its lines on (PageText joined).
  const row = new RegExp(`^(?:19|20)\\d{2}[-.年/]?\\d{1,2}月?.*?\\d(${ORG})$`);
  const hits = b.page.lines.flatMap((line, i) => {
    const m = row.exec(line);
    return (m && b.page.lineHit(i, line.length - m[1]!.length, line.length)) || [];
  });
  return mostNamed(hits) ?? agentInRows(b);
}

/** The value most hits name, when at least two name it (its first hit). */
function mostNamed(hits: readonly Hit[]): Hit | undefined {
  const counts = new Map<string, Hit[]>();
  for (const h of hits) counts.set(h.value, [...(counts.get(h.value) ?? []), h]);
  const [top] = [...counts.values()].sort((x, y) => y.length - x.length);
  return top && top.length >= 2 ? top[0] : undefined;
}

/** What a row of the tax app's record puts before the withholding agent: its item (正常工资薪金, 劳务报酬). */
const TAX_ITEM = /^.*?(?:工资薪金|劳务报酬|稿酬|特许权使用费|奖金)(?:所得|收入)?/;

/**
 * The withholding agent of a record whose rows ran together (1正常工资薪金深圳市华信建设工程有限公司2025-09-01…)
 * or broke over lines (its name on a line of its own): below a header naming 扣缴义务人, the
 * organisation that most rows name, when at least two do.
 */
function agentInRows(b: Builder): Hit | undefined {
  // 扣缴 may be misread (扣做义务人).
  const headerAt = b.page.lines.findIndex((l) => /扣[\u3400-\u9fff]?义务人/.test(l));
  if (headerAt < 0) return undefined;
  const hits = b.page.lines.slice(headerAt + 1).flatMap((line, k) => {
    const m = new RegExp(ORG).exec(line);
    // On a row with its period, or on a line of its own (a row broken over lines: 2 2024-02工资薪金… / 深圳市宝安区人民医院).
    const alone = m && line.replace(m[0], '').replace(/[^0-9A-Za-z\u3400-\u9fff]/g, '') === '';
    if (!m || (!alone && !/\d{4}[-.年/]\d{1,2}/.test(line))) return [];
    const cut = TAX_ITEM.exec(m[0])?.[0].length ?? 0;
    const h = b.page.lineHit(headerAt + 1 + k, m.index + cut, m.index + m[0].length);
    return h && h.value.length >= 4 ? [h] : [];
  });
  return mostNamed(hits);
}

interface TaxRecord {
  /** The totals row's income, when the record covers twelve months; summed: the rows add up to it. */
  readonly annual?: { readonly n: number; readonly hit: Hit; readonly summed: boolean };
}

/** How many months a record's rows cover when they make a year (twelve rows, or a title's period of twelve months above the header), else undefined. */
function yearOfRows(b: Builder, headerAt: number, rows: readonly { readonly period: string }[]): number | undefined {
  const title = TITLE_PERIOD.exec(b.page.lines.slice(0, headerAt).join('\n'));
  const titleMonths = title ? (Number(title[3]) - Number(title[1])) * 12 + Number(title[4]) - Number(title[2]) + 1 : undefined;
  const months = new Set(rows.map((r) => r.period)).size;
  return months === 12 || (titleMonths === 12 && months <= 12) ? months : undefined;
}

/**
 * A tax record's table: `税款所属期  所得项目  收入  实缴(退)金额  扣缴义务人`, a row per month, then
 * `合计  75,426.83  462.80` (the empty cells of the totals row are not read, so its amounts stand
 * under the header's columns of amounts, from the left, as on a statement).
 */
function taxRecord(b: Builder): TaxRecord | undefined {
  const { cells } = b.page;
  const headerAt = cells.findIndex((row) => row.length >= 3 && row.some((c) => INCOME_COLUMN.test(c)) && row.some((c) => AGENT_COLUMN.test(c) || TAX_PERIOD_COLUMN.test(c)));
  if (headerAt < 0) return undefined;
  const header = cells[headerAt]!;
  const incomeAt = header.findIndex((c) => INCOME_COLUMN.test(c));
  const rows: { period: string; income?: number }[] = [];
  let totals: number | undefined;
  for (let i = headerAt + 1; i < cells.length; i++) {
    const row = cells[i]!;
    if (TOTALS_ROW.test(row[0] ?? '')) {
      totals = i;
      break;
    }
    // The period first, or after a 序号 cell.
    const period = PERIOD_CELL.exec(row[0] ?? '') ?? (/^\d{1,2}$/.test(row[0] ?? '') ? PERIOD_CELL.exec(row[1] ?? '') : null);
    if (!period) continue;
    // Only a row with every cell read stands under the header cell by cell.
    const whole = row.length === header.length;
    rows.push({ period: `${period[1]}-${period[2]!.padStart(2, '0')}`, income: whole && AMOUNT_CELL.test(row[incomeAt]!) ? readAmount(row[incomeAt]!) : undefined });
  }
  if (totals === undefined) return undefined;
  const row = cells[totals]!;
  const amountColumns = header.filter((c) => AMOUNT_COLUMN.test(c));
  const amounts = row.map((c, j) => ({ j, n: AMOUNT_CELL.test(c) ? readAmount(c) : undefined })).filter((a) => a.n !== undefined);
  const k = amountColumns.findIndex((c) => INCOME_COLUMN.test(c));
  if (amounts.length !== amountColumns.length || k < 0) return undefined;
  const months = yearOfRows(b, headerAt, rows);
  if (months === undefined) return undefined;
  const hit = b.page.cellHit(totals, amounts[k]!.j);
  if (!hit) return undefined;
  const n = amounts[k]!.n!;
  const incomes = rows.map((r) => r.income);
  const summed = months === 12 && incomes.every((x) => x !== undefined) && Math.abs(incomes.reduce((s: number, x) => s + x!, 0) - n) < 0.005;
  return { annual: { n, hit, summed } };
}

/**
 * Amounts with their fen, parted even where they ran together (12,745.94327.10, 561.1823101.64 where
 * a row's single spaces were taken out): each amount ends two digits after its point.
 */
const FEN_AMOUNTS = /(?<=^|[^\d,.]|\.\d{2})(?:\d{1,3}(?:,\d{3})+|\d{1,7})\.\d{2}/g;
/** A row's dates and times: their digits run into the amount after them (2025-09-3012,745.94, 10:49:0820.04). */
const DATES_AND_TIMES = /(?:19|20)\d{2}(?:[-./]\d{1,2}[-./]\d{1,2}|\d{4})|\d{1,2}:\d{2}(?::\d{2})?/g;
/** A line's amounts with their fen (FEN_AMOUNTS), its dates and times blanked first; offsets are the line's. */
const fenAmounts = (line: string): RegExpExecArray[] => [...line.replace(DATES_AND_TIMES, (d) => ' '.repeat(d.length)).matchAll(FEN_AMOUNTS)];
/** The tax app's columns of amounts, in a header whose cells ran together. */
const TAX_AMOUNT_COLUMNS = /收入(?:额|金额)?|(?:已申报|已缴|实缴|应纳|应补\(?退\)?)税(?:额|款)|实缴(?:[((]退[))])?金额/g;

/**
 * The tax app's 收入纳税明细 read line by line, its cells run together: a header naming 收入额 among
 * its columns of amounts, a row per month (the period as dates: 2025-09-01 2025-09-30), then 合计
 * with one amount per column. Twelve months (or a title period of twelve) make the 收入额 of 合计 a
 * year's income; the rows adding up to it confirm it.
 */
function lineTaxRecord(b: Builder): TaxRecord | undefined {
  const { lines } = b.page;
  const headerAt = lines.findIndex((l) => /扣缴义务人|所得项目/.test(l) && /收入(?:额|金额)/.test(l));
  if (headerAt < 0) return undefined;
  const columns = [...lines[headerAt]!.matchAll(TAX_AMOUNT_COLUMNS)].map((m) => m[0]);
  const k = columns.findIndex((c) => c.startsWith('收入'));
  if (k < 0) return undefined;
  const rows: { period: string; income?: number }[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (TOTALS_ROW.test(line)) {
      const found = fenAmounts(line);
      if (found.length !== columns.length) return undefined;
      const months = yearOfRows(b, headerAt, rows);
      if (months === undefined) return undefined;
      const m = found[k]!;
      const n = readAmount(m[0]);
      const hit = b.page.lineHit(i, m.index, m.index + m[0].length);
      if (n === undefined || !hit) return undefined;
      const incomes = rows.map((r) => r.income);
      const summed = months === 12 && incomes.every((x) => x !== undefined) && Math.abs(incomes.reduce((t: number, x) => t + x!, 0) - n) < 0.005;
      return { annual: { n, hit, summed } };
    }
    const period = /((?:19|20)\d{2})[-.年/](\d{1,2})/.exec(line);
    if (!period) continue;
    const found = fenAmounts(line);
    rows.push({ period: `${period[1]}-${period[2]!.padStart(2, '0')}`, income: found.length === columns.length ? readAmount(found[k]![0]) : undefined });
  }
  return undefined;
}

/** The line of a payroll table's header (月份 应发工资 …), or -1. */
const payrollHeader = (b: Builder): number => b.page.lines.findIndex((l) => /^(?:月份|所属月份|发放月份|年月)/.test(l) && /应发|税前/.test(l));

/**
 * A payroll table (工资发放明细: 月份 应发工资 代扣… 实发工资), a row a month, read line by line: the
 * gross pay of twelve months is the 合计 amount that the rows' first column of amounts adds up to,
 * when the header names the gross (应发 or 税前) — the sum is the check, so nothing is placed by guess.
 */
function payrollTable(b: Builder): { n: number; hit: Hit } | undefined {
  const { lines } = b.page;
  const headerAt = payrollHeader(b);
  if (headerAt < 0) return undefined;
  const months = new Set<string>();
  let sum = 0;
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const found = fenAmounts(line);
    if (TOTALS_ROW.test(line)) {
      const first = found[0];
      const n = first && readAmount(first[0]);
      if (!first || months.size !== 12 || n === undefined || Math.abs(n - sum) >= 0.005) return undefined;
      const hit = b.page.lineHit(i, first.index, first.index + first[0].length);
      return hit && { n, hit };
    }
    const month = /^((?:19|20)\d{2})[-.年/](\d{1,2})月?/.exec(line);
    const gross = found[0] && readAmount(found[0][0]);
    if (!month || gross === undefined) return undefined;
    months.add(`${month[1]}-${month[2]!.padStart(2, '0')}`);
    sum += gross;
  }
  return undefined;
}

/** Issuer numbers (BIN) of China Merchants Bank's cards (一卡通 and credit cards), which are 16 digits long. */
const SIXTEEN_DIGIT_BINS = ['621483', '621485', '621486', '621286', '622588', '622575', '622576', '622577', '622578', '622580', '622581', '622582', '410062', '468203', '512425', '524011'];

/**
 * How many stars a card masked as its first 6 and last 4 digits has when their number was lost
 * (read as quotes): a card of China Merchants Bank is 16 digits long (6 stars); the UnionPay debit
 * cards of the other large banks that statements are printed for are 19 (9 stars).
 */
function usualStars(first6: string): number {
  return SIXTEEN_DIGIT_BINS.includes(first6) ? 6 : 9;
}

/**
 * The length a masked card number read with too few or too many stars had (6 digits, stars, 4
 * digits; bank cards are 16 or 19 digits long): 16 for 14–15 characters, 19 for 17–18, the card's
 * usual length for fewer; undefined when the length is one of those or the number is no such mask.
 */
function cardLength(value: string): number | undefined {
  if (!/^\d{6}\*+\d{4}$/.test(value)) return undefined;
  // Most of its stars lost (622260**2306): the card's usual length (usualStars).
  if (value.length <= 13) return 10 + usualStars(value.slice(0, 6));
  return value.length === 14 || value.length === 15 ? 16 : value.length === 17 || value.length === 18 ? 19 : undefined;
}

/**
 * An account number as banks print it: 12 to 19 digits, a UnionPay card's (62…) 16 to 19; or a card
 * masked with 4, 6 or 8 digits shown before the stars (6217 **** **** 4434, 622262*********5227), not 5
 * or 7 (a digit lost or read twice: 22262*******5227). A masked card starts as cards do (3 to 6: no
 * 2199****1996, its 6 lost) and is as long as a card (16 to 19), or shows four stars whatever its length
 * (6222****2729, as apps print it); a star or two lost gives neither (6222******2729).
 */
function plausibleAccount(value: string): boolean {
  if (/^\d+$/.test(value)) return value.length >= (value.startsWith('62') ? 16 : 12) && value.length <= 19;
  const masked = /^([3-6]\d{3,7})(\*{3,12})\d{3,4}$/.exec(value);
  return masked !== null && masked[1]!.length % 2 === 0 && (masked[2]!.length === 4 || (value.length >= 16 && value.length <= 19));
}

/** A line that is only a card number, whole or masked (16 to 19 characters, four digits or more at each end). */
function cardLine(b: Builder): Hit | undefined {
  const at = b.page.lines.findIndex((l) => /^\d{4,6}[\d*]{6,11}\d{4}$/.test(l) && l.length >= 16 && l.length <= 19 && !/^(?:19|20)\d{6}/.test(l));
  const hit = at < 0 ? undefined : b.page.lineHit(at, 0, b.page.lines[at]!.length);
  return hit && { ...hit, unlabelled: true };
}

/**
 * A card number after 号 whose first character was misread (皖号:6292838416685186921 for 账号): a
 * whole number of 16 to 19 digits that is no ID number (证号, or a valid resident number), unlabelled.
 */
/**
 * A summary line's 本期贷方发生额 with 贷 misread as a character that is no 借 (本期镇方发生额:51,569.15)
 * where the same line also gives 借方发生额: the one other total is the credit. Unlabelled.
 */
function creditBesideDebit(b: Builder): void {
  const re = new RegExp(`本期([\u3400-\u9fff])方发生额[::]?(${MONEY})`, 'd');
  for (let i = 0; i < b.page.lines.length; i++) {
    const line = b.page.lines[i]!;
    const m = re.exec(line);
    if (!m || m[1] === '借' || !/借方发生额/.test(line.slice(0, m.index) + line.slice(m.index + m[0].length))) continue;
    setAmount(b, 'creditTotal', { ...b.page.lineHit(i, m.indices![2]![0], m.indices![2]![1])!, unlabelled: true });
    return;
  }
}

function misreadAccountLabel(b: Builder): Hit | undefined {
  const hit = b.page.first(/(?<=[\u3400-\u9fff])(?<![证件])号[::]?(\d{16,19})(?![\dXx])/);
  return hit && !checkIdNumber(hit.value).valid ? { ...hit, unlabelled: true } : undefined;
}

export function extractBank(b: Builder): Extraction {
  // Not 对方户名, the heading of the counterparty's column.
  nameAfter(b, 'name', '(?<!对方)(?:账户名称|户名称|户名|客户名称|客户姓名|账户户名|姓名)');
  // An app's account page prints the card alone on a line, without a label (6230 **** **** 5130).
  const acctLabels = '账号|卡号|账户号码|客户账号|账户账号|(?<!户名|名称)账户';
  const acct = b.page.first(after(acctLabels, `[0-9][0-9${MASK}${MASK_QUOTES}]{9,23}`)) ?? cardLine(b) ?? misreadAccountLabel(b);
  // A card's first 6 and last 4 digits with its stars lost when read small: nothing between them
  // (6222602306: no account is 10 digits long, and a UnionPay card's start) or marks no star reads as
  // (622260+et+tt*2306).
  const starless = b.page.first(after(acctLabels, `\\d{6}(?:[^\\d\\n\\u3400-\\u9fff]{1,12})?\\d{4}(?![\\d${MASK}${MASK_QUOTES}])`));
  const lost = starless && (!acct || acct.start === starless.start) ? /^(62\d{4}|[3-6]\d{5}(?=\D))\D*(\d{4})$/.exec(starless.value) : null;
  if (lost && !new RegExp(`^\\d{6}[${MASK}${MASK_QUOTES}]+\\d{4}$`).test(starless!.value)) {
    const stars = usualStars(lost[1]!);
    const usual = `${lost[1]}${'*'.repeat(stars)}${lost[2]}`;
    b.set('accountNumber', { value: usual, type: 'text', evidence: 'repaired', note: `账号识别为“${starless!.value}”,中间的星号未能识别,按常见格式补为${stars}个,请核对` }, starless!);
  } else if (acct) {
    // A masked number (621490******3940) keeps its stars; a star read as x, × or w is put back.
    const value = acct.value.replace(new RegExp(`(?<=^\\d{4,8}[${MASK}]*)[${MASK}](?=[${MASK}]*\\d{3,4}$)`, 'g'), '*');
    const quoted = new RegExp(`^(\\d{6})[${MASK}${MASK_QUOTES}]*[${MASK_QUOTES}][${MASK}${MASK_QUOTES}]*(\\d{4})$`).exec(acct.value);
    if (quoted) {
      // Stars read as quotes ("): how many were printed is lost; the card's usual length says it (see usualStars).
      const stars = usualStars(quoted[1]!);
      const usual = `${quoted[1]}${'*'.repeat(stars)}${quoted[2]}`;
      b.set('accountNumber', { value: usual, type: 'text', evidence: 'repaired', note: `账号识别为“${acct.value}”,中间的星号个数按常见格式补为${stars}个,请核对` }, acct);
    } else if (cardLength(value) !== undefined) {
      // Stars run together when read small (CTC keeps one of two alike): a card of 6 + 4 digits shown is 16 or 19 long.
      const usual = cardLength(value)!;
      const fixed = value.replace(/\*+/, '*'.repeat(usual - 10));
      b.set('accountNumber', { value: fixed, type: 'text', evidence: 'repaired', note: `账号识别为“${value}”,共${value.length}位,中间的星号个数按${usual}位卡号补齐,请核对` }, acct);
    } else b.set('accountNumber', { value, type: 'text', evidence: plausibleAccount(value) ? 'valid' : 'invalid', ...(acct.unlabelled ? { unlabelled: true } : {}) }, acct);
  }
  const labelled = b.page.first(new RegExp(`(?:起止日期|查询期间|交易期间|查询时段|起止时间|查询区间|对账期间|账单期间|统计期间|统计周期|账单周期|期间)[::;;]?(${PERIOD_RANGE})`));
  // Without its label (an English title's 2026-08-18--2026-11-16, a label misread): the first range above the entries.
  const range = labelled ?? (startAndEnd(b) ? undefined : unlabelledRange(b));
  if (range) {
    const parts = range.value.replace(/(?<=\d)[.,·]?(--|[至到~\-—–一])[.,·]?(?=\d)/g, '$1').split(/(?<=日|\d{2})[至到~—–一]|(?<=\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2})-{1,2}|(?<=^\d{8})-{1,2}/);
    const mark = range.unlabelled ? { unlabelled: true } : {};
    b.date('periodStart', parts[0] ? { value: parts[0], start: range.start, end: range.start + parts[0].length, ...mark } : undefined);
    b.date('periodEnd', parts[1] ? { value: parts[1], start: range.end - parts[1].length, end: range.end, ...mark } : undefined);
  } else if (!b.reads.periodStart) gluedRange(b);
  // 收入金额: with its colon, a summary line's total (收入笔数:6 收入金额:71,583.43元), not a column heading.
  // 发生额 with its last character misread (发生颜) still names the column's total.
  // 本期收入66,394.85元 in a summary sentence: 本期 makes it the period's total, not a column heading.
  // 合计 with its 计 lost still ends the label where a colon follows (贷方发生合:36,600.00, read small);
  // 贷 is often read as 货 (货方发生额合计, no such word).
  amount(b, 'creditTotal', '(?:本期)?(?:收入|存入|贷方|货方(?=发生)|入账|转入)(?:金额)?(?:发生额|发生[^0-9::\\n]|发生)?(?:共?[0-9]+笔)?(?:合计|总额|总计|[合含]计|[合含](?=[::]))|(?:本期)?(?:收入|存入|贷方|入账)(?:金额|发生额)(?=[::])|本期(?:收入|存入|贷方|入账)(?:金额|发生额)?(?=为|[::]?[0-9])');
  // An export's summary: 收入6笔,共¥127,035.00 (贷方7笔,共¥65,825.00).
  if (!b.reads.creditTotal) amount(b, 'creditTotal', '(?:收入|存入|转入|贷方)共?[0-9]{1,4}笔[,,]?共');
  if (!b.reads.creditTotal) creditBesideDebit(b);
  // 余额 with its 额 lost or misread still ends the label before a colon (期末余:62,558.00), as does 末余额: with its 期 lost.
  amount(b, 'closingBalance', '期[末未本](?:余额|结余)|期[末未]余[^0-9::\\n]?(?=[::])|(?<![\u3400-\u9fff])末余额(?=[::])|(?<![\u3400-\u9fff])期余额(?=[::])|(?<![\u3400-\u9fff])期余(?=[::]?[0-9])|账户(?:余额|结余)|当前余额|截止余额|最终余额|可用余额');
  summaryRow(b);
  balancedSummary(b);
  statementTotals(b);
  if (!b.reads.creditTotal) lineTotals(b);
  if (!b.reads.closingBalance) balanceAfterLastEntry(b);
  if (!b.reads.closingBalance) lineBalanceAfterLastEntry(b);
  return b.result();
}

/**
 * A summary's row of figures with its misreadings put right in place, so each amount keeps its offset
 * in the line: a thousands comma read as a semicolon (2;599.09) or as a dot (¥43.525.29), a speck read
 * as a dot after an amount (53,874.00.6,166.89).
 */
const summaryFigures = (line: string): string =>
  line.replace(/(?<=\d);(?=\d{3}[.,])/g, ',').replace(/(?<=[0-9]\.\d{2})\.(?=\d)/g, ' ').replace(/(?<=\d)\.(?=\d{3}[.,]\d{2}(?!\d))/g, ',');

/** Whether the amounts found are all a row of figures holds (besides ¥, 元 and spaces). */
const onlyAmounts = (values: string, found: readonly RegExpExecArray[]): boolean => found.map((m) => m[0]).join('') === values.replace(/[¥¥元\s]/g, '');

/** A statement summary's headings, each with the field its amount gives (期初余额 收入合计 支出合计 期末余额). */
const SUMMARY_HEADINGS: readonly (readonly [RegExp, 'creditTotal' | 'closingBalance' | undefined])[] = [
  [/^(?:本期)?(?:贷方|货方(?=发生)|收入|存入|转入)(?:金额|发生额)?(?:合计|总额|总计)?/, 'creditTotal'],
  [/^(?:本期)?(?:借方|支出|支取|转出)(?:金额|发生额)?(?:合计|总额|总计)?/, undefined],
  [/^(?:期初|上期|承前)(?:余额|结余)/, undefined],
  [/^(?:期末|本期|当前|截止)(?:余额|结余)/, 'closingBalance'],
];

/**
 * A statement summary printed as a row of headings over a row of amounts, read as one line or two
 * (期初余额收入合计支出合计期末余额 / 19,346.71 63,654.58 11,798.51 71,202.78): the headings part
 * into known ones, and with exactly one amount for each, each amount stands under its heading. The
 * amount straight after 期末余额 is then the next column's, not the balance.
 */
function summaryRow(b: Builder): void {
  const { lines } = b.page;
  for (let i = 0; i < lines.length; i++) {
    const headings = /^[^\d¥¥]+/.exec(lines[i]!)?.[0] ?? '';
    const fields: ('creditTotal' | 'closingBalance' | undefined)[] = [];
    // Specks between the headings (期初余额·本期收入合计) are no heading.
    let rest = headings.replace(/[::·•.'‘’“”*-]/g, '');
    while (rest) {
      const known = SUMMARY_HEADINGS.map(([re, field]) => ({ m: re.exec(rest), field })).find((k) => k.m);
      if (!known) break;
      fields.push(known.field);
      rest = rest.slice(known.m![0].length);
    }
    if (rest || fields.length < 2) continue;
    const own = lines[i]!.slice(headings.length);
    const at = own ? i : i + 1;
    const values = summaryFigures(own || lines[at] || '');
    const found = fenAmounts(values);
    if (found.length !== fields.length || !onlyAmounts(values, found)) {
      // Which amount stands under which heading is lost; the one read straight after the last heading
      // (期末余额19,346.71) is the first column's, so a field that took it by its label is flagged.
      const first = own && found[0] ? readAmount(found[0][0]) : undefined;
      for (const field of ['creditTotal', 'closingBalance'] as const) {
        if (first !== undefined && fields[0] !== field && b.reads[field]?.value === first) b.contradict(field, '汇总行的金额个数与栏目对不上,这一金额可能属于另一栏,请核对');
      }
      continue;
    }
    const offset = own ? headings.length : 0;
    fields.forEach((field, k) => {
      const n = readAmount(found[k]![0]);
      const hit = b.page.lineHit(at, offset + found[k]!.index, offset + found[k]!.index + found[k]![0].length);
      if (field && n !== undefined && hit) b.set(field, { value: n, type: 'amount', evidence: 'valid' }, hit);
    });
    return;
  }
}

/**
 * A summary row of four amounts whose headings were read past recognising (期初余额请方发生杯支出合计期末余部 /
 * 19,959.75 103,974.87 12,205.03 111,729.59): opening, credits, debits, closing in either order of the
 * middle two, told by the sum (opening + credits − debits = closing, to the fen; four figures read
 * wrong seldom balance). The credits and the closing balance it gives are checked by that sum.
 */
function balancedSummary(b: Builder): void {
  const { lines } = b.page;
  for (let i = 0; i < lines.length; i++) {
    const values = summaryFigures(lines[i]!);
    const found = fenAmounts(values);
    if (found.length !== 4 || !onlyAmounts(values, found)) continue;
    const amounts = found.map((m) => readAmount(m[0]));
    if (amounts.some((n) => n === undefined)) continue;
    const [open, second, third, close] = amounts.map((n) => Math.round(n! * 100)) as [number, number, number, number];
    const credit = open + second - third === close ? 1 : open + third - second === close ? 2 : 0;
    if (credit === 0) continue;
    for (const [field, k] of [['creditTotal', credit], ['closingBalance', 3]] as const) {
      const hit = b.page.lineHit(i, found[k]!.index, found[k]!.index + found[k]![0].length);
      const n = amounts[k]!;
      if (!b.reads[field] && hit) b.set(field, { value: n, type: 'amount', evidence: 'valid' }, hit);
      if (b.reads[field]?.value === n) b.confirm(field);
    }
    return;
  }
}

/** The start and the end of a statement's period labelled apart (起始日期 Date From: … 截止日期 Date To: …, a receipt's 起始: … 截止: …). */
const PERIOD_START = '(?:查询)?(?:起始|开始)(?:日期|时间)?|起日';
const PERIOD_END = '(?:查询)?(?:截止|截至|结束|终止)(?:日期|时间)?|止日';

/** Sets both ends when both are printed with their labels; false (nothing set) otherwise. */
function startAndEnd(b: Builder): boolean {
  const start = b.page.first(after(`(?:${PERIOD_START})${ENGLISH_LABEL}`, PERIOD_DATE));
  const end = b.page.first(after(`(?:${PERIOD_END})${ENGLISH_LABEL}`, PERIOD_DATE));
  if (!start || !end || end.start <= start.start) return false;
  b.date('periodStart', start);
  b.date('periodEnd', end);
  return true;
}

/** A statement's period: two dates with 至, a dash (or two) or a tilde between them (a speck read beside it: 20260111-.20260311). */
const PERIOD_RANGE = `(?:${PERIOD_DATE})[.,·]?(?:--|[至到~\\-—–一])[.,·]?(?:${PERIOD_DATE})`;

/** The first period printed above a statement's entries, without its label (marked unlabelled). */
function unlabelledRange(b: Builder): Hit | undefined {
  // The first entry starts with its date (a range of two dates is no entry: 2025-02-26-2025-08-27).
  const range = new RegExp(`^(?:${PERIOD_RANGE})`);
  const firstEntry = b.page.lines.findIndex((l, i) => i > 0 && /^(?:19|20)\d{2}[-./]?\d{2}[-./]?\d{2}/.test(l) && !range.test(l));
  const h = b.page.all(new RegExp(`(${PERIOD_RANGE})`)).find((x) => firstEntry < 0 || b.page.line(x.start) < firstEntry);
  return h && { ...h, unlabelled: true };
}

/**
 * A period whose 至 was lost or read as one stray character (起止H期:2024-02-1942025-02-19): two dates
 * printed in full (4-2-2 digits, one separator) still part where they meet. Only after a label
 * ending in 期, 间, 段 or 止 on the same line: at a line's start two glued dates are an entry's dates
 * (交易日期 and 记账日期).
 */
const GLUED_RANGE = /^[^\d\n]{0,7}[期间段止][::]?((?:19|20)\d{2}([-./])\d{2}\2\d{2})[^\n]?((?:19|20)\d{2}\2\d{2}\2\d{2})(?!\d)/m;

function gluedRange(b: Builder): void {
  const m = GLUED_RANGE.exec(b.page.text);
  if (!m || m[3]! <= m[1]!) return;
  const start = m.index + m[0].indexOf(m[1]!);
  const end = m.index + m[0].length - m[3]!.length;
  b.date('periodStart', { value: m[1]!, start, end: start + m[1]!.length, unlabelled: true });
  b.date('periodEnd', { value: m[3]!, start: end, end: end + m[3]!.length, unlabelled: true });
}

/**
 * balanceAfterLastEntry for a statement read line by line, its cells run together (招商银行:
 * 记账日期货币交易金额联机余额交易摘要对手信息): when the header's last column of amounts is the
 * balance, each entry's last amount is its balance, and the latest entry's is the closing one.
 */
function lineBalanceAfterLastEntry(b: Builder): void {
  const { lines } = b.page;
  const headerAt = lines.findIndex((l) => /日期|时间/.test(l) && /余额/.test(l));
  if (headerAt < 0 || MORE_PAGES.test(b.page.text)) return;
  // Columns of amounts: 交易金额, 发生额, a bare 收入 / 支出 (交易日期摘要收入支出余额对方户名), the balance.
  const columns = [...lines[headerAt]!.matchAll(/(?:交易|发生|收入|支出|存入|支取|借方|贷方)?金额|发生额|收入|支出|存入|支取|借方|贷方|(?:联机|账户|可用)?余额/g)].map((m) => m[0]);
  if (columns.length < 2 || !columns[columns.length - 1]!.endsWith('余额')) return;
  const entries: { date: number; n: number; hit: Hit | undefined }[] = [];
  const dates: number[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const date = entryDate(line);
    if (date !== undefined) dates.push(date);
    const found = fenAmounts(line);
    const last = found[found.length - 1];
    const n = last && readAmount(last[0]);
    // A row read apart from its date (the date on a line of its own): which entry is the latest is lost.
    // (A summary line of totals, 收入合计:70119.65支出合计:…, is no such row.)
    if (date === undefined && last && !TOTALS_ROW.test(line) && !/^[\u3400-\u9fff]{2,4}(?:合计|总计|小计)/.test(line)) return;
    if (date !== undefined && last && n !== undefined && found.length <= columns.length) entries.push({ date, n, hit: b.page.lineHit(i, last.index, last.index + last[0].length) });
  }
  setLatestBalance(b, entries, dates);
}

/**
 * The closing balance as the latest of two or more entries' balances (the last when they run forward
 * in time, else the first), unlabelled; none when a row of a later date (`dates`: every row's) was
 * read without its balance (rows run together), for its balance is the closing one.
 */
function setLatestBalance(b: Builder, entries: readonly { readonly date: number; readonly n: number; readonly hit: Hit | undefined }[], dates: readonly number[]): void {
  if (entries.length < 2) return;
  const forward = entries[0]!.date <= entries[entries.length - 1]!.date;
  const latest = forward ? entries[entries.length - 1]! : entries[0]!;
  if (dates.some((d) => d > latest.date)) return;
  if (latest.hit) b.set('closingBalance', { value: latest.n, type: 'amount', evidence: 'valid', unlabelled: true, note: '期末余额取自最后一笔交易后的余额,请核对' }, { ...latest.hit, unlabelled: true });
}

/** A page that says others follow (第1页/共3页, 续下页): its last entry need not be the statement's. */
const MORE_PAGES = /第\s*\d+\s*页\s*[/,,]?\s*共\s*\d+\s*页|续下页/;

/** A statement row's date (2024-05-27, 2024/05/27, 2024.05.27 or 20240527, a real date), as a sortable number. */
function entryDate(cell: string): number | undefined {
  const iso = parseDate(/^\d{4}[-/.]?\d{2}[-/.]?\d{2}/.exec(cell)?.[0] ?? '');
  return iso ? Number(iso.replaceAll('-', '')) : undefined;
}

/**
 * A statement with no closing balance printed: the balance column of its latest entry (the last row
 * when the entries run forward in time, the first when they run back). Without its label it is an
 * unlabelled value (the page may be one of several), for the clerk to check.
 */
function balanceAfterLastEntry(b: Builder): void {
  const { cells } = b.page;
  const headerAt = cells.findIndex((row) => row.length >= 3 && /日期|时间/.test(row[0] ?? '') && row.some((c) => BALANCE_COLUMN.test(c)));
  if (headerAt < 0 || MORE_PAGES.test(b.page.text)) return;
  const header = cells[headerAt]!;
  // The balance the last column of amounts: a row's last amount is its balance, whichever of the
  // income and spending cells before it was left empty (an empty cell is not read at all).
  const amountsAt = header.flatMap((c, j) => (AMOUNT_COLUMN.test(c) ? [j] : []));
  if (!BALANCE_COLUMN.test(header[amountsAt[amountsAt.length - 1]!] ?? '')) return;
  const entries: { date: number; n: number; hit: Hit | undefined }[] = [];
  const dates: number[] = [];
  for (let i = headerAt + 1; i < cells.length; i++) {
    const row = cells[i]!;
    const date = entryDate(row[0] ?? '');
    if (date !== undefined) dates.push(date);
    const j = row.findLastIndex((c) => PLAIN_AMOUNT_CELL.test(c));
    const n = j > 0 ? readAmount(row[j]!) : undefined;
    if (date !== undefined && n !== undefined) entries.push({ date, n, hit: b.page.cellHit(i, j) });
  }
  setLatestBalance(b, entries, dates);
}

/** A statement table's columns: the credits (收入金额, 贷方发生额, 存入), the balance, and every column of amounts. */
const CREDIT_COLUMN = /^(?:收入|存入|贷方|入账|转入)(?:金额|发生额)?(?:\(元\)|(元)|\(\+\))?$|^贷$/;
const BALANCE_COLUMN = /余额(?:\(元\)|(元))?$/;
const AMOUNT_COLUMN = /金额|发生额|收入|支出|存入|支取|转入|转出|余额|^借$|^贷$|借方|贷方|税额/;
/** A cell that is only an amount (not 共9笔). */
const AMOUNT_CELL = new RegExp(`^[¥¥]?${AMOUNT_RUN}元?$`);
/** An amount as a statement prints it, with its fen: 109,546.60 (not 422499, a stamped 114,224.09). */
const PLAIN_AMOUNT_CELL = /^[¥¥]?\d{1,3}(?:,?\d{3})*\.\d{2}$/;
/** A totals row: 合计, 本期合计, 总计, a page's 本页小计 (with the count of entries: 共9笔). */
export const TOTALS_ROW = /^(?:本期|本页)?(?:合计|总计|小计)/;
/** A totals row's count of entries in a cell of its own: 共9笔, 9笔, or the bare number. */
const COUNT_CELL = /^共?[0-9]{1,4}笔?$/;

/**
 * Credits and balance from a statement table's totals row: `合计  共9笔  64,374.88  7,793.94  59,314.81`
 * under `交易日期  摘要  对方户名  收入金额  支出金额  账户余额`. The row's amounts stand under the
 * header's columns of amounts, from the right; taken only when the row has one for each such column
 * (a row without the balance would shift them). A labelled total found before keeps its place.
 */
function statementTotals(b: Builder): void {
  const { cells } = b.page;
  const headerAt = cells.findIndex((row) => row.length >= 3 && row.some((c) => CREDIT_COLUMN.test(c)));
  if (headerAt < 0) return;
  const amountColumns = cells[headerAt]!.filter((c) => AMOUNT_COLUMN.test(c));
  for (let i = headerAt + 1; i < cells.length; i++) {
    const row = cells[i]!;
    if (!TOTALS_ROW.test(row[0] ?? '')) continue;
    // The count of entries after the label (共9笔, or bare: 11) is no amount.
    const counted = COUNT_CELL.test(row[1] ?? '') ? 2 : 1;
    const amounts = row.map((c, j) => ({ j, n: j >= counted && AMOUNT_CELL.test(c) ? readAmount(c) : undefined })).filter((a) => a.n !== undefined);
    // Some amounts unreadable (a stamp over the row): where the columns of amounts are the header's
    // last, the row's last cells stand under them, and each that is plainly an amount with its
    // fen is taken.
    // A cell left empty is not read at all, so the row must not be short of one: every one of its
    // last cells is an amount or what a stamp left of one (digits among marks), none the 共9笔 or the label.
    const tail = row.slice(-amountColumns.length);
    const last =
      cells[headerAt]!.slice(-amountColumns.length).every((c) => AMOUNT_COLUMN.test(c)) &&
      tail.every((c) => /\d/.test(c) && !/笔|^(?:本期)?(?:合计|总计)/.test(c));
    // A totals row sums the flows: its balance cell may be empty, every other cell an amount under the columns before it.
    const flowsOnly = amounts.length === amountColumns.length - 1 && BALANCE_COLUMN.test(amountColumns[amountColumns.length - 1]!) && row.length - counted === amounts.length;
    const byColumn =
      amounts.length === amountColumns.length
        ? amounts
        : flowsOnly
          ? [...amounts, { j: -1, n: undefined }]
          : last && row.length > amountColumns.length
          ? tail.map((c, k) => ({ j: row.length - amountColumns.length + k, n: PLAIN_AMOUNT_CELL.test(c) ? readAmount(c) : undefined }))
          : undefined;
    if (!byColumn) {
      gluedTotals(b, i, amountColumns);
      return;
    }
    amountColumns.forEach((column, k) => {
      const field = CREDIT_COLUMN.test(column) ? 'creditTotal' : BALANCE_COLUMN.test(column) ? 'closingBalance' : undefined;
      const n = byColumn[k]!.n;
      if (!field || b.reads[field] || n === undefined) return;
      const hit = b.page.cellHit(i, byColumn[k]!.j);
      if (hit) b.set(field, { value: n, type: 'amount', evidence: 'valid' }, hit);
    });
    return;
  }
}

/**
 * statementTotals for a statement read line by line, its header's cells run together (a passbook:
 * 日期 摘要 支取(-) 存入(+) 余额 网点号 操作员, then 本页小计 5384.28 33885.27 28500.99): the totals
 * line holds one amount with its fen for each column of amounts the header names, in their order.
 */
function lineTotals(b: Builder): void {
  const { lines } = b.page;
  const headerAt = lines.findIndex((l) => /余额/.test(l) && /收入|存入|贷方|转入/.test(l));
  if (headerAt < 0) return;
  const columns = [...lines[headerAt]!.matchAll(/(?:交易|发生)?(?:收入|支出|存入|支取|转入|转出|借方|贷方)(?:金额|发生额)?|发生额|(?:联机|账户|可用)?余额/g)].map((m) => m[0]);
  const at = lines.findIndex((l, i) => i > headerAt && TOTALS_ROW.test(l));
  if (at < 0 || columns.length < 2) return;
  gluedTotals(b, at, columns);
}

/**
 * A totals row whose cells ran together (a phone photo reads `合计共11笔64,438.00 17,684.16 62,563.56`
 * as one cell): amounts printed with thousands separators and fen still part unambiguously, and
 * when there is one for each column of amounts they stand under those columns in order.
 */
function gluedTotals(b: Builder, line: number, amountColumns: readonly string[]): void {
  const text = b.page.lines[line]!;
  const labelEnd = new RegExp(`${TOTALS_ROW.source}(?:共?[0-9]+笔)?`).exec(text)?.[0].length ?? 0;
  const rest = text.slice(labelEnd);
  // Amounts printed without thousands separators part at their fen too: 5384.2833885.27 is 5384.28 and 33885.27.
  const found = /^(?:\d+\.\d{2})+$/.test(rest) ? [...rest.matchAll(/\d+\.\d{2}/g)] : fenAmounts(rest);
  // Nothing but the amounts may follow the label (page lines are compacted): a stray word means the row is not what it seems.
  if (found.map((m) => m[0]).join('') !== rest) return;
  // A totals row sums the flows: its balance cell may stand empty, the amounts then under the columns before it.
  const columns =
    found.length === amountColumns.length ? amountColumns : found.length === amountColumns.length - 1 && BALANCE_COLUMN.test(amountColumns[amountColumns.length - 1]!) ? amountColumns.slice(0, -1) : undefined;
  if (!columns) return;
  columns.forEach((column, k) => {
    const field = CREDIT_COLUMN.test(column) ? 'creditTotal' : BALANCE_COLUMN.test(column) ? 'closingBalance' : undefined;
    const m = found[k]!;
    const n = readAmount(m[0]);
    if (!field || b.reads[field] || n === undefined) return;
    const hit = b.page.lineHit(line, labelEnd + m.index, labelEnd + m.index + m[0].length);
    if (hit) b.set(field, { value: n, type: 'amount', evidence: 'valid' }, hit);
  });
}

/**
 * A household's table (关系 姓名 证件号码 查询结果, a row per person): the result on the applicant's
 * own row (their number on it, or 申请人 and their name), whatever the spouse's row says.
 */
function ownRow(b: Builder): { value: '有' | '无'; hit: Hit } | undefined {
  const id = b.reads.idNumber?.value;
  const name = b.reads.name?.value;
  const rows = b.page.lines.flatMap((line, i) => {
    const m = /([无有])(?:房产|住房|房屋|不动产)?(?:登记)?记录/.exec(line);
    return m ? [{ line, i, m }] : [];
  });
  if (rows.length < 2) return undefined;
  const mine = rows.filter(({ line }) => (id !== undefined && line.includes(String(id))) || (name !== undefined && line.startsWith(`申请人${String(name)}`)));
  if (mine.length !== 1) return undefined;
  const { i, m } = mine[0]!;
  const hit = b.page.lineHit(i, m.index, m.index + m[0].length);
  return hit && { value: m[1] as '有' | '无', hit };
}

/**
 * A letter naming each person's result in a clause of its own (申请人…(公民身份号码:…)名下无登记记录;
 * 其配偶…名下有登记记录): the applicant's clause, over its line breaks, says what the applicant has.
 */
function ownClause(b: Builder): { value: '有' | '无'; hit: Hit } | undefined {
  const hit = b.page.first(/申请人[^;;。]{0,60}?名下\n?([无有])(?:[^;;。\n]{0,6}?)记录/);
  return hit && { value: hit.value as '有' | '无', hit };
}

/** A floor area (123.15) ending a line under a heading line naming the area (建筑面积, read small 健筑南积: its 积). */
function rowArea(b: Builder): Hit | undefined {
  const heading = b.page.lines.findIndex((l) => /积/.test(l) && /证号|坐落|筑|面/.test(l));
  if (heading < 0) return undefined;
  for (let i = heading + 1; i < b.page.lines.length; i++) {
    const m = /(?<![0-9.])([1-9][0-9]{1,3}\.[0-9]{2})$/.exec(b.page.lines[i]!);
    if (m) return b.page.lineHit(i, m.index, m.index + m[1]!.length);
  }
  return undefined;
}

/**
 * A household's table of numbers (序号 姓名 与申请人关系 身份证号码 …): the number on the applicant's
 * own row, the one naming them or their relation 本人 / 申请人, when exactly one row does.
 */
function ownRowId(b: Builder): Hit | undefined {
  const name = b.reads.name?.value;
  const rows = b.page.lines.flatMap((line, i) => {
    const m = /(?<![0-9])([0-9]{17}[0-9Xx])(?![0-9])/.exec(line);
    const own = m && ((name !== undefined && line.includes(String(name))) || /^\d{0,2}[\u3400-\u9fff·]{2,8}?(?:本人|申请人)/.test(line));
    return own ? [b.page.lineHit(i, m.index, m.index + 18)] : [];
  });
  const values = new Set(rows.map((h) => h?.value.toUpperCase()));
  return values.size === 1 && rows[0] ? { ...rows[0], unlabelled: true } : undefined;
}

export function extractProperty(b: Builder): Extraction {
  // 该查询对象 in the result's sentence refers back to the person; it is no label.
  // A result's sentence names who was searched: 未查询到上官志强(身份证号码:…), 查询到张伟名下… (its commas
  // read as dots, which a letter's name would otherwise take for a transliterated name's).
  const searched = b.page.first(new RegExp(`(?:查询到|询到|查到)(?!该|其|您)([${CJK}·]{2,12}?)(?:名下|[((](?:身份证|公民身份|证件))`));
  const nameHit = searched ?? letterName(b, '(?<!该)查询对象|权利人姓名|权利人|产权人|所有权人|当事人|申请人|被查询人|查询人姓名|姓名');
  b.name('name', nameHit, nameHit && personName(nameRun(nameHit.value), STOPS));
  b.id('idNumber', b.page.first(after(ID_LABELS, ID_RUN)) ?? unlabelledId(b.page) ?? ownRowId(b));
  // 询 misread (未查陶到…不动产登记记录, read small) still says no record when a record's words follow;
  // so does the sentence's 未 before 在本市的不动产登记记录 whatever was read between (未益购到成与对象在本市的…).
  const none = b.page.first(/(未查询到|未查到|未查[^\n到。,,]到(?=[^\n。]{0,24}(?:不动产|登记|记录))|未发现|无不动产登记记录|查无|没有查询到|没有(?:房产|住房|房屋|不动产)|查询结果[::]?\s*无(?=$|\n|[。,,;;])|无房产登记|无登记记录|(?:未|没)有(?:[^\n。,,]{0,12})?(?:登记)?记录|无房|暂无|名下无|无(?:自有)?(?:住房|房屋|房产|不动产)登记|无自有(?:住房|房屋|房产)|共\s*0\s*条|[未末来没][^\n。有]{0,14}?在本[^\n。有]{0,3}的?不[^\n。]{0,2}产[^\n。]{0,4}(?:记录|记求|记记|登记))/);
  // A form's cell says it without a colon (查询结果  无).
  // A record itself, not a column heading (a table of records prints 不动产权证号 and 房屋坐落 over a
  // row that says 无记录): a certificate number, a labelled location, a floor area, a count of one or more.
  const some = b.page.first(/([粤深]?[((]\d{4}[))][^\n]{0,12}?不动产权第\s*\d+号|房地字第\s*\d+号|\d{2,4}\.\d{1,2}\s*(?:㎡|m²|m2|m|平方米)|(?:不动产权证号|不动产单元号|房地产证号|产权证号)[::]\s*(?:[粤深((]|\d{4,})|房屋坐落[::]\s*[^\s\n]|共\s*[1-9][0-9]*\s*条|有(?:房产|房屋|住房|不动产)?[1-9一二三四五六七八九十]+(?:套|处)|查询结果[::]?\s*有(?=$|\n|[。,,;;])|查询结果[::]\s*有(?:不动产|房产|房屋|住房)?(?:登记)?记录|共\s*[1-9][0-9]*\s*[处套]|登记数量[::]\s*[1-9])/);
  // Read small, a row's ㎡ may be lost: a floor area ending a line below the table's 面积 heading (…积 / 4广123.15).
  const area = some ? undefined : rowArea(b);
  const own = ownRow(b) ?? ownClause(b);
  if (own) b.set('hasProperty', { value: own.value, type: 'enum', evidence: 'valid' }, own.hit);
  else if (none && !some) b.set('hasProperty', { value: '无', type: 'enum', evidence: 'valid' }, none);
  else if (some && !none) b.set('hasProperty', { value: '有', type: 'enum', evidence: 'valid' }, some);
  else if (area && !none) b.set('hasProperty', { value: '有', type: 'enum', evidence: 'valid', unlabelled: true }, area);
  else if (some && none) b.set('hasProperty', { value: '有', type: 'enum', evidence: 'invalid', note: '查询结果同时出现“无记录”和不动产信息,请核对' }, some);
  lastDate(b, 'date', '查询日期|出具日期|打印日期|查询时间');
  // The date of issue unreadable (查询期:20301月4日): the result's own 截至2023年11月14日 is when it was searched, unlabelled.
  const asOf = !b.reads.date || b.reads.date.evidence === 'invalid' ? b.page.first(new RegExp(`截至(${DATE})`)) : undefined;
  if (asOf) b.date('date', { ...asOf, unlabelled: true });
  return b.result();
}
