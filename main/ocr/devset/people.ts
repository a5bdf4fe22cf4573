// People, places, employers, dates and money for the development set, written independently of the
// tuning corpus: its own name lists, its own address shapes, its own ways of writing dates and sums.
import { checkCharacter } from '../../../domain/identity/idnumber';
import type { Rng } from '../../../domain/seed/prng';

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '慕容', '令狐', '尉迟', '端木', '皇甫', '司徒', '夏侯'];
const RARE_SURNAME = ['禤', '冼', '邝', '麦', '缪', '佘', '逄', '亓', '訾', '蔺'];
const MALE_GIVEN = '伟强磊军勇杰涛斌浩明超鹏辉刚健俊峰建宇志国华文博亮龙波宁海林振凯锋飞洋晨阳旭东';
const FEMALE_GIVEN = '芳娜敏静丽艳娟霞燕玲秀英华慧婷雪琳颖洁佳欣怡倩莉萍红梅晶璐瑶蕾薇';
const RARE_GIVEN = ['赟', '堃', '喆', '玥', '珺', '昀', '翀', '彧', '淼', '犇', '燚', '璐', '骞', '祺', '琤', '瑀', '暻', '婕', '湉', '晗'];
const ETHNIC = [
  ['阿依古丽', '买买提'],
  ['帕尔哈提', '艾则孜'],
  ['热依汗古丽', '吐尔洪'],
  ['艾合买提', '库尔班'],
  ['努尔兰', '哈力木'],
  ['古丽娜尔', '阿不都'],
] as const;
const ETHNIC_MALE = new Set(['帕尔哈提', '艾合买提', '努尔兰']);

export interface Person {
  readonly name: string;
  readonly male: boolean;
  /** YYYY-MM-DD */
  readonly birth: string;
  readonly id: string;
  readonly ethnicity: string;
}

const OTHER_REGIONS = ['430124', '441622', '360731', '452501', '510922', '410526', '350583', '440882', '445221', '421023', '362430', '431321'];
const SZ_REGIONS = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'];

export function isoDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(rng.int(1, days))}`;
}

/** A date a certificate was issued on: within the last few years, never after the set was written. */
export function issueDate(rng: Rng): string {
  const d = isoDate(rng, 2022, 2026);
  return d > '2026-11-27' ? `2025${d.slice(4)}` : d;
}

export function idNumber(rng: Rng, birth: string, male: boolean, region?: string): string {
  const code = region ?? (rng.chance(0.45) ? rng.pick(SZ_REGIONS) : rng.pick(OTHER_REGIONS));
  const seq = rng.int(0, 99) * 10 + rng.int(0, 4) * 2 + (male ? 1 : 0);
  const first17 = `${code}${birth.replaceAll('-', '')}${pad(seq, 3)}`;
  return first17 + checkCharacter(first17);
}

function given(rng: Rng, male: boolean, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.chance(0.12) ? rng.pick(RARE_GIVEN) : rng.pick([...(male ? MALE_GIVEN : FEMALE_GIVEN)]);
  return s;
}

export function person(rng: Rng, male = rng.chance(0.5), from = 1962, to = 2002): Person {
  const birth = isoDate(rng, from, to);
  const r = rng.next();
  if (r < 0.06) {
    const pool = ETHNIC.filter(([g]) => ETHNIC_MALE.has(g) === male);
    const [g, f] = rng.pick(pool);
    return { name: `${g}·${f}`, male, birth, id: idNumber(rng, birth, male, rng.pick(['650102', '652101', '653101'])), ethnicity: rng.pick(['维吾尔', '哈萨克']) };
  }
  let name: string;
  if (r < 0.16) name = rng.pick(COMPOUND) + given(rng, male, rng.int(1, 2));
  else if (r < 0.22) name = rng.pick(RARE_SURNAME) + given(rng, male, rng.int(1, 2));
  else name = rng.pick([...SURNAMES]) + given(rng, male, rng.chance(0.25) ? 1 : 2);
  const ethnicity = rng.chance(0.88) ? '汉' : rng.pick(['壮', '苗', '土家', '瑶', '畲', '回', '满', '侗']);
  return { name, male, birth, id: idNumber(rng, birth, male), ethnicity };
}

const DISTRICTS: Record<string, readonly string[]> = {
  福田区: ['莲花街道', '沙头街道', '华富街道', '梅林街道', '香蜜湖街道'],
  南山区: ['粤海街道', '蛇口街道', '西丽街道', '桃源街道', '招商街道'],
  罗湖区: ['东门街道', '翠竹街道', '笋岗街道', '莲塘街道'],
  宝安区: ['西乡街道', '新安街道', '福永街道', '石岩街道', '沙井街道'],
  龙岗区: ['坂田街道', '布吉街道', '横岗街道', '龙城街道', '平湖街道'],
  龙华区: ['民治街道', '大浪街道', '观澜街道', '龙华街道'],
  光明区: ['公明街道', '凤凰街道', '光明街道'],
  坪山区: ['坑梓街道', '坪山街道'],
  盐田区: ['沙头角街道', '海山街道'],
};
const ROADS = ['科苑南路', '红荔西路', '莲花路', '梅林路', '南海大道', '留仙大道', '布龙路', '五和大道', '民康路', '东门中路', '桃园路', '翠竹路', '新湖路', '创业二路', '坂雪岗大道', '振华路', '沙河西路', '宝民一路'];
const ESTATES = ['华侨城', '万象', '桃源村', '梅林一村', '景田北', '幸福海岸', '星海名城', '锦绣江南', '龙华新村', '碧海花园', '阳光棕榈园', '翠海花园', '百仕达', '金色家园', '翠湖山庄', '丽晶国际'];

export function address(rng: Rng): string {
  const district = rng.pick(Object.keys(DISTRICTS));
  const street = rng.pick(DISTRICTS[district]!);
  const head = rng.pick(['广东省深圳市', '深圳市', '广东省深圳市']);
  switch (rng.int(0, 2)) {
    case 0:
      return `${head}${district}${street}${rng.pick(ROADS)}${rng.int(1, 399)}号${rng.pick(ESTATES)}${rng.int(1, 18)}栋${rng.pick(['', 'A座', 'B座'])}${rng.int(2, 32)}${pad(rng.int(1, 8))}房`;
    case 1:
      return `${head}${district}${rng.pick(ESTATES)}${rng.int(1, 12)}期${rng.int(1, 30)}栋${rng.int(1, 3)}单元${rng.int(1, 28)}${pad(rng.int(1, 6))}`;
    default:
      return `${head}${district}${street}${rng.pick(['新围', '上屋', '下沙', '白石洲', '岗厦', '水围', '福田'])}村${rng.int(1, 12)}巷${rng.int(1, 60)}号`;
  }
}

const TRADE_WORDS = ['华鹏', '瑞丰', '启明', '信达', '海纳', '中科', '鼎盛', '恒通', '嘉利', '创维思', '博远', '星河', '宏景', '智联', '腾越', '新丰泰', '力拓', '安捷'];
const TRADES = ['电子科技', '信息技术', '物流', '餐饮管理', '建筑工程', '医疗器械', '精密模具', '物业管理', '供应链管理', '软件', '光电', '商贸', '人力资源服务', '新能源科技'];
const INSTITUTIONS = ['深圳市龙岗区第二人民医院', '深圳市南山区蛇口学校', '深圳市福田区华富街道办事处', '深圳市宝安区人民医院', '南方科技大学', '深圳技术大学', '深圳市罗湖区翠竹外国语实验学校'];

export function employer(rng: Rng): string {
  if (rng.chance(0.15)) return rng.pick(INSTITUTIONS);
  const branch = rng.chance(0.12) ? rng.pick(['深圳分公司', '南山分公司']) : '';
  return `${rng.pick(['深圳市', '深圳市', '深圳'])}${rng.pick(TRADE_WORDS)}${rng.pick(TRADES)}${rng.pick(['有限公司', '有限公司', '股份有限公司'])}${branch}`;
}

const CN_DIGITS = '〇一二三四五六七八九';
function cnSmall(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}

export type DateStyle = 'cn' | 'cnPad' | 'dot' | 'dash' | 'slash' | 'compact' | 'hanzi';
/** One ISO date written the ways Chinese paperwork writes it. */
export function dateText(iso: string, style: DateStyle): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  switch (style) {
    case 'cn':
      return `${y}年${m}月${d}日`;
    case 'cnPad':
      return `${y}年${pad(m)}月${pad(d)}日`;
    case 'dot':
      return `${y}.${pad(m)}.${pad(d)}`;
    case 'dash':
      return iso;
    case 'slash':
      return `${y}/${pad(m)}/${pad(d)}`;
    case 'compact':
      return `${y}${pad(m)}${pad(d)}`;
    case 'hanzi':
      return `${[...String(y)].map((c) => CN_DIGITS[Number(c)]).join('')}年${cnSmall(m)}月${cnSmall(d)}日`;
  }
}

export const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

/** 12500 → 12,500.00 (or 12500.00, or 12500 when whole and `bare`). */
export function yuan(n: number, commas: boolean, bare = false): string {
  if (bare && Number.isInteger(n)) return commas ? n.toLocaleString('en-US') : String(n);
  return commas ? n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : n.toFixed(2);
}

const UPPER = '零壹贰叁肆伍陆柒捌玖';
/** Upper-case amount as on cheques and letters: 12500 → 壹万贰仟伍佰元整. */
export function upperYuan(n: number): string {
  const units = ['', '拾', '佰', '仟'];
  const section = (v: number): string => {
    let s = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(v / 10 ** i) % 10;
      if (d === 0) {
        if (s) zero = true;
      } else {
        if (zero) s += '零';
        zero = false;
        s += UPPER[d]! + units[i]!;
      }
    }
    return s;
  };
  const cents = Math.round(n * 100);
  const whole = Math.floor(cents / 100);
  const wan = Math.floor(whole / 10000);
  const rest = whole % 10000;
  let s = '';
  if (wan) s += `${section(wan)}万`;
  if (rest) s += (wan && rest < 1000 ? '零' : '') + section(rest);
  if (!s) s = '零';
  s += '元';
  const jiao = Math.floor((cents % 100) / 10);
  const fen = cents % 10;
  if (jiao === 0 && fen === 0) return `${s}整`;
  if (jiao) s += `${UPPER[jiao]}角`;
  else s += '零';
  if (fen) s += `${UPPER[fen]}分`;
  return s;
}
