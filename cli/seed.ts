// `hws seed --cases N --office ID --url URL`: writes plausible demo households and cases, and the
// units and tenancies of cases that reached a contract (domain/seed), to an office database,
// sealed with the office's data key and hashed with the city lookup key, read from the admin-only
// key database. Ids are deterministic for a seed, so a second
// run writes only what is missing. The demo events are signed by the seed account `hws-seed`
// (its key made for the run and registered in the reference database, the private key discarded),
// so that workstations verify them like any other event rather than flag every demo case.
import { importFieldKeys, lookupHash, sealText } from '../domain/crypto/sealing';
import { COLLECTIONS, type CollectionName } from '../domain/model';
import { padIndexFields } from '../domain/model/indexing';
import type { BusinessItem } from '../domain/model/programmes';
import { generateCases, generateTenancies, sealSeed, type SeedCase, type SeedData, type SeedTenancies, type Sealer } from '../domain/seed';
import { generateSigningKey, importSigner, signDoc, type Signer } from '../domain/crypto/signing';
import { KEYS_DB, officeDbName } from '../domain/sync/databases';
import { staffKeyDoc, staffKeyPath } from '../domain/sync/staff-keys';
import { couchClient, type CouchClient } from '../sync-server/couch';

export const DEFAULT_CHUNK = 500;


type Doc = { id: string; type: string } & Record<string, unknown>;

const COLLECTION_OF: Readonly<Record<string, CollectionName>> = {
  case: 'cases',
  person: 'people',
  household: 'people',
  case_event: 'events',
  unit: 'field',
  lease: 'field',
  biometric: 'files',
};

/** A document as the workstation would store it (index fields padded), in CouchDB form. */
export function toOfficeDoc(doc: Doc): Record<string, unknown> {
  const collection = COLLECTION_OF[doc.type];
  const padded = collection ? padIndexFields(COLLECTIONS[collection], doc) : doc;
  const { id, ...rest } = padded;
  return { _id: id, ...rest };
}

export async function officeKeys(couch: CouchClient, officeId: string): Promise<Sealer> {
  const office = await couch.getOrUndefined<{ key?: string }>(`/${KEYS_DB}/${encodeURIComponent(`office:${officeId}`)}`);
  const lookup = await couch.getOrUndefined<{ key?: string }>(`/${KEYS_DB}/lookup`);
  if (!office?.key || !lookup?.key) {
    throw new Error(`密钥库中没有办事处 ${officeId} 的数据密钥或查询密钥,请先运行 hws sync-server setup`);
  }
  const keys = await importFieldKeys(office.key, lookup.key);
  return { encrypt: (clear) => sealText(keys.data, clear), keyedHash: (clear) => lookupHash(keys.lookup, clear) };
}

/** The account that signs seeded events. */
export const SEED_SIGNER = 'hws-seed';

/** A signing key for this run, registered (as admin) as the seed account's staff key. */
async function seedSigner(couch: CouchClient, officeId: string): Promise<Signer> {
  const pair = await generateSigningKey();
  await couch.request('PUT', staffKeyPath(SEED_SIGNER, pair.keyId), staffKeyDoc({ name: SEED_SIGNER, officeId }, pair.publicKey, 'hws seed', new Date().toISOString()));
  return importSigner(pair);
}

/** Per case: its household, persons, events, unit and tenancy, so a chunk never splits a case. */
function groups(data: SeedData, tenancies: SeedTenancies): { case: SeedCase; ids: string[] }[] {
  const fieldOf = new Map<string, string[]>();
  for (const l of tenancies.leases) fieldOf.set(l.caseId, [l.unitId, l.id]);
  for (const [caseId, u] of tenancies.offered) fieldOf.set(caseId, [u.id]);
  const personsOf = new Map<string, string[]>();
  for (const h of data.households) personsOf.set(h.id, h.members.map((m) => m.personId));
  const eventsOf = new Map<string, string[]>();
  for (const e of data.events) eventsOf.set(e.caseId, [...(eventsOf.get(e.caseId) ?? []), e.id]);
  return data.cases.map((c) => ({ case: c, ids: [c.id, c.householdId, ...(personsOf.get(c.householdId) ?? []), ...(eventsOf.get(c.id) ?? []), ...(fieldOf.get(c.id) ?? [])] }));
}

export async function existingIds(couch: CouchClient, db: string, ids: readonly string[]): Promise<Set<string>> {
  const res = await couch.request<{ rows: { key: string; value?: { rev: string; deleted?: boolean } }[] }>('POST', `/${db}/_all_docs`, { keys: ids });
  return new Set(res.rows.filter((r) => r.value && !r.value.deleted).map((r) => r.key));
}

export interface SeedReport {
  readonly written: number;
  readonly existing: number;
  readonly failed: number;
}

export async function seedOffice(options: {
  url: string;
  officeId: string;
  cases: number;
  seed?: number;
  streetId?: string;
  chunk?: number;
  log?: (line: string) => void;
  /** A live office as of this date (`generateCases` `recent`); otherwise the fixed seed of 2024-06-30. */
  live?: string;
  /** Holders of a benefit seeded after the cases (`generateCases` `holders`). */
  holders?: readonly BusinessItem[];
}): Promise<SeedReport> {
  const couch = couchClient(options.url);
  const db = officeDbName(options.officeId);
  if (!(await couch.getOrUndefined(`/${db}`))) throw new Error(`办事处数据库 ${db} 不存在,请先运行 hws sync-server setup`);
  const sealer = await officeKeys(couch, options.officeId);
  const data = generateCases({ count: options.cases, officeId: options.officeId, seed: options.seed ?? 1, streetId: options.streetId, holders: options.holders, ...(options.live ? { asOf: options.live, recent: true } : {}) });
  // Cases that reached a contract get their unit and tenancy (the field collection).
  const tenancies = generateTenancies(data, options.seed ?? 1);
  const byId = new Map<string, unknown>(
    [...data.persons, ...data.households, ...data.cases, ...data.events, ...tenancies.units, ...tenancies.leases, ...tenancies.offered.values()].map((d) => [d.id, d]),
  );
  const chunk = Math.max(10, options.chunk ?? DEFAULT_CHUNK);
  const report = { written: 0, existing: 0, failed: 0 };
  let signer: Signer | undefined;
  const sign = async (e: Doc) => signDoc((signer ??= await seedSigner(couch, options.officeId)), toOfficeDoc({ ...e, actor: { ...(e.actor as object), userId: SEED_SIGNER } }));
  const all = groups(data, tenancies);
  let start = 0;
  while (start < all.length) {
    let end = start;
    let size = 0;
    while (end < all.length && (size === 0 || size + all[end]!.ids.length <= chunk)) size += all[end++]!.ids.length;
    const ids = all.slice(start, end).flatMap((g) => g.ids);
    const present = await existingIds(couch, db, ids);
    const missing = ids.filter((id) => !present.has(id)).map((id) => byId.get(id) as { id: string; type: string });
    const of = <T>(type: string) => missing.filter((d) => d.type === type) as unknown as T[];
    const sealed = await sealSeed(
      { persons: of('person'), households: of('household'), cases: of('case'), events: [] },
      sealer,
    );
    const events = await Promise.all(of<Doc>('case_event').map(sign));
    const field = [...of<Doc>('unit'), ...of<Doc>('lease')].map(toOfficeDoc);
    const docs = [...[...sealed.persons, ...sealed.households, ...sealed.cases].map((d) => toOfficeDoc(d as unknown as Doc)), ...events, ...field];
    if (docs.length > 0) {
      const results = await couch.request<{ id: string; error?: string }[]>('POST', `/${db}/_bulk_docs`, { docs });
      for (const r of results) {
        if (!r.error) report.written++;
        else if (r.error === 'conflict') report.existing++;
        else report.failed++;
      }
    }
    report.existing += present.size;
    start = end;
    options.log?.(`已处理 ${start}/${all.length} 件`);
  }
  // The streets' vacant units, for the district to allocate: written once, never over a later state.
  const present = await existingIds(couch, db, tenancies.stock.map((u) => u.id));
  const stock = tenancies.stock.filter((u) => !present.has(u.id)).map((u) => toOfficeDoc(u as unknown as Doc));
  report.existing += present.size;
  if (stock.length > 0) {
    const results = await couch.request<{ id: string; error?: string }[]>('POST', `/${db}/_bulk_docs`, { docs: stock });
    for (const r of results) {
      if (!r.error) report.written++;
      else if (r.error === 'conflict') report.existing++;
      else report.failed++;
    }
  }
  return report;
}

export interface SeedOptions {
  readonly cases: number;
  readonly office: string;
  readonly url: string;
  readonly seed?: number;
  readonly street?: string;
  readonly chunk?: number;
  /** Enrol every seeded tenant with this simulated finger (see seed-enrol.ts). */
  readonly enrolFinger?: number;
  /** Enrol every seeded tenant with the face in this photo. */
  readonly enrolFace?: string;
}

/**
 * The seed an office gets when none is given: drawn from its id (FNV-1a), so two offices seeded
 * without --seed hold different people under different ids — one seed for two offices would put
 * the same tenants under the same ids in both, and a district workstation pulling both streets
 * would see them clash.
 */
export function officeSeed(officeId: string): number {
  let h = 0x811c9dc5;
  for (const ch of officeId) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return (h % 0x7ffffffe) + 1;
}

export async function seedCommand(values: SeedOptions): Promise<number> {
  const seed = values.seed ?? officeSeed(values.office);
  const report = await seedOffice({
    url: values.url,
    officeId: values.office,
    cases: values.cases,
    seed,
    streetId: values.street,
    chunk: values.chunk,
    log: (line) => console.log(line),
  });
  if (values.enrolFinger !== undefined || values.enrolFace !== undefined) {
    const face = values.enrolFace === undefined ? undefined : await faceOf(values.enrolFace);
    const { enrolSeededTenants } = await import('./seed-enrol');
    const enrolled = await enrolSeededTenants({ url: values.url, officeId: values.office, cases: values.cases, seed, streetId: values.street, finger: values.enrolFinger, face });
    console.log(`承租人生物特征登记:新写入 ${enrolled.written} 条,已存在 ${enrolled.existing} 条`);
  }
  console.log(`完成:新写入 ${report.written} 条,已存在 ${report.existing} 条${report.failed ? `,失败 ${report.failed} 条` : ''}`);
  return report.failed > 0 ? 1 : 0;
}

/** The descriptor of the one face in a photo (the face engine on its WASM backend). */
async function faceOf(file: string): Promise<readonly number[]> {
  const [{ decodeImageFile }, { loadFaceEngine }] = await Promise.all([import('../main/face/decode'), import('../main/face/engine')]);
  const engine = await loadFaceEngine();
  return (await engine.detectSingle(await decodeImageFile(file))).descriptor;
}
