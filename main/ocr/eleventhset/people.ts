// People, addresses and employers of the eleventh set: ordinary given names of one or two characters
// from a wide pool, about one in eight with a less common standard character, compound surnames now
// and then, minority names with a middle dot; long Shenzhen and home-province addresses; long
// employer names (（深圳）, 分公司, 事业单位, 街道办事处).
import { checkCharacter } from '../../../domain/identity/idnumber';
import type { Rng } from '../../../domain/seed/prng';
import { dateBetween } from './forms';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤温', '钟', '区', '冼', '麦', '植', '岑', '古', '巫'];
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '司徒', '东方', '慕容', '皇甫'];
const MALE = [...'伟强磊军勇杰涛斌超明辉刚健平鹏华飞鑫波宇浩凯俊晨亮峰建文国志海林东宁涵博睿泽轩宏毅彬锋旭昊康嘉铭子航豪振家兴德安永成俊良坤坚然源洋帆航翔'];
const FEMALE = [...'芳娜敏静丽艳娟霞秀玲桂英慧燕红梅萍雪琳婷洁颖倩雯蕾薇欣怡佳璐瑶莹璇晶月菲露琴莉岚蓉凤兰彤妍悦诗宁雅淑婉静萱语'];
const SHARED = [...'一小子文永海春晓思雨嘉心天青宏立志嘉明新晴清云'];
export const RARE = [...'璟翀珺晗祎昶琰珏昀喆煜骞曦瑾玥婕彧湉'];

const MINORITY: readonly { name: (rng: Rng, male: boolean) => string; ethnicity: string; region: readonly string[] }[] = [
  {
    ethnicity: '维吾尔族',
    region: ['650102', '653101', '652801'],
    name: (rng, male) => `${rng.pick(male ? ['买买提', '艾力', '阿卜杜拉', '吐尔逊', '艾合买提', '努尔兰'] : ['古丽娜尔', '热依拉', '阿依古丽', '帕提古丽', '迪丽努尔', '米热古丽'])}·${rng.pick(['艾力', '吐尔逊', '阿不都', '依明', '卡德尔', '热合曼', '买买提'])}`,
  },
  {
    ethnicity: '哈萨克族',
    region: ['654002', '654301'],
    name: (rng, male) => `${rng.pick(male ? ['叶尔兰', '努尔别克', '别克'] : ['阿依达娜', '古丽巴哈尔', '阿娜尔'])}·${rng.pick(['努尔兰', '哈山', '加尔肯', '吐尔洪'])}`,
  },
];
const ETHNIC = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '壮族', '回族', '土家族', '苗族', '满族', '瑶族', '畲族', '侗族', '蒙古族'];

export type Sex = '男' | '女';

export interface Person {
  readonly name: string;
  readonly gender: Sex;
  readonly birthDate: string;
  readonly idNumber: string;
  readonly ethnicity: string;
  /** The name has a less common character. */
  readonly rare: boolean;
}

const SZ_REGIONS = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'];
const OTHER_REGIONS = ['430521', '360721', '441581', '450981', '511321', '421127', '350582', '441423', '432503', '410526', '445202', '362426', '522121', '612401', '130184'];

export function idNumberFor(rng: Rng, birth: string, gender: Sex, region?: string): string {
  const code = region ?? (rng.chance(0.4) ? rng.pick(SZ_REGIONS) : rng.pick(OTHER_REGIONS));
  const seq = rng.int(0, 99) * 10 + (gender === '男' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const first = `${code}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first + checkCharacter(first);
}

function givenName(rng: Rng, male: boolean): { given: string; rare: boolean } {
  const pool = () => (rng.chance(0.2) ? rng.pick(SHARED) : rng.pick(male ? MALE : FEMALE));
  const rare = rng.chance(0.13);
  const two = rng.chance(0.72);
  if (!two) return { given: rare ? rng.pick(RARE) : pool(), rare };
  let a = pool();
  let b = pool();
  while (b === a) b = pool();
  if (rare) {
    if (rng.chance(0.5)) a = rng.pick(RARE);
    else b = rng.pick(RARE);
  }
  return { given: a + b, rare };
}

export interface PersonOptions {
  readonly gender?: Sex;
  /** Birth dates between these (ISO). */
  readonly from?: string;
  readonly to?: string;
  readonly surname?: string;
  readonly ethnicity?: string;
}

export function person(rng: Rng, o: PersonOptions = {}): Person {
  const gender = o.gender ?? (rng.chance(0.5) ? '男' : '女');
  const male = gender === '男';
  const birthDate = dateBetween(rng, o.from ?? '1962-01-01', o.to ?? '2003-12-31');
  const minority = o.surname === undefined && o.ethnicity === undefined && rng.chance(0.05) ? rng.pick(MINORITY) : undefined;
  if (minority) {
    const name = minority.name(rng, male);
    return { name, gender, birthDate, idNumber: idNumberFor(rng, birthDate, gender, rng.pick(minority.region)), ethnicity: minority.ethnicity, rare: false };
  }
  const surname = o.surname ?? (rng.chance(0.05) ? rng.pick(COMPOUND) : rng.pick(SURNAMES));
  const { given, rare } = givenName(rng, male);
  const ethnicity = o.ethnicity ?? rng.pick(ETHNIC);
  return { name: surname + given, gender, birthDate, idNumber: idNumberFor(rng, birthDate, gender), ethnicity, rare };
}

/** The surname of a (non-minority) name: compound surnames included. */
export const surnameOf = (name: string) => (COMPOUND.some((c) => name.startsWith(c)) ? name.slice(0, 2) : name.slice(0, 1));

// ── addresses ──

const SZ_DISTRICTS: Record<string, readonly string[]> = {
  福田区: ['华富街道', '莲花街道', '福保街道', '梅林街道', '沙头街道', '香蜜湖街道'],
  罗湖区: ['东门街道', '翠竹街道', '笋岗街道', '黄贝街道', '清水河街道'],
  南山区: ['粤海街道', '南头街道', '西丽街道', '桃源街道', '蛇口街道', '招商街道'],
  宝安区: ['西乡街道', '新安街道', '福永街道', '沙井街道', '石岩街道', '航城街道'],
  龙岗区: ['坂田街道', '布吉街道', '横岗街道', '龙城街道', '平湖街道', '吉华街道'],
  龙华区: ['民治街道', '龙华街道', '大浪街道', '观澜街道', '观湖街道'],
  光明区: ['公明街道', '光明街道', '玉塘街道'],
  坪山区: ['坪山街道', '坑梓街道', '碧岭街道'],
};
const SZ_COMMUNITY = ['新村社区', '上围社区', '水围社区', '岗头社区', '固戍社区', '大冲社区', '白石洲社区', '清湖社区', '樟坑径社区', '田心社区', '塘尾社区', '凤凰社区'];
const SZ_ROAD = ['建设路', '新安六路', '宝民二路', '龙华大道', '民治大道', '布龙路', '福华三路', '深南大道', '沙河西路', '松白路', '前进一路', '创业二路'];
const SZ_ESTATE = ['碧海花园', '万科城', '桃源村三期', '锦绣江南四期', '中海阳光棕榈园', '龙华新村', '富通城二期', '美丽家园', '上围村', '水围村', '坂田新围仔村'];
const PROVINCES: readonly [string, readonly string[]][] = [
  ['湖南省', ['邵阳市隆回县', '衡阳市衡南县', '永州市祁阳县', '常德市桃源县', '郴州市宜章县']],
  ['江西省', ['赣州市于都县', '吉安市泰和县', '上饶市鄱阳县', '抚州市临川区']],
  ['广东省', ['梅州市五华县', '汕头市潮阳区', '湛江市廉江市', '揭阳市普宁市', '河源市紫金县', '茂名市电白区']],
  ['广西壮族自治区', ['玉林市博白县', '桂林市全州县', '贵港市平南县']],
  ['四川省', ['南充市仪陇县', '达州市渠县', '广安市岳池县']],
  ['湖北省', ['黄冈市浠水县', '荆州市监利市', '孝感市云梦县']],
  ['河南省', ['信阳市固始县', '周口市淮阳区', '驻马店市正阳县']],
];
const TOWN = ['石门镇', '银坑镇', '华城镇', '马鞍镇', '新田镇', '大桥乡', '白沙镇', '关帝镇', '塘口镇', '龙潭乡'];
const VILLAGE = ['石门村', '平安村', '塔岗村', '新屋村', '上坪村', '黄泥塘村', '大塘村', '长岭村', '南坑村', '高岭村'];
const cn = (n: number) => ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n]!;

export function shenzhenAddress(rng: Rng, province = rng.chance(0.5)): string {
  const district = rng.pick(Object.keys(SZ_DISTRICTS));
  const street = rng.pick(SZ_DISTRICTS[district]!);
  const head = `${province ? '广东省' : ''}深圳市${district}${street}`;
  switch (rng.int(0, 3)) {
    case 0:
      return `${head}${rng.pick(SZ_COMMUNITY)}${rng.pick(SZ_ROAD)}${rng.int(1, 399)}号${rng.pick(SZ_ESTATE)}${rng.int(1, 28)}栋${rng.pick(['', 'A座', 'B座'])}${rng.int(1, 32)}${String(rng.int(1, 8)).padStart(2, '0')}室`;
    case 1:
      return `${head}${rng.pick(SZ_ESTATE)}${rng.int(1, 12)}巷${rng.int(1, 60)}号${rng.int(1, 7)}0${rng.int(1, 6)}`;
    case 2:
      return `${head}${rng.pick(SZ_COMMUNITY)}${rng.pick(['新村', '老村', '东村', '西区'])}${rng.int(1, 15)}排${rng.int(1, 30)}号`;
    default:
      return `${head}${rng.pick(SZ_ROAD)}${rng.int(1, 3000)}号${rng.pick(SZ_ESTATE)}${rng.pick(['', '二期', '三期'])}${rng.int(1, 20)}栋${rng.pick(['A', 'B', 'C', ''])}${rng.int(1, 32)}${String(rng.int(1, 6)).padStart(2, '0')}`;
  }
}

export function homeAddress(rng: Rng): string {
  const [province, counties] = rng.pick(PROVINCES);
  const county = rng.pick(counties);
  if (rng.chance(0.7)) return `${province}${county}${rng.pick(TOWN)}${rng.pick(VILLAGE)}${rng.chance(0.6) ? `${cn(rng.int(1, 10))}组` : `${rng.pick(['上', '下', '新', '老'])}屋组`}${rng.int(1, 120)}号`;
  return `${province}${county}${rng.pick(['城关镇', '城北街道', '文昌街道'])}${rng.pick(['人民路', '解放街', '建设路', '新华路'])}${rng.int(1, 300)}号${rng.int(1, 8)}栋${rng.int(1, 6)}0${rng.int(1, 4)}室`;
}

export const address = (rng: Rng) => (rng.chance(0.6) ? shenzhenAddress(rng) : homeAddress(rng));

// ── employers ──

const BRAND = ['华拓', '腾越', '迈科', '嘉信', '鹏程', '中科瑞', '创维达', '恒丰', '前海微链', '南方鑫源', '汇川智联', '优必达', '海派', '金地博', '星河湾', '佳宝', '新宏泰'];
const TRADE = ['科技', '电子', '信息技术', '供应链管理', '物业管理', '建筑工程', '餐饮管理', '精密模具', '智能装备', '医疗器械', '网络科技', '人力资源服务'];
const FOREIGN = ['伟创力', '富士康精密', '三星电子', '沃尔玛百货', '丰田通商', '伊藤忠', '德昌电机', '美的商用'];
const BANKS = ['中国建设银行股份有限公司深圳', '中国工商银行股份有限公司深圳', '招商银行股份有限公司深圳', '平安银行股份有限公司深圳'];
const PUBLIC = ['深圳市南山区人民医院', '深圳市福田区教育局', '深圳市龙华区第二实验学校', '深圳市宝安区中心医院', '深圳市第三人民医院', '深圳市龙岗区图书馆', '深圳市规划和自然资源局龙华管理局'];

export function employer(rng: Rng): string {
  switch (rng.int(0, 6)) {
    case 0:
      return `深圳市${rng.pick(BRAND)}${rng.pick(TRADE)}有限公司`;
    case 1:
      return `${rng.pick(FOREIGN)}（深圳）有限公司`;
    case 2:
      return `${rng.pick(BANKS)}${rng.pick(['分行', '福田支行', '南山支行', '宝安支行', '龙华支行'])}`;
    case 3:
      if (rng.chance(0.5)) return rng.pick(PUBLIC);
      {
        const district = rng.pick(Object.keys(SZ_DISTRICTS));
        return `深圳市${district}${rng.pick(SZ_DISTRICTS[district]!)}办事处`;
      }
    case 4:
      return `${rng.pick(['华润万家', '顺丰速运', '中国移动通信集团广东', '比亚迪汽车工业', '中建三局第一建设工程'])}有限公司深圳${rng.pick(['分公司', '宝安分公司', '龙岗分公司', '南山分公司'])}`;
    case 5:
      return `深圳${rng.pick(BRAND)}${rng.pick(TRADE)}股份有限公司${rng.pick(['', '坂田分公司', '光明分公司'])}`;
    default:
      return `深圳市${rng.pick(BRAND)}${rng.pick(TRADE)}有限公司${rng.pick(['龙华', '福田', '龙岗', '南山'])}分公司`;
  }
}
