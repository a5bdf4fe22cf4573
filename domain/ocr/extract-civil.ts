// Household register pages (常住人口登记卡, any print design: table, two-column list, the labels'
// variants) and marriage certificates (the 2004 design with ID numbers, and the older one that
// names the parties in a sentence with their ages).
import type { Builder, Extraction } from './extract';
import { crossCheckId, letterName, HEADING_AFTER_NAME, unlabelledId, validIdHits } from './extract';
import { isGivenNameChar } from './given-names';
import { idGender, type IdHints, readIdNumber } from './idfix';
import { editDistance } from './normalise';
import { after, CJK, CN_DATE_RUN, cutAt, DATE_RUN, GAP, type Hit, ID_RUN, PARTY_NAME, personName, readCnDateInYear, readDate, readLooseCnDate } from './meaning';
import { hasKnownSurname, surnameOf } from './surnames';
import { subjectRow, unlabelledHukou } from './unlabelled';
import { districtWithoutQu, ETHNICITIES, HOUSEHOLD_RELATIONS, snapAddress, snapToVocabulary, unknownCity, unknownDistrict, unknownStreet } from './vocab';

/** A date as printed: 1985年3月12日, 1985-03-12, 一九八五年三月十二日, or eight digits (19850312) that make a real date of this or the last century. */
const DATE = `${DATE_RUN}|${CN_DATE_RUN}|(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9])`;

const HUKOU_STOPS = [
  '姓名', '户主或与户主关系', '与户主关系', '户主关系', '曾用名', '性别', '出生地', '民族', '籍贯', '出生日期', '住址', '本市', '其他住址',
  '宗教信仰', '公民身份', '身份证', '身高', '血型', '文化程度', '婚姻状况', '兵役状况', '服务处所', '职业', '何时', '承办人', '登记日期', '登记事项', '变更登记', '更正记载', '户别', '户号',
  // what is left of 户主或与户主关系 with a character misread (户士或与户王关系): no name holds these
  '户主', '或与',
];

/** Whether a run read as a value starts with a label of the card (the next cell's, not a value). */
const startsWithLabel = (run: string): boolean => HUKOU_STOPS.some((l) => run.startsWith(l));

/** What follows 民族 when it names a road (民族大道, 民族路), not the nationality's label. */
const ROAD = '大道|大街|路|街|村|巷|小区|花园';

const ID_LABELS = '公民身份号码|公民身份证号码|公民身份证件编号|身份证件编号|身份证件号码|身份证件号|身份证号码|身份证号|证件号码';

const text = (b: Builder, re: RegExp): Hit | undefined => b.page.first(re);

/** Labels of a household card that may follow a relation's label: never a relation (性别 read 性芽 too: no relation starts with 性). */
const NOT_RELATIONS = /^(?:公民|身份|曾用名|性|民族|出生|籍贯|住址|户籍|姓名|文化|婚姻|宗教|服务处所|职业|身高|血型)/;

export function extractHukou(b: Builder): Extraction {
  // A members table's heading row (姓名 与户主关系 性别 …) labels no value of its own.
  const named = firstCell(b, text(b, after('(?<!户主|曾用)姓名', '[^\\n]{1,16}')));
  const labelled = named && HEADING_AFTER_NAME.test(named.value) ? undefined : named;
  // A household-register letter (户籍证明) names its subject in a sentence instead: 兹证明钟倩珊,女,汉族,2003年08月20日出生.
  const subject = labelled ? undefined : letterName(b, '(?<!户主|曾用)姓名');
  // A letter may say it in its sentence: 与户主熊凤梦的关系为夫, 与户主关系为夫.
  // Or 系户主江琴之夫, or of the head himself 系该户户主 (为该户户主).
  // The letter's line may break inside it (与户主关系为次 / 子。).
  const relRead = text(b, new RegExp(`与户主(?:[${CJK}·]{2,6}?的?)?关系(?:为|是)[::]?([${CJK}]{1,4}?(?:\\n[${CJK}]{1,3}?)?)(?=[。,,;;]|$)`)) ?? text(b, new RegExp(`系(?:该户)?户主[${CJK}·]{2,6}?之([${CJK}]{1,4}?)(?=[。,,;;]|$)`)) ?? text(b, /(?:系|为|是)(?:该户|本户)(户\n?主)(?=[。,,;;\n]|$)/) ?? text(b, /户主或与户([\u3400-\u9fff]{1,4}?)\n?主关系/) ?? text(b, after('户主或与户主关系|与户主的?关系|户主关系|(?<![${CJK}])关系', `[${CJK}]{1,8}`, `${GAP}(?:为|是)?`));
  // The next heading is no relation (与户主关系 户主姓名 户号 / 妻 …: 户主 is the start of 户主姓名), nor the
  // next line's label when the relation was left blank or lost (…与户主关系 / 公民身份号码…, 曾用名).
  const rel = relRead && (/^户主(?:姓名|名称)(?:户号|性别|民族|身份|公民)/.test(relRead.value) || NOT_RELATIONS.test(relRead.value.replace(/\n/g, ''))) ? undefined : relationCell(b, relRead);
  const glued = rel || !labelled ? undefined : relationGlued(labelled);
  const nameHit = glued?.name ?? labelled ?? subject;
  b.name('name', nameHit, nameHit && personName(nameHit.value, HUKOU_STOPS));
  const facts = subject ? subjectFacts(b, subject) : {};
  if (glued) b.set('relation', { value: glued.relation.value, type: 'enum', evidence: 'valid', unlabelled: true }, glued.relation);
  if (rel) {
    const read = cutAt(rel.value.replace(/\n/g, ''), HUKOU_STOPS);
    const snapped = snapToVocabulary([{ text: read, confidence: b.page.confidence(rel.start, rel.end) * 100 }], HOUSEHOLD_RELATIONS);
    if (snapped.inVocabulary && snapped.text === read) b.set('relation', { value: read, type: 'enum', evidence: 'valid' }, rel);
    else if (snapped.inVocabulary) b.set('relation', { value: snapped.text, type: 'enum', evidence: 'repaired', note: `与户主关系识别为“${read}”,已按常用称谓更正为“${snapped.text}”,请核对` }, rel);
    else if (read !== '') b.set('relation', { value: read, type: 'enum', evidence: 'invalid', note: '与户主关系无法识别,请核对' }, rel);
  }
  if (!rel && !glued && labelled) relationBeside(b, labelled);
  // 性别 with its 别 lost (性:男) still labels the gender.
  b.gender('gender', text(b, after('性别', '[^\\n]{1,3}')) ?? text(b, /(?<![\u3400-\u9fff])性[::]([男女])(?![\u3400-\u9fff])/) ?? facts.gender);
  b.date('birthDate', text(b, after('出生日期|出生年月日|出生时间', DATE)) ?? facts.birth);
  // What follows the label is the next cell's label when the nationality stands elsewhere (民族 / 出生地江西省…).
  const besideLabel = text(b, after(`民族(?!${ROAD})|族别`, `[${CJK}]{1,8}`));
  const labelledEth = besideLabel && !startsWithLabel(besideLabel.value) ? besideLabel : undefined;
  const eth = labelledEth ?? facts.ethnicity ?? ethnicityCell(b) ?? ethnicityMislabelled(b) ?? ethnicityAfterOtherLabel(b);
  if (eth) {
    const read = cutAt(eth.value, HUKOU_STOPS);
    const value = read.endsWith('族') ? read : `${read}族`;
    const known = ETHNICITIES.includes(value);
    // The run may hold another cell's value first (河南省周口市汉族 where labels stand above values):
    // one nationality named in it, and only one, is taken, as a repaired value.
    const named = known ? [] : [...new Set(ETHNICITIES.filter((e) => read.includes(e) || ((e.length > 2 || e === '汉族') && read.endsWith(e.slice(0, -1)))))];
    // Or one character too many or misread (汉放族 for 汉族): the one nationality a single edit away.
    const near = known || named.length > 0 ? [] : ETHNICITIES.filter((e) => editDistance(e, value) === 1);
    const inside = named.length === 1 ? named[0] : near.length === 1 ? near[0] : undefined;
    if (known) b.set('ethnicity', { value, type: 'enum', evidence: 'valid', ...(eth.unlabelled ? { unlabelled: true } : {}) }, eth);
    else if (inside) b.set('ethnicity', { value: inside, type: 'enum', evidence: 'repaired', note: `民族一栏识别为“${read}”,取其中的“${inside}”,请核对` }, eth);
    else b.set('ethnicity', { value, type: 'enum', evidence: 'invalid', note: '民族无法识别,请核对' }, eth);
  }
  // A member's card without the household's address gives the one it has: 本市(县)其他住址.
  const addr = continued(b, addressAroundLabel(b, text(b, after('(?<!其他)住址|现住址|户籍地址|户口所在地|户籍所在地|常住地址|住所|(?:户口|户籍)?登记地\\n?址', '[^\\n]{2,60}', `${GAP}(?:为|是)?`)))) ?? letterAddress(b) ?? text(b, after('其他住址', '[^\\n]{6,60}'));
  if (addr) setAddress(b, addr);
  const hints: IdHints = { birthDate: b.reads.birthDate?.value as string | undefined, gender: b.reads.gender?.value as IdHints['gender'] };
  b.id('idNumber', text(b, after(ID_LABELS, ID_RUN)) ?? unlabelledId(b.page), hints);
  // A birth date whose label was lost (出生日期 printed down a narrow box, read as 期) is the printed date the ID number holds.
  if (!b.reads.birthDate) b.date('birthDate', dateOfId(b));
  subjectRow(b);
  unlabelledHukou(b, { address: (hit) => setAddress(b, hit) });
  crossCheckId(b, 'idNumber', 'birthDate', 'gender');
  return b.result();
}

/** A household address read (labelled or not): cut at the next label, snapped to the districts and streets, checked. */
function setAddress(b: Builder, addr: Hit): void {
  // 民族大道, 民族路: a road's name, not the 民族 label of the next cell.
  const masked = addr.value.replace(new RegExp(`民族(?=${ROAD})`, 'g'), '\u0000\u0000');
  // An address ends with its sentence (…7栋108房。该户成员登记信息如下:).
  // Or at a comma after its number (…28栋308室,系该户户主).
  const read = addr.value.slice(0, cutAt(masked, HUKOU_STOPS.filter((s) => s !== '住址')).length).split(/[。;;]|(?<=[号室房栋楼座\d])[,,](?=[\u3400-\u9fff])/)[0]!.replace(/[|,。.、]+$/, '');
  const { text: value, changed } = snapAddress(read);
  const plausible = /[省市区县]/.test(value) && /[号室栋楼村巷路街道]/.test(value);
  // A street the district does not have (抗标街道 in 坪山区) is misread, and no close one was found.
  const street = unknownStreet(value);
  // A district's name not followed by 区 (深圳市罗湖语道…: 区 and the street's name misread into one), a
  // district Shenzhen does not have (深圳市实则区…) or a city no province has (江西省州市…, 赣 lost) is misread.
  const district = districtWithoutQu(value) ?? unknownDistrict(value) ?? unknownCity(value);
  const evidence = !plausible || street || district ? 'invalid' : changed ? 'repaired' : 'valid';
  const note = street ? `地址中的“${street}街道”不是该区的街道,可能识别有误,请核对` : district ? `地址中的“${district}”可能识别有误,请核对` : changed ? `地址识别为“${read}”,已按行政区划和地址格式校正,请核对` : undefined;
  b.set('address', { value, type: 'text', evidence, ...(note ? { note } : {}), ...(addr.unlabelled ? { unlabelled: true } : {}) }, addr);
  // The second pass finds the value in the words as read (not as snapped).
  if (plausible) b.recheck.push({ field: 'address', line: b.page.line(addr.start), text: read, kind: 'text' });
}

/** A table cell's value only: the run up to the end of its cell, when that holds a name's two characters. */
function firstCell(b: Builder, hit: Hit | undefined): Hit | undefined {
  const at = hit && b.page.cellAt(hit.start);
  if (!hit || !at || at.end >= hit.end) return hit;
  const value = hit.value.slice(0, at.end - hit.start);
  return value.replace(/[^\u3400-\u9fff]/g, '').length >= 2 ? { ...hit, value, end: at.end } : hit;
}

/** A relation read on into the next cell (女  性料女, the next label misread): its own cell, when that is a household relation. */
function relationCell(b: Builder, hit: Hit | undefined): Hit | undefined {
  const at = hit && b.page.cellAt(hit.start);
  if (!hit || !at || at.end >= hit.end) return hit;
  const value = hit.value.slice(0, at.end - hit.start);
  return HOUSEHOLD_RELATIONS.includes(value) ? { ...hit, value, end: at.end } : hit;
}

/**
 * A relation beside the name when its label was lost (与户主关系 printed down a narrow box, read
 * as 与, 系 or not at all): the next cell of the name's row, or the one after such a piece of the label, when it is a
 * household relation. Marked unlabelled.
 */
function relationBeside(b: Builder, name: Hit): void {
  const at = b.page.cellAt(name.start);
  if (!at) return;
  const row = b.page.cells[at.line]!;
  const label = row[at.cell + 1];
  const next = label && '与户主关系'.includes(label) && !HOUSEHOLD_RELATIONS.includes(label) ? at.cell + 2 : at.cell + 1;
  const hit = b.page.cellHit(at.line, next);
  if (hit && HOUSEHOLD_RELATIONS.includes(hit.value)) b.set('relation', { value: hit.value, type: 'enum', evidence: 'valid', unlabelled: true }, hit);
}

/**
 * A relation read run together with the name in one cell (玛依拉·托合提孙女, the two cells' gap
 * lost) when no relation is labelled: a relation of two characters or more ends the cell, and
 * what stands before it is a name of two characters or more.
 */
function relationGlued(name: Hit): { name: Hit; relation: Hit } | undefined {
  const rel = HOUSEHOLD_RELATIONS.filter((r) => r.length >= 2 && name.value.endsWith(r)).sort((a, b) => b.length - a.length)[0];
  if (!rel) return undefined;
  const at = name.end - rel.length;
  const rest = name.value.slice(0, -rel.length);
  if (rest.replace(new RegExp(`[^${CJK}]`, 'g'), '').length < 2) return undefined;
  return { name: { ...name, value: rest, end: at }, relation: { value: rel, start: at, end: name.end, unlabelled: true } };
}

/** Letters phrase where the household is registered, the sentence wrapping anywhere: 现户籍登记在广\n东省…304。 */
const REGISTERED_AT = ['户籍登记在', '户口登记在', '户籍地址为', '户籍所在地为', '户籍地为', '住址为'];

/** The place a 户籍证明 letter says the household is registered, its line breaks taken out. */
function letterAddress(b: Builder): Hit | undefined {
  const label = REGISTERED_AT.map((l) => [...l].join('\\n?')).join('|');
  const hit = b.page.first(new RegExp(`(?:${label})\\n?([^。;;::]{4,80}?)(?=[。;;]|\\n\\n|$)`));
  if (!hit) return undefined;
  const value = hit.value.replace(/\n/g, '');
  return /[号室栋楼]/.test(value) ? { ...hit, value } : undefined;
}

/**
 * A cell holding a nationality and nothing else, its label lost (民族 read as 属), or the cell its label
 * shares with one character of it misread (民放汉族): unlabelled.
 */
function ethnicityCell(b: Builder): Hit | undefined {
  const labelled = (c: string) => (/^民[\u3400-\u9fff]/.test(c) && ETHNICITIES.includes(c.slice(2)) ? 2 : -1);
  const found = b.page.cells.flatMap((row, line) =>
    row.flatMap((c, cell) => {
      const skip = ETHNICITIES.includes(c) ? 0 : labelled(c);
      const hit = skip < 0 ? undefined : b.page.cellHit(line, cell);
      return hit ? [{ ...hit, value: c.slice(skip), start: hit.start + skip }] : [];
    }),
  );
  return found.length === 1 ? { ...found[0]!, unlabelled: true } : undefined;
}

/** A nationality after its label read with one character wrong and its colon (民款:汉族): unlabelled. (A table's cell alone is ethnicityCell's.) */
function ethnicityMislabelled(b: Builder): Hit | undefined {
  const found = b.page.all(new RegExp(`(?<![${CJK}])(?:民[${CJK}]|[${CJK}]族)[::]([${CJK}]{1,6}族)(?![${CJK}])`)).filter((h) => ETHNICITIES.includes(h.value));
  return found.length === 1 ? { ...found[0]!, unlabelled: true } : undefined;
}

/**
 * A nationality read right after another cell's label whose own cell is empty, the two a line of
 * their own (曾用名汉族, where a photographed card's rows ran together and 民族 stands alone on the
 * line below): the page's one such, unlabelled.
 */
function ethnicityAfterOtherLabel(b: Builder): Hit | undefined {
  const labels = HUKOU_STOPS.filter((l) => l !== '民族').join('|');
  const found = b.page.all(new RegExp(`(?<=^|\\n)(?:${labels})[::]?([${CJK}]{1,6}族)(?=\\n|$)`)).filter((h) => ETHNICITIES.includes(h.value));
  return found.length === 1 ? { ...found[0]!, unlabelled: true } : undefined;
}

/** The page's one printed date equal to the birth date in the ID number read (unlabelled). */
function dateOfId(b: Builder): Hit | undefined {
  const id = b.reads.idNumber;
  if (!id || id.evidence === 'invalid' || !/^\d{17}[\dX]$/.test(String(id.value))) return undefined;
  const v = String(id.value);
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  const found = b.page.all(new RegExp(`(${DATE})`)).filter((h) => readDate(h.value) === birth);
  return found.length >= 1 ? { ...found[0]!, unlabelled: true } : undefined;
}

/**
 * An address a letter breaks at the line's end (户籍住址:江西省赣州市于都县贡江镇 / 长征大道147号7栋201。)
 * goes on into the next line when it has no house number yet and that line, before its sentence
 * ends, holds one and no label of its own.
 */
/**
 * The address on the line under its label when what stands beside the label is a few characters
 * of no address (a stamp's letters read there: 住址免价 / 广东省深圳市光明区…号…房); with the line
 * above when that line starts the address and the label's line ends it.
 */
function addressAroundLabel(b: Builder, hit: Hit | undefined): Hit | undefined {
  if (hit && startsWithLabel(hit.value)) return addressAboveLabel(b, hit);
  if (hit && !/[省市区县]/.test(hit.value)) {
    // A two-line address beside a label set at the cell's middle: its first line stands on the line above (广东省…棕榈园1 / 住址巷39号602).
    const lineStart = b.page.text.lastIndexOf('\n', hit.start - 1) + 1;
    const prevStart = lineStart > 0 ? b.page.text.lastIndexOf('\n', lineStart - 2) + 1 : -1;
    const prev = prevStart >= 0 ? b.page.text.slice(prevStart, lineStart - 1) : '';
    if (/^[\u3400-\u9fff]{2,8}?(?:省|自治区|市)[^::\n]*$/.test(prev) && !/[号室房]$/.test(prev) && !HUKOU_STOPS.some((l) => prev.includes(l))) return { value: prev + hit.value, start: prevStart, end: hit.end };
  }
  if (!hit || b.page.text[hit.end] !== '\n' || hit.value.length > 5 || /[省市区县路号]/.test(hit.value)) return hit;
  const next = /^[\u3400-\u9fff]{2,8}?(?:省|自治区|市)[^\n]*?[号室房栋楼村组][^\n]*/.exec(b.page.text.slice(hit.end + 1));
  return next ? { value: next[0], start: hit.end + 1, end: hit.end + 1 + next[0].length } : hit;
}

/**
 * The address of a label alone on its line whose next line is another label's (住址 / 本市(县)其他住址):
 * the line above, when it is a whole address and no label's (a photographed card's rows run
 * together: the value stands over its label). Otherwise none: the next label is no address.
 */
function addressAboveLabel(b: Builder, hit: Hit): Hit | undefined {
  const text = b.page.text;
  const valueLine = text.lastIndexOf('\n', hit.start - 1) + 1;
  if (valueLine !== hit.start || valueLine < 2) return undefined;
  const labelLine = text.lastIndexOf('\n', valueLine - 2) + 1;
  if (labelLine < 2 || !/^[\u3400-\u9fff]{2,5}[::]?$/.test(text.slice(labelLine, valueLine - 1))) return undefined;
  const prevStart = text.lastIndexOf('\n', labelLine - 2) + 1;
  const prev = text.slice(prevStart, labelLine - 1);
  if (!/^[\u3400-\u9fff]{2,8}?(?:省|自治区|市)[^::\n]*[号室房栋]$/.test(prev) || HUKOU_STOPS.some((l) => prev.includes(l))) return undefined;
  return { value: prev, start: prevStart, end: labelLine - 1 };
}

function continued(b: Builder, hit: Hit | undefined): Hit | undefined {
  if (!hit || b.page.text[hit.end] !== '\n') return hit;
  const after = b.page.text.slice(hit.end + 1);
  // Only its last character carried over (…万科城11栋1502 / 房), or the room after its building (…三期2栋 / 2303, …18栋 / B1102).
  const unit = /\d$/.test(hit.value) ? /^([房室号])[。,,;;]?(?=\n|$)/.exec(after) : /[栋座楼]$/.test(hit.value) ? /^([A-Za-z]?\d{2,5}[房室号]?)(?=[。,,;;]|\n|$)/.exec(after) : null;
  if (unit) return { value: hit.value + unit[1]!, start: hit.start, end: hit.end + 1 + unit[1]!.length };
  // A door number at its end may be followed by a line that is only an estate's building and room (…2808号 / 水围村6栋1503).
  const estate = /号$/.test(hit.value) ? /^[\u3400-\u9fff]{2,10}?\d{1,3}[栋座幢][A-Za-z]?\d{2,5}[室房]?(?=\n|$)/.exec(after) : null;
  if (estate && !startsWithLabel(estate[0])) return { value: hit.value + estate[0], start: hit.start, end: hit.end + 1 + estate[0].length };
  // A room, or a door number at its end, ends it; an estate's name after the door number (41号锦绣江南四 / 期7栋B座502室) does not.
  if (/[室房]|[号栋楼座]$/.test(hit.value)) return hit;
  // The rest up to its sentence's end, or the whole next line when that is no labelled cell (梅林路 / 762号桃源村17栋2108室).
  const next = /^([^\n::。;;]{2,30}?[号室房栋楼][^\n::。;;,,]{0,12})(?:[。;;,,]|(?=\n|$))/.exec(after);
  if (!next || startsWithLabel(next[1]!)) return hit;
  return { value: hit.value + next[1]!, start: hit.start, end: hit.end + 1 + next[1]!.length };
}

/** What a letter's sentence says of its subject right after the name: 钟倩珊,女,汉族,2003年08月20日出生. */
function subjectFacts(b: Builder, name: Hit): { gender?: Hit; ethnicity?: Hit; birth?: Hit } {
  const span = b.page.text.slice(name.end, name.end + 40);
  const at = (m: RegExpExecArray | null): Hit | undefined => {
    if (!m) return undefined;
    const start = name.end + m.index + m[0].lastIndexOf(m[1]!);
    return { value: m[1]!, start, end: start + m[1]!.length };
  };
  // Each fact stands between commas (or the subject's brackets), never past the sentence's end.
  const sentence = span.split(/[。;;]/)[0]!;
  return {
    gender: at(/^[)),,、\s]{1,3}(男|女)(?=[,,、\s])/.exec(sentence)),
    ethnicity: at(new RegExp(`[,,、]\\s?([${CJK}]{1,5}族)(?=[,,、\\s])`).exec(sentence)),
    birth: at(new RegExp(`(${DATE})出生`).exec(sentence)),
  };
}

const MARRIAGE_STOPS = ['姓名', '性别', '国籍', '出生日期', '身份证', '持证人', '登记日期', '结婚证', '备注', '婚姻登记', '年龄', '男方', '女方', '字号'];

interface Party {
  readonly name?: Hit;
  readonly gender?: '男' | '女';
  readonly genderHit?: Hit;
  readonly birth?: Hit;
  readonly id?: Hit;
}

/** The 2004 design: one block per party, each starting at its 姓名. */
function partyBlocks(b: Builder): Party[] {
  // 姓 misread (姐名余怡静性别女): a line that starts with ?名 and holds the party's 性别 starts a block too.
  const starts = b.page.all(/(?<!持证)姓名|(?<=^|\n)[^\n姓]名(?=[^\n]{2,8}性别[男女])/).map((h) => h.start);
  if (starts.length === 2 && b.page.line(starts[0]!) === b.page.line(starts[1]!)) return sideBySide(b);
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? b.page.text.length;
    const inBlock = (h: Hit) => h.start >= start && h.end <= end + 20 && (i + 1 === starts.length || h.start < end);
    const within = (re: RegExp) => b.page.all(re).find(inBlock);
    const lineEnd = b.page.text.indexOf('\n', start);
    // 性 of 性别 misread after the name (姓名罗萱菲理别女): the gender still, and the name ends before it.
    const exactGender = within(after('性别', '[男女]'));
    const line = b.page.text.slice(start, lineEnd < 0 ? undefined : lineEnd);
    const lost = exactGender ? null : new RegExp(`^[^\\n]名[::]?([${CJK}·]{2,8}?)[${CJK}]别([男女])(?![${CJK}])`, 'd').exec(line);
    const genderHit = lost ? { value: lost[2]!, start: start + lost[0].length - 1, end: start + lost[0].length } : exactGender;
    const misreadLabel = b.page.text.slice(start, start + 2) !== '姓名';
    const rest = { value: b.page.text.slice(start + 2, lineEnd < 0 ? undefined : lineEnd), start: start + 2, end: lineEnd < 0 ? b.page.text.length : lineEnd };
    const name = lost ? { value: lost[1]!, start: start + lost.indices![1]![0], end: start + lost.indices![1]![1] } : misreadLabel ? rest : within(after('姓名', '[^\\n]{1,16}'));
    return {
      name,
      genderHit,
      gender: genderHit?.value as '男' | '女' | undefined,
      birth: within(after('出生日期|出生年月日|出生日', DATE)),
      id: within(after(ID_LABELS, ID_RUN)) ?? looseId(b, genderHit?.value, inBlock),
    };
  });
}

/**
 * A block's number after its label read with one character wrong (身药证件号…; the exact label found
 * none in the block), taken only where the block's gender is read and the number's agrees: a page
 * read in a jumbled order puts the other party's number in a block as easily (the page's numbers are
 * then given by gender, see withUnlabelledIds).
 */
function looseId(b: Builder, gender: string | undefined, inBlock: (h: Hit) => boolean): Hit | undefined {
  if (gender !== '男' && gender !== '女') return undefined;
  const hit = b.page.looser(after(ID_LABELS, ID_RUN)).find(inBlock);
  const id = hit && readIdNumber(hit.value);
  return id && id.valid && idGender(id.value) === gender ? hit : undefined;
}

/**
 * The two blocks side by side (a page read across both columns: 姓名卫鑫海姓名安欣燕 / 性别男性别女):
 * each label's first value is the left party's, its second the right one's.
 */
function sideBySide(b: Builder): Party[] {
  const pair = (re: RegExp) => {
    const hits = b.page.all(re);
    return hits.length === 2 ? hits : [];
  };
  const names = pair(after('(?<!持证)姓名', `[${CJK}·]{2,8}?(?=姓名|性别|\\n|$)`));
  const genders = pair(after('性别', '[男女]'));
  const births = pair(after('出生日期|出生年月日', DATE));
  const ids = pair(after(ID_LABELS, ID_RUN));
  return [0, 1].map((i) => ({
    name: names[i],
    genderHit: genders[i],
    gender: genders[i]?.value as '男' | '女' | undefined,
    birth: births[i],
    id: ids[i],
  }));
}

/**
 * Two columns under one column of labels (a 男方 女方 heading, then 姓名 顾远豪 戴晞 / 性别 男 女 /
 * 出生日期 … … / 身份证件号 … …): each label's row holds the left party's value first. Names read
 * run together (顾远豪戴晞) are parted where their cells part, else at the holder's name (持证人)
 * when it is one of them, else at the one place where both halves start with a surname.
 */
function columnParties(b: Builder): Party[] | undefined {
  const text = b.page.text;
  if (!/男方[^\n]{0,6}女方/.test(text) || b.page.all(/(?<!持证)姓名/).length !== 1) return undefined;
  const row = (label: string, value: string): Hit[] => {
    const m = new RegExp(`(?:${label})[::]?([^\n]*)`).exec(text);
    if (!m) return [];
    const at = m.index + m[0].length - m[1]!.length;
    return [...m[1]!.matchAll(new RegExp(value, 'g'))].map((v) => ({ value: v[0], start: at + v.index, end: at + v.index + v[0].length }));
  };
  const [run, ...more] = row('(?<!持证)姓名', `[${CJK}·]{4,10}`);
  const names = run && more.length === 0 ? twoNames(b, run) : undefined;
  if (!names) return undefined;
  const two = (hits: Hit[]) => (hits.length === 2 ? hits : []);
  const genders = two(row('性别', '[男女]'));
  const births = two(row('出生日期|出生年月日', DATE));
  const ids = two(row(ID_LABELS, ID_RUN));
  const left = text.search(/男方[^\n]{0,6}女方/) >= 0 ? 0 : 1;
  // Without a row of 性别, the heading says each column's gender.
  const heading = (side: '男' | '女'): Hit => ({ value: side, start: text.indexOf(`${side}方`), end: text.indexOf(`${side}方`) + 1 });
  const gendersOf = genders.length === 2 ? genders : left === 0 ? [heading('男'), heading('女')] : [heading('女'), heading('男')];
  return [left, 1 - left].map((i) => ({ name: names[i], genderHit: gendersOf[i], gender: gendersOf[i]?.value as '男' | '女' | undefined, birth: births[i], id: ids[i] }));
}

/** A run holding two names (顾远豪戴晞) parted in two, or undefined when where is unclear. */
function twoNames(b: Builder, run: Hit): [Hit, Hit] | undefined {
  const part = (cut: number): [Hit, Hit] => [
    { value: run.value.slice(0, cut), start: run.start, end: run.start + cut },
    { value: run.value.slice(cut), start: run.start + cut, end: run.end },
  ];
  const cell = b.page.cellAt(run.start);
  if (cell && cell.end > run.start + 1 && cell.end < run.end - 1) return part(cell.end - run.start);
  const holder = new RegExp(`持证人[::]?([${CJK}·]{2,5}?)(?=登记|结婚|\n|$)`).exec(b.page.text)?.[1];
  if (holder && run.value.length > holder.length + 1) {
    if (run.value.startsWith(holder)) return part(holder.length);
    if (run.value.endsWith(holder)) return part(run.value.length - holder.length);
  }
  const cuts = [2, 3, 4].filter((k) => run.value.length - k >= 2 && run.value.length - k <= 4 && hasKnownSurname(run.value.slice(0, k)) && hasKnownSurname(run.value.slice(k)));
  return cuts.length === 1 ? part(cuts[0]!) : undefined;
}

/** The older design: "男方 王建国 二十八岁" or "王建国(男)28岁". */
function sentenceParties(b: Builder, from = 0): Party[] {
  const out: Party[] = [];
  for (const [side, gender] of [['男方', '男'], ['女方', '女']] as const) {
    const h = b.page.all(after(`${side}(?:姓名)?`, '[^\\n]{2,14}')).find((x) => x.start >= from);
    // 男方女方 heading two columns: the other side's label is no name.
    if (h && !/^(?:男方|女方)/.test(h.value)) out.push(sideParty(b, withoutGender(h, gender), side, gender));
  }
  if (out.length === 1) return withOtherRow(b, out[0]!);
  if (out.length > 0) return out;
  const recorded = recordParties(b);
  if (recorded.length === 2) return recorded;
  const born = bornParties(b);
  if (born.length === 2) return born;
  const bracketed = bracketedParties(b);
  if (bracketed.length === 2) return bracketed;
  const gendered = genderedParties(b);
  if (gendered.length === 2) return gendered;
  const lined = lineParties(b);
  if (lined.length === 2) return lined;
  // Up to seven characters: a transliterated name whose dot was lost (艾力阿不都女34岁) is longer than a Chinese one.
  for (const h of b.page.all(new RegExp(`(?<![${CJK}·])([${CJK}·]{2,7})[((,,]?(男|女)[)),,]?(?:[一二三四五六七八九十]{1,3}|\\d{1,2})(?:周)?岁`))) {
    const g = /[男女]/.exec(b.page.text.slice(h.end, h.end + 3));
    const genderHit: Hit | undefined = g ? { value: g[0], start: h.end + g.index, end: h.end + g.index + 1 } : undefined;
    out.push({ name: h, ...(genderHit ? { genderHit, gender: genderHit.value as '男' | '女' } : {}) });
  }
  return out.length === 1 ? withOtherParty(b, out[0]!) : out;
}

/**
 * The older design's one party found by its gender (朱婧女40岁): the other's line, its 男 or 女
 * misread (叶俊军明37岁), is the line of the same shape just before or after, a name then one
 * character then an age. Found without its gender, it is marked unlabelled.
 */
function withOtherParty(b: Builder, found: Party): Party[] {
  const lines = b.page.all(new RegExp(`(?:^|\n)([${CJK}·]{2,6})(?=[^男女\\d\n](?:[一二三四五六七八九十]{1,3}|\\d{1,2})周?岁(?:\n|$))`));
  const other = lines.find((h) => Math.abs(b.page.line(h.start) - b.page.line(found.name!.start)) === 1);
  if (!other || !found.gender) return [found];
  const party: Party = { name: { ...other, unlabelled: true }, gender: found.gender === '男' ? '女' : '男' };
  return other.start < found.name!.start ? [party, found] : [found, party];
}

/**
 * A record table's one party found by its 男方 or 女方 (男方何军志男1977年…): the other party's row, its
 * label misread into one character (妨慕容静女1990年…) or lost, is the next or previous line of the same
 * shape, a name then the other gender then a date. A character before the name that is no surname
 * goes when the rest starts with one. Marked unlabelled.
 */
function withOtherRow(b: Builder, found: Party): Party[] {
  const gender = found.gender === '男' ? '女' : found.gender === '女' ? '男' : undefined;
  if (!gender || !found.name) return [found];
  const rows = b.page.all(new RegExp(`(?:^|\\n)(?:[男女]方)?([${CJK}·]{2,7}?)${gender}(?=(?:19|20)\\d{2}[年.\\-/])`));
  const row = rows.find((h) => Math.abs(b.page.line(h.start) - b.page.line(found.name!.start)) === 1);
  if (!row) return [found];
  const name = !hasKnownSurname(row.value) && hasKnownSurname(row.value.slice(1)) ? { value: row.value.slice(1), start: row.start + 1, end: row.end } : row;
  const party: Party = { name: { ...name, unlabelled: true }, gender, genderHit: { value: gender, start: row.end, end: row.end + 1 } };
  return row.start < found.name.start ? [party, found] : [found, party];
}

/** A row's name read together with the gender cell after it (男方 熊然刚男 1995-02-07 …): the name alone. */
function withoutGender(h: Hit, gender: '男' | '女'): Hit {
  const m = new RegExp(`^([${CJK}·]{2,8})${gender}(?=[0-9])`).exec(h.value);
  return m ? { value: m[1]!, start: h.start, end: h.start + m[1]!.length } : h;
}

/**
 * A party named after 男方 or 女方: the label says its gender, and a record's line goes on with its
 * birth date and number (男方:赖文昊出生日期:1988年07月12日身份证件号:440310198807123675), up to the
 * other side's label.
 */
function sideParty(b: Builder, name: Hit, side: '男方' | '女方', gender: '男' | '女'): Party {
  const label = b.page.text.lastIndexOf(side, name.start);
  const genderHit: Hit | undefined = label >= 0 && name.start - label <= 6 ? { value: gender, start: label, end: label + 1 } : undefined;
  // The name's run may take in what follows it (赵志建出生日期:1977年0): the line is searched from the name's start.
  const next = b.page.text.slice(name.start).search(/男方|女方|记录\s?\d|证件字号|登记机关/);
  const end = next < 0 ? name.start + 80 : name.start + next;
  const within = (re: RegExp) => b.page.all(re).find((h) => h.start >= name.start && h.end <= end);
  return { name, gender, ...(genderHit ? { genderHit } : {}), birth: within(after('出生日期', DATE)), id: within(after(ID_LABELS, ID_RUN)) };
}

/**
 * Where the present marriage is told on a letter listing several records (婚姻状况证明: 记录1 结婚登记,
 * 记录2 离婚登记, 记录3 结婚登记): the start of the last marriage's record (0 when none), with its date
 * when the records are rows of one table.
 */
function presentMarriage(b: Builder): { start: number; date?: Hit; unsure?: boolean } {
  // Each record starts with its kind (记录3 登记类别:结婚登记); the record's number may be lost under a watermark.
  // Or the record's number names it: 记录三:结婚登记.
  const records = b.page.all(/(?:登记类别|记录[一二三四五六七八九十1-9]{1,2})[::]?\s*/).map((h) => ({ start: h.start, kind: b.page.text.slice(h.end, h.end + 8) }));
  // A table of records under one heading (登记类别 登记日期 男方 女方 证件字号): a row per record.
  if (records.length < 2) {
    const last = rows(b).findLast((r) => r.married);
    return last ? { start: last.start, date: last.date } : { start: 0 };
  }
  // A record is a marriage by its certificate's letter (J, BJ; a divorce's is L), else by its kind,
  // read loosely (结婚 misread as 给婚 or 给烟, 离婚 as 高婚: what is not a divorce).
  const married = records.filter((r, i) => {
    const block = b.page.text.slice(r.start, records[i + 1]?.start ?? b.page.text.length);
    const letter = /(?:字号|证号)[::]?\s*(?:[Bb8](?=[Jj]))?([JjLl])[0-9OolI]{5,6}/.exec(block)?.[1];
    if (letter) return /[Jj]/.test(letter);
    return /^\s*(?:登记类别[::]?\s*)?(?:补发)?(?:结婚|[给结绘][婚烟姻])/.test(r.kind);
  });
  // Several records and none told as a marriage: which is the present one is not known.
  return married.length > 0 ? { start: married.at(-1)!.start } : { start: 0, unsure: true };
}

/**
 * A marriage record letter (婚姻登记记录证明): "郭俊子(男,1967/06/01出生,身份证件号:440303…)与龚晶(女,…)".
 * Each party's birth date and number are those inside its own brackets, before the next party.
 */
function recordParties(b: Builder): Party[] {
  const names = b.page.all(new RegExp(`(?:(?<![${CJK}·])(?!当事人)|(?<=当事人))(?:与|及)?(${PARTY_NAME})[((〈<](?=[男女][,,、])`)).slice(0, 2);
  const births = b.page.all(new RegExp(`(${DATE})出生`));
  const ids = b.page.all(after(ID_LABELS, ID_RUN));
  return names.map((name, i) => {
    const end = names[i + 1]?.start ?? name.end + 80;
    const inside = (h: Hit) => h.start > name.end && h.start < end;
    const genderHit: Hit = { value: b.page.text[name.end + 1]!, start: name.end + 1, end: name.end + 2 };
    return { name, genderHit, gender: genderHit.value as '男' | '女', birth: births.find(inside), id: ids.find(inside) };
  });
}

/**
 * The booklets of the 1980s print each party as one line: "余宇家 男 一九六三年十二月二十三日出生".
 * The date is the one right after the party's gender, before its 出生.
 */
function bornParties(b: Builder): Party[] {
  const names = b.page.all(new RegExp(`(?<![${CJK}·])(${PARTY_NAME})[\\s((,,]{0,2}(?=[男女][\\s)),,]{0,2}(?:${DATE})出生)`)).slice(0, 2);
  const births = b.page.all(new RegExp(`(${DATE})出生`));
  return names.map((name) => {
    const g = /[男女]/.exec(b.page.text.slice(name.end, name.end + 3))!;
    const genderHit: Hit = { value: g[0], start: name.end + g.index, end: name.end + g.index + 1 };
    return { name, genderHit, gender: genderHit.value as '男' | '女', birth: births.find((h) => h.start > name.end && h.start < name.end + 30) };
  });
}

/**
 * A letter naming each party with the facts in brackets after the name (兹证明蔡伟永(男,1981.09.10出生,
 * 公民身份号码:440310198109103810)与公孙 / 萍欣(女,…)于…办理结婚登记): the name may break over a line.
 */
function bracketedParties(b: Builder): Party[] {
  // The comma after the gender may come out as a colon or a dot (彭杰腊(男:1966年…, 钟宇(男·二OO一年…); the second
  // party may follow the first's closing bracket straight on (…5838)余祎(女·…).
  const re = new RegExp(`(?<=证明|与|和|及|当事人[::]?|[))]|^)(?![与和及])((?:[${CJK}·]\\n?){1,4}[${CJK}·])[((](男|女)[,,、::·.]([^))]{0,60})[))]`, 'gm');
  const births = b.page.all(new RegExp(`(${DATE})出生`));
  const ids = b.page.all(new RegExp(`(${ID_RUN})`));
  return [...b.page.text.matchAll(re)].slice(0, 2).map((m) => {
    const start = m.index + m[0].indexOf(m[1]!);
    const name: Hit = { value: m[1]!.replace(/\n/g, ''), start, end: start + m[1]!.length };
    const genderHit: Hit = { value: m[2]!, start: name.end + 1, end: name.end + 2 };
    const facts = { start: genderHit.end + 1, end: genderHit.end + 1 + m[3]!.length };
    const inside = (h: Hit) => h.start >= facts.start && h.end <= facts.end;
    return { name, genderHit, gender: m[2] as '男' | '女', birth: births.find(inside), id: ids.find(inside) };
  });
}

/**
 * A record's rows with their kind cell lost or split off (…J440306-2026-007734苏振志男1997年04月02日4501… /
 * 深圳市宝安区民政局杨慧甜女1994年04月05日4452…): each party a name run straight into its gender and
 * birth date. Where other words ran into the name, it starts at its surname (the longest such ending
 * of two to four characters). One man and one woman, or nothing.
 */
function genderedParties(b: Builder): Party[] {
  const dates = b.page.all(new RegExp(`(${DATE})`));
  const ids = b.page.all(new RegExp(`(${ID_RUN})`));
  const parties = b.page.all(new RegExp(`([${CJK}·]{2,16})(?=[男女]\\n?(?:${DATE}))`)).flatMap((run): Party[] => {
    const chars = [...run.value];
    const length = run.value.includes('·') || chars.length <= 4 ? chars.length : [4, 3, 2].find((n) => hasKnownSurname(chars.slice(-n).join('')));
    if (!length) return [];
    const value = chars.slice(-length).join('');
    const name: Hit = { value, start: run.end - value.length, end: run.end };
    const genderHit: Hit = { value: b.page.text[run.end]!, start: run.end, end: run.end + 1 };
    // The row may break after the gender (叶家旭男 / 1982-02-27 5107…).
    const birth = dates.find((h) => h.start - genderHit.end <= 1 && h.start >= genderHit.end);
    const id = birth && ids.find((h) => h.start === birth.end);
    return [{ name, genderHit, gender: genderHit.value as '男' | '女', ...(birth ? { birth } : {}), ...(id ? { id } : {}) }];
  });
  return parties.length === 2 && parties[0]!.gender !== parties[1]!.gender ? parties : [];
}

/**
 * A certificate's two parties whose labels were lost or misread (挂名型 / 郭智德男 … 性容 / 宋玉欣女):
 * each a line of its own holding only a name that starts with a surname and its gender. One man and
 * one woman, or nothing; marked unlabelled.
 */
function lineParties(b: Builder): Party[] {
  const parties = b.page.all(new RegExp(`(?:^|\\n)([${CJK}·]{2,6}?)(?=[男女](?:\\n|$))`)).flatMap((name): Party[] => {
    if (!hasKnownSurname(name.value)) return [];
    const genderHit: Hit = { value: b.page.text[name.end]!, start: name.end, end: name.end + 1 };
    return [{ name: { ...name, unlabelled: true }, genderHit, gender: genderHit.value as '男' | '女' }];
  });
  return parties.length === 2 && parties[0]!.gender !== parties[1]!.gender ? parties : [];
}

/** The rows of a table of records: each a kind of registration and its date, where it starts. */
function rows(b: Builder): { start: number; married: boolean; date: Hit }[] {
  const re = new RegExp(`^((?:补发)?(?:结婚|离婚)(?:登记|证))([^\\n${CJK}]{0,3})((?:${DATE}))`, 'gm');
  return [...b.page.text.matchAll(re)].map((m) => {
    const at = m.index + m[1]!.length + m[2]!.length;
    return { start: m.index, married: m[1]!.includes('结婚'), date: { value: m[3]!, start: at, end: at + m[3]!.length } };
  });
}

/**
 * The parties of a table row (结婚登记 2020.10.27 吕伟辉 曹蔚 J440305-2020-002304, the heading
 * naming 男方 before 女方): the row's two names in order, the numbers and 出生日期 found apart by gender.
 * Names run together (吕伟辉曹蔚) are parted at the letter's 当事人 when one of them is that person.
 */
function rowParties(b: Builder, from: number, date: Hit): Party[] {
  const end = b.page.text.indexOf('\n', from);
  let runs = [...b.page.text.slice(date.end, end < 0 ? undefined : end).matchAll(new RegExp(`[${CJK}·]{2,8}`, 'g'))].map((m) => ({ value: m[0], start: date.end + m.index }));
  const subject = /当事人[::]?([\u3400-\u9fff·]{2,5}?)[((]/.exec(b.page.text)?.[1];
  if (runs.length === 1 && subject && runs[0]!.value.length > subject.length + 1) {
    const [run] = runs as [{ value: string; start: number }];
    const cut = run.value.startsWith(subject) ? subject.length : run.value.endsWith(subject) ? run.value.length - subject.length : -1;
    if (cut > 0) runs = [{ value: run.value.slice(0, cut), start: run.start }, { value: run.value.slice(cut), start: run.start + cut }];
  }
  if (runs.length < 2) return [];
  return (['男', '女'] as const).map((gender, i) => {
    const name = runs[i]!;
    // The heading's 男方 or 女方 above the column says the party's gender.
    const label = b.page.text.lastIndexOf(`${gender}方`, from);
    const genderHit = label >= 0 ? { value: gender, start: label, end: label + 1 } : undefined;
    return { name: { ...name, end: name.start + name.value.length }, gender, ...(genderHit ? { genderHit } : {}), birth: b.page.first(after(`${gender}方出生日期`, DATE)) };
  });
}

export function extractMarriage(b: Builder): Extraction {
  const present = presentMarriage(b);
  const from = present.start;
  let parties = present.date ? rowParties(b, from, present.date) : from > 0 ? [] : partyBlocks(b).filter((p) => p.name);
  if (parties.length < 2 && from === 0) parties = columnParties(b) ?? parties;
  if (parties.length < 2) parties = sentenceParties(b, from);
  // party1 is the husband, party2 the wife; by the printed gender, else by the ID number's.
  const genderOf = (p: Party) => p.gender ?? (p.id && /^\d{17}/.test(p.id.value) ? idGender(p.id.value) : undefined);
  if (parties.length === 2 && genderOf(parties[0]!) === '女' && genderOf(parties[1]!) !== '女') parties = [parties[1]!, parties[0]!];
  // A checksum-valid number of the other gender than the one printed is someone else's (the number
  // row ran into the other party's block): it is left for withUnlabelledIds to place by gender.
  parties = parties.map((p) => {
    const id = p.id && readIdNumber(p.id.value);
    const other = p.gender && id?.valid && !id.corrected && id.value.length === 18 && idGender(id.value) !== p.gender;
    return other ? { ...p, id: undefined } : p;
  });
  parties = withUnlabelledIds(b, parties.slice(0, 2));
  parties.forEach((p, i) => {
    const key = `party${i + 1}`;
    b.name(`${key}Name`, p.name, p.name && personName(p.name.value, MARRIAGE_STOPS));
    if (p.genderHit) b.gender(`${key}Gender`, p.genderHit);
    b.date(`${key}BirthDate`, p.birth);
    const hints: IdHints = { birthDate: b.reads[`${key}BirthDate`]?.value as string | undefined, gender: p.gender };
    b.id(`${key}IdNumber`, p.id, hints);
    crossCheckId(b, `${key}IdNumber`, `${key}BirthDate`, `${key}Gender`);
  });
  const holder = b.page.first(after('持证人', '[^\\n]{1,16}'));
  b.name('holder', holder, holder && personName(holder.value, MARRIAGE_STOPS), ['party1Name', 'party2Name']);
  const holderName = b.reads.holder?.value;
  if (holderName !== undefined) {
    const same = ['party1Name', 'party2Name'].find((k) => b.reads[k]?.value === holderName);
    if (same) {
      b.confirm('holder');
      b.confirm(same);
    } else if (b.reads.holder!.evidence === 'valid') holderWithMark(b, String(holderName));
  }
  // A record letter says when: 于2023年8月24日在深圳市龙岗区民政局婚姻登记处登记结婚.
  // 于 may be misread (干2008年…): any date the registration follows with no number between.
  // A record table's row read whole opens with its kind and date (结婚2019年01月23日J440304-…; 结 misread or lost).
  const labelled = b.page.all(after('登记日期', DATE)).find((h) => h.start >= from) ?? present.date ?? b.page.first(new RegExp(`于(${DATE})(?=[^。]{0,40}?(?:登记结婚|结婚登记))`)) ?? b.page.first(new RegExp(`(?<![0-9])(${DATE})(?=[^。0-9]{0,40}?(?:登记结婚|结婚登记))`)) ?? b.page.first(new RegExp(`(?:^|\\n)(?:结婚|复婚|[\\u3400-\\u9fff]?婚)\\s?(${DATE})`));
  const birthValues = new Set([b.reads.party1BirthDate?.value, b.reads.party2BirthDate?.value].filter((v) => v !== undefined));
  // The older design prints only the date of issue, last on the page.
  // Nor a date after a birth label (出生日期, 出生日 or 生日期 with a character lost) when the party was not found.
  const born = (h: Hit) => /^\s?出生/.test(b.page.text.slice(h.end, h.end + 3)) || /(?:出生(?:日期?|年月日?)?|生日期?)[::]?\s?$/.test(b.page.text.slice(Math.max(0, h.start - 6), h.start));
  const birthOf = (h: Hit) => {
    const iso = readDate(h.value) ?? readLooseCnDate(h.value);
    return iso !== undefined && birthValues.has(iso);
  };
  const dates = b.page.all(new RegExp(DATE)).filter((h) => !birthOf(h) && !born(h));
  b.date('registrationDate', labelled ?? dates[dates.length - 1]);
  certificateNumber(b, from);
  if (!b.reads.registrationDate) registrationInNumberYear(b);
  crossCheckRegistration(b);
  if (present.unsure) for (const field of ['registrationDate', 'certificateNumber']) b.contradict(field, '证明列有多条婚姻登记记录,未能认出哪一条是现在的婚姻,请核对');
  return b.result();
}

/**
 * Parties whose ID number was not found by its label (rows run together on a photographed page:
 * 身份出生日证期件号 …) get the page's other checksum-valid numbers by the gender digit: exactly one
 * left for the party's gender, marked unlabelled. A party without its birth date then takes the date
 * printed on the page that is its number's birth date (crossCheckId confirms the two).
 */
function withUnlabelledIds(b: Builder, found: readonly Party[]): Party[] {
  let parties = found;
  // A party not found by its labels: the numbers alone still tell the husband's from the wife's.
  if (parties.length === 0) parties = [{ gender: '男' }, { gender: '女' }];
  if (parties.length === 1) parties = parties[0]!.gender === '女' ? [{ gender: '男' }, parties[0]!] : [parties[0]!, { gender: '女' }];
  // A labelled number that is no number at all (rows ran together: 440309196306260837196) counts as none found.
  const lacking = (p: Party) => !p.id || !readIdNumber(p.id.value).valid;
  if (parties.length !== 2 || !parties.some(lacking)) return [...parties];
  const used = new Set(parties.filter((p) => !lacking(p)).map((p) => p.id!.value.toUpperCase()));
  const free = validIdHits(b.page).filter((h) => !used.has(h.value.toUpperCase()));
  const dates = b.page.all(new RegExp(`(${DATE_RUN}|${CN_DATE_RUN})`));
  return parties.map((p, i) => {
    const gender = p.gender ?? (i === 0 ? '男' : '女');
    if (!lacking(p)) return p;
    const mine = [...new Map(free.filter((h) => idGender(h.value) === gender).map((h) => [h.value.toUpperCase(), h])).values()];
    if (mine.length !== 1) return p;
    const id: Hit = { ...mine[0]!, unlabelled: true };
    const born = `${id.value.slice(6, 10)}-${id.value.slice(10, 12)}-${id.value.slice(12, 14)}`;
    return { ...p, id, ...(p.birth ? {} : { birth: dates.find((d) => readDate(d.value) === born) }) };
  });
}

/**
 * The older design's date of issue, its year misread (九三年二月二十六H, 一九V八年四月二十六日), read in the
 * year its number carries ((93)深福婚字第0695号): repaired, when the year's readable digits agree.
 */
function registrationInNumberYear(b: Builder): void {
  const yy = /^\((\d{2})\)/.exec(String(b.reads.certificateNumber?.value ?? ''))?.[1];
  if (yy === undefined) return;
  const year = Number(yy) + (Number(yy) < 50 ? 2000 : 1900);
  for (const h of b.page.all(/(?:^|\n)([^\n年]{1,4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日目曰口白H]?)(?=\n|$)/)) {
    const iso = readCnDateInYear(h.value, year);
    if (!iso) continue;
    b.set('registrationDate', { value: iso, type: 'date', evidence: 'repaired', note: `登记日期识别为“${h.value}”,年份按结婚证字号补为${year}年,请核对原件` }, h);
    return;
  }
}

/**
 * A certificate number J440304-2021-004170 (a divorce's L…) carries the year of registration: a registration date of
 * that year confirms both; of another year, one of the two is misread and the clerk sees both. A
 * reissued certificate's number (BJ…) carries the year it was reissued, so it checks nothing.
 */
function crossCheckRegistration(b: Builder): void {
  const number = b.reads.certificateNumber;
  const date = b.reads.registrationDate;
  const year = /^[JL]\d{6}-(\d{4})-/.exec(String(number?.value ?? ''))?.[1];
  if (!number || !date || !year || number.evidence === 'invalid' || date.evidence === 'invalid') return;
  const dateYear = String(date.value).slice(0, 4);
  if (dateYear === year) {
    b.confirm('registrationDate');
    b.confirm('certificateNumber');
  } else if (!/^(?:19[5-9]\d|20\d\d)$/.test(year) && [...year].filter((d, i) => d !== dateYear[i]).length === 1) {
    // No year at all (2826: a 0 read as 8) one digit from the date's year: the number takes the date's.
    const value = String(number.value).replace(`-${year}-`, `-${dateYear}-`);
    b.set('certificateNumber', { ...number, value, evidence: 'repaired', note: `结婚证字号中的年份识别为${year},按登记日期改为${dateYear},请核对原件` });
  } else b.contradict('registrationDate', `登记日期识别为${String(date.value)},结婚证字号中的登记年份为${year}年,请核对原件`);
}

/**
 * A party's name that is the holder's with one character more, no given-name character, making a
 * given name of three (邵金鹏点, 邵金鹏住: a stamp's mark or the next cell read on), while the other
 * party is not the holder: it is
 * the holder's name, the mark cut off, for the clerk to check.
 */
function holderWithMark(b: Builder, holder: string): void {
  const longer = (['party1Name', 'party2Name'] as const).filter((k) => {
    const value = String(b.reads[k]?.value ?? '');
    // (A given name of three characters after a single surname is all but unknown: 尹国弢 where the holder reads 尹国 is kept.)
    return value.length === holder.length + 1 && value.startsWith(holder) && !isGivenNameChar(value.slice(-1)) && value.length - (surnameOf(value)?.length ?? 1) >= 3;
  });
  if (longer.length !== 1) return;
  const read = b.reads[longer[0]!]!;
  b.set(longer[0]!, { ...read, value: holder, evidence: 'repaired', note: `姓名识别为“${String(read.value)}”,与持证人“${holder}”只差末尾一字,已按持证人截去,请核对` });
}

/**
 * An issuing office of Shenzhen named on the page (深圳市南山区民政局婚姻登记处, 深圳市人民政府; 圳 misread:
 * 深城市; 深 misread: 浠圳市). No other city's name starts with 深, nor ends with 圳.
 */
const SHENZHEN_OFFICE = /(?:深[\u3400-\u9fff]?|[\u3400-\u9fff]圳)市[\u3400-\u9fff]{0,4}(?:民政局|婚姻登记处|人民政府)/;

/** The districts of Shenzhen's old marriage numbers ((93)深南婚字第2426号): 罗湖 福田 南山 宝安 龙岗 盐田, and the later 坪山 光明. */
const OLD_DISTRICTS = '罗福南宝盐龙坪光';
/** Characters a district's is misread as, read small: its radical or outline kept (宝 under 宀 read 室). */
const DISTRICT_LOOKALIKES: Readonly<Record<string, string>> = {
  室: '宝', 宇: '宝', 定: '宝', 实: '宝', 宜: '宝', 宦: '宝', 岁: '罗', 萝: '罗', 逻: '罗', 四: '罗', 褔: '福', 幅: '福', 副: '福', 富: '福',
  商: '南', 甫: '南', 尤: '龙', 监: '盐', 蓝: '盐', 先: '光', 评: '坪', 抨: '坪',
};

/**
 * An old certificate number as issued in Shenzhen: its city 深 misread (浠南婚字) or lost ((91)罗婚字),
 * its district's character misread as a look-alike (深室婚字: 宝), its 第 lost (婚字0918号). Each
 * repair is told; a number from another city's office is left as read.
 */
function shenzhenOldNumber(value: string, shenzhenOffice: boolean): { fixed: string; notes: string[] } {
  const m = /^(\(\d{2}\))?([\u3400-\u9fff]*?)([\u3400-\u9fff])([婚结]字)(第?)(.+号)$/.exec(value);
  if (!m) return { fixed: value, notes: [] };
  const notes: string[] = [];
  let [city, district] = [m[2]!, m[3]!];
  const known = OLD_DISTRICTS.includes(district);
  const alike = DISTRICT_LOOKALIKES[district];
  if (shenzhenOffice && known && city !== '深' && city.length <= 1) {
    notes.push(city === '' ? '发证机关在深圳,补上字号首字“深”' : '发证机关在深圳,字号首字按“深”补正');
    city = '深';
  } else if (shenzhenOffice && city === '深' && !known && alike) {
    notes.push(`区名简称“${district}”按“${alike}”补正`);
    district = alike;
  }
  if (m[5] === '') notes.push('补上“第”字');
  return { fixed: `${m[1] ?? ''}${city}${district}${m[4]}第${m[6]}`, notes };
}

function certificateNumber(b: Builder, from = 0): void {
  // A certificate issued again (补发) carries a B before its J: BJ440304-1994-014350.
  // Read small, its J may be read 1 between dashes kept (1440304-2018-001062), or a dash may go (J4403042018-001062): the year still stands after six digits.
  const modern = b.page.all(new RegExp(`(?:字号|证号|编号)?[::]?((?:[Bb8](?=[Jj]))?(?:[JjLl]|(?<!\\d)1(?=\\d{6}[-—一_](?:19|20)\\d{2}[-—一_]\\d{4,6}(?!\\d)))[${'0-9OolIiZSB'}]{6}(?:[-—一_]|(?=(?:19|20)\\d{2}))[0-9OolIiZSB]{4}[-—一_]?[0-9OolIiZSB]{4,6})`)).find((h) => h.start >= from);
  if (modern) {
    const v = modern.value.normalize('NFKC').replace(/[—一_]/g, '-');
    const reissued = /^[Bb8](?=[Jj])/.test(v);
    const body = v.slice(reissued ? 2 : 1);
    const digits = body.replace(/-/g, '');
    const parts = `${digits.slice(0, 6)}-${digits.slice(6, 10)}-${digits.slice(10)}`;
    // A divorce certificate's number starts with L (L330106-2017-008016); on any other page the letter is J.
    const letter = /^[Ll]/.test(v) && /离婚/.test(b.page.text) ? 'L' : 'J';
    const fixed = `${reissued ? 'B' : ''}${letter}${parts.replace(/[OoD]/g, '0').replace(/[lIi|]/g, '1').replace(/Z/g, '2').replace(/S/g, '5').replace(/B/g, '8')}`;
    const wellFormed = /^B?[JL]\d{6}-\d{4}-\d{4,6}$/.test(fixed);
    if (v.startsWith('1') && wellFormed) b.set('certificateNumber', { value: fixed, type: 'text', evidence: 'repaired', note: `结婚证字号识别为“${modern.value}”,首字母按“J”补正,请核对原件` }, modern);
    else b.set('certificateNumber', { value: fixed, type: 'text', evidence: wellFormed ? 'valid' : 'invalid' }, modern);
    return;
  }
  // Without a year the number starts after its label or a non-character (持证人 方斌立 字号 深宝结字第9214号).
  // Read small, its 第 may be lost (深宝婚字0918号): put back below.
  const old = b.page.first(new RegExp(`((?:[((〔\\[]?(?:19|20)?[0-9]{2}[))〕\\]]?|(?<=字号|证号|编号|[::]|^)|(?<![${CJK}]))[${CJK}]{1,5}[婚结]字第?[0-9OolI]{1,6}号)`, 'm'));
  if (old) {
    const value = old.value.normalize('NFKC').replace(/[〔\[]/g, '(').replace(/[〕\]]/g, ')');
    const { fixed, notes } = shenzhenOldNumber(value, SHENZHEN_OFFICE.test(b.page.text));
    if (notes.length > 0) b.set('certificateNumber', { value: fixed, type: 'text', evidence: 'repaired', note: `结婚证字号识别为“${value}”,${notes.join(',')},请核对原件` }, old);
    else b.set('certificateNumber', { value, type: 'text', evidence: 'valid' }, old);
    return;
  }
  // Read small, 婚字 merged or misread (（93）深南宇第2426号, 深南端字第): the old number's shape, year, district and serial still stand.
  const misread = b.page.first(/([(（]\d{2}[)）]深[罗福南宝盐龙坪光][\u3400-\u9fff]{1,2}第\d{3,5}号)/);
  // Its parts, brackets made half-width: year and district, what stood for 婚字, serial.
  const m = misread && /^(\(\d{2}\)深.)(.{1,2})第(\d+)号$/.exec(misread.value.normalize('NFKC'));
  if (misread && m) {
    const value = `${m[1]}${m[2]!.includes('结') ? '结' : '婚'}字第${m[3]}号`;
    b.set('certificateNumber', { value, type: 'text', evidence: 'repaired', note: `结婚证字号识别为“${misread.value}”,已按旧式字号格式补正,请核对原件` }, misread);
  }
}
