// Shenzhen districts (with region codes 440303–440311) and their streets, for demo addresses.
import type { Rng } from './prng';

export interface SeedDistrict {
  readonly id: string;
  readonly name: string;
  readonly regionCode: string;
  readonly streets: readonly string[];
}

export const SHENZHEN_DISTRICTS: readonly SeedDistrict[] = [
  { id: 'district:440303', name: '罗湖区', regionCode: '440303', streets: ['桂园', '黄贝', '东门', '翠竹', '南湖', '笋岗', '东湖', '莲塘', '东晓', '清水河'] },
  { id: 'district:440304', name: '福田区', regionCode: '440304', streets: ['园岭', '南园', '福田', '沙头', '梅林', '华富', '香蜜湖', '莲花', '华强北', '福保'] },
  { id: 'district:440305', name: '南山区', regionCode: '440305', streets: ['南头', '南山', '沙河', '蛇口', '招商', '粤海', '桃源', '西丽'] },
  { id: 'district:440306', name: '宝安区', regionCode: '440306', streets: ['新安', '西乡', '航城', '福永', '福海', '沙井', '新桥', '松岗', '燕罗', '石岩'] },
  { id: 'district:440307', name: '龙岗区', regionCode: '440307', streets: ['平湖', '坂田', '布吉', '南湾', '横岗', '龙城', '龙岗', '坪地', '吉华', '宝龙', '园山'] },
  { id: 'district:440308', name: '盐田区', regionCode: '440308', streets: ['梅沙', '盐田', '沙头角', '海山'] },
  { id: 'district:440309', name: '龙华区', regionCode: '440309', streets: ['观湖', '民治', '龙华', '大浪', '福城', '观澜'] },
  { id: 'district:440310', name: '坪山区', regionCode: '440310', streets: ['坪山', '马峦', '碧岭', '石井', '坑梓', '龙田'] },
  { id: 'district:440311', name: '光明区', regionCode: '440311', streets: ['光明', '公明', '新湖', '凤凰', '玉塘', '马田'] },
];

export interface SeedStreet {
  /** e.g. street:440304-04 (沙头街道). */
  readonly id: string;
  readonly name: string;
  readonly district: SeedDistrict;
}

export const SHENZHEN_STREETS: readonly SeedStreet[] = SHENZHEN_DISTRICTS.flatMap((d) =>
  d.streets.map((s, i) => ({ id: `street:${d.regionCode}-${String(i + 1).padStart(2, '0')}`, name: `${s}街道`, district: d })),
);

/** Region codes of common birthplaces outside Shenzhen (migrants keep their original numbers). */
export const OTHER_REGION_CODES = ['430102', '430521', '360102', '420106', '441402', '441502', '445102', '450102', '510107', '411302', '440106', '440582'];

const COMMUNITY_WORDS = ['新村', '花园', '东', '西', '南', '北', '阳光', '福源', '翠湖', '锦绣', '和平', '景田', '滨海', '龙珠', '金沙'];
const ROADS = ['深南大道', '北环大道', '滨河大道', '红荔路', '建设路', '人民路', '中心路', '创业路', '宝安大道', '龙岗大道', '梅观路', '光明大道'];

export interface SeedAddress {
  readonly street: SeedStreet;
  readonly communityId: string;
  readonly community: string;
  readonly text: string;
}

export function randomAddress(rng: Rng, street: SeedStreet): SeedAddress {
  const n = rng.int(0, COMMUNITY_WORDS.length - 1);
  const community = `${street.name.replace('街道', '')}${COMMUNITY_WORDS[n]!}社区`;
  const building = `${rng.pick(['', '', '福', '安', '康'])}${rng.int(1, 40)}栋`;
  const room = `${rng.int(1, 33)}${String(rng.int(1, 12)).padStart(2, '0')}室`;
  return {
    street,
    communityId: `community:${street.id.slice(7)}-${n}`,
    community,
    text: `广东省深圳市${street.district.name}${street.name}${community}${rng.pick(ROADS)}${rng.int(1, 3000)}号${building}${room}`,
  };
}
