// The publicity (公示) page of the reviewers' workspace: the published lists, one per period, with
// masked IDs, exports (PDF, Excel) and objections; and, for the roles that may publish, the
// review-approved cases waiting for publication.
import { Card, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { debounceTime, merge } from 'rxjs';
import { mayRecord } from '../../domain/workflow';
import { useReviewOffices } from '../review/use-offices';
import type { ActiveSession } from '../session/session';
import { AwaitingList } from './AwaitingList';
import { PUBLICITY_NS } from './i18n';
import { PublicityList } from './PublicityList';
import { readPublicity, type PublicityData } from './publicity-store';

type Tab = 'open' | 'awaiting';
const EMPTY: PublicityData = { awaiting: [], batches: [], states: new Map() };

export function PublicityPage({ session }: { session: ActiveSession }) {
  const { t } = useTranslation(PUBLICITY_NS);
  const { t: tc } = useTranslation();
  const offices = useReviewOffices(session);
  const [tab, setTab] = useState<Tab>('open');
  const [data, setData] = useState<PublicityData>(EMPTY);
  const [changes, setChanges] = useState(0);
  const mayPublish = mayRecord(session.user.roles, 'publicity');

  useEffect(() => {
    // Cases, their events and their people arrive by separate replications: any of them reads again.
    const sub = merge(session.db.cases.$, session.db.events.$, session.db.people.$)
      .pipe(debounceTime(200))
      .subscribe(() => setChanges((n) => n + 1));
    return () => sub.unsubscribe();
  }, [session]);
  useEffect(() => {
    let live = true;
    void readPublicity(session.db, offices).then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, [session, offices, changes]);

  const reload = () => setChanges((n) => n + 1);
  const tabs: Tab[] = mayPublish ? ['open', 'awaiting'] : ['open'];
  return (
    <Card title={<span data-testid="publicity-title">{tc('nav.publicity')}</span>}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        items={tabs.map((k) => ({
          key: k,
          label: (
            <span data-testid={`publicity-tab-${k}`}>
              {t(`tabs.${k}`)} {k === 'awaiting' && data.awaiting.length > 0 ? `(${data.awaiting.length})` : ''}
            </span>
          ),
        }))}
      />
      {tab === 'open' && <PublicityList session={session} batches={data.batches} states={data.states} onChanged={reload} />}
      {tab === 'awaiting' && <AwaitingList session={session} awaiting={data.awaiting} onChanged={reload} />}
    </Card>
  );
}
