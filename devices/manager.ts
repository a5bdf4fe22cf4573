// Hot-plug: keeps one device usable across unplug / replug without restarting the application.
// When the transport closes under us the status becomes `unplugged` (with the clerk's message) and
// the port path is watched; when it reappears the port is reopened and a fresh driver is built.
import { existsSync } from 'node:fs';
import { DEVICE_ERROR_MESSAGES, DeviceError } from '../domain/devices';
import { sleep } from './channel';
import { Listeners } from './transport/types';
import type { ByteTransport } from './transport/types';

export type DeviceStatus =
  | { readonly state: 'connecting'; readonly path: string }
  | { readonly state: 'ready'; readonly path: string }
  | { readonly state: 'unplugged'; readonly path: string; readonly message: string }
  | { readonly state: 'stopped'; readonly path: string };

export interface DeviceManagerOptions<D> {
  readonly path: string;
  open(path: string): Promise<ByteTransport>;
  /** Build the driver on a freshly opened transport. */
  create(transport: ByteTransport): D;
  /** How often to look for the path while unplugged (ms). */
  readonly pollMs?: number;
  /** Does the path exist? (Injectable for tests; defaults to the file system.) */
  exists?(path: string): boolean;
}

export class DeviceManager<D extends { close(): Promise<void> }> {
  private current?: D;
  private state: DeviceStatus;
  private readonly changes = new Listeners<DeviceStatus>();
  private stopped = false;
  private watching = false;

  constructor(private readonly options: DeviceManagerOptions<D>) {
    this.state = { state: 'connecting', path: options.path };
  }

  get status(): DeviceStatus {
    return this.state;
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.changes.add(listener);
  }

  /** Try to open now; if that fails, keep watching for the device in the background. */
  async start(): Promise<DeviceStatus> {
    if (!(await this.tryOpen())) this.unplugged(DEVICE_ERROR_MESSAGES.DISCONNECTED);
    return this.state;
  }

  /** The driver, or DISCONNECTED with the reason when the device is not there right now. */
  get device(): D {
    if (this.current && this.state.state === 'ready') return this.current;
    const message = this.state.state === 'unplugged' ? this.state.message : DEVICE_ERROR_MESSAGES.DISCONNECTED;
    throw new DeviceError('DISCONNECTED', message);
  }

  /** Resolves once the device is ready, or rejects with DISCONNECTED after `timeoutMs`. */
  async waitReady(timeoutMs: number): Promise<D> {
    const deadline = Date.now() + timeoutMs;
    while (this.state.state !== 'ready' && Date.now() < deadline && !this.stopped) await sleep(25);
    return this.device;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const d = this.current;
    this.current = undefined;
    this.set({ state: 'stopped', path: this.options.path });
    await d?.close();
  }

  private async tryOpen(): Promise<boolean> {
    let transport: ByteTransport;
    try {
      transport = await this.options.open(this.options.path);
    } catch {
      return false;
    }
    if (this.stopped) {
      await transport.close();
      return false;
    }
    transport.onClose((error) => {
      this.current = undefined;
      if (error && !this.stopped) this.unplugged(error.message);
    });
    this.current = this.options.create(transport);
    this.set({ state: 'ready', path: this.options.path });
    return true;
  }

  private unplugged(message: string): void {
    this.set({ state: 'unplugged', path: this.options.path, message });
    void this.watch();
  }

  private async watch(): Promise<void> {
    if (this.watching) return;
    this.watching = true;
    const exists = this.options.exists ?? existsSync;
    try {
      while (!this.stopped) {
        await sleep(this.options.pollMs ?? 250);
        if (this.stopped) return;
        if (exists(this.options.path) && (await this.tryOpen())) return;
      }
    } finally {
      this.watching = false;
    }
  }

  private set(status: DeviceStatus): void {
    this.state = status;
    this.changes.emit(status);
  }
}
