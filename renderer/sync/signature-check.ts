// Readers verify: every case event and audit entry that comes down from the server is checked
// against the registered staff keys (domain/audit/signed-records.ts). One that is unsigned,
// forged, signed with a key not registered to its actor, or revoked is reported in the sync
// problems list (kind `signature`, the IT view's 同步 › 问题) and left out of the events a case's
// status is derived from (`trusted`, given to the case projection). Verdicts are kept per record
// and signature (records are immutable) until the registry is read again: from the reference
// database, again at most every KEYS_REFRESH_MS when a record names a key not yet known, and after
// KEYS_MAX_AGE_MS (so a revocation takes effect).
//
// A record naming a key not yet known is not reported at once: the key may have been registered
// just after the registry was read (a district reviewer signing in for the first time and recording
// a hand-back at once). The registry is read again KEYS_REFRESH_MS after the last read, and the
// record checked again; if it verifies then, its case is given back to the projection
// (`retrusted$`) so that its status is derived with it. Only a record still unknown then is reported.
import { Subject, type Observable } from 'rxjs';
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
  /** Cases one of whose records verified on the second look (its key registered after the first): derive them again. */
  readonly retrusted$: Observable<string>;
  stop(): void;
}

export function startSignatureCheck(options: SignatureCheckOptions): SignatureCheck {
  const now = options.now ?? Date.now;
  let keys: ReadonlyMap<string, StaffKeyDoc> | undefined;
  let fetchedAt = -Infinity;
  let loading: Promise<void> | undefined;
  const verdicts = new Map<string, RecordVerdict>();
  const untrusted = new Map<string, { caseId?: string; reason: string }>();
  /** Records naming a key not yet known, waiting for the registry to be read again. */
  const waiting = new Map<string, Record<string, unknown>>();
  const retrusted$ = new Subject<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

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

  /** Reads the registry again once KEYS_REFRESH_MS have passed since the last read, and looks again at the waiting records. */
  const lookAgainLater = () => {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      void (async () => {
        await load().catch(() => {}); // offline: the records are judged with the registry read before
        timer = undefined;
        const docs = [...waiting.values()];
        waiting.clear();
        for (const doc of docs) {
          if (stopped) return;
          const verdict = await check(doc, true).catch(() => undefined);
          if (verdict?.ok && typeof doc.caseId === 'string') retrusted$.next(doc.caseId);
        }
      })();
    }, Math.max(0, fetchedAt + KEYS_REFRESH_MS - now()));
  };

  /** `final`: the second look at a record whose key was unknown: what it finds is the verdict. */
  async function check(doc: Record<string, unknown>, final = false): Promise<RecordVerdict> {
    const id = String(doc.id ?? doc._id);
    const sig = (doc.signature as { value?: string } | undefined)?.value ?? '';
    const memo = `${id}\n${sig}`;
    const current = await registry(); // may read it again (and forget the verdicts made with the old one)
    const known = verdicts.get(memo);
    if (known) return known;
    let verdict = await verifyRecord(current, doc);
    if (!verdict.ok && verdict.problem === 'unknown_key' && !final) {
      // A key registered since the registry was read: read it again now if it is old enough, else soon.
      if (now() - fetchedAt >= KEYS_REFRESH_MS) {
        await load().catch(() => {});
        verdict = await verifyRecord(keys!, doc);
      }
      if (!verdict.ok && verdict.problem === 'unknown_key') {
        waiting.set(id, doc);
        lookAgainLater();
        return verdict; // not trusted for now, not yet reported
      }
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
    check: (doc) => check(doc),
    async trusted<T>(docs: readonly T[]): Promise<T[]> {
      const out: T[] = [];
      for (const d of docs) {
        const doc = d as unknown as Record<string, unknown>;
        if (!SIGNED_TYPES.includes(String(doc.type)) || (await check(doc)).ok) out.push(d);
      }
      return out;
    },
    untrusted,
    retrusted$: retrusted$.asObservable(),
    stop() {
      stopped = true;
      clearTimeout(timer);
      retrusted$.complete();
    },
  };
}
