// Demo persons: valid GB 11643 ID numbers, plausible birth dates and card validity, phone numbers.
import { checkCharacter } from '../identity/idnumber';
import type { Sex } from './names';
import { fullName } from './names';
import type { Rng } from './prng';
import { OTHER_REGION_CODES } from './places';

export interface SeedIdentity {
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly cardValidFrom: string | null;
  /** YYYY-MM-DD or 长期; null for children under 16 without a card. */
  readonly cardValidTo: string | null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function addYearsTo(date: string, years: number): string {
  return `${pad(Number(date.slice(0, 4)) + years, 4)}${date.slice(4)}`.replace(/-02-29$/, '-02-28');
}

/** A birth date so that the person is between minAge and maxAge years old on `asOf`. */
export function birthDateFor(rng: Rng, asOf: string, minAge: number, maxAge: number): string {
  return addDays(asOf, -rng.int(Math.ceil(minAge * 365.25), Math.floor(maxAge * 365.25)));
}

export function idNumberFor(rng: Rng, regionCode: string, birthDate: string, sex: Sex): string {
  const seq = rng.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${pad(seq, 3)}`;
  return first17 + checkCharacter(first17);
}

const termFor = (ageAtIssue: number): number | null => (ageAtIssue < 16 ? 5 : ageAtIssue < 26 ? 10 : ageAtIssue < 46 ? 20 : null);

/**
 * The card held on `asOf`: first issued at 16 (or younger for some children), renewed on expiry,
 * with GB terms (under 16 → 5 years, 16–25 → 10, 26–45 → 20, 46+ → 长期). About 3 % still carry
 * the expired card, as happens at the counter.
 */
function cardValidity(rng: Rng, birthDate: string, asOf: string): { from: string | null; to: string | null } {
  const ageOf = (d: string) => (Date.parse(d) - Date.parse(birthDate)) / (365.25 * 86_400_000);
  if (ageOf(asOf) < 16 && rng.chance(0.7)) return { from: null, to: null };
  let from = ageOf(asOf) < 16 ? addDays(birthDate, rng.int(1, Math.max(1, Math.floor(ageOf(asOf) * 365)))) : addDays(addYearsTo(birthDate, 16), rng.int(0, 400));
  const keepExpired = rng.chance(0.03);
  for (;;) {
    const term = termFor(ageOf(from));
    if (term === null) return { from, to: '长期' };
    const to = addYearsTo(from, term);
    if (to >= asOf) return { from, to };
    const renewed = addDays(to, rng.int(-60, 30));
    if (keepExpired && renewed >= asOf) return { from, to };
    from = renewed < asOf ? renewed : addDays(asOf, -1);
  }
}

export function randomIdentity(
  rng: Rng,
  opts: { sex: Sex; birthDate: string; asOf: string; regionCode: string; surname?: string },
): SeedIdentity {
  const region = rng.chance(0.7) ? opts.regionCode : rng.pick(OTHER_REGION_CODES);
  const card = cardValidity(rng, opts.birthDate, opts.asOf);
  return {
    name: fullName(rng, opts.sex, opts.surname),
    sex: opts.sex,
    birthDate: opts.birthDate,
    idNumber: idNumberFor(rng, region, opts.birthDate, opts.sex),
    phone: `1${rng.pick(['35', '36', '37', '38', '39', '50', '58', '59', '86', '88', '89', '77'])}${pad(rng.int(0, 99_999_999), 8)}`,
    cardValidFrom: card.from,
    cardValidTo: card.to,
  };
}
