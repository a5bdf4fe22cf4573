// People, places and employers for the twelfth set: ordinary names (about one in ten with a less
// common standard character, some with a compound surname, some minority names with a middle dot),
// valid ID numbers agreeing with birth date and sex, Shenzhen addresses and long employer names.
import { checkCharacter } from '../../../domain/identity/idnumber';
import type { Rng } from '../../../domain/seed/prng';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文';
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '司徒'];
const GIVEN_M = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋峰建国志文博天翔振海晨浩然子轩思远家豪嘉俊永康德胜';
const GIVEN_F = '芳娜敏静丽艳娟霞秀英慧玲婷雪琳颖洁莉萍红梅晶欣怡佳悦蕾薇倩琴蓉燕雅楠梦瑶诗涵月婉晓岚';
/** Less common but standard characters (all in GB 18030 level 1–2). */
export const RARE = ['堃', '喆', '昇', '玥', '翀', '珺', '彧', '晞', '赟', '璟', '垚', '淼', '焱', '犇'];
const MINORITY_M = ['艾力·吐尔逊', '买买提·艾则孜', '阿卜杜拉·热合曼', '扎西·多吉', '巴特尔·朝鲁'];
const MINORITY_F = ['阿依古丽·买买提', '迪丽娜尔·阿不都', '古丽米热·艾山', '卓玛·次仁', '萨仁·其木格'];

/** The surname of a Han name (compound surnames whole). */
export const surnameOf = (name: string): string => COMPOUND.find((c) => name.startsWith(c)) ?? [...name][0]!;

export type Sex = '男' | '女';

export interface Person {
  readonly name: string;
  readonly sex: Sex;
  readonly birth: string;
  readonly id: string;
  readonly ethnicity: string;
}

const REGIONS = ['440305', '440304', '440303', '440306', '440307', '440308', '440309', '440311', '430521', '360124', '510722', '411302', '450107', '441421', '445221', '350583', '420115', '610113'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function birthDate(rng: Rng, from = 1955, to = 2003): string {
  const y = rng.int(from, to);
  const m = rng.int(1, 12);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(rng.int(1, days))}`;
}

export function idNumber(rng: Rng, birth: string, sex: Sex): string {
  const seq = rng.int(0, 49) * 2 + (sex === '男' ? 1 : 0) + rng.int(0, 9) * 100;
  const first = `${rng.pick(REGIONS)}${birth.replace(/-/g, '')}${pad(seq, 3)}`;
  return first + checkCharacter(first);
}

export function personName(rng: Rng, sex: Sex, minority = false): string {
  if (minority) return rng.pick(sex === '男' ? MINORITY_M : MINORITY_F);
  const surname = rng.chance(0.06) ? rng.pick(COMPOUND) : rng.pick([...SURNAMES]);
  const pool = [...(sex === '男' ? GIVEN_M : GIVEN_F)];
  const given = Array.from({ length: rng.chance(0.8) ? 2 : 1 }, () => rng.pick(pool));
  if (rng.chance(0.1)) given[given.length - 1] = rng.pick(RARE);
  return surname + given.join('');
}

const MINOR_ETHNIC = ['壮族', '回族', '满族', '苗族', '土家族', '瑶族', '畲族'];

export function person(rng: Rng, opts: { sex?: Sex; from?: number; to?: number } = {}): Person {
  const sex = opts.sex ?? (rng.chance(0.5) ? '男' : '女');
  const birth = birthDate(rng, opts.from, opts.to);
  const minority = rng.chance(0.04);
  const ethnicity = minority ? rng.pick(['维吾尔族', '藏族', '蒙古族']) : rng.chance(0.1) ? rng.pick(MINOR_ETHNIC) : '汉族';
  return { name: personName(rng, sex, minority), sex, birth, id: idNumber(rng, birth, sex), ethnicity };
}

const DISTRICTS = [
  ['南山区', ['粤海街道', '南头街道', '蛇口街道', '西丽街道', '桃源街道', '招商街道']],
  ['福田区', ['华富街道', '莲花街道', '香蜜湖街道', '梅林街道', '沙头街道']],
  ['罗湖区', ['东门街道', '翠竹街道', '笋岗街道', '莲塘街道']],
  ['宝安区', ['新安街道', '西乡街道', '福永街道', '沙井街道', '石岩街道']],
  ['龙岗区', ['布吉街道', '坂田街道', '横岗街道', '龙城街道', '平湖街道']],
  ['龙华区', ['民治街道', '大浪街道', '观澜街道', '龙华街道']],
] as const;
const ROADS = ['科技南十二路', '南海大道', '桃园路', '深南大道', '红荔西路', '建设路', '宝安大道', '龙岗大道', '布龙路', '民治大道', '留仙大道', '沙河西路', '梅林路', '翠竹路'];
const ESTATES = ['阳光花园', '翠海花园', '桃源村', '丽水佳园', '华润城', '万科城', '星河丹堤', '中海锦城', '宝安新村', '上塘农贸市场宿舍'];

/** A Shenzhen address (the long ones name the province, street office and community). */
export function address(rng: Rng): string {
  const [district, streets] = rng.pick(DISTRICTS);
  const street = rng.pick(streets);
  const long = rng.chance(0.4);
  const building = `${rng.int(1, 28)}栋${rng.int(1, 32)}${pad(rng.int(1, 8))}室`;
  const head = long ? `广东省深圳市${district}${street}` : `深圳市${district}`;
  const middle = rng.chance(0.5) ? `${rng.pick(ROADS)}${rng.int(1, 3999)}号${rng.pick(ESTATES)}` : `${rng.pick(ESTATES)}${rng.chance(0.5) ? `${rng.pick('ABCDEF'.split(''))}座` : ''}`;
  return head + middle + building;
}

const FIRMS = ['华联', '腾讯', '创维', '鹏程', '安居', '海王', '中集', '迈瑞', '华侨城', '南海', '前海', '招商', '盐田港', '科陆', '兆驰'];
const TRADES = ['电子科技', '信息技术', '物业管理', '建筑工程', '供应链管理', '医疗器械', '餐饮管理', '物流', '精密制造', '商业保理'];

/** An employer; about a third are long names that wrap. */
export function employer(rng: Rng): string {
  const r = rng.next();
  if (r < 0.15) return rng.pick(['深圳市南山区西丽街道社区健康服务中心', '中国建筑第四工程局有限公司深圳分公司', '深圳市福田区人民政府华富街道办事处', '中国平安人寿保险股份有限公司深圳分公司', '深圳市龙岗区布吉街道城市建设管理服务中心']);
  if (r < 0.35) return `深圳市${rng.pick(FIRMS)}${rng.pick(TRADES)}股份有限公司${rng.pick(['龙岗分公司', '宝安分公司', '前海分公司'])}`;
  return `深圳市${rng.pick(FIRMS)}${rng.pick(TRADES)}有限公司`;
}

/** A day between `from` and `to` (ISO dates), inclusive. */
export function dayBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86400000)) * 86400000).toISOString().slice(0, 10);
}

export const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

export const LATEST = '2026-11-30';
