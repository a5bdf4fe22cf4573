// Live reference data for the screens: the reason codes offered in decisions and the holiday
// calendar deadlines count with, each updated when IT edits them (or the edit arrives by sync).
import { useEffect, useMemo, useState } from 'react';
import { calendarEntriesOf, calendarOf, type HolidayCalendar } from '../../domain/deadlines';
import type { HolidayCalendarDoc, ReasonCodeDoc } from '../../domain/model';
import type { ReasonCode } from '../../domain/workflow';
import type { ActiveSession } from '../session/session';
import { reasonCodesOf } from './reference-store';

function useReferenceDocs<T>(session: Pick<ActiveSession, 'db'>, type: 'reason_code' | 'holiday_calendar'): readonly T[] {
  const [docs, setDocs] = useState<readonly T[]>([]);
  useEffect(() => {
    const sub = session.db.reference.find({ selector: { type } }).$.subscribe((found) => setDocs(found.map((d) => d.toJSON() as unknown as T)));
    return () => sub.unsubscribe();
  }, [session, type]);
  return docs;
}

export const useCalendarDocs = (session: Pick<ActiveSession, 'db'>) => useReferenceDocs<HolidayCalendarDoc>(session, 'holiday_calendar');
export const useReasonCodeDocs = (session: Pick<ActiveSession, 'db'>) => useReferenceDocs<ReasonCodeDoc>(session, 'reason_code');

/** The reason codes in force (shipped defaults overlaid by IT's documents, inactive ones left out). */
export function useReasonCodes(session: Pick<ActiveSession, 'db'>): readonly ReasonCode[] {
  const docs = useReasonCodeDocs(session);
  return useMemo(() => reasonCodesOf(docs), [docs]);
}

/** The holiday calendar in force (IT's years over the shipped 2025 and 2026). */
export function useHolidayCalendar(session: Pick<ActiveSession, 'db'>): HolidayCalendar {
  const docs = useCalendarDocs(session);
  return useMemo(() => calendarOf(calendarEntriesOf(docs)), [docs]);
}
