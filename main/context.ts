// What the main-side handlers need to know about this workstation; built by each entry point.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RunMode } from '../domain/ipc/app';
import { DeviceService } from './devices/service';
import { EventBus } from './events';
import { OcrService } from './ocr/service';
import { ScanFolder } from './scans/folder';

export interface MainContext {
  readonly mode: RunMode;
  readonly version: string;
  /** Central CouchDB base URL without credentials. */
  readonly couchUrl: string;
  readonly relayUrl: string | null;
  /** This workstation's own folder: cached credentials, settings, logs. */
  readonly dataDir: string;
  readonly workstationId: string;
  readonly trainingMode: boolean;
  readonly events: EventBus;
  readonly devices: DeviceService;
  /** Reads certificate pages (closed with the host). */
  readonly ocr: OcrService;
  /** Where the counter's scanner saves its pages. */
  readonly scans: ScanFolder;
}

/** The per-user data folder: HWS_DATA_DIR, else the platform's usual place. */
export function defaultDataRoot(): string {
  if (process.env.HWS_DATA_DIR) return path.resolve(process.env.HWS_DATA_DIR);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'hws-workstation');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'hws-workstation');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'hws-workstation');
}

async function workstationIdIn(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'workstation-id');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const id = `ws-${os.hostname().toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 20)}-${randomUUID().slice(0, 8)}`;
    await writeFile(file, id);
    return id;
  }
}

export async function createMainContext(options: {
  mode: RunMode;
  version: string;
  couchUrl: string;
  /** The centre's change relay (default HWS_RELAY_URL), or none. */
  relayUrl?: string;
  dataDir: string;
  trainingMode?: boolean;
  /** Device ports given on the command line; they replace the saved settings. */
  idcardPort?: string;
  fingerprintPort?: string;
  /** The scanner's output folder (default HWS_SCAN_DIR, else `scanner-inbox` in the data folder). */
  scanDir?: string;
}): Promise<MainContext> {
  await mkdir(options.dataDir, { recursive: true });
  const events = new EventBus();
  const devices = new DeviceService(options.dataDir, (status) => events.emit('devices/status', status));
  await devices.start({
    ...(options.idcardPort ? { idcard: options.idcardPort } : {}),
    ...(options.fingerprintPort ? { fingerprint: options.fingerprintPort } : {}),
    ...(options.trainingMode ? { training: true } : {}),
  });
  return {
    mode: options.mode,
    version: options.version,
    couchUrl: options.couchUrl.replace(/\/+$/, ''),
    relayUrl: (options.relayUrl ?? process.env.HWS_RELAY_URL)?.replace(/\/+$/, '') || null,
    dataDir: options.dataDir,
    workstationId: await workstationIdIn(options.dataDir),
    trainingMode: options.trainingMode ?? false,
    events,
    devices,
    ocr: new OcrService(),
    scans: new ScanFolder(options.scanDir ?? process.env.HWS_SCAN_DIR ?? path.join(options.dataDir, 'scanner-inbox')),
  };
}
