// Renderer → main calls for the counter's devices: the ID card reader and the fingerprint module.
import type { FingerprintMatch, FingerprintTemplate, IdCard } from '../devices';

export type DeviceKind = 'idcard' | 'fingerprint';

export type DeviceState = 'not_configured' | 'connecting' | 'ready' | 'unplugged' | 'stopped';

export interface DevicePanelStatus {
  readonly kind: DeviceKind;
  readonly port: string | null;
  readonly baudRate: number;
  readonly state: DeviceState;
  /** Why the device is not usable right now, in Chinese. */
  readonly message: string | null;
  readonly lastError: { readonly code: string; readonly message: string; readonly at: string } | null;
  /** Simulated devices (training mode). */
  readonly simulated: boolean;
}

export interface ListedPort {
  readonly path: string;
  readonly kind: 'serial' | 'hid';
  readonly looksLike: string;
}

export interface ConfigureDeviceArgs {
  readonly kind: DeviceKind;
  readonly port: string | null;
  readonly baudRate?: number;
}

export type DeviceHandlers = {
  'devices/status': (args: void) => Promise<DevicePanelStatus[]>;
  'devices/list': (args: void) => Promise<ListedPort[]>;
  'devices/configure': (args: ConfigureDeviceArgs) => Promise<DevicePanelStatus[]>;
  /** Turns simulated devices (training mode) on or off. */
  'devices/training': (args: { readonly enabled: boolean }) => Promise<DevicePanelStatus[]>;
  /** A harmless round trip to the device (SAM status / module parameters), for IT. */
  'devices/test': (args: { readonly kind: DeviceKind }) => Promise<{ readonly ok: boolean; readonly message: string }>;
  'idcard/read': (args: { readonly waitForCardMs?: number }) => Promise<IdCard>;
  'fingerprint/enroll': (args: void) => Promise<FingerprintTemplate>;
  'fingerprint/verify': (args: { readonly template: FingerprintTemplate }) => Promise<FingerprintMatch>;
};
