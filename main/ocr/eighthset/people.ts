// People, places and wording for the eighth set: names (about one in seven with a character outside
// everyday use, compound surnames now and then, a few minority names with a middle dot), valid ID
// numbers built from a region code, birth date and sex, dates written several ways, amounts.
import { checkCharacter } from '../../../domain/identity/idnumber';
import type { Rng } from '../../../domain/seed/prng';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文'];
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐', '尉迟', '公孙'];
const GIVEN = { 男: [...'伟强磊军洋勇杰涛明超刚华建国志海波宇浩然轩远晓东晨阳鸣文博俊凯家豪立新永德胜宏斌鹏飞辉'], 女: [...'芳娜敏静丽艳娟秀霞平桂英华玉兰萍红欣怡涵雨桐佳琪婷雪梅春燕淑珍凤丹慧颖琳'] };
/** Characters outside everyday use that the eighth set puts in some names. */
export const RARE = [...'喆昇玥翀珺彧晞赟犇淼焱堃垚曌琤暐昳旻湉頔祎璟熠'];
const MINORITY = ['阿依古丽·买买提', '热合曼·艾力', '古丽娜尔·吐尔逊', '努尔兰·别克', '迪丽拜尔·阿不都', '买买提·吐尔洪', '巴特尔·其木格'];

/** The surname of a Han name (compound surnames whole). */
export const surnameOf = (name: string) => (COMPOUND.some((c) => name.startsWith(c)) ? name.slice(0, 2) : name.slice(0, 1));

/** A name in the same family as `kin` (same surname), or any name for a name with a middle dot. */
export function kinName(rng: Rng, kin: string, sex: '男' | '女'): string {
  const other = personName(rng, sex, false);
  return kin.includes('·') ? other : surnameOf(kin) + other.slice(surnameOf(other).length);
}

export interface Person {
  readonly name: string;
  readonly sex: '男' | '女';
  readonly birth: string;
  readonly id: string;
  readonly ethnicity: string;
}

const REGIONS: readonly (readonly [code: string, place: string, street: string])[] = [
  ['440106', '广东省广州市天河区', '天河区林和西路'],
  ['440304', '广东省深圳市福田区', '福田区莲花路'],
  ['110105', '北京市朝阳区', '朝阳区安贞里'],
  ['310115', '上海市浦东新区', '浦东新区崂山路'],
  ['320102', '江苏省南京市玄武区', '玄武区珠江路'],
  ['330106', '浙江省杭州市西湖区', '西湖区文三路'],
  ['420106', '湖北省武汉市武昌区', '武昌区中南路'],
  ['510107', '四川省成都市武侯区', '武侯区科华北路'],
  ['650102', '新疆维吾尔自治区乌鲁木齐市天山区', '天山区解放南路'],
  ['370102', '山东省济南市历下区', '历下区泉城路'],
];

const pad2 = (n: number) => String(n).padStart(2, '0');

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** A real date between the years given (inclusive), never after 2026-11-30. */
export function dateIn(rng: Rng, y1: number, y2: number): string {
  for (;;) {
    const y = rng.int(y1, y2);
    const m = rng.int(1, 12);
    const d = rng.int(1, 28);
    const s = isoDate(y, m, d);
    if (s <= '2026-11-30') return s;
  }
}

export function region(rng: Rng) {
  const [code, place, street] = rng.pick(REGIONS);
  return { code, place, address: `${place}${street.slice(street.indexOf('区') + 1)}${rng.int(1, 300)}号${rng.int(1, 30)}栋${rng.int(1, 28)}${pad2(rng.int(1, 8))}房` };
}

/** A valid 18-digit ID number for this region, birth date and sex. */
export function idNumber(rng: Rng, code: string, birth: string, sex: '男' | '女'): string {
  const seq = rng.int(0, 99) * 10 + (sex === '男' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const first17 = `${code}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

export function personName(rng: Rng, sex: '男' | '女', minorityOk = true): string {
  const r = rng.next();
  if (minorityOk && r < 0.05) return rng.pick(MINORITY);
  const surname = r < 0.12 ? rng.pick(COMPOUND) : rng.pick(SURNAMES);
  const n = rng.chance(0.7) ? 2 : 1;
  const chars: string[] = [];
  for (let i = 0; i < n; i++) chars.push(rng.pick(GIVEN[sex]));
  if (rng.chance(0.13)) chars[rng.int(0, n - 1)] = rng.pick(RARE);
  return surname + chars.join('');
}

export function person(rng: Rng, opts: { sex?: '男' | '女'; from?: number; to?: number; code?: string } = {}): Person {
  const sex = opts.sex ?? (rng.chance(0.5) ? '男' : '女');
  const name = personName(rng, sex);
  const birth = dateIn(rng, opts.from ?? 1962, opts.to ?? 2000);
  const dotted = name.includes('·');
  const ethnicity = dotted ? (name.startsWith('巴特尔') ? '蒙古族' : rng.pick(['维吾尔族', '哈萨克族'])) : rng.chance(0.85) ? '汉族' : rng.pick(['回族', '满族', '壮族', '土家族', '苗族']);
  return { name, sex, birth, id: idNumber(rng, opts.code ?? rng.pick(REGIONS)[0], birth, sex), ethnicity };
}

const HAN = '〇一二三四五六七八九';

/** How a date is written: ISO, 2025年3月5日, 2025年03月05日, 2025/03/05, 2025.03.05, 20250305, 二〇二五年三月五日. */
export type DateStyle = 'iso' | 'cn' | 'cn0' | 'slash' | 'dot' | 'compact' | 'han';

function hanNumber(n: number): string {
  if (n < 10) return HAN[n]!;
  const t = Math.floor(n / 10);
  return `${t === 1 ? '' : HAN[t]!}十${n % 10 === 0 ? '' : HAN[n % 10]!}`;
}

export function writeDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  switch (style) {
    case 'iso':
      return iso;
    case 'cn':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'cn0':
      return `${y}年${m}月${d}日`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'compact':
      return `${y}${m}${d}`;
    case 'han':
      return `${[...y].map((c) => HAN[Number(c)]).join('')}年${hanNumber(Number(m))}月${hanNumber(Number(d))}日`;
  }
}

export const DATE_STYLES: readonly DateStyle[] = ['iso', 'cn', 'cn0', 'slash', 'dot', 'compact', 'han'];
export const dateForms = (iso: string) => DATE_STYLES.map((s) => writeDate(iso, s));

/** 12,345.67 (grouped) or 12345.67. */
export function money(v: number, grouped = true): string {
  const [int, frac] = v.toFixed(2).split('.') as [string, string];
  return `${grouped ? int.replace(/\B(?=(\d{3})+$)/g, ',') : int}.${frac}`;
}

export const moneyForms = (v: number) => [money(v), money(v, false)];

/** An amount in yuan, rounded to `step` cents-or-yuan. */
export const amount = (rng: Rng, lo: number, hi: number, cents = true) => (cents ? Math.round(rng.int(lo * 100, hi * 100)) / 100 : rng.int(lo, hi));

export const EMPLOYERS = ['广州市穗丰物流有限公司', '深圳市华科电子技术有限公司', '北京市朝阳区安贞社区卫生服务中心', '上海浦江建设工程有限公司', '南京金陵餐饮管理有限公司', '杭州西溪数码科技有限公司', '武汉市江城物业服务有限公司', '成都蓉城公交集团有限公司', '济南泉城印务有限公司'];
