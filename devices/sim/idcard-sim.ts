// Simulated SAM ID card reader on a serial path: answers find / select / read like a real reader,
// with the card leaving the field after each successful read (DOMAIN.md §5).
import { assertNever } from '../../domain/errors';
import { type SamCommand, type SamFrame, commandOf, encodeReply, requestOf, samSyntax } from '../idcard/codec';
import { SW3 } from '../idcard/sw3';
import { encodeCardData, encodeText } from '../idcard/text';
import type { SimCard } from './card-file';
import { type SimEndpoint, SimWire, type WireFault, type WireOptions } from './wire';

export const IDCARD_SIM_MODES = ['normal', 'no-card', 'checksum', 'checksum-always', 'slow', 'split', 'stray', 'unplug'] as const;
export type IdCardSimMode = (typeof IDCARD_SIM_MODES)[number];

export interface IdCardSimOptions extends Omit<WireOptions, 'fault'> {
  readonly card: SimCard;
  readonly mode?: IdCardSimMode;
  /** Put the card back this many ms after each read (a clerk placing the next card); off by default. */
  readonly repeatMs?: number;
}

type Phase = 'idle' | 'found' | 'selected';

export class IdCardSimulator {
  private readonly wire: SimWire<SamFrame>;
  private present: boolean;
  private phase: Phase = 'idle';
  private repeatTimer?: NodeJS.Timeout;
  /** Successful reads served, for tests and the benchmark. */
  reads = 0;
  private corruptOn?: SamCommand;

  constructor(
    endpoint: SimEndpoint,
    private readonly options: IdCardSimOptions,
  ) {
    const mode = options.mode ?? 'normal';
    const fault: WireFault | undefined = mode === 'normal' || mode === 'no-card' ? undefined : mode;
    this.present = mode !== 'no-card';
    this.wire = new SimWire(endpoint, samSyntax, { onFrame: (f) => this.answer(f), onBadFrame: () => [encodeReply(SW3.CHECKSUM_ERROR)] }, { ...options, fault });
  }

  get path(): string {
    return this.wire.path;
  }

  get bytesWritten(): number {
    return this.wire.bytesWritten;
  }

  start(): Promise<void> {
    return this.wire.start();
  }

  stop(): Promise<void> {
    clearTimeout(this.repeatTimer);
    return this.wire.stop();
  }

  /** Put the card (back) on the reader. */
  replaceCard(): void {
    this.present = true;
    this.phase = 'idle';
  }

  /** Take the card away. */
  removeCard(): void {
    this.present = false;
    this.phase = 'idle';
  }

  corruptNext(n = 1): void {
    this.wire.corruptNext(n);
  }

  unplugNext(): void {
    this.wire.unplugNext();
  }

  /** Corrupt the reply to the next request of this kind (once). */
  corruptReplyTo(command: SamCommand): void {
    this.corruptOn = command;
  }

  private answer(frame: SamFrame): Uint8Array[] {
    const req = requestOf(frame);
    if (!req.ok) return [encodeReply(0x11)];
    const cmd = commandOf(req.value);
    if (cmd !== undefined && cmd === this.corruptOn) {
      this.corruptOn = undefined;
      this.wire.corruptNext(1);
    }
    switch (cmd) {
      case undefined:
        return [encodeReply(0x24)];
      case 'resetSam':
      case 'samStatus':
        return [encodeReply(SW3.OK)];
      case 'readSamId':
        return [encodeReply(SW3.OK, Uint8Array.of(0x05, 0x01, 0x00, 0x00, 0x20, 0x16, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78, 0x00, 0x00, 0x00, 0x01))];
      case 'findCard':
        this.phase = this.present ? 'found' : 'idle';
        return [this.present ? encodeReply(SW3.CARD_FOUND, new Uint8Array(4)) : encodeReply(SW3.NO_CARD)];
      case 'selectCard':
        if (this.phase !== 'found' && this.phase !== 'selected') return [encodeReply(SW3.SELECT_FAILED)];
        this.phase = 'selected';
        return [encodeReply(SW3.OK, new Uint8Array(8))];
      case 'readText':
      case 'readWithFingerprint':
        return [this.readReply(cmd === 'readWithFingerprint')];
      case 'readNewAddress':
        return [encodeReply(this.phase === 'selected' ? 0x91 : 0x41)];
      default:
        return assertNever(cmd);
    }
  }

  private readReply(withFingerprint: boolean): Uint8Array {
    // Still 'selected' after a read, so a host retrying a corrupted reply gets the data again;
    // but the card counts as taken away: the next find fails until it is placed again.
    if (this.phase !== 'selected') return encodeReply(0x41);
    const { card } = this.options;
    const fingerprint = withFingerprint ? new Uint8Array(1024).fill(0x46) : undefined;
    const data = encodeCardData(fingerprint ? { text: encodeText(card.text), photo: card.photo, fingerprint } : { text: encodeText(card.text), photo: card.photo });
    this.present = false;
    this.reads++;
    if (this.options.repeatMs !== undefined) {
      clearTimeout(this.repeatTimer);
      this.repeatTimer = setTimeout(() => this.replaceCard(), this.options.repeatMs);
    }
    return encodeReply(SW3.OK, data);
  }
}
