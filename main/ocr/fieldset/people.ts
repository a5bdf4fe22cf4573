// People, places, dates and money for the field set: common surnames, given names of which about
// one in five uses a character seldom in dictionaries but common in real names, ID numbers whose
// birth date and sex agree with the person, addresses in Shenzhen, Guangdong and other provinces.
import { checkCharacter } from '../../../domain/identity/idnumber';
import type { Rng } from '../../../domain/seed/prng';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文庄温'];
const COMPOUND = ['欧阳', '司徒', '上官', '诸葛'];
const MALE = [...'伟强磊军洋勇杰涛明超刚斌宇浩凯俊鹏辉波峰健亮志华建国东林海平成龙飞斌鑫坤锋彬晨宏立新兵'];
const FEMALE = [...'芳娜敏静丽艳娟霞秀英婷雪琳欣怡佳颖慧红玉兰春梅燕萍丹晶倩媛莉琴云洁璐蓉薇'];
const EITHER = [...'文晓子思嘉一梓雨家俊嘉诗晓宁安泽'];
/** Characters common in real given names and rare in running text. */
export const RARE = [...'堃喆昇玥翀珺彧婕昕晞骞淏赟祎煜翊琰璟皓曦頔瑄珏炜琦钰芃旻暐璇婧沅骁'];

export type Sex = '男' | '女';

export interface Person {
  readonly name: string;
  readonly sex: Sex;
  /** ISO YYYY-MM-DD */
  readonly birth: string;
  readonly idNumber: string;
  readonly ethnicity: string;
}

const REGIONS = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311', '440104', '440106', '440604', '441302', '445202', '440882', '441402', '430102', '430521', '360102', '450102', '420106', '510104', '350102', '411302', '431002', '362201'];
const ETHNIC = ['汉', '汉', '汉', '汉', '汉', '汉', '汉', '汉', '汉', '汉', '汉', '汉', '壮', '瑶', '畲', '土家', '苗', '回', '满', '黎'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function randomDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return isoDate(y, m, d);
}

export function givenName(rng: Rng, sex: Sex): string {
  const pool = sex === '男' ? MALE : FEMALE;
  const one = () => (rng.chance(0.3) ? rng.pick(EITHER) : rng.pick(pool));
  let given = rng.chance(0.25) ? one() : one() + one();
  if (given.length === 2 && given[0] === given[1]) given = given[0]!;
  if (rng.chance(0.2)) given = given.length === 1 || rng.chance(0.5) ? given.slice(0, 1) + rng.pick(RARE) : rng.pick(RARE) + given.slice(-1);
  return given;
}

export function personName(rng: Rng, sex: Sex, surname?: string): string {
  const family = surname ?? (rng.chance(0.03) ? rng.pick(COMPOUND) : rng.pick(SURNAMES));
  return family + givenName(rng, sex);
}

export function idNumber(rng: Rng, birth: string, sex: Sex, region = rng.pick(REGIONS)): string {
  const seq = rng.int(0, 99) * 10 + (sex === '男' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const first17 = `${region}${birth.replace(/-/g, '')}${pad(seq, 3)}`;
  return first17 + checkCharacter(first17);
}

export function person(rng: Rng, opts: { sex?: Sex; from?: number; to?: number; surname?: string } = {}): Person {
  const sex = opts.sex ?? (rng.chance(0.5) ? '男' : '女');
  const birth = randomDate(rng, opts.from ?? 1955, opts.to ?? 2002);
  return { name: personName(rng, sex, opts.surname), sex, birth, idNumber: idNumber(rng, birth, sex), ethnicity: rng.pick(ETHNIC) };
}

const SZ_DISTRICTS: Record<string, string[]> = {
  福田区: ['莲花街道', '华富街道', '梅林街道', '沙头街道', '香蜜湖街道'],
  罗湖区: ['东门街道', '翠竹街道', '黄贝街道', '清水河街道'],
  南山区: ['粤海街道', '蛇口街道', '西丽街道', '桃源街道', '招商街道'],
  宝安区: ['新安街道', '西乡街道', '福永街道', '沙井街道'],
  龙岗区: ['布吉街道', '坂田街道', '横岗街道', '龙城街道'],
  龙华区: ['民治街道', '大浪街道', '观澜街道'],
  光明区: ['公明街道', '凤凰街道'],
  坪山区: ['坑梓街道', '碧岭街道'],
};
const ROADS = ['深南大道', '红荔路', '景田北路', '梅林路', '桃园路', '南海大道', '新湖路', '布龙路', '民治大道', '宝民一路', '爱国路', '笋岗东路', '龙岗大道', '松白路', '创业路', '华强北路'];
const ESTATES = ['景田小区', '桃源村', '翠竹苑', '百花园', '梅林一村', '海月花园', '锦绣家园', '碧海云天', '龙华新村', '阳光花园', '怡景花园', '荔香苑'];
const ELSEWHERE = [
  ['广东省广州市越秀区', ['东风中路', '中山四路', '北京路']],
  ['广东省佛山市禅城区', ['季华五路', '祖庙路']],
  ['广东省惠州市惠城区', ['江北三新南路', '麦地路']],
  ['广东省揭阳市榕城区', ['临江北路', '进贤门大道']],
  ['广东省湛江市雷州市', ['雷城镇新城大道']],
  ['湖南省长沙市芙蓉区', ['五一大道', '韶山北路']],
  ['湖南省邵阳市双清区', ['宝庆东路']],
  ['江西省南昌市东湖区', ['八一大道', '阳明路']],
  ['广西壮族自治区南宁市兴宁区', ['民族大道', '朝阳路']],
  ['湖北省武汉市江岸区', ['解放大道', '沿江大道']],
  ['四川省成都市锦江区', ['春熙路', '东大街']],
  ['福建省福州市鼓楼区', ['五四路', '东街']],
  ['河南省南阳市宛城区', ['人民路', '新华东路']],
] as const;

export function address(rng: Rng): string {
  if (rng.chance(0.65)) {
    const district = rng.pick(Object.keys(SZ_DISTRICTS));
    const street = rng.pick(SZ_DISTRICTS[district]!);
    const prefix = rng.chance(0.7) ? '广东省深圳市' : '深圳市';
    return rng.chance(0.5)
      ? `${prefix}${district}${street}${rng.pick(ROADS)}${rng.int(1, 399)}号${rng.pick(ESTATES)}${rng.int(1, 28)}栋${rng.int(1, 32)}${pad(rng.int(1, 12))}房`
      : `${prefix}${district}${rng.pick(ESTATES)}${rng.pick(['', '', '二期'])}${rng.int(1, 18)}栋${rng.pick(['A', 'B', ''])}${rng.int(2, 30)}${pad(rng.int(1, 8))}`;
  }
  const [place, roads] = rng.pick(ELSEWHERE);
  return `${place}${rng.pick(roads)}${rng.int(1, 420)}号${rng.chance(0.5) ? `${rng.int(1, 12)}栋${rng.int(1, 6)}单元${rng.int(101, 1802)}房` : `${rng.int(101, 902)}室`}`;
}

const EMPLOYER_CORE = ['华信达', '鹏程', '粤海', '金地', '中科瑞', '华强', '创维联', '前海恒通', '南方电子', '宏达', '新世纪', '嘉合', '天健', '万和', '迅捷', '安居'];
const EMPLOYER_TRADE = ['科技', '物流', '电子', '建筑工程', '物业管理', '餐饮管理', '贸易', '医疗器械', '信息技术', '精密制造'];

export function employer(rng: Rng): string {
  const r = rng.next();
  if (r < 0.72) return `${rng.pick(['深圳市', '深圳市', '广东', '深圳'])}${rng.pick(EMPLOYER_CORE)}${rng.pick(EMPLOYER_TRADE)}${rng.pick(['有限公司', '股份有限公司', '有限公司'])}`;
  if (r < 0.86) return `深圳市${rng.pick(Object.keys(SZ_DISTRICTS))}${rng.pick(['人民医院', '教育局', '城市管理和综合执法局', '第二实验学校', '社区健康服务中心'])}`;
  return `${rng.pick(['中国建设银行股份有限公司深圳分行', '深圳地铁集团有限公司', '深圳市燃气集团股份有限公司', '顺丰速运有限公司', '深圳供电局有限公司'])}`;
}

// ---------- dates and money as printed ----------

const CN_DIGITS = '〇一二三四五六七八九';
const cnSmall = (n: number): string => (n <= 10 ? (n === 10 ? '十' : CN_DIGITS[n]!) : n < 20 ? `十${CN_DIGITS[n - 10]}` : `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`);

export type DateStyle = 'cn' | 'cn0' | 'dot' | 'iso' | 'upper' | 'slash';

export function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  switch (style) {
    case 'cn':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'cn0':
      return `${y}年${m}月${d}日`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'iso':
      return iso;
    case 'upper':
      return `${[...y].map((c) => CN_DIGITS[Number(c)]).join('')}年${cnSmall(Number(m))}月${cnSmall(Number(d))}日`;
  }
}

export const pickDateStyle = (rng: Rng, allowUpper = true): DateStyle => rng.pick<DateStyle>(allowUpper ? ['cn', 'cn', 'cn0', 'dot', 'iso', 'upper'] : ['cn', 'cn', 'cn0', 'dot', 'iso', 'slash']);

export const commas = (n: number, decimals = 2): string => n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

const UPPER = '零壹贰叁肆伍陆柒捌玖';
/** 人民币大写 of a whole number of yuan (under a hundred million), as on receipts: 捌仟伍佰元整. */
export function upperYuan(n: number): string {
  const units = ['', '拾', '佰', '仟'];
  const part = (v: number): string => {
    let s = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const dgt = Math.floor(v / 10 ** i) % 10;
      if (dgt === 0) zero = s !== '';
      else {
        if (zero) s += '零';
        s += UPPER[dgt]! + units[i]!;
        zero = false;
      }
    }
    return s;
  };
  const wan = Math.floor(n / 10000);
  const rest = n % 10000;
  let s = wan ? `${part(wan)}万` : '';
  if (rest) s += (wan && rest < 1000 ? '零' : '') + part(rest);
  return `${s || '零'}元整`;
}

export type MoneyStyle = 'yen' | 'yuan' | 'rmb' | 'plain';

export function formatMoney(n: number, style: MoneyStyle): string {
  switch (style) {
    case 'yen':
      return `¥${commas(n)}`;
    case 'yuan':
      return `${commas(n)}元`;
    case 'rmb':
      return `人民币${commas(n)}元`;
    case 'plain':
      return n.toFixed(2);
  }
}
