// 公示: the review-approved cases published for a period in which anyone may object. Which cases are
// on the list, their rows (masked ID numbers only), the period, and whether an objection may still be
// recorded. The invariant itself (role, status, window) lives in canRecord: see payloads.ts.
import { nextStatus } from '../catalogue/engine';
import { itemOfState } from './item-engine';
import { maskIdNumber } from '../identity/idnumber';
import type { IsoDate, IsoDateTime } from '../model/common';
import type { Actor } from '../model/events';
import { BUSINESS_ITEM_LABELS, type BusinessItem } from '../model/programmes';
import { canRecord, type Verdict } from './check';
import type { Payloads } from './events';
import { localDate } from './payloads';
import type { CaseState } from './state';

/**
 * Calendar days a publicity runs, start and end included. Illustrative: DOMAIN.md names no length
 * (the seed data uses 10), so 7 is a default the caller may override from reference data.
 */
export const PUBLICITY_DAYS = 7;

export interface PublicityWindow {
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The window starting on `startsOn` and lasting `days` calendar days (inclusive). */
export function publicityWindow(startsOn: IsoDate, days: number = PUBLICITY_DAYS): PublicityWindow {
  if (!DATE.test(startsOn)) throw new RangeError(`公示开始日期格式应为YYYY-MM-DD:${startsOn}`);
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`公示期应为正整数天:${days}`);
  const [y, m, d] = startsOn.split('-').map(Number) as [number, number, number];
  return { startsOn, endsOn: new Date(Date.UTC(y, m - 1, d + days - 1)).toISOString().slice(0, 10) };
}

/** The `publicity` event's payload for a publicity starting on the Beijing date of `at`. */
export const publicityPayload = (at: IsoDateTime, days: number = PUBLICITY_DAYS): Payloads['publicity'] => publicityWindow(localDate(at), days);

export type PublicityPhase = 'upcoming' | 'open' | 'ended';

export function publicityPhase(window: PublicityWindow, today: IsoDate): PublicityPhase {
  return today < window.startsOn ? 'upcoming' : today > window.endsOn ? 'ended' : 'open';
}

/** On the publicity list: published and not yet sent on (waiting list) or back (objection, rejection). */
export const onPublicityList = (state: CaseState): boolean => state.status === 'in_publicity' && state.publicity !== null;

/**
 * Review-approved and not yet published, of an item that has a publicity stage (an application; not
 * a renewal or an exit, which are also 复审通过 at their end or at 退房交接).
 */
export const awaitingPublicity = (state: CaseState): boolean => {
  if (state.status !== 'review_approved' || state.flagged !== null) return false;
  const item = itemOfState(state);
  return item !== undefined && nextStatus(item, state.status, 'publicity') !== null;
};

/** May `actor` record an objection at `at`? Role, status, flag and window, as canRecord checks them. */
export function objectionVerdict(state: CaseState, actor: Actor, at: IsoDateTime): Verdict {
  // The reason text is checked separately; a placeholder stands for "some reason will be given".
  return canRecord(state, 'objection', actor, { reason: '—' }, at);
}

// ── rows ──────────────────────────────────────────────────────────────────────────────────────

/** What the list shows of a case. `idMasked` is the person's stored masked form. */
export interface PublicityCase {
  readonly caseId: string;
  readonly applicantName: string;
  readonly idMasked: string;
  readonly businessItem: BusinessItem;
  /** The street (office) name. */
  readonly street: string;
  readonly householdSize: number | null;
}

export interface PublicityRow extends PublicityCase, PublicityWindow {}

/** A masked ID as maskIdNumber writes it (region code, stars, last four), or all stars. */
const MASKED = /^(?:\d{6}\*{5,8}[\dX]{4}|\*{1,18})$/;
export const isMaskedId = (s: string): boolean => MASKED.test(s);

/** The masked form, whatever was passed: an unmasked number is masked here, never shown. */
export const publicityId = (id: string): string => (isMaskedId(id) ? id : maskIdNumber(id.trim().toUpperCase()));

const collator = new Intl.Collator('zh-CN');

/** The rows of the cases on the publicity list, ordered by street, then applicant name. */
export function publicityRows(entries: readonly { readonly case: PublicityCase; readonly state: CaseState }[]): PublicityRow[] {
  return entries
    .filter((e) => onPublicityList(e.state))
    .map(({ case: c, state }) => ({ ...c, idMasked: publicityId(c.idMasked), startsOn: state.publicity!.startsOn, endsOn: state.publicity!.endsOn }))
    .sort((a, b) => collator.compare(a.street, b.street) || collator.compare(a.applicantName, b.applicantName) || (a.caseId < b.caseId ? -1 : 1));
}

export interface PublicityBatch {
  readonly window: PublicityWindow;
  readonly rows: readonly PublicityRow[];
}

/** Rows grouped by their publicity window, the latest start first: one list per period. */
export function publicityBatches(rows: readonly PublicityRow[]): PublicityBatch[] {
  const byWindow = new Map<string, PublicityRow[]>();
  for (const r of rows) {
    const key = `${r.startsOn}~${r.endsOn}`;
    byWindow.set(key, [...(byWindow.get(key) ?? []), r]);
  }
  return [...byWindow.values()]
    .map((list) => ({ window: { startsOn: list[0]!.startsOn, endsOn: list[0]!.endsOn }, rows: list }))
    .sort((a, b) => (a.window.startsOn < b.window.startsOn ? 1 : a.window.startsOn > b.window.startsOn ? -1 : a.window.endsOn < b.window.endsOn ? 1 : -1));
}

// ── the exported table (PDF and Excel print the same cells) ───────────────────────────────────

export const PUBLICITY_TITLE = '住房保障申请审核结果公示';
export const PUBLICITY_HEADERS = ['序号', '申请人', '身份证号码', '申请事项', '所属街道', '家庭人数'] as const;

/** One printed row: the masked ID only. */
export function publicityCells(row: Pick<PublicityRow, 'applicantName' | 'idMasked' | 'businessItem' | 'street' | 'householdSize'>, index: number): string[] {
  return [
    String(index + 1),
    row.applicantName,
    publicityId(row.idMasked),
    BUSINESS_ITEM_LABELS[row.businessItem],
    row.street,
    row.householdSize === null ? '—' : String(row.householdSize),
  ];
}

/** The sentence under the title: the period and where objections go. */
export function publicityNotice(window: PublicityWindow, officeName: string): string {
  return `公示期:${window.startsOn}至${window.endsOn}(共${daysIn(window)}天)。公示期内如有异议,请向${officeName}实名反映,逾期不予受理。`;
}

function daysIn(w: PublicityWindow): number {
  return Math.round((Date.parse(`${w.endsOn}T00:00:00Z`) - Date.parse(`${w.startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}
