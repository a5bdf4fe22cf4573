// A signed-in session: the user, their data keys, the office's local database and its sync.
import { importFieldKeys } from '../../domain/crypto/sealing';
import { importSigner } from '../../domain/crypto/signing';
import type { Session, SessionUser } from '../../domain/ipc/session';
import { resetCatalogueInForce } from '../../domain/catalogue/registry';
import { localDate } from '../../domain/workflow/payloads';
import type { CollectionName } from '../../domain/model';
import type { Api } from '../api/client';
import type { CaseContext } from '../cases/case-store';
import { openWorkstationDb, type WorkstationDb } from '../db/database';
import { followCatalogues } from '../reference/catalogues';
import { openBlobStore } from '../sync/blob-store';
import { startHealthReporter } from '../sync/health';
import { authFetch, type RemoteDb } from '../sync/remote';
import { startSync, userSyncPlan, type Sync } from '../sync/sync';
import { isFieldInspector } from '../sync/task-package';
import type { BatchExportSource } from '../sync/batch-panel';

/** Collections a street workstation replicates with its office database. */
/** What a signed-in workstation replicates: the office's records, and the reference data (reason codes, holiday calendars, …). */
export const OFFICE_COLLECTIONS: readonly CollectionName[] = ['cases', 'events', 'people', 'files', 'field', 'audit', 'reference'];

/** How long signing out waits for this user's writes to reach the server. */
const SIGN_OUT_FLUSH_MS = 10_000;

export interface ActiveSession {
  readonly user: SessionUser;
  readonly db: WorkstationDb;
  readonly sync: Sync;
  readonly cases: CaseContext;
  readonly couchUrl: string;
  /** Requests to the central server as this user (the IT view reads the office's sync health). */
  readonly remoteFetch: RemoteDb['fetch'];
  /** The data key of an office whose records this user may read (a district reviewer: every street of the district). */
  readonly officeKey: (officeId: string) => CryptoKey | undefined;
  /** What an IT batch export of this workstation's pending work needs (sync page). */
  readonly batchSource: BatchExportSource;
  /** Signs out; answers whether everything this user wrote reached the server first (null: offline, not tried). */
  close(): Promise<{ readonly uploaded: boolean | null }>;
}

export function localDbName(officeId: string): string {
  return `hws_${officeId.replace(/[^a-z0-9]/g, '_')}`;
}

export async function signIn(api: Api, username: string, password: string): Promise<ActiveSession> {
  const session: Session = await api.invoke('session/login', { username, password });
  const info = await api.invoke('app/info', undefined);
  const { user, keys } = session;
  const officeKey = keys.offices[user.officeId];
  if (!officeKey) throw new Error('该账号没有本办事处的数据密钥');
  // Every event and audit entry is signed with the user's own key, made at their first online sign-in.
  if (!keys.signing) throw new Error('本账号在此工作站还没有签名密钥:请联网登录一次以生成并登记');
  const signer = await importSigner(keys.signing);
  const fieldKeys = await importFieldKeys(officeKey, keys.lookup);
  // A field inspector's laptop holds only its task package, in a database of its own: pruning the
  // package never touches what the office's other users keep on a shared workstation.
  const db = await openWorkstationDb({ name: isFieldInspector(user.roles) ? `${localDbName(user.officeId)}_field_${user.name.replace(/[^a-z0-9]/g, '_')}` : localDbName(user.officeId) });
  // Catalogue versions published centrally: new cases start under the one in force today.
  const stopCatalogues = followCatalogues(db, () => localDate(new Date().toISOString()));
  // File contents (scans, photos) are sealed with their office's key and synced beside the documents.
  const officeKeys = new Map<string, CryptoKey>();
  for (const [officeId, key] of Object.entries(keys.offices)) officeKeys.set(officeId, (await importFieldKeys(key, keys.lookup)).data);
  const blobStore = await openBlobStore(localDbName(user.officeId));
  const sync = await startSync({
    db,
    blobStore,
    keyFor: (officeId) => officeKeys.get(officeId),
    couchUrl: info.couchUrl,
    relayUrl: info.relayUrl,
    username,
    password,
    targets: userSyncPlan(user, Object.keys(keys.offices), OFFICE_COLLECTIONS),
  });
  const couchUrl = info.couchUrl.replace(/\/+$/, '');
  const remoteFetch = authFetch(username, password, { report: () => {} });
  // Each workstation reports its sync state to the office database for the IT view.
  const stopHealth = startHealthReporter({ sync, couchUrl, fetch: remoteFetch, officeId: user.officeId, workstationId: info.workstationId, userName: user.name });
  return {
    user,
    db,
    sync,
    cases: { db, user, keys: fieldKeys, deviceId: info.workstationId, signer },
    couchUrl,
    remoteFetch,
    officeKey: (officeId) => officeKeys.get(officeId),
    batchSource: {
      db, collections: OFFICE_COLLECTIONS.filter((c) => c !== 'reference'), officeId: user.officeId, officeKey, deviceId: info.workstationId, blobs: blobStore,
      exporter: { name: user.name, signer }, masterStates: (c, ids) => sync.masterStates(c, ids),
    },
    async close() {
      // Signing out hands the workstation to the next user, who syncs another database: what this
      // user just wrote goes up first (at most SIGN_OUT_FLUSH_MS; offline it waits for their next sign-in).
      // The writes of the last moments are handed to the replications first (RxDB's change events).
      await db.requestIdlePromise();
      const uploaded =
        sync.status$.value.state === 'offline'
          ? null
          : await Promise.race([sync.awaitInSync().then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), SIGN_OUT_FLUSH_MS))]);
      stopHealth();
      stopCatalogues();
      // The next user's database may hold other versions: until it is read, the shipped one is in force.
      resetCatalogueInForce();
      await sync.stop();
      blobStore.close();
      await db.close();
      await api.invoke('session/logout', undefined);
      return { uploaded };
    },
  };
}
