// What RxDB's replication last knew of documents on the server (its "assumed master state", kept in
// the replication's meta instance): the server version an offline edit is based on, which a batch
// export names so that the import extends the server's branch instead of forking it.
import { getAssumedMasterState, type RxStorageInstanceReplicationState } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

type Doc = Record<string, unknown>;

/** Per id, the server's version as last seen by this replication (absent: never seen there). */
export async function assumedMasterStates<C>(rep: RxReplicationState<Doc, C>, ids: readonly string[]): Promise<Record<string, Doc | undefined>> {
  await rep.startPromise;
  const state = rep.internalReplicationState as RxStorageInstanceReplicationState<Doc> | undefined;
  if (!state || ids.length === 0) return {};
  const known = await getAssumedMasterState(state, [...ids]);
  return Object.fromEntries(ids.map((id) => [id, known[id]?.docData as Doc | undefined]));
}
