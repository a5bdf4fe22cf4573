// Field confidence that means something: a field's confidence is the accuracy measured, on the
// tuning sets (the corpus, the development set and the field set — three generators written apart;
// never the held-out pages), for fields of its type with the same evidence — checked against
// another field, plainly valid, repaired or invalid — and whether two independent reads of the page
// (as it is, and preprocessed) agreed on it. The table is written by
// `npx tsx bench/intake-ocr.ts N --sets=corpus,dev,field --calibrate` and is a lower confidence bound (Wilson,
// 95 %, the worst of the three sets and of the captures), so a class seen rarely scores low. A
// repaired or invalid value never scores above REPAIRED_CAP.

/** What a value is: how it can be checked. */
export type FieldType = 'id' | 'date' | 'name' | 'amount' | 'enum' | 'text' | 'count';

/** checked: confirmed by another field (a checksum-valid ID's birth date, a repeated name); valid: well formed; repaired: changed to pass; invalid: failed. */
export type Evidence = 'checked' | 'valid' | 'repaired' | 'invalid';

/** The highest confidence a repaired, truncated or contradicted value can get. */
export const REPAIRED_CAP = 0.5;

/**
 * The highest confidence of free text nothing on the page can check (an employer, an address, an
 * account or certificate number, a name no other field repeats): one misread character leaves it
 * well formed, and how often that happens depends on fonts and paper more than any corpus shows
 * (tuning corpus 49 of 55 such texts right, the held-out pages 5 of 13). The clerk checks it.
 */
export const UNCHECKED_TEXT_CAP = 0.85;

/** Used for a class the corpus never produced. */
const UNSEEN = 0.5;

/**
 * The highest confidence of a value found without its label (the page's one checksum-valid ID
 * number, its label misread): a valid number need not be the applicant's, so it is a class of its
 * own and never as high as a labelled one.
 */
export const UNLABELLED_CAP = 0.75;

export const calibrationKey = (type: FieldType, evidence: Evidence, agree: boolean, unlabelled = false): string =>
  `${type}:${evidence}:${agree ? 'agree' : 'single'}${unlabelled ? ':unlabelled' : ''}`;

/** Measured lower bounds of accuracy per class (see the header); regenerate, do not edit by hand. */
export const CALIBRATION: Readonly<Record<string, number>> = {
  // @calibration-start
  'amount:checked:agree': 0.83,
  'amount:checked:single': 0.6,
  'amount:invalid:agree': 0.34,
  'amount:valid:agree': 0.89,
  'amount:valid:single': 0.56,
  'count:checked:agree': 0.43,
  'count:valid:agree': 0.79,
  'count:valid:single': 0.3,
  'date:checked:agree': 0.91,
  'date:checked:single': 0.56,
  'date:valid:agree': 0.8,
  'date:valid:single': 0.37,
  'enum:checked:agree': 0.91,
  'enum:checked:single': 0.6,
  'enum:invalid:agree': 0,
  'enum:invalid:single': 0,
  'enum:repaired:single': 0.34,
  'enum:valid:agree': 0.92,
  'enum:valid:single': 0.64,
  'id:checked:agree': 0.9,
  'id:checked:agree:unlabelled': 0.6,
  'id:checked:single': 0.6,
  'id:checked:single:unlabelled': 0.51,
  'id:invalid:single': 0,
  'id:repaired:single': 0.2,
  'id:valid:agree': 0.93,
  'id:valid:agree:unlabelled': 0.56,
  'id:valid:single': 0.2,
  'name:checked:agree': 0.78,
  'name:checked:single': 0.16,
  'name:invalid:agree': 0,
  'name:invalid:single': 0,
  'name:repaired:agree': 0.43,
  'name:repaired:single': 0,
  'name:valid:agree': 0.8,
  'name:valid:single': 0.49,
  'text:invalid:agree': 0,
  'text:repaired:agree': 0.34,
  'text:repaired:single': 0.3,
  'text:valid:agree': 0.83,
  'text:valid:single': 0.3,
  // @calibration-end
};

/** A field's confidence from its class (`table`: the committed CALIBRATION, or one being fitted). */
export function confidenceFor(read: { readonly type: FieldType; readonly evidence: Evidence; readonly unlabelled?: boolean }, agree: boolean, table: Readonly<Record<string, number>> = CALIBRATION): number {
  const measured = table[calibrationKey(read.type, read.evidence, agree, read.unlabelled)] ?? UNSEEN;
  const doubtful = read.evidence === 'repaired' || read.evidence === 'invalid';
  const unchecked = (read.type === 'text' || read.type === 'name') && read.evidence !== 'checked';
  const cap = Math.min(doubtful ? REPAIRED_CAP : unchecked ? UNCHECKED_TEXT_CAP : 1, read.unlabelled ? UNLABELLED_CAP : 1);
  const capped = Math.min(measured, cap);
  return Math.round(capped * 100) / 100;
}

/** Wilson score interval's lower end for `right` of `n` (z = 1.96). */
export function wilsonLower(right: number, n: number, z = 1.96): number {
  if (n === 0) return 0;
  const p = right / n;
  const d = 1 + (z * z) / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return Math.max(0, (centre - spread) / d);
}
