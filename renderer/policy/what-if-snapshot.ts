// The what-if's cases kept ready in memory for a session: read and opened once, then kept up to date
// from the cases' and people's change streams (sync and local edits alike) — a later draft, or the
// page coming back, reads and opens only what changed since, instead of every case, household and
// person again. The cleartext stays in this page's memory only; nothing opened is written anywhere.
import type { Subscription } from 'rxjs';
import type { BusinessItem, CaseDoc, HouseholdDoc, PersonDoc } from '../../domain/model';
import { applicationOf, type OpenedId } from '../../domain/policy/application-of';
import type { WhatIfCase } from '../../domain/policy/what-if';
import type { WorkstationDb } from '../db/database';
import { CURRENT_STATUSES, openId, readDocs, type WhatIfLoadTiming } from './policy-store';

type KeyFor = (officeId: string) => CryptoKey | undefined;
const opening = (officeId: string, personId: string) => `${officeId}\u0000${personId}`;

export class WhatIfSnapshot {
  private readonly cases = new Map<string, CaseDoc>();
  private readonly households = new Map<string, HouseholdDoc>();
  private readonly persons = new Map<string, PersonDoc>();
  private readonly opened = new Map<string, OpenedId | null>();
  private readonly built = new Map<string, WhatIfCase>();
  private dirtyCases = new Set<string>();
  private dirtyPeople = new Set<string>();
  private loaded = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly subscription: Subscription;

  constructor(
    private readonly db: WorkstationDb,
    private readonly offices: readonly string[],
    private readonly keyFor: KeyFor,
    readonly today: string,
  ) {
    // Listening from before the first reading: a change made while it runs is read again after.
    this.subscription = db.cases.$.subscribe((e) => this.dirtyCases.add(e.documentId));
    this.subscription.add(db.people.$.subscribe((e) => this.dirtyPeople.add(e.documentId)));
  }

  /** The current cases of `businessItem` (null: of every item), sorted by id; unchanged cases are the same objects as before. */
  cases$(businessItem: BusinessItem | null, timing?: WhatIfLoadTiming): Promise<WhatIfCase[]> {
    const run = this.queue.then(() => this.refresh(timing));
    this.queue = run.catch(() => undefined);
    return run.then(() =>
      [...this.built.values()].filter((c) => businessItem === null || c.application.businessItem === businessItem).sort((a, b) => (a.caseId < b.caseId ? -1 : 1)),
    );
  }

  dispose(): void {
    this.subscription.unsubscribe();
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
    const dirtyCases = this.dirtyCases;
    const dirtyPeople = this.dirtyPeople;
    this.dirtyCases = new Set();
    this.dirtyPeople = new Set();
    let affected: Set<string>;
    if (!this.loaded) {
      const { cases, byIds } = await readDocs(this.db, this.offices);
      for (const c of cases) this.cases.set(c.id, c);
      await this.readPeople(byIds, [...new Set(cases.map((c) => c.householdId))]);
      this.loaded = true;
      affected = new Set(this.cases.keys());
    } else {
      if (dirtyCases.size === 0 && dirtyPeople.size === 0) return;
      const byIds = async <T>(ids: string[], from: 'cases' | 'people'): Promise<T[]> => (ids.length === 0 ? [] : [...(await this.db[from].findByIds(ids).exec()).values()].map((d) => d.toJSON() as T));
      const changedCases = new Map((await byIds<CaseDoc>([...dirtyCases], 'cases')).map((c) => [c.id, c]));
      for (const id of dirtyCases) {
        const c = changedCases.get(id);
        if (c && this.isCurrent(c)) this.cases.set(id, c);
        else {
          this.cases.delete(id);
          this.built.delete(id);
        }
      }
      const changedPeople = new Map((await byIds<HouseholdDoc | PersonDoc>([...dirtyPeople], 'people')).map((d) => [d.id, d]));
      for (const id of dirtyPeople) {
        this.households.delete(id);
        this.persons.delete(id);
        const d = changedPeople.get(id);
        if (d?.type === 'household') this.households.set(id, d);
        if (d?.type === 'person') this.persons.set(id, d);
      }
      for (const k of [...this.opened.keys()]) if (dirtyPeople.has(k.slice(k.indexOf('\u0000') + 1))) this.opened.delete(k);
      // The cases changed, and those whose household or a member changed.
      affected = new Set([...dirtyCases].filter((id) => this.cases.has(id)));
      for (const c of this.cases.values()) {
        if (dirtyPeople.has(c.householdId) || this.households.get(c.householdId)?.members.some((m) => dirtyPeople.has(m.personId))) affected.add(c.id);
      }
      // Households and members not read before (a case or member new to this workstation).
      const single = async <T>(ids: string[]) => byIds<T>(ids, 'people');
      await this.readPeople(single, [...new Set([...affected].map((id) => this.cases.get(id)!.householdId))]);
    }
    lap('readMs');
    const cases = [...affected].map((id) => this.cases.get(id)!);
    const pending: Promise<void>[] = [];
    for (const c of cases) {
      const key = this.keyFor(c.officeId);
      for (const p of this.membersOf(c)) {
        const k = opening(c.officeId, p.id);
        if (this.opened.has(k)) continue;
        this.opened.set(k, null);
        pending.push(openId(key, p).then((o) => void this.opened.set(k, o)));
      }
    }
    await Promise.all(pending);
    lap('openMs');
    for (const c of cases) {
      const persons = new Map<string, PersonDoc>();
      const clear = new Map<string, OpenedId>();
      for (const p of this.membersOf(c)) {
        persons.set(p.id, p);
        const id = this.opened.get(opening(c.officeId, p.id));
        if (id) clear.set(p.id, id);
      }
      this.built.set(c.id, { caseId: c.id, streetId: c.streetId, applicantName: c.applicantName, application: applicationOf(c, this.households.get(c.householdId) ?? null, persons, clear, this.today) });
    }
    lap('buildMs');
  }

  /** Reads the households named and the members they name that are not held yet. */
  private async readPeople(byIds: <T>(ids: string[]) => Promise<T[]>, householdIds: string[]): Promise<void> {
    const toRead = householdIds.filter((id) => !this.households.has(id));
    if (toRead.length > 0) for (const h of await byIds<HouseholdDoc>(toRead)) if (h.type === 'household') this.households.set(h.id, h);
    const missing = [...new Set(householdIds.flatMap((id) => this.households.get(id)?.members.map((m) => m.personId) ?? []))].filter((id) => !this.persons.has(id));
    if (missing.length === 0) return;
    for (const p of await byIds<PersonDoc>(missing)) if (p.type === 'person') this.persons.set(p.id, p);
  }

  private membersOf(c: CaseDoc): PersonDoc[] {
    return (this.households.get(c.householdId)?.members ?? []).flatMap((m) => {
      const p = this.persons.get(m.personId);
      return p ? [p] : [];
    });
  }
}

const held = new WeakMap<WorkstationDb, { key: string; snapshot: WhatIfSnapshot }>();

/** The session's snapshot for these offices and day (one per database: asking for others replaces it). */
export function whatIfSnapshot(db: WorkstationDb, offices: readonly string[], keyFor: KeyFor, today: string): WhatIfSnapshot {
  const key = JSON.stringify([[...offices].sort(), today]);
  const was = held.get(db);
  if (was?.key === key) return was.snapshot;
  was?.snapshot.dispose();
  const snapshot = new WhatIfSnapshot(db, offices, keyFor, today);
  held.set(db, { key, snapshot });
  return snapshot;
}
