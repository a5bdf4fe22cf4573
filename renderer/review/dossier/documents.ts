// The papers a dossier prints, built from what the case stores: the 补正告知书 of its latest return
// (every correction at once) and a reprint of its intake receipt. Both name the applicant by the
// masked ID number only; the PDFs are made on the main side (main/handlers/documents.ts).
import { AppError } from '../../../domain/errors';
import { addDays, ANSWER_DAYS, MISSING_DUE_DAYS } from '../../../domain/intake/documents';
import type { CorrectionNoticeData, ReceiptData } from '../../../domain/ipc/documents';
import type { SessionUser } from '../../../domain/ipc/session';
import type { CaseDoc } from '../../../domain/model';
import { itemName } from '../../../domain/catalogue/names';
import { localDate, type CaseEvent, type Payloads } from '../../../domain/workflow';
import type { Materials } from './materials';
import type { Timeline } from './timeline';

/** BZ + the return's date + the first hex digits of its event id: the same number on every reprint. */
export const noticeNumber = (event: Pick<CaseEvent, 'id' | 'at'>): string =>
  `BZ${localDate(event.at).replace(/-/g, '')}-${event.id.replace(/^event:/, '').replace(/[^0-9a-f]/gi, '').slice(0, 8).toUpperCase()}`;

/** The return the case is waiting on: the latest return that was applied. */
export function latestReturn(timeline: Timeline): CaseEvent | undefined {
  const row = [...timeline.rows].reverse().find((r) => r.kind === 'return' && r.applied);
  return row ? timeline.events.find((e) => e.id === row.eventId) : undefined;
}

/** The 补正告知书 of a returned case; refused (with the reason) for a case that is not waiting on corrections. */
export function correctionNotice(caseDoc: CaseDoc, timeline: Timeline, idMasked: string, user: SessionUser, now: Date): CorrectionNoticeData {
  if (timeline.state.status !== 'returned') throw new AppError('NOT_RETURNED', '该办件当前不是"已退回"状态,无需出具补正告知书');
  const event = latestReturn(timeline);
  if (!event) throw new AppError('NOT_RETURNED', '找不到该办件的退回记录,无法出具补正告知书');
  const payload = event.payload as Payloads['return'];
  const corrections = payload.missingMaterials.map((m) => ({ name: m.name, ...(m.reason ? { reason: m.reason } : {}) }));
  const accepted = timeline.events.find((e) => e.kind === 'accept');
  return {
    noticeNo: noticeNumber(event),
    officeName: user.officeName,
    date: localDate(now.toISOString()),
    applicantName: caseDoc.applicantName,
    idMasked,
    businessItemLabel: itemName(caseDoc),
    receiptNo: accepted ? (accepted.payload as Payloads['accept']).receiptNo : null,
    returnedBy: event.actor.name,
    returnedOn: localDate(event.at),
    corrections,
    deadline: addDays(now.toISOString(), MISSING_DUE_DAYS),
    clerkName: user.displayName,
  };
}

/** The intake receipt again, as it was issued (its number, date and deadline), from the stored materials. */
export function receiptReprint(caseDoc: CaseDoc, timeline: Timeline, materials: Materials, idMasked: string, user: SessionUser): ReceiptData {
  const accepted = timeline.events.find((e) => e.kind === 'accept');
  if (!accepted) throw new AppError('NO_RECEIPT', '该办件尚未受理,没有受理回执可补打');
  const printed = (m: Materials['received'][number]) => ({ label: m.label, original: m.original });
  return {
    kind: 'receipt',
    receiptNo: (accepted.payload as Payloads['accept']).receiptNo,
    officeName: user.officeName,
    date: accepted.at.slice(0, 10),
    applicantName: caseDoc.applicantName,
    idMasked,
    businessItemLabel: itemName(caseDoc),
    received: materials.received.map(printed),
    missing: materials.missing.map(printed),
    nextSteps: ['街道初审', '区住房和建设局复审', '审核结果将以短信通知'],
    deadline: addDays(accepted.at, ANSWER_DAYS),
    clerkName: accepted.actor.name,
  };
}
