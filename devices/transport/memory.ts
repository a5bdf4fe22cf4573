// Fake transport: two connected in-memory ends, for fast tests of drivers and simulators.
import { DeviceError } from '../../domain/devices';
import { type ByteTransport, Listeners } from './types';

class MemoryEnd implements ByteTransport {
  peer?: MemoryEnd;
  readonly data = new Listeners<Uint8Array>();
  readonly closed = new Listeners<DeviceError | undefined>();
  open = true;
  /** Every byte this end has written, for assertions. */
  readonly written: Uint8Array[] = [];

  constructor(readonly label: string) {}

  get isOpen(): boolean {
    return this.open;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (!this.open) return Promise.reject(new DeviceError('DISCONNECTED'));
    const copy = bytes.slice();
    this.written.push(copy);
    setImmediate(() => this.peer?.open && this.peer.data.emit(copy));
    return Promise.resolve();
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: DeviceError) => void): () => void {
    return this.closed.add(listener);
  }

  close(): Promise<void> {
    this.shut(undefined);
    return Promise.resolve();
  }

  shut(error: DeviceError | undefined): void {
    if (!this.open) return;
    this.open = false;
    this.closed.emit(error);
  }
}

export interface MemoryPair {
  readonly host: ByteTransport & { readonly written: Uint8Array[] };
  readonly device: ByteTransport & { readonly written: Uint8Array[] };
  /** Both ends close as if the cable was pulled: the host sees DISCONNECTED. */
  unplug(): void;
}

export function memoryPair(): MemoryPair {
  const host = new MemoryEnd('memory host');
  const device = new MemoryEnd('memory device');
  host.peer = device;
  device.peer = host;
  return {
    host,
    device,
    unplug() {
      host.shut(new DeviceError('DISCONNECTED'));
      device.shut(new DeviceError('DISCONNECTED'));
    },
  };
}
