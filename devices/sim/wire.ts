// The simulators' side of the cable: opens a serial path, decodes requests, and writes replies the way
// a misbehaving device would when a fault is selected (corrupt, slow, split, stray bytes, unplug).
// Replies can be paced to a baud rate, because a pty moves bytes as fast as the CPU allows.
import { type FrameError, type FrameSyntax, StreamDecoder } from '../codec/stream';
import { sleep } from '../channel';
import { SerialTransport } from '../transport/serial';
import type { ByteTransport } from '../transport/types';
import type { PtyPair } from './pty';

export const WIRE_FAULTS = ['checksum', 'checksum-always', 'slow', 'split', 'stray', 'unplug'] as const;
export type WireFault = (typeof WIRE_FAULTS)[number];

export interface WireOptions {
  readonly fault?: WireFault;
  /** Delay before each reply in `slow` mode (ms). */
  readonly slowMs?: number;
  /** Pace every reply to this baud rate (8N1, 10 bits per byte). */
  readonly paceBaud?: number;
  /** Baud rate the simulator opens its port with (a pty ignores it). */
  readonly baudRate?: number;
  /** After an `unplug`, how long the cable stays out before it is plugged in again. */
  readonly replugAfterMs?: number;
  readonly log?: (line: string) => void;
}

export interface SimEndpoint {
  /** A serial path to open; or a pty pair the simulator may unplug and plug in again. */
  readonly path?: string;
  readonly pty?: PtyPair;
}

export interface Responder<F> {
  /** Frames to send in reply to a well-formed request. */
  onFrame(frame: F): Uint8Array[];
  /** Frames to send when a request arrives corrupted. */
  onBadFrame(error: FrameError): Uint8Array[];
}

export class SimWire<F> {
  private transport?: ByteTransport;
  private decoder: StreamDecoder<F>;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;
  private corruptLeft: number;
  private unplugPending: boolean;
  private strayState = 0x1234;
  fault: WireFault | undefined;
  /** Bytes written (all replies) since start, for benchmarks. */
  bytesWritten = 0;
  bytesRead = 0;

  constructor(
    private readonly endpoint: SimEndpoint,
    syntax: FrameSyntax<F>,
    private readonly responder: Responder<F>,
    private readonly options: WireOptions = {},
  ) {
    this.decoder = new StreamDecoder(syntax);
    this.fault = options.fault;
    this.corruptLeft = options.fault === 'checksum' ? 1 : options.fault === 'checksum-always' ? Number.POSITIVE_INFINITY : 0;
    this.unplugPending = options.fault === 'unplug';
  }

  get path(): string {
    const p = this.endpoint.pty?.simPath ?? this.endpoint.path;
    if (!p) throw new Error('simulator endpoint needs a path or a pty pair');
    return p;
  }

  async start(): Promise<void> {
    await this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.transport?.close();
  }

  /** Corrupt the next `n` replies (checksum byte flipped). */
  corruptNext(n = 1): void {
    this.corruptLeft = n;
  }

  /** Pull the cable in the middle of the next reply. */
  unplugNext(): void {
    this.unplugPending = true;
  }

  private async open(): Promise<void> {
    const t = await SerialTransport.open({ path: this.path, baudRate: this.options.baudRate ?? 115200 });
    this.transport = t;
    this.decoder.reset();
    t.onData((bytes) => {
      this.bytesRead += bytes.length;
      for (const event of this.decoder.push(bytes)) {
        const frames = event.ok ? this.responder.onFrame(event.value) : this.responder.onBadFrame(event.error);
        this.queue(t, frames);
      }
    });
    // Closed under us (the cable was pulled): keep trying until the path is back.
    t.onClose((error) => {
      if (error && !this.stopped) void this.reopen();
    });
  }

  private async reopen(): Promise<void> {
    while (!this.stopped) {
      await sleep(100);
      try {
        await this.open();
        this.options.log?.(`simulator port reopened: ${this.path}`);
        return;
      } catch {
        // path not back yet
      }
    }
  }

  private queue(t: ByteTransport, frames: Uint8Array[]): void {
    this.writing = this.writing.then(async () => {
      for (const frame of frames) if (!(await this.writeReply(t, frame))) return;
    });
  }

  /** Write one reply with the selected fault; false when the cable was pulled. */
  private async writeReply(t: ByteTransport, frame: Uint8Array): Promise<boolean> {
    if (!t.isOpen) return false;
    let bytes = frame;
    if (this.fault === 'slow') await sleep(this.options.slowMs ?? 2500);
    if (this.corruptLeft > 0) {
      this.corruptLeft--;
      bytes = frame.slice();
      bytes[bytes.length - 1]! ^= 0x5a;
    }
    if (this.fault === 'stray') bytes = Uint8Array.of(...this.strayBytes(), ...bytes);
    if (this.unplugPending) {
      this.unplugPending = false;
      await this.write(t, bytes.subarray(0, Math.ceil(bytes.length / 2)));
      await this.unplug(t);
      return false;
    }
    if (this.fault === 'split') {
      for (let at = 0; at < bytes.length; at += 7) {
        await this.write(t, bytes.subarray(at, at + 7));
        await sleep(2);
      }
      return true;
    }
    await this.write(t, bytes);
    return true;
  }

  private async write(t: ByteTransport, bytes: Uint8Array): Promise<void> {
    const baud = this.options.paceBaud;
    try {
      if (!baud) {
        await t.write(bytes);
        this.bytesWritten += bytes.length;
        return;
      }
      // A byte is complete at the far end only once its 10 bits have been sent: hand each chunk
      // over when its last byte would have finished on a real wire.
      const start = performance.now();
      const CHUNK = 16;
      for (let at = 0; at < bytes.length; at += CHUNK) {
        const part = bytes.subarray(at, at + CHUNK);
        const due = start + ((at + part.length) * 10 * 1000) / baud;
        const wait = due - performance.now();
        if (wait > 0.5) await sleep(wait);
        await t.write(part);
        this.bytesWritten += part.length;
      }
    } catch {
      // the port closed under us: the host will notice
    }
  }

  private async unplug(t: ByteTransport): Promise<void> {
    this.options.log?.('simulator: cable unplugged mid-reply');
    const pty = this.endpoint.pty;
    const back = this.options.replugAfterMs ?? 800;
    if (pty) {
      await pty.unplug();
      setTimeout(() => void pty.plug().catch((e: Error) => this.options.log?.(`replug failed: ${e.message}`)), back);
    } else {
      await t.close();
      await sleep(back);
      if (!this.stopped) await this.reopen();
    }
  }

  private strayBytes(): number[] {
    const n = 1 + (this.strayState % 12);
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      this.strayState = (this.strayState * 1103515245 + 12345) >>> 0;
      out.push((this.strayState >>> 16) & 0xff);
    }
    return out;
  }
}
