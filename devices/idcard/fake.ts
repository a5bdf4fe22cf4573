// Fake IdCardReader for tests of higher layers: answers from a script of cards and errors.
import { type CardReadOptions, DeviceError, type DeviceErrorCode, type IdCard } from '../../domain/devices';
import type { IdCardReader } from './driver';

export type FakeRead = IdCard | DeviceErrorCode;

export class FakeIdCardReader implements IdCardReader {
  readonly calls: CardReadOptions[] = [];
  closed = false;

  /** Each read takes the next scripted outcome; the last one repeats. */
  constructor(private readonly script: FakeRead[]) {}

  readCard(options: CardReadOptions = {}): Promise<IdCard> {
    this.calls.push(options);
    if (this.closed) return Promise.reject(new DeviceError('DISCONNECTED'));
    const next = this.script.length > 1 ? this.script.shift() : this.script[0];
    if (next === undefined) return Promise.reject(new DeviceError('NO_CARD'));
    return typeof next === 'string' ? Promise.reject(new DeviceError(next)) : Promise.resolve(next);
  }

  ping(): Promise<void> {
    return this.closed ? Promise.reject(new DeviceError('DISCONNECTED')) : Promise.resolve();
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
