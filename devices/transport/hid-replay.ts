// Fake HID device that replays recorded input-report sequences: each time the host has written the
// bytes a step expects, the step's reports are played back. Mismatches are recorded, not thrown.
import { type HidDeviceLike, payloadOfInputReport } from './hid';

export interface ReplayStep {
  /** Payload bytes the host is expected to send (report framing removed). */
  readonly expect: Uint8Array;
  /** Input reports the device sent in reply, 64 bytes each, in order. */
  readonly reports: readonly Uint8Array[];
  /** Pull the plug after this many reports of the reply. */
  readonly unplugAfter?: number;
}

export class ReplayHidDevice implements HidDeviceLike {
  private readonly steps: ReplayStep[];
  private received: number[] = [];
  private dataListeners: Array<(report: Buffer) => void> = [];
  private errorListeners: Array<(error: Error) => void> = [];
  readonly mismatches: string[] = [];
  closed = false;

  constructor(steps: readonly ReplayStep[]) {
    this.steps = [...steps];
  }

  get remaining(): number {
    return this.steps.length;
  }

  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'data' | 'error', listener: ((report: Buffer) => void) | ((error: Error) => void)): unknown {
    if (event === 'data') this.dataListeners.push(listener as (report: Buffer) => void);
    else this.errorListeners.push(listener as (error: Error) => void);
    return this;
  }

  write(values: number[]): number {
    if (this.closed) throw new Error('device closed');
    // values[0] is the report id; the rest is one input-style report.
    this.received.push(...payloadOfInputReport(Uint8Array.from(values.slice(1))));
    const step = this.steps[0];
    if (step && this.received.length >= step.expect.length) {
      this.steps.shift();
      const got = this.received.splice(0, step.expect.length);
      if (got.some((b, i) => b !== step.expect[i])) this.mismatches.push(`expected ${[...step.expect]} got ${got}`);
      this.play(step);
    }
    return values.length;
  }

  close(): void {
    this.closed = true;
  }

  private play(step: ReplayStep): void {
    const reports = step.unplugAfter === undefined ? step.reports : step.reports.slice(0, step.unplugAfter);
    let delay = 0;
    for (const report of reports) setTimeout(() => !this.closed && this.dataListeners.forEach((l) => l(Buffer.from(report))), delay++);
    if (step.unplugAfter !== undefined) {
      setTimeout(() => this.errorListeners.forEach((l) => l(new Error('could not read from HID device'))), delay);
    }
  }
}
