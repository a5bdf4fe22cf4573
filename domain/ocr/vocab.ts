// Closed vocabularies for cells that can only hold a few words, and the rule for snapping an OCR
// reading to one of them: only when the choice is clear, never by guessing.
import { SHENZHEN_DISTRICTS } from '../seed/places';
import { CITY_NAMES, GUANGDONG_CITY_NAMES } from './place-names.data';
import { editDistance } from './normalise';

/**
 * Relations to the head of household as printed in the 户口簿 "户主或与户主关系" cell: the names of
 * GB/T 4761-2008 (家庭关系代码) and the short forms registration offices print.
 */
export const HOUSEHOLD_RELATIONS: readonly string[] = [
  '户主', '本人', '配偶', '夫', '妻',
  '子', '独生子', '长子', '次子', '三子', '四子', '五子', '养子', '继子', '女婿', '其他儿子',
  '女', '独生女', '长女', '次女', '三女', '四女', '五女', '养女', '继女', '儿媳', '其他女儿',
  '孙子', '孙女', '外孙', '外孙子', '外孙女', '孙媳妇', '孙女婿', '外孙媳妇', '外孙女婿', '曾孙子', '曾孙女', '外曾孙子', '外曾孙女',
  '父', '母', '父亲', '母亲', '公公', '婆婆', '岳父', '岳母', '继父', '继母', '养父', '养母',
  '祖父', '祖母', '外祖父', '外祖母', '曾祖父', '曾祖母', '外曾祖父', '外曾祖母',
  '兄', '嫂', '弟', '弟媳', '姐', '姐夫', '妹', '妹夫', '兄弟', '姐妹',
  '伯父', '伯母', '叔父', '婶母', '舅父', '舅母', '姨父', '姨母', '姑父', '姑母',
  '堂兄', '堂弟', '堂姐', '堂妹', '表兄', '表弟', '表姐', '表妹', '侄子', '侄女', '外甥', '外甥女',
  '其他亲属', '非亲属',
];

/** One way the recogniser read a piece of text, with its 0..100 confidence. */
export interface Reading {
  readonly text: string;
  readonly confidence: number;
  /** Per character of `text`, the recogniser's runners-up there, when it gives them (see PlacedWord). */
  readonly alternatives?: readonly (readonly string[])[];
}

export interface Snapped {
  readonly text: string;
  /** True when the text is a vocabulary entry chosen by this rule. */
  readonly inVocabulary: boolean;
  /** 0..1: how sure the choice is (agreement of the readings, lowered when nothing fitted). */
  readonly confidence: number;
}

/**
 * Picks a vocabulary entry for a cell from several readings of it (different scales):
 * 1. readings that are entries vote, each with weight 1 + confidence/100; the best-voted wins;
 * 2. otherwise the most-voted reading is snapped to the single entry at edit distance 1 from it,
 *    provided the reading has at least two characters (a lone wrong character is 1 edit away
 *    from every one-character entry, so nothing is clear) and no other entry is as close;
 * 3. otherwise the most-voted reading is kept, with low confidence.
 */
export function snapToVocabulary(readings: readonly Reading[], vocabulary: readonly string[]): Snapped {
  const read = readings.filter((r) => r.text !== '');
  if (read.length === 0) return { text: '', inVocabulary: false, confidence: 0 };
  const entries = new Set(vocabulary);
  const voted = tally(read.filter((r) => entries.has(r.text)));
  if (voted.length > 0) {
    const [best] = voted;
    return { text: best!.text, inVocabulary: true, confidence: best!.share * (best!.votes / read.length) };
  }
  const top = tally(read)[0]!;
  if ([...top.text].length >= 2) {
    const near = vocabulary.filter((v) => editDistance(v, top.text) === 1);
    if (near.length === 1) return { text: near[0]!, inVocabulary: true, confidence: 0.5 * top.share };
  }
  return { text: top.text, inVocabulary: false, confidence: Math.min(0.3, top.share) };
}

interface Tally {
  readonly text: string;
  readonly votes: number;
  /** Mean confidence of the readings behind this text, 0..1. */
  readonly share: number;
  readonly weight: number;
}

/** Distinct texts, best first by votes weighted with confidence. */
export function tally(readings: readonly Reading[]): Tally[] {
  const by = new Map<string, { votes: number; conf: number }>();
  for (const r of readings) {
    const t = by.get(r.text) ?? { votes: 0, conf: 0 };
    t.votes++;
    t.conf += r.confidence;
    by.set(r.text, t);
  }
  return [...by.entries()]
    .map(([text, t]) => ({ text, votes: t.votes, share: t.conf / t.votes / 100, weight: t.votes + t.conf / 100 }))
    .sort((a, b) => b.weight - a.weight);
}

/** The province and city every Shenzhen office's papers name first. */
export const SHENZHEN_PREFIX = '广东省深圳市';
/** Shenzhen's districts (and the new district), as addresses and employers print them after 深圳市. */
export const SHENZHEN_DISTRICT_NAMES: readonly string[] = ['福田区', '罗湖区', '南山区', '盐田区', '宝安区', '龙岗区', '龙华区', '坪山区', '光明区', '大鹏新区'];

/**
 * An address or organisation name whose leading place names were misread by one character each
 * (三东省深圳市, 广东省深寺市, 深圳市福曙区): the province and city snap to 广东省深圳市 within one
 * edit, and the district after 深圳市 to the one Shenzhen district within one edit of it; another
 * province one character away to that province (snapProvince). Read small, 深圳 with its 市 misread
 * before a district (深圳伟罗浦区), or with both its characters misread before a district no other
 * city has (家制市罗湖区), is 深圳市 too. Anything else is left as read.
 * `changed` says whether a character was replaced.
 */
export function snapPlacePrefix(text: string): { text: string; changed: boolean } {
  let out = text;
  // The first character or two lost at the line's start (东省深圳市…, 省深圳市…).
  for (const cut of [1, 2]) if (out.startsWith(SHENZHEN_PREFIX.slice(cut))) out = SHENZHEN_PREFIX.slice(0, cut) + out;
  // One character of 深圳 lost before 市 (广东省深市光明区…, 深市光明新材料…): a district or place of Shenzhen's after it says which city.
  const short = /^(广东省)?[深圳]市/.exec(out);
  const rest = short ? out.slice(short[0].length) : '';
  if (short && (districtNear(rest).length > 0 || SHENZHEN_PLACES.some((p) => rest.startsWith(p)))) out = `${short[1] ?? ''}深圳市${out.slice(short[0].length)}`;
  const head = [...out].slice(0, SHENZHEN_PREFIX.length).join('');
  if (head !== SHENZHEN_PREFIX && head.length === SHENZHEN_PREFIX.length && editDistance(head, SHENZHEN_PREFIX) <= 1 && head.slice(3).includes('市')) {
    out = SHENZHEN_PREFIX + [...out].slice(SHENZHEN_PREFIX.length).join('');
  }
  // 深圳市 at the start with one character misread (澳圳市, 深珊市; not 深州市, a city of Hebei), or
  // after a stray mark read as a character (沃深圳市…: no name puts one character before 深圳市).
  if (/^[\u3400-\u9fff]深圳市/.test(out)) out = out.slice(1);
  // 深圳 before one of its districts lost its 市 (深圳宝安区中心医院).
  else if (SHENZHEN_DISTRICT_NAMES.some((d) => out.startsWith(`深圳${d}`))) out = `深圳市${out.slice(2)}`;
  else if (/^(?:[\u3400-\u9fff]圳|深[\u3400-\u9fff])市/.test(out) && !out.startsWith('深圳') && !out.startsWith('深州')) out = `深圳${out.slice(2)}`;
  // Without 市 before a trade name (蒲圳恒丰建筑…): no place but 深圳 ends in 圳.
  else if (/^[\u3400-\u9fff]圳/.test(out) && !out.startsWith('深圳')) out = `深圳${out.slice(2)}`;
  // 圳 misread or lost where 深圳 stands before one of its places without 市 (深划前海金融…, 深前海…).
  else if (new RegExp(`^深[^圳市州]?(?:${SHENZHEN_PLACES.join('|')})`).test(out)) out = `深圳${out.slice(SHENZHEN_PLACES.some((p) => out.startsWith(p, 1)) ? 1 : 2)}`;
  // 深圳 with its 市 misread before a district one edit from one of Shenzhen's (广东省深圳伟罗浦区).
  const misread = /^(?:广东省)?深圳(?!市)[\u3400-\u9fff]/.exec(out);
  if (misread && districtNear(out.slice(misread[0].length)).length === 1) out = `${misread[0].slice(0, -1)}市${out.slice(misread[0].length)}`;
  // Both characters of 深圳 misread (家制市罗湖区…): a district only Shenzhen has says which city.
  const lost = /^[\u3400-\u9fff]{2}市/.exec(out);
  if (lost && !out.startsWith('深圳市') && ONLY_SHENZHEN.some((d) => out.startsWith(d, 3))) out = `深圳市${out.slice(3)}`;
  // Or before no district (汉期市鹏城物业…, 广东省温贡市…): two characters no city has, no word with 市
  // (城市, 超市), and not one character from a city of Guangdong's (东芜市 may be 东莞市) stand for 深圳.
  const other = /^(广东省)?([\u3400-\u9fff]{2})市/.exec(out);
  if (other && isMisreadShenzhen(other[2]!)) out = `${other[1] ?? ''}深圳市${out.slice(other[0].length)}`;
  if (!out.startsWith(SHENZHEN_PREFIX)) out = snapProvince(out);
  const city = out.indexOf('深圳市');
  if (city >= 0 && city <= 3) {
    const at = city + 3;
    const exact = SHENZHEN_DISTRICT_NAMES.some((d) => out.startsWith(d, at));
    if (!exact) {
      const near = SHENZHEN_DISTRICT_NAMES.filter((d) => out.slice(at, at + d.length).endsWith('区') && editDistance(out.slice(at, at + d.length), d) === 1);
      // Two districts one edit away (龙争区: 龙岗区 or 龙华区): the street named after it tells which.
      const rest = out.slice(at);
      const byStreet = near.filter((d) => SHENZHEN_DISTRICTS.find((x) => x.name === d)?.streets.some((s) => rest.includes(`${s}街道`)));
      const close = near.length === 1 ? near : byStreet;
      if (close.length === 1) out = out.slice(0, at) + close[0]! + out.slice(at + close[0]!.length);
    }
  }
  return { text: out, changed: out !== text };
}

/** Places an organisation's name puts right after 深圳 (深圳前海…, 深圳南山…): the districts' names and the two zones. */
const SHENZHEN_PLACES: readonly string[] = [...SHENZHEN_DISTRICT_NAMES.map((d) => d.replace(/新?区$/, '')), '前海', '蛇口'];

/** Words ending in 市 that are not a city (新城市广场, 华润超市). */
const MARKET_WORDS = /[城超都门股夜集菜街闹上花早黑鱼书车楼房海]$/;

const CITIES: ReadonlySet<string> = new Set(CITY_NAMES);

/** Two characters read before 市 that no city has, not one character from one of Guangdong's (深圳 misread: 汉期, 家城, 保就). */
function isMisreadShenzhen(pair: string): boolean {
  if (CITIES.has(pair) || MARKET_WORDS.test(pair)) return false;
  return !GUANGDONG_CITY_NAMES.some((c) => c !== '深圳' && c.length === 2 && (c[0] === pair[0] || c[1] === pair[1]));
}

/** Shenzhen's districts whose names no other city's district is known to have (南山区 is also Hegang's, 龙华区 Haikou's; 福田区 is left out as well, a name common enough to doubt). */
const ONLY_SHENZHEN = SHENZHEN_DISTRICT_NAMES.filter((d) => !['南山区', '龙华区', '福田区'].includes(d));

/** The Shenzhen districts a text starts with, exactly or one character misread (its 区 as printed). */
function districtNear(text: string): string[] {
  const exact = SHENZHEN_DISTRICT_NAMES.filter((d) => text.startsWith(d));
  return exact.length > 0 ? exact : SHENZHEN_DISTRICT_NAMES.filter((d) => text.slice(0, d.length).endsWith('区') && editDistance(text.slice(0, d.length), d) === 1);
}

/**
 * The provinces and autonomous regions as addresses print them. The four municipalities (北京市 …)
 * are left out: a city one character from one is real (上饶市, 天门市).
 */
export const PROVINCE_NAMES: readonly string[] = [
  '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省',
  '湖南省', '广东省', '广西壮族自治区', '海南省', '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区',
  '新疆维吾尔自治区', '台湾省', '香港特别行政区', '澳门特别行政区',
];

/**
 * A province's name at the start of a text with one character of its name misread (摇建省 → 福建省,
 * 内蒙占自治区 → 内蒙古自治区): snapped when exactly one province is that close and the ending
 * (省, 自治区) is as printed; 湖东省 (湖南, 湖北, 广东 or 山东) is left as read.
 */
export function snapProvince(text: string): string {
  if (PROVINCE_NAMES.some((p) => text.startsWith(p))) return text;
  const ending = (p: string) => (p.endsWith('省') ? 1 : p.endsWith('特别行政区') ? 5 : 3);
  const near = PROVINCE_NAMES.filter((p) => {
    const head = text.slice(0, p.length);
    const stem = p.length - ending(p);
    return head.length === p.length && head.slice(stem) === p.slice(stem) && [...head.slice(0, stem)].filter((c, i) => c !== p[i]).length === 1;
  });
  if (near.length === 1) return near[0]! + text.slice(near[0]!.length);
  // An autonomous region that lost its first character, one more perhaps misread (西牡族自治区 for 广西壮族自治区).
  const lost = PROVINCE_NAMES.filter((p) => p.endsWith('自治区') && p.length >= 5 && text.startsWith(p.slice(-3), p.length - 4) && [...text.slice(0, p.length - 4)].filter((c, i) => c !== p[i + 1]).length <= 1);
  return lost.length === 1 ? lost[0]! + text.slice(lost[0]!.length - 1) : text;
}

/**
 * An address read on a household register, snapped where its grammar leaves one reading
 * (`changed` says whether anything was): the place prefix and district (snapPlacePrefix); the
 * street after a Shenzhen district one edit from exactly one of its streets (香富湖街道 → 香蜜湖街道);
 * in a village the number between 村 and the house number is its lane (村6蔡44号 → 村6巷44号); a
 * number before a wing or a unit is a building (4标B座 → 4栋B座).
 */
/** The street (街道) an address names after a Shenzhen district that is none of that district's, or undefined. */
export function unknownStreet(address: string): string | undefined {
  const district = SHENZHEN_DISTRICTS.find((d) => address.includes(d.name));
  if (!district) return undefined;
  const street = /^([\u3400-\u9fff]{1,4})街道/.exec(address.slice(address.indexOf(district.name) + district.name.length))?.[1];
  return street && !district.streets.includes(street) ? street : undefined;
}

/** Shenzhen's districts without their 区 (新区): 福田, 罗湖 … 大鹏. */
export const SHENZHEN_DISTRICT_STEMS: readonly string[] = SHENZHEN_DISTRICT_NAMES.map((d) => d.replace(/新?区$/, ''));

/** A Shenzhen district's name after 深圳市 without its 区 (深圳市罗湖语道…: 区 and the street misread into one), or undefined. */
export function districtWithoutQu(address: string): string | undefined {
  return new RegExp(`深圳市(${SHENZHEN_DISTRICT_STEMS.join('|')})(?!区|新区)`).exec(address)?.[1];
}

/** The city after a province (江西省赣州市…) when it is no city's name (江西省州市…, 赣 lost), else undefined. */
export function unknownCity(address: string): string | undefined {
  const city = /^[\u3400-\u9fff]{2,3}省([\u3400-\u9fff]{1,4}?)市/.exec(address)?.[1];
  return city !== undefined && !CITY_NAMES.includes(city) ? `${city}市` : undefined;
}

/** What a name may put after 深圳市 that ends in 区 and is no district (工业区, 保税区, 园区, 社区, 新区 …): their last character before 区. */
const AREA_WORDS = /[业发税贸作园新景校社片城市辖港厂库矿林山小街营湾海]$/;

/**
 * The district an organisation's name puts right after 深圳市 (…深圳市禄国区国的小学) when it is none of
 * Shenzhen's, nor a word for an area (深圳市工业区…): a misread name to check. Undefined otherwise.
 */
export function unknownDistrict(name: string): string | undefined {
  const m = /^(?:广东省)?深圳市([\u3400-\u9fff]{2})区/.exec(name);
  // (An area's word one character from a district's name is the district misread: 商山区 for 南山区.)
  const misread = m && SHENZHEN_DISTRICT_STEMS.some((d) => d.length === 2 && editDistance(d, m[1]!) === 1);
  return m && !SHENZHEN_DISTRICT_NAMES.includes(`${m[1]}区`) && (misread || !AREA_WORDS.test(m[1]!)) ? `${m[1]}区` : undefined;
}

/** Letters a room number's digits are read as. */
const ROOM_DIGIT: Readonly<Record<string, string>> = { G: '6', O: '0', o: '0', S: '5', l: '1', I: '1', Z: '2' };

/**
 * A street two characters wrong, in a district read wrong or right (深圳市光湖区风州街道风凰南社区): a
 * community is often named after its street, so the one street of a district within one edit of the
 * district read whose name the community's first characters give, except where the community and the
 * street read the same wrong character at the same place (风…风: the same print misread twice), snaps
 * the district, the street and those characters (光明区凤凰街道凤凰南社区). A community read right
 * under a street of another name (福田街道福山社区) is kept: 山 was not read in the street's place.
 */
function snapByCommunity(text: string): string {
  const m = /深圳市([\u3400-\u9fff]{2,3}?区)([\u3400-\u9fff]{2,4}?)街道([\u3400-\u9fff]{2,8}?)社区/.exec(text);
  if (!m) return text;
  const [, read, street, community] = m as unknown as [string, string, string, string];
  const districts = SHENZHEN_DISTRICTS.filter((d) => d.name === read || (d.name.length === read.length && editDistance(d.name, read) === 1));
  if (districts.some((d) => d.name === read && d.streets.includes(street))) return text;
  const named = (s: string) => [...s].every((c, i) => community[i] === c || community[i] === street[i]);
  const pairs = districts.flatMap((d) => d.streets.filter((s) => s.length === street.length && editDistance(s, street) <= 2 && editDistance(community.slice(0, s.length), s) === 1 && named(s)).map((s) => ({ d, s })));
  if (pairs.length !== 1) return text;
  const { d, s } = pairs[0]!;
  const at = m.index + '深圳市'.length;
  return `${text.slice(0, at)}${d.name}${s}街道${s}${community.slice(s.length)}社区${text.slice(at + m[0].length - '深圳市'.length)}`;
}

/** Characters built on 辶 as 道 is, that 道 is read as. */
const LIKE_DAO = '通逍迫遒追适述造速逗遵遁';

export function snapAddress(text: string): { text: string; changed: boolean } {
  let out = snapPlacePrefix(text).text;
  const district = SHENZHEN_DISTRICTS.find((d) => out.includes(d.name));
  if (district) {
    const from = out.indexOf(district.name) + district.name.length;
    const street = /^([\u3400-\u9fff]{1,4})街道/.exec(out.slice(from))?.[1];
    const near = street && !district.streets.includes(street) ? district.streets.filter((s) => s.length === street.length && editDistance(s, street) === 1) : [];
    // A character lost (观街道): the one street it could be, or the one the community after it is named from (观街道观湖翠湖社区).
    const after = street ? out.slice(from + street.length + 2) : '';
    const lost = street && near.length === 0 && !district.streets.includes(street) ? district.streets.filter((s) => s.length === street.length + 1 && editDistance(s, street) === 1) : [];
    const named = lost.length > 1 ? lost.filter((s) => after.startsWith(s)) : lost;
    if (street && near.length === 1) out = out.slice(0, from) + near[0]! + out.slice(from + street.length);
    else if (street && named.length === 1) out = out.slice(0, from) + named[0]! + out.slice(from + street.length);
    // 道 of 街道 read as a character built like it (东门街通东门滨海社区) after one of the district's streets.
    const misread = street ? undefined : new RegExp(`^(${district.streets.join('|')})街[${LIKE_DAO}]`).exec(out.slice(from));
    if (misread) out = `${out.slice(0, from)}${misread[1]}街道${out.slice(from + misread[0].length)}`;
  }
  out = snapByCommunity(out);
  // 凤 of 凤凰 read as 风 (安居风凰苑: no word is 风凰); a wing's 座 read as 率 after its letter (半岛城邦C率1602).
  out = out.replace(/风凰/g, '凤凰').replace(/(?<=[A-Z])率(?=\d)/g, '座');
  // A misread 巷 or 栋 is another character, never a digit or a mark (5-2单元 stays as printed).
  // A village's 组 (a production group: 石桥村12组7号) or 排 (a row of houses: 老村13排16号) is as printed.
  out = out.replace(/(村\d{1,3})(?![巷号栋座单元期路街组队排坊弄里片])[\u3400-\u9fff](\d{1,4}号)/g, '$1巷$2').replace(/(\d{1,3})(?![栋幢号座单元期巷楼层室])[\u3400-\u9fff]([A-Z]座|\d{1,2}单元)/g, '$1栋$2');
  // A room number's last digit read as a letter like it (10栋180G → 1806); a room's own letter (1203A, 1203B) is none of these.
  out = out.replace(/([栋幢座元]\d{2,3})([GOoSlIZ])(?=[室房]?$)/, (_, head: string, letter: string) => head + ROOM_DIGIT[letter]!);
  return { text: out, changed: out !== text };
}

/** The 56 nationalities by their full names (汉族 …), as the household register prints them. */
export const ETHNICITIES = [
  '汉', '壮', '满', '回', '苗', '维吾尔', '土家', '彝', '蒙古', '藏', '布依', '侗', '瑶', '朝鲜', '白', '哈尼', '哈萨克', '黎', '傣', '畲', '傈僳',
  '仡佬', '东乡', '高山', '拉祜', '水', '佤', '纳西', '羌', '土', '仫佬', '锡伯', '柯尔克孜', '达斡尔', '景颇', '毛南', '撒拉', '布朗', '塔吉克',
  '阿昌', '普米', '鄂温克', '怒', '京', '基诺', '德昂', '保安', '俄罗斯', '裕固', '乌孜别克', '门巴', '鄂伦春', '独龙', '塔塔尔', '赫哲', '珞巴',
].map((e) => `${e}族`);
