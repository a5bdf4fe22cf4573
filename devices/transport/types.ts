// The one thing drivers know about a connection: it moves bytes, and it can go away.
import type { DeviceError } from '../../domain/devices';

export interface ByteTransport {
  /** Human-readable origin, e.g. "serial /dev/ttyUSB0 @115200". */
  readonly label: string;
  readonly isOpen: boolean;
  /** Resolves once the bytes are handed to the OS; rejects with DeviceError DISCONNECTED when closed. */
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribe to received bytes; returns an unsubscribe function. */
  onData(listener: (bytes: Uint8Array) => void): () => void;
  /** Called once when the transport closes; with an error when it was not closed by us (unplugged). */
  onClose(listener: (error?: DeviceError) => void): () => void;
  close(): Promise<void>;
}

/** A tiny listener list. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(value: T): void {
    for (const l of [...this.set]) l(value);
  }
  clear(): void {
    this.set.clear();
  }
}
