// Chinese surnames in use: the single-character surnames borne by almost all of the population
// (the commonly published frequency rankings, about the first 400, with the Cantonese ones a
// Shenzhen counter meets: 区 邝 冼 禤 麦 …) and the compound surnames still met. A name read with a
// first character outside them is far more often a misread surname than a rare one, so a reading
// that starts with a known surname is preferred and one that does not is marked for the clerk.
// The list is general knowledge, not drawn from any page this project generates.

const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓韩冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄樊祝牛兰殷詹葛章鲁翁齐季符申尚褚卓温鲍欧包耿毕聂单童岳伍骆安颜倪华邢萧焦梅关俞柳纪管虞桂甘鞠阮苗宁饶隋喻解蒙左涂晏麦游冉芦房邝靳池屈卫尤艾景栗甄谷宗农古芮揭勾刁匡巫蓝凌占盛窦舒连车冷项阳裴滕戚米门胥苟佟粟简查佘荣帅丛穆娄宫权诸蔺郁凤湛商言过衣官应闵钮路晋都税隆母元敖东代仲习厉卞封成和巩闻汝扈燕晁於庞强储杭缪臧奚费卜计伏茅边羊山冀哈牟郗仇濮乐冼容原幸沙居宣荆綦闭修蒯昝刚丰楚初吉岑廉卿司谈俸才邬全利凡敬井尉时漆战郜贲皮桑訾逯海旷仝冒雍苑来狄宿禄银平曲经檀力伊尧植郎霍区禤练钦滑邸荀蓟党麻续明花寇蒲富靖谌鄢蔚弓双丘展鄂那郦蓬嵇潭阙慕茹赫裘印谯邰巴戈步惠伦浦竺璩薄延侍迟满渠阚寿桓操郇危';

/** Two-character surnames (checked before the single ones). */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '令狐', '端木', '西门', '南宫', '独孤', '申屠', '钟离', '闻人', '澹台', '公冶', '太史', '万俟', '呼延', '濮阳',
  '司空', '拓跋', '百里', '东郭', '左丘', '第五', '梁丘', '谷梁', '宗政', '淳于', '单于', '赫连', '乐正', '子车',
];

export const SINGLE_SURNAMES: ReadonlySet<string> = new Set(SINGLE);

/**
 * Characters no one bears as a surname that a recogniser reads for a surname one stroke or one
 * radical away (冼 read as 洗, 邝 as 广, 沈 as 沉): general knowledge of the characters' shapes.
 */
export const SURNAME_LOOK_ALIKES: Readonly<Record<string, string>> = { 洗: '冼', 广: '邝', 沉: '沈', 扬: '杨', 阵: '陈', 河: '何', 湖: '胡', 玉: '王', 糖: '唐' };

/** The surname a name starts with (compound first), or undefined when it starts with none known. */
export function surnameOf(name: string): string | undefined {
  const two = name.slice(0, 2);
  if (COMPOUND_SURNAMES.includes(two)) return two;
  const one = name.slice(0, 1);
  return SINGLE_SURNAMES.has(one) ? one : undefined;
}

/**
 * Whether a name reads as a person's name by its surname: a known surname first, or a transliterated
 * minority or foreign name (parts joined by a middle dot), which has no surname to check.
 */
export function hasKnownSurname(name: string): boolean {
  return name.includes('·') || surnameOf(name) !== undefined;
}

/**
 * Given names Uyghur and Kazakh names commonly start with, as written in Chinese: a person's own name
 * comes first, their father's after the middle dot (艾力·阿不都). General knowledge, as above.
 */
const TRANSLITERATED_FIRST: readonly string[] = [
  '艾力', '阿不都', '阿布都', '阿卜杜', '买买提', '麦麦提', '艾买提', '艾合买提', '买合木提', '热依拉', '古丽', '阿依古丽', '帕提古丽',
  '努尔古丽', '阿孜古丽', '古再丽', '努尔', '努尔兰', '吐尔逊', '吐逊', '吐尔洪', '热合曼', '阿里木', '阿力木', '依明', '艾尔肯', '迪丽热巴',
  '迪丽', '玛依拉', '阿迪力', '伊力', '如先', '吾守尔', '尼亚孜', '克力木', '排尔哈提', '阿布力孜', '卡德尔', '沙吾提', '米吉提', '亚森',
  '司马义', '艾克拜尔', '库尔班', '肉孜', '塔依尔', '哈力克', '斯拉木', '伊斯拉木', '托合提', '阿依', '古力', '祖丽', '热娜', '阿娜尔',
  '美合日', '再努尔', '艾山', '别克', '叶尔兰', '阿斯哈尔', '热孜万', '买尔旦', '吾买尔', '依力哈木', '阿曼', '帕尔哈提', '买买提明',
];

const TRANSLITERATED_PARTS: ReadonlySet<string> = new Set(TRANSLITERATED_FIRST);

/** Whether one part of a transliterated name is a common given name. */
export const isKnownPart = (part: string): boolean => TRANSLITERATED_PARTS.has(part);

/** Whether a name is transliterated (parts joined by middle dots) and every part is one of the common given names above (古丽·阿不都, not 古丽·阿不部). */
export function hasKnownParts(name: string): boolean {
  return name.includes('·') && name.split('·').every(isKnownPart);
}

/**
 * A transliterated name whose middle dot was lost (艾力阿不都, 热依拉艾买提, 艾力艾引): four or more
 * characters — no Chinese name runs to five, and one of four starts with a compound surname —
 * starting with one of those given names and two or more after it, with the dot put back (the
 * longest such start). Undefined for anything else.
 */
export function withDotPutBack(name: string): string | undefined {
  if (name.includes('·') || name.length < 4 || (name.length === 4 && COMPOUND_SURNAMES.includes(name.slice(0, 2)))) return undefined;
  const first = TRANSLITERATED_FIRST.filter((f) => name.startsWith(f) && name.length - f.length >= 2).sort((a, b) => b.length - a.length)[0];
  return first && `${first}·${name.slice(first.length)}`;
}
