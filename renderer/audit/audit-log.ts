// Writes the workstation's tamper-evident audit chain into the local `audit` collection, which
// replicates to the office database like cases. One chain per workstation (`chainId` = its id);
// appends are serialised per database so two actions never claim the same `seq`. Every entry is
// signed by the signed-in user (its signature covers the entry, its place in the chain and hash).
import { appendAudit } from '../../domain/audit';
import { signDoc, type Signer } from '../../domain/crypto/signing';
import type { SessionUser } from '../../domain/ipc/session';
import type { AuditAction, AuditEntry, AuditEventDoc } from '../../domain/model';
import type { AnyDoc, WorkstationDb } from '../db/database';

/** What an audited action needs to know: where to write, who acts, on which workstation. */
export interface AuditContext {
  readonly db: WorkstationDb;
  readonly user: SessionUser;
  /** This workstation's id: the audit chain's id. */
  readonly deviceId: string;
  /** Signs as `user` with their own key (session.keys.signing). */
  readonly signer: Signer;
  readonly now?: () => Date;
}

export type AuditDetail = AuditEntry['detail'];

const queues = new WeakMap<WorkstationDb, Promise<unknown>>();
const MAX_ATTEMPTS = 3;

const heads = new WeakMap<WorkstationDb, Map<string, AuditEventDoc>>();
const json = (d: { toJSON(): unknown } | null): AuditEventDoc | undefined => (d ? (d.toJSON() as unknown as AuditEventDoc) : undefined);

/**
 * The last event of a chain in the local database, if any. RxDB's Dexie storage cannot walk an
 * index backwards (a 'desc' sort reads the whole chain), so the head is found by counting on the
 * [chainId, seq] index and reading that seq, falling back to a full read only if the chain has a gap.
 */
export async function chainHead(db: WorkstationDb, chainId: string): Promise<AuditEventDoc | undefined> {
  const count = await db.audit.count({ selector: { chainId } }).exec();
  if (count === 0) return undefined;
  let head = json(await db.audit.findOne({ selector: { chainId, seq: count - 1 } }).exec());
  if (head === undefined) {
    const all = await db.audit.find({ selector: { chainId }, sort: [{ chainId: 'asc' }, { seq: 'asc' }] }).exec();
    return json(all.at(-1) ?? null);
  }
  for (;;) {
    const next = json(await db.audit.findOne({ selector: { chainId, seq: head.seq + 1 } }).exec());
    if (next === undefined) return head;
    head = next;
  }
}

async function append(ctx: AuditContext, entry: AuditEntry): Promise<AuditEventDoc> {
  const known = heads.get(ctx.db) ?? new Map<string, AuditEventDoc>();
  heads.set(ctx.db, known);
  for (let attempt = 1; ; attempt++) {
    const head = known.get(ctx.deviceId) ?? (await chainHead(ctx.db, ctx.deviceId));
    const event = await signDoc(ctx.signer, appendAudit(head ?? { chainId: ctx.deviceId }, entry) as unknown as Record<string, unknown>) as unknown as AuditEventDoc;
    try {
      await ctx.db.audit.insert(event as unknown as AnyDoc);
      known.set(ctx.deviceId, event);
      return event;
    } catch (e) {
      // Another tab or a pull may have written this seq first: read the head again.
      known.delete(ctx.deviceId);
      if (attempt >= MAX_ATTEMPTS) throw e;
    }
  }
}

/** Whether this database keeps an audit chain: a signed-in session always opens it. */
export const keepsAudit = (db: WorkstationDb): boolean => db.collections.audit !== undefined;

/**
 * Appends one audit event (create, change, unmask, export…) for the signed-in user.
 * `target` is the document acted on; `detail` says what and why, never a clear sensitive value.
 * Answers null, writing nothing, only for a database deliberately opened without the `audit`
 * collection (tests of other features); reads of sensitive data must check `keepsAudit` first.
 */
export function recordAudit(ctx: AuditContext, action: AuditAction, target: string | null, detail: AuditDetail = {}): Promise<AuditEventDoc | null> {
  if (!keepsAudit(ctx.db)) return Promise.resolve(null);
  const entry: AuditEntry = {
    officeId: ctx.user.officeId,
    at: (ctx.now?.() ?? new Date()).toISOString(),
    actor: { userId: ctx.user.name, name: ctx.user.displayName },
    action,
    target,
    detail,
  };
  const previous = queues.get(ctx.db) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => append(ctx, entry));
  queues.set(ctx.db, next);
  return next;
}

/** The chain as stored locally, in seq order (for verification on the workstation). */
export async function readChain(db: WorkstationDb, chainId: string): Promise<AuditEventDoc[]> {
  const docs = await db.audit.find({ selector: { chainId }, sort: [{ chainId: 'asc' }, { seq: 'asc' }] }).exec();
  return docs.map((d) => d.toJSON() as unknown as AuditEventDoc);
}
