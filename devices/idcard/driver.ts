// The SAM ID card reader driver: find → select → read over any ByteTransport, with a deadline per
// step, one retry on a corrupt frame or a checksum complaint (SW3 10), and clear DeviceErrors.
import { type CardReadOptions, DeviceError, type IdCard } from '../../domain/devices';
import { FrameChannel, sleep } from '../channel';
import { type SamCommand, type SamFrame, type SamReply, encodeRequest, replyOf, samStreamDecoder } from './codec';
import { SW3, sw3Meaning } from './sw3';
import { decodeCard } from './text';
import { SerialTransport } from '../transport/serial';
import type { ByteTransport } from '../transport/types';

export interface IdCardReader {
  /** find → select → read; rejects with a DeviceError (NO_CARD, TIMEOUT, DISCONNECTED, CHECKSUM, …). */
  readCard(options?: CardReadOptions): Promise<IdCard>;
  /** Asks the SAM module for its status: a round trip that needs no card. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const ID_READER_DEFAULTS = {
  baudRate: 115200,
  stepTimeoutMs: 1500,
  /** The read reply alone is ~112 ms on the wire at 115200; real readers need ~0.5–1 s. */
  readTimeoutMs: 3000,
  findPollMs: 200,
} as const;

const STEP = { samStatus: 'SAM状态', findCard: '寻卡', selectCard: '选卡', readText: '读卡', readWithFingerprint: '读卡(含指纹)' } as const;
type Step = keyof typeof STEP;

export class SamIdCardReader implements IdCardReader {
  private readonly channel: FrameChannel<SamFrame>;

  constructor(transport: ByteTransport) {
    this.channel = new FrameChannel(transport, samStreamDecoder(), '读卡器');
  }

  static async openSerial(path: string, baudRate: number = ID_READER_DEFAULTS.baudRate): Promise<SamIdCardReader> {
    return new SamIdCardReader(await SerialTransport.open({ path, baudRate }));
  }

  readCard(options: CardReadOptions = {}): Promise<IdCard> {
    return this.channel.run(() => this.read(options));
  }

  ping(): Promise<void> {
    return this.channel.run(async () => {
      const reply = await this.command('samStatus', ID_READER_DEFAULTS.stepTimeoutMs);
      if (reply.sw3 !== SW3.OK) throw statusError(reply.sw3, STEP.samStatus);
    });
  }

  close(): Promise<void> {
    return this.channel.close();
  }

  private async read(options: CardReadOptions): Promise<IdCard> {
    const stepMs = options.stepTimeoutMs ?? ID_READER_DEFAULTS.stepTimeoutMs;
    await this.find(stepMs, options.waitForCardMs ?? 0);

    const selected = await this.command('selectCard', stepMs);
    if (selected.sw3 !== SW3.OK) throw statusError(selected.sw3, STEP.selectCard);

    const cmd: Step = options.withFingerprint ? 'readWithFingerprint' : 'readText';
    const reply = await this.command(cmd, options.stepTimeoutMs ?? ID_READER_DEFAULTS.readTimeoutMs);
    if (reply.sw3 !== SW3.OK) throw statusError(reply.sw3, STEP[cmd]);
    const card = decodeCard(reply.data, options.withFingerprint ?? false);
    if (!card.ok) {
      const why = card.error.kind === 'CONTENT' ? card.error.detail : card.error.kind;
      throw new DeviceError('PROTOCOL', `读卡器返回的身份证数据格式不正确(${why}),请重新放置卡片后再读`);
    }
    return card.value;
  }

  /** Look for a card, polling until `waitMs` has passed (once when 0). */
  private async find(stepMs: number, waitMs: number): Promise<void> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const reply = await this.command('findCard', stepMs);
      if (reply.sw3 === SW3.CARD_FOUND) return;
      if (reply.sw3 !== SW3.NO_CARD) throw statusError(reply.sw3, STEP.findCard);
      if (Date.now() + ID_READER_DEFAULTS.findPollMs > deadline) throw new DeviceError('NO_CARD');
      await sleep(ID_READER_DEFAULTS.findPollMs);
    }
  }

  /** Send one command and wait for its reply; resend once when the frame or our request was corrupted. */
  private async command(cmd: SamCommand & Step, timeoutMs: number): Promise<SamReply> {
    const step = STEP[cmd];
    for (let attempt = 0; attempt < 2; attempt++) {
      this.channel.flush();
      await this.channel.send(encodeRequest(cmd), step);
      const deadline = Date.now() + timeoutMs;
      let event = await this.channel.next(timeoutMs, step);
      // A late reply to an earlier, timed-out command can still arrive: skip what cannot be ours.
      while (event.ok && isStale(cmd, event.value.body)) event = await this.channel.next(Math.max(1, deadline - Date.now()), step);
      const reply = event.ok ? replyOf(event.value) : event;
      if (reply.ok && reply.value.sw3 !== SW3.CHECKSUM_ERROR) return reply.value;
    }
    throw new DeviceError('CHECKSUM', `与读卡器通信的数据两次校验失败(${step}),请重试;多次失败请更换连接线或USB口`);
  }
}

/** Does this reply body belong to another command (find ok carries 4 bytes, select ok 8, read ok ≥ 1284)? */
function isStale(cmd: Step, body: Uint8Array): boolean {
  const sw3 = body[2];
  const dataLength = body.length - 3;
  if (sw3 === SW3.CARD_FOUND) return cmd !== 'findCard';
  if (sw3 !== SW3.OK) return false;
  if (cmd === 'findCard') return true;
  if (cmd === 'samStatus') return dataLength !== 0;
  return cmd === 'selectCard' ? dataLength !== 8 : dataLength < 1284;
}

function statusError(sw3: number, step: string): DeviceError {
  const meaning = sw3Meaning(sw3);
  if (meaning.status === 'NO_CARD') return new DeviceError('NO_CARD');
  return new DeviceError('DEVICE_ERROR', `${meaning.message}(${step},状态码 0x${sw3.toString(16).padStart(2, '0').toUpperCase()})`);
}
