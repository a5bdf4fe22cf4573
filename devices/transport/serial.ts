// ByteTransport over a serial port (USB-serial adapters, RS-232, and pseudo-terminals in tests).
import { realpathSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { DeviceError } from '../../domain/devices';
import { type ByteTransport, Listeners } from './types';

export interface SerialOptions {
  readonly path: string;
  readonly baudRate: number;
  /** How often to check that the device node is still there (ms); 0 disables. */
  readonly watchMs?: number;
}

/** The device node behind a path (follows symlinks such as /dev/serial/by-id or a pty link). */
function nodeOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

export class SerialTransport implements ByteTransport {
  private readonly data = new Listeners<Uint8Array>();
  private readonly closed = new Listeners<DeviceError | undefined>();
  private closing = false;
  private done = false;
  private watch?: NodeJS.Timeout;

  private constructor(
    private readonly port: SerialPort,
    readonly label: string,
    options: SerialOptions,
  ) {
    // The OS does not always wake a reader when a port vanishes (notably ptys), so also watch the
    // device node: when it disappears or the path now leads elsewhere, the port was unplugged.
    const node = nodeOf(options.path);
    const every = options.watchMs ?? 250;
    if (node && every > 0) {
      this.watch = setInterval(() => {
        if (nodeOf(options.path) !== node) {
          this.finish();
          if (port.isOpen) port.close(() => undefined);
        }
      }, every);
      this.watch.unref();
    }
    port.on('data', (chunk: Buffer) => this.data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    port.on('close', () => this.finish());
    port.on('error', () => {
      if (!port.isOpen) this.finish();
    });
  }

  /** Open a port; fails with DeviceError OPEN_FAILED and a message naming the port. */
  static open(options: SerialOptions): Promise<SerialTransport> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path: options.path, baudRate: options.baudRate, autoOpen: false });
      port.open((err) => {
        if (err) {
          reject(new DeviceError('OPEN_FAILED', `无法打开串口 ${options.path}:${err.message}。请确认端口名称,并检查是否被其他程序占用`));
          return;
        }
        resolve(new SerialTransport(port, `serial ${options.path} @${options.baudRate}`, options));
      });
    });
  }

  get isOpen(): boolean {
    return this.port.isOpen && !this.done;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (!this.isOpen) return Promise.reject(new DeviceError('DISCONNECTED'));
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes), (err) => (err ? reject(new DeviceError('DISCONNECTED', `串口写入失败:${err.message}`)) : resolve()));
    });
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: DeviceError) => void): () => void {
    return this.closed.add(listener);
  }

  close(): Promise<void> {
    if (this.done || !this.port.isOpen) {
      this.finish();
      return Promise.resolve();
    }
    this.closing = true;
    return new Promise((resolve) => this.port.close(() => resolve()));
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    clearInterval(this.watch);
    this.closed.emit(this.closing ? undefined : new DeviceError('DISCONNECTED'));
    this.closed.clear();
    this.data.clear();
  }
}
