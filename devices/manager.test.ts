// Hot-plug over a real pty: the cable is pulled (socat stopped) and plugged in again (same path).
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceError } from '../domain/devices';
import { sleep } from './channel';
import { SamIdCardReader } from './idcard/driver';
import { type DeviceStatus, DeviceManager } from './manager';
import { loadCard } from './sim/card-file';
import { IdCardSimulator } from './sim/idcard-sim';
import { type PtyPair, openPtyPair } from './sim/pty';
import { SerialTransport } from './transport/serial';

const card = loadCard(new URL('./sim/cards/li-jianguo.json', import.meta.url).pathname);
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(): Promise<{ pty: PtyPair; sim: IdCardSimulator; manager: DeviceManager<SamIdCardReader>; seen: DeviceStatus['state'][] }> {
  const pty = await openPtyPair();
  cleanup.push(() => pty.close());
  const sim = new IdCardSimulator({ pty }, { card, repeatMs: 0 });
  await sim.start();
  cleanup.push(() => sim.stop());
  const manager = new DeviceManager({
    path: pty.appPath,
    open: (path) => SerialTransport.open({ path, baudRate: 115200 }),
    create: (t) => new SamIdCardReader(t),
    pollMs: 50,
  });
  cleanup.push(() => manager.stop());
  const seen: DeviceStatus['state'][] = [];
  manager.onStatus((s) => seen.push(s.state));
  return { pty, sim, manager, seen };
}

describe('DeviceManager', () => {
  it('reports unplugged with a clear message and reopens when the port comes back', async () => {
    const { pty, manager, seen } = await setup();
    expect((await manager.start()).state).toBe('ready');
    expect((await manager.device.readCard()).name).toBe('李建国');

    await pty.unplug();
    for (let i = 0; i < 40 && manager.status.state !== 'unplugged'; i++) await sleep(25);
    expect(manager.status).toMatchObject({ state: 'unplugged', message: expect.stringContaining('已断开') });
    expect(() => manager.device).toThrow(DeviceError);

    await pty.plug();
    const reader = await manager.waitReady(3000);
    await sleep(150); // the simulator reopens its own end too
    expect((await reader.readCard({ waitForCardMs: 1000 })).name).toBe('李建国');
    expect(seen).toEqual(['ready', 'unplugged', 'ready']);
  });

  it('starts unplugged when the port is missing and picks it up later', async () => {
    const { pty, manager } = await setup();
    await pty.unplug();
    expect((await manager.start()).state).toBe('unplugged');
    await pty.plug();
    await expect(manager.waitReady(3000)).resolves.toBeInstanceOf(SamIdCardReader);
  });
});
