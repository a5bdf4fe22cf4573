// Fake FingerprintModule for tests of higher layers: enrolls a fixed template, matches it by value.
import { DeviceError, type DeviceErrorCode, type FingerprintMatch, type FingerprintTemplate } from '../../domain/devices';
import type { FingerprintModule } from './driver';

export class FakeFingerprintModule implements FingerprintModule {
  closed = false;
  /** When set, the next call fails with this code (once). */
  failNext?: DeviceErrorCode;

  constructor(readonly enrolled: FingerprintTemplate = { template: 'RkFLRS1URU1QTEFURQ==', module: 'R30x/AS608', quality: 90 }) {}

  enroll(): Promise<FingerprintTemplate> {
    return this.outcome(() => this.enrolled);
  }

  verify(template: FingerprintTemplate): Promise<FingerprintMatch> {
    return this.outcome(() => (template.template === this.enrolled.template ? { match: true, score: 180 } : { match: false, score: 0 }));
  }

  ping(): Promise<void> {
    return this.outcome(() => undefined);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private outcome<T>(value: () => T): Promise<T> {
    const code = this.closed ? 'DISCONNECTED' : this.failNext;
    this.failNext = undefined;
    return code ? Promise.reject(new DeviceError(code)) : Promise.resolve(value());
  }
}
