// Test support: plausible cases (domain/seed) written into an office database as a workstation
// would store them — sealed with the office key, events signed — and the clear values kept for
// checking what the platform received.
import { importFieldKeys, lookupHash, sealText } from '../../domain/crypto/sealing';
import { generateSigningKey, importSigner, signDoc } from '../../domain/crypto/signing';
import { COLLECTIONS, type CollectionName } from '../../domain/model';
import { padIndexFields } from '../../domain/model/indexing';
import { generateCases, sealSeed } from '../../domain/seed';
import { KEYS_DB, officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../couch';

const COLLECTION_OF: Readonly<Record<string, CollectionName>> = { case: 'cases', person: 'people', household: 'people', case_event: 'events' };

function toCouch(doc: Record<string, unknown> & { id: string; type: string }): Record<string, unknown> {
  const { id, ...rest } = padIndexFields(COLLECTIONS[COLLECTION_OF[doc.type]!], doc);
  return { _id: id, ...rest };
}

export interface WrittenCases {
  /** Clear ID number by person id. */
  readonly idNumbers: ReadonlyMap<string, string>;
  readonly ids: readonly string[];
}

/** Writes `count` cases with their households, persons and events; ids are unique per `seed`. */
export async function writeCases(adminUrl: string, officeId: string, count: number, seed: number): Promise<WrittenCases> {
  const couch = couchClient(adminUrl);
  const db = officeDbName(officeId);
  const office = await couch.request<{ key: string }>('GET', `/${KEYS_DB}/${encodeURIComponent(`office:${officeId}`)}`);
  const lookup = await couch.request<{ key: string }>('GET', `/${KEYS_DB}/lookup`);
  const keys = await importFieldKeys(office.key, lookup.key);
  const data = generateCases({ count, officeId, seed });
  const sealed = await sealSeed(data, { encrypt: (c) => sealText(keys.data, c), keyedHash: (c) => lookupHash(keys.lookup, c) });
  const signer = await importSigner(await generateSigningKey());
  const events = await Promise.all(data.events.map((e) => signDoc(signer, toCouch({ ...(e as unknown as Record<string, unknown> & { id: string; type: string }), actor: { ...e.actor, userId: 'hws-seed' } }))));
  const docs = [...[...sealed.persons, ...sealed.households, ...sealed.cases].map((d) => toCouch(d as unknown as Record<string, unknown> & { id: string; type: string })), ...events];
  const res = await couch.request<{ id: string; error?: string; reason?: string }[]>('POST', `/${db}/_bulk_docs`, { docs });
  const failed = res.filter((r) => r.error);
  if (failed.length > 0) throw new Error(`writeCases: ${failed.length} refused, e.g. ${failed[0]!.id}: ${failed[0]!.reason}`);
  return { idNumbers: new Map(data.persons.map((p) => [p.id, p.clear.idNumber])), ids: docs.map((d) => String(d._id)) };
}
