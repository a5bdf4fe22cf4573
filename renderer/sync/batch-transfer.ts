// Moving a batch file between the page and the host: in order, in chunks a call may carry
// (domain/ipc/batches.ts), with progress in bytes. A failed chunk drops what was staged.
import { toBase64 } from '../../domain/crypto/sealing';
import { BATCH_CHUNK_BYTES } from '../../domain/ipc/batches';
import type { Api } from '../api/client';

/** Stages `bytes` on the host; answers the transfer id to save or import it under. */
export async function stageBatch(api: Api, bytes: Uint8Array, progress: (done: number, total: number) => void = () => {}): Promise<string> {
  const transferId = crypto.randomUUID();
  try {
    progress(0, bytes.length);
    for (let offset = 0; offset < bytes.length; offset += BATCH_CHUNK_BYTES) {
      const chunk = bytes.subarray(offset, offset + BATCH_CHUNK_BYTES);
      await api.invoke('batches/stage', { transferId, offset, dataBase64: toBase64(chunk) });
      progress(offset + chunk.length, bytes.length);
    }
    return transferId;
  } catch (e) {
    await api.invoke('batches/discard', { transferId }).catch(() => {});
    throw e;
  }
}

/** The file name a batch of an office gets: office, local date and time, never a path. */
export function batchFileName(officeId: string, at = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
  return `hws-${officeId.replace(/[^A-Za-z0-9_-]/g, '_')}-${stamp}.hwsbatch`;
}

/** Offers the bytes as a download (browser mode without a folder). */
export function downloadBatch(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
