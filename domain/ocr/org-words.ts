// The words an organisation's name is built from after its trade name — its line of business and
// its legal form (物业管理, 信息技术, 股份有限公司) — are a small closed set, where the trade name
// (鹏城, 华瑞) is free. A low-resolution reading gets one character of such a word wrong (物业管建,
// 餐饮营理, 有限数任公司, 毅份公司); a phrase of four or more characters with one wrong is still
// recognisable, and is put right when exactly one phrase fits. The phrases below are the usual ones
// of Chinese company registrations; neighbours one character apart (物业管理 / 企业管理, 建设工程 /
// 建筑工程) are all listed, so a real one is never "corrected" into its neighbour and a reading
// between two is left as read.
const PHRASES: readonly string[] = [
  // Legal forms.
  '有限责任公司', '股份有限公司', '有限公司', '股份公司', '分公司',
  // Management and services.
  '物业管理', '企业管理', '商业管理', '资产管理', '餐饮管理', '酒店管理', '物资管理', '项目管理', '工程管理', '工程监理', '建设监理', '供应链管理', '投资管理',
  '物业服务', '企业服务', '家政服务', '保安服务', '保洁服务', '清洁服务', '金融服务', '技术服务', '信息服务', '商务服务', '健康服务', '健身服务',
  '人力资源', '人力资源服务', '劳务派遣', '教育咨询', '管理咨询', '投资咨询', '信息咨询',
  // Technology, making, building, trade.
  '信息技术', '电子技术', '网络技术', '软件技术', '生物技术',
  '信息科技', '智能科技', '智慧科技', '网络科技', '数码科技', '数字科技', '生物科技', '生态科技', '光电科技', '光学科技', '新能源科技', '新材料科技',
  '医疗器械', '精密模具', '精密机械', '五金制品', '塑胶制品', '塑料制品', '印刷包装', '纺织服装', '纺织服饰', '服装服饰',
  '建筑工程', '建设工程', '装饰工程', '装修工程', '安装工程', '安防工程', '市政工程', '园林绿化', '建筑装饰',
  '国际贸易', '进出口贸易', '货运代理', '国际物流', '人寿保险', '财产保险',
  // Finance and public works, each a neighbour of one above (商业保理 / 商业管理, 建设管理 / 建设监理).
  '商业保理', '融资租赁', '融资担保', '股权投资', '创业投资', '实业发展', '城市建设', '城市管理', '建设管理',
];

/** Phrases of four or more characters: with one character wrong, three still stand for the word. */
const LONG = PHRASES.filter((p) => p.length >= 4);
/** Shortest first: a window put right (有限公心 → 有限公司) lets the longer one it ends (股分有限公司) be put right after it. */
const LENGTHS = [...new Set(LONG.map((p) => p.length))].sort((a, b) => a - b);
const HAN = /^[\u3400-\u9fff]+$/;

/**
 * Two-character words the four-character phrases are made of (物业, 管理, 建设): a window that is two
 * of them (建设管理, 城市保洁) is a phrase of its own, whether listed or not, and is never changed.
 */
const WORDS = new Set([...LONG.filter((p) => p.length === 4).flatMap((p) => [p.slice(0, 2), p.slice(2)]), '发展', '实业', '控股', '集团', '保理', '租赁', '担保', '贷款', '城市']);
const twoWords = (window: string): boolean => window.length === 4 && WORDS.has(window.slice(0, 2)) && WORDS.has(window.slice(2));

/** Characters that differ between two strings of one length. */
function differing(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/**
 * `text` with each window that is one character away from exactly one known phrase (and is no known
 * phrase itself) made that phrase. Only Chinese characters are put right (a digit or a bracket is
 * no misread word); windows are taken from the end of the name, where the legal form stands, and a
 * change may not break a known phrase it overlaps. `changed` says whether anything was replaced.
 */
export function snapOrganisationWords(text: string): { text: string; changed: boolean } {
  let out = text;
  for (let end = out.length; end >= 4; end--) {
    for (const length of LENGTHS) {
      const start = end - length;
      if (start < 0) continue;
      const window = out.slice(start, end);
      if (!HAN.test(window) || PHRASES.includes(window) || twoWords(window)) continue;
      const near = LONG.filter((p) => p.length === length && differing(p, window) === 1);
      // Two phrases one character away (勿业管理: 物业管理 or 企业管理) — not clear, left as read.
      if (near.length !== 1) continue;
      const fixed = out.slice(0, start) + near[0]! + out.slice(end);
      if (brokenAround(out, fixed, start, end)) continue;
      out = fixed;
    }
  }
  return { text: out, changed: out !== text };
}

/** Whether the change of [start, end) from `before` to `after` destroys a known phrase standing across it. */
function brokenAround(before: string, after: string, start: number, end: number): boolean {
  return PHRASES.some((p) => {
    for (let at = before.indexOf(p); at >= 0; at = before.indexOf(p, at + 1)) {
      if (at < end && at + p.length > start && after.slice(at, at + p.length) !== p) return true;
    }
    return false;
  });
}

/** Three-character words an organisation's name ends in (…实验室研究院, …街道办事处). */
const ENDINGS: readonly string[] = [
  '研究院', '研究所', '设计院', '检察院', '卫生院', '委员会', '办事处', '事务所', '派出所', '幼儿园', '合作社', '经营部', '工作室',
  '图书馆', '博物馆', '文化馆', '纪念馆', '体育馆', '美术馆', '科技馆', '服务站', '教育局', '制品厂', '分公司',
];

/**
 * `text` whose last three characters are one character away from exactly one such word (深圳湾实验室品究院)
 * with that word put in; for a name that ends in no organisation's word. `changed` says whether it was.
 */
export function snapOrganisationEnd(text: string): { text: string; changed: boolean } {
  const end = text.slice(-3);
  if (!HAN.test(end) || end.length < 3 || ENDINGS.includes(end)) return { text, changed: false };
  const near = ENDINGS.filter((w) => differing(w, end) === 1);
  return near.length === 1 ? { text: text.slice(0, -3) + near[0]!, changed: true } : { text, changed: false };
}
