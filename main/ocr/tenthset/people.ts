// People on the tenth set's pages: names (ordinary ones mostly; compound surnames, Tibetan and
// Mongolian four-character names, Uyghur and Kazakh names joined with ·; a rare name character on
// about one page in seven), ID numbers that agree with birth date and sex, home regions with
// addresses and their police offices, and employers.
import { checkCharacter } from '../../../domain/identity/idnumber';
import type { Rng } from '../../../domain/seed/prng';
import { dateBetween } from './forms';

export type Sex = '男' | '女';

export interface Region {
  readonly code: string;
  /** Province, city and county as an address starts. */
  readonly place: string;
  /** Township or street names. */
  readonly towns: readonly string[];
  readonly rural: boolean;
  readonly police: string;
  readonly minority?: string;
}

export const REGIONS: readonly Region[] = [
  { code: '440304', place: '广东省深圳市福田区', towns: ['福田街道', '莲花街道', '梅林街道', '香蜜湖街道'], rural: false, police: '深圳市公安局福田分局' },
  { code: '440306', place: '广东省深圳市宝安区', towns: ['西乡街道', '新安街道', '福永街道', '沙井街道'], rural: false, police: '深圳市公安局宝安分局' },
  { code: '440307', place: '广东省深圳市龙岗区', towns: ['布吉街道', '横岗街道', '龙城街道', '坂田街道'], rural: false, police: '深圳市公安局龙岗分局' },
  { code: '431121', place: '湖南省祁阳县', towns: ['白水镇', '黎家坪镇', '观音滩镇', '文富市镇'], rural: true, police: '祁阳县公安局' },
  { code: '445281', place: '广东省普宁市', towns: ['流沙东街道', '洪阳镇', '占陇镇', '里湖镇'], rural: true, police: '普宁市公安局' },
  { code: '360731', place: '江西省于都县', towns: ['贡江镇', '罗坳镇', '银坑镇', '岭背镇'], rural: true, police: '于都县公安局' },
  { code: '411525', place: '河南省固始县', towns: ['番城街道', '陈淋子镇', '往流镇', '胡族铺镇'], rural: true, police: '固始县公安局' },
  { code: '511302', place: '四川省南充市顺庆区', towns: ['中城街道', '搬罾街道', '潆溪街道'], rural: false, police: '南充市公安局顺庆区分局' },
  { code: '421102', place: '湖北省黄冈市黄州区', towns: ['东湖街道', '赤壁街道', '陶店乡', '堵城镇'], rural: true, police: '黄冈市公安局黄州区分局' },
  { code: '441481', place: '广东省兴宁市', towns: ['兴田街道', '宁新街道', '叶塘镇', '径南镇'], rural: true, police: '兴宁市公安局' },
  { code: '350583', place: '福建省南安市', towns: ['溪美街道', '水头镇', '官桥镇', '石井镇'], rural: true, police: '南安市公安局' },
  { code: '450821', place: '广西壮族自治区平南县', towns: ['平南街道', '大安镇', '丹竹镇'], rural: true, police: '平南县公安局', minority: '壮族' },
  { code: '522601', place: '贵州省凯里市', towns: ['大十字街道', '湾溪街道', '三棵树镇'], rural: true, police: '凯里市公安局', minority: '苗族' },
  { code: '433101', place: '湖南省吉首市', towns: ['乾州街道', '石家冲街道', '矮寨镇'], rural: true, police: '吉首市公安局', minority: '土家族' },
  { code: '653101', place: '新疆维吾尔自治区喀什市', towns: ['恰萨街道', '亚瓦格街道', '浩罕乡'], rural: false, police: '喀什市公安局', minority: '维吾尔族' },
  { code: '654002', place: '新疆维吾尔自治区伊宁市', towns: ['墩买里街道', '艾兰木巴格街道'], rural: false, police: '伊宁市公安局', minority: '哈萨克族' },
  { code: '540102', place: '西藏自治区拉萨市城关区', towns: ['八廓街道', '吉日街道', '扎细街道'], rural: false, police: '拉萨市公安局城关分局', minority: '藏族' },
  { code: '150105', place: '内蒙古自治区呼和浩特市赛罕区', towns: ['大学东路街道', '昭乌达路街道'], rural: false, police: '呼和浩特市公安局赛罕区分局', minority: '蒙古族' },
];

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史黎贺顾毛郝龚邵万严覃戴莫孔汤温欧赖庄'];
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '司徒', '东方', '皇甫', '令狐', '夏侯', '慕容', '端木', '公孙'];
const MALE = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建文志国海峰晨博昊宏成嘉轩睿泽振家荣德庆永锦松柏坤毅东兴发'];
const FEMALE = [...'芳娜敏静丽艳娟霞秀玲桂英慧婷雪琳晶颖倩琴云洁梅丹萍红燕玉兰佳欣怡悦雨涵思诗彤萱晓月秋菲蕾薇莉凤琪瑶妍'];
/** Name characters many recognisers were not trained on. */
export const RARE = [...'喆堃淼犇燚垚昇玥珺琤瑄赟翀彧璟晞昶旸珏祎琰湉婠曌頔瑀珣奭弢劼琮赜璠峣韡暐燊皛玙鋆亓冼邝禤訾仝昝逄佘缑笪隗郄鄢'];
const RARE_SURNAMES = [...'亓冼邝禤訾仝昝逄佘缑笪隗郄鄢'];
const RARE_GIVEN = RARE.filter((c) => !RARE_SURNAMES.includes(c));

const UYGHUR_M = ['艾力', '买买提江', '艾尔肯', '努尔艾力', '阿卜杜拉', '伊力哈木', '吐尔洪', '肉孜'];
const UYGHUR_F = ['阿依古丽', '古丽米拉', '迪丽努尔', '热依拉', '帕提古丽', '米日古丽', '阿依努尔', '再努尔'];
const UYGHUR_FATHER = ['买买提', '吐尔逊', '艾山', '阿不都', '艾则孜', '司马义', '阿不力孜', '热合曼', '依明', '卡德尔'];
const KAZAKH_M = ['叶尔兰', '努尔兰', '别克', '叶尔波力', '达吾列提'];
const KAZAKH_F = ['阿依达娜', '古丽娜尔', '加娜尔', '阿娜尔古丽'];
const KAZAKH_FATHER = ['哈森', '努尔兰', '吐尔逊别克', '阿合买提', '加帕尔'];
const TIBETAN_M = ['扎西顿珠', '索朗旺堆', '洛桑平措', '尼玛次仁', '格桑多吉', '次仁罗布'];
const TIBETAN_F = ['次仁卓玛', '格桑梅朵', '德吉央宗', '白玛曲珍', '拉姆措', '央金拉姆'];
const MONGOL_M = ['巴特尔', '额尔敦', '哈斯朝鲁', '宝音图', '苏和巴特尔'];
const MONGOL_F = ['其木格', '乌云其其格', '苏日娜', '娜仁高娃', '萨仁图雅'];

export interface Person {
  readonly name: string;
  readonly sex: Sex;
  /** ISO birth date. */
  readonly birth: string;
  readonly id: string;
  readonly ethnicity: string;
  readonly region: Region;
}

export interface PersonWish {
  readonly sex?: Sex;
  readonly from?: string;
  readonly to?: string;
  readonly region?: Region;
  readonly surname?: string;
  /** Give the name a rare character. */
  readonly rare?: boolean;
  /** Chance of a minority region (names then follow its custom). */
  readonly minority?: number;
  readonly ethnicity?: string;
}

const given = (rng: Rng, sex: Sex, rare: boolean): string => {
  const pool = sex === '男' ? MALE : FEMALE;
  const one = rng.pick(pool);
  const two = rng.pick(pool);
  if (rare) return rng.chance(0.5) ? rng.pick(RARE_GIVEN) : `${one}${rng.pick(RARE_GIVEN)}`;
  return rng.chance(0.3) ? one : `${one}${two === one ? rng.pick(pool) : two}`;
};

function nameOf(rng: Rng, sex: Sex, ethnic: string, wish: PersonWish): string {
  const m = sex === '男';
  if (ethnic === '维吾尔族') return `${rng.pick(m ? UYGHUR_M : UYGHUR_F)}·${rng.pick(UYGHUR_FATHER)}`;
  if (ethnic === '哈萨克族') return `${rng.pick(m ? KAZAKH_M : KAZAKH_F)}·${rng.pick(KAZAKH_FATHER)}`;
  if (ethnic === '藏族') return rng.pick(m ? TIBETAN_M : TIBETAN_F);
  if (ethnic === '蒙古族') return rng.pick(m ? MONGOL_M : MONGOL_F);
  const rare = wish.rare === true;
  if (wish.surname) return `${wish.surname}${given(rng, sex, rare)}`;
  if (rare && rng.chance(0.4)) return `${rng.pick(RARE_SURNAMES)}${given(rng, sex, false)}`;
  if (!rare && rng.chance(0.06)) return `${rng.pick(COMPOUND)}${rng.pick(m ? MALE : FEMALE)}${rng.pick(m ? MALE : FEMALE)}`;
  return `${rng.pick(SURNAMES)}${given(rng, sex, rare)}`;
}

/** The surname of a Han name (one character, or a compound one). */
export const surnameOf = (name: string): string => (COMPOUND.includes(name.slice(0, 2)) ? name.slice(0, 2) : name.slice(0, 1));

/** The same person under a name with a rare character (Han names only; others are returned as they are). */
export function rarify(rng: Rng, p: Person): Person {
  if (p.name.includes('·') || ['藏族', '蒙古族'].includes(p.ethnicity)) return p;
  return { ...p, name: `${surnameOf(p.name)}${given(rng, p.sex, true)}` };
}

/** An 18-digit ID number for the region, birth date and sex. */
export function idFor(rng: Rng, code: string, birth: string, sex: Sex): string {
  const seq = rng.int(0, 49) * 2 + rng.int(0, 4) * 100 + (sex === '男' ? 1 : 0);
  const first17 = `${code}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

export function person(rng: Rng, wish: PersonWish = {}): Person {
  const sex = wish.sex ?? (rng.chance(0.5) ? '男' : '女');
  const minorities = REGIONS.filter((r) => r.minority);
  const plain = REGIONS.filter((r) => !r.minority);
  const region = wish.region ?? (!wish.rare && rng.chance(wish.minority ?? 0.08) ? rng.pick(minorities) : rng.pick(plain));
  const ethnicity = wish.ethnicity ?? (region.minority && rng.chance(0.85) ? region.minority : '汉族');
  const birth = dateBetween(rng, wish.from ?? '1962-01-01', wish.to ?? '1998-12-31');
  const name = nameOf(rng, sex, ethnicity, wish);
  return { name, sex, birth, id: idFor(rng, region.code, birth, sex), ethnicity, region };
}

const VILLAGES = ['新屋', '枫林', '石桥', '上坪', '大塘', '高岭', '东山', '水口', '竹园', '黄泥'];
const ROADS = ['建设路', '人民路', '解放路', '中山路', '新华路', '民主路', '和平路', '文化路'];
const ESTATES = ['碧海花园', '景田小区', '锦绣家园', '阳光华庭', '翠苑', '怡景花园', '金色家园'];
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A household address in the region, as a register prints it. */
export function addressIn(rng: Rng, r: Region): string {
  const town = rng.pick(r.towns);
  if (r.rural && rng.chance(0.7)) return `${r.place}${town}${rng.pick(VILLAGES)}村${rng.pick(CN_NUM)}组${rng.int(1, 80)}号`;
  if (rng.chance(0.5)) return `${r.place}${town}${rng.pick(ROADS)}${rng.int(1, 399)}号`;
  return `${r.place}${town}${rng.pick(ROADS)}${rng.pick(ESTATES)}${rng.int(1, 18)}栋${rng.int(1, 32)}${String(rng.int(1, 8)).padStart(2, '0')}房`;
}

const CORES = ['鹏达', '恒信', '凯旋', '华瑞', '盛世达', '嘉联', '泰和', '安捷', '联创', '汇丰源', '金鹏', '新城', '德润', '海川', '宏图', '星河', '天成', '万利达'];
const TRADES = ['电子科技', '物流', '建筑工程', '餐饮管理', '物业管理', '供应链管理', '精密模具', '信息技术', '医疗器械', '商贸', '实业', '家居用品'];
const PUBLIC = ['深圳市福田区第二实验学校', '深圳市宝安区人民医院', '深圳市龙岗区布吉街道办事处', '深圳市南山区环境卫生管理处', '深圳市公共交通集团有限公司'];

/** A Shenzhen employer's registered name. */
export function employer(rng: Rng): string {
  if (rng.chance(0.1)) return rng.pick(PUBLIC);
  const tail = rng.chance(0.85) ? '有限公司' : '股份有限公司';
  return `${rng.chance(0.8) ? '深圳市' : '广东'}${rng.pick(CORES)}${rng.pick(TRADES)}${tail}`;
}

/** Decides whether the page's main person gets a rare character (about one page in seven). */
export const rareName = (rng: Rng) => rng.chance(0.15);
