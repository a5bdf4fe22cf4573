// Readers verify: every case event and audit entry that comes down from the server is checked
// against the registered staff keys (domain/audit/signed-records.ts). One that is unsigned,
// forged, signed with a key not registered to its actor, or revoked is reported in the sync
// problems list (kind `signature`, the IT view's 同步 › 问题) and left out of the events a case's
// status is derived from (`trusted`, given to the case projection). Verdicts are kept per record
// and signature (records are immutable) until the registry is read again: from the reference
// database, again at most every KEYS_REFRESH_MS when a record names a key not yet known, and after
// KEYS_MAX_AGE_MS (so a revocation takes effect).
import { SIGNED_TYPES, verifyRecord, type RecordVerdict } from '../../domain/audit/signed-records';
import type { StaffKeyDoc } from '../../domain/sync/staff-keys';
import type { SyncProblem } from './couch-replication';

export const KEYS_REFRESH_MS = 5_000;
/** The registry is read again after this long, so that a revocation takes effect (verdicts are then made again). */
export const KEYS_MAX_AGE_MS = 10 * 60_000;

export interface SignatureCheckOptions {
  /** Reads the registry (readStaffKeys against the server, as the signed-in user). */
  readonly fetchKeys: () => Promise<ReadonlyMap<string, StaffKeyDoc>>;
  readonly onProblem: (problem: SyncProblem) => void;
  readonly now?: () => number;
}

export interface SignatureCheck {
  /** The verdict on one record; a problem is reported once per record. */
  check(doc: Record<string, unknown>): Promise<RecordVerdict>;
  /** The records whose signatures verify (throws while the registry cannot be read at all: nothing is derived then). */
  trusted<T>(docs: readonly T[]): Promise<T[]>;
  /** Records found untrusted so far, by id, with the reason (for a case's own view). */
  readonly untrusted: ReadonlyMap<string, { readonly caseId?: string; readonly reason: string }>;
}

export function startSignatureCheck(options: SignatureCheckOptions): SignatureCheck {
  const now = options.now ?? Date.now;
  let keys: ReadonlyMap<string, StaffKeyDoc> | undefined;
  let fetchedAt = -Infinity;
  let loading: Promise<void> | undefined;
  const verdicts = new Map<string, RecordVerdict>();
  const untrusted = new Map<string, { caseId?: string; reason: string }>();

  const load = (): Promise<void> => {
    loading ??= options
      .fetchKeys()
      .then((k) => {
        keys = k;
        fetchedAt = now();
        verdicts.clear();
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
  const registry = async (): Promise<ReadonlyMap<string, StaffKeyDoc>> => {
    if (!keys) await load();
    else if (now() - fetchedAt >= KEYS_MAX_AGE_MS) await load().catch(() => {}); // offline: keep the last one read
    return keys!;
  };

  async function check(doc: Record<string, unknown>): Promise<RecordVerdict> {
    const id = String(doc.id ?? doc._id);
    const sig = (doc.signature as { value?: string } | undefined)?.value ?? '';
    const memo = `${id}\n${sig}`;
    const current = await registry(); // may read it again (and forget the verdicts made with the old one)
    const known = verdicts.get(memo);
    if (known) return known;
    let verdict = await verifyRecord(current, doc);
    if (!verdict.ok && verdict.problem === 'unknown_key' && now() - fetchedAt >= KEYS_REFRESH_MS) {
      // A key registered since the registry was read: read it again once.
      await load().catch(() => {});
      verdict = await verifyRecord(keys!, doc);
    }
    verdicts.set(memo, verdict);
    if (verdict.ok) untrusted.delete(id); // e.g. its key was registered after the first look
    if (!verdict.ok && !untrusted.has(id)) {
      untrusted.set(id, { caseId: typeof doc.caseId === 'string' ? doc.caseId : undefined, reason: verdict.reason });
      const collection = doc.type === 'audit_event' ? 'audit' : 'events';
      options.onProblem({ kind: 'signature', collection, id, reason: verdict.reason });
    }
    return verdict;
  }

  return {
    check,
    async trusted<T>(docs: readonly T[]): Promise<T[]> {
      const out: T[] = [];
      for (const d of docs) {
        const doc = d as unknown as Record<string, unknown>;
        if (!SIGNED_TYPES.includes(String(doc.type)) || (await check(doc)).ok) out.push(d);
      }
      return out;
    },
    untrusted,
  };
}
