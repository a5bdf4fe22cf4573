// The applied steps of a case's history, fast. `deriveCase` checks every event in full and keeps
// refused ones with a note, which costs too much for a dashboard over 100,000 cases; most cases are
// a clean run of events each allowed from the status before it. This replay checks exactly that —
// role and status, read from the case's own item (the one its first submission names, in the
// catalogue version it started under, through the item engine) — and hands any case it cannot
// replay cleanly (a refusal, a conflict, an unknown catalogue version, a status that disagrees with
// the stored projection) to `deriveCase`.
import { FIRST_CATALOGUE_VERSION } from '../model/case';
import type { IsoDateTime } from '../model/common';
import type { Role } from '../model/events';
import type { CaseStatus } from '../model/status';
import type { CatalogueItem } from '../catalogue/types';
import { deriveCase, EVENT_KINDS, orderEvents, type CaseEvent, type EventKind, type Payloads } from '../workflow';
import { itemAllowedFrom, itemNext, itemOfState, itemRolesFor } from '../workflow/item-engine';

/** An applied event: what it did to the status (the fields of a HistoryEntry the statistics read). */
export interface Step {
  readonly kind: EventKind;
  readonly at: IsoDateTime;
  readonly statusBefore: CaseStatus;
  readonly statusAfter: CaseStatus;
  readonly payload: unknown;
}

type Allowed = ReadonlyMap<string, ReadonlyMap<Role, ReadonlySet<CaseStatus>>>;

/** Per item: kind → role → statuses it may be recorded from (the item's stages and the engine's own events). */
const ALLOWED = new WeakMap<CatalogueItem, Allowed>();
function allowedOf(item: CatalogueItem): Allowed {
  let table = ALLOWED.get(item);
  if (!table) {
    table = new Map(EVENT_KINDS.map((kind) => [kind, new Map(itemRolesFor(item, kind).map((r) => [r, new Set(itemAllowedFrom(item, kind, [r]))]))]));
    ALLOWED.set(item, table);
  }
  return table;
}

function allowed(table: Allowed, kind: string, roles: readonly Role[], status: CaseStatus): boolean {
  const by = table.get(kind);
  if (by === undefined) return false;
  for (const r of roles) if (by.get(r)?.has(status)) return true;
  return false;
}

/** The item a case runs under: its first submission names it (none: a public rental application). */
function itemOfEvents(events: readonly CaseEvent[]): CatalogueItem | undefined {
  const first = events.find((e) => e.kind === 'submit');
  const p = first?.payload as Payloads['submit'] | undefined;
  return itemOfState({ item: p ? (p.item ?? p.businessItem) : null, businessItem: p?.businessItem ?? null, catalogueVersion: p ? (p.catalogueVersion ?? FIRST_CATALOGUE_VERSION) : null });
}

/** In the order of `orderEvents` already (events read on an [officeId, at] index usually are). */
function ordered(events: readonly CaseEvent[]): boolean {
  for (let i = 1; i < events.length; i++) {
    const [a, b] = [events[i - 1]!, events[i]!];
    if (a.at > b.at || (a.at === b.at && a.id > b.id)) return false;
  }
  return true;
}

/** The clean replay, or null when some event would not apply from the status before it. */
export function cleanReplay(events: readonly CaseEvent[]): Step[] | null {
  const item = itemOfEvents(events);
  if (!item) return null;
  const table = allowedOf(item);
  const steps: Step[] = [];
  let status: CaseStatus = 'new';
  for (const event of events) {
    if (event.kind === 'resolve_conflict' || status === 'exited' || status === 'completed' || !allowed(table, event.kind, event.actor.roles, status)) return null;
    const next: CaseStatus = itemNext(item, event.kind, status, event.payload as never);
    steps.push({ kind: event.kind, at: event.at, statusBefore: status, statusAfter: next, payload: event.payload });
    status = next;
  }
  return steps;
}

/**
 * The applied steps of one case, in the deterministic order of `deriveCase`. `stored`: the case
 * document's projected status and flag; a replay that ends elsewhere is derived in full.
 */
export function appliedSteps(events: readonly CaseEvent[], stored?: { readonly status: CaseStatus; readonly flagged?: boolean }): Step[] {
  const sorted = ordered(events) ? events : orderEvents(events);
  const clean = cleanReplay(sorted);
  const last = clean === null || clean.length === 0 ? 'new' : clean[clean.length - 1]!.statusAfter;
  if (clean !== null && (stored === undefined || (stored.status === last && !stored.flagged))) return clean;
  const steps: Step[] = [];
  deriveCase(sorted).history.forEach((h, i) => h.applied && steps.push({ kind: h.kind, at: h.at, statusBefore: h.statusBefore, statusAfter: h.statusAfter, payload: sorted[i]!.payload }));
  return steps;
}
