// The offices whose cases a reviewer's queue covers: for a district reviewer every office database
// the workstation replicates cases from (each street of the district), named from the office
// reference documents where present; for anyone else their own office.
import { useEffect, useState } from 'react';
import { combineLatest } from 'rxjs';
import type { ActiveSession } from '../session/session';

export interface QueueOffice {
  readonly id: string;
  readonly name: string;
}

const OFFICE_DB = /^hws-office-(.+)$/;

export function useReviewOffices(session: ActiveSession): readonly QueueOffice[] {
  const { user } = session;
  const [offices, setOffices] = useState<readonly QueueOffice[]>([{ id: user.officeId, name: user.officeName }]);
  useEffect(() => {
    if (!user.roles.includes('district_reviewer')) return undefined;
    const names$ = session.db.reference.find({ selector: { type: 'office' } }).$;
    const sub = combineLatest([session.sync.targets$, names$]).subscribe(([targets, docs]) => {
      const names = new Map(docs.map((d) => d.toJSON() as Record<string, unknown>).map((d) => [String(d.officeId), String(d.name ?? d.officeId)]));
      const ids = [...new Set(targets.filter((t) => t.collection === 'cases').map((t) => OFFICE_DB.exec(t.database)?.[1]).filter((id): id is string => !!id))];
      const list = ids.filter((id) => id !== user.officeId).map((id) => ({ id, name: names.get(id) ?? id }));
      setOffices(list.length > 0 ? list : [{ id: user.officeId, name: user.officeName }]);
    });
    return () => sub.unsubscribe();
  }, [session, user]);
  return offices;
}
