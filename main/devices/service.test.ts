import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevicePanelStatus } from '../../domain/ipc/devices';
import { DeviceService } from './service';

let dir: string;
let service: DeviceService;
const changes: DevicePanelStatus[][] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-dev-'));
  changes.length = 0;
  service = new DeviceService(dir, (s) => changes.push(s));
});
afterEach(async () => {
  await service.stop();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('DeviceService', () => {
  it('does not open a saved port that is no serial device, nor use a saved rate the protocol lacks', async () => {
    await writeFile(path.join(dir, 'devices.json'), JSON.stringify({ idcard: { port: '/etc/passwd', baudRate: -5 }, fingerprint: { port: '/dev/ttyUSB1', baudRate: 57600 } }));
    await service.start();
    expect(service.status().map((s) => [s.port, s.baudRate])).toEqual([
      [null, 115200],
      ['/dev/ttyUSB1', 57600],
    ]);
  });

  it('says which device is not set up, in Chinese, instead of failing obscurely', async () => {
    await service.start();
    expect(service.status().map((s) => s.state)).toEqual(['not_configured', 'not_configured']);
    await expect(service.readCard(0)).rejects.toMatchObject({ code: 'OPEN_FAILED', message: expect.stringContaining('尚未设置身份证读卡器的端口') });
  });

  it('in training mode reads the simulated card and enrols and verifies a fingerprint over real ptys', async () => {
    await service.start({ training: true });
    expect(service.status().map((s) => [s.state, s.simulated])).toEqual([
      ['ready', true],
      ['ready', true],
    ]);
    const card = await service.readCard(3_000);
    expect(card.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(card.name.length).toBeGreaterThan(1);
    expect(await service.test('idcard')).toEqual({ ok: true, message: '读卡器响应正常' });
    const template = await service.enroll();
    expect(template.module).toBe('R30x/AS608');
    expect(await service.verify(template)).toMatchObject({ match: true });
    // Leaving training mode from the panel is remembered, and the simulated ports go away.
    await service.setTraining(false);
    expect(JSON.parse(await readFile(path.join(dir, 'devices.json'), 'utf8')).training).toBe(false);
    expect(service.status().map((s) => s.state)).toEqual(['not_configured', 'not_configured']);
  }, 30_000);

  it('shows an absent port as unplugged and keeps the last error for IT', async () => {
    await service.start({ idcard: path.join(dir, 'no-such-port') });
    expect(service.statusOf('idcard')).toMatchObject({ state: 'unplugged', message: expect.stringContaining('设备已断开') });
    await expect(service.readCard(0)).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(service.statusOf('idcard').lastError).toMatchObject({ code: 'DISCONNECTED' });
    expect(changes.length).toBeGreaterThan(0);
  });
});
