// Who appears on the sixth set's pages: names (a few compound surnames and rare-but-real given-name
// characters), valid ID numbers that agree with birth date and sex, Shenzhen addresses, employers.
import { checkCharacter } from '../../../domain/identity/idnumber';
import type { Rng } from '../../../domain/seed/prng';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃钱严赖洪武莫孔汤向常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split('');
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '令狐', '皇甫', '东方', '尉迟', '公孙', '慕容', '司徒', '端木'];
const MALE = '伟强磊军洋勇杰涛明超斌辉刚健鹏飞俊峰浩宇博文志宏建华国平东海波亮晨旭凯帆睿哲铭轩锋毅鑫瑞豪嘉翔立新永林震鸿胜'.split('');
const FEMALE = '芳娜敏静丽艳娟霞秀玲桂英红梅婷雪慧颖琳洁欣怡佳璐倩晶萍燕薇蓉瑶琴月露丹彤妍宁悦诗雨思涵梦琪晓'.split('');
const RARE_M = '喆堃翀赟燚垚骞旻昊珩彧祎犇淼鑫焱煜晔'.split('');
const RARE_F = '珺昳玥珏婧姝妤晞翾琬璇槿芮菡绮'.split('');

export type Sex = '男' | '女';

export interface Person {
  readonly name: string;
  readonly sex: Sex;
  /** YYYY-MM-DD */
  readonly birth: string;
  readonly id: string;
  readonly ethnicity: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A real calendar date between two years, as YYYY-MM-DD. */
export function dateBetween(rng: Rng, fromIso: string, toIso: string): string {
  const a = Date.parse(`${fromIso}T00:00:00Z`);
  const b = Date.parse(`${toIso}T00:00:00Z`);
  const t = a + Math.floor(rng.next() * ((b - a) / 86400000 + 1)) * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

export const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

export const surnameOf = (name: string): string => (COMPOUND.some((c) => name.startsWith(c)) ? name.slice(0, 2) : name.slice(0, 1));

export function chineseName(rng: Rng, sex: Sex, plain = false, family?: string): string {
  const surname = family ?? (!plain && rng.chance(0.08) ? rng.pick(COMPOUND) : rng.pick(SURNAMES));
  const pool = sex === '男' ? MALE : FEMALE;
  const rare = sex === '男' ? RARE_M : RARE_F;
  const one = () => (!plain && rng.chance(0.12) ? rng.pick(rare) : rng.pick(pool));
  const given = surname.length === 2 || rng.chance(0.3) ? one() : one() + one();
  return surname + given;
}

export const SHENZHEN_CODES = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'];
const ORIGIN_CODES = ['430102', '430421', '431102', '510104', '511302', '510722', '450103', '450802', '360102', '441402', '421002', '440882', '445102', '350582', '412702', '440511'];

export function idFor(rng: Rng, birth: string, sex: Sex, region?: string): string {
  const code = region ?? (rng.chance(0.45) ? rng.pick(SHENZHEN_CODES) : rng.pick(ORIGIN_CODES));
  const seq = pad(rng.int(0, 99));
  const sexDigit = sex === '男' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]);
  const first17 = code + birth.replace(/-/g, '') + seq + sexDigit;
  return first17 + checkCharacter(first17);
}

export function person(rng: Rng, opts: { sex?: Sex; from?: string; to?: string; region?: string; plain?: boolean } = {}): Person {
  const sex = opts.sex ?? (rng.chance(0.5) ? '男' : '女');
  const birth = dateBetween(rng, opts.from ?? '1962-01-01', opts.to ?? '1999-12-31');
  const ethnicity = rng.chance(0.88) ? '汉族' : rng.pick(['壮族', '土家族', '苗族', '瑶族', '侗族', '回族', '满族', '畲族']);
  return { name: chineseName(rng, sex, opts.plain), sex, birth, id: idFor(rng, birth, sex, opts.region), ethnicity };
}

// District → its 街道 and a few housing estates that really lie there.
const DISTRICTS: Record<string, { streets: string[]; estates: string[] }> = {
  福田区: { streets: ['华富街道', '莲花街道', '梅林街道', '香蜜湖街道', '福保街道', '沙头街道'], estates: ['莲花北村', '梅林一村', '景田北', '彩田村', '香蜜二村', '福民新村'] },
  罗湖区: { streets: ['东门街道', '翠竹街道', '笋岗街道', '黄贝街道', '莲塘街道'], estates: ['翠竹苑', '碧波花园', '怡景花园', '鹏兴花园', '金湖山庄'] },
  南山区: { streets: ['南头街道', '粤海街道', '西丽街道', '桃源街道', '蛇口街道', '招商街道'], estates: ['桃源村', '南油大厦', '海月花园', '荔林小区', '四海小区', '龙联花园'] },
  宝安区: { streets: ['新安街道', '西乡街道', '福永街道', '沙井街道', '石岩街道'], estates: ['宝城32区', '海滨花园', '富盈门', '凤凰岗新村', '翻身村'] },
  龙岗区: { streets: ['布吉街道', '坂田街道', '横岗街道', '龙城街道', '平湖街道'], estates: ['布吉三联村', '五和新村', '四联花园', '中海康城', '龙珠花园'] },
  龙华区: { streets: ['民治街道', '龙华街道', '大浪街道', '观澜街道'], estates: ['民乐新村', '东方明珠花园', '水斗新围村', '锦绣江南'] },
  光明区: { streets: ['光明街道', '公明街道', '凤凰街道'], estates: ['光明新村', '碧眼新村', '上村花园'] },
  坪山区: { streets: ['坪山街道', '坑梓街道'], estates: ['六和城', '东城国际', '聚龙花园'] },
};

export function shenzhenAddress(rng: Rng): { district: string; street: string; full: string } {
  const district = rng.pick(Object.keys(DISTRICTS));
  const { streets, estates } = DISTRICTS[district]!;
  const street = rng.pick(streets);
  const full = `广东省深圳市${district}${street}${rng.pick(estates)}${rng.int(1, 48)}栋${rng.int(1, 32)}${pad(rng.int(1, 8))}房`;
  return { district, street, full };
}

export const PROVINCE_PLACES = {
  hunan: { province: '湖南省', city: '长沙市', county: '岳麓区', police: '长沙市公安局岳麓分局', station: '望月湖派出所', street: ['望月湖街道', '桔子洲街道', '咸嘉湖街道'] },
  sichuan: { province: '四川省', city: '成都市', county: '武侯区', police: '成都市公安局武侯区分局', station: '玉林派出所', street: ['玉林街道', '浆洗街街道', '火车南站街道'] },
  guangxi: { province: '广西壮族自治区', city: '南宁市', county: '青秀区', police: '南宁市公安局青秀分局', station: '新竹派出所', street: ['新竹街道', '中山街道', '津头街道'] },
} as const;

const EMPLOYERS_A = ['华信', '创维达', '鹏博', '中科融', '南海云', '前海数', '新纪元', '鼎盛', '汇川源', '博远', '睿联', '腾宇', '安捷', '海岸城', '粤港通', '深蓝'];
const EMPLOYERS_B = ['科技', '电子', '物流', '建设工程', '医疗器械', '餐饮管理', '物业管理', '信息技术', '实业', '供应链', '精密制造'];

export function employer(rng: Rng): string {
  if (rng.chance(0.12)) return rng.pick(['深圳市福田区人民医院', '深圳市第二实验学校', '深圳市南山区粤海街道办事处', '深圳市地铁集团有限公司', '顺丰速运有限公司', '比亚迪汽车工业有限公司']);
  return `深圳市${rng.pick(EMPLOYERS_A)}${rng.pick(EMPLOYERS_B)}有限公司`;
}

/** The same day `n` years on (29 Feb becomes 28 Feb). */
export function addYears(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4)) + n;
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${y}-${md}`;
}
