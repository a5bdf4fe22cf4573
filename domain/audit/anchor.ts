// Anchored audit chain heads. A hash chain alone cannot show that its last entries were re-hashed
// or cut off by someone who can write the database (a CouchDB admin). So the audit office, with a
// key held outside the workstations and outside CouchDB (a key file), periodically countersigns
// each chain's head — {officeId, chainId, seq, hash, at} — into an append-only log, itself
// hash-chained line by line (each line names the SHA-256 of the line before it) and every line
// signed. `hws audit verify --anchors` then fails a chain that lacks its anchored head, or holds
// another hash there. Whoever rewrites the tail must also forge the anchor key's signature.
import { signDoc, verifySignature, type Signature, type Signer } from '../crypto/signing';
import type { AuditEventDoc } from '../model/audit';
import { GENESIS_HASH } from './chain';
import { sha256Hex } from './sha256';

export interface AnchorHead {
  readonly officeId: string;
  readonly chainId: string;
  readonly seq: number;
  readonly hash: string;
  /** When the head was anchored (the anchoring machine's clock). */
  readonly at: string;
}

export interface AnchorLine extends AnchorHead {
  readonly type: 'audit_anchor';
  /** Position in the log, from 0. */
  readonly n: number;
  /** SHA-256 (hex) of the previous line's text, GENESIS_HASH for the first. */
  readonly prev: string;
  readonly signature: Signature;
}

/** The next line of the log (its JSON text), after `lastLine` (the log's last line text, or null). */
export async function anchorLine(signer: Signer, lastLine: string | null, head: AnchorHead): Promise<string> {
  const n = lastLine === null ? 0 : (JSON.parse(lastLine) as AnchorLine).n + 1;
  const prev = lastLine === null ? GENESIS_HASH : sha256Hex(lastLine);
  const line = await signDoc(signer, { type: 'audit_anchor', n, prev, officeId: head.officeId, chainId: head.chainId, seq: head.seq, hash: head.hash, at: head.at });
  return JSON.stringify(line);
}

export type AnchorLog =
  | { readonly ok: true; readonly lines: number; readonly last: string | null; readonly heads: ReadonlyMap<string, AnchorHead> }
  | { readonly ok: false; readonly reason: string };

export const headKey = (officeId: string, chainId: string): string => `${officeId}\n${chainId}`;

/** Checks every line of a log (signature by the anchor key, order, link to the line before) and answers the latest head per office and chain. */
export async function readAnchorLog(publicKey: string, text: string): Promise<AnchorLog> {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const heads = new Map<string, AnchorHead>();
  let prevText: string | null = null;
  for (const [i, raw] of lines.entries()) {
    let line: AnchorLine;
    try {
      line = JSON.parse(raw) as AnchorLine;
    } catch {
      return { ok: false, reason: `锚定日志第${i + 1}行不是有效记录,日志已损坏或被篡改` };
    }
    if (line.type !== 'audit_anchor' || line.n !== i) return { ok: false, reason: `锚定日志第${i + 1}行的序号不符,日志中的行被删除或调换` };
    if (line.prev !== (prevText === null ? GENESIS_HASH : sha256Hex(prevText))) return { ok: false, reason: `锚定日志第${i + 1}行与上一行的哈希链接断开,日志被修改` };
    if (!(await verifySignature(publicKey, line as unknown as Record<string, unknown>))) return { ok: false, reason: `锚定日志第${i + 1}行的签名不是此锚定密钥所签,日志被伪造或修改` };
    const previous = heads.get(headKey(line.officeId, line.chainId));
    if (previous && line.seq < previous.seq) return { ok: false, reason: `锚定日志第${i + 1}行把审计链 ${line.chainId} 的链头退回到序号${line.seq}` };
    heads.set(headKey(line.officeId, line.chainId), { officeId: line.officeId, chainId: line.chainId, seq: line.seq, hash: line.hash, at: line.at });
    prevText = raw;
  }
  return { ok: true, lines: lines.length, last: prevText, heads };
}

/** Why a chain as stored does not hold its anchored head, or null when it does (later entries are simply not anchored yet). */
export function checkAnchoredHead(chain: readonly AuditEventDoc[], head: AnchorHead | undefined): string | null {
  if (!head) return '此审计链没有锚定的链头(从未锚定,或整条链是新伪造的)';
  const at = chain.find((e) => e.seq === head.seq);
  const last = chain.at(-1);
  if (!at) return `锚定的链头(序号${head.seq},${head.at})已不存在:审计链末尾被截断,现只到序号${last?.seq ?? '无'}`;
  if (at.hash !== head.hash) return `序号${head.seq}的记录与锚定的链头哈希不符:锚定后记录被改写并重新计算了哈希`;
  return null;
}
