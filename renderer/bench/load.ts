// Benchmark data: deterministic households and cases (domain/seed) of the ten Futian streets,
// sealed with WebCrypto as the workstation seals them, written in chunks of at most CHUNK docs per
// bulkInsert so that each chunk gets its own lwt (see STACK-NOTES: the quadratic push).
import { lookupHash, sealText, type FieldKeys } from '../../domain/crypto/sealing';
import type { MaterialDoc } from '../../domain/model';
import { generateCases, sealSeed, SHENZHEN_STREETS } from '../../domain/seed';
import { projectCase, shippedCalendar, type CaseEvent } from '../../domain/workflow';
import type { AnyDoc, WorkstationDb } from '../db/database';

export const OFFICE_ID = 'futian-huafu';
export const CHUNK = 500;
const CASES_PER_ROUND = 250;
const MATERIALS_PER_CASE = 20;
export const FUTIAN_STREETS = SHENZHEN_STREETS.filter((s) => s.district.regionCode === '440304').map((s) => s.id);

/** What the queries draw their parameters from: a sample of the loaded data, clear where needed. */
export interface Samples {
  readonly idNumbers: string[];
  readonly namePrefixes: string[];
  readonly caseIdsWithMaterials: string[];
  /** Due dates of cases in a running review stage (the days the due-soon and overdue tabs are read on). */
  readonly dueDates: string[];
  minCreatedAt: string;
  maxCreatedAt: string;
}

export interface LoadReport {
  readonly cases: number;
  readonly docs: Readonly<Record<string, number>>;
  readonly generateMs: number;
  readonly sealMs: number;
  readonly writeMs: number;
  readonly totalMs: number;
}

async function insertChunked(db: WorkstationDb, collection: 'cases' | 'people' | 'events' | 'files', docs: readonly object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += CHUNK) {
    const res = await db[collection].bulkInsert(docs.slice(i, i + CHUNK) as AnyDoc[]);
    if (res.error.length > 0) throw new Error(`${collection}: ${res.error.length} write errors, first ${JSON.stringify(res.error[0]).slice(0, 300)}`);
  }
}

function materials(caseId: string, at: string): MaterialDoc[] {
  return Array.from({ length: MATERIALS_PER_CASE }, (_, i) => ({
    id: `material:${caseId.slice(5)}-${String(i).padStart(2, '0')}`,
    type: 'material',
    schemaVersion: 0,
    officeId: OFFICE_ID,
    createdAt: at,
    updatedAt: at,
    caseId,
    materialCode: `m${i}`,
    state: i % 7 === 0 ? 'missing' : 'submitted',
    note: null,
    scanIds: [],
  }));
}

export async function loadCases(
  db: WorkstationDb,
  keys: FieldKeys,
  /** write: false only regenerates the samples for a database loaded by an earlier run. */
  options: { cases: number; materialCases: number; write: boolean; log: (line: string) => void },
): Promise<{ report: LoadReport; samples: Samples }> {
  const samples: Samples = { idNumbers: [], namePrefixes: [], caseIdsWithMaterials: [], dueDates: [], minCreatedAt: '9999', maxCreatedAt: '' };
  const docs: Record<string, number> = { cases: 0, people: 0, events: 0, files: 0 };
  let generateMs = 0;
  let sealMs = 0;
  let writeMs = 0;
  const sealer = { encrypt: (c: string) => sealText(keys.data, c), keyedHash: (c: string) => lookupHash(keys.lookup, c) };
  const started = performance.now();
  for (let done = 0, round = 0; done < options.cases; round++) {
    const count = Math.min(CASES_PER_ROUND, options.cases - done);
    let t = performance.now();
    const data = generateCases({ count, officeId: OFFICE_ID, seed: 10_000 + round, streetId: FUTIAN_STREETS[round % FUTIAN_STREETS.length] });
    generateMs += performance.now() - t;
    t = performance.now();
    const sealed = options.write ? await sealSeed(data, sealer) : { persons: data.persons, households: data.households, cases: data.cases };
    // The due date and flags are projected from each case's events, as the workstation writes them.
    const projected = withProjection(sealed.cases as readonly { readonly id: string }[], data.events);
    sealMs += performance.now() - t;
    t = performance.now();
    const withMaterials = data.cases.slice(0, Math.max(0, Math.min(count, options.materialCases - done)));
    if (options.write) {
      await insertChunked(db, 'people', [...sealed.households, ...sealed.persons]);
      await insertChunked(db, 'cases', projected);
      await insertChunked(db, 'events', data.events);
      await insertChunked(db, 'files', withMaterials.flatMap((c) => materials(c.id, c.createdAt)));
    }
    writeMs += performance.now() - t;
    docs.cases! += sealed.cases.length;
    docs.people! += sealed.households.length + sealed.persons.length;
    docs.events! += data.events.length;
    docs.files! += withMaterials.length * MATERIALS_PER_CASE;
    for (const [i, p] of data.persons.entries()) if (i % 50 === 0) samples.idNumbers.push(p.clear.idNumber);
    for (const [i, c] of projected.entries()) if (i % 10 === 0 && typeof c.dueOn === 'string' && c.dueOn !== '') samples.dueDates.push(c.dueOn);
    for (const [i, c] of data.cases.entries()) {
      if (i % 25 === 0) samples.namePrefixes.push(c.nameKey.slice(0, 2));
      if (c.createdAt < samples.minCreatedAt) samples.minCreatedAt = c.createdAt;
      if (c.createdAt > samples.maxCreatedAt) samples.maxCreatedAt = c.createdAt;
    }
    samples.caseIdsWithMaterials.push(...withMaterials.map((c) => c.id));
    done += count;
    if (round % 20 === 0 || done === options.cases) {
      options.log(`loaded ${done}/${options.cases} cases (${Math.round((performance.now() - started) / 1000)} s)`);
    }
  }
  const report = { cases: docs.cases!, docs, generateMs, sealMs, writeMs, totalMs: performance.now() - started };
  return { report, samples };
}

function withProjection<T extends { readonly id: string }>(cases: readonly T[], events: readonly CaseEvent[]): (T & { dueOn?: string })[] {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const cal = shippedCalendar();
  return cases.map((c) => {
    const p = projectCase(byCase.get(c.id) ?? [], cal);
    return p ? { ...c, dueOn: p.dueOn, flags: p.flags } : c;
  });
}
