// How much of a sealed ID number the clear (non-sealed, non-keyed-hash) values of stored documents
// give away. Facts are extracted once from all clear values (`clearFacts`); `exposureOf` then says,
// for one person's full number, which of the 18 positions those facts determine and why.
//
// Positions (0-based): 0–5 region code, 6–13 birth date, 14–16 sequence (16: odd male, even
// female), 17 check character. With 17 positions known the 18th follows from the checksum.

/** One clear value and where it was found (a document id and field path, for the report). */
export interface ClearValue {
  readonly path: string;
  readonly value: string | number | boolean;
}

/** Shenzhen districts: names and the ids the project uses for them reveal the region code. */
const REGION_HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/罗湖|luohu/i, '440303'],
  [/福田|futian/i, '440304'],
  [/南山|nanshan/i, '440305'],
  [/宝安|baoan/i, '440306'],
  [/龙岗|longgang/i, '440307'],
  [/盐田|yantian/i, '440308'],
  [/龙华|longhua/i, '440309'],
  [/坪山|pingshan/i, '440310'],
  [/光明|guangming/i, '440311'],
];

interface Fact {
  readonly path: string;
  readonly kind: 'date' | 'year' | 'age' | 'masked' | 'digits' | 'region' | 'gender';
  /** date: YYYYMMDD; year: YYYY; age: years; masked: 18 chars with '*' unknown; digits: the run; region: code; gender: 'odd'|'even'. */
  readonly text: string;
  /** age only: the year the age was stated in. */
  readonly year?: number;
}

export interface ClearFacts {
  readonly facts: readonly Fact[];
}

const SEALED = /^v\d+:/;
/** Field names whose values are sealed or keyed hashes (or CouchDB/RxDB bookkeeping), never clear facts. */
const SKIPPED_KEY = /(Enc|Hash|^_rev|^_meta|^_attachments|^_deleted|^sealed|^contentHash|^digest|^revpos)$/;

/** Every clear leaf value of a stored document (or any JSON value), with its path. */
export function clearValuesOf(doc: unknown, path = ''): ClearValue[] {
  if (doc === null || doc === undefined) return [];
  if (typeof doc === 'string') return SEALED.test(doc) ? [] : [{ path, value: doc }];
  if (typeof doc === 'number' || typeof doc === 'boolean') return [{ path, value: doc }];
  if (Array.isArray(doc)) return doc.flatMap((v, i) => clearValuesOf(v, `${path}[${i}]`));
  if (typeof doc === 'object') {
    return Object.entries(doc as Record<string, unknown>)
      .filter(([k]) => !SKIPPED_KEY.test(k))
      .flatMap(([k, v]) => clearValuesOf(v, path ? `${path}.${k}` : k));
  }
  return [];
}

const pad2 = (s: string) => s.padStart(2, '0');
const isDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1880 && y <= 2200 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

function datesIn(text: string): string[] {
  const out: string[] = [];
  const add = (y: string, m: string, d: string) => {
    if (isDate(Number(y), Number(m), Number(d))) out.push(`${y}${pad2(m)}${pad2(d)}`);
  };
  for (const m of text.matchAll(/(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g)) add(m[1]!, m[2]!, m[3]!);
  for (const m of text.matchAll(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/g)) add(m[1]!, m[2]!, m[3]!);
  // Eight digits inside any longer run too (an ID-like run carries its birth date at 6–13).
  for (const m of text.matchAll(/\d{8,}/g)) {
    for (let i = 0; i + 8 <= m[0].length; i++) add(m[0].slice(i, i + 4), m[0].slice(i + 4, i + 6), m[0].slice(i + 6, i + 8));
  }
  return out;
}

function yearsIn(key: string, text: string): string[] {
  const out: string[] = [];
  if (/^\s*\d{4}\s*年?\s*$/.test(text)) out.push(text.trim().slice(0, 4));
  for (const m of text.matchAll(/(?<!\d)(\d{4})\s*年(?!\s*\d{1,2}\s*月)/g)) out.push(m[1]!);
  if (/year|birth|born|出生/i.test(key)) for (const m of text.matchAll(/(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)/g)) out.push(m[1]!);
  return out.filter((y) => Number(y) >= 1880 && Number(y) <= 2200);
}

/** Masked forms (`440304********1234`, `****1234`, `4403**********`) aligned to 18 characters. */
function maskedIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[\dXx*]{4,}/g)) {
    const t = m[0].toUpperCase();
    if (!t.includes('*') || !/[\dX]/.test(t)) continue;
    // Longer than 18 (digits around it in raw bytes): every 18-character window is a candidate.
    if (t.length > 18) for (let i = 0; i + 18 <= t.length; i++) out.push(t.slice(i, i + 18));
    else if (t.length === 18) out.push(t);
    else if (t.startsWith('*')) out.push(t.padStart(18, '*'));
    else if (t.endsWith('*')) out.push(t.padEnd(18, '*'));
  }
  return out;
}

/** Facts of all clear values, extracted once. `asOfYear`: the year stated ages refer to. */
export function clearFacts(values: Iterable<ClearValue>, asOfYear = new Date().getUTCFullYear()): ClearFacts {
  const facts: Fact[] = [];
  for (const { path, value } of values) {
    const key = path.split('.').pop() ?? '';
    const text = String(value);
    // Record-keeping moments (createdAt, at, dueAt…) say when the office acted, not who the person is.
    const moment = /(^at|At)$/.test(key) && /^\d{4}-\d{2}-\d{2}T/.test(text);
    if (/(^|[^a-z])age$|Age$|年龄/.test(key) && /^\s*\d{1,3}\s*岁?\s*$/.test(text)) {
      facts.push({ path, kind: 'age', text: text.trim().replace('岁', ''), year: asOfYear });
    }
    if (/gender|sex|性别/i.test(key)) {
      if (text === '1' || text === '男' || text === 'male') facts.push({ path, kind: 'gender', text: 'odd' });
      if (text === '2' || text === '女' || text === 'female') facts.push({ path, kind: 'gender', text: 'even' });
    }
    if (typeof value !== 'string') {
      if (typeof value === 'number' && Number.isInteger(value)) yearsIn(key, text).forEach((y) => facts.push({ path, kind: 'year', text: y }));
      continue;
    }
    if (!moment) datesIn(text).forEach((d) => facts.push({ path, kind: 'date', text: d }));
    yearsIn(key, text).forEach((y) => facts.push({ path, kind: 'year', text: y }));
    maskedIn(text).forEach((m) => facts.push({ path, kind: 'masked', text: m }));
    for (const m of text.matchAll(/\d[\dXx]{5,}/g)) facts.push({ path, kind: 'digits', text: m[0].toUpperCase() });
    for (const [re, code] of REGION_HINTS) if (re.test(text)) facts.push({ path, kind: 'region', text: code });
  }
  return { facts };
}

export interface Disclosure {
  readonly path: string;
  readonly positions: readonly number[];
  readonly reason: string;
}

export interface Exposure {
  /** known[i]: position i of the number follows from clear values. */
  readonly known: readonly boolean[];
  readonly unknownCount: number;
  readonly disclosures: readonly Disclosure[];
  /** Facts that narrow a position without fixing it (gender: parity of position 16). */
  readonly constraints: readonly Disclosure[];
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Which positions of `idNumber` (18 characters) the facts determine. */
export function exposureOf(idNumber: string, clear: ClearFacts): Exposure {
  const id = idNumber.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) throw new Error('exposureOf needs an 18-character ID number');
  const birth = id.slice(6, 14);
  const disclosures: Disclosure[] = [];
  const constraints: Disclosure[] = [];
  const add = (path: string, positions: number[], reason: string) => positions.length > 0 && disclosures.push({ path, positions, reason });
  for (const f of clear.facts) {
    switch (f.kind) {
      case 'date':
        if (f.text === birth) add(f.path, range(6, 14), `出生日期${f.text}`);
        break;
      case 'year':
        if (f.text === birth.slice(0, 4)) add(f.path, range(6, 10), `出生年份${f.text}`);
        break;
      case 'age': {
        // Stated in year Y, an age n means born in Y−n or Y−n−1: the digits both share are known.
        const a = String(f.year! - Number(f.text));
        const b = String(f.year! - Number(f.text) - 1);
        if (a === birth.slice(0, 4) || b === birth.slice(0, 4)) add(f.path, range(6, 10).filter((p) => a[p - 6] === b[p - 6]), `年龄${f.text}`);
        break;
      }
      case 'masked': {
        // A masked form counts for this person only when every visible character agrees.
        const visible = range(0, 18).filter((p) => f.text[p] !== '*');
        if (visible.every((p) => f.text[p] === id[p])) add(f.path, visible, `遮挡号码${f.text}`);
        break;
      }
      case 'digits':
        add(f.path, runPositions(id, f.text), `数字串${f.text}`);
        break;
      case 'region':
        if (f.text === id.slice(0, 6)) add(f.path, range(0, 6), `地区${f.text}`);
        break;
      case 'gender':
        if ((Number(id[16]) % 2 === 1) === (f.text === 'odd')) constraints.push({ path: f.path, positions: [16], reason: '性别(第17位奇偶)' });
        break;
    }
  }
  const known = range(0, 18).map((p) => disclosures.some((d) => d.positions.includes(p)));
  // The check character binds the 18: seventeen known give the last unknown one.
  if (known.filter(Boolean).length >= 17) known.fill(true);
  return { known, unknownCount: known.filter((k) => !k).length, disclosures, constraints };
}

/** Positions of `id` covered by stretches of at least 6 characters that `run` shares with it. */
function runPositions(id: string, run: string): number[] {
  const hit = new Set<number>();
  for (let i = 0; i < id.length; i++) {
    for (let j = 0; j < run.length; j++) {
      if (i > 0 && j > 0 && id[i - 1] === run[j - 1]) continue; // not the start of a common stretch
      let n = 0;
      while (i + n < id.length && j + n < run.length && id[i + n] === run[j + n]) n++;
      if (n >= 6) for (let k = 0; k < n; k++) hit.add(i + k);
    }
  }
  return [...hit].sort((a, b) => a - b);
}

/** The fewest unknown positions over several persons, with the worst person's number masked. */
export function leastUnknown(ids: Iterable<string>, clear: ClearFacts): { min: number; worst?: Exposure & { idNumber: string } } {
  let worst: (Exposure & { idNumber: string }) | undefined;
  for (const idNumber of ids) {
    const e = exposureOf(idNumber, clear);
    if (!worst || e.unknownCount < worst.unknownCount) worst = { ...e, idNumber };
  }
  return { min: worst?.unknownCount ?? 18, ...(worst ? { worst } : {}) };
}
