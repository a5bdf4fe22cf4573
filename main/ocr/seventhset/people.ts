// People for the seventh set: names (about 3 in 10 pages with a rare character in a given name,
// compound surnames now and then, minority names with a middle dot), ID numbers agreeing with
// birth date and sex, addresses, employers.
import { checkCharacter } from '../../../domain/identity/idnumber';
import type { Rng } from '../../../domain/seed/prng';
import { printable } from './fonts';
import { dateBetween } from './wording';

export type Sex = '男' | '女';

export interface Person {
  readonly name: string;
  readonly sex: Sex;
  readonly birth: string;
  readonly id: string;
  readonly ethnicity: string;
  readonly region: Region;
}

interface Region {
  readonly code: string;
  readonly place: string;
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文庞'];
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '慕容', '司徒', '令狐', '尉迟'];
const COMMON_M = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建志国文晨博思嘉子天一泽睿轩'];
const COMMON_F = [...'芳娜敏静丽艳娟霞燕玲婷雪慧颖琳洁丹倩萍红梅莉月欣怡佳雨晴瑶璐梦琪诗涵悦彤蕾妍薇'];
const RARE_M = [...'堃喆昇翀彧晞頔赟犇淼焱垚昳旻珏瑄璟熠煜烨镕鋆洺沄湉骞珩玮晟昊劼钧铖炜暄锴翊奕甦曦靓皓圳'];
const RARE_F = [...'玥珺晞婕祎昳旻瑄湉沄琬珮瑾婧媛姝妤婳嫣筠璇琦娅琰蓁萱苡芃黛蔚旖旎璨窈'];
/** Every rare given-name character the set draws from. */
export const RARE_CHARS = new Set([...RARE_M, ...RARE_F]);
const MINORITY: readonly { readonly name: string; readonly sex: Sex; readonly eth: string }[] = [
  { name: '阿依古丽·买买提', sex: '女', eth: '维吾尔族' },
  { name: '热依拉·艾力', sex: '女', eth: '维吾尔族' },
  { name: '古丽娜尔·吐尔逊', sex: '女', eth: '维吾尔族' },
  { name: '艾合买提·阿不都拉', sex: '男', eth: '维吾尔族' },
  { name: '买买提江·吐尔洪', sex: '男', eth: '维吾尔族' },
  { name: '努尔兰·叶尔肯', sex: '男', eth: '哈萨克族' },
  { name: '阿依达娜·别克', sex: '女', eth: '哈萨克族' },
  { name: '玛依拉·托合提', sex: '女', eth: '维吾尔族' },
  { name: '吐尔洪·卡德尔', sex: '男', eth: '维吾尔族' },
  { name: '巴特尔·其木格', sex: '男', eth: '蒙古族' },
];
const ETHNIC = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '壮族', '回族', '满族', '苗族', '土家族', '瑶族', '侗族', '畲族', '黎族', '朝鲜族', '白族'];
const REGIONS: readonly Region[] = [
  { code: '440304', place: '广东省深圳市福田区' },
  { code: '440305', place: '广东省深圳市南山区' },
  { code: '440306', place: '广东省深圳市宝安区' },
  { code: '440307', place: '广东省深圳市龙岗区' },
  { code: '440309', place: '广东省深圳市龙华区' },
  { code: '441302', place: '广东省惠州市惠城区' },
  { code: '445102', place: '广东省潮州市湘桥区' },
  { code: '360102', place: '江西省南昌市东湖区' },
  { code: '362101', place: '江西省赣州市章贡区' },
  { code: '430104', place: '湖南省长沙市岳麓区' },
  { code: '421003', place: '湖北省荆州市荆州区' },
  { code: '450103', place: '广西壮族自治区南宁市青秀区' },
  { code: '350203', place: '福建省厦门市思明区' },
  { code: '510107', place: '四川省成都市武侯区' },
  { code: '412702', place: '河南省周口市川汇区' },
];
const XJ: Region = { code: '650102', place: '新疆维吾尔自治区乌鲁木齐市天山区' };

const given = (rng: Rng, sex: Sex, rare: boolean): string => {
  const common = sex === '男' ? COMMON_M : COMMON_F;
  const odd = sex === '男' ? RARE_M : RARE_F;
  const len = rng.chance(0.7) ? 2 : 1;
  const chars = Array.from({ length: len }, () => rng.pick(common));
  if (rare) chars[rng.int(0, len - 1)] = rng.pick(odd);
  return chars.join('');
};

/** A person born between the two ISO dates. */
export function person(rng: Rng, sex: Sex, born: readonly [string, string] = ['1958-01-01', '2000-12-31'], rareShare = 0.3): Person {
  const birth = dateBetween(rng, born[0], born[1]);
  const minority = MINORITY.filter((m) => m.sex === sex);
  let name: string;
  let ethnicity = rng.pick(ETHNIC);
  let region = rng.pick(REGIONS);
  if (rng.chance(0.06)) {
    const m = rng.pick(minority);
    name = m.name;
    ethnicity = m.eth;
    region = m.eth === '蒙古族' ? { code: '150102', place: '内蒙古自治区呼和浩特市新城区' } : XJ;
  } else {
    const surname = rng.chance(0.08) ? rng.pick(COMPOUND) : rng.pick(SURNAMES);
    name = surname + given(rng, sex, rng.chance(rareShare));
    if (!printable(name)) name = surname + given(rng, sex, false);
  }
  const seq = rng.int(0, 99) * 10 + (sex === '男' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const first17 = region.code + birth.replace(/-/g, '') + String(seq).padStart(3, '0');
  return { name, sex, birth, id: first17 + checkCharacter(first17), ethnicity, region };
}

const surnameLength = (name: string) => (COMPOUND.some((c) => name.startsWith(c)) ? 2 : 1);

/** `name` with the surname of `family` (names with a middle dot are left alone). */
export function sameSurname(name: string, family: string): string {
  if (name.includes('·') || family.includes('·')) return name;
  return family.slice(0, surnameLength(family)) + name.slice(surnameLength(name));
}

/** A person whose name has a surname (no middle-dot name): for a child or parent named after family. */
export function hanPerson(rng: Rng, sex: Sex, born: readonly [string, string]): Person {
  let p = person(rng, sex, born);
  for (let i = 0; i < 8 && p.name.includes('·'); i++) p = person(rng, sex, born);
  return p.name.includes('·') ? { ...p, name: `林${sex === '男' ? '浩' : '悦'}` } : p;
}

/** A name alone, for the other people on a page. */
export const someName = (rng: Rng, sex: Sex) => person(rng, sex, ['1960-01-01', '2000-01-01'], 0.15).name;

const STREETS = ['深南大道', '红荔路', '桂园路', '南海大道', '宝安大道', '龙翔大道', '民治大道', '布吉路', '沙河西路', '新洲路', '翠竹路', '梅林路'];
const ESTATES = ['安居苑', '桃源村', '景田小区', '龙悦居', '梅林一村', '莲花北村', '百花园', '锦绣家园', '华富村', '鹿丹村', '彩虹新都', '玉华花园'];
const DISTRICTS = ['福田区', '罗湖区', '南山区', '宝安区', '龙岗区', '龙华区', '盐田区', '光明区', '坪山区'];

/** A Shenzhen home address. */
export function address(rng: Rng): string {
  const estate = rng.pick(ESTATES);
  const form = rng.int(0, 2);
  const d = rng.pick(DISTRICTS);
  if (form === 0) return `广东省深圳市${d}${rng.pick(STREETS)}${rng.int(1, 3999)}号${estate}${rng.int(1, 28)}栋${rng.int(1, 32)}${String(rng.int(1, 8)).padStart(2, '0')}`;
  if (form === 1) return `深圳市${d}${rng.pick(['园岭', '莲花', '沙头', '华富', '民治', '坂田', '西乡', '新安', '布吉'])}街道${estate}${rng.int(1, 12)}座${rng.int(2, 30)}楼${rng.pick(['A', 'B', 'C', 'D'])}`;
  return `广东省深圳市${d}${rng.pick(STREETS)}${rng.int(1, 999)}号`;
}

export const PUBLIC_EMPLOYERS = ['深圳市福田区人民医院', '深圳市第二实验学校', '深圳市南山区教育科学研究院', '深圳市龙岗区疾病预防控制中心', '深圳市宝安区图书馆', '深圳大学', '深圳市罗湖区社区健康服务中心', '深圳市气象局'];
export const COMPANIES = ['深圳市华鑫精密电子有限公司', '深圳前海微众科技有限公司', '深圳市鹏程物业管理有限公司', '深圳市顺达物流有限公司', '深圳创维视讯设备有限公司', '深圳市南山区荔香餐饮管理有限公司', '深圳市宝安区福永五金制品厂', '深圳市腾越建筑工程有限公司', '比亚迪汽车工业有限公司'];
export const STREET_OFFICES = ['深圳市福田区园岭街道办事处', '深圳市罗湖区东门街道办事处', '深圳市南山区粤海街道办事处', '深圳市龙华区民治街道办事处', '深圳市宝安区西乡街道办事处', '深圳市龙岗区坂田街道办事处'];
