// Batches by removable media in the app: an IT user saves this workstation's pending work as a
// batch file to a folder (a removable drive) and, at the centre, imports one with a per-document
// report. A file crosses the boundary in chunks (a call carries at most 1 MB) staged under a
// transfer id the page chooses; the host writes only under its allowed folders and imports only
// where it holds the centre's credentials, for an IT user the server confirms.
import type { ImportReport } from '../sync/batch-import';

/** One staged chunk: base64 of at most BATCH_CHUNK_BYTES bytes. */
export const BATCH_CHUNK_BYTES = 512 * 1024;
/** The largest batch file the host stages (scans and photos included). */
export const MAX_BATCH_BYTES = 256 * 1024 * 1024;
export const BATCH_FILE_PATTERN = /^[A-Za-z0-9._-]{1,120}\.hwsbatch$/;
export const TRANSFER_ID_PATTERN = /^[a-z0-9-]{8,64}$/;

export interface BatchTarget {
  /** An absolute folder the host may write to. */
  readonly path: string;
  /** A mounted removable drive (under /media, /run/media, /Volumes…), not the workstation's own folder. */
  readonly removable: boolean;
}

export interface BatchTargets {
  readonly targets: readonly BatchTarget[];
  /** Folders (and what is below them) a typed folder may be in. */
  readonly roots: readonly string[];
  /** This host holds the centre's credentials: batches can be imported here. */
  readonly centre: boolean;
}

export interface BatchStageArgs {
  readonly transferId: string;
  /** Byte offset of this chunk: chunks arrive in order. */
  readonly offset: number;
  readonly dataBase64: string;
}

export interface BatchSaveArgs {
  readonly transferId: string;
  readonly folder: string;
  readonly fileName: string;
}

export interface BatchSaved {
  readonly path: string;
  readonly bytes: number;
}

export interface BatchImportArgs {
  readonly transferId: string;
  /** The importing IT user confirms with their password: the host checks it and the role with the server. */
  readonly username: string;
  readonly password: string;
}

export interface BatchImportResult extends ImportReport {
  readonly importedBy: string;
  readonly importedAt: string;
}

export interface BatchProgress {
  readonly transferId: string;
  readonly done: number;
  readonly total: number;
}

export type BatchHandlers = {
  'batches/targets': (args: void) => Promise<BatchTargets>;
  'batches/stage': (args: BatchStageArgs) => Promise<{ readonly received: number }>;
  'batches/save': (args: BatchSaveArgs) => Promise<BatchSaved>;
  'batches/import': (args: BatchImportArgs) => Promise<BatchImportResult>;
  /** Drops a staged file (a cancelled export or import). */
  'batches/discard': (args: { readonly transferId: string }) => Promise<void>;
};
