import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditEventDoc } from '../model/audit';
import { GENESIS_HASH, appendAudit, computeHash, verifyChain } from './chain';

const entry = (i: number): AuditEntry => ({
  officeId: 'office:futian-shatou',
  at: `2024-03-15T0${i}:00:00.000Z`,
  actor: { userId: 'user:1', name: '李娜' },
  action: i % 2 === 0 ? 'id_unmask' : 'case_event',
  target: `case:${i}`,
  detail: { purpose: '核对身份', n: i },
});

function chainOf(n: number): AuditEventDoc[] {
  const events: AuditEventDoc[] = [];
  for (let i = 0; i < n; i++) events.push(appendAudit(events.at(-1) ?? { chainId: 'device:A' }, entry(i)));
  return events;
}

describe('audit chain', () => {
  it('links each event to the previous one', () => {
    const c = chainOf(3);
    expect(c[0]).toMatchObject({ seq: 0, prevHash: GENESIS_HASH, chainId: 'device:A', type: 'audit_event', id: 'audit:device:A:0000000000' });
    expect(c[1]!.prevHash).toBe(c[0]!.hash);
    expect(c[2]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(c)).toEqual({ ok: true, count: 3, head: { seq: 2, hash: c[2]!.hash } });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: null });
  });

  it('accepts another hash function', () => {
    const fake = (s: string) => String(s.length).padStart(64, '0');
    const a = appendAudit({ chainId: 'c' }, entry(0), fake);
    expect(verifyChain([a], fake).ok).toBe(true);
    expect(verifyChain([a]).ok).toBe(false);
  });

  it('detects an edited event', () => {
    const c = chainOf(5);
    c[2] = { ...c[2]!, detail: { purpose: '其他', n: 2 } };
    expect(verifyChain(c)).toEqual({ ok: false, index: 2, reason: '第3条记录(序号2)的内容与哈希不符,记录已被修改' });
  });

  it('detects an edit whose hash was recomputed, at the next event', () => {
    const c = chainOf(5);
    const edited = { ...c[2]!, actor: { userId: 'user:2', name: '王五' } };
    c[2] = { ...edited, hash: computeHash(edited) };
    expect(verifyChain(c)).toEqual({ ok: false, index: 3, reason: '第4条记录(序号3)与上一条的哈希链接断开,之前的记录已被修改或替换' });
  });

  it('detects a removed event', () => {
    const c = chainOf(5);
    c.splice(2, 1);
    expect(verifyChain(c)).toEqual({ ok: false, index: 2, reason: '序号从1跳到3,中间1条记录缺失' });
  });

  it('detects a removed first event', () => {
    expect(verifyChain(chainOf(3).slice(1))).toMatchObject({ ok: false, index: 0 });
  });

  it('detects reordered events', () => {
    const c = chainOf(5);
    [c[1], c[2]] = [c[2]!, c[1]!];
    expect(verifyChain(c)).toEqual({ ok: false, index: 1, reason: '第2条记录(序号2)排在序号1之前,记录顺序被调换' });
    const d = chainOf(5);
    [d[3], d[4]] = [d[4]!, d[3]!];
    expect(verifyChain(d)).toMatchObject({ ok: false, index: 3 });
  });

  it('detects renumbered reordering (seq rewritten) through the hashes', () => {
    const c = chainOf(4);
    const swapped = [c[0]!, { ...c[2]!, seq: 1 }, { ...c[1]!, seq: 2 }, c[3]!];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, index: 1, reason: '第2条记录(序号1)的内容与哈希不符,记录已被修改' });
  });

  it('detects a cut-off tail against a known head', () => {
    const c = chainOf(5);
    const head = { seq: 4, hash: c[4]!.hash };
    expect(verifyChain(c, undefined, { expectedHead: head }).ok).toBe(true);
    expect(verifyChain(c.slice(0, 3), undefined, { expectedHead: head })).toEqual({
      ok: false,
      index: 3,
      reason: '审计链应至少有5条记录,实际只有3条,末尾记录被删除',
    });
  });
});
