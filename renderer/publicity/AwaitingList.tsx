// Review-approved cases waiting for publication: the reviewer ticks them and publishes them for the
// publicity period from today, signed; a case the domain refuses is named with its reason.
import { App, Button, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publicityPayload } from '../../domain/workflow/publicity';
import type { ActiveSession } from '../session/session';
import { PUBLICITY_NS } from './i18n';
import { publicityDaysFor, publish, type PublicityEntry } from './publicity-store';
import { SignModal } from './SignModal';
import { formatDateTime } from '../i18n/format';

export function AwaitingList({ session, awaiting, onChanged }: { session: ActiveSession; awaiting: readonly PublicityEntry[]; onChanged: () => void }) {
  const { t } = useTranslation(PUBLICITY_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [signing, setSigning] = useState(false);
  const ids = selected.filter((id) => awaiting.some((e) => e.case.caseId === id));
  // The period of the first ticked case's item in this district (the catalogue's 公示 stage).
  const first = awaiting.find((e) => e.case.caseId === ids[0]) ?? awaiting[0];
  const days = publicityDaysFor(first?.case.businessItem ?? '', session.user.districtId);
  const period = publicityPayload(new Date().toISOString(), days);
  const nameOf = (id: string) => awaiting.find((e) => e.case.caseId === id)?.case.applicantName ?? id;

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" disabled={ids.length === 0} onClick={() => (ids.length > 0 ? setSigning(true) : void message.info(t('selectFirst')))} data-testid="publicity-publish">
          {t('publish')}
        </Button>
      </Space>
      <Table<PublicityEntry>
        rowKey={(e) => e.case.caseId}
        dataSource={[...awaiting]}
        size="middle"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('noAwaiting') }}
        data-testid="publicity-awaiting-table"
        rowSelection={{ selectedRowKeys: ids, onChange: (keys) => setSelected(keys.map(String)) }}
        columns={[
          { title: t('col.name'), key: 'name', render: (_: unknown, e) => <span data-testid="awaiting-name">{e.case.applicantName}</span> },
          { title: t('col.id'), key: 'id', render: (_: unknown, e) => e.case.idMasked || '—' },
          { title: t('col.item'), key: 'item', render: (_: unknown, e) => tc(`items.${e.case.businessItem}`) },
          { title: t('col.street'), key: 'street', render: (_: unknown, e) => e.case.street },
          { title: t('col.approved'), key: 'approved', render: (_: unknown, e) => (e.state.lastEventAt ? formatDateTime(e.state.lastEventAt) : '—') },
        ]}
      />
      <SignModal
        session={session}
        open={signing}
        title={t('publishTitle', { count: ids.length })}
        hint={t('publishHint', { days, startsOn: period.startsOn, endsOn: period.endsOn })}
        withReason={false}
        onSign={async () => {
          const result = await publish(session.cases, ids);
          for (const r of result.refused) void message.error(t('publishRefused', { name: nameOf(r.caseId), reason: r.reason }));
          if (result.published.length === 0) throw new Error(result.refused[0]?.reason ?? t('selectFirst'));
          return t('published', { count: result.published.length });
        }}
        onClose={(done) => {
          setSigning(false);
          if (done) {
            setSelected([]);
            onChanged();
          }
        }}
      />
    </>
  );
}
