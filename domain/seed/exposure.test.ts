// No seeded person's ID number can be rebuilt from what is stored in clear: over every document the
// seed writes (persons, households, cases, events, reference data), at least 8 of the 18 positions of
// each number stay unknown.
import { describe, expect, it } from 'vitest';
import { exposureOfPeople, worstExposure } from '../identity/exposure-docs';
import { generateCases } from './cases';
import { referenceDocs } from './reference';
import { sealSeed } from './seal';

/** Sealing as the office does it: opaque ciphertext, keyed hash. */
const sealer = {
  encrypt: (clear: string) => `v1:${Buffer.from(crypto.getRandomValues(new Uint8Array(clear.length + 28))).toString('base64')}`,
  keyedHash: () => 'f'.repeat(64),
};

describe('seeded data at rest', () => {
  it('leaves at least 8 of the 18 digits of every seeded ID number unknown', async () => {
    for (const seed of [1, 42]) {
      const data = generateCases({ count: 60, officeId: 'futian-huafu', seed });
      const sealed = await sealSeed(data, sealer);
      const stored = [...sealed.persons, ...sealed.households, ...sealed.cases, ...data.events, ...referenceDocs()];
      const people = data.persons.map((p) => ({ personId: p.id, idNumber: p.clear.idNumber }));
      expect(people.length).toBeGreaterThan(100);
      const { min, why } = worstExposure(exposureOfPeople(people, stored as never, 2024));
      expect(min, why).toBeGreaterThanOrEqual(8);
    }
  });
});
