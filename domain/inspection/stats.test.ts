import { describe, expect, it } from 'vitest';
import type { InspectionDoc, InspectionTaskDoc } from '../model/field';
import { inspectionStats } from './stats';

const task = (n: number, estate: string): InspectionTaskDoc =>
  ({ id: `t${n}`, type: 'inspection_task', projectName: estate, leaseId: `l${n}`, state: 'assigned', reason: 'sample' }) as unknown as InspectionTaskDoc;
const visit = (n: number, at: string, extra: Partial<InspectionDoc>): InspectionDoc =>
  ({ id: `v${n}-${at}`, taskId: `t${n}`, leaseId: `l${n}`, visitedAt: at, outcome: 'ok', findings: [], correctBy: null, ...extra }) as unknown as InspectionDoc;

describe('inspectionStats', () => {
  it('counts progress, findings by type and estate, and corrections overdue without a later visit', () => {
    const tasks = [task(1, '华富安居苑'), task(2, '华富安居苑'), task(3, '华富人才公寓'), task(4, '华富人才公寓')];
    const visits = [
      visit(1, '2024-07-01T02:00:00Z', { outcome: 'violation', findings: [{ kind: 'sublet', note: '', evidenceIds: [] }] }),
      visit(2, '2024-07-01T03:00:00Z', { findings: [{ kind: 'unit_condition', note: '', evidenceIds: [] }], correctBy: '2024-07-02' }),
      visit(3, '2024-07-01T04:00:00Z', { findings: [{ kind: 'unit_condition', note: '', evidenceIds: [] }], correctBy: '2024-07-31' }),
      visit(4, '2024-07-01T05:00:00Z', { outcome: 'not_home' }),
    ];
    const s = inspectionStats(tasks, visits, '2024-07-10');
    expect(s).toMatchObject({ planned: 4, visited: 3, notHome: 1 });
    expect(s.byType).toEqual([['unit_condition', 2], ['sublet', 1]]);
    expect(s.byEstate).toEqual([['华富安居苑', 2], ['华富人才公寓', 1]]);
    expect(s.overdue.map((v) => v.taskId)).toEqual(['t2']);
    // A re-inspection after the deadline clears it.
    expect(inspectionStats(tasks, [...visits, visit(2, '2024-07-03T02:00:00Z', {})], '2024-07-10').overdue).toEqual([]);
  });
});
