// What is plugged in: serial ports and HID devices, with a guess at what each one is.
import { readdirSync } from 'node:fs';
import { SerialPort } from 'serialport';

export interface ListedDevice {
  readonly kind: 'serial' | 'hid';
  readonly path: string;
  readonly vendorId?: string;
  readonly productId?: string;
  readonly manufacturer?: string;
  readonly product?: string;
  /** What it looks like, in Chinese, or "unknown". */
  readonly looksLike: string;
}

/**
 * USB vendor ids seen in front of ID card readers and fingerprint modules. Most readers and R30x
 * modules sit behind a USB-serial bridge, so the bridge's vendor is what shows; extend this table
 * with the ids of each office's actual hardware.
 */
export const KNOWN_VENDORS: Readonly<Record<string, string>> = {
  '0400': '身份证阅读器(华视 CVR 系列,HID)',
  '1a86': 'USB转串口(CH340),读卡器或指纹模块常用',
  '10c4': 'USB转串口(CP210x),读卡器或指纹模块常用',
  '067b': 'USB转串口(PL2303),读卡器或指纹模块常用',
  '0403': 'USB转串口(FTDI)',
};

const hex4 = (v: string | number | undefined): string | undefined =>
  v === undefined || v === '' ? undefined : (typeof v === 'number' ? v.toString(16) : v).toLowerCase().padStart(4, '0');

export const guess = (vendorId: string | undefined): string => (vendorId ? (KNOWN_VENDORS[vendorId] ?? 'unknown') : 'unknown');

type PortLister = () => ReturnType<typeof SerialPort.list>;

export async function listSerial(list: PortLister = () => SerialPort.list()): Promise<ListedDevice[]> {
  let found: ListedDevice[];
  try {
    const ports = await list();
    found = ports.map((p) => {
      const vendorId = hex4(p.vendorId);
      return withOptional({ kind: 'serial' as const, path: p.path, looksLike: guess(vendorId) }, { vendorId, productId: hex4(p.productId), manufacturer: p.manufacturer });
    });
  } catch {
    // SerialPort.list() needs udevadm; without it, look at the device nodes ourselves.
    found = scan('/dev', /^tty(S|USB|ACM)\d+$/).map((path) => ({ kind: 'serial', path, looksLike: 'unknown' }));
  }
  const ptys = scan('/dev/pts', /^\d+$/).map((path): ListedDevice => ({ kind: 'serial', path, looksLike: '伪终端(例如设备模拟器)' }));
  return [...found, ...ptys.filter((p) => !found.some((f) => f.path === p.path))];
}

export async function listHid(): Promise<ListedDevice[]> {
  try {
    const { default: HID } = await import('node-hid');
    return HID.devices().map((d) => {
      const vendorId = hex4(d.vendorId);
      return withOptional({ kind: 'hid' as const, path: d.path ?? `${vendorId}:${hex4(d.productId)}`, looksLike: guess(vendorId) }, { vendorId, productId: hex4(d.productId), manufacturer: d.manufacturer, product: d.product });
    });
  } catch {
    return [];
  }
}

export async function listDevices(): Promise<ListedDevice[]> {
  return [...(await listSerial()), ...(await listHid())];
}

function scan(dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => pattern.test(n))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((n) => `${dir}/${n}`);
  } catch {
    return [];
  }
}

function withOptional<T extends object>(base: T, extra: Record<string, string | undefined>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  return out as T;
}
