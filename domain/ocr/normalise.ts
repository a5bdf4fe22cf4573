// Text normalisation for recognised Chinese documents: width, spacing and digit confusions.

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK}]) +| +(?=[${CJK}])`, 'g');

/**
 * Full-width letters, digits and punctuation become half-width (NFKC: ":" for ":", "(" for "("),
 * the recogniser's spaces between CJK characters go, other runs of spaces shrink to one.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\t\u00a0\u3000]/g, ' ')
    .split('\n')
    .map((line) => line.replace(SPACE_NEAR_CJK, '').replace(/ *([:()]) */g, '$1').replace(/ {2,}/g, ' ').replace(MIDDLE_DOT_MISREAD, '$1·').trim())
    .join('\n');
}

/**
 * A dot between two Chinese characters: Chinese prints no full stop there, so it is the middle dot
 * of a minority or foreign name (艾力·努尔) that the recogniser read as ".", "•" or "・" — or as "?"
 * (a stamp's ink around it): a question mark, ending a question, has no character glued after it.
 */
const MIDDLE_DOT_MISREAD = /([\u3400-\u9fff]) ?(?:[.•・‧∙⋅･]|\?(?! )) ?(?=[\u3400-\u9fff])/g;

/** For comparisons that should not depend on layout: normalised, with all whitespace removed. */
export const compactText = (text: string): string => normaliseText(text).replace(/\s+/g, '');

/** Letters the recogniser confuses with digits, as they should read in a numeric field. */
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0', o: '0', D: '0', Q: '0', U: '0', '〇': '0',
  l: '1', I: '1', i: '1', '|': '1', '!': '1', L: '1', ']': '1', '[': '1',
  Z: '2', z: '2',
  S: '5', s: '5', $: '5',
  G: '6', b: '6',
  T: '7',
  B: '8',
  g: '9', q: '9',
};

/**
 * Repairs a numeric field: look-alike letters become digits, separators and spaces go. `keep` lists
 * characters that are legitimately part of the field (the X of an ID number, the dot of an amount).
 */
export function fixDigits(value: string, keep = ''): string {
  let out = '';
  for (const ch of value.normalize('NFKC')) {
    if (/[0-9]/.test(ch) || keep.includes(ch)) out += ch;
    else if (keep.includes(ch.toUpperCase())) out += ch.toUpperCase();
    else if (DIGIT_LOOKALIKES[ch]) out += DIGIT_LOOKALIKES[ch];
  }
  return out;
}

/** Characters that stand for a digit in a numeric field (for regex classes: `[${DIGITISH}]`). */
export const DIGITISH = '0-9OolIiZSB|!\\]\\[';

// A dot may be read as a comma (2025,10.22).
const DATE = new RegExp(`([${DIGITISH}]{4})\\s*[年.,\\-/]\\s*([${DIGITISH}]{1,2})\\s*[月.,\\-/]\\s*([${DIGITISH}]{1,2})\\s*日?`);

/** "1985年3月12日", "1985.03.12", "1985-3-12", "19850312" → 1985-03-12 (digits repaired), or undefined. */
export function parseDate(value: string): string | undefined {
  const compact = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  const m = compact ?? DATE.exec(value.normalize('NFKC'));
  if (!m) return undefined;
  const [y, mo, d] = [fixDigits(m[1]!), fixDigits(m[2]!), fixDigits(m[3]!)];
  // No certificate a counter sees is dated outside 1900–2099: 2926 is a misread 2026, never a date.
  if (Number(y) < 1900 || Number(y) > 2099) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** A date printed 4-2-2 with one of its separators lost when read small (202408-13, 2025-0904, 2023年0611日) → ISO, or undefined. */
export function lostSeparatorDate(value: string): string | undefined {
  const m = /^((?:19|20)\d{2})(?:(\d{2})[-./](\d{2})|[-./](\d{2})(\d{2})|年(\d{2})(\d{2})日)$/.exec(value.replace(/\n/g, '').trim());
  if (m?.[6]) return parseDate(`${m[1]}-${m[6]}-${m[7]}`);
  return m ? parseDate(`${m[1]}-${m[2] ?? m[4]}-${m[3] ?? m[5]}`) : undefined;
}

/** Digits a low-resolution page's recogniser reads one for another (a 0 whose gap closed reads 9 or 8, a 7 as 1 …). */
const CONFUSED_DIGITS: Readonly<Record<string, string>> = { 0: '689', 1: '47', 2: '37', 3: '289', 4: '1', 5: '36', 6: '058', 7: '12', 8: '0369', 9: '038' };

/**
 * A written date that is no date (2026.97.30: no 97th month; 2926.10.06: no certificate from the
 * 30th century) made one by changing one digit of its month or day, or of a year outside 1900–2099,
 * for one it is often read as — when exactly one such change gives a real date. Answers the ISO
 * date, or undefined where none or several would.
 */
export function repairDate(value: string): string | undefined {
  const m = DATE.exec(value.normalize('NFKC'));
  if (!m || parseDate(m[0])) return undefined;
  const [y, mo, d] = [fixDigits(m[1]!), fixDigits(m[2]!), fixDigits(m[3]!)];
  const variants = (part: string) => [...part].flatMap((ch, i) => [...(CONFUSED_DIGITS[ch] ?? '')].map((c) => part.slice(0, i) + c + part.slice(i + 1)));
  // One digit wrong, not two: a year out of range is changed only where the month and day stand as read.
  const tried =
    Number(y) < 1900 || Number(y) > 2099
      ? variants(y).map((year) => `${year}年${mo}月${d}日`)
      : [...variants(mo).map((month) => `${y}年${month}月${d}日`), ...variants(d).map((day) => `${y}年${mo}月${day}日`)];
  const found = new Set(tried.map(parseDate).filter((iso) => iso !== undefined));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * "12,200.00" → 12200 (yuan). Dots and commas are told apart by position, since either may be
 * misread as the other: a last group of two digits (or one after a dot) holds the decimals, every
 * other separator must start a group of three. Mixed separators left over are refused.
 */
export function parseAmount(value: string): number | undefined {
  if (!/^[0-9OolIiSB,. ]+$/.test(value.normalize('NFKC'))) return undefined;
  const digits = fixDigits(value, ',.');
  const groups = digits.split(/[.,]/);
  const seps = digits.match(/[.,]/g) ?? [];
  if (groups.some((g) => g === '')) return undefined;
  let decimals = '0';
  const lastLen = groups[groups.length - 1]!.length;
  if (seps.length > 0 && (lastLen === 2 || (lastLen === 1 && seps[seps.length - 1] === '.'))) {
    decimals = groups.pop()!;
    seps.pop();
  }
  if (new Set(seps).size > 1) return undefined;
  if (groups.length > 1 && (groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3))) return undefined;
  const n = Number(`${groups.join('')}.${decimals}`);
  return Number.isFinite(n) ? n : undefined;
}

/** Levenshtein distance between two strings (by UTF-16 unit; CJK characters are single units). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** 1 − edit distance / truth length, on compacted text, floored at 0. */
export function characterAccuracy(recognised: string, truth: string): number {
  const t = compactText(truth);
  if (t.length === 0) return recognised.trim() === '' ? 1 : 0;
  return Math.max(0, 1 - editDistance(compactText(recognised), t) / t.length);
}
