// What the 入户核查记录 and the 整改通知书 print, built from the stored visit (pure): the same visit
// always gives the same document numbers, so a reprint is recognisably the same document.
import { MATCH_THRESHOLD } from '../face/match';
import type { InspectionPrintData } from '../ipc/inspection';
import type { IdentityResult, InspectionDoc, Occupancy } from '../model/field';
import { FINDING_LABELS } from '../model/field';
import { SEVERITY_LABELS, deficiencyOf, DEFAULT_CONDITIONS, type ConditionCatalogue } from './nspire';
import { isViolation } from './visit';

export const OCCUPANCY_LABELS: Readonly<Record<Occupancy, string>> = {
  tenant_present: '承租人在住',
  other_occupant: '他人居住',
  vacant: '空置',
  sublet_or_lent: '转租或出借',
  use_changed: '改变用途',
};

export const IDENTITY_LABELS: Readonly<Record<IdentityResult, string>> = {
  tenant: '承租人本人',
  member: '承租家庭成员',
  other: '非承租家庭人员',
  not_read: '未读取身份证',
};

/** FNV-1a of the visit id, as 8 hex digits. */
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).toUpperCase().padStart(8, '0');
}

/** Beijing wall time of an ISO instant, `YYYY-MM-DD HH:mm`. */
export const beijingTime = (at: string): string => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export const documentNoOf = (visit: Pick<InspectionDoc, 'id' | 'visitedAt'>, kind: InspectionPrintData['kind']): string =>
  `${kind === 'record' ? 'HC' : 'ZG'}${beijingTime(visit.visitedAt).slice(0, 10).replace(/-/g, '')}-${tag(visit.id)}`;

export interface PrintContext {
  readonly officeName: string;
  readonly inspectorName: string;
  /** Estate, building, unit. */
  readonly address: string;
  readonly tenantName: string;
  /** The name on the card read at the door, where the laptop still has it. */
  readonly occupantName?: string | null;
  readonly catalogue?: ConditionCatalogue;
}

/** A notice is due where the visit found something: a violation or a condition to correct. */
export const needsRectification = (visit: InspectionDoc): boolean => visit.findings.length > 0 || visit.conditions.length > 0;

export function inspectionPrint(visit: InspectionDoc, kind: InspectionPrintData['kind'], c: PrintContext): InspectionPrintData {
  const notHome = visit.outcome === 'not_home';
  const checks = notHome
    ? []
    : [
        `身份证:${visit.identity === 'not_read' ? '未读取' : `已读取,${IDENTITY_LABELS[visit.identity]}`}`,
        `人脸比对:${visit.faceScore === null ? '未比对' : `${visit.faceScore < MATCH_THRESHOLD ? '与登记照片一致' : '与登记照片不一致'}(距离 ${visit.faceScore.toFixed(2)})`}`,
        `指纹比对:${visit.fingerprintMatched === null ? '未比对' : visit.fingerprintMatched ? '与登记模板一致' : '与登记模板不一致'}`,
      ];
  return {
    kind,
    documentNo: documentNoOf(visit, kind),
    officeName: c.officeName,
    visitedAt: beijingTime(visit.visitedAt),
    inspectorName: c.inspectorName || visit.inspectorId,
    address: c.address,
    tenantName: c.tenantName,
    notHome,
    occupant: notHome ? '无人在家' : `${IDENTITY_LABELS[visit.identity]}${c.occupantName ? ` ${c.occupantName}` : ''}`,
    checks,
    occupancy: OCCUPANCY_LABELS[visit.occupancy],
    arrearsMonths: visit.arrearsMonths,
    findings: visit.findings.filter((f) => isViolation(f.kind)).map((f) => ({ label: FINDING_LABELS[f.kind], note: f.note, violation: true })),
    deficiencies: visit.conditions.map((x) => ({
      label: deficiencyOf(x.code, c.catalogue ?? DEFAULT_CONDITIONS)?.label ?? x.code,
      severity: SEVERITY_LABELS[x.severity],
      note: x.note,
      correctBy: x.correctBy,
    })),
    reinspectionOn: visit.correctBy ?? null,
    signature: visit.signature,
    signatureRefused: visit.signatureRefused,
    photos: kind === 'record' ? visit.photos.slice(0, 6) : [],
  };
}
