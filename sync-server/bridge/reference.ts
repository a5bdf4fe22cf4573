// Reference data flows down: GET /api/v1/reference?since=<cursor> → documents of hws-reference
// (thresholds, the holiday calendar, allocation results). The cursor is kept in
// `_local/hws-bridge-reference` of hws-reference, written after the items, so a crash repeats a
// page (writing the same content again is skipped) and never skips one.
import { REFERENCE_DB } from '../../domain/sync/databases';
import { CouchError, type CouchClient } from '../couch';
import type { DeliveryOptions } from './delivery';
import { FatalPlatformError } from './delivery';
import { dbPath } from './store';

/** What the platform may write; everything else in hws-reference stays the centre's. */
export const PLATFORM_REFERENCE_TYPES = ['rule_thresholds', 'holiday_calendar', 'allocation_result'] as const;
const CURSOR_ID = '_local/hws-bridge-reference';
const SAFE_ID = /^[a-z_]+:[A-Za-z0-9:_.-]{1,120}$/;

type Doc = Record<string, unknown> & { _id: string; _rev?: string };

const strip = (d: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith('_') && k !== 'updatedAt' && k !== 'createdAt').sort(([a], [b]) => a.localeCompare(b))));

/** One page of reference data; answers how many items the page held (0: nothing new, wait). */
export async function pullReference(couch: CouchClient, options: DeliveryOptions): Promise<number> {
  const db = dbPath(REFERENCE_DB);
  const cursorDoc = await couch.getOrUndefined<{ _rev: string; cursor: string }>(`${db}/${CURSOR_ID}`);
  const reply = await options.platform.reference(cursorDoc?.cursor);
  if ('kind' in reply) {
    if (reply.kind === 'fatal') throw new FatalPlatformError(reply.status, reply.reason);
    options.metrics.lastError = `reference: ${reply.kind === 'retry' || reply.kind === 'bad_request' ? reply.reason : ''}`;
    options.log(`参考数据:${options.metrics.lastError}`);
    return 0;
  }
  const now = new Date().toISOString();
  const wanted: Doc[] = [];
  for (const item of reply.items) {
    const ok = item && (PLATFORM_REFERENCE_TYPES as readonly string[]).includes(item.type) && typeof item.id === 'string' && SAFE_ID.test(item.id) && item.id.startsWith(`${item.type}:`) && item.data && typeof item.data === 'object';
    if (!ok) {
      options.log(`参考数据:跳过不允许的条目 / skipped item ${JSON.stringify(item).slice(0, 120)}`);
      continue;
    }
    const data = Object.fromEntries(Object.entries(item.data).filter(([k]) => !k.startsWith('_')));
    wanted.push({ schemaVersion: 1, officeId: 'city', createdAt: now, ...data, _id: item.id, type: item.type, updatedAt: now, source: String(data.source ?? '城市平台') });
  }
  let written = 0;
  if (wanted.length > 0) {
    const current = await couch.request<{ rows: { key: string; doc?: Doc | null }[] }>('POST', `${db}/_all_docs?include_docs=true`, { keys: wanted.map((d) => d._id) });
    const byId = new Map(current.rows.filter((r) => r.doc).map((r) => [r.key, r.doc!]));
    const docs = wanted
      .filter((d) => !byId.get(d._id) || strip(byId.get(d._id)!) !== strip(d))
      .map((d) => {
        const old = byId.get(d._id);
        return old ? { ...d, createdAt: old.createdAt ?? d.createdAt, _rev: old._rev } : d;
      });
    if (docs.length > 0) {
      const res = await couch.request<{ id: string; error?: string; reason?: string }[]>('POST', `${db}/_bulk_docs`, { docs });
      for (const r of res) {
        if (r.error) throw new CouchError(409, r.error, r.reason ?? '', `${REFERENCE_DB}/${r.id}`);
        written++;
      }
    }
  }
  await couch.request('PUT', `${db}/${CURSOR_ID}`, { cursor: reply.cursor, ...(cursorDoc ? { _rev: cursorDoc._rev } : {}) });
  options.metrics.referenceItems += written;
  return reply.items.length;
}
