import { Button, Card, Input, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDoc } from '../../domain/model';
import { mayStartCase } from '../../domain/workflow';
import { useObservable } from '../app/use-observable';
import type { ActiveSession } from '../session/session';
import { CaseDrawer } from './CaseDrawer';
import { watchOfficeCases } from './case-store';
import { NewCaseModal } from './NewCaseModal';
import { formatDateTime } from '../i18n/format';

export function CasesPage({ session }: { session: ActiveSession }) {
  const { t } = useTranslation();
  const cases$ = useMemo(() => watchOfficeCases(session.db, session.user.officeId), [session]);
  const cases = useObservable<CaseDoc[]>(cases$, []);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string>();
  const [query, setQuery] = useState('');
  const shown = query ? cases.filter((c) => c.applicantName.includes(query.trim())) : cases;

  return (
    <Card
      title={t('cases.title')}
      extra={
        <div style={{ display: 'flex', gap: 8 }}>
          <Input.Search allowClear placeholder={t('cases.search')} onChange={(e) => setQuery(e.target.value)} style={{ width: 220 }} />
          {mayStartCase(session.user.roles) && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-case">
              {t('cases.new')}
            </Button>
          )}
        </div>
      }
    >
      <Table<CaseDoc>
        rowKey="id"
        dataSource={shown}
        size="middle"
        data-testid="case-table"
        locale={{ emptyText: t('cases.empty') }}
        onRow={(record) => ({ onClick: () => setOpenId(record.id), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('cases.applicantName'), dataIndex: 'applicantName', render: (v: string) => <span data-testid="case-name">{v}</span> },
          { title: t('cases.businessItem'), dataIndex: 'businessItem', render: (v: string) => t(`items.${v}`) },
          { title: t('cases.status'), dataIndex: 'status', render: (v: string) => <Tag color="blue">{t(`statuses.${v}`)}</Tag> },
          { title: t('cases.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <NewCaseModal open={creating} session={session} onClose={() => setCreating(false)} />
      <CaseDrawer session={session} caseDoc={cases.find((c) => c.id === openId)} onClose={() => setOpenId(undefined)} />
    </Card>
  );
}
