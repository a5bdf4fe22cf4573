// The R30x / AS608 fingerprint module driver (DOMAIN.md §6).
//   enroll: GenImg → Img2Tz(1) → lift → GenImg → Img2Tz(2) → Match (quality) → RegModel → UpChar(1)
//   verify: DownChar(2) ← template → GenImg → Img2Tz(1) → Match
// GenImg is polled while no finger is on the window, for a bounded time (NO_FINGER afterwards).
import { DeviceError, type FingerprintMatch, type FingerprintTemplate } from '../../domain/devices';
import { FrameChannel, sleep } from '../channel';
import { type FpAck, FP_PID, type FpInstruction, type FpPacket, ackOf, encodeCommand, encodeDataPackets, fpStreamDecoder, scoreOf } from './codec';
import { confirmMeaning } from './confirm';
import { fromBase64, toBase64 } from '../codec/base64';
import { SerialTransport } from '../transport/serial';
import type { ByteTransport } from '../transport/types';

export interface CaptureOptions {
  /** How long to wait for a finger (and for it to be lifted between the two enrol captures). */
  readonly fingerTimeoutMs?: number;
  /** Deadline for each command's reply. */
  readonly stepTimeoutMs?: number;
}

export interface FingerprintModule {
  enroll(options?: CaptureOptions): Promise<FingerprintTemplate>;
  verify(template: FingerprintTemplate, options?: CaptureOptions): Promise<FingerprintMatch>;
  /** Reads the module's system parameters: a round trip that needs no finger. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const FP_DEFAULTS = { baudRate: 57600, fingerTimeoutMs: 10_000, stepTimeoutMs: 1500, pollMs: 150 } as const;
export const FP_MODULE_FAMILY = 'R30x/AS608';

const CODE = { ok: 0x00, packetError: 0x01, noFinger: 0x02, noMatch: 0x08, templateInvalid: 0x0c } as const;

export class R30xFingerprintModule implements FingerprintModule {
  private readonly channel: FrameChannel<FpPacket>;

  constructor(
    transport: ByteTransport,
    readonly module: string = FP_MODULE_FAMILY,
  ) {
    this.channel = new FrameChannel(transport, fpStreamDecoder(), '指纹仪');
  }

  static async openSerial(path: string, baudRate: number = FP_DEFAULTS.baudRate): Promise<R30xFingerprintModule> {
    return new R30xFingerprintModule(await SerialTransport.open({ path, baudRate }));
  }

  enroll(options: CaptureOptions = {}): Promise<FingerprintTemplate> {
    return this.channel.run(async () => {
      const o = withDefaults(options);
      await this.capture(1, o);
      await this.waitLifted(o);
      await this.capture(2, o);
      const agreement = await this.command('match', [], '比对两次按压', o);
      if (agreement.code !== CODE.ok && agreement.code !== CODE.noMatch) throw failure(agreement.code, '比对两次按压');
      const merged = await this.command('regModel', [], '合成模板', o);
      if (merged.code !== CODE.ok) throw failure(merged.code, '合成模板');
      const template = await this.upload(1, o);
      return { template: toBase64(template), module: this.module, quality: Math.min(100, Math.round(scoreOf(agreement) / 2)) };
    });
  }

  verify(template: FingerprintTemplate, options: CaptureOptions = {}): Promise<FingerprintMatch> {
    return this.channel.run(async () => {
      const o = withDefaults(options);
      const bytes = fromBase64(template.template);
      if (bytes.length === 0) throw new DeviceError('BAD_TEMPLATE');
      if (template.module !== this.module) {
        throw new DeviceError('BAD_TEMPLATE', `该指纹模板来自其他型号的指纹仪(${template.module}),无法在本设备(${this.module})上比对`);
      }
      const down = await this.command('downChar', [2], '下载模板', o);
      if (down.code !== CODE.ok) throw failure(down.code, '下载模板');
      for (const packet of encodeDataPackets(bytes)) await this.channel.send(packet, '下载模板');
      await this.capture(1, o);
      const result = await this.command('match', [], '比对', o);
      if (result.code === CODE.ok) return { match: true, score: scoreOf(result) };
      if (result.code === CODE.noMatch) return { match: false, score: scoreOf(result) };
      throw failure(result.code, '比对');
    });
  }

  ping(): Promise<void> {
    return this.channel.run(async () => {
      const o = withDefaults({});
      const ack = await this.command('readSysPara', [], '读取参数', o);
      if (ack.code !== CODE.ok) throw failure(ack.code, '读取参数');
    });
  }

  close(): Promise<void> {
    return this.channel.close();
  }

  /** Wait for a finger (GenImg polled), then extract its features into char buffer `buffer`. */
  private async capture(buffer: 1 | 2, o: Required<CaptureOptions>): Promise<void> {
    const deadline = Date.now() + o.fingerTimeoutMs;
    for (;;) {
      const img = await this.command('genImg', [], '采集指纹', o);
      if (img.code === CODE.ok) break;
      if (img.code !== CODE.noFinger && img.code !== 0x03) throw failure(img.code, '采集指纹');
      if (Date.now() + FP_DEFAULTS.pollMs > deadline) throw new DeviceError('NO_FINGER');
      await sleep(FP_DEFAULTS.pollMs);
    }
    const tz = await this.command('img2Tz', [buffer], '提取特征', o);
    if (tz.code !== CODE.ok) throw failure(tz.code, '提取特征');
  }

  private async waitLifted(o: Required<CaptureOptions>): Promise<void> {
    const deadline = Date.now() + o.fingerTimeoutMs;
    for (;;) {
      const img = await this.command('genImg', [], '等待抬起手指', o);
      if (img.code === CODE.noFinger) return;
      if (Date.now() + FP_DEFAULTS.pollMs > deadline) throw new DeviceError('TIMEOUT', '等待抬起手指超时:请抬起手指,再按压同一根手指');
      await sleep(FP_DEFAULTS.pollMs);
    }
  }

  /** UpChar: the ack, then data packets up to the last one (08). Restarted once if a packet is corrupt. */
  private async upload(buffer: 1 | 2, o: Required<CaptureOptions>): Promise<Uint8Array> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const ack = await this.command('upChar', [buffer], '上传模板', o);
      if (ack.code !== CODE.ok) throw failure(ack.code, '上传模板');
      const parts: Uint8Array[] = [];
      for (;;) {
        const event = await this.channel.next(o.stepTimeoutMs, '上传模板');
        if (!event.ok || (event.value.pid !== FP_PID.data && event.value.pid !== FP_PID.lastData)) break;
        parts.push(event.value.payload);
        if (event.value.pid === FP_PID.lastData) return Uint8Array.from(parts.flatMap((p) => [...p]));
      }
    }
    throw new DeviceError('CHECKSUM', '从指纹仪上传模板时数据两次校验失败,请重试;多次失败请更换连接线');
  }

  /** One command and its ack; resent once on a corrupt frame or a packet-error reply (01). */
  private async command(instr: FpInstruction, params: number[], step: string, o: Required<CaptureOptions>): Promise<FpAck> {
    for (let attempt = 0; attempt < 2; attempt++) {
      this.channel.flush();
      await this.channel.send(encodeCommand(instr, params), step);
      const event = await this.channel.next(o.stepTimeoutMs, step);
      const ack = event.ok ? ackOf(event.value) : event;
      if (ack.ok && ack.value.code !== CODE.packetError) return ack.value;
    }
    throw new DeviceError('CHECKSUM', `与指纹仪通信的数据两次校验失败(${step}),请重试;多次失败请更换连接线`);
  }
}

const withDefaults = (o: CaptureOptions): Required<CaptureOptions> => ({
  fingerTimeoutMs: o.fingerTimeoutMs ?? FP_DEFAULTS.fingerTimeoutMs,
  stepTimeoutMs: o.stepTimeoutMs ?? FP_DEFAULTS.stepTimeoutMs,
});

function failure(code: number, step: string): DeviceError {
  const meaning = confirmMeaning(code);
  if (code === CODE.noFinger) return new DeviceError('NO_FINGER');
  if (code === CODE.templateInvalid) return new DeviceError('BAD_TEMPLATE');
  return new DeviceError('DEVICE_ERROR', `${meaning.message}(${step},确认码 0x${code.toString(16).padStart(2, '0').toUpperCase()})`);
}
