// The one contract for every renderer → main call. Each feature declares a handler map in its own
// file; `Handlers` joins them, and both adapters (Electron IPC and browser mode) serve exactly it.
import type { Result } from '../errors';
import type { AppHandlers } from './app';
import type { BatchHandlers, BatchProgress } from './batches';
import type { DevicePanelStatus, DeviceHandlers } from './devices';
import type { DocumentHandlers } from './documents';
import type { InspectionDocumentHandlers } from './inspection';
import type { ItemDocumentHandlers } from './item-documents';
import type { PublicityHandlers } from './publicity';
import type { OcrHandlers, OcrProgress } from './ocr';
import type { ScanHandlers } from './scans';
import type { SessionHandlers } from './session';
import type { SignoffHandlers } from './signoff';

export type Handlers = AppHandlers & SessionHandlers & DeviceHandlers & DocumentHandlers & InspectionDocumentHandlers & ItemDocumentHandlers & PublicityHandlers & ScanHandlers & OcrHandlers & SignoffHandlers & BatchHandlers;

export type HandlerName = keyof Handlers;
export type ArgsOf<K extends HandlerName> = Parameters<Handlers[K]>[0];
export type ReplyOf<K extends HandlerName> = Awaited<ReturnType<Handlers[K]>>;

/** Events pushed from main to the renderer: channel → payload. */
export interface Events {
  'app/notice': { readonly level: 'info' | 'warning' | 'error'; readonly message: string };
  'devices/status': readonly DevicePanelStatus[];
  /** Documents of a batch import decided so far. */
  'batches/progress': BatchProgress;
  /** How far the host has read a certificate page. */
  'ocr/progress': OcrProgress;
}
export type EventName = keyof Events;

/** Every call has a deadline; a handler that needs longer names its own (e.g. a card read). */
export const DEFAULT_CALL_TIMEOUT_MS = 15_000;
export const CALL_TIMEOUTS_MS: Partial<Record<HandlerName, number>> = {
  'session/login': 20_000,
  'session/override': 20_000,
  'idcard/read': 20_000,
  'fingerprint/enroll': 45_000,
  'fingerprint/verify': 25_000,
  'signoff/enroll': 45_000,
  'signoff/fingerprint': 25_000,
  'devices/training': 20_000,
  // An oversized scan is decoded, shrunk and re-encoded on the way in.
  'scans/read': 60_000,
  // A page is read by two models; the first page also starts them.
  'ocr/read': 180_000,
  // A batch is decided document by document against the central server.
  'batches/import': 600_000,
  'batches/save': 120_000,
};

/** Wire form of one call and its reply, used by the browser-mode socket. */
export interface CallMessage {
  readonly kind: 'call';
  readonly id: number;
  readonly name: string;
  readonly args: unknown;
}
export interface ReplyMessage {
  readonly kind: 'reply';
  readonly id: number;
  readonly result: Result<unknown>;
}
export interface EventMessage {
  readonly kind: 'event';
  readonly channel: string;
  readonly payload: unknown;
}
