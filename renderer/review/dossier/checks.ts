// The checks behind a case, made again from what the case stores: the eligibility rules with their
// reasons, the duplicate-benefit hits of every member (with the other case), the face captured at
// intake against this person's earlier enrolments, and the fingerprint record. Clear values (ID
// numbers, descriptors) are opened for the comparison only and never returned; what is returned is
// what the screen shows (masked numbers inside the hit messages, distances, outcomes).
import { openText } from '../../../domain/crypto/sealing';
import { compareDescriptors } from '../../../domain/face/match';
import type { DuplicateHit } from '../../../domain/identity/checks';
import type { CaseDoc, HouseholdDoc, PersonDoc } from '../../../domain/model';
import type { BiometricDoc } from '../../../domain/model/files';
import { DEFAULT_THRESHOLD_DOCS, evaluateApplication, resolveThresholds, type Evaluation } from '../../../domain/rules';
import type { CaseContext } from '../../cases/case-store';
import { checkDuplicateBenefits } from '../../cases/duplicates';
import type { IdCard } from '../../../domain/devices';
import { earlierFaces } from '../../intake/earlier-faces';
import { evidenceOf, type IdentityEvidence } from '../../../domain/intake/identity-evidence';
import { applicationOf } from '../../../domain/policy/application-of';

export interface MemberHits {
  readonly personId: string;
  readonly name: string;
  readonly hits: readonly DuplicateHit[];
}

export interface FaceCheck {
  readonly capturedAt: string;
  /** This person's faces enrolled for other cases, nearest first. */
  readonly earlier: readonly { readonly caseId: string; readonly capturedAt: string; readonly distance: number; readonly match: boolean }[];
}

export interface FingerprintCheck {
  readonly module: string;
  readonly quality: number | null;
  readonly finger: string | null;
  readonly purged: boolean;
}

export interface Checks {
  /** Null when the programme has no thresholds in force for the district on the day. */
  readonly rules: Evaluation | null;
  readonly duplicates: readonly MemberHits[];
  /** Null when no face was captured (or it was purged). */
  readonly face: FaceCheck | null;
  readonly fingerprint: FingerprintCheck | null;
  /** The identity evidence recorded (signed) with the case's last submission; null for older cases. */
  readonly identity: IdentityEvidence | null;
}

const json = <T>(d: { toJSON(): unknown }) => d.toJSON() as T;

async function open(ctx: CaseContext, sealed: string | null | undefined): Promise<string | null> {
  if (!sealed) return null;
  try {
    return await openText(ctx.keys.data, sealed);
  } catch {
    return null;
  }
}

export async function readChecks(ctx: CaseContext, caseDoc: CaseDoc, household: HouseholdDoc | null, persons: ReadonlyMap<string, PersonDoc>, now: Date): Promise<Checks> {
  const today = now.toISOString().slice(0, 10);
  const clear = new Map<string, { id: string; card: IdCard | null }>();
  for (const p of persons.values()) {
    const id = await open(ctx, p.idNumberEnc);
    const raw = await open(ctx, p.cardRawEnc);
    if (id) clear.set(p.id, { id, card: raw ? (JSON.parse(raw) as IdCard) : null });
  }

  const duplicates: MemberHits[] = [];
  const byPerson = new Map<string, readonly DuplicateHit[]>();
  for (const p of persons.values()) {
    const c = clear.get(p.id);
    if (!c) continue;
    const hits = await checkDuplicateBenefits(ctx, c.id, { excludeCaseId: caseDoc.id });
    byPerson.set(p.id, hits);
    duplicates.push({ personId: p.id, name: p.name, hits });
  }

  const thresholds = resolveThresholds(DEFAULT_THRESHOLD_DOCS, caseDoc.businessItem, caseDoc.districtId, caseDoc.createdAt.slice(0, 10));
  const rules = thresholds.ok ? evaluateApplication(applicationOf(caseDoc, household, persons, clear, today), thresholds.value.thresholds, { duplicates: byPerson, today: now }) : null;

  const biometrics = (await ctx.db.files.find({ selector: { caseId: caseDoc.id, type: 'biometric' } }).exec()).map((d) => json<BiometricDoc>(d));
  const faceDoc = biometrics.find((b) => b.kind === 'face' && !b.purged);
  let face: FaceCheck | null = null;
  const faceOf = faceDoc ? await open(ctx, faceDoc.dataEnc) : null;
  const applicantId = clear.get(caseDoc.applicantPersonId)?.id;
  if (faceDoc && faceOf && applicantId) {
    const mine = JSON.parse(faceOf) as number[];
    const earlier = (await earlierFaces(ctx, applicantId))
      .filter((f) => f.caseId !== caseDoc.id)
      .map((f) => ({ caseId: f.caseId, capturedAt: f.capturedAt, ...compareDescriptors(mine, f.descriptor) }))
      .sort((a, b) => a.distance - b.distance)
      .map(({ caseId, capturedAt, distance, match }) => ({ caseId, capturedAt, distance, match }));
    face = { capturedAt: faceDoc.createdAt, earlier };
  }
  const fp = biometrics.find((b) => b.kind === 'fingerprint');
  const fingerprint = fp ? { module: fp.model, quality: fp.quality, finger: fp.finger, purged: fp.purged } : null;
  const submits = (await ctx.db.events.find({ selector: { caseId: caseDoc.id, kind: 'submit' } }).exec()).map((d) => d.toJSON() as unknown as { at: string; payload: unknown });
  const lastSubmit = submits.sort((a, b) => (a.at < b.at ? -1 : 1)).at(-1);
  return { rules, duplicates, face, fingerprint, identity: lastSubmit ? evidenceOf(lastSubmit.payload) : null };
}
