// The workstation's local database: RxDB on Dexie (IndexedDB), one database per office and user
// profile, holding the eight collections of domain/model.
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { COLLECTIONS, MIGRATIONS, type CollectionName } from '../../domain/model';
import { padIndexFields, requireIndexedFields } from '../../domain/model/indexing';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

// Documents are plain JSON shaped by domain/model; the collections are typed at the call site.
export type AnyDoc = { id: string; type: string; officeId: string } & Record<string, unknown>;
export type WorkstationCollections = { [K in CollectionName]: RxCollection<AnyDoc> };
export type WorkstationDb = RxDatabase<WorkstationCollections>;

export interface OpenDbOptions {
  readonly name: string;
  /** Defaults to Dexie on the browser's IndexedDB; tests pass fake-indexeddb. */
  readonly storage?: RxStorage<unknown, unknown>;
  /** Open only these collections (tests mind RxDB's limit of open collections per process). */
  readonly collections?: readonly CollectionName[];
}

export async function openWorkstationDb(options: OpenDbOptions): Promise<WorkstationDb> {
  const db = await createRxDatabase<WorkstationCollections>({
    name: options.name,
    storage: options.storage ?? getRxStorageDexie(),
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
    // Local documents (never replicated) hold this workstation's own state, e.g. an intake draft.
    localDocuments: true,
  });
  const names = options.collections ?? (Object.keys(COLLECTIONS) as CollectionName[]);
  await db.addCollections(
    Object.fromEntries(
      names.map((name) => [
        name,
        {
          schema: requireIndexedFields(COLLECTIONS[name]) as unknown as RxJsonSchema<AnyDoc>,
          migrationStrategies: (MIGRATIONS[name] ?? {}) as Record<number, (doc: AnyDoc) => AnyDoc>,
        },
      ]),
    ),
  );
  for (const name of names) {
    const pad = (doc: AnyDoc) => Object.assign(doc, padIndexFields(COLLECTIONS[name], doc));
    db.collections[name].preInsert(pad, false);
    db.collections[name].preSave((doc) => void pad(doc), false);
  }
  return db;
}

/** The document kinds a collection holds, read from its schema's `type` enum. */
export function typesOf(name: CollectionName): readonly string[] {
  const typeProp = COLLECTIONS[name].properties.type;
  return (typeProp?.enum ?? []) as readonly string[];
}
