// The batch import's decisions (domain/sync/batch-decide.ts) without a server: the office's real
// validate_doc_update compiled as CouchDB runs it, staff keys and users in memory. Forged or
// borrowed authority is refused per document with its reason; an IT user carries the office's
// records but no decision of theirs or anyone else's without a valid signature; a corrupt,
// truncated or wrong-office file is refused whole, in Chinese, before any decision.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkExporter, decideDoc, type DecideEnv, type UserCtx, type Validate } from '../domain/sync/batch-decide';
import { BatchError, openBatch, sealBatch, signedPayload, type BatchDoc } from '../domain/sync/batch-file';
import { staffKeyDoc, type StaffKeyDoc } from '../domain/sync/staff-keys';
import { keyOf, signAs } from '../domain/sync/testing/signers';
import { compileDesignFunction, loadDesignDoc } from './design/load';

const officeId = 'futian-huafu';
const officeKey = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));
const at = '2024-05-02T08:00:00.000Z';
const USERS: Record<string, UserCtx & { officeId: string }> = {
  clerk1: { name: 'clerk1', roles: ['staff', 'clerk', `office:${officeId}`], officeId },
  reviewer1: { name: 'reviewer1', roles: ['staff', 'reviewer', `office:${officeId}`], officeId },
  inspector1: { name: 'inspector1', roles: ['staff', 'inspector', `office:${officeId}`], officeId },
  it1: { name: 'it1', roles: ['staff', 'it', `office:${officeId}`], officeId },
  clerk3: { name: 'clerk3', roles: ['staff', 'clerk', 'office:futian-xiangmihu'], officeId: 'futian-xiangmihu' },
};
const secObj = { members: { roles: [`office:${officeId}`, 'district:futian'] } };
let validate: Validate;
const keys = new Map<string, StaffKeyDoc>();
beforeAll(async () => {
  validate = compileDesignFunction<Validate>(String((await loadDesignDoc('office')).validate_doc_update));
  for (const u of Object.values(USERS)) {
    const doc = staffKeyDoc({ name: u.name!, officeId: u.officeId, roles: u.roles.filter((r) => !r.includes(':') && r !== 'staff') }, (await keyOf(u.name!)).pair.publicKey, 'ws-test', '2020-01-01T00:00:00.000Z');
    keys.set(doc._id, doc);
  }
});

const userCtx = async (name: string): Promise<UserCtx | null> => USERS[name] ?? null;
let n = 0;
const event = (actor: string, kind: string, payload: Record<string, unknown> = {}): BatchDoc => ({
  _id: `event:decide-${n++}`, _rev: `1-${'c'.repeat(31)}${n % 10}`, type: 'case_event', schemaVersion: 1, officeId, createdAt: at, updatedAt: at,
  caseId: 'case:decide', kind, actor: { userId: actor, name: actor, roles: USERS[actor]!.roles.filter((r) => !r.includes(':') && r !== 'staff'), officeId }, at, payload, deviceId: 'ws-a',
});
const person = (office = officeId): BatchDoc => ({ _id: `person:decide-${n++}`, _rev: `1-${'d'.repeat(32)}`, type: 'person', schemaVersion: 2, officeId: office, createdAt: at, updatedAt: at, name: '批量' });
const payloadOf = (exporter: string, docs: BatchDoc[], signer = exporter) => keyOf(signer).then((k) => signedPayload(k.signer, { officeId, createdAt: at, source: 'ws-a', since: null, exporter }, docs));
async function envFor(exporter: string): Promise<DecideEnv> {
  const ex = await checkExporter(await payloadOf(exporter, []), keys, userCtx);
  return { officeId, exporter: ex, keys, secObj, validate, userCtx, bases: {} };
}
const reasonOf = async (doc: BatchDoc, exporter: string) => {
  const d = await decideDoc(doc, undefined, await envFor(exporter));
  return d.kind === 'refuse' ? d.reason : d.kind;
};

describe('batch decisions, per document', () => {
  it('writes a clerk\'s own signed submission and a reviewer\'s genuine decision carried in the clerk\'s batch', async () => {
    expect(await reasonOf(await signAs('clerk1', event('clerk1', 'submit', { businessItem: 'public_rental' })), 'clerk1')).toBe('write');
    expect(await reasonOf(await signAs('reviewer1', event('reviewer1', 'preliminary_approve', { opinion: '同意' })), 'clerk1')).toBe('write');
  });

  it('refuses a forged signature, another person\'s decision, a clerk\'s own review and an unsigned event, each with its reason', async () => {
    const genuine = await signAs('reviewer1', event('reviewer1', 'preliminary_approve', { opinion: '同意' }));
    expect(await reasonOf({ ...genuine, payload: { opinion: '不同意' } }, 'clerk1')).toContain('签名与记录内容不符');
    expect(await reasonOf({ ...event('reviewer1', 'preliminary_approve'), signature: genuine.signature }, 'clerk1')).toContain('签名与记录内容不符');
    expect(await reasonOf(await signAs('clerk1', event('reviewer1', 'preliminary_approve')), 'clerk1')).toContain('不是 reviewer1 登记的密钥');
    expect(await reasonOf(await signAs('clerk1', event('clerk1', 'preliminary_approve')), 'clerk1')).toContain('无权登记此办件事件');
    expect(await reasonOf(event('clerk1', 'accept', { receiptNo: 'SZ1' }), 'clerk1')).toContain('没有经办人签名');
  });

  it('an IT exporter carries the office\'s records, but an IT user\'s own decision or an inspection in another name is refused', async () => {
    expect(await reasonOf(person(), 'it1')).toBe('write');
    expect(await reasonOf(await signAs('it1', event('it1', 'preliminary_approve')), 'it1')).toMatch(/当前角色无权/);
    const visit: BatchDoc = { _id: `inspection:decide-${n++}`, _rev: `1-${'e'.repeat(32)}`, type: 'inspection', schemaVersion: 1, officeId, createdAt: at, updatedAt: at, inspectorId: 'inspector1', unitId: 'unit:1' };
    expect(await reasonOf(visit, 'it1')).toMatch(/核查记录的核查员|当前角色无权/);
    // A clerk is no courier: what their role may not write stays refused.
    expect(await reasonOf(visit, 'clerk1')).toContain('当前角色无权写入');
  });

  it('refuses the records of an exporter from another office', async () => {
    expect(await reasonOf(person(), 'clerk3')).toContain('不能写入其他办事处的记录');
  });

  it('skips what the server already holds and refuses an edit of a version the server no longer has', async () => {
    const doc = person();
    const env = await envFor('clerk1');
    expect((await decideDoc(doc, { ...doc, _rev: doc._rev! }, env)).kind).toBe('skip');
    const edited = { ...doc, name: '改名' };
    expect(await decideDoc(edited, { ...doc, _rev: '2-abc' }, env)).toMatchObject({ kind: 'refuse', reason: expect.stringContaining('另一版本') });
    const based = await decideDoc({ ...edited, _rev: undefined }, { ...doc, name: '中心已改', _rev: '2-abc' }, { ...env, bases: { [doc._id]: 'not-the-server-version' } });
    expect(based).toMatchObject({ kind: 'refuse', reason: expect.stringContaining('导出后服务器上的此记录已被修改') });
  });
});

describe('the batch as a whole', () => {
  it('refuses a manifest signed by someone other than the exporter named, or unsigned', async () => {
    await expect(checkExporter(await payloadOf('reviewer1', [person()], 'clerk1'), keys, userCtx)).rejects.toThrow('导出人签名无效');
    const { manifest, docs } = await payloadOf('clerk1', [person()]);
    const { signature: _s, ...unsigned } = manifest;
    await expect(checkExporter({ manifest: unsigned, docs }, keys, userCtx)).rejects.toThrow('没有导出人的签名');
  });

  it.each([
    ['truncated', (f: Uint8Array) => f.slice(0, Math.floor(f.length * 0.7)), '校验失败'],
    ['cut inside the header', (f: Uint8Array) => f.slice(0, 14), '不完整'],
    ['corrupt', (f: Uint8Array) => f.map((b, i) => (i > f.length - 30 ? b ^ 0xff : b)), '校验失败'],
    ['not a batch', () => new TextEncoder().encode('PK\u0003\u0004 a zip file'), '不是住房保障工作站的批量数据文件'],
  ])('refuses a %s file in Chinese before deciding anything', async (_name, spoil, message) => {
    const file = await sealBatch(officeKey, await payloadOf('clerk1', [person()]));
    const err = await openBatch(spoil(file), officeKey).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BatchError);
    expect((err as Error).message).toContain(message);
    expect((err as Error).message).toMatch(/未导入任何数据/);
  });

  it('refuses a batch that slips in a record of another office', async () => {
    const file = await sealBatch(officeKey, await payloadOf('clerk1', [person(), person('futian-xiangmihu')]));
    await expect(openBatch(file, officeKey)).rejects.toThrow('批量文件清单与内容不一致');
  });
});
