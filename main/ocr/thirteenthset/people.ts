// The people, employers and addresses on thirteenth-set pages: a wide spread of surnames (compound
// ones such as 欧阳, 司马, 上官, 诸葛, 慕容 and rarer single ones such as 冼, 邝, 覃, 佘, 蒯), given names
// of one or two characters with some less common characters (彧, 翀, 祎, 珺, 璟 …: the print faces hold
// them, the hands do not and fall back), and 18-digit ID numbers with the right check character,
// agreeing with the birth date and sex.
import type { Rng } from '../../../domain/seed/prng';
import { dateBetween } from './forms';

export const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '慕容', '皇甫', '端木', '尉迟', '令狐', '夏侯', '钟离', '宇文', '东方', '公孙', '长孙', '澹台', '闻人', '司徒'];
const COMMON = ['陈', '李', '黄', '张', '刘', '林', '吴', '王', '杨', '郑', '周', '何', '罗', '谢', '梁', '许', '邓', '叶', '曾', '彭', '蔡', '朱', '廖', '钟', '赖'];
const RARE_SURNAMES = ['冼', '邝', '覃', '佘', '蒯', '阙', '缪', '闵', '晏', '戚', '麦', '岑', '甘', '蓝', '滕', '鲍', '尤', '禤', '植', '练', '巫', '敖', '粟', '揭'];
const GIVEN_M = ['伟', '强', '军', '杰', '涛', '斌', '浩', '宇', '俊', '峰', '磊', '鹏', '志', '明', '辉', '建', '国', '文', '锋', '超', '凯', '亮', '华', '永'];
const GIVEN_F = ['芳', '丽', '静', '敏', '婷', '娟', '霞', '燕', '琳', '雪', '慧', '玲', '颖', '倩', '洁', '萍', '红', '莉', '欣', '佳', '梅', '兰', '月', '晓'];
/** Given-name characters seen less often, which the hands of the set lack. */
export const RARE = ['彧', '翀', '祎', '珺', '昀', '琰', '璟', '玥', '煜', '骞', '瑄', '婧', '妤', '晗', '锴', '赟', '喆', '淼', '堃', '昶', '钰', '筠', '芃', '湉', '翊', '垚', '炜', '骁'];
const RARE_M = ['彧', '翀', '昀', '琰', '璟', '煜', '骞', '锴', '赟', '喆', '堃', '昶', '翊', '垚', '炜', '骁'];
const RARE_F = ['祎', '珺', '玥', '瑄', '婧', '妤', '晗', '淼', '钰', '筠', '芃', '湉'];

export type Sex = '男' | '女';

export interface Person {
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly idNumber: string;
  readonly ethnicity: string;
  /** Where the number was issued (county code). */
  readonly region: string;
}

const REGIONS = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311', '441581', '445221', '440882', '430521', '360732', '450881', '510124', '420111', '350583', '130182', '411522'];
const ETHNIC = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '壮族', '回族', '满族', '苗族', '土家族', '瑶族', '畲族', '黎族', '侗族', '彝族'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of the first 17 digits of an ID number. */
export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return '10X98765432'[sum % 11]!;
}

export function idNumber(rng: Rng, region: string, birth: string, sex: Sex): string {
  const seq = rng.int(0, 99) * 10 + (sex === '男' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const first = `${region}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first + checkDigit(first);
}

export function surname(rng: Rng): string {
  const u = rng.next();
  return u < 0.22 ? rng.pick(COMPOUND) : u < 0.42 ? rng.pick(RARE_SURNAMES) : rng.pick(COMMON);
}

export function givenName(rng: Rng, sex: Sex, length: 1 | 2): string {
  const pick = () => (rng.chance(0.14) ? rng.pick(sex === '男' ? RARE_M : RARE_F) : rng.pick(sex === '男' ? GIVEN_M : GIVEN_F));
  return length === 1 ? pick() : pick() + pick();
}

export function person(rng: Rng, opts: { sex?: Sex; from?: string; to?: string; surname?: string } = {}): Person {
  const sex: Sex = opts.sex ?? (rng.chance(0.5) ? '男' : '女');
  const sur = opts.surname ?? surname(rng);
  // some two-character names (a single-character given name); compound surnames keep one or two
  const name = sur + givenName(rng, sex, rng.chance(sur.length === 2 ? 0.5 : 0.32) ? 1 : 2);
  const birthDate = dateBetween(rng, opts.from ?? '1958-01-01', opts.to ?? '2001-12-31');
  const region = rng.pick(REGIONS);
  return { name, sex, birthDate, idNumber: idNumber(rng, region, birthDate, sex), ethnicity: rng.pick(ETHNIC), region };
}

const DISTRICTS: readonly [string, readonly string[], readonly string[]][] = [
  ['福田区', ['莲花街道', '梅林街道', '香蜜湖街道', '华强北街道'], ['景田北路', '梅华路', '红荔西路', '振华路']],
  ['罗湖区', ['东门街道', '翠竹街道', '笋岗街道', '莲塘街道'], ['爱国路', '太宁路', '宝安北路', '国威路']],
  ['南山区', ['粤海街道', '蛇口街道', '西丽街道', '桃源街道'], ['科苑路', '工业八路', '留仙大道', '龙珠大道']],
  ['宝安区', ['新安街道', '西乡街道', '福永街道', '石岩街道'], ['创业一路', '宝民二路', '凤塘大道', '宏发路']],
  ['龙岗区', ['布吉街道', '坂田街道', '横岗街道', '龙城街道'], ['吉华路', '五和大道', '松柏路', '龙翔大道']],
  ['龙华区', ['民治街道', '大浪街道', '观澜街道'], ['人民路', '民康路', '华荣路']],
  ['坪山区', ['坑梓街道', '马峦街道'], ['深汕路', '锦绣中路']],
];
const ESTATES = ['景田小区', '翠海花园', '桃源村', '碧湖花园', '锦绣家园', '金色年华', '丽山苑', '幸福里', '荔苑', '怡景花园', '万科城', '星河丹堤', '半岛城邦'];

export function address(rng: Rng): string {
  const [district, streets, roads] = rng.pick(DISTRICTS);
  const estate = rng.pick(ESTATES);
  const house = rng.chance(0.5) ? `${rng.int(1, 28)}栋${rng.int(1, 32)}${String(rng.int(1, 8)).padStart(2, '0')}房` : `${rng.pick(['A', 'B', 'C'])}座${rng.int(2, 30)}${String(rng.int(1, 6)).padStart(2, '0')}`;
  return `广东省深圳市${district}${rng.pick(streets)}${rng.pick(roads)}${rng.int(1, 399)}号${estate}${house}`;
}

const FIRMS = ['鹏城', '前海', '华南', '南粤', '深蓝', '粤海', '新安', '莲花', '蛇口', '大鹏', '光明', '沙河', '坪洲', '梧桐'];
const TRADES = ['电子科技', '物流', '建筑工程', '医疗器械', '餐饮管理', '物业服务', '精密模具', '信息技术', '供应链管理', '教育咨询', '纺织'];
const SHAPES = ['有限公司', '股份有限公司', '有限责任公司'];

export function employer(rng: Rng): string {
  if (rng.chance(0.12)) return rng.pick(['深圳市福田区人民医院', '深圳市宝安区西乡中学', '深圳市龙岗区布吉街道办事处', '深圳市南山区蛇口幼儿园']);
  return `深圳市${rng.pick(FIRMS)}${rng.pick(TRADES)}${rng.pick(SHAPES)}`;
}
