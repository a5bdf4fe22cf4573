// The one engine for every business item: what may be recorded on a case, by whom, from which
// status and where it leads, read from the case's item in the catalogue version the case started
// under (domain/catalogue). Besides the items' stages the engine has its own events: an inspection
// of a tenancy, the exit of a tenancy after a violation or at its end, and settling contradictory
// decisions (transitions.ts `ENGINE_TRANSITIONS`).
import { itemFor, nextStatus, transitionTable, type TransitionTable } from '../catalogue/engine';
import { catalogueOf } from '../catalogue/registry';
import { CATALOGUE } from '../catalogue/shipped';
import type { CatalogueItem } from '../catalogue/types';
import type { Role } from '../model/events';
import type { BusinessItem } from '../model/programmes';
import type { CaseStatus } from '../model/status';
import type { EventKind, Payloads } from './events';
import type { CaseState } from './state';
import { anyTarget, ENGINE_TRANSITIONS } from './transitions';

// The versions known and the one in force live in the catalogue's registry (versions published
// centrally are adopted there); re-exported for the engine's readers.
export { catalogueOf, currentCatalogue, registerCatalogue } from '../catalogue/registry';

/**
 * The item a case runs under: the code and version its submission named. A case from before the
 * catalogue (no code) is its programme's application item under the first version; a state with
 * neither (a case not yet submitted) is a public rental application.
 */
export function itemOfState(state: Pick<CaseState, 'item' | 'businessItem' | 'catalogueVersion'>, districtId = ''): CatalogueItem | undefined {
  const catalogue = catalogueOf(state.catalogueVersion ?? CATALOGUE.version);
  if (!catalogue) return undefined;
  return itemFor(catalogue, state.item ?? state.businessItem ?? 'public_rental', districtId);
}

const tables = new WeakMap<CatalogueItem, TransitionTable>();
const tableOf = (item: CatalogueItem): TransitionTable => {
  let t = tables.get(item);
  if (!t) tables.set(item, (t = transitionTable(item)));
  return t;
};

/** Statuses from which any of `roles` may record `kind` on a case of `item`. */
export function itemAllowedFrom(item: CatalogueItem | undefined, kind: EventKind, roles: readonly Role[]): CaseStatus[] {
  const set = new Set<CaseStatus>();
  const byItem = item ? tableOf(item)[kind] : undefined;
  const byEngine = ENGINE_TRANSITIONS[kind]?.by;
  for (const role of roles) {
    for (const s of byItem?.[role] ?? []) set.add(s);
    for (const s of byEngine?.[role] ?? []) set.add(s);
  }
  return [...set];
}

/** Roles that may record `kind` on a case of `item` from some status. */
export function itemRolesFor(item: CatalogueItem | undefined, kind: EventKind): Role[] {
  const roles = new Set<Role>(Object.keys((item && tableOf(item)[kind]) ?? {}) as Role[]);
  for (const r of Object.keys(ENGINE_TRANSITIONS[kind]?.by ?? {})) roles.add(r as Role);
  return [...roles];
}

/** The status `kind` leads to from `from` on a case of `item` (the engine's own events first). */
export function itemNext<K extends EventKind>(item: CatalogueItem | undefined, kind: K, from: CaseStatus, payload: Payloads[K]): CaseStatus {
  const engine = ENGINE_TRANSITIONS[kind];
  const byEngine = engine && Object.values(engine.by).some((s) => (s as readonly CaseStatus[]).includes(from));
  if (engine && (byEngine || kind === 'resolve_conflict')) return (engine.to as (f: CaseStatus, p: Payloads[K]) => CaseStatus)(from, payload);
  const next = item ? (nextStatus(item, from, kind) ?? anyTarget(item, kind)) : null;
  return (next ?? from) as CaseStatus;
}

/**
 * Why a submission cannot name the item it names, or null: the item must exist in the version
 * named and belong to the programme named, and be a case of its own (not an act on an open case).
 */
export function itemProblem(payload: Payloads['submit']): string | null {
  const version = payload.catalogueVersion ?? CATALOGUE.version;
  const catalogue = catalogueOf(version);
  if (!catalogue) return `本工作站没有事项目录 ${version},请同步基础数据后再办理`;
  const code = payload.item ?? payload.businessItem;
  const item = catalogue.items.find((i) => i.code === code);
  if (!item) return `事项“${code}”不在事项目录 ${version} 中`;
  if (item.programme !== (payload.businessItem as BusinessItem)) return `事项“${item.name.zh}”不属于所填的保障类别`;
  if (item.subject === 'open_case') return `“${item.name.zh}”须在所针对的在办案件上办理,不能单独立案`;
  return null;
}

/** Why `roles` may not start a new case of the item a first submission names, or null. */
export function startProblem(payload: Payloads['submit'], roles: readonly Role[]): string | null {
  const problem = itemProblem(payload);
  if (problem) return problem;
  const item = catalogueOf(payload.catalogueVersion ?? CATALOGUE.version)!.items.find((i) => i.code === (payload.item ?? payload.businessItem))!;
  if (roles.some((r) => item.startedBy.includes(r))) return null;
  return item.startedBy.length === 0 ? `“${item.name.zh}”已不再受理新的申请` : `当前角色不能发起“${item.name.zh}”`;
}
