// Places for the ninth set: region codes with their province, city and county, the towns and
// streets in them, and the Shenzhen employers people work for.
import type { Rng } from '../../../domain/seed/prng';

export interface Region {
  readonly code: string;
  readonly province: string;
  readonly city: string;
  readonly county: string;
  /** 街道 or 镇 under the county. */
  readonly towns: readonly string[];
  /** Ethnic groups besides 汉族 common here, with how often. */
  readonly minority?: readonly [string, number];
}

export const SHENZHEN: readonly Region[] = [
  { code: '440304', province: '广东省', city: '深圳市', county: '福田区', towns: ['莲花街道', '福田街道', '梅林街道', '香蜜湖街道', '华富街道'] },
  { code: '440303', province: '广东省', city: '深圳市', county: '罗湖区', towns: ['东门街道', '笋岗街道', '翠竹街道', '黄贝街道', '清水河街道'] },
  { code: '440305', province: '广东省', city: '深圳市', county: '南山区', towns: ['粤海街道', '南头街道', '蛇口街道', '西丽街道', '桃源街道'] },
  { code: '440306', province: '广东省', city: '深圳市', county: '宝安区', towns: ['新安街道', '西乡街道', '福永街道', '沙井街道', '石岩街道'] },
  { code: '440307', province: '广东省', city: '深圳市', county: '龙岗区', towns: ['布吉街道', '坂田街道', '横岗街道', '龙城街道', '平湖街道'] },
  { code: '440309', province: '广东省', city: '深圳市', county: '龙华区', towns: ['民治街道', '龙华街道', '观澜街道', '大浪街道'] },
  { code: '440311', province: '广东省', city: '深圳市', county: '光明区', towns: ['公明街道', '光明街道', '凤凰街道'] },
  { code: '440310', province: '广东省', city: '深圳市', county: '坪山区', towns: ['坪山街道', '坑梓街道', '马峦街道'] },
];

export const ELSEWHERE: readonly Region[] = [
  { code: '441581', province: '广东省', city: '汕尾市', county: '陆丰市', towns: ['东海镇', '碣石镇', '甲子镇', '河西镇'] },
  { code: '445281', province: '广东省', city: '揭阳市', county: '普宁市', towns: ['洪阳镇', '占陇镇', '里湖镇'] },
  { code: '440882', province: '广东省', city: '湛江市', county: '雷州市', towns: ['客路镇', '杨家镇', '松竹镇'] },
  { code: '430523', province: '湖南省', city: '邵阳市', county: '邵阳县', towns: ['塘渡口镇', '白仓镇', '九公桥镇'] },
  { code: '431121', province: '湖南省', city: '永州市', county: '祁阳县', towns: ['浯溪镇', '白水镇', '黎家坪镇'] },
  { code: '433101', province: '湖南省', city: '湘西土家族苗族自治州', county: '吉首市', towns: ['乾州街道', '矮寨镇', '马颈坳镇'], minority: ['土家族', 0.5] },
  { code: '360731', province: '江西省', city: '赣州市', county: '于都县', towns: ['贡江镇', '银坑镇', '岭背镇'] },
  { code: '452626', province: '广西壮族自治区', city: '百色市', county: '德保县', towns: ['城关镇', '足荣镇', '马隘镇'], minority: ['壮族', 0.8] },
  { code: '510107', province: '四川省', city: '成都市', county: '武侯区', towns: ['浆洗街街道', '望江路街道', '簇桥街道'] },
  { code: '511725', province: '四川省', city: '达州市', county: '渠县', towns: ['渠江镇', '三汇镇', '土溪镇'] },
  { code: '421087', province: '湖北省', city: '荆州市', county: '松滋市', towns: ['新江口街道', '王家桥镇', '刘家场镇'] },
  { code: '412726', province: '河南省', city: '周口市', county: '郸城县', towns: ['城关镇', '宁平镇', '汲冢镇'] },
  { code: '350582', province: '福建省', city: '泉州市', county: '晋江市', towns: ['青阳街道', '安海镇', '磁灶镇'] },
  { code: '640104', province: '宁夏回族自治区', city: '银川市', county: '兴庆区', towns: ['凤凰北街街道', '掌政镇'], minority: ['回族', 0.6] },
  { code: '211324', province: '辽宁省', city: '朝阳市', county: '喀喇沁左翼蒙古族自治县', towns: ['大城子街道', '公营子镇'], minority: ['满族', 0.4] },
];

/** Regions whose people carry the names of their own people. */
export const XINJIANG: Region = { code: '652901', province: '新疆维吾尔自治区', city: '阿克苏地区', county: '阿克苏市', towns: ['英巴扎街道', '红旗坡农场'] };
export const TIBET: Region = { code: '540102', province: '西藏自治区', city: '拉萨市', county: '城关区', towns: ['八廓街道', '吉日街道', '蔡公堂乡'] };
export const INNER_MONGOLIA: Region = { code: '150102', province: '内蒙古自治区', city: '呼和浩特市', county: '新城区', towns: ['海拉尔东路街道', '保合少镇'] };
export const YANBIAN: Region = { code: '222401', province: '吉林省', city: '延边朝鲜族自治州', county: '延吉市', towns: ['进学街道', '北山街道', '依兰镇'] };

const ROADS = ['深南大道', '红荔路', '彩田路', '福华三路', '滨河大道', '北环大道', '宝安大道', '龙岗大道', '梅林路', '莲花路', '南海大道', '科苑路', '西乡大道', '布龙路', '民治大道', '和平路', '人民南路', '建设路', '东门中路', '沙河西路', '观澜大道', '光明大街'];
const ESTATES = ['景田花园', '莲花北村', '益田村', '桃源村', '万科城', '碧海花园', '翠海花园', '鸿景园', '金众小区', '阳光棕榈园', '丽山花园', '幸福海岸', '东方明珠城', '怡景花园', '龙华新村', '华润城'];
const VILLAGES = ['桃花村', '石桥村', '新塘村', '上屋村', '大坪村', '黄泥塘村', '龙湾村', '水口村', '坪上村', '马鞍村', '高岭村', '长冲村', '白沙村', '茶园村'];
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** The first part of an address: 广东省深圳市福田区 (with the province, or without). */
export const areaOf = (r: Region, withProvince = true): string => `${withProvince ? r.province : ''}${r.city}${r.county}`;

/** A home address in the region: a flat in a Shenzhen estate, or a village house elsewhere. */
export function addressIn(rng: Rng, r: Region, withProvince = true): string {
  const town = rng.pick(r.towns);
  if (r.city === '深圳市') {
    const road = rng.pick(ROADS);
    return `${areaOf(r, withProvince)}${town}${road}${rng.int(1, 9) * 1000 + rng.int(1, 99)}号${rng.pick(ESTATES)}${rng.int(1, 12)}栋${rng.int(2, 32)}${String(rng.int(1, 8)).padStart(2, '0')}`;
  }
  if (rng.chance(0.25)) return `${areaOf(r, withProvince)}${town}${rng.pick(['人民路', '解放路', '新华街', '建设路', '中山路'])}${rng.int(1, 300)}号`;
  return `${areaOf(r, withProvince)}${town}${rng.pick(VILLAGES)}${rng.chance(0.5) ? `${rng.pick(CN_NUM)}组` : `${rng.int(1, 12)}组`}${rng.int(1, 99)}号`;
}

/** The police station of a street or town. */
export const stationOf = (town: string): string => `${town.replace(/街道$/, '')}派出所`;

const COMPANIES = [
  '深圳市恒辉精密五金制品有限公司',
  '深圳市绿源环保科技有限公司',
  '深圳市安泰保安服务有限公司',
  '深圳市百佳惠超市连锁有限公司',
  '深圳市金桥物业管理有限公司',
  '深圳市星辰餐饮管理有限公司',
  '深圳市佳美家政服务有限公司',
  '深圳市明德教育咨询有限公司',
  '深圳市联创智能装备股份有限公司',
  '深圳市港湾国际货运代理有限公司',
  '深圳市华鹏电子科技有限公司',
  '深圳市鑫源物流有限公司',
  '深圳市腾跃建筑劳务有限公司',
  '深圳市瑞丰印刷包装有限公司',
  '深圳市康宁医疗器械有限公司',
  '深圳市南粤城市清洁服务有限公司',
  '深圳市宏达汽车维修服务有限公司',
  '深圳市福田区莲花街道社区健康服务中心',
];

export const employerOf = (rng: Rng): string => rng.pick(COMPANIES);

/** A unified social credit code (18 characters) for an employer. */
export function creditCode(rng: Rng): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let out = `91440300${rng.pick(['MA5', '7', '6'])}`;
  while (out.length < 18) out += chars[rng.int(0, chars.length - 1)];
  return out;
}
