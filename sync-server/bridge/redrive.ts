// `hws bridge redrive`: sends the dead letters again (after the platform or the data was fixed).
// Each letter names a revision; it is read again at exactly that revision, mapped and validated,
// and delivered like any request. Accepted letters are marked `redriven` (kept, for the record);
// refused ones stay dead with the new reason and one more attempt counted.
import { couchClient, type CouchClient } from '../couch';
import { sendUntilAnswered, type DeliveryOptions } from './delivery';
import { mapDoc, OfficeKeys, type CouchDoc, type PlatformRecord } from './mapping';
import { MAX_RECORDS, prepareRequest } from './platform-client';
import { DEAD_DB, dbPath, fetchRevisions, type DeadLetter } from './store';

export interface RedriveReport {
  readonly sent: number;
  readonly stillDead: number;
  readonly lines: string[];
}

async function deadLetters(couch: CouchClient, db?: string): Promise<DeadLetter[]> {
  const out: DeadLetter[] = [];
  let startkey: string | undefined;
  for (;;) {
    const q = `include_docs=true&limit=1000${startkey ? `&startkey=${encodeURIComponent(JSON.stringify(startkey))}&skip=1` : ''}`;
    const page = await couch.request<{ rows: { id: string; doc: DeadLetter }[] }>('GET', `${dbPath(DEAD_DB)}/_all_docs?${q}`);
    for (const r of page.rows) if (r.doc.type === 'bridge_dead_letter' && r.doc.status === 'dead' && (!db || r.doc.db === db)) out.push(r.doc);
    if (page.rows.length < 1000) return out;
    startkey = page.rows[page.rows.length - 1]!.id;
  }
}

export async function redrive(couchUrl: string, options: DeliveryOptions, only?: { db?: string }): Promise<RedriveReport> {
  const couch = couchClient(couchUrl);
  const keys = new OfficeKeys(couch);
  const letters = await deadLetters(couch, only?.db);
  const lines: string[] = [];
  let sent = 0;
  let stillDead = 0;
  const update = async (letter: DeadLetter, change: Partial<DeadLetter>) => {
    await couch.request('PUT', `${dbPath(DEAD_DB)}/${encodeURIComponent(letter._id)}`, { ...letter, ...change });
  };
  const groups = new Map<string, DeadLetter[]>();
  for (const l of letters) groups.set(`${l.db} ${l.schema}`, [...(groups.get(`${l.db} ${l.schema}`) ?? []), l]);
  for (const group of groups.values()) {
    const { db, officeId, schema } = group[0]!;
    for (let i = 0; i < group.length; i += MAX_RECORDS) {
      const slice = group.slice(i, i + MAX_RECORDS);
      const docs = await fetchRevisions(couch, db, slice.map((l) => ({ id: l.docId, rev: l.rev })));
      const ready: { letter: DeadLetter; record: PlatformRecord }[] = [];
      for (const letter of slice) {
        const doc = docs.get(`${letter.docId} ${letter.rev}`) as CouchDoc | undefined;
        const mapped = doc ? await mapDoc(doc, officeId, keys) : undefined;
        if (mapped?.ok) {
          ready.push({ letter, record: mapped.record });
          continue;
        }
        const reason = mapped ? `本地校验未通过 / failed validation: ${mapped.reason}` : '该修订已不在数据库中 / the revision is no longer stored';
        stillDead++;
        lines.push(`仍为死信 / still dead: ${db} ${letter.docId} ${letter.rev}: ${reason}`);
        await update(letter, { reason, attempts: letter.attempts + 1 });
      }
      // One record per request when the platform answers 400, so that one bad record holds back no other.
      const batches = ready.length > 0 ? [ready] : [];
      while (batches.length > 0) {
        const batch = batches.shift()!;
        const answer = await sendUntilAnswered(options, prepareRequest(schema, batch.map((b) => b.record)), `redrive ${db}`);
        if (answer.kind === 'bad_request' && batch.length > 1) {
          const half = Math.ceil(batch.length / 2);
          batches.unshift(batch.slice(0, half), batch.slice(half));
          continue;
        }
        const accepted = answer.kind === 'ok' ? new Set(answer.reply.accepted) : new Set<string>();
        const rejected = new Map(answer.kind === 'ok' ? answer.reply.rejected.map((r) => [r.id, r.reason]) : []);
        for (const { letter } of batch) {
          if (accepted.has(letter.docId)) {
            sent++;
            options.metrics.sent++;
            lines.push(`已重发 / redriven: ${db} ${letter.docId} ${letter.rev}`);
            await update(letter, { status: 'redriven', redrivenAt: new Date().toISOString(), attempts: letter.attempts + 1 });
          } else {
            const reason = answer.kind === 'bad_request' ? `平台拒绝请求 / refused: ${answer.reason}` : `平台拒收 / rejected by the platform: ${rejected.get(letter.docId) ?? '未答复 / not answered'}`;
            stillDead++;
            lines.push(`仍为死信 / still dead: ${db} ${letter.docId} ${letter.rev}: ${reason}`);
            await update(letter, { reason, attempts: letter.attempts + 1 });
          }
        }
      }
    }
  }
  return { sent, stillDead, lines };
}
