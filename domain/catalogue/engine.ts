// The catalogue as the workflow engine reads it: an item's transition table (who may record which
// event from which status, and where it leads), its stage at a status, and the item as a district
// sees it (its override applied).
import type { Role } from '../model/events';
import type { EventKind } from '../workflow/events';
import type { Catalogue, CatalogueItem, StageDef, StageStatus } from './types';

export type TransitionTable = Partial<Record<EventKind, Partial<Record<Role, StageStatus[]>>>>;

/** For each event, the statuses each role may record it from, as the item's stages say. */
export function transitionTable(item: CatalogueItem): TransitionTable {
  const table: TransitionTable = {};
  for (const stage of item.stages) {
    if (item.subject === 'open_case' && stage.id === item.start) continue; // an act's own recording step
    for (const action of stage.actions) {
      const byRole = (table[action.event] ??= {});
      for (const role of action.roles ?? stage.roles) {
        const list = (byRole[role] ??= []);
        if (!list.includes(stage.status)) list.push(stage.status);
      }
    }
  }
  return table;
}

/** The running (non-terminal) stage at a status, or the terminal one when only that has it. */
export function stageAt(item: CatalogueItem, status: StageStatus): StageDef | undefined {
  return item.stages.find((s) => s.status === status && s.actions.length > 0) ?? item.stages.find((s) => s.status === status);
}

/** Where `event` from `status` leads under the item, or null when the item has no such step. */
export function nextStatus(item: CatalogueItem, status: StageStatus, event: EventKind): StageStatus | null {
  const stage = stageAt(item, status);
  const action = stage?.actions.find((a) => a.event === event);
  const target = action && item.stages.find((s) => s.id === action.to);
  return target?.status ?? null;
}

/** The item by its code, as the district sees it: deadlines, rules and materials overridden. */
export function itemFor(catalogue: Catalogue, code: string, districtId: string): CatalogueItem | undefined {
  const item = catalogue.items.find((i) => i.code === code);
  if (!item) return undefined;
  const o = catalogue.overrides.find((x) => x.item === code && x.districtId === districtId);
  if (!o) return item;
  const off = new Set(o.rulesOff ?? []);
  const removed = new Set(o.materialsRemoved ?? []);
  return {
    ...item,
    stages: item.stages.map((s) => (o.deadlineDays?.[s.id] !== undefined && s.deadlineDays !== null ? { ...s, deadlineDays: o.deadlineDays[s.id]! } : s)),
    rules: item.rules.filter((r) => !off.has(r.kind === 'builtin' ? r.rule : r.id)),
    materials: [...item.materials.filter((m) => !removed.has(m.code)), ...(o.materialsAdded ?? [])],
  };
}
