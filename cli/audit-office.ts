// Reading and checking an office's audit chains at the centre (admin URL): hash chain, each
// entry's signature against the staff_key registry, and — given an anchor log — each chain's
// anchored head. Used by `hws audit verify` and `hws audit anchor` (cli/audit.ts).
import { checkAnchoredHead, headKey, verifyChain, verifyRecord, type AnchorHead, type ChainVerdict } from '../domain/audit';
import type { AuditEventDoc } from '../domain/model';
import type { StaffKeyDoc } from '../domain/sync/staff-keys';
import type { CouchClient } from '../sync-server/couch';

const PAGE = 2_000;
const COUCH_ONLY = ['_id', '_rev', '_revisions', '_conflicts', '_attachments', '_deleted', '_local_seq'];

/** An audit document as the workstation stored it: `id` instead of CouchDB's `_id`/`_rev`. */
export function fromCouchAudit(doc: Record<string, unknown>): AuditEventDoc {
  const out: Record<string, unknown> = { id: doc._id };
  for (const [k, v] of Object.entries(doc)) if (!COUCH_ONLY.includes(k)) out[k] = v;
  return out as unknown as AuditEventDoc;
}

/** The office's audit events in stored (id) order: ids are `audit:<chain>:<seq, zero-padded>`. */
export async function readAuditDocs(couch: CouchClient, db: string): Promise<AuditEventDoc[]> {
  const out: AuditEventDoc[] = [];
  let startkey = 'audit:';
  let skip = 0;
  for (;;) {
    const q = `startkey=${encodeURIComponent(JSON.stringify(startkey))}&endkey=${encodeURIComponent('"audit:\ufff0"')}&include_docs=true&limit=${PAGE}&skip=${skip}`;
    const page = await couch.request<{ rows: { id: string; doc?: Record<string, unknown> }[] }>('GET', `/${db}/_all_docs?${q}`);
    for (const row of page.rows) if (row.doc?.type === 'audit_event') out.push(fromCouchAudit(row.doc));
    if (page.rows.length < PAGE) return out;
    startkey = page.rows.at(-1)!.id;
    skip = 1;
  }
}

/** Ids of audit events that were deleted on the server (they remain in the changes feed). */
export async function deletedAuditIds(couch: CouchClient, db: string): Promise<string[]> {
  const out: string[] = [];
  let since: string | number = 0;
  for (;;) {
    const page: { results: { id: string; deleted?: boolean }[]; last_seq: string | number } = await couch.request('GET', `/${db}/_changes?since=${encodeURIComponent(String(since))}&limit=${PAGE * 5}`);
    for (const r of page.results) if (r.deleted && r.id.startsWith('audit:')) out.push(r.id);
    if (page.results.length < PAGE * 5) return out;
    since = page.last_seq;
  }
}

export interface ChainReport {
  readonly chainId: string;
  readonly verdict: ChainVerdict;
  /** The id of the first bad event, when there is one. */
  readonly eventId?: string;
}

const chainOfId = (id: string): string => id.slice('audit:'.length).replace(/:\d+$/, '');

export function groupChains(events: readonly AuditEventDoc[]): Map<string, AuditEventDoc[]> {
  const chains = new Map<string, AuditEventDoc[]>();
  for (const e of events) chains.set(e.chainId, [...(chains.get(e.chainId) ?? []), e]);
  return chains;
}

/** Groups by chain (keeping stored order) and verifies each hash chain; deleted events are reported first. */
export function verifyOffice(events: readonly AuditEventDoc[], deletedIds: readonly string[] = []): ChainReport[] {
  const chains = groupChains(events);
  for (const id of deletedIds) if (!chains.has(chainOfId(id))) chains.set(chainOfId(id), []);
  return [...chains.entries()].map(([chainId, list]): ChainReport => {
    const removed = deletedIds.filter((id) => chainOfId(id) === chainId).sort()[0];
    if (removed !== undefined) {
      const seq = Number(removed.slice(removed.lastIndexOf(':') + 1));
      const reason = `序号${seq}的记录(${removed})已在中心库中被删除`;
      return { chainId, verdict: { ok: false, index: list.findIndex((e) => e.seq > seq), reason }, eventId: removed };
    }
    const verdict = verifyChain(list);
    return { chainId, verdict, ...(verdict.ok ? {} : { eventId: list[verdict.index]?.id ?? '(末尾)' }) };
  });
}

/** Each intact chain's entries checked against the registered keys: the first unsigned or forged entry fails the chain. */
export async function checkSignatures(reports: readonly ChainReport[], events: readonly AuditEventDoc[], keys: ReadonlyMap<string, StaffKeyDoc>): Promise<ChainReport[]> {
  const chains = groupChains(events);
  const out: ChainReport[] = [];
  for (const r of reports) {
    let report = r;
    if (r.verdict.ok) {
      for (const [i, e] of (chains.get(r.chainId) ?? []).entries()) {
        const v = await verifyRecord(keys, e as unknown as Record<string, unknown>);
        if (!v.ok) {
          report = { chainId: r.chainId, verdict: { ok: false, index: i, reason: `第${i + 1}条记录(序号${e.seq},经办人 ${e.actor.userId})签名无效:${v.reason}` }, eventId: e.id };
          break;
        }
      }
    }
    out.push(report);
  }
  return out;
}

/** Intact chains checked against their anchored heads; a chain anchored once but now absent fails too. */
export function checkAnchors(reports: readonly ChainReport[], events: readonly AuditEventDoc[], officeId: string, heads: ReadonlyMap<string, AnchorHead>): ChainReport[] {
  const chains = groupChains(events);
  const out = reports.map((r): ChainReport => {
    if (!r.verdict.ok) return r;
    const list = chains.get(r.chainId) ?? [];
    const problem = checkAnchoredHead(list, heads.get(headKey(officeId, r.chainId)));
    return problem ? { chainId: r.chainId, verdict: { ok: false, index: list.length, reason: problem }, eventId: list.at(-1)?.id ?? '(无)' } : r;
  });
  for (const head of heads.values()) {
    if (head.officeId === officeId && !out.some((r) => r.chainId === head.chainId)) {
      out.push({ chainId: head.chainId, verdict: { ok: false, index: 0, reason: `已锚定到序号${head.seq}的整条审计链已不在中心库中` }, eventId: '(整条链)' });
    }
  }
  return out;
}

export function formatReport(r: ChainReport): string {
  if (r.verdict.ok) return `审计链 ${r.chainId}:完整,共${r.verdict.count}条记录`;
  return `审计链 ${r.chainId}:发现篡改 — ${r.verdict.reason}(记录 ${r.eventId})`;
}
