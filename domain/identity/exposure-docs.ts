// Exposure over stored documents: which documents are about a person (linked to them through the
// ids that stored documents carry in clear), and how many digits of their number those documents
// leave unknown.
import { clearFacts, clearValuesOf, exposureOf, type Exposure } from './exposure';

type Doc = Readonly<Record<string, unknown>>;

const docId = (d: Doc): string => String(d.id ?? d._id ?? '');
/** Ids that tie documents to a person: the person, their household(s), their case(s). */
const LINKING = /^(person|household|case):/;

export interface PersonExposure extends Exposure {
  readonly personId: string;
  /** Masked for messages: a test report never prints the number. */
  readonly masked: string;
}

/**
 * For each person (id and full number), the exposure through every clear value of the documents
 * about them: their own document, and every document that names them, their household or their
 * case (households, cases, events, materials, scans, audit entries…), followed link by link.
 */
export function exposureOfPeople(
  people: readonly { readonly personId: string; readonly idNumber: string }[],
  docs: readonly Doc[],
  asOfYear?: number,
): PersonExposure[] {
  const values = docs.map((d) => clearValuesOf(d, docId(d)));
  const byValue = new Map<string, number[]>();
  values.forEach((vs, i) => {
    for (const v of new Set(vs.map((x) => String(x.value)).filter((x) => LINKING.test(x)))) {
      const list = byValue.get(v);
      if (list) list.push(i);
      else byValue.set(v, [i]);
    }
  });
  const byId = new Map(docs.map((d, i) => [docId(d), i]));
  return people.map(({ personId, idNumber }) => {
    const linked = new Set<number>();
    const seen = new Set<string>();
    const queue = [personId];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const own = byId.get(id);
      for (const i of [...(own === undefined ? [] : [own]), ...(byValue.get(id) ?? [])]) {
        if (linked.has(i)) continue;
        linked.add(i);
        const other = docId(docs[i]!);
        if (LINKING.test(other)) queue.push(other);
      }
    }
    const facts = clearFacts([...linked].flatMap((i) => values[i]!), asOfYear);
    const masked = `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
    return { personId, masked, ...exposureOf(idNumber, facts) };
  });
}

/** The person whose number is most exposed, with a one-line explanation for a failing test. */
export function worstExposure(all: readonly PersonExposure[]): { readonly min: number; readonly why: string } {
  if (all.length === 0) return { min: 18, why: 'no person' };
  const worst = all.reduce((a, b) => (b.unknownCount < a.unknownCount ? b : a));
  const reasons = [...new Set(worst.disclosures.map((d) => `${d.reason} (${d.path})`))].slice(0, 8);
  return { min: worst.unknownCount, why: `${worst.masked}: ${reasons.join('; ')}` };
}
