// Figures for the supervisor: plan progress, findings by type and by estate, corrections overdue.
import type { IsoDate } from '../model/common';
import type { FindingKind, InspectionDoc, InspectionTaskDoc } from '../model/field';

export interface InspectionStats {
  readonly planned: number;
  readonly visited: number;
  readonly notHome: number;
  readonly byType: readonly (readonly [FindingKind, number])[];
  readonly byEstate: readonly (readonly [string, number])[];
  /** Visits whose correction deadline has passed with no later visit of the same tenancy. */
  readonly overdue: readonly InspectionDoc[];
}

export function inspectionStats(tasks: readonly InspectionTaskDoc[], visits: readonly InspectionDoc[], today: IsoDate): InspectionStats {
  const open = tasks.filter((t) => t.state === 'assigned');
  const latest = new Map<string, InspectionDoc>();
  for (const v of [...visits].sort((a, b) => (a.visitedAt < b.visitedAt ? -1 : 1))) latest.set(v.taskId, v);
  const visitedTasks = open.filter((t) => latest.get(t.id) && latest.get(t.id)!.outcome !== 'not_home').length;
  const estateOf = new Map(tasks.map((t) => [t.id, t.projectName]));
  const byType = new Map<FindingKind, number>();
  const byEstate = new Map<string, number>();
  for (const v of visits) {
    for (const f of v.findings) byType.set(f.kind, (byType.get(f.kind) ?? 0) + 1);
    if (v.findings.length > 0) {
      const estate = estateOf.get(v.taskId) ?? '—';
      byEstate.set(estate, (byEstate.get(estate) ?? 0) + 1);
    }
  }
  const lastByLease = new Map<string, string>();
  for (const v of visits) if (v.leaseId && (lastByLease.get(v.leaseId) ?? '') < v.visitedAt) lastByLease.set(v.leaseId, v.visitedAt);
  const overdue = visits.filter((v) => v.correctBy !== null && v.correctBy < today && lastByLease.get(v.leaseId ?? '') === v.visitedAt);
  const sorted = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    planned: open.filter((t) => t.reason !== 'reinspection').length,
    visited: visitedTasks,
    notHome: open.filter((t) => latest.get(t.id)?.outcome === 'not_home').length,
    byType: sorted(byType),
    byEstate: sorted(byEstate),
    overdue,
  };
}
