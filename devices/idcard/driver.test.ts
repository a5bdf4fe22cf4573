// The real driver over a real serial pty pair (socat) against the simulator, in every fault mode.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceError, type IdCard } from '../../domain/devices';
import { sleep } from '../channel';
import { loadCard } from '../sim/card-file';
import { IdCardSimulator, type IdCardSimOptions } from '../sim/idcard-sim';
import { type PtyPair, openPtyPair } from '../sim/pty';
import { SamIdCardReader } from './driver';

const CARD_FILE = new URL('../sim/cards/chen-xiaomei.json', import.meta.url).pathname;
const card = loadCard(CARD_FILE);

interface Rig {
  pty: PtyPair;
  sim: IdCardSimulator;
  reader: SamIdCardReader;
}
let rigs: Rig[] = [];

async function rig(options: Partial<IdCardSimOptions> = {}): Promise<Rig> {
  const pty = await openPtyPair();
  const sim = new IdCardSimulator({ pty }, { card, ...options });
  await sim.start();
  const reader = await SamIdCardReader.openSerial(pty.appPath);
  const r = { pty, sim, reader };
  rigs.push(r);
  return r;
}

afterEach(async () => {
  for (const r of rigs) {
    await r.reader.close().catch(() => undefined);
    await r.sim.stop();
    await r.pty.close();
  }
  rigs = [];
});

async function failure(p: Promise<unknown>): Promise<DeviceError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DeviceError);
  return e as DeviceError;
}

const expectCard = (c: IdCard): void => {
  expect(c).toMatchObject({
    name: '陈晓梅',
    genderCode: '2',
    nationCode: '01',
    birthDate: '1988-03-15',
    idNumber: '44030419880315002X',
    validTo: '2036-05-20',
  });
  expect(Buffer.from(c.photoWlt, 'base64')).toHaveLength(1024);
};

describe('ID card reader over a pty against the simulator', () => {
  it('reads a card; the card must leave the field before the next read succeeds', async () => {
    const { reader, sim } = await rig();
    expectCard(await reader.readCard());
    const second = await failure(reader.readCard());
    expect(second.code).toBe('NO_CARD');
    sim.replaceCard();
    expectCard(await reader.readCard());
    expect(sim.reads).toBe(2);
  });

  it('runs one command at a time: two concurrent reads get one card and one NO_CARD', async () => {
    const { reader } = await rig();
    const results = await Promise.allSettled([reader.readCard(), reader.readCard()]);
    expect(results[0].status).toBe('fulfilled');
    expect(results[1].status === 'rejected' && (results[1].reason as DeviceError).code).toBe('NO_CARD');
  });

  it('reads text, photo and the fingerprint block (30 10)', async () => {
    const { reader } = await rig();
    const c = await reader.readCard({ withFingerprint: true });
    expect(Buffer.from(c.fingerprintData ?? '', 'base64')).toHaveLength(1024);
  });

  it('no card → NO_CARD with the clerk message', async () => {
    const { reader } = await rig({ mode: 'no-card' });
    const e = await failure(reader.readCard());
    expect(e.code).toBe('NO_CARD');
    expect(e.message).toBe('未检测到身份证,请将卡片放在读卡区');
  });

  it('waits for a card when asked to', async () => {
    const { reader, sim } = await rig({ mode: 'no-card' });
    setTimeout(() => sim.replaceCard(), 300);
    expectCard(await reader.readCard({ waitForCardMs: 2000 }));
  });

  it('checksum error once → success after one retry', async () => {
    const { reader } = await rig({ mode: 'checksum' });
    expectCard(await reader.readCard());
  });

  it('a corrupted read reply is retried too', async () => {
    const { reader, sim } = await rig();
    sim.corruptReplyTo('readText');
    expectCard(await reader.readCard());
    expect(sim.reads).toBe(2); // the card data was sent twice
  });

  it('checksum error on every reply → CHECKSUM', async () => {
    const { reader } = await rig({ mode: 'checksum-always' });
    const e = await failure(reader.readCard());
    expect(e.code).toBe('CHECKSUM');
    expect(e.message).toContain('校验失败');
  });

  it('slow beyond the step timeout → TIMEOUT with a clear message, no hang', async () => {
    const { reader } = await rig({ mode: 'slow', slowMs: 1200 });
    const t0 = Date.now();
    const e = await failure(reader.readCard({ stepTimeoutMs: 300 }));
    expect(e.code).toBe('TIMEOUT');
    expect(e.message).toBe('读卡器在300毫秒内没有响应(寻卡),请检查连接线和电源后重试');
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('after a timeout, late replies are not taken for the next command', async () => {
    const { reader } = await rig({ mode: 'slow', slowMs: 400 });
    expect((await failure(reader.readCard({ stepTimeoutMs: 300 }))).code).toBe('TIMEOUT');
    expectCard(await reader.readCard({ stepTimeoutMs: 1500 }));
  });

  it('slow but within the timeout → success', async () => {
    const { reader } = await rig({ mode: 'slow', slowMs: 100 });
    expectCard(await reader.readCard({ stepTimeoutMs: 1000 }));
  });

  it('replies split into small chunks → success', async () => {
    const { reader } = await rig({ mode: 'split' });
    expectCard(await reader.readCard());
  });

  it('stray bytes before every reply → success', async () => {
    const { reader } = await rig({ mode: 'stray' });
    expectCard(await reader.readCard());
  });

  it('unplugged mid-reply → DISCONNECTED; usable again once the port is back', async () => {
    const { reader, pty } = await rig({ mode: 'unplug', replugAfterMs: 300 });
    const e = await failure(reader.readCard());
    expect(e.code).toBe('DISCONNECTED');
    expect(e.message).toContain('已断开');
    expect((await failure(reader.readCard())).code).toBe('DISCONNECTED');
    for (let i = 0; i < 50 && !existsSync(pty.appPath); i++) await sleep(50);
    const again = await SamIdCardReader.openSerial(pty.appPath);
    rigs.push({ ...rigs[0]!, reader: again });
    await sleep(200); // let the simulator reopen its end
    expectCard(await again.readCard({ waitForCardMs: 1000 }));
  });
});
