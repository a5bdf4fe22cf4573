// A household for the register pages: a head, a spouse, children, now and then a parent of the
// head or a grandchild, each with the relation the register writes beside them.
import type { Rng } from '../../../domain/seed/prng';
import { addDays } from './forms';
import { childOf, makePerson, type Person, spouseOf, surnameOf } from './people';
import { addressIn, type Region, SHENZHEN, stationOf } from './places';

export interface Member {
  readonly person: Person;
  readonly relation: string;
}

export interface Household {
  readonly head: Person;
  readonly members: readonly Member[];
  /** Where the household is registered. */
  readonly region: Region;
  readonly address: string;
}

const year = (iso: string) => Number(iso.slice(0, 4));
const span = (from: number, to: number): [string, string] => [`${from}-01-01`, `${Math.min(to, 2024)}-12-31`];

/** A household whose head was born between `oldest` and `youngest`. */
export function household(rng: Rng, oldest = 1950, youngest = 1988): Household {
  const head = makePerson(rng, { sex: rng.chance(0.8) ? '男' : '女', born: span(oldest, youngest) });
  const members: Member[] = [{ person: head, relation: '户主' }];
  const married = rng.chance(0.85);
  const spouse = married ? spouseOf(rng, head) : undefined;
  if (spouse) members.push({ person: spouse, relation: spouse.sex === '女' ? '妻' : '夫' });
  const father = head.sex === '男' ? head : (spouse ?? head);
  const mother = head.sex === '女' ? head : spouse;
  const y0 = Math.max(year(head.birth), mother ? year(mother.birth) : 0);
  const kids: Person[] = [];
  const n = married ? rng.int(0, 3) : rng.int(0, 1);
  for (let i = 0; i < n; i++) {
    const from = (kids.length ? year(kids[kids.length - 1]!.birth) + 1 : y0 + 22) + rng.int(0, 3);
    if (from > 2023) break;
    kids.push(childOf(rng, father, span(from, from + 2)));
  }
  const only = kids.length === 1 && rng.chance(0.5);
  let sons = 0;
  let daughters = 0;
  for (const k of kids) {
    const nth = k.sex === '男' ? ++sons : ++daughters;
    const rel = only ? (k.sex === '男' ? '子' : '女') : `${nth === 1 ? '长' : nth === 2 ? '次' : '三'}${k.sex === '男' ? '子' : '女'}`;
    members.push({ person: k, relation: rel });
  }
  if (year(head.birth) >= 1965 && rng.chance(0.25)) {
    const sex = rng.chance(0.5) ? '男' : '女';
    const by = year(head.birth) - rng.int(24, 32);
    const parent = sex === '男' && head.sex === '男' ? childOfParent(rng, head, by) : makePerson(rng, { sex, born: span(by, by), style: head.style === 'compound' ? 'han' : head.style });
    members.push({ person: parent, relation: sex === '男' ? '父亲' : '母亲' });
  }
  const grown = kids.find((k) => year(k.birth) <= 1996 && k.sex === '男');
  if (grown && rng.chance(0.5)) {
    const g = childOf(rng, grown, span(year(grown.birth) + 24, year(grown.birth) + 30));
    members.push({ person: g, relation: g.sex === '男' ? '孙子' : '孙女' });
  }
  const region = rng.chance(0.5) ? rng.pick(SHENZHEN) : head.origin;
  return { head, members, region, address: addressIn(rng, region) };
}

/** The head's father: the head's surname, born `by`. */
function childOfParent(rng: Rng, head: Person, by: number): Person {
  const surname = head.style === 'han' || head.style === 'korean' ? [...head.name][0]! : undefined;
  return makePerson(rng, { sex: '男', born: span(by, by), origin: head.origin, ...(surname ? { surname } : { style: head.style === 'compound' ? 'han' : head.style }) });
}

/** The member the page is about, renamed with a rare character when asked. */
export function subject(rng: Rng, h: Household, rare: boolean): Member {
  const m = rng.pick(h.members);
  const p = m.person;
  if (!rare || !['han', 'compound', 'korean'].includes(p.style)) return m;
  const again = makePerson(rng, { sex: p.sex, born: [p.birth, p.birth], rare: true, origin: p.origin, surname: surnameOf(p.name), style: p.style === 'korean' ? 'korean' : 'han' });
  return { relation: m.relation, person: { ...again, ethnicity: p.ethnicity } };
}

/** When the person moved to this address: a date after birth, no later than the page. */
export const movedIn = (rng: Rng, p: Person, before: string): string => addDays(p.birth, rng.int(0, Math.max(1, Math.round((Date.parse(before) - Date.parse(p.birth)) / 86_400_000))));

export const truthOf = (m: Member, address: string, birth: string) => ({
  name: m.person.name,
  relation: m.relation,
  gender: m.person.sex,
  birthDate: birth,
  idNumber: m.person.id,
  ethnicity: m.person.ethnicity,
  address,
});

/** The police bureau and station for a registered address. */
export function bureauOf(h: { region: { city: string; county: string; province: string }; address: string }): { bureau: string; station: string; short: string } {
  const town = /([^市区县]+?(街道|镇|乡))/.exec(h.address.replace(h.region.province + h.region.city + h.region.county, ''))?.[1] ?? '城关镇';
  const county = h.region.county;
  const bureau = h.region.city === '深圳市' ? `深圳市公安局${county.replace(/区$/, '')}分局` : `${county}公安局`;
  return { bureau, station: `${bureau}${stationOf(town)}`, short: town.replace(/(街道|镇|乡)$/, '').slice(0, 2) };
}
