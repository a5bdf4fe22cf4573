// Reason codes and the holiday calendar as reference documents in the local `reference`
// collection. Reading falls back to the shipped defaults (DEFAULT_REASON_CODES, CN_CALENDAR) for
// what IT has not entered; writing is for IT only — checked here so the screen can say so, and
// enforced by the server (sync-server/design/reference/validate_doc_update.js).
import { calendarDocWith, calendarEntriesOf, calendarEntryProblem, calendarOf, entriesOfYear, type CalendarEntry, type HolidayCalendar } from '../../domain/deadlines';
import { AppError } from '../../domain/errors';
import type { SessionUser } from '../../domain/ipc/session';
import type { HolidayCalendarDoc, IsoDate, ReasonCodeDoc } from '../../domain/model';
import { DEFAULT_REASON_CODES, type ReasonCode, type ReasonUse } from '../../domain/workflow';
import type { AnyDoc, WorkstationDb } from '../db/database';

/** The office IT's edits are recorded under: reference data is city-wide. */
export const REFERENCE_OFFICE = 'city';
const USES: readonly ReasonUse[] = ['return', 'reject', 'approve'];

export const mayEditReference = (user: Pick<SessionUser, 'roles'>): boolean => user.roles.includes('it');

function requireIt(user: SessionUser): void {
  if (!mayEditReference(user)) throw new AppError('FORBIDDEN', '只有信息技术人员可以维护审核理由和节假日安排');
}

export async function calendarDocs(db: WorkstationDb): Promise<HolidayCalendarDoc[]> {
  const docs = await db.reference.find({ selector: { type: 'holiday_calendar' } }).exec();
  return docs.map((d) => d.toJSON() as unknown as HolidayCalendarDoc);
}

export async function reasonCodeDocs(db: WorkstationDb): Promise<ReasonCodeDoc[]> {
  const docs = await db.reference.find({ selector: { type: 'reason_code' } }).exec();
  return docs.map((d) => d.toJSON() as unknown as ReasonCodeDoc);
}

/** The calendar in force on this workstation (documents over the shipped years). */
export async function loadHolidayCalendar(db: WorkstationDb): Promise<HolidayCalendar> {
  return calendarOf(db.collections.reference ? calendarEntriesOf(await calendarDocs(db)) : calendarEntriesOf([]));
}

/** The shipped codes overlaid by the documents (by code), without the inactive ones; in shipped order, new codes last. */
export function reasonCodesOf(docs: readonly ReasonCodeDoc[]): ReasonCode[] {
  const byCode = new Map(docs.map((d) => [d.code, d]));
  const shipped = DEFAULT_REASON_CODES.map((c) => byCode.get(c.code) ?? { ...c, active: true });
  const added = docs.filter((d) => !DEFAULT_REASON_CODES.some((c) => c.code === d.code)).sort((a, b) => (a.code < b.code ? -1 : 1));
  return [...shipped, ...added].filter((c) => c.active).map(({ code, use, zh, en }) => ({ code, use, zh, en }));
}

export async function loadReasonCodes(db: WorkstationDb): Promise<ReasonCode[]> {
  return reasonCodesOf(db.collections.reference ? await reasonCodeDocs(db) : []);
}

export interface ReferenceContext {
  readonly db: WorkstationDb;
  readonly user: SessionUser;
  readonly now?: () => Date;
}

/** Adds a day off or an adjusted working day (e.g. 2027's), refusing a bad or duplicate entry with its reason. */
export async function addCalendarEntry(ctx: ReferenceContext, entry: CalendarEntry): Promise<HolidayCalendarDoc> {
  requireIt(ctx.user);
  const docs = await calendarDocs(ctx.db);
  const year = Number(entry.date.slice(0, 4));
  const clean = { date: entry.date.trim(), kind: entry.kind, name: entry.name.trim() };
  const problem = calendarEntryProblem(clean, entriesOfYear(docs, year));
  if (problem) throw new AppError('BAD_ENTRY', problem);
  return saveYear(ctx, calendarDocWith(docs, year, { add: clean }, meta(ctx)));
}

export async function removeCalendarEntry(ctx: ReferenceContext, date: IsoDate): Promise<HolidayCalendarDoc> {
  requireIt(ctx.user);
  const docs = await calendarDocs(ctx.db);
  const year = Number(date.slice(0, 4));
  if (!entriesOfYear(docs, year).some((e) => e.date === date)) throw new AppError('NOT_FOUND', `${date}不在节假日安排中`);
  return saveYear(ctx, calendarDocWith(docs, year, { remove: date }, meta(ctx)));
}

const meta = (ctx: ReferenceContext) => ({ at: (ctx.now?.() ?? new Date()).toISOString(), officeId: REFERENCE_OFFICE });

async function saveYear(ctx: ReferenceContext, doc: HolidayCalendarDoc): Promise<HolidayCalendarDoc> {
  await ctx.db.reference.incrementalUpsert(doc as unknown as AnyDoc);
  return doc;
}

/** Why a reason code cannot be saved, in Chinese; null when it can. */
export function reasonCodeProblem(c: ReasonCode): string | null {
  if (!/^[A-Z][A-Z0-9]{1,15}$/.test(c.code)) return '代码应为大写字母开头的2至16位字母或数字,如 R07';
  if (!USES.includes(c.use)) return '请选择理由用途(退回、不予通过或通过)';
  if (c.zh.trim() === '') return '请填写中文说明';
  if (c.zh.length > 200 || c.en.length > 200) return '说明不能超过200个字';
  return null;
}

/** Adds or changes a reason code; `active: false` stops offering it (decisions already taken keep its text). */
export async function saveReasonCode(ctx: ReferenceContext, code: ReasonCode, active = true): Promise<ReasonCodeDoc> {
  requireIt(ctx.user);
  const clean = { code: code.code.trim().toUpperCase(), use: code.use, zh: code.zh.trim(), en: code.en.trim() };
  const problem = reasonCodeProblem(clean);
  if (problem) throw new AppError('BAD_CODE', problem);
  const at = meta(ctx).at;
  const existing = (await reasonCodeDocs(ctx.db)).find((d) => d.code === clean.code);
  const doc: ReasonCodeDoc = {
    id: `reason_code:${clean.code}`,
    type: 'reason_code',
    schemaVersion: 0,
    officeId: REFERENCE_OFFICE,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    ...clean,
    active,
  };
  await ctx.db.reference.incrementalUpsert(doc as unknown as AnyDoc);
  return doc;
}
