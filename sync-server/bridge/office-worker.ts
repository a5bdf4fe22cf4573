// Delivers one office database: reads `_changes` from the checkpoint, maps and validates the
// records, writes the outbox (ids and revisions), delivers each request until answered, dead-letters
// what is refused, then moves the checkpoint. A crash anywhere leaves either the old checkpoint
// (the batch is read again) or the outbox (the same bodies go again under the same keys).
import type { CouchClient } from '../couch';
import { type Answer, type DeliveryOptions, LeaseLost, sendUntilAnswered } from './delivery';
import { isBridged, mapDoc, type CouchDoc, type OfficeKeys, type PlatformRecord } from './mapping';
import { MAX_RECORDS, prepareRequest } from './platform-client';
import { fetchRevisions, putDeadLetter, readState, seqNumber, writeState, dbPath, type BridgeState, type OutboxRequest, type Ref } from './store';
import { CouchError } from '../couch';

export interface WorkerOptions extends DeliveryOptions {
  readonly couch: CouchClient;
  readonly keys: OfficeKeys;
  readonly db: string;
  readonly officeId: string;
  readonly owner: string;
  /** Changes read per batch (at most MAX_RECORDS records per request in any case). */
  readonly batchSize: number;
  readonly ownsLease: () => boolean;
}

interface ChangesReply {
  results: { id: string; seq: string | number; deleted?: boolean; doc?: CouchDoc }[];
  last_seq: string | number;
  pending?: number;
}

const refKey = (r: Ref) => `${r.id} ${r.rev}`;

export class OfficeWorker {
  /** Mapped records of the batch just read, so its first delivery needs no second read. */
  private readonly recent = new Map<string, PlatformRecord>();
  constructor(private readonly o: WorkerOptions) {}

  /** Delivers everything up to the database's current end; answers when there is nothing left. */
  async drain(): Promise<void> {
    for (;;) {
      let state = await readState(this.o.couch, this.o.db);
      if (state.outbox) {
        state = await this.deliverOutbox(state);
        await this.save(state, { seq: state.outbox!.nextSeq, outbox: null });
        this.recent.clear();
        continue;
      }
      const changes = await this.o.couch.request<ChangesReply>(
        'GET',
        `${dbPath(this.o.db)}/_changes?since=${encodeURIComponent(String(state.seq))}&limit=${this.o.batchSize}&include_docs=true`,
      );
      if (changes.results.length === 0) return this.updateLag(changes.last_seq);
      // CouchDB says how many changes remain after this batch; the embedded server may not.
      if (typeof changes.pending === 'number') this.o.metrics.lag.set(this.o.db, changes.pending + changes.results.length);
      const requests = await this.prepare(changes.results);
      // Nothing to send in this batch (other types only): just move the checkpoint.
      if (requests.length === 0) await this.save(state, { seq: changes.last_seq, outbox: null });
      else await this.save(state, { seq: state.seq, outbox: { nextSeq: changes.last_seq, requests } });
    }
  }

  private async save(previous: BridgeState, next: Omit<BridgeState, '_rev'>): Promise<BridgeState> {
    if (!this.o.ownsLease()) throw new LeaseLost(this.o.db);
    try {
      return await writeState(this.o.couch, this.o.db, previous, { ...next, owner: this.o.owner });
    } catch (e) {
      if (e instanceof CouchError && e.status === 409) throw new LeaseLost(this.o.db);
      throw e;
    }
  }

  private async updateLag(seq: string | number): Promise<void> {
    const info = await this.o.couch.request<{ update_seq: string | number }>('GET', dbPath(this.o.db));
    this.o.metrics.lag.set(this.o.db, Math.max(0, seqNumber(info.update_seq) - seqNumber(seq)));
  }

  /** Maps the batch; records that fail the schema are dead-lettered at once, the rest grouped per schema. */
  private async prepare(results: ChangesReply['results']): Promise<OutboxRequest[]> {
    const bySchema = new Map<string, Ref[]>();
    for (const change of results) {
      const doc = change.doc;
      if (!doc || change.deleted || doc._deleted || !isBridged(doc)) continue;
      const mapped = await mapDoc(doc, this.o.officeId, this.o.keys);
      const ref = { id: doc._id, rev: doc._rev };
      if (!mapped.ok) {
        await this.dead(ref, String(doc.type), mapped.schema, `本地校验未通过 / failed validation: ${mapped.reason}`);
        continue;
      }
      this.recent.set(refKey(ref), mapped.record);
      bySchema.set(mapped.schema, [...(bySchema.get(mapped.schema) ?? []), ref]);
    }
    const requests: OutboxRequest[] = [];
    for (const [schema, refs] of bySchema) for (let i = 0; i < refs.length; i += MAX_RECORDS) requests.push({ schema, refs: refs.slice(i, i + MAX_RECORDS) });
    return requests;
  }

  private async dead(ref: Ref, docType: string, schema: string, reason: string): Promise<void> {
    this.o.metrics.rejected++;
    const fresh = await putDeadLetter(this.o.couch, { db: this.o.db, officeId: this.o.officeId, docId: ref.id, rev: ref.rev, docType, schema, reason });
    if (fresh) this.o.metrics.deadLetters++;
    this.o.log(`${this.o.db}: ${ref.id} ${ref.rev} 进入死信库 / dead-lettered: ${reason}`);
  }

  /** The records of a request, rebuilt from their exact revisions (the same bytes as when first built). */
  private async records(request: OutboxRequest): Promise<PlatformRecord[]> {
    const missing = request.refs.filter((r) => !this.recent.has(refKey(r)));
    const fetched = await fetchRevisions(this.o.couch, this.o.db, missing);
    const out: PlatformRecord[] = [];
    for (const ref of request.refs) {
      let record = this.recent.get(refKey(ref));
      if (!record) {
        const doc = fetched.get(refKey(ref)) as CouchDoc | undefined;
        // Compacted away: a later revision exists and comes through the changes feed.
        if (!doc) continue;
        const mapped = await mapDoc(doc, this.o.officeId, this.o.keys);
        if (!mapped.ok) {
          await this.dead(ref, String(doc.type), mapped.schema, mapped.reason);
          continue;
        }
        record = mapped.record;
      }
      out.push(record);
    }
    return out;
  }

  private async deliverOutbox(initial: BridgeState): Promise<BridgeState> {
    let state = initial;
    for (let i = 0; i < state.outbox!.requests.length; i++) {
      const request = state.outbox!.requests[i]!;
      const records = await this.records(request);
      if (records.length === 0) continue;
      const prepared = prepareRequest(request.schema, records);
      const answer: Answer = await sendUntilAnswered(this.o, prepared, this.o.db, this.o.ownsLease);
      if (answer.kind === 'ok') {
        const accepted = new Set(answer.reply.accepted);
        this.o.metrics.sent += records.filter((r) => accepted.has(r.id)).length;
        for (const r of answer.reply.rejected) {
          const record = records.find((x) => x.id === r.id);
          if (record) await this.dead({ id: record.id, rev: record.rev }, record.type, request.schema, `平台拒收 / rejected by the platform: ${r.reason}`);
        }
        continue;
      }
      if (records.length === 1) {
        const [r] = records;
        await this.dead({ id: r!.id, rev: r!.rev }, r!.type, request.schema, `平台拒绝请求 / refused: ${answer.reason}`);
        continue;
      }
      // 400 for a request of several records: halve it (new bodies, so new keys) to find the record at fault.
      const refs = records.map((r) => ({ id: r.id, rev: r.rev }));
      const half = Math.ceil(refs.length / 2);
      const requests = [...state.outbox!.requests];
      requests.splice(i, 1, { schema: request.schema, refs: refs.slice(0, half) }, { schema: request.schema, refs: refs.slice(half) });
      state = await this.save(state, { seq: state.seq, outbox: { nextSeq: state.outbox!.nextSeq, requests } });
      i--;
    }
    return state;
  }
}
