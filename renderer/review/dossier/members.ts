// The household of a case as a reviewer sees it: every member with the masked ID number stored
// beside the sealed one, and the card as read at the counter without anything that would give the
// number back (no birth date: with the masked number it completes all 18 digits; the age instead).
// The full number is opened only through `revealMemberIdNumber`, which first writes a signed
// `id_unmask` audit entry naming who, which person and case, and why.
import { openText } from '../../../domain/crypto/sealing';
import { genderName, nationName, type IdCard } from '../../../domain/devices';
import { AppError } from '../../../domain/errors';
import { checkIdNumber } from '../../../domain/identity/idnumber';
import type { CaseDoc, HouseholdDoc, PersonDoc } from '../../../domain/model';
import type { HouseholdMember } from '../../../domain/model/people';
import { keepsAudit, recordAudit } from '../../audit/audit-log';
import type { CaseContext } from '../../cases/case-store';

/** Why the dossier shows a member's full ID number; recorded with every unmasking. */
export const UNMASK_REASON_DOSSIER = '审核办件时核对家庭成员身份证号';

/** The card as read, without the number, the birth date or the photo. */
export interface CardSummary {
  readonly name: string;
  readonly gender: string;
  readonly nation: string;
  readonly address: string;
  readonly issuer: string;
  readonly validTo: string;
  /** True when the card carried a fingerprint block (command 30 10). */
  readonly hasFingerprint: boolean;
}

export interface MemberRow {
  readonly personId: string;
  readonly name: string;
  readonly relation: HouseholdMember['relation'];
  readonly idMasked: string;
  readonly gender: PersonDoc['gender'];
  readonly hukou: PersonDoc['hukou'];
  /** Whole years on the day the dossier is read; null when the sealed number cannot be opened here. */
  readonly age: number | null;
  readonly annualIncome: number | null;
  readonly ownsHousingInShenzhen: boolean | null;
  /** Null when no card was read (e.g. a child's number from the 户口簿). */
  readonly card: CardSummary | null;
}

export interface Household {
  readonly household: HouseholdDoc | null;
  readonly members: readonly MemberRow[];
  /** The people's documents, for readers that need sealed fields (rules, duplicates). */
  readonly persons: ReadonlyMap<string, PersonDoc>;
}

const json = <T>(d: { toJSON(): unknown }) => d.toJSON() as T;

function ageOn(birthDate: string, today: string): number {
  return Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0);
}

async function cardOf(ctx: CaseContext, person: PersonDoc): Promise<CardSummary | null> {
  if (!person.cardRawEnc) return null;
  try {
    const card = JSON.parse(await openText(ctx.keys.data, person.cardRawEnc)) as IdCard;
    return {
      name: card.name,
      gender: genderName(card.genderCode),
      nation: nationName(card.nationCode),
      address: card.address,
      issuer: card.issuer,
      validTo: card.validTo,
      hasFingerprint: Boolean(card.fingerprintData),
    };
  } catch {
    return null; // sealed with a key this workstation does not hold
  }
}

async function ageOf(ctx: CaseContext, person: PersonDoc, today: string): Promise<number | null> {
  try {
    const id = checkIdNumber(await openText(ctx.keys.data, person.idNumberEnc));
    return id.valid ? ageOn(id.info.birthDate, today) : null;
  } catch {
    return null;
  }
}

/** The case's household: members in the household's order (applicant first), masked. */
export async function readHousehold(ctx: CaseContext, caseDoc: CaseDoc, today: string): Promise<Household> {
  const householdDoc = await ctx.db.people.findOne(caseDoc.householdId).exec();
  const household = householdDoc ? json<HouseholdDoc>(householdDoc) : null;
  const listed: HouseholdMember[] = household
    ? [...household.members]
    : [{ personId: caseDoc.applicantPersonId, relation: 'applicant', annualIncome: null, ownsHousingInShenzhen: null }];
  const docs = await ctx.db.people.findByIds(listed.map((m) => m.personId)).exec();
  const persons = new Map<string, PersonDoc>();
  const members: MemberRow[] = [];
  for (const m of listed) {
    const doc = docs.get(m.personId);
    if (!doc) continue; // not synced here yet
    const person = json<PersonDoc>(doc);
    persons.set(person.id, person);
    members.push({
      personId: person.id,
      name: person.name,
      relation: m.relation,
      idMasked: person.idMasked,
      gender: person.gender,
      hukou: person.hukou,
      age: await ageOf(ctx, person, today),
      annualIncome: m.annualIncome,
      ownsHousingInShenzhen: m.ownsHousingInShenzhen,
      card: await cardOf(ctx, person),
    });
  }
  return { household, members, persons };
}

/**
 * Opens one member's full ID number: refused without a purpose or without an audit log; the
 * `id_unmask` entry is written (and signed) before the number is opened, so no read goes unlogged.
 */
export async function revealMemberIdNumber(ctx: CaseContext, caseDoc: CaseDoc, personId: string, reason: string = UNMASK_REASON_DOSSIER): Promise<string> {
  if (reason.trim() === '') throw new AppError('UNMASK_REASON', '查看完整身份证号须说明用途');
  if (!keepsAudit(ctx.db)) throw new AppError('AUDIT_UNAVAILABLE', '审计日志不可用,不能查看完整身份证号');
  const household = await ctx.db.people.findOne(caseDoc.householdId).exec();
  const inCase = personId === caseDoc.applicantPersonId || (household ? json<HouseholdDoc>(household).members.some((m) => m.personId === personId) : false);
  const doc = inCase ? await ctx.db.people.findOne(personId).exec() : null;
  if (!doc || doc.get('type') !== 'person') throw new AppError('NOT_FOUND', '该人员不是本办件的家庭成员,不能查看其证件号');
  const person = json<PersonDoc>(doc);
  await recordAudit(ctx, 'id_unmask', person.id, { caseId: caseDoc.id, field: 'idNumber', reason: reason.trim() });
  return openText(ctx.keys.data, person.idNumberEnc);
}
