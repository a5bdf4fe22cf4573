// Finding printed labels (姓名, 公民身份号码 …) in recognised lines, tolerating a misread character in
// long labels, and cutting out the value that follows each label.
import { editDistance } from './normalise';

export interface ReadLine {
  readonly text: string;
  /** 0..1 */
  readonly confidence: number;
  /** Confidence of parts of the line (table cells), by character offset; else the line's. */
  readonly spans?: readonly { readonly start: number; readonly end: number; readonly confidence: number }[];
}

/** Confidence of the text between `start` and `end` of a line. */
function confidenceAt(line: ReadLine, start: number, end: number): number {
  const hit = line.spans?.filter((s) => s.start < end && s.end > start) ?? [];
  return hit.length === 0 ? line.confidence : Math.min(...hit.map((s) => s.confidence));
}

export interface LabelledValue {
  readonly label: string;
  readonly value: string;
  readonly confidence: number;
  readonly line: number;
}

interface Hit {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly cost: number;
}

/** Edits allowed when matching a label of this length: none for short labels. */
const tolerance = (len: number) => (len >= 6 ? 2 : len >= 4 ? 1 : 0);

function findLabel(text: string, label: string, from: number): Hit | undefined {
  const exact = text.indexOf(label, from);
  if (exact >= 0) return { label, start: exact, end: exact + label.length, cost: 0 };
  const tol = tolerance(label.length);
  if (tol === 0) return undefined;
  let best: Hit | undefined;
  for (let start = from; start < text.length; start++) {
    for (let len = label.length - tol; len <= label.length + tol; len++) {
      if (start + len > text.length) break;
      const cost = editDistance(text.slice(start, start + len), label);
      // The first character must match, so a label is not found inside the value before it.
      if (cost <= tol && text[start] === label[0] && (!best || cost < best.cost)) best = { label, start, end: start + len, cost };
    }
    if (best) return best;
  }
  return undefined;
}

/**
 * Splits each line at the known labels (longest first, no overlaps) and returns, in reading order,
 * every label with the text up to the next label. Whitespace inside values is removed.
 */
export function labelledValues(lines: readonly ReadLine[], labels: readonly string[]): LabelledValue[] {
  const byLength = [...labels].sort((a, b) => b.length - a.length);
  const out: LabelledValue[] = [];
  lines.forEach((line, index) => {
    const text = line.text;
    const hits: Hit[] = [];
    for (const label of byLength) {
      let from = 0;
      for (;;) {
        const hit = findLabel(text, label, from);
        if (!hit) break;
        if (!hits.some((h) => hit.start < h.end && hit.end > h.start)) hits.push(hit);
        from = hit.end;
      }
    }
    hits.sort((a, b) => a.start - b.start);
    hits.forEach((hit, i) => {
      const next = hits[i + 1]?.start ?? text.length;
      const value = text
        .slice(hit.end, next)
        .replace(/^[\s::.,、|]+|[\s|]+$/g, '')
        .replace(/\s+/g, '');
      out.push({ label: hit.label, value, confidence: confidenceAt(line, hit.end, Math.max(hit.end + 1, next)), line: index });
    });
  });
  return out;
}

/** The first (or n-th) value of a label. */
export const valueOf = (values: readonly LabelledValue[], label: string, nth = 0): LabelledValue | undefined =>
  values.filter((v) => v.label === label)[nth];
