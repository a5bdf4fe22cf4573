// The counter's devices as the application sees them: one ID card reader and one fingerprint
// module, each on a configured port behind a hot-plug manager, with its last error kept for the
// IT panel. Training mode swaps in simulators on pseudo-terminals.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeviceError, type FingerprintMatch, type FingerprintTemplate, type IdCard } from '../../domain/devices';
import { AppError } from '../../domain/errors';
import type { DeviceKind, DevicePanelStatus } from '../../domain/ipc/devices';
import { BAUD_RATES, SERIAL_PORT_PATTERN } from '../../domain/ipc/schemas';
import { FP_DEFAULTS, R30xFingerprintModule, type FingerprintModule } from '../../devices/fingerprint/driver';
import { ID_READER_DEFAULTS, SamIdCardReader, type IdCardReader } from '../../devices/idcard/driver';
import { DeviceManager } from '../../devices/manager';
import { SerialTransport } from '../../devices/transport/serial';
import { startTrainingDevices, type TrainingDevices } from './training';

interface PortSetting {
  readonly port: string | null;
  readonly baudRate: number;
}
export interface DeviceSettings {
  readonly idcard: PortSetting;
  readonly fingerprint: PortSetting;
  readonly training: boolean;
}

const DEFAULTS: DeviceSettings = {
  idcard: { port: null, baudRate: ID_READER_DEFAULTS.baudRate },
  fingerprint: { port: null, baudRate: FP_DEFAULTS.baudRate },
  training: false,
};

/**
 * Settings saved by an earlier run, held to the same rules as devices/configure's arguments: a port
 * that is not a serial device path (a file saved before those rules, say /etc/passwd) or a rate the
 * protocol does not use falls back to the default instead of being opened.
 */
function savedSettings(raw: unknown): DeviceSettings {
  const saved = (raw ?? {}) as Partial<Record<keyof DeviceSettings, unknown>>;
  const port = (kind: DeviceKind): PortSetting => {
    const s = (saved[kind] ?? {}) as { port?: unknown; baudRate?: unknown };
    return {
      port: typeof s.port === 'string' && SERIAL_PORT_PATTERN.test(s.port) ? s.port : null,
      baudRate: typeof s.baudRate === 'number' && BAUD_RATES[kind].includes(s.baudRate) ? s.baudRate : DEFAULTS[kind].baudRate,
    };
  };
  return { idcard: port('idcard'), fingerprint: port('fingerprint'), training: saved.training === true };
}

type Driver = IdCardReader | FingerprintModule;

interface Slot<D extends Driver> {
  manager?: DeviceManager<D>;
  lastError: DevicePanelStatus['lastError'];
}

export class DeviceService {
  private settings: DeviceSettings = DEFAULTS;
  private training?: TrainingDevices;
  private readonly idcard: Slot<IdCardReader> = { lastError: null };
  private readonly fingerprint: Slot<FingerprintModule> = { lastError: null };
  private readonly file: string;
  /** Changes of ports or training mode run one after another: two overlapping ones started two sets of simulators, and the one nobody stopped kept the process alive after SIGTERM. */
  private changes: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    dataDir: string,
    private readonly onChange: (status: DevicePanelStatus[]) => void = () => {},
  ) {
    this.file = path.join(dataDir, 'devices.json');
  }

  async start(overrides: Partial<Record<DeviceKind, string>> & { training?: boolean } = {}): Promise<void> {
    try {
      this.settings = savedSettings(JSON.parse(await readFile(this.file, 'utf8')));
    } catch {
      this.settings = DEFAULTS;
    }
    if (overrides.idcard) this.settings = { ...this.settings, idcard: { ...this.settings.idcard, port: overrides.idcard } };
    if (overrides.fingerprint) this.settings = { ...this.settings, fingerprint: { ...this.settings.fingerprint, port: overrides.fingerprint } };
    if (overrides.training !== undefined) this.settings = { ...this.settings, training: overrides.training };
    await this.serially(() => this.apply());
  }

  status(): DevicePanelStatus[] {
    return [this.statusOf('idcard'), this.statusOf('fingerprint')];
  }

  configure(kind: DeviceKind, port: string | null, baudRate?: number): Promise<DevicePanelStatus[]> {
    return this.serially(async () => {
      const current = this.settings[kind];
      this.settings = { ...this.settings, [kind]: { port: port || null, baudRate: baudRate ?? current.baudRate } };
      await this.save();
      await this.apply();
      return this.status();
    });
  }

  setTraining(enabled: boolean): Promise<DevicePanelStatus[]> {
    return this.serially(async () => {
      this.settings = { ...this.settings, training: enabled };
      await this.save();
      await this.apply();
      return this.status();
    });
  }

  readCard(waitForCardMs: number): Promise<IdCard> {
    return this.use(this.idcard, 'idcard', (d) => d.readCard({ waitForCardMs }));
  }

  enroll(): Promise<FingerprintTemplate> {
    return this.use(this.fingerprint, 'fingerprint', (d) => d.enroll());
  }

  verify(template: FingerprintTemplate): Promise<FingerprintMatch> {
    return this.use(this.fingerprint, 'fingerprint', (d) => d.verify(template));
  }

  async test(kind: DeviceKind): Promise<{ ok: boolean; message: string }> {
    const label = kind === 'idcard' ? '读卡器' : '指纹仪';
    try {
      await (kind === 'idcard' ? this.use(this.idcard, kind, (d) => d.ping()) : this.use(this.fingerprint, kind, (d) => d.ping()));
      return { ok: true, message: `${label}响应正常` };
    } catch (e) {
      return { ok: false, message: e instanceof AppError ? e.message : `${label}测试失败` };
    }
  }

  /** Closes the ports and stops the simulators; a change still running finishes first, and none starts after. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.changes.catch(() => undefined);
    await Promise.all([this.idcard.manager?.stop(), this.fingerprint.manager?.stop()]);
    await this.training?.stop();
    this.training = undefined;
  }

  private serially<T>(change: () => Promise<T>): Promise<T> {
    const run = this.changes.then(() => {
      if (this.stopped) throw new AppError('DEVICES_STOPPED', '工作站正在关闭,设备设置未更改');
      return change();
    });
    this.changes = run.catch(() => undefined);
    return run;
  }

  private portOf(kind: DeviceKind): string | null {
    if (this.settings.training && this.training) return kind === 'idcard' ? this.training.idcardPort : this.training.fingerprintPort;
    return this.settings[kind].port;
  }

  private async apply(): Promise<void> {
    await Promise.all([this.idcard.manager?.stop(), this.fingerprint.manager?.stop()]);
    this.idcard.manager = undefined;
    this.fingerprint.manager = undefined;
    if (this.settings.training && !this.training) this.training = await startTrainingDevices();
    if (!this.settings.training && this.training) {
      await this.training.stop();
      this.training = undefined;
    }
    const idPort = this.portOf('idcard');
    if (idPort) this.idcard.manager = this.manage(idPort, this.settings.idcard.baudRate, (t) => new SamIdCardReader(t));
    const fpPort = this.portOf('fingerprint');
    if (fpPort) this.fingerprint.manager = this.manage(fpPort, this.settings.fingerprint.baudRate, (t) => new R30xFingerprintModule(t));
    await Promise.all([this.idcard.manager?.start(), this.fingerprint.manager?.start()]);
    this.onChange(this.status());
  }

  private manage<D extends Driver>(port: string, baudRate: number, create: (t: SerialTransport) => D): DeviceManager<D> {
    const manager = new DeviceManager<D>({
      path: port,
      open: (p) => SerialTransport.open({ path: p, baudRate }),
      create: (t) => create(t as SerialTransport),
    });
    manager.onStatus(() => this.onChange(this.status()));
    return manager;
  }

  private async use<D extends Driver, T>(slot: Slot<D>, kind: DeviceKind, job: (d: D) => Promise<T>): Promise<T> {
    if (!slot.manager) {
      throw new DeviceError('OPEN_FAILED', `尚未设置${kind === 'idcard' ? '身份证读卡器' : '指纹仪'}的端口:请在“设备”页选择端口,或开启培训模式`);
    }
    try {
      return await job(slot.manager.device);
    } catch (e) {
      const data = e instanceof AppError ? e.toData() : { code: 'DEVICE_ERROR', message: String(e) };
      slot.lastError = { ...data, at: new Date().toISOString() };
      this.onChange(this.status());
      throw e;
    }
  }

  statusOf(kind: DeviceKind): DevicePanelStatus {
    const slot = kind === 'idcard' ? this.idcard : this.fingerprint;
    const st = slot.manager?.status;
    return {
      kind,
      port: this.portOf(kind),
      baudRate: this.settings[kind].baudRate,
      state: st ? st.state : 'not_configured',
      message: st?.state === 'unplugged' ? st.message : null,
      lastError: slot.lastError,
      simulated: this.settings.training,
    };
  }

  private async save(): Promise<void> {
    await writeFile(this.file, JSON.stringify(this.settings, null, 2));
  }
}
