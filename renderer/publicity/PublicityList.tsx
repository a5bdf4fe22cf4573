// One period's publicity list: the period and its phase, the rows with masked IDs, the exports
// (made on the main side: PDF with the Chinese font, Excel) and an objection per row, offered only
// while the domain allows it (role, status, period) and explained otherwise.
import { App, Button, Descriptions, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../domain/workflow';
import { objectionVerdict, publicityPhase, type PublicityBatch, type PublicityRow } from '../../domain/workflow/publicity';
import { getApi } from '../api/client';
import type { ActiveSession } from '../session/session';
import { downloadFile } from './download';
import { PUBLICITY_NS } from './i18n';
import { exportData, mayWaitlist, moveToWaitingList, recordObjection, todayOf } from './publicity-store';
import { SignModal } from './SignModal';

const PHASE_COLOR = { upcoming: 'default', open: 'green', ended: 'orange' } as const;
const keyOf = (b: PublicityBatch) => `${b.window.startsOn}~${b.window.endsOn}`;

export function PublicityList(props: { session: ActiveSession; batches: readonly PublicityBatch[]; states: ReadonlyMap<string, CaseState>; onChanged: () => void }) {
  const { session, batches, states, onChanged } = props;
  const { t } = useTranslation(PUBLICITY_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { user } = session;
  const [selected, setSelected] = useState<string>();
  const [exporting, setExporting] = useState<'pdf' | 'xlsx'>();
  const [objecting, setObjecting] = useState<PublicityRow>();
  const [listing, setListing] = useState(false);
  useEffect(() => {
    if (!batches.some((b) => keyOf(b) === selected)) setSelected(batches[0] ? keyOf(batches[0]) : undefined);
  }, [batches, selected]);

  const batch = batches.find((b) => keyOf(b) === selected) ?? batches[0];
  if (!batch) return <div data-testid="publicity-empty">{t('noList')}</div>;
  const now = new Date();
  const phase = publicityPhase(batch.window, todayOf(now));
  const actor = { userId: user.name, name: user.displayName, roles: user.roles, officeId: user.officeId };
  const period = (b: PublicityBatch) => t('periodValue', { startsOn: b.window.startsOn, endsOn: b.window.endsOn });
  // After the period, the cases with no objection go on to the waiting list (轮候): those of every
  // period that has ended, in one signed step.
  const ready = batches.flatMap((b) => b.rows).filter((r) => {
    const state = states.get(r.caseId);
    return state !== undefined && mayWaitlist(state, actor, now.toISOString());
  });

  const exportAs = async (kind: 'pdf' | 'xlsx') => {
    setExporting(kind);
    try {
      const file = await getApi().invoke(kind === 'pdf' ? 'documents/publicity-pdf' : 'documents/publicity-xlsx', exportData(batch, user.officeName));
      downloadFile(file);
      void message.success(t('exported', { file: file.fileName }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(undefined);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {batches.length > 1 && (
          <Select value={keyOf(batch)} onChange={setSelected} style={{ width: 260 }} data-testid="publicity-period-select" options={batches.map((b) => ({ value: keyOf(b), label: period(b) }))} />
        )}
        <Button onClick={() => void exportAs('pdf')} loading={exporting === 'pdf'} data-testid="publicity-export-pdf">
          {t('exportPdf')}
        </Button>
        <Button onClick={() => void exportAs('xlsx')} loading={exporting === 'xlsx'} data-testid="publicity-export-xlsx">
          {t('exportExcel')}
        </Button>
        {ready.length > 0 && (
          <Button type="primary" onClick={() => setListing(true)} data-testid="publicity-waitlist">
            {t('waitlist', { count: ready.length })}
          </Button>
        )}
      </Space>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('period')}>
          <span data-testid="publicity-period">{period(batch)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={tc('nav.publicity')}>
          <Tag color={PHASE_COLOR[phase]} data-testid="publicity-phase" data-phase={phase}>
            {t(`phase.${phase}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('col.name')}>{t('count', { count: batch.rows.length })}</Descriptions.Item>
      </Descriptions>
      <Table<PublicityRow>
        rowKey="caseId"
        dataSource={[...batch.rows]}
        size="middle"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="publicity-table"
        columns={[
          { title: t('col.name'), dataIndex: 'applicantName', render: (v: string) => <span data-testid="publicity-name">{v}</span> },
          { title: t('col.id'), dataIndex: 'idMasked', render: (v: string) => <span data-testid="publicity-id">{v || '—'}</span> },
          { title: t('col.item'), dataIndex: 'businessItem', render: (v: string) => tc(`items.${v}`) },
          { title: t('col.street'), dataIndex: 'street' },
          { title: t('col.size'), dataIndex: 'householdSize', render: (v: number | null) => v ?? '—' },
          {
            title: t('col.actions'),
            key: 'actions',
            render: (_: unknown, r: PublicityRow) => {
              const state = states.get(r.caseId);
              const verdict = state ? objectionVerdict(state, actor, now.toISOString()) : { ok: false as const, reason: '' };
              return (
                <Tooltip title={verdict.ok ? undefined : verdict.reason}>
                  <Button size="small" danger disabled={!verdict.ok} onClick={() => setObjecting(r)} data-testid="publicity-object">
                    {t('object')}
                  </Button>
                </Tooltip>
              );
            },
          },
        ]}
      />
      <SignModal
        session={session}
        open={!!objecting}
        title={objecting ? t('objectTitle', { name: objecting.applicantName }) : ''}
        hint={t('objectHint')}
        withReason
        onSign={async (reason) => {
          await recordObjection(session.cases, objecting!.caseId, reason);
          return t('objected');
        }}
        onClose={(done) => {
          setObjecting(undefined);
          if (done) onChanged();
        }}
      />
      <SignModal
        session={session}
        open={listing}
        title={t('waitlistTitle', { count: ready.length })}
        hint={t('waitlistHint')}
        withReason={false}
        onSign={async () => {
          const r = await moveToWaitingList(session.cases, ready.map((x) => x.caseId));
          if (r.listed.length === 0) throw new Error(r.refused[0]?.reason ?? t('waitlistNone'));
          const nos = r.listed.map((x) => x.queueNo);
          const done = t('waitlisted', { count: r.listed.length, from: Math.min(...nos), to: Math.max(...nos) });
          return r.refused.length > 0 ? `${done}${t('waitlistRefused', { count: r.refused.length, reason: r.refused[0]!.reason })}` : done;
        }}
        onClose={(done) => {
          setListing(false);
          if (done) onChanged();
        }}
      />
    </>
  );
}
