import { describe, expect, it } from 'vitest';
import { guess, listDevices, listSerial } from './list';
import { openPtyPair } from './sim/pty';

describe('device listing', () => {
  it('names known USB vendors and calls the rest unknown', () => {
    expect(guess('1a86')).toContain('CH340');
    expect(guess('dead')).toBe('unknown');
    expect(guess(undefined)).toBe('unknown');
  });

  it('maps SerialPort.list() entries with their USB ids', async () => {
    const list = await listSerial(async () => [{ path: '/dev/ttyUSB0', vendorId: '1A86', productId: '7523', manufacturer: 'QinHeng', serialNumber: undefined, pnpId: undefined, locationId: undefined }]);
    expect(list[0]).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', manufacturer: 'QinHeng', looksLike: guess('1a86') });
  });

  it('falls back to scanning /dev when SerialPort.list() fails (no udevadm), and lists ptys', async () => {
    const pty = await openPtyPair();
    try {
      const list = await listSerial(() => Promise.reject(new Error('spawn udevadm ENOENT')));
      expect(list.every((d) => /^\/dev\/(tty(S|USB|ACM)\d+|pts\/\d+)$/.test(d.path))).toBe(true);
      expect(list.some((d) => d.path === pty.ptys[0])).toBe(true);
      expect(Array.isArray(await listDevices())).toBe(true);
    } finally {
      await pty.close();
    }
  });
});
