// What signing costs per record, against the plain SHA-256 hash-chain append as the baseline, in
// one process: for N audit entries, the hash-chain append alone (domain/audit appendAudit), the
// append + ECDSA P-256 signature (what recordAudit now does), and the signature check a reader
// makes (verifyRecord against a registry); for N case events, sign and verify. Median and p95 per
// record, and records per second. `npm run bench:signing [-- --n 2000]`.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { appendAudit, verifyRecord } from '../domain/audit';
import { generateSigningKey, importSigner, signDoc } from '../domain/crypto/signing';
import type { AuditEntry, AuditEventDoc } from '../domain/model';
import { staffKeyDoc } from '../domain/sync/staff-keys';

const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' } } });
const N = Number(values.n);

interface Figures {
  readonly name: string;
  readonly median: number;
  readonly p95: number;
  readonly perSecond: number;
}

async function measure(name: string, step: (i: number) => Promise<unknown> | unknown): Promise<Figures> {
  for (let i = 0; i < Math.min(200, N); i++) await step(i); // warm-up
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await step(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  return { name, median: times[Math.floor(N / 2)]!, p95: times[Math.floor(N * 0.95)]!, perSecond: (N / total) * 1000 };
}

const pair = await generateSigningKey();
const signer = await importSigner(pair);
const keys = new Map([[`staff_key:clerk1:${pair.keyId}`, { ...staffKeyDoc({ name: 'clerk1', officeId: 'futian-huafu' }, pair.publicKey, 'ws-bench', '2020-01-01T00:00:00.000Z') }]]);
const entry = (i: number): AuditEntry => ({
  officeId: 'futian-huafu', at: new Date(Date.UTC(2026, 0, 1) + i).toISOString(), actor: { userId: 'clerk1', name: '张敏' },
  action: 'id_unmask', target: `person:${i}`, detail: { caseId: `case:${i}`, field: 'idNumber', reason: '办件详情中核对申请人身份证号' },
});

let head: AuditEventDoc | { chainId: string } = { chainId: 'ws-bench' };
const plain = await measure('审计链追加(仅 SHA-256 哈希链,基线)', (i) => {
  head = appendAudit(head, entry(i));
});
head = { chainId: 'ws-bench' };
const signed: Record<string, unknown>[] = [];
const appendSigned = await measure('审计链追加 + ECDSA P-256 签名', async (i) => {
  const e = appendAudit(head, entry(i));
  head = e;
  signed[i] = await signDoc(signer, e as unknown as Record<string, unknown>);
});
const verifyAudit = await measure('审计条目签名验证(读者)', (i) => verifyRecord(keys, signed[i]!));
const event = (i: number) => ({
  id: `event:${i}`, type: 'case_event', schemaVersion: 1, officeId: 'futian-huafu', createdAt: entry(i).at, updatedAt: entry(i).at, caseId: `case:${i}`, kind: 'accept',
  actor: { userId: 'clerk1', name: '张敏', roles: ['clerk'], officeId: 'futian-huafu' }, at: entry(i).at, payload: { receiptNo: `SZ${i}` }, deviceId: 'ws-bench',
});
const events: Record<string, unknown>[] = [];
const signEvent = await measure('办件事件签名', async (i) => {
  events[i] = await signDoc(signer, event(i));
});
const verifyEvent = await measure('办件事件签名验证(读者)', (i) => verifyRecord(keys, events[i]!));

const ms = (x: number) => `${(x * 1000).toFixed(0).padStart(6)} µs`;
console.log(`签名开销:每条 ${N} 次,Node ${process.version},${os.cpus()[0]?.model ?? '?'},负载 ${os.loadavg()[0]!.toFixed(1)}`);
console.log(`${'操作'.padEnd(30)}  中位数     p95        条/秒`);
for (const f of [plain, appendSigned, verifyAudit, signEvent, verifyEvent]) {
  console.log(`${f.name.padEnd(30)}${ms(f.median)} ${ms(f.p95)} ${f.perSecond.toFixed(0).padStart(10)}`);
}
console.log(`签名使每条审计追加的中位数增加 ${ms(appendSigned.median - plain.median).trim()}(基线的 ${(appendSigned.median / plain.median).toFixed(1)} 倍)`);
