// Test helpers: actors, valid payloads and an event builder.
import type { Actor, Role } from '../model/events';
import type { CaseStatus } from '../model/status';
import type { CaseEvent, EventKind, Payloads } from './events';
import type { CaseState } from './state';
import { INITIAL_STATE } from './state';

export const actor = (role: Role, officeId = 'office:futian-shatou', name = `${role}-user`): Actor => ({
  name,
  roles: [role],
  officeId,
});

export const stateAt = (status: CaseStatus, extra: Partial<CaseState> = {}): CaseState => ({
  ...INITIAL_STATE,
  status,
  ...extra,
});

export const PAYLOADS: { readonly [K in EventKind]: Payloads[K] } = {
  submit: { businessItem: 'public_rental' },
  accept: { receiptNo: 'SZ-FT-2024-000123' },
  return: { missingMaterials: [{ code: 'marriage_cert', name: '结婚证' }] },
  preliminary_approve: { opinion: '材料齐全,符合条件' },
  preliminary_reject: { reason: '家庭人均可支配收入超过上限' },
  review_approve: { opinion: '复核通过' },
  review_reject: { reason: '联审发现名下有房产' },
  publicity: { startsOn: '2024-03-01', endsOn: '2024-03-10' },
  objection: { reason: '群众反映申请人名下有商铺' },
  waitlist: { queueNo: 1024 },
  allocate: { unitId: 'unit:ft-001-0101' },
  contract: { leaseId: 'lease:1', startDate: '2024-05-01', endDate: '2027-04-30' },
  inspection_result: { inspectionId: 'inspection:1', outcome: 'ok', findings: [] },
  exit: { reason: 'voluntary' },
  resolve_conflict: { status: 'preliminary_approved', note: '经核实,以街道初审通过为准' },
};

let counter = 0;
/** Builds a recorded event document as it would arrive by replication (no checks). */
export function ev<K extends EventKind>(
  kind: K,
  role: Role,
  at: string,
  payload: Payloads[K] = PAYLOADS[kind],
  officeId = 'office:futian-shatou',
  id = `evt:${String(++counter).padStart(4, '0')}`,
): CaseEvent<K> {
  const doc = {
    id,
    type: 'case_event',
    schemaVersion: 0,
    officeId,
    createdAt: at,
    updatedAt: at,
    caseId: 'case:1',
    kind,
    actor: actor(role, officeId),
    at,
    payload,
    deviceId: null,
  };
  return doc as CaseEvent<K>;
}
