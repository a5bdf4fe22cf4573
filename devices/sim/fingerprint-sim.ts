// Simulated R30x / AS608 fingerprint module on a serial path. A "finger" is a number: captures of
// the same finger give identical features, so enrol → verify matches and another finger does not.
// After each feature extraction the finger is lifted for one GenImg, as a person does between presses.
import { assertNever } from '../../domain/errors';
import { FP_PID, type FpPacket, encodeAck, encodeDataPackets, fpSyntax, instructionOf } from '../fingerprint/codec';
import { type SimEndpoint, SimWire, type WireFault, type WireOptions } from './wire';

export const FINGERPRINT_SIM_MODES = ['normal', 'no-finger', 'checksum', 'checksum-always', 'slow', 'split', 'stray', 'unplug'] as const;
export type FingerprintSimMode = (typeof FINGERPRINT_SIM_MODES)[number];

export interface FingerprintSimOptions extends Omit<WireOptions, 'fault'> {
  readonly mode?: FingerprintSimMode;
  /** Which finger is on the window (default 1). */
  readonly finger?: number;
}

export const SIM_TEMPLATE_SIZE = 512;
const C = { ok: 0x00, packetError: 0x01, noFinger: 0x02, noMatch: 0x08, mergeFailed: 0x0a, templateInvalid: 0x0c, noImage: 0x15 } as const;

export class FingerprintSimulator {
  private readonly wire: SimWire<FpPacket>;
  private finger: number | undefined;
  private liftPending = false;
  private image: number | undefined;
  private readonly buffers = new Map<number, Uint8Array>();
  private download?: { buffer: number; parts: Uint8Array[] };

  constructor(endpoint: SimEndpoint, options: FingerprintSimOptions = {}) {
    const mode = options.mode ?? 'normal';
    const fault: WireFault | undefined = mode === 'normal' || mode === 'no-finger' ? undefined : mode;
    this.finger = mode === 'no-finger' ? undefined : (options.finger ?? 1);
    this.wire = new SimWire(endpoint, fpSyntax, { onFrame: (p) => this.answer(p), onBadFrame: () => [encodeAck(C.packetError)] }, { baudRate: 57600, ...options, fault });
  }

  get path(): string {
    return this.wire.path;
  }

  start(): Promise<void> {
    return this.wire.start();
  }

  stop(): Promise<void> {
    return this.wire.stop();
  }

  /** Put a finger on the window (undefined: take it away). */
  placeFinger(finger: number | undefined): void {
    this.finger = finger;
    this.liftPending = false;
  }

  corruptNext(n = 1): void {
    this.wire.corruptNext(n);
  }

  private answer(packet: FpPacket): Uint8Array[] {
    if (packet.pid === FP_PID.data || packet.pid === FP_PID.lastData) return this.receiveData(packet);
    const instr = instructionOf(packet);
    const param = packet.payload[1] ?? 0;
    switch (instr) {
      case undefined:
        return [encodeAck(C.packetError)];
      case 'genImg':
        return [encodeAck(this.genImg())];
      case 'img2Tz':
        if (this.image === undefined) return [encodeAck(C.noImage)];
        this.buffers.set(param, features(this.image));
        this.liftPending = true;
        return [encodeAck(C.ok)];
      case 'match':
        return [this.match()];
      case 'regModel': {
        const [a, b] = [this.buffers.get(1), this.buffers.get(2)];
        if (!a || !b || !equal(a, b)) return [encodeAck(C.mergeFailed)];
        return [encodeAck(C.ok)];
      }
      case 'upChar': {
        const buf = this.buffers.get(param);
        if (!buf) return [encodeAck(0x0d)];
        return [encodeAck(C.ok), ...encodeDataPackets(buf)];
      }
      case 'downChar':
        this.download = { buffer: param, parts: [] };
        return [encodeAck(C.ok)];
      case 'readSysPara':
        return [encodeAck(C.ok, [0, 0, 0, 0, 0x03, 0xe8, 0, 3, 0xff, 0xff, 0xff, 0xff, 0, 2, 0, 6])];
      case 'templateNum':
        return [encodeAck(C.ok, [0, 0])];
      case 'search':
      case 'store':
      case 'deleteChar':
      case 'empty':
        return [encodeAck(C.ok, instr === 'search' ? [0, 0, 0, 0] : [])];
      default:
        return assertNever(instr);
    }
  }

  private genImg(): number {
    if (this.finger === undefined) return C.noFinger;
    if (this.liftPending) {
      this.liftPending = false;
      return C.noFinger;
    }
    this.image = this.finger;
    return C.ok;
  }

  private match(): Uint8Array {
    const [a, b] = [this.buffers.get(1), this.buffers.get(2)];
    if (!a || !b) return encodeAck(C.noMatch, [0, 0]);
    if (b.length !== SIM_TEMPLATE_SIZE || b[0] !== 0x03) return encodeAck(C.templateInvalid);
    if (!equal(a, b)) return encodeAck(C.noMatch, [0, 0]);
    const score = 120 + (a[2]! % 80);
    return encodeAck(C.ok, [score >> 8, score & 0xff]);
  }

  private receiveData(packet: FpPacket): Uint8Array[] {
    const d = this.download;
    if (!d) return [];
    d.parts.push(packet.payload);
    if (packet.pid === FP_PID.lastData) {
      this.buffers.set(d.buffer, Uint8Array.from(d.parts.flatMap((p) => [...p])));
      this.download = undefined;
    }
    return []; // the module does not acknowledge data packets
  }
}

/** Deterministic 512-byte feature file for a finger; byte 0 = 0x03 marks a valid template. */
export function features(finger: number): Uint8Array {
  const out = new Uint8Array(SIM_TEMPLATE_SIZE);
  let s = (finger * 2654435761) >>> 0 || 1;
  out[0] = 0x03;
  out[1] = 0x01;
  for (let i = 2; i < out.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  return out;
}

const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
