// Tamper-evident audit chain: each event's hash covers the previous hash and the canonical JSON of
// the event, so editing, removing or reordering any event breaks the chain from that point on.
import type { AuditEntry, AuditEventDoc } from '../model/audit';
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';

export type HashFn = (text: string) => string;

/** prevHash of the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);
/** 1: entries carry their actor's signature, which covers the hash (the hash does not cover the signature). */
export const AUDIT_SCHEMA_VERSION = 1;

/** Where a new chain starts: one chain per writing device. */
export interface ChainStart {
  readonly chainId: string;
}

const isEvent = (p: AuditEventDoc | ChainStart): p is AuditEventDoc => 'hash' in p;

/** The part of an event covered by its hash: everything except the hash itself and the signature over it. */
function hashedBody(event: Omit<AuditEventDoc, 'hash'> | AuditEventDoc): string {
  const { hash: _hash, signature: _signature, ...body } = event as AuditEventDoc;
  return canonicalJson(body);
}

export function computeHash(event: Omit<AuditEventDoc, 'hash'>, hash: HashFn = sha256Hex): string {
  return hash(event.prevHash + hashedBody(event));
}

/** Appends `entry` after `prev` (the chain's last event, or its start). */
export function appendAudit(prev: AuditEventDoc | ChainStart, entry: AuditEntry, hash: HashFn = sha256Hex): AuditEventDoc {
  const seq = isEvent(prev) ? prev.seq + 1 : 0;
  const body: Omit<AuditEventDoc, 'hash'> = {
    ...entry,
    id: `audit:${prev.chainId}:${String(seq).padStart(10, '0')}`,
    type: 'audit_event',
    schemaVersion: AUDIT_SCHEMA_VERSION,
    createdAt: entry.at,
    updatedAt: entry.at,
    chainId: prev.chainId,
    seq,
    prevHash: isEvent(prev) ? prev.hash : GENESIS_HASH,
  };
  return { ...body, hash: computeHash(body, hash) };
}

export type ChainVerdict =
  | { readonly ok: true; readonly count: number; readonly head: { readonly seq: number; readonly hash: string } | null }
  | { readonly ok: false; readonly index: number; readonly reason: string };

export interface VerifyOptions {
  /** Last event known from elsewhere (e.g. the latest replicated checkpoint): detects a cut-off tail. */
  readonly expectedHead?: { readonly seq: number; readonly hash: string };
}

const bad = (index: number, reason: string): ChainVerdict => ({ ok: false, index, reason });

/** Verifies a whole chain, in stored (seq) order, returning the first bad index and why. */
export function verifyChain(
  events: readonly AuditEventDoc[],
  hash: HashFn = sha256Hex,
  options: VerifyOptions = {},
): ChainVerdict {
  let prev: AuditEventDoc | undefined;
  for (const [i, e] of events.entries()) {
    const n = i + 1;
    if (prev === undefined) {
      if (e.seq !== 0 || e.prevHash !== GENESIS_HASH) {
        return bad(i, `第${n}条记录(序号${e.seq})不是链的起点,之前的记录可能被删除`);
      }
    } else {
      if (e.chainId !== prev.chainId) return bad(i, `第${n}条记录属于另一条审计链(${e.chainId})`);
      if (e.seq <= prev.seq) return bad(i, `第${n}条记录的序号${e.seq}不大于上一条的${prev.seq},记录顺序被调换`);
      if (e.seq !== prev.seq + 1) {
        const expected = prev.seq + 1;
        if (events.slice(i + 1).some((x) => x.seq === expected)) {
          return bad(i, `第${n}条记录(序号${e.seq})排在序号${expected}之前,记录顺序被调换`);
        }
        return bad(i, `序号从${prev.seq}跳到${e.seq},中间${e.seq - prev.seq - 1}条记录缺失`);
      }
    }
    if (computeHash(e, hash) !== e.hash) return bad(i, `第${n}条记录(序号${e.seq})的内容与哈希不符,记录已被修改`);
    if (prev !== undefined && e.prevHash !== prev.hash) {
      return bad(i, `第${n}条记录(序号${e.seq})与上一条的哈希链接断开,之前的记录已被修改或替换`);
    }
    prev = e;
  }
  const head = prev === undefined ? null : { seq: prev.seq, hash: prev.hash };
  const expected = options.expectedHead;
  if (expected !== undefined) {
    if (head === null || head.seq < expected.seq) {
      return bad(events.length, `审计链应至少有${expected.seq + 1}条记录,实际只有${events.length}条,末尾记录被删除`);
    }
    const at = events.findIndex((e) => e.seq === expected.seq);
    if (events[at]?.hash !== expected.hash) return bad(at, `序号${expected.seq}的记录与已知的链头哈希不符`);
  }
  return { ok: true, count: events.length, head };
}
