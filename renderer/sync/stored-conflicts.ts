// Conflicts the server itself stores. Two workstations that push the same document at the same
// moment to a CouchDB cluster can both be accepted, by different copies of its shard: the cluster
// then keeps both revisions, shows one (a deterministic winner) and hides the other in
// `_conflicts`. No push ever hears `409`, so the field-by-field merge of the push
// (couch-replication.ts) never runs and one side's edit silently disappears from view.
//
// The pull reads documents with `conflicts=true`; for each editable document that comes with
// hidden revisions this merges them into the shown one three ways (domain/sync/merge.ts) against
// their last common revision, writes the result over the winner and deletes the other leaves in
// one `_bulk_docs` — CouchDB's documented way to resolve a conflict. Losing values are reported
// only by the workstation whose resolution the server took, so a conflict is listed once.
import { mergeEdits, type FieldConflict } from '../../domain/sync/merge';
import { fromCouch, isMalformed, toCouch, type CouchDoc, type LocalDoc } from './couch-docs';
import { readJson, type RemoteDb } from './remote';

export interface StoredConflictContext {
  readonly remote: RemoteDb;
  readonly types: readonly string[];
  /** Fields derived from other local data (a case's status), as for the push's merge. */
  readonly derive?: (doc: Record<string, unknown>) => Promise<Record<string, unknown> | undefined>;
  readonly what: string;
}

export interface Resolution {
  /** The merged document as written (with its new revision). */
  readonly doc: CouchDoc;
  /** Values that lost a same-field race. */
  readonly conflicts: readonly FieldConflict[];
}

type Revisions = { start: number; ids: string[] };
type WithRevisions = CouchDoc & { _revisions?: Revisions };

const revList = (doc: WithRevisions): string[] =>
  doc._revisions ? doc._revisions.ids.map((hash, i) => `${doc._revisions!.start - i}-${hash}`) : [String(doc._rev)];

/** The newest revision every leaf descends from (the last version all sides agreed on). */
export function commonAncestor(leaves: readonly WithRevisions[]): string | undefined {
  const [first, ...rest] = leaves.map(revList);
  const others = rest.map((l) => new Set(l));
  return first?.find((rev) => others.every((s) => s.has(rev)));
}

async function readLeaves(ctx: StoredConflictContext, id: string, revs: readonly string[]): Promise<WithRevisions[]> {
  const url = `${ctx.remote.url}/${encodeURIComponent(id)}?revs=true&open_revs=${encodeURIComponent(JSON.stringify(revs))}`;
  const reply = await readJson<{ ok?: WithRevisions; missing?: string }[]>(await ctx.remote.fetch(url), ctx.what);
  if (!Array.isArray(reply)) throw new Error(`${ctx.what}: 服务器返回的冲突版本格式不正确`);
  return reply.flatMap((r) => (r.ok && !r.ok._deleted ? [r.ok] : []));
}

async function readRevision(ctx: StoredConflictContext, id: string, rev: string): Promise<CouchDoc | null> {
  const res = await ctx.remote.fetch(`${ctx.remote.url}/${encodeURIComponent(id)}?rev=${encodeURIComponent(rev)}`);
  if (res.status === 404) return null; // compacted away: merge without a base
  return readJson<CouchDoc>(res, ctx.what);
}

type BulkReply = { id: string; rev?: string; error?: string; reason?: string };

async function bulkDocs(ctx: StoredConflictContext, docs: readonly CouchDoc[]): Promise<BulkReply[]> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs }) };
  return readJson<BulkReply[]>(await ctx.remote.fetch(`${ctx.remote.url}/_bulk_docs`, init), ctx.what);
}

/**
 * Resolves the conflict a document came with. Returns the merged version when this workstation's
 * resolution was written, undefined when there was nothing to resolve or another workstation
 * resolved it first (its result comes down the changes feed).
 */
export async function resolveStoredConflict(ctx: StoredConflictContext, shown: CouchDoc & { _conflicts?: string[] }): Promise<Resolution | undefined> {
  const hidden = shown._conflicts ?? [];
  if (hidden.length === 0 || !shown._rev) return undefined;
  const leaves = await readLeaves(ctx, shown._id, [shown._rev, ...hidden]);
  const winner = leaves.find((l) => l._rev === shown._rev);
  const losers = leaves.filter((l) => l._rev !== shown._rev);
  if (!winner || losers.length === 0) return undefined;
  const ancestor = commonAncestor(leaves);
  const baseDoc = ancestor ? await readRevision(ctx, shown._id, ancestor) : null;
  const local = (d: CouchDoc | null) => {
    const l = d && fromCouch(d, ctx.types, []);
    return l && !isMalformed(l) ? (l as LocalDoc) : null;
  };
  const base = local(baseDoc);
  let merged: Record<string, unknown> | null = local(winner);
  if (!merged) return undefined; // a malformed winner is reported by the ordinary pull
  const conflicts: FieldConflict[] = [];
  for (const loser of losers) {
    const other = local(loser);
    if (!other) continue;
    const derived = ctx.derive ? await ctx.derive(merged) : undefined;
    const result = mergeEdits(base, other, merged, derived);
    merged = result.merged;
    conflicts.push(...result.conflicts);
  }
  const attachments = winner._attachments ? { _attachments: winner._attachments } : {};
  const write: CouchDoc = { ...toCouch({ ...merged, id: shown._id, _deleted: false }), _rev: winner._rev, ...attachments };
  const [written] = await bulkDocs(ctx, [write]);
  if (!written?.rev || written.error) return undefined; // resolved by another workstation first
  // Then the losing leaves are closed, each tombstone naming the revision that holds its content
  // (the only deletion the office database's validate_doc_update lets a workstation make).
  const tombstone = (l: CouchDoc) => ({ _id: shown._id, _rev: l._rev, _deleted: true, type: l.type, officeId: l.officeId, mergedInto: written.rev });
  const closed = await bulkDocs(ctx, losers.map(tombstone));
  const refused = closed.find((r) => r.error && r.error !== 'conflict');
  if (refused) throw new Error(`${ctx.what}: 服务器拒绝关闭冲突版本(${refused.reason ?? refused.error})`);
  return { doc: { ...write, _rev: written.rev }, conflicts };
}
