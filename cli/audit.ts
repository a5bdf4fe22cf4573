// `hws audit verify --url URL --office ID [--chain ID]`: reads an office's audit events from the
// central CouchDB (admin URL) and checks every workstation's hash chain. Exit 0: all chains intact;
// 1: a chain is broken (edited, removed or reordered event) or the chain asked for is absent.
import { parseArgs } from 'node:util';
import { verifyChain, type ChainVerdict } from '../domain/audit';
import type { AuditEventDoc } from '../domain/model';
import { officeDbName } from '../domain/sync/databases';
import { couchClient, type CouchClient } from '../sync-server/couch';

const PAGE = 2_000;
const COUCH_ONLY = ['_id', '_rev', '_revisions', '_conflicts', '_attachments', '_deleted', '_local_seq'];

/** An audit document as the workstation stored it: `id` instead of CouchDB's `_id`/`_rev`. */
export function fromCouchAudit(doc: Record<string, unknown>): AuditEventDoc {
  const out: Record<string, unknown> = { id: doc._id };
  for (const [k, v] of Object.entries(doc)) if (!COUCH_ONLY.includes(k)) out[k] = v;
  return out as unknown as AuditEventDoc;
}

/** The office's audit events in stored (id) order: ids are `audit:<chain>:<seq, zero-padded>`. */
async function readAuditDocs(couch: CouchClient, db: string): Promise<AuditEventDoc[]> {
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
async function deletedAuditIds(couch: CouchClient, db: string): Promise<string[]> {
  const out: string[] = [];
  let since: string | number = 0;
  for (;;) {
    const q: string = `since=${encodeURIComponent(String(since))}&limit=${PAGE * 5}`;
    const page: { results: { id: string; deleted?: boolean }[]; last_seq: string | number } = await couch.request<{ results: { id: string; deleted?: boolean }[]; last_seq: string | number }>('GET', `/${db}/_changes?${q}`);
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

/** Groups by chain (keeping stored order) and verifies each; deleted events are reported first. */
export function verifyOffice(events: readonly AuditEventDoc[], deletedIds: readonly string[] = []): ChainReport[] {
  const chains = new Map<string, AuditEventDoc[]>();
  for (const e of events) {
    const list = chains.get(e.chainId);
    if (list) list.push(e);
    else chains.set(e.chainId, [e]);
  }
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

export function formatReport(r: ChainReport): string {
  if (r.verdict.ok) return `审计链 ${r.chainId}:完整,共${r.verdict.count}条记录`;
  return `审计链 ${r.chainId}:发现篡改 — ${r.verdict.reason}(记录 ${r.eventId})`;
}

const USAGE = '用法:hws audit verify --url http://admin:密码@主机:5984 --office 办事处编号 [--chain 工作站编号]';

async function verify(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { url: { type: 'string' }, office: { type: 'string' }, chain: { type: 'string' } } });
  if (!values.url || !values.office) {
    console.error(USAGE);
    return 2;
  }
  const couch = couchClient(values.url);
  const db = officeDbName(values.office);
  const [events, deleted] = await Promise.all([readAuditDocs(couch, db), deletedAuditIds(couch, db)]);
  let reports = verifyOffice(events, deleted);
  if (values.chain !== undefined) {
    reports = reports.filter((r) => r.chainId === values.chain);
    if (reports.length === 0) {
      console.error(`办事处 ${values.office} 没有工作站 ${values.chain} 的审计记录`);
      return 1;
    }
  }
  if (reports.length === 0) console.log(`办事处 ${values.office} 尚无审计记录`);
  for (const r of reports) console.log(formatReport(r));
  return reports.every((r) => r.verdict.ok) ? 0 : 1;
}

export async function auditCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') return verify(rest);
  console.error(USAGE);
  return 2;
}
