// ByteTransport over USB HID (readers that expose the SAM frames through HID reports).
// Assumed report framing (see devices/README.md):
//   output: report id 0x00, then 64 bytes: [n][n payload bytes][zero padding]   (n ≤ 63)
//   input:  64 bytes: [n][n payload bytes][zero padding]
// A protocol frame longer than 63 bytes is split across consecutive reports; the frame decoder
// above this transport reassembles it, so the transport only moves payload bytes.
import { DeviceError } from '../../domain/devices';
import { type ByteTransport, Listeners } from './types';

export const HID_REPORT_SIZE = 64;
export const HID_PAYLOAD_MAX = HID_REPORT_SIZE - 1;

/** The part of node-hid's HID class this transport uses (also implemented by the replay fake). */
export interface HidDeviceLike {
  write(values: number[]): number;
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

/** Bytes → output reports, each prefixed with report id 0x00 (65 bytes). */
export function toOutputReports(bytes: Uint8Array): number[][] {
  return chunk(bytes).map((part) => [0x00, ...pad(part)]);
}

/** Bytes → input reports as a device sends them (64 bytes each). */
export function toInputReports(bytes: Uint8Array): Uint8Array[] {
  return chunk(bytes).map((part) => Uint8Array.from(pad(part)));
}

/** Payload of one input report; an out-of-range length byte yields what the report holds. */
export function payloadOfInputReport(report: Uint8Array): Uint8Array {
  const n = Math.min(report[0] ?? 0, report.length - 1, HID_PAYLOAD_MAX);
  return report.slice(1, 1 + n);
}

function chunk(bytes: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += HID_PAYLOAD_MAX) parts.push(bytes.subarray(at, at + HID_PAYLOAD_MAX));
  return parts;
}

function pad(part: Uint8Array): number[] {
  const report = new Array<number>(HID_REPORT_SIZE).fill(0);
  report[0] = part.length;
  part.forEach((b, i) => (report[1 + i] = b));
  return report;
}

export class HidTransport implements ByteTransport {
  private readonly data = new Listeners<Uint8Array>();
  private readonly closed = new Listeners<DeviceError | undefined>();
  private open = true;

  constructor(
    private readonly device: HidDeviceLike,
    readonly label: string,
  ) {
    device.on('data', (report) => {
      const payload = payloadOfInputReport(new Uint8Array(report.buffer, report.byteOffset, report.byteLength));
      if (payload.length > 0) this.data.emit(payload);
    });
    device.on('error', () => this.finish(new DeviceError('DISCONNECTED')));
  }

  /** Open a HID device by its node-hid path. */
  static async open(path: string): Promise<HidTransport> {
    try {
      const { default: HID } = await import('node-hid');
      return new HidTransport(new HID.HID(path), `hid ${path}`);
    } catch (err) {
      throw new DeviceError('OPEN_FAILED', `无法打开USB设备 ${path}:${(err as Error).message}`);
    }
  }

  get isOpen(): boolean {
    return this.open;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (!this.open) return Promise.reject(new DeviceError('DISCONNECTED'));
    try {
      for (const report of toOutputReports(bytes)) this.device.write(report);
      return Promise.resolve();
    } catch (err) {
      this.finish(new DeviceError('DISCONNECTED', `USB设备写入失败:${(err as Error).message}`));
      return Promise.reject(new DeviceError('DISCONNECTED'));
    }
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: DeviceError) => void): () => void {
    return this.closed.add(listener);
  }

  close(): Promise<void> {
    this.finish(undefined);
    return Promise.resolve();
  }

  private finish(error: DeviceError | undefined): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.device.close();
    } catch {
      // already gone
    }
    this.closed.emit(error);
    this.closed.clear();
    this.data.clear();
  }
}
