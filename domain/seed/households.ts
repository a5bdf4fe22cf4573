// Demo households: applicant, spouse and children with incomes and assets spread around the limits.
// Sensitive values are returned in clear under `clear`, for the caller to encrypt and hash.
import type { IsoDateTime } from '../model/common';
import { nameKey } from '../model/common';
import { PEOPLE_SCHEMA_VERSION, type HouseholdDoc, type HouseholdMember, type PersonDoc, type Relation } from '../model/people';
import { maskIdNumber } from '../identity/idnumber';
import type { Sex } from './names';
import { randomSurname } from './names';
import type { SeedIdentity } from './persons';
import { addDays, birthDateFor, randomIdentity } from './persons';
import type { SeedStreet } from './places';
import { randomAddress } from './places';
import type { Rng } from './prng';

type SealedPersonFields = 'idNumberEnc' | 'idHash' | 'phoneEnc' | 'phoneHash' | 'cardAddressEnc';

/** A person document whose sensitive fields are still in clear under `clear`. */
export type SeedPerson = Omit<PersonDoc, SealedPersonFields> & {
  /** Known to the generator only: sealed (number, phone, address) or not stored at all (the dates, see PersonDoc). */
  readonly clear: {
    readonly idNumber: string;
    readonly phone: string | null;
    readonly cardAddress: string;
    readonly birthDate: string;
    readonly cardValidFrom: string | null;
  };
};
export type SeedHousehold = Omit<HouseholdDoc, 'addressEnc'> & { readonly clear: { readonly address: string } };

export interface HouseholdLimits {
  readonly incomePerCapita: number;
  readonly assetsSmall: number;
  readonly assetsLarge: number;
}

export interface HouseholdContext {
  readonly id: string;
  readonly officeId: string;
  readonly street: SeedStreet;
  readonly asOf: string;
  readonly at: IsoDateTime;
  readonly limits: HouseholdLimits;
}

export interface SeedHouseholdResult {
  readonly household: SeedHousehold;
  readonly persons: readonly SeedPerson[];
  readonly applicant: SeedPerson;
}

const round100 = (n: number) => Math.max(0, Math.round(n / 100) * 100);

export function generateHousehold(rng: Rng, ctx: HouseholdContext): SeedHouseholdResult {
  const address = randomAddress(rng, ctx.street);
  const region = ctx.street.district.regionCode;
  const applicantSex: Sex = rng.chance(0.5) ? 'male' : 'female';
  const surname = randomSurname(rng);
  const applicantBirth = birthDateFor(rng, ctx.asOf, 22, 65);
  const married = rng.chance(0.65);
  const members: { who: SeedIdentity; relation: Relation }[] = [
    { who: randomIdentity(rng, { sex: applicantSex, birthDate: applicantBirth, asOf: ctx.asOf, regionCode: region, surname }), relation: 'applicant' },
  ];
  if (married) {
    const spouseBirth = addDays(applicantBirth, rng.int(-5 * 365, 5 * 365));
    const sex: Sex = applicantSex === 'male' ? 'female' : 'male';
    members.push({ who: randomIdentity(rng, { sex, birthDate: spouseBirth, asOf: ctx.asOf, regionCode: region }), relation: 'spouse' });
  }
  const applicantAge = (Date.parse(ctx.asOf) - Date.parse(applicantBirth)) / (365.25 * 86_400_000);
  const childCount = married || rng.chance(0.1) ? rng.int(0, applicantAge > 25 ? 2 : 0) : 0;
  const fatherSurname = applicantSex === 'male' || !married ? surname : randomSurname(rng);
  for (let c = 0; c < childCount; c++) {
    const maxAge = Math.min(applicantAge - 22, 25);
    const birth = birthDateFor(rng, ctx.asOf, 0.1, Math.max(0.2, maxAge));
    const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
    members.push({ who: randomIdentity(rng, { sex, birthDate: birth, asOf: ctx.asOf, regionCode: region, surname: fatherSurname }), relation: 'child' });
  }

  // Per-capita income around the limit: about half the households are above it.
  const size = members.length;
  const perCapita = round100(ctx.limits.incomePerCapita * Math.max(0.2, rng.normal(1, 0.25)));
  const earners = members.filter((m) => m.relation !== 'child' || Number(m.who.birthDate.slice(0, 4)) < Number(ctx.asOf.slice(0, 4)) - 18);
  const shares = earners.map(() => 0.5 + rng.next());
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const assetLimit = size <= 3 ? ctx.limits.assetsSmall : ctx.limits.assetsLarge;

  const persons: SeedPerson[] = [];
  const householdMembers: HouseholdMember[] = [];
  members.forEach((m, i) => {
    const personId = `person:${ctx.id.slice(10)}-${i}`;
    const earnerIndex = earners.indexOf(m);
    const income = earnerIndex < 0 ? 0 : round100((perCapita * size * shares[earnerIndex]!) / shareSum);
    const hukou = m.relation === 'applicant' ? (rng.chance(0.88) ? 'shenzhen' : 'other') : rng.chance(0.7) ? 'shenzhen' : 'other';
    persons.push({ ...personOf(rng, ctx, personId, m.who, hukou, m.relation === 'child' ? null : married ? 'married' : 'single', address.text), householdId: ctx.id });
    householdMembers.push({ personId, relation: m.relation, annualIncome: income, ownsHousingInShenzhen: rng.chance(0.04) });
  });

  const household: SeedHousehold = {
    id: ctx.id,
    type: 'household',
    schemaVersion: 0,
    officeId: ctx.officeId,
    createdAt: ctx.at,
    updatedAt: ctx.at,
    applicantPersonId: persons[0]!.id,
    districtId: ctx.street.district.id,
    streetId: ctx.street.id,
    communityId: address.communityId,
    members: householdMembers,
    declaredAssets: round100(assetLimit * Math.max(0, rng.normal(0.85, 0.3))),
    clear: { address: address.text },
  };
  return { household, persons, applicant: persons[0]! };
}

function personOf(
  rng: Rng,
  ctx: HouseholdContext,
  id: string,
  who: SeedIdentity,
  hukou: 'shenzhen' | 'other',
  marital: 'married' | 'single' | null,
  address: string,
): SeedPerson {
  return {
    id,
    type: 'person',
    schemaVersion: PEOPLE_SCHEMA_VERSION,
    officeId: ctx.officeId,
    createdAt: ctx.at,
    updatedAt: ctx.at,
    name: who.name,
    nameKey: nameKey(who.name),
    gender: who.sex === 'male' ? '1' : '2',
    nationCode: rng.chance(0.92) ? '01' : rng.pick(['03', '04', '05', '12', '19']),
    idMasked: maskIdNumber(who.idNumber),
    hukou,
    residencePermitSince: hukou === 'other' ? addDays(ctx.asOf, -rng.int(100, 3000)) : null,
    cardValidTo: who.cardValidTo,
    maritalStatus: marital,
    clear: { idNumber: who.idNumber, phone: marital === null ? null : who.phone, cardAddress: address, birthDate: who.birthDate, cardValidFrom: who.cardValidFrom },
  };
}
