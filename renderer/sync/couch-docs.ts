// Conversion between RxDB documents ({ id, … }) and CouchDB documents ({ _id, _rev, … }), with
// the checks that keep a malformed document from the server out of the local database.

export type CouchDoc = { _id: string; _rev?: string; _deleted?: boolean } & Record<string, unknown>;
export type LocalDoc = { id: string; _deleted: boolean } & Record<string, unknown>;

import { withoutClearBirthDate } from '../../domain/model/people';

const LOCAL_ONLY = ['_meta', '_attachments', '_rev', 'id'];

/**
 * Documents written by an older workstation are brought to today's shape on the way in, by type,
 * with the collection's own migration: a person with a clear birth date (people schema 1) loses it,
 * as the local migration 1 → 2 does.
 */
const UPGRADES: Readonly<Record<string, (doc: Record<string, unknown>) => Record<string, unknown>>> = {
  person: (doc) => ('birthDate' in doc || 'cardValidFrom' in doc ? withoutClearBirthDate(doc) : doc),
  // The roles a key speaks for are read from the server's registry when signatures are checked;
  // the local reference collection's schema does not hold them (RxDB refuses unknown fields).
  staff_key: ({ roles: _roles, ...doc }) => doc,
  // A case of an older workstation (cases schema 1) has no deadline or flag projections: they start
  // empty, and the case projection derives them from the events (renderer/sync/case-projection.ts).
  case: (doc) => ({ ...doc, dueOn: typeof doc.dueOn === 'string' ? doc.dueOn : '', flags: Array.isArray(doc.flags) ? doc.flags : [] }),
};
const COUCH_ONLY = ['_id', '_rev', '_revisions', '_attachments', '_conflicts', '_deleted'];

export function toCouch(doc: Record<string, unknown>): CouchDoc {
  const out: Record<string, unknown> = { _id: doc.id };
  for (const [k, v] of Object.entries(doc)) if (!LOCAL_ONLY.includes(k) && k !== '_deleted') out[k] = v;
  if (doc._deleted === true) out._deleted = true;
  return out as CouchDoc;
}

export interface Malformed {
  readonly id: string;
  readonly reason: string;
}

/** Checks a pulled document against the collection's kinds and required fields. */
export function fromCouch(doc: unknown, types: readonly string[], required: readonly string[]): LocalDoc | Malformed {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { id: '?', reason: '不是JSON对象' };
  const d = doc as Record<string, unknown>;
  const id = typeof d._id === 'string' ? d._id : '?';
  if (id === '?') return { id, reason: '缺少 _id' };
  if (typeof d.type !== 'string' || !types.includes(d.type)) return { id, reason: `类型 ${String(d.type)} 不属于本集合` };
  const out: Record<string, unknown> = { id, _deleted: d._deleted === true };
  for (const [k, v] of Object.entries(d)) if (!COUCH_ONLY.includes(k)) out[k] = v;
  // Required fields are checked after the upgrade, which may supply fields an older shape lacks.
  const upgraded = UPGRADES[d.type]?.(out) ?? out;
  for (const field of required) {
    if (field !== 'id' && (upgraded[field] === undefined || upgraded[field] === null)) return { id, reason: `缺少必填字段 ${field}` };
  }
  return upgraded as LocalDoc;
}

export const isMalformed = (x: LocalDoc | Malformed): x is Malformed => !('_deleted' in x);
