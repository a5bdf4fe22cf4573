// Export from a workstation for removable media: every document of the office written since a
// checkpoint (an ISO time; null for everything), with the file contents still waiting to go up,
// in one batch file (domain/sync/batch-file.ts). Documents that never reached the server get the
// revision `1-<hash of the content>`: the import at the centre keeps it, and when this workstation
// later syncs online its push finds the same content there and writes nothing.
import { sealBatch, type BatchDoc } from '../../domain/sync/batch-file';
import type { CollectionName } from '../../domain/model';
import { toBase64 } from '../../domain/crypto/sealing';
import type { WorkstationDb } from '../db/database';
import type { BlobStore } from './blob-store';
import { ATTACHMENT, sha256Hex } from './blob-sync';
import { toCouch } from './couch-docs';

export interface WorkstationExport {
  readonly db: WorkstationDb;
  readonly collections: readonly CollectionName[];
  readonly officeId: string;
  /** The office data key as provisioned (base64). */
  readonly officeKey: string;
  readonly deviceId: string;
  readonly since: string | null;
  readonly blobs?: BlobStore;
}

export async function exportFromWorkstation(options: WorkstationExport): Promise<{ file: Uint8Array; docCount: number }> {
  const docs: BatchDoc[] = [];
  for (const name of options.collections) {
    const selector: Record<string, unknown> = { officeId: options.officeId };
    if (options.since) selector.updatedAt = { $gte: options.since };
    for (const d of await options.db.collections[name].find({ selector }).exec()) {
      const couchDoc = toCouch(d.toJSON() as Record<string, unknown>);
      const rev = `1-${(await sha256Hex(new TextEncoder().encode(JSON.stringify(couchDoc)))).slice(0, 32)}`;
      const blob = await options.blobs?.get(couchDoc._id);
      const attachments = blob ? { _attachments: { [ATTACHMENT]: { content_type: 'application/octet-stream', data: toBase64(blob.sealed) } } } : {};
      docs.push({ ...couchDoc, _rev: rev, ...attachments });
    }
  }
  const manifest = { officeId: options.officeId, createdAt: new Date().toISOString(), source: options.deviceId, since: options.since, docCount: docs.length };
  return { file: await sealBatch(options.officeKey, { manifest, docs }), docCount: docs.length };
}
