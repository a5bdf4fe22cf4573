// Identity evidence in one place: the ID card as read, the papers (name and ID number read by OCR
// from the scanned certificates), the face captured at the counter and the fingerprint taken there,
// compared pair by pair. Each pair is a match, a mismatch showing both values, or not checked with
// the reason. Computed at the check step, recorded (signed) on the case's submit event, shown again
// in the dossier. A mismatch flags the case for the reviewer (`identity_mismatch`).
import type { IdCard } from '../devices';
import { checkIdNumber } from '../identity/idnumber';
import { modelCanRead, readWithout } from '../ocr/model-chars';
import type { IntakeDraft } from './draft';

export type EvidencePair = 'card_paper' | 'card_face' | 'face_on_file' | 'fingerprint_verify';
export const EVIDENCE_PAIRS: readonly EvidencePair[] = ['card_paper', 'card_face', 'face_on_file', 'fingerprint_verify'];

/** One comparison: what was compared, and both values when they differ. */
export interface EvidenceCheck {
  /** What is compared, in Chinese: 户口簿 姓名, 人脸比对距离… */
  readonly what: string;
  readonly result: 'match' | 'mismatch';
  /** The card's (or the reference) value and the other one; masked ID numbers only. */
  readonly left: string;
  readonly right: string;
  /** Why a check counts as it does beyond the two values (a character the recogniser cannot read), in Chinese. */
  readonly note?: string;
}

export interface PairResult {
  readonly pair: EvidencePair;
  readonly result: 'match' | 'mismatch' | 'not_checked';
  /** Why nothing was compared (not_checked), in Chinese. */
  readonly reason?: string;
  readonly checks: readonly EvidenceCheck[];
}

export interface IdentityEvidence {
  readonly pairs: readonly PairResult[];
}

/** The face captured at the counter against this person's faces on file (earlier cases), as compared at the face step. */
export interface FaceMatchRecord {
  readonly comparedWith: readonly { readonly caseId: string; readonly capturedAt: string; readonly distance: number; readonly match: boolean }[];
}

/** The live finger verified against the template taken at the counter (the fingerprint step's verify). */
export interface FingerprintMatchRecord {
  readonly match: boolean;
  readonly score: number;
  readonly at: string;
}

/** OCR field names as extraction writes them (domain/ocr), or as their Chinese labels. */
const NAME_KEYS = ['name', '姓名'];
const ID_KEYS = ['idNumber', '公民身份号码', '身份证号码', '身份证号'];
const field = (fields: Readonly<Record<string, string>>, keys: readonly string[]): string => keys.map((k) => fields[k]).find((v) => typeof v === 'string' && v.trim() !== '') ?? '';
const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase();
const mask = (id: string) => (id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : id.replace(/\d(?=\d{4})/g, '*'));
const LABELS: Readonly<Record<string, string>> = {
  hukou_book: '户口簿',
  marriage_proof: '婚姻证明',
  income_proof: '收入证明',
  social_insurance: '社保缴纳记录',
  property_search: '不动产查询结果',
  bank_statement: '银行流水',
};

function settle(pair: EvidencePair, checks: EvidenceCheck[], reason: string): PairResult {
  if (checks.length === 0) return { pair, result: 'not_checked', reason, checks };
  return { pair, result: checks.some((c) => c.result === 'mismatch') ? 'mismatch' : 'match', checks };
}

/**
 * The name on paper against the card's. A name with a character the recogniser does not know (赟,
 * 曌: rare characters parents choose) is never read right from paper: where the rest is the same and
 * the paper's ID number is the card's, the two agree, with a note that the clerk checks that
 * character by eye. Without the number the difference stays a mismatch.
 */
function nameCheck(paper: string, card: IdCard, read: string, sameNumber: boolean): EvidenceCheck {
  const what = `${paper} 姓名`;
  const cardName = norm(card.name);
  if (cardName === norm(read)) return { what, result: 'match', left: card.name, right: read };
  if (!sameNumber || !readWithout(norm(read), cardName, modelCanRead)) return { what, result: 'mismatch', left: card.name, right: read };
  const rare = [...new Set([...cardName].filter((c) => !modelCanRead(c)))].join('、');
  return { what, result: 'match', left: card.name, right: read, note: `“${rare}”不在识别字库中,纸质材料上无法识别;其余字与身份证号码一致,请目视核对原件` };
}

/** Card ↔ paper: each scanned certificate's name and ID number against the card of the member it names. */
function cardPaper(draft: IntakeDraft): PairResult {
  const cards = draft.members.flatMap((m) => (m.card ? [{ member: m, card: m.card }] : []));
  const checks: EvidenceCheck[] = [];
  if (cards.length === 0) return settle('card_paper', checks, '未读取居民身份证');
  const applicant = cards.find((c) => c.member.relation === 'applicant') ?? cards[0]!;
  for (const scan of draft.scans) {
    const paper = LABELS[scan.materialCode] ?? scan.materialCode;
    const rawName = field(scan.fields, NAME_KEYS);
    const id = norm(field(scan.fields, ID_KEYS));
    const name = norm(rawName);
    if (!id && !name) continue;
    const byId = id ? cards.find((c) => norm(c.card.idNumber) === id) : undefined;
    const byName = name ? cards.find((c) => norm(c.card.name) === name) : undefined;
    const holder: { card: IdCard } = byId ?? byName ?? applicant;
    if (id) {
      const valid = checkIdNumber(id).valid;
      checks.push({ what: `${paper} 公民身份号码`, result: norm(holder.card.idNumber) === id ? 'match' : 'mismatch', left: mask(holder.card.idNumber), right: valid ? mask(id) : `${mask(id)}(校验不通过)` });
    }
    if (name) checks.push(nameCheck(paper, holder.card, rawName.trim(), id !== '' && norm(holder.card.idNumber) === id));
  }
  return settle('card_paper', checks, draft.scans.length === 0 ? '未扫描证明材料' : '扫描件未识别出姓名或身份证号');
}

export function identityEvidence(draft: IntakeDraft, counter: { readonly face?: FaceMatchRecord | null; readonly fingerprint?: FingerprintMatchRecord | null }): IdentityEvidence {
  const applicant = draft.members.find((m) => m.relation === 'applicant');
  const cardFace = settle('card_face', [], !applicant?.card ? '未读取居民身份证' : draft.face ? '身份证照片为加密WLT格式,本机无解码模块,未比对' : '未采集现场人像');
  const onFile: EvidenceCheck[] = (counter.face?.comparedWith ?? []).map((c) => ({
    what: `与${c.capturedAt.slice(0, 10)}办件留存人像比对(距离,阈值0.50)`,
    result: c.match ? 'match' : 'mismatch',
    left: '留存人像',
    right: `距离 ${c.distance.toFixed(2)}`,
  }));
  const faceOnFile = settle('face_on_file', onFile, !draft.face ? '未采集现场人像' : '本人无留存人像(首次办理)');
  const fp = counter.fingerprint;
  const fingerprint = settle(
    'fingerprint_verify',
    fp && draft.fingerprint ? [{ what: '现场指纹验证(比对采集模板)', result: fp.match ? 'match' : 'mismatch', left: `采集模板(质量 ${draft.fingerprint.quality})`, right: `比对得分 ${fp.score}` }] : [],
    !draft.fingerprint ? '未采集指纹' : '已采集指纹,未做现场验证',
  );
  return { pairs: [cardPaper(draft), cardFace, faceOnFile, fingerprint] };
}

export const hasMismatch = (e: IdentityEvidence): boolean => e.pairs.some((p) => p.result === 'mismatch');

/** Reads evidence stored on a submit event; anything malformed is treated as absent. */
export function evidenceOf(payload: unknown): IdentityEvidence | null {
  const e = (payload as { identity?: unknown } | null)?.identity as IdentityEvidence | undefined;
  if (!e || !Array.isArray(e.pairs)) return null;
  const ok = e.pairs.every((p) => EVIDENCE_PAIRS.includes(p?.pair) && ['match', 'mismatch', 'not_checked'].includes(p?.result) && Array.isArray(p?.checks));
  return ok ? e : null;
}
