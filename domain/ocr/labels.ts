// A recognised text line, as the extractors read it (meaning.ts finds labels and values in them).

export interface ReadLine {
  readonly text: string;
  /** 0..1 */
  readonly confidence: number;
  /** Confidence of parts of the line (table cells), by character offset; else the line's. */
  readonly spans?: readonly { readonly start: number; readonly end: number; readonly confidence: number }[];
  /** The index of the recognised line this one was made from (tables.ts); its own index when absent. */
  readonly origin?: number;
}

/**
 * Labels printed one character under another in a narrow box (常住人口登记卡 designs with vertical
 * labels): read as a cell, their characters come out of order (名姓, 期出生日) or partly (户与主 for
 * 与户主关系).
 */
const BOXED_LABELS = ['姓名', '性别', '民族', '出生日期', '与户主关系', '籍贯', '出生地', '职业', '文化程度', '婚姻状况', '兵役状况', '身份证号', '公民身份号码', '服务处所', '宗教信仰', '登记日期'];

const sorted = (s: string) => [...s].sort().join('');

/** `part`'s characters are all among `whole`'s (each as often at most). */
function within(part: string, whole: string): boolean {
  const left = [...whole];
  for (const c of part) {
    const i = left.indexOf(c);
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

/** The label a cell's scrambled characters spell: all of its characters in another order, or three or more of a longer one's. */
export function boxedLabel(cell: string): string | undefined {
  if (!/^[\u3400-\u9fff]{2,6}$/.test(cell) || BOXED_LABELS.includes(cell)) return undefined;
  const same = BOXED_LABELS.filter((l) => sorted(l) === sorted(cell));
  if (same.length === 1) return same[0];
  const partOf = cell.length >= 3 ? BOXED_LABELS.filter((l) => l.length > cell.length && cell.length >= 0.6 * l.length && within(cell, l)) : [];
  return partOf.length === 1 ? partOf[0] : undefined;
}

/** Lines read by cells with each scrambled label cell put back in order (the cells' offsets follow). */
export function withBoxedLabels(lines: readonly ReadLine[]): ReadLine[] {
  return lines.map((line) => {
    if (!line.spans || !line.spans.some((s) => boxedLabel(line.text.slice(s.start, s.end)))) return line;
    let text = '';
    let last = 0;
    const spans = line.spans.map((s) => {
      const cell = line.text.slice(s.start, s.end);
      text += line.text.slice(last, s.start);
      const start = text.length;
      text += boxedLabel(cell) ?? cell;
      last = s.end;
      return { start, end: text.length, confidence: s.confidence };
    });
    return { ...line, text: text + line.text.slice(last), spans };
  });
}
