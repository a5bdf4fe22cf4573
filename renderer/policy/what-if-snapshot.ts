// The what-if's cases kept ready for the supervisor: read and opened once, kept up to date from the
// cases' and people's change streams (sync and local edits alike), and kept between sessions as one
// encrypted blob in this workstation's IndexedDB — a later draft, the page coming back, or the first
// draft of the next session reads and opens only what changed since, instead of every case, household
// and person again.
//
// The blob (in parts of 5,000 cases) holds what evaluation needs (the applications as the rules see them, with the opened ID
// numbers and birth dates: personal information) and each case's outcome per rule under the policies
// in force it was evaluated against. It is sealed with AES-256-GCM under a key derived from the office
// keys the session holds (never stored in clear; a session without every office's key neither reads
// nor writes it), its clear header (schema version, offices, day, checkpoint) bound as additional
// data. A blob of another schema version, office set or day, one that does not open (another office
// key, damaged) or does not parse is discarded with the reason logged, and everything is read afresh.
//
// The checkpoint is the local write time (RxDB's _meta.lwt) before which every change is in the
// blob: the next session asks the storage for the documents written since (getChangedDocumentsSince)
// and rebuilds only the cases they touch.
import { getChangedDocumentsSince, type RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { BusinessItem, CaseDoc, HouseholdDoc, PersonDoc } from '../../domain/model';
import { applicationOf, type OpenedId } from '../../domain/policy/application-of';
import { prepareWhatIf, RULE_COUNT, type Policy, type PreparedWhatIf, type WhatIfCase } from '../../domain/policy/what-if';
import type { WorkstationDb } from '../db/database';
import { CURRENT_STATUSES, openId, readDocs, type WhatIfLoadTiming } from './policy-store';
import { indexedDbSnapshotStore, snapshotKey, type SnapshotHeader, type SnapshotStore, type StoredSnapshot } from './what-if-blob';

export { indexedDbSnapshotStore, type SnapshotHeader, type SnapshotStore, type StoredSnapshot } from './what-if-blob';

type KeyFor = (officeId: string) => CryptoKey | undefined;
const opening = (officeId: string, personId: string) => `${officeId}\u0000${personId}`;

/** Bumped whenever what the blob holds, or how a case is built or evaluated, changes: an older blob is discarded. */
export const SNAPSHOT_VERSION = 1;
/**
 * A change written shortly before a reading began may reach the change stream only after it: the
 * checkpoint lies this far before the reading, and what was written since is read again next session.
 */
const CHECKPOINT_MARGIN_MS = 60_000;
/** Cases per sealed part: the page parses one part at a time while the next ones are opened (a single 128 MB string at 100,000 cases strained the heap). */
const PART_CASES = 5_000;
const aad = (header: SnapshotHeader, part: number) => new TextEncoder().encode(`${JSON.stringify(header)}#${part}`);

interface Entry {
  readonly officeId: string;
  readonly householdId: string;
  /** The household's members as it lists them: a change to any of them rebuilds the case. */
  readonly memberIds: readonly string[];
  readonly built: WhatIfCase;
}

/** What the sealed body holds. */
interface Payload {
  /** [officeId, householdId, memberIds, case] */
  readonly cases: [string, string, string[], WhatIfCase][];
  /** Per policy thresholds (JSON): RULE_COUNT digits per case in `cases` order, 9 where not evaluated. */
  readonly outcomes: Record<string, string>;
}

/** How the first reading of a session went (the benchmark and the tests read it). */
export interface SnapshotOrigin {
  /** 'kept': from the stored blob and the documents changed since; 'read': everything read. */
  readonly from: 'kept' | 'read';
  /** Why a stored blob was not used. */
  readonly discarded?: string;
  /** Documents read again since the blob's checkpoint. */
  readonly changedSince?: number;
}

export interface SnapshotOptions {
  /** Where the blob is kept; null: nowhere (kept for the session only). */
  readonly store?: SnapshotStore | null;
  /** The blob's name in the store (default: the database's name). */
  readonly name?: string;
  readonly log?: (message: string) => void;
  /** Changes written up to this long before a reading began count as possibly missed and are read again next session (default 60 s). */
  readonly checkpointMarginMs?: number;
}

export class WhatIfSnapshot {
  private readonly entries = new Map<string, Entry>();
  /** Per thresholds (JSON): each case's outcome per rule, as long as the case is unchanged. */
  private readonly outcomes = new Map<string, Map<string, Uint8Array>>();
  private readonly opened = new Map<string, OpenedId | null>();
  private dirtyCases = new Set<string>();
  private dirtyPeople = new Set<string>();
  private loaded = false;
  private unsaved = false;
  private checkpoint = 0;
  private lastPersist = 0;
  private scheduled: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly subscription: Subscription;
  private readonly store: SnapshotStore | null;
  private readonly name: string;
  private readonly log: (message: string) => void;
  private readonly margin: number;
  origin: SnapshotOrigin | undefined;

  constructor(
    private readonly db: WorkstationDb,
    private readonly offices: readonly string[],
    private readonly keyFor: KeyFor,
    readonly today: string,
    options: SnapshotOptions = {},
  ) {
    this.store = options.store === undefined ? (globalThis.indexedDB ? indexedDbSnapshotStore(globalThis.indexedDB) : null) : options.store;
    this.name = options.name ?? db.name;
    this.log = options.log ?? ((m) => console.info(`[what-if] ${m}`));
    this.margin = options.checkpointMarginMs ?? CHECKPOINT_MARGIN_MS;
    // Listening from before the first reading: a change made while it runs is read again after.
    this.subscription = db.cases.$.subscribe((e) => this.dirtyCases.add(e.documentId));
    this.subscription.add(db.people.$.subscribe((e) => this.dirtyPeople.add(e.documentId)));
  }

  /** The current cases of `businessItem` (null: of every item), sorted by id; unchanged cases are the same objects as before. */
  cases$(businessItem: BusinessItem | null, timing?: WhatIfLoadTiming): Promise<WhatIfCase[]> {
    return this.queued(async () => {
      await this.refresh(timing);
      return [...this.entries.values()].map((e) => e.built).filter((c) => businessItem === null || c.application.businessItem === businessItem).sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
    });
  }

  /** The cases prepared under `policy`: a case's outcomes are kept (also between sessions) until the case changes. */
  async prepare(businessItem: BusinessItem | null, policy: Policy, timing?: WhatIfLoadTiming): Promise<PreparedWhatIf> {
    const cases = await this.cases$(businessItem, timing);
    const fp = JSON.stringify(policy.thresholds);
    let known = this.outcomes.get(fp);
    if (!known) this.outcomes.set(fp, (known = new Map()));
    const prepared = prepareWhatIf(cases, policy, this.today, undefined, (c) => known.get(c.caseId));
    cases.forEach((c, k) => {
      if (known.has(c.caseId)) return;
      known.set(c.caseId, prepared.outcomes.slice(k * RULE_COUNT, (k + 1) * RULE_COUNT));
      this.unsaved = true;
    });
    return prepared;
  }

  /** Stores the snapshot for the next session (when anything changed since it was stored or read). */
  persist(): Promise<void> {
    return this.queued(async () => {
      if (!this.store || !this.loaded || !this.unsaved) return;
      const key = await snapshotKey(this.offices, this.keyFor);
      if (!key) return;
      const list = [...this.entries.entries()];
      const header: SnapshotHeader = { version: SNAPSHOT_VERSION, offices: [...this.offices].sort(), today: this.today, checkpoint: this.checkpoint, cases: list.length, parts: Math.ceil(list.length / PART_CASES) };
      const parts: { iv: Uint8Array; body: ArrayBuffer }[] = [];
      for (let from = 0; from < list.length; from += PART_CASES) {
        const slice = list.slice(from, from + PART_CASES);
        const outcomes: Record<string, string> = {};
        for (const [fp, known] of this.outcomes) {
          const digits = new Uint8Array(slice.length * RULE_COUNT).fill(0x39);
          slice.forEach(([id], k) => {
            const o = known.get(id);
            if (o) for (let i = 0; i < RULE_COUNT; i++) digits[k * RULE_COUNT + i] = 0x30 + o[i]!;
          });
          outcomes[fp] = new TextDecoder().decode(digits);
        }
        const payload: Payload = { cases: slice.map(([, e]) => [e.officeId, e.householdId, [...e.memberIds], e.built]), outcomes };
        const iv = crypto.getRandomValues(new Uint8Array(12));
        parts.push({ iv, body: await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(header, parts.length) }, key, new TextEncoder().encode(JSON.stringify(payload))) });
      }
      await this.store.put(this.name, { header, parts });
      this.unsaved = false;
    });
  }

  /**
   * Stores the snapshot in the background: at once the first time in a session, then at most every
   * `everyMs` (storing 100,000 cases takes the page a few seconds; what is not stored yet is read
   * again next session from the older checkpoint).
   */
  persistSoon(everyMs = 300_000): void {
    if (this.scheduled !== undefined) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      this.lastPersist = Date.now();
      this.persist().catch((e: unknown) => this.log(`snapshot not stored: ${e instanceof Error ? e.message : String(e)}`));
    }, Math.max(0, this.lastPersist + everyMs - Date.now()));
  }

  dispose(): void {
    clearTimeout(this.scheduled);
    this.subscription.unsubscribe();
  }

  private queued<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private isCurrent(c: CaseDoc): boolean {
    return this.offices.includes(c.officeId) && CURRENT_STATUSES.includes(c.status);
  }

  private async refresh(timing?: WhatIfLoadTiming): Promise<void> {
    let t = performance.now();
    const lap = (phase: keyof WhatIfLoadTiming) => {
      const now = performance.now();
      if (timing) timing[phase] += now - t;
      t = now;
    };
    const started = Date.now();
    if (!this.loaded) {
      const kept = await this.restore();
      if (timing) timing.restoreMs = (timing.restoreMs ?? 0) + performance.now() - t;
      if (kept === true) {
        // The documents written since the blob's checkpoint (deleted ones too), as the changes seen since.
        const [cases, people] = await Promise.all([changedSince(this.db.cases, this.checkpoint), changedSince(this.db.people, this.checkpoint)]);
        for (const id of cases) this.dirtyCases.add(id);
        for (const id of people) this.dirtyPeople.add(id);
        this.origin = { from: 'kept', changedSince: cases.length + people.length };
        this.loaded = true;
        lap('readMs');
      } else {
        this.origin = { from: 'read', ...(kept ? { discarded: kept } : {}) };
        this.dirtyCases = new Set();
        this.dirtyPeople = new Set();
        await this.readAll(lap);
        this.checkpoint = started - this.margin;
        this.loaded = true;
        this.unsaved = true;
        return;
      }
    }
    const dirtyCases = this.dirtyCases;
    const dirtyPeople = this.dirtyPeople;
    this.dirtyCases = new Set();
    this.dirtyPeople = new Set();
    if (dirtyCases.size === 0 && dirtyPeople.size === 0) {
      if (this.checkpoint < started - this.margin) {
        this.checkpoint = started - this.margin;
        this.unsaved = true;
      }
      return;
    }
    const changed = await docsByIds<CaseDoc>(this.db.cases, [...dirtyCases]);
    const rebuild = new Map<string, CaseDoc>();
    for (const id of dirtyCases) {
      const c = changed.get(id);
      if (c && this.isCurrent(c)) rebuild.set(id, c);
      else this.forget(id);
    }
    for (const k of [...this.opened.keys()]) if (dirtyPeople.has(k.slice(k.indexOf('\u0000') + 1))) this.opened.delete(k);
    // The cases whose household or a member changed.
    const more: string[] = [];
    for (const [id, e] of this.entries) if (!rebuild.has(id) && (dirtyPeople.has(e.householdId) || e.memberIds.some((m) => dirtyPeople.has(m)))) more.push(id);
    for (const [id, c] of await docsByIds<CaseDoc>(this.db.cases, more)) if (this.isCurrent(c)) rebuild.set(id, c);
    for (const id of more) if (!rebuild.has(id)) this.forget(id);
    const households = await docsByIds<HouseholdDoc>(this.db.people, [...new Set([...rebuild.values()].map((c) => c.householdId))]);
    const persons = await docsByIds<PersonDoc>(this.db.people, [...new Set([...households.values()].flatMap((h) => (h.type === 'household' ? h.members.map((m) => m.personId) : [])))]);
    lap('readMs');
    await this.build([...rebuild.values()], households, persons, lap);
    this.checkpoint = started - this.margin;
    this.unsaved = true;
  }

  private forget(caseId: string): void {
    if (!this.entries.delete(caseId)) return;
    for (const known of this.outcomes.values()) known.delete(caseId);
    this.unsaved = true;
  }

  /** Every current case, household and person read in bulk, every case built. */
  private async readAll(lap: (phase: keyof WhatIfLoadTiming) => void): Promise<void> {
    const { cases, byIds } = await readDocs(this.db, this.offices);
    const households = new Map<string, HouseholdDoc>();
    for (const h of await byIds<HouseholdDoc>([...new Set(cases.map((c) => c.householdId))])) if (h.type === 'household') households.set(h.id, h);
    const persons = new Map<string, PersonDoc>();
    for (const p of await byIds<PersonDoc>([...new Set([...households.values()].flatMap((h) => h.members.map((m) => m.personId)))])) if (p.type === 'person') persons.set(p.id, p);
    lap('readMs');
    await this.build(cases, households, persons, lap);
  }

  private async build(cases: readonly CaseDoc[], households: ReadonlyMap<string, HouseholdDoc | PersonDoc>, persons: ReadonlyMap<string, PersonDoc | HouseholdDoc>, lap: (phase: keyof WhatIfLoadTiming) => void): Promise<void> {
    const householdOf = (c: CaseDoc) => {
      const h = households.get(c.householdId);
      return h?.type === 'household' ? h : null;
    };
    const membersOf = (c: CaseDoc) =>
      (householdOf(c)?.members ?? []).flatMap((m) => {
        const p = persons.get(m.personId);
        return p?.type === 'person' ? [p] : [];
      });
    const pending: Promise<void>[] = [];
    for (const c of cases) {
      const key = this.keyFor(c.officeId);
      for (const p of membersOf(c)) {
        const k = opening(c.officeId, p.id);
        if (this.opened.has(k)) continue;
        this.opened.set(k, null);
        pending.push(openId(key, p).then((o) => void this.opened.set(k, o)));
      }
    }
    await Promise.all(pending);
    lap('openMs');
    for (const c of cases) {
      const byId = new Map<string, PersonDoc>();
      const clear = new Map<string, OpenedId>();
      for (const p of membersOf(c)) {
        byId.set(p.id, p);
        const id = this.opened.get(opening(c.officeId, p.id));
        if (id) clear.set(p.id, id);
      }
      const household = householdOf(c);
      for (const known of this.outcomes.values()) known.delete(c.id);
      this.entries.set(c.id, {
        officeId: c.officeId,
        householdId: c.householdId,
        memberIds: household?.members.map((m) => m.personId) ?? [],
        built: { caseId: c.id, streetId: c.streetId, applicantName: c.applicantName, application: applicationOf(c, household, byId, clear, this.today) },
      });
    }
    lap('buildMs');
  }

  /** Takes the stored blob: true when taken, else why not (undefined: there is none, or no store). */
  private async restore(): Promise<true | string | undefined> {
    if (!this.store) return undefined;
    let stored: StoredSnapshot | undefined;
    try {
      stored = await this.store.get(this.name);
    } catch (e) {
      return this.discard(`the store cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!stored) return undefined;
    const h = stored.header as Partial<SnapshotHeader> | undefined;
    if (h?.version !== SNAPSHOT_VERSION) return this.discard(`schema version ${String(h?.version)}, not ${SNAPSHOT_VERSION}`);
    if (JSON.stringify(h.offices) !== JSON.stringify([...this.offices].sort())) return this.discard('made for other offices');
    if (h.today !== this.today) return this.discard(`made on ${String(h.today)}, not today`);
    if (typeof h.checkpoint !== 'number') return this.discard('no checkpoint');
    const key = await snapshotKey(this.offices, this.keyFor);
    if (!key) return this.discard('the session lacks an office key');
    if (typeof h.parts !== 'number' || !Array.isArray(stored.parts) || stored.parts.length !== h.parts) return this.discard('parts missing');
    const header = h as SnapshotHeader;
    // Every part opened at once (WebCrypto works off the page's thread); each parsed as it comes.
    const opened = stored.parts.map((p, i) => crypto.subtle.decrypt({ name: 'AES-GCM', iv: p.iv as Uint8Array<ArrayBuffer>, additionalData: aad(header, i) }, key, p.body));
    for (const o of opened) o.catch(() => undefined);
    for (const o of opened) {
      let payload: Payload;
      try {
        const clear = await o;
        try {
          payload = JSON.parse(new TextDecoder().decode(clear)) as Payload;
          if (!Array.isArray(payload.cases) || typeof payload.outcomes !== 'object') throw new Error('not a snapshot');
        } catch (e) {
          return this.discard(`does not parse (${e instanceof Error ? e.message : String(e)})`);
        }
      } catch {
        return this.discard('does not open with the session’s office keys (another office key, or damaged)');
      }
      const ids: string[] = [];
      for (const [officeId, householdId, memberIds, built] of payload.cases) {
        this.entries.set(built.caseId, { officeId, householdId, memberIds, built });
        ids.push(built.caseId);
      }
      for (const [fp, digits] of Object.entries(payload.outcomes)) {
        let known = this.outcomes.get(fp);
        if (!known) this.outcomes.set(fp, (known = new Map()));
        const all = new Uint8Array(ids.length * RULE_COUNT);
        for (let i = 0; i < all.length; i++) all[i] = digits.charCodeAt(i) - 0x30;
        ids.forEach((id, k) => {
          if (all[k * RULE_COUNT] !== 9) known.set(id, all.subarray(k * RULE_COUNT, (k + 1) * RULE_COUNT));
        });
      }
    }
    this.checkpoint = h.checkpoint;
    return true;
  }

  private async discard(reason: string): Promise<string> {
    this.log(`stored snapshot not used: ${reason}; reading every case again`);
    this.entries.clear();
    this.outcomes.clear();
    await this.store?.delete(this.name).catch(() => undefined);
    return reason;
  }
}

/** The ids of the documents written at or after `lwt` (deleted ones included), through RxDB's checkpoint query. */
async function changedSince(collection: RxCollection, lwt: number): Promise<string[]> {
  const ids: string[] = [];
  let checkpoint: { id: string; lwt: number } = { id: '', lwt };
  for (;;) {
    const r = await getChangedDocumentsSince(collection.storageInstance, 2_000, checkpoint);
    for (const d of r.documents) ids.push((d as { id: string }).id);
    if (r.documents.length < 2_000) return ids;
    checkpoint = r.checkpoint as { id: string; lwt: number };
  }
}

/** The documents by id, left out where missing or deleted. */
async function docsByIds<T extends { id: string }>(collection: RxCollection, ids: string[]): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  return new Map([...(await collection.findByIds(ids).exec()).values()].map((d) => [String((d as { primary: string }).primary), d.toJSON() as unknown as T]));
}

const held = new WeakMap<WorkstationDb, { key: string; snapshot: WhatIfSnapshot }>();

/** The session's snapshot for these offices and day (one per database: asking for others replaces it). */
export function whatIfSnapshot(db: WorkstationDb, offices: readonly string[], keyFor: KeyFor, today: string, options?: SnapshotOptions): WhatIfSnapshot {
  const key = JSON.stringify([[...offices].sort(), today]);
  const was = held.get(db);
  if (was?.key === key) return was.snapshot;
  was?.snapshot.dispose();
  const snapshot = new WhatIfSnapshot(db, offices, keyFor, today, options);
  held.set(db, { key, snapshot });
  return snapshot;
}
