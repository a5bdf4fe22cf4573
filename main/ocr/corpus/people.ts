// Shared truth for corpus pages: people, ID numbers with a valid checksum, dates, money.
import { checkCharacter } from '../../../domain/identity/idnumber';
import { fullName } from '../../../domain/seed/names';
import { OTHER_REGION_CODES, randomAddress, SHENZHEN_STREETS } from '../../../domain/seed/places';
import type { Rng } from '../../../domain/seed/prng';

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isoDate(rng: Rng, fromYear: number, toYear: number): string {
  return `${rng.int(fromYear, toYear)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}

/** 2024-05-12 → 2024年05月12日, 2024年5月12日, 2024.05.12, 2024-05-12 or 二〇二四年五月十二日. */
export function dateText(iso: string, style: 'cn' | 'cnShort' | 'dot' | 'dash' | 'numerals' | 'slash'): string {
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  switch (style) {
    case 'cn':
      return `${y}年${m}月${d}日`;
    case 'cnShort':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'dash':
      return iso;
    case 'slash':
      return `${y}/${Number(m)}/${Number(d)}`;
    case 'numerals':
      return `${[...y].map((c) => '〇一二三四五六七八九'[Number(c)]).join('')}年${cnNumber(Number(m))}月${cnNumber(Number(d))}日`;
  }
}

export function cnNumber(n: number): string {
  const D = '〇一二三四五六七八九';
  if (n < 10) return D[n]!;
  if (n < 20) return `十${n % 10 ? D[n % 10] : ''}`;
  return `${D[Math.floor(n / 10)]}十${n % 10 ? D[n % 10] : ''}`;
}

export interface Person {
  readonly name: string;
  readonly male: boolean;
  readonly birth: string;
  readonly id: string;
}

export function idFor(rng: Rng, birth: string, male: boolean): string {
  const region = rng.chance(0.6) ? rng.pick(SHENZHEN_STREETS).district.regionCode : rng.pick(OTHER_REGION_CODES);
  const seq = rng.int(0, 499) * 2 + (male ? 1 : 0);
  const first17 = `${region}${birth.replaceAll('-', '')}${pad(seq, 3)}`;
  return first17 + checkCharacter(first17);
}

/** Given-name characters rare enough that a recogniser's dictionary misses them (and 〇 in names). */
const RARE_GIVEN = ['堃', '犇', '淼', '琇', '鑫', '喆', '昇', '赟', '珺', '玥', '婧', '祎', '彧', '翀', '旻', '昕', '璟', '骉', '焱', '垚', '曌', '昶', '岚', '翯', '瑄', '湉', '邴', '燊', '蕤', '晞'];
const RARE_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '皇甫', '覃', '缪', '邝', '闫', '禤', '麦', '冼', '莫'];

/** A name: mostly common, one in three with a rare character, a compound surname or a minority's middle dot. */
function corpusName(rng: Rng, male: boolean): string {
  const sex = male ? 'male' : 'female';
  const r = rng.next();
  if (r < 0.6) return fullName(rng, sex);
  if (r < 0.8) return fullName(rng, sex).slice(0, 1) + rng.pick(RARE_GIVEN) + (rng.chance(0.5) ? rng.pick(RARE_GIVEN) : '');
  if (r < 0.93) return fullName(rng, sex, rng.pick(RARE_SURNAMES));
  return `${rng.pick(['阿依', '买买提', '古丽', '艾力', '热依拉'])}·${rng.pick(['吐尔逊', '艾买提', '阿不都', '努尔'])}`;
}

export function person(rng: Rng, male = rng.chance(0.5), from = 1958, to = 2002): Person {
  const birth = isoDate(rng, from, to);
  return { name: corpusName(rng, male), male, birth, id: idFor(rng, birth, male) };
}

export const address = (rng: Rng): string => randomAddress(rng, rng.pick(SHENZHEN_STREETS)).text;

export const money = (n: number, commas: boolean): string =>
  commas ? n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : n.toFixed(2);

const UPPER = '零壹贰叁肆伍陆柒捌玖';
/** Whole yuan below 100 million in upper-case numerals: 5300 → 伍仟叁佰元整. */
export function upperAmount(n: number): string {
  const section = (v: number): string => {
    let out = '';
    let zero = false;
    for (const [unit, size] of [['仟', 1000], ['佰', 100], ['拾', 10], ['', 1]] as const) {
      const d = Math.floor(v / size) % 10;
      if (d === 0) zero = out !== '';
      else {
        out += (zero ? '零' : '') + UPPER[d] + unit;
        zero = false;
      }
    }
    return out;
  };
  const wan = Math.floor(n / 10000);
  const rest = n % 10000;
  const text = (wan ? `${section(wan)}万` : '') + (rest ? (wan && rest < 1000 ? '零' : '') + section(rest) : '');
  return `${text}元整`;
}

export const EMPLOYERS = [
  '深圳市华安科技有限公司', '深圳市南山区人民医院', '深圳前海金融服务有限公司', '深圳市鹏城物业管理有限公司', '深圳市宝安区教育局',
  '深圳市龙岗建设工程有限公司', '深圳市福田区园岭小学', '深圳市光明新材料股份公司', '深圳湾实验室研究院', '深圳市罗湖区环境卫生管理中心',
];
export const OCCUPATIONS = ['工程师', '职员', '教师', '护士', '会计', '技术员', '销售经理', '保安员'];
export const PROVINCES = ['广东省梅州市', '湖南省长沙市', '江西省赣州市', '湖北省武汉市', '广东省汕头市', '四川省成都市', '广西壮族自治区南宁市', '河南省信阳市'];
export const ETHNIC = ['汉族', '汉族', '汉族', '汉族', '壮族', '回族', '满族', '土家族', '苗族', '瑶族'];
export const BANKS = ['中国工商银行', '中国建设银行', '招商银行', '中国银行', '中国农业银行', '平安银行'];
