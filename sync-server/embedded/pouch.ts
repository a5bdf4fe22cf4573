// The storage engine: pouchdb-node (LevelDB), one folder per database under the data folder.
// Only the methods the server uses, typed loosely (PouchDB ships no types).
import { createRequire } from 'node:module';

export type Json = Record<string, unknown>;
export type Doc = Json & { _id: string; _rev?: string; _deleted?: boolean; _attachments?: Record<string, Json> };

export interface ChangesReply {
  results: (Json & { id: string; seq: number | string })[];
  last_seq: number | string;
}

export interface PouchDb {
  info(): Promise<Json & { update_seq: number | string; doc_count: number }>;
  get(id: string, opts?: Json): Promise<Json>;
  bulkDocs(docs: Json[], opts?: Json): Promise<Json[]>;
  allDocs(opts: Json): Promise<Json & { rows: Json[] }>;
  bulkGet(opts: Json): Promise<Json>;
  revsDiff(diff: Json): Promise<Json>;
  changes(opts: Json): Promise<ChangesReply>;
  put(doc: Json, opts?: Json): Promise<Json & { rev: string }>;
  getAttachment(id: string, name: string, opts?: Json): Promise<Buffer>;
  putAttachment(id: string, name: string, rev: string | undefined, data: Buffer, type: string): Promise<Json & { rev: string }>;
  removeAttachment(id: string, name: string, rev: string): Promise<Json & { rev: string }>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
}

export type PouchFactory = new (name: string) => PouchDb;

const require = createRequire(import.meta.url);

export function pouchFactory(dbDir: string): PouchFactory {
  const PouchDB = require('pouchdb-node') as { defaults(o: Json): PouchFactory };
  return PouchDB.defaults({ prefix: dbDir.endsWith('/') ? dbDir : `${dbDir}/` });
}
