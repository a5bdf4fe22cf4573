// Turns seed documents into storable ones: the caller supplies encryption and the keyed hash.
import type { CaseDoc } from '../model/case';
import type { HouseholdDoc, PersonDoc } from '../model/people';
import type { SeedCase, SeedData } from './cases';
import type { SeedHousehold, SeedPerson } from './households';

export interface Sealer {
  readonly encrypt: (clear: string) => string | Promise<string>;
  /** Keyed hash (e.g. HMAC-SHA-256 hex) of a normalised value. */
  readonly keyedHash: (clear: string) => string | Promise<string>;
}

export interface SealedSeed {
  readonly persons: readonly PersonDoc[];
  readonly households: readonly HouseholdDoc[];
  readonly cases: readonly CaseDoc[];
}

async function sealPerson(p: SeedPerson, s: Sealer): Promise<PersonDoc> {
  const { clear, ...rest } = p;
  return {
    ...rest,
    idNumberEnc: await s.encrypt(clear.idNumber),
    idHash: await s.keyedHash(clear.idNumber),
    phoneEnc: clear.phone === null ? null : await s.encrypt(clear.phone),
    phoneHash: clear.phone === null ? null : await s.keyedHash(clear.phone),
    cardAddressEnc: await s.encrypt(clear.cardAddress),
  };
}

async function sealHousehold(h: SeedHousehold, s: Sealer): Promise<HouseholdDoc> {
  const { clear, ...rest } = h;
  return { ...rest, addressEnc: await s.encrypt(clear.address) };
}

async function sealCase(c: SeedCase, s: Sealer): Promise<CaseDoc> {
  const { clear, ...rest } = c;
  return { ...rest, idHash: await s.keyedHash(clear.applicantIdNumber) };
}

export async function sealSeed(data: SeedData, sealer: Sealer): Promise<SealedSeed> {
  return {
    persons: await Promise.all(data.persons.map((p) => sealPerson(p, sealer))),
    households: await Promise.all(data.households.map((h) => sealHousehold(h, sealer))),
    cases: await Promise.all(data.cases.map((c) => sealCase(c, sealer))),
  };
}
