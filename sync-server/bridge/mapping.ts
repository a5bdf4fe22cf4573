// CouchDB office documents → platform records. Sealed fields (`…Enc`, AES-GCM under the office's
// data key) are opened here with the key from the admin-only key database, so clear values exist
// only in the bridge's memory and in the request to the platform; nothing clear is written back to
// CouchDB (outboxes and dead letters name documents by id and revision only).
import { importFieldKeys, openText } from '../../domain/crypto/sealing';
import { KEYS_DB } from '../../domain/sync/databases';
import type { CouchClient } from '../couch';
import { describeErrors, platformSchemas, SCHEMA_OF_TYPE } from './schema';

export interface PlatformRecord {
  readonly id: string;
  readonly rev: string;
  readonly officeId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export type Mapped =
  | { readonly ok: true; readonly schema: string; readonly record: PlatformRecord }
  | { readonly ok: false; readonly schema: string; readonly reason: string };

/** Sealed field → the clear field the platform receives. `cardRawEnc` (card photo, fingerprint block) is never sent. */
const SEALED: Readonly<Record<string, string>> = {
  idNumberEnc: 'idNumber',
  phoneEnc: 'phone',
  cardAddressEnc: 'cardAddress',
  addressEnc: 'address',
};

export type CouchDoc = Record<string, unknown> & { _id: string; _rev: string; type?: unknown; officeId?: unknown };

/** Whether the bridge sends documents of this type at all. */
export const isBridged = (doc: { _id: string; type?: unknown }): boolean =>
  !doc._id.startsWith('_design/') && typeof doc.type === 'string' && doc.type in SCHEMA_OF_TYPE;

export class OfficeKeys {
  private readonly cache = new Map<string, Promise<CryptoKey>>();
  constructor(private readonly couch: CouchClient) {}

  dataKey(officeId: string): Promise<CryptoKey> {
    let key = this.cache.get(officeId);
    if (!key) {
      key = (async () => {
        const office = await this.couch.getOrUndefined<{ key?: string }>(`/${KEYS_DB}/${encodeURIComponent(`office:${officeId}`)}`);
        if (!office?.key) throw new Error(`密钥库中没有办事处 ${officeId} 的数据密钥 / no data key for office ${officeId} in ${KEYS_DB}`);
        // The lookup key is not needed to open values; any 32 bytes satisfy the importer.
        return (await importFieldKeys(office.key, office.key)).data;
      })();
      key.catch(() => this.cache.delete(officeId));
      this.cache.set(officeId, key);
    }
    return key;
  }
}

/** Maps one document of the office database `officeId`; deterministic, so the same revision always gives the same record. */
export async function mapDoc(doc: CouchDoc, officeId: string, keys: OfficeKeys): Promise<Mapped> {
  const schemaId = SCHEMA_OF_TYPE[String(doc.type)];
  if (!schemaId) throw new Error(`not a bridged type: ${String(doc.type)}`);
  const schema = platformSchemas().get(schemaId)!;
  if (doc.officeId !== officeId) return { ok: false, schema: schemaId, reason: `记录的办事处 ${String(doc.officeId)} 与数据库 ${officeId} 不符` };
  const open: Record<string, unknown> = {};
  for (const [sealed, clear] of Object.entries(SEALED)) {
    const value = doc[sealed];
    if (value === undefined) continue;
    if (value === null) {
      open[clear] = null;
      continue;
    }
    try {
      open[clear] = await openText(await keys.dataKey(officeId), String(value));
    } catch (e) {
      if (e instanceof Error && e.message.includes('密钥库')) throw e;
      return { ok: false, schema: schemaId, reason: `密封字段 ${sealed} 无法用办事处密钥解开 / sealed field cannot be opened` };
    }
  }
  const source = { ...doc, ...open };
  const data: Record<string, unknown> = {};
  for (const p of schema.properties) if (source[p] !== undefined) data[p] = source[p];
  if (!schema.validate(data)) return { ok: false, schema: schemaId, reason: describeErrors(schema.validate) };
  return { ok: true, schema: schemaId, record: { id: doc._id, rev: doc._rev, officeId, type: String(doc.type), data } };
}
