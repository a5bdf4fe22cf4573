// Who may write which kind of central document. The server enforces these tables in
// validate_doc_update (sync-server/design/load.ts inlines them as JSON); the workstation UI may use
// them to hide actions, but only the server's check counts.
import { CATALOGUE } from '../catalogue/shipped';
import { transitionTable } from '../catalogue/engine';
import type { Catalogue } from '../catalogue/types';
import type { Role } from '../model/events';
import { EVENT_KINDS, type EventKind } from '../workflow/events';
import { itemRolesFor } from '../workflow/item-engine';
import { rolesFor } from '../workflow/transitions';

/**
 * For each business item of the catalogue: its Chinese name and, for each event kind some stage of
 * it (or the engine, for every item) lets record, the roles that may. An event naming its case's
 * item (`item`, stamped by `decide`) is refused by the server when the item has no such act — a
 * publicity on a renewal — or not for the writer's roles. The stage the case is at is the
 * workstation's check: the server cannot read the case a new event belongs to. Given several
 * versions (every one published: a case keeps the version it started under), an item's acts and
 * roles are those of any version, its name the last version's.
 */
export function itemEventWriters(catalogue: Catalogue | readonly Catalogue[] = CATALOGUE): Record<string, { name: string; kinds: Record<string, Role[]> }> {
  const out: Record<string, { name: string; kinds: Record<string, Role[]> }> = {};
  for (const version of versionsOf(catalogue)) {
    for (const item of version.items) {
      const kinds: Record<string, Role[]> = out[item.code]?.kinds ?? {};
      for (const kind of EVENT_KINDS) {
        const roles = new Set([...(kinds[kind] ?? []), ...itemRolesFor(item, kind)]);
        if (roles.size > 0) kinds[kind] = [...roles].sort();
      }
      out[item.code] = { name: item.name.zh, kinds };
    }
  }
  return out;
}

const versionsOf = (catalogue: Catalogue | readonly Catalogue[]): readonly Catalogue[] => ('items' in catalogue ? [catalogue as Catalogue] : (catalogue as readonly Catalogue[]));

/** Document types a role may create or update in an office database (case events: see below). */
export const TYPE_WRITERS: Readonly<Record<string, readonly Role[]>> = {
  case: ['clerk', 'reviewer', 'district_reviewer'],
  case_event: ['clerk', 'inspector', 'reviewer', 'district_reviewer'],
  person: ['clerk'],
  household: ['clerk'],
  material: ['clerk'],
  scan: ['clerk'],
  biometric: ['clerk'],
  // The district allocates a unit (配租配售: offered), the clerk lets it at the contract.
  unit: ['clerk', 'district_reviewer'],
  lease: ['clerk'],
  inspection: ['inspector'],
  // Plans and tasks are a supervisor's (street or district reviewer); an inspector writes only the
  // re-inspections its own visits schedule, for itself (checked in the office validate_doc_update).
  inspection_plan: ['reviewer', 'district_reviewer'],
  inspection_task: ['reviewer', 'district_reviewer', 'inspector'],
  audit_event: ['clerk', 'inspector', 'reviewer', 'district_reviewer', 'it'],
  sync_health: ['clerk', 'inspector', 'reviewer', 'district_reviewer', 'it'],
};

/**
 * Events outside every business item's stages: an inspection of a tenancy, and settling
 * contradictory decisions. Their writers come from the workflow's own table.
 */
const ENGINE_EVENTS: readonly EventKind[] = ['inspection_result', 'resolve_conflict'];

/**
 * Case event kinds and the roles that may record them: whoever some stage of some item of the
 * catalogue lets record the event (the server cannot read the case a new event belongs to, so it
 * checks the role; the workstation checks the status), plus the engine's own events.
 */
export function eventWriters(catalogue: Catalogue = CATALOGUE): Record<string, Role[]> {
  const writers = new Map<EventKind, Set<Role>>(EVENT_KINDS.map((k) => [k, new Set<Role>()]));
  for (const item of catalogue.items) {
    for (const [kind, byRole] of Object.entries(transitionTable(item))) for (const role of Object.keys(byRole ?? {})) writers.get(kind as EventKind)?.add(role as Role);
  }
  for (const kind of ENGINE_EVENTS) for (const role of rolesFor(kind)) writers.get(kind)!.add(role);
  return Object.fromEntries([...writers].map(([kind, roles]) => [kind, [...roles].sort()]));
}

/** Documents of these types are never updated once written: a change is a new document. */
export const IMMUTABLE_TYPES: readonly string[] = ['case_event', 'audit_event'];

/**
 * Documents whose authority rests on their actor's signature: a user writes them only as
 * themselves (`actor.userId` = the login) and signed. Admins (the batch importer, which checks
 * each actor itself, and `hws seed`) are excepted. Readers verify the signatures.
 */
/**
 * Editable kinds, merged field by field when edited on two sides (domain/sync/merge.ts). When a
 * server stores a conflict of one of them, a workstation of the office that merged the versions
 * may close the losing revision with a tombstone naming the merged one (`mergedInto`); no other
 * deletion is open to workstations.
 */
export const MERGEABLE_TYPES: readonly string[] = ['person', 'household', 'case'];

export const SIGNED_TYPES: readonly string[] = ['case_event', 'audit_event'];
