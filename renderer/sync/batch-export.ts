// Export from a workstation for removable media: every document of the office written since a
// checkpoint (an ISO time; null for everything), with the file contents still waiting to go up,
// in one batch file (domain/sync/batch-file.ts) whose manifest the signed-in user signs.
// A document that never reached the server gets the revision `1-<hash of the content>`: the import
// at the centre keeps it, and when this workstation later syncs online its push finds the same
// content there and writes nothing. An offline edit of a document the server had names the server
// version it was based on (RxDB's master state, `bases`): the import extends the server's branch
// with it, if the server still holds that version.
import type { Signer } from '../../domain/crypto/signing';
import { docContentHash, sealBatch, signedPayload, type BatchDoc } from '../../domain/sync/batch-file';
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
  /** The signed-in user, who signs the batch with their own key. */
  readonly exporter: { readonly name: string; readonly signer: Signer };
  /** The server versions last known here (Sync.masterStates); without it every document counts as never synced. */
  readonly masterStates?: (collection: CollectionName, ids: readonly string[]) => Promise<Record<string, Record<string, unknown> | undefined>>;
  /** Only the pending work: leave out documents the server already holds as they are here (needs masterStates). */
  readonly onlyPending?: boolean;
  /** Documents looked at so far, of the collections' total. */
  readonly progress?: (done: number, total: number) => void;
}

export async function exportFromWorkstation(options: WorkstationExport): Promise<{ file: Uint8Array; docCount: number }> {
  const docs: BatchDoc[] = [];
  const bases: Record<string, string> = {};
  const selector: Record<string, unknown> = { officeId: options.officeId };
  if (options.since) selector.updatedAt = { $gte: options.since };
  const perCollection: [CollectionName, Record<string, unknown>[]][] = [];
  for (const name of options.collections) perCollection.push([name, (await options.db.collections[name].find({ selector }).exec()).map((d) => d.toJSON() as Record<string, unknown>)]);
  const total = perCollection.reduce((n, [, found]) => n + found.length, 0);
  let done = 0;
  options.progress?.(0, total);
  for (const [name, found] of perCollection) {
    const masters = (await options.masterStates?.(name, found.map((d) => String(d.id)))) ?? {};
    for (const local of found) {
      if (++done % 50 === 0) options.progress?.(done, total);
      const couchDoc = toCouch(local);
      const master = masters[couchDoc._id];
      const blob = await options.blobs?.get(couchDoc._id);
      // Pending work: changed here since the server's version, or a file content not yet uploaded.
      if (options.onlyPending && master && docContentHash(toCouch(master)) === docContentHash(couchDoc) && blob?.state !== 'pending') continue;
      const attachments = blob ? { _attachments: { [ATTACHMENT]: { content_type: 'application/octet-stream', data: toBase64(blob.sealed) } } } : {};
      if (master) {
        bases[couchDoc._id] = docContentHash(toCouch(master));
        const { _rev: _none, ...body } = couchDoc;
        docs.push({ ...body, ...attachments });
      } else {
        const rev = `1-${(await sha256Hex(new TextEncoder().encode(JSON.stringify(couchDoc)))).slice(0, 32)}`;
        docs.push({ ...couchDoc, _rev: rev, ...attachments });
      }
    }
  }
  options.progress?.(total, total);
  const manifest = { officeId: options.officeId, createdAt: new Date().toISOString(), source: options.deviceId, since: options.since, exporter: options.exporter.name };
  return { file: await sealBatch(options.officeKey, await signedPayload(options.exporter.signer, manifest, docs, bases)), docCount: docs.length };
}
