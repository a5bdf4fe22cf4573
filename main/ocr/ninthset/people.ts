// People for the ninth set: names (ordinary two and three character names mostly; compound
// surnames, Tibetan and Mongolian four-character names, Uyghur names with ·, and on some pages a
// character parents choose but few fonts and recognisers know), ID numbers, birth dates, ethnicity.
import { checkCharacter } from '../../../domain/identity/idnumber';
import type { Rng } from '../../../domain/seed/prng';
import { dateBetween } from './forms';
import { ELSEWHERE, INNER_MONGOLIA, type Region, SHENZHEN, TIBET, XINJIANG, YANBIAN } from './places';

export type Sex = '男' | '女';

export interface Person {
  readonly name: string;
  readonly sex: Sex;
  /** ISO birth date. */
  readonly birth: string;
  readonly id: string;
  readonly ethnicity: string;
  /** Where the ID number was issued (birth registration). */
  readonly origin: Region;
  readonly style: NameStyle;
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤温赖庄'];
const COMPOUND = ['欧阳', '司徒', '上官', '诸葛', '司马', '东方', '慕容', '皇甫'];
const MALE = [...'伟强磊军勇杰涛斌超明刚平辉鹏华波宇浩凯健俊帆旭宁龙林阳志建国文海峰亮成东晨博睿泽轩然宏永德兵金春庆荣新锋毅鸿彬'];
const FEMALE = [...'芳娜敏静丽艳娟霞燕玲萍红梅莉婷雪琳颖倩洁慧佳欣怡晶蓉月秀英兰凤云桂珍琴丹雯思雨梦诗悦涵可薇'];
const EITHER = [...'文晓小海春秋嘉子永志学家一'];

/**
 * Characters parents really give their children that are uncommon in print: 玥 珺 瑄 (jade),
 * 犇 垚 淼 (tripled characters), 喆 赟 彧 翀 祎 璟 湉 芃 旻 堃 劼 昉 玹 晞 濛 瑀 珣 琇 瑢 禛 婧 琰 …,
 * and surnames such as 禤 冼 邝 亓 逄 仝 佘 昝 訾 覃.
 */
export const RARE_GIVEN = [...'玥珺瑄犇垚淼喆赟彧翀祎璟湉芃旻堃劼昉玹晞濛瑀珣琇瑢禛婧琰婕昱骞筠珩珏蕤翊懿昶琛煦暄棣泓璇苒曌焱'];
export const RARE_SURNAMES = [...'禤冼邝亓逄仝佘昝訾覃'];
export const RARE = [...RARE_GIVEN, ...RARE_SURNAMES];

const UYGHUR_MALE = ['买买提', '艾力', '阿不都', '艾尔肯', '吐尔逊', '努尔', '亚森', '伊力哈木', '热合曼', '阿里木', '克然木', '麦麦提'];
const UYGHUR_FEMALE = ['阿依古丽', '古丽娜尔', '热依拉', '帕提古丽', '迪丽努尔', '努尔古丽', '祖丽菲亚', '米热古丽', '阿依努尔'];
const TIBETAN_MALE = ['扎西顿珠', '次仁多吉', '格桑平措', '索朗旺堆', '丹增尼玛', '多吉次仁'];
const TIBETAN_FEMALE = ['次仁卓玛', '央金拉姆', '格桑梅朵', '德吉央宗', '白玛曲珍', '卓玛'];
const MONGOL_MALE = ['巴特尔', '苏和', '额尔敦', '朝鲁', '巴雅尔图', '孟和巴图'];
const MONGOL_FEMALE = ['其其格', '乌兰图雅', '萨仁高娃', '斯琴', '塔娜', '格日勒'];
const KOREAN_SURNAMES = [...'金朴崔李郑'];

export type NameStyle = 'han' | 'compound' | 'uyghur' | 'tibetan' | 'mongol' | 'korean';

export interface PersonOpts {
  readonly sex?: Sex;
  readonly born?: readonly [string, string];
  /** Give the person an uncommon name character. */
  readonly rare?: boolean;
  readonly surname?: string;
  readonly origin?: Region;
  /** The name style; drawn when absent (mostly Han, now and then another people's). */
  readonly style?: NameStyle;
  /** The father's given name, for Uyghur names. */
  readonly father?: string;
}

const given = (rng: Rng, sex: Sex, n: number): string => {
  let out = '';
  for (let i = 0; i < n; i++) out += i === 0 && n === 2 && rng.chance(0.25) ? rng.pick(EITHER) : rng.pick(sex === '男' ? MALE : FEMALE);
  return out;
};

function drawStyle(rng: Rng): NameStyle {
  const r = rng.next();
  return r > 0.94 ? 'uyghur' : r > 0.91 ? 'tibetan' : r > 0.88 ? 'mongol' : r > 0.86 ? 'korean' : r > 0.81 ? 'compound' : 'han';
}

const ORIGIN: Partial<Record<NameStyle, Region>> = { uyghur: XINJIANG, tibetan: TIBET, mongol: INNER_MONGOLIA, korean: YANBIAN };
const PEOPLE: Partial<Record<NameStyle, string>> = { uyghur: '维吾尔族', tibetan: '藏族', mongol: '蒙古族', korean: '朝鲜族' };

/** A made-up resident of the given sex and birth range. */
export function makePerson(rng: Rng, o: PersonOpts = {}): Person {
  const sex: Sex = o.sex ?? (rng.chance(0.5) ? '男' : '女');
  const birth = dateBetween(rng, o.born?.[0] ?? '1958-01-01', o.born?.[1] ?? '2000-12-31');
  const style = o.style ?? (o.surname ? 'han' : drawStyle(rng));
  const origin = o.origin ?? ORIGIN[style] ?? (rng.chance(0.45) ? rng.pick(SHENZHEN) : rng.pick(ELSEWHERE));
  let ethnicity = PEOPLE[style] ?? '汉族';
  let name: string;
  if (style === 'uyghur') {
    const own = rng.pick(sex === '男' ? UYGHUR_MALE : UYGHUR_FEMALE);
    name = `${own}·${o.father ?? rng.pick(UYGHUR_MALE.filter((n) => n !== own))}`;
  }
  else if (style === 'tibetan') name = rng.pick(sex === '男' ? TIBETAN_MALE : TIBETAN_FEMALE);
  else if (style === 'mongol') name = rng.pick(sex === '男' ? MONGOL_MALE : MONGOL_FEMALE);
  else if (style === 'korean') name = (o.surname ?? rng.pick(KOREAN_SURNAMES)) + given(rng, sex, rng.int(1, 2));
  else {
    const surname = o.surname ?? (style === 'compound' ? rng.pick(COMPOUND) : rng.pick(SURNAMES));
    name = surname + given(rng, sex, surname.length === 2 ? 2 : rng.chance(0.8) ? 2 : 1);
    if (origin.minority && rng.chance(origin.minority[1])) ethnicity = origin.minority[0];
  }
  if (o.rare && (style === 'han' || style === 'compound' || style === 'korean')) name = withRare(rng, name, o.surname === undefined && style === 'han');
  return { name, sex, birth, id: idNumber(rng, origin.code, birth, sex), ethnicity, origin, style };
}

/** Puts an uncommon character into a name: a given-name character, or now and then the surname. */
function withRare(rng: Rng, name: string, surnameFree: boolean): string {
  const chars = [...name];
  if (surnameFree && chars.length <= 3 && rng.chance(0.25)) return rng.pick(RARE_SURNAMES) + chars.slice(1).join('');
  chars[chars.length - 1] = rng.pick(RARE_GIVEN);
  return chars.join('');
}

/** An 18-digit ID number: region, birth date, a sequence whose last digit is odd for men, check character. */
export function idNumber(rng: Rng, region: string, birth: string, sex: Sex): string {
  const last = sex === '男' ? 1 + 2 * rng.int(0, 4) : 2 * rng.int(0, 4);
  const first17 = `${region}${birth.replaceAll('-', '')}${String(rng.int(0, 99)).padStart(2, '0')}${last}`;
  return first17 + checkCharacter(first17);
}

/** A partner for `p`: other sex, similar age (a married woman keeps her own surname). */
export function spouseOf(rng: Rng, p: Person, rare = false): Person {
  const sex: Sex = p.sex === '男' ? '女' : '男';
  const year = Number(p.birth.slice(0, 4)) + (sex === '女' ? rng.int(-6, 1) : rng.int(-1, 6));
  const style: NameStyle = p.style === 'compound' ? 'han' : rng.chance(0.7) ? p.style : 'han';
  return makePerson(rng, { sex, born: [`${year}-01-01`, `${year}-12-31`], rare, style });
}

/** A child of `father` (and `mother`), born in the range, named in the family's way. */
export function childOf(rng: Rng, father: Person, born: readonly [string, string], sex?: Sex, rare = false): Person {
  const style = father.style === 'compound' ? 'han' : father.style;
  const surname = style === 'han' || style === 'korean' ? surnameOf(father.name) : undefined;
  const fatherGiven = father.name.split('·')[0]!;
  const child = makePerson(rng, { born, rare, style, origin: father.origin, ...(sex ? { sex } : {}), ...(surname ? { surname } : {}), ...(style === 'uyghur' ? { father: fatherGiven } : {}) });
  return { ...child, ethnicity: father.ethnicity };
}

/** The surname of a Han-style name (compound surnames kept whole). */
export const surnameOf = (name: string): string => (COMPOUND.some((c) => name.startsWith(c)) ? name.slice(0, 2) : [...name][0]!);

/** Age in whole years on a date. */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}
