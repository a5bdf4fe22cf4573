// Request/reply over a ByteTransport: one command at a time (a queue), a deadline on every reply,
// and a clear DeviceError when the device is silent or goes away. Shared by both drivers.
import { DeviceError } from '../domain/devices';
import type { Decoded, StreamDecoder } from './codec/stream';
import type { ByteTransport } from './transport/types';

interface Waiter<F> {
  resolve(event: Decoded<F>): void;
  reject(error: DeviceError): void;
}

export class FrameChannel<F> {
  private inbox: Decoded<F>[] = [];
  private waiter?: Waiter<F>;
  private tail: Promise<unknown> = Promise.resolve();
  private gone?: DeviceError;

  /** `device` names the device in messages, e.g. 读卡器 or 指纹仪. */
  constructor(
    private readonly transport: ByteTransport,
    private readonly decoder: StreamDecoder<F>,
    private readonly device: string,
  ) {
    transport.onData((bytes) => {
      for (const event of decoder.push(bytes)) {
        const w = this.waiter;
        if (w) {
          this.waiter = undefined;
          w.resolve(event);
        } else this.inbox.push(event);
      }
    });
    transport.onClose((error) => {
      this.gone = error ?? new DeviceError('DISCONNECTED', `${device}连接已关闭`);
      const w = this.waiter;
      this.waiter = undefined;
      w?.reject(this.disconnected('通信'));
    });
  }

  get isOpen(): boolean {
    return this.gone === undefined && this.transport.isOpen;
  }

  /** Run `job` after every earlier job has finished: the device handles one command at a time. */
  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Forget buffered bytes and unread frames (before a new command or a retry). */
  flush(): void {
    this.inbox = [];
    this.decoder.reset();
  }

  async send(bytes: Uint8Array, step: string): Promise<void> {
    if (this.gone) throw this.disconnected(step);
    try {
      await this.transport.write(bytes);
    } catch {
      throw this.disconnected(step);
    }
  }

  /** The next decoded frame (or rejected frame); TIMEOUT after `timeoutMs`, DISCONNECTED if closed. */
  next(timeoutMs: number, step: string): Promise<Decoded<F>> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    if (this.gone) return Promise.reject(this.disconnected(step));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new DeviceError('TIMEOUT', `${this.device}在${timeoutMs}毫秒内没有响应(${step}),请检查连接线和电源后重试`));
      }, timeoutMs);
      this.waiter = {
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private disconnected(step: string): DeviceError {
    return new DeviceError('DISCONNECTED', `${this.device}已断开(${step}时),请检查连接线;重新插上后会自动恢复`);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
