// The real fingerprint driver over a real serial pty pair (socat) against the simulator.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceError } from '../../domain/devices';
import { sleep } from '../channel';
import { FingerprintSimulator, type FingerprintSimOptions } from '../sim/fingerprint-sim';
import { type PtyPair, openPtyPair } from '../sim/pty';
import { R30xFingerprintModule } from './driver';

interface Rig {
  pty: PtyPair;
  sim: FingerprintSimulator;
  fp: R30xFingerprintModule;
}
const rigs: Rig[] = [];
const extra: Array<{ close(): Promise<void> }> = [];

async function rig(options: FingerprintSimOptions = {}): Promise<Rig> {
  const pty = await openPtyPair();
  const sim = new FingerprintSimulator({ pty }, options);
  await sim.start();
  const fp = await R30xFingerprintModule.openSerial(pty.appPath);
  const r = { pty, sim, fp };
  rigs.push(r);
  return r;
}

afterEach(async () => {
  for (const c of extra.splice(0)) await c.close().catch(() => undefined);
  for (const r of rigs.splice(0)) {
    await r.fp.close().catch(() => undefined);
    await r.sim.stop();
    await r.pty.close();
  }
});

async function failure(p: Promise<unknown>): Promise<DeviceError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DeviceError);
  return e as DeviceError;
}

const quick = { fingerTimeoutMs: 2000, stepTimeoutMs: 500 };

describe('fingerprint module over a pty against the simulator', () => {
  it('enrolls a template (UpChar, 128-byte packets) and verifies it (DownChar)', async () => {
    const { fp, sim } = await rig();
    const t = await fp.enroll(quick);
    expect(Buffer.from(t.template, 'base64')).toHaveLength(512);
    expect(t.module).toBe('R30x/AS608');
    expect(t.quality).toBeGreaterThanOrEqual(60);
    expect(t.quality).toBeLessThanOrEqual(100);
    const same = await fp.verify(t, quick);
    expect(same.match).toBe(true);
    expect(same.score).toBeGreaterThan(0);
    sim.placeFinger(2);
    expect(await fp.verify(t, quick)).toEqual({ match: false, score: 0 });
  });

  it('no finger → NO_FINGER after the bounded wait', async () => {
    const { fp } = await rig({ mode: 'no-finger' });
    const t0 = Date.now();
    const e = await failure(fp.enroll({ fingerTimeoutMs: 500 }));
    expect(e.code).toBe('NO_FINGER');
    expect(e.message).toContain('未检测到手指');
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('waits for a finger placed later', async () => {
    const { fp, sim } = await rig({ mode: 'no-finger' });
    setTimeout(() => sim.placeFinger(7), 400);
    await expect(fp.enroll(quick)).resolves.toMatchObject({ module: 'R30x/AS608' });
  });

  it('refuses templates of another module or corrupted ones with BAD_TEMPLATE', async () => {
    const { fp } = await rig();
    expect((await failure(fp.verify({ template: 'AAAA', module: 'FPC1020', quality: 80 }, quick))).code).toBe('BAD_TEMPLATE');
    expect((await failure(fp.verify({ template: Buffer.alloc(512, 9).toString('base64'), module: 'R30x/AS608', quality: 80 }, quick))).code).toBe('BAD_TEMPLATE');
  });

  it('checksum error once → success after retry; always → CHECKSUM', async () => {
    const once = await rig({ mode: 'checksum' });
    await expect(once.fp.enroll(quick)).resolves.toBeTruthy();
    const always = await rig({ mode: 'checksum-always' });
    expect((await failure(always.fp.enroll(quick))).code).toBe('CHECKSUM');
  });

  it('slow beyond the step timeout → TIMEOUT', async () => {
    const { fp } = await rig({ mode: 'slow', slowMs: 1000 });
    const e = await failure(fp.enroll({ stepTimeoutMs: 250 }));
    expect(e.code).toBe('TIMEOUT');
    expect(e.message).toBe('指纹仪在250毫秒内没有响应(采集指纹),请检查连接线和电源后重试');
  });

  it('split replies and stray bytes → success', async () => {
    const split = await rig({ mode: 'split' });
    const t = await split.fp.enroll(quick);
    const stray = await rig({ mode: 'stray' });
    expect((await stray.fp.verify(t, quick)).match).toBe(true);
  });

  it('unplugged mid-reply → DISCONNECTED; usable again once the port is back', async () => {
    const { fp, pty } = await rig({ mode: 'unplug', replugAfterMs: 300 });
    expect((await failure(fp.enroll(quick))).code).toBe('DISCONNECTED');
    await sleep(350);
    for (let i = 0; i < 50 && !existsSync(pty.appPath); i++) await sleep(50);
    const again = await R30xFingerprintModule.openSerial(pty.appPath);
    extra.push(again);
    await sleep(200);
    await expect(again.enroll(quick)).resolves.toBeTruthy();
  });
});
