// Who and what the fresh pages are about: names (mostly common, a few with characters seen mainly in
// given names, rarely a compound surname or a minority name with ·), ID numbers that agree with birth
// date and sex, addresses, employers, the date styles offices print, and money in figures and 大写.
import { checkCharacter } from '../../../domain/identity/idnumber';
import type { Rng } from '../../../domain/seed/prng';

export type Sex = '男' | '女';

export interface Someone {
  readonly name: string;
  readonly sex: Sex;
  readonly birth: string;
  readonly id: string;
  readonly ethnicity: string;
}

const FAMILY_NAMES = [...'陈林黄张李王吴刘蔡杨郑许谢洪郭邱曾廖赖徐周叶苏庄吕江何萧罗高潘简朱钟彭游詹胡施沈余卢梁赵颜柯翁魏孙戴范方宋邓杜傅侯曹薛丁卓马阮董唐温蓝蒋石古纪姚连冯欧程汤田康姜汪白邹尤巫钟严韩袁金黎莫覃农韦龚邵伍欧毛谭贺'];
const DOUBLE_FAMILY = ['欧阳', '司马', '上官', '东方', '皇甫', '令狐', '慕容'];
const BOY = [...'建华国明志伟文军强平勇俊杰家宏斌超辉永振鹏宇浩晨子轩博涛德海春荣生亮磊锦新成兴锋智泽航铭铖睿'];
const GIRL = [...'秀丽美芳玉华静敏燕红霞婷雪梅兰琳颖莹佳欣怡倩雯璐蕾萱菲晴婉淑娟月彤冰思诗雅瑶媛珊'];
const RARE_BOY = [...'堃淼喆昊彧翊煜昱晗赟琛暄'];
const RARE_GIRL = [...'婧瑾琦玥晗祎淼瑜妤琬婕昕'];
const MINORITY: readonly (readonly [string, string, Sex])[] = [
  ['阿依古丽·买买提', '维吾尔族', '女'],
  ['艾力·吐尔逊', '维吾尔族', '男'],
  ['古丽娜尔·阿不都', '维吾尔族', '女'],
  ['努尔兰·哈力木', '哈萨克族', '男'],
  ['热依汗·艾海提', '维吾尔族', '女'],
  ['巴特尔·孟和', '蒙古族', '男'],
];
const NATIONS = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '壮族', '土家族', '苗族', '侗族', '瑶族', '回族', '畲族', '满族', '布依族'];
const REGION_CODES = ['440301', '440303', '440304', '440305', '440306', '440307', '440309', '440311', '441421', '441523', '445221', '440825', '441723', '430422', '430623', '431127', '360732', '360428', '450923', '452226', '421127', '513030', '350582', '412726', '522427', '433130'];

const two = (n: number) => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number) => `${y}-${two(m)}-${two(d)}`;

export function someDay(rng: Rng, from: number, to: number): string {
  const y = rng.int(from, to);
  const m = rng.int(1, 12);
  return iso(y, m, rng.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate()));
}

/** `iso` moved by `days`. */
export function shift(isoDate: string, days: number): string {
  const t = new Date(`${isoDate}T00:00:00Z`).getTime() + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

function given(rng: Rng, sex: Sex): string {
  const pool = sex === '男' ? BOY : GIRL;
  const rare = sex === '男' ? RARE_BOY : RARE_GIRL;
  const a = rng.pick(pool);
  if (rng.chance(0.12)) return rng.chance(0.5) ? a + rng.pick(rare) : rng.pick(rare);
  if (rng.chance(0.22)) return a;
  let b = rng.pick(pool);
  while (b === a) b = rng.pick(pool);
  return a + b;
}

export function someone(rng: Rng, sex: Sex, birth: string, opts: { surname?: string; exotic?: boolean } = {}): Someone {
  let name: string;
  let ethnicity = rng.pick(NATIONS);
  if (opts.exotic !== false && !opts.surname && rng.chance(0.025)) {
    const m = rng.pick(MINORITY.filter((x) => x[2] === sex));
    name = m[0];
    ethnicity = m[1];
  } else {
    const fam = opts.surname ?? (rng.chance(0.025) ? rng.pick(DOUBLE_FAMILY) : rng.pick(FAMILY_NAMES));
    name = fam + given(rng, sex);
  }
  return { name, sex, birth, id: idFor(rng, birth, sex), ethnicity };
}

export function idFor(rng: Rng, birth: string, sex: Sex, region = rng.pick(REGION_CODES)): string {
  const order = rng.int(0, 99) * 10 + (sex === '男' ? 2 * rng.int(0, 4) + 1 : 2 * rng.int(0, 4));
  const head = region + birth.replace(/-/g, '') + String(order).padStart(3, '0');
  return head + checkCharacter(head);
}

export const surnameOf = (name: string) => (DOUBLE_FAMILY.some((d) => name.startsWith(d)) ? name.slice(0, 2) : name.slice(0, 1));

const HANZI_DIGIT = [...'〇一二三四五六七八九'];
function hanziNumber(n: number): string {
  if (n < 10) return HANZI_DIGIT[n]!;
  const tens = Math.floor(n / 10);
  return (tens > 1 ? HANZI_DIGIT[tens]! : '') + '十' + (n % 10 ? HANZI_DIGIT[n % 10]! : '');
}

export type DateStyle = 'nian' | 'nianPad' | 'dash' | 'dot' | 'slash' | 'compact' | 'hanzi';

/** An ISO date the way a page prints it. */
export function printDate(isoDate: string, style: DateStyle): string {
  const [y, m, d] = isoDate.split('-') as [string, string, string];
  switch (style) {
    case 'nian':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'nianPad':
      return `${y}年${m}月${d}日`;
    case 'dash':
      return isoDate;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'compact':
      return `${y}${m}${d}`;
    case 'hanzi':
      return `${[...y].map((c) => HANZI_DIGIT[Number(c)]).join('')}年${hanziNumber(Number(m))}月${hanziNumber(Number(d))}日`;
  }
}

/** 8500 → "8,500.00" (grouped) or "8500.00"; whole numbers optionally without decimals. */
export function figures(n: number, grouped: boolean, cents = true): string {
  const fixed = cents ? n.toFixed(2) : String(Math.round(n));
  if (!grouped) return fixed;
  const [int, dec] = fixed.split('.') as [string, string | undefined];
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (dec ? `.${dec}` : '');
}

const CAP_DIGIT = [...'零壹贰叁肆伍陆柒捌玖'];
const CAP_UNIT = ['', '拾', '佰', '仟'];

/** An amount in 大写: 8500 → 捌仟伍佰元整, 102000.5 → 壹拾万贰仟元伍角. */
export function capitals(n: number): string {
  const fen = Math.round(n * 100);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  const group = (g: number): string => {
    let s = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const dgt = Math.floor(g / 10 ** i) % 10;
      if (dgt === 0) zero = s !== '';
      else {
        s += (zero ? '零' : '') + CAP_DIGIT[dgt]! + CAP_UNIT[i]!;
        zero = false;
      }
    }
    return s;
  };
  let out = '';
  const wan = Math.floor(yuan / 10000);
  const rest = yuan % 10000;
  if (wan) out += group(wan) + '万';
  if (rest) out += (wan && rest < 1000 ? '零' : '') + group(rest);
  if (!out) out = '零';
  out += '元';
  if (!jiao && !cent) return out + '整';
  if (jiao) out += CAP_DIGIT[jiao]! + '角';
  else out += '零';
  if (cent) out += CAP_DIGIT[cent]! + '分';
  return out;
}

const DISTRICTS: readonly (readonly [string, readonly string[]])[] = [
  ['福田区', ['园岭街道', '莲花街道', '梅林街道', '沙头街道', '香蜜湖街道']],
  ['罗湖区', ['翠竹街道', '东门街道', '黄贝街道', '笋岗街道']],
  ['南山区', ['粤海街道', '蛇口街道', '西丽街道', '桃源街道', '南头街道']],
  ['宝安区', ['新安街道', '西乡街道', '福永街道', '石岩街道']],
  ['龙岗区', ['布吉街道', '坂田街道', '横岗街道', '龙城街道']],
  ['龙华区', ['民治街道', '大浪街道', '观澜街道', '龙华街道']],
];
const ROADS = ['红荔路', '景田北路', '东园路', '笋岗东路', '南海大道', '沙河西路', '创业路', '新湖路', '建设路', '龙翔大道', '民康路', '布龙路', '梅林路', '华富路'];
const ESTATES = ['景田花园', '翠竹苑', '桃源村', '海月花园', '锦绣江南', '阳光家园', '侨香村', '东方明珠城', '金域蓝湾', '万科城', '荔景大厦', '梅林一村', '安居凤凰苑'];
const ELSEWHERE = [
  '湖南省邵阳市双清区东风路',
  '江西省赣州市于都县贡江镇长征大道',
  '广西壮族自治区玉林市博白县博白镇城东路',
  '广东省梅州市五华县水寨镇华兴南路',
  '湖北省黄冈市蕲春县漕河镇',
  '河南省南阳市邓州市花洲街道',
  '四川省达州市大竹县竹阳镇',
  '广东省揭阳市普宁市流沙东街道',
];

/** A street address, in Shenzhen unless `away`. */
export function address(rng: Rng, away = false): string {
  if (away) return `${rng.pick(ELSEWHERE)}${rng.int(1, 188)}号${rng.chance(0.5) ? `${rng.int(1, 9)}栋${rng.int(1, 6)}0${rng.int(1, 6)}` : ''}`;
  const [district, streets] = rng.pick(DISTRICTS);
  const lead = rng.chance(0.5) ? '广东省深圳市' : '深圳市';
  return `${lead}${district}${rng.pick(streets)}${rng.pick(ROADS)}${rng.int(1, 399)}号${rng.pick(ESTATES)}${rng.int(1, 28)}栋${rng.int(1, 33)}${two(rng.int(1, 12))}${rng.chance(0.6) ? '房' : ''}`;
}

export const districtOf = (addr: string) => /(福田|罗湖|南山|宝安|龙岗|龙华)区/.exec(addr)?.[1] ?? '福田';

const BRAND = ['华信达', '鹏程', '万兴隆', '前海睿拓', '中科泰', '粤港通', '金蝶源', '海岸线', '新益昌', '博纳斯', '顺丰源', '百合佳', '捷讯', '恒瑞丰', '东部华城'];
const TRADE = ['电子科技', '信息技术', '物流', '建筑工程', '餐饮管理', '贸易', '物业管理', '医疗器械', '精密制造', '文化传播'];
const PUBLIC = ['深圳市福田区人民医院', '深圳市南山区第二外国语学校', '深圳市宝安区城市管理和综合执法局', '深圳市龙岗区中心医院', '深圳市罗湖区教育科学研究院'];

export function employer(rng: Rng): string {
  if (rng.chance(0.12)) return rng.pick(PUBLIC);
  const form = rng.pick(['有限公司', '有限公司', '股份有限公司', '有限责任公司']);
  return `深圳市${rng.pick(BRAND)}${rng.pick(TRADE)}${form}`;
}

/** Amounts rounded the way pay is: to 10 yuan mostly, sometimes with cents. */
export function pay(rng: Rng, from: number, to: number): number {
  const v = rng.int(from, to);
  return rng.chance(0.7) ? Math.round(v / 10) * 10 : Math.round(v * 100 + rng.int(0, 99)) / 100;
}
