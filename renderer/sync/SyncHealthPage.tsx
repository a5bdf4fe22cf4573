// IT view of sync: this workstation's state per collection (with documents not yet uploaded),
// every workstation of the office (from their sync_health documents), problems with reasons,
// conflicts where a person keeps the merged value or uses the other one, file uploads, and
// "sync now". Texts: the sync-health i18n namespace (./i18n.ts).
import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { summarizeValue, type ConflictRecord } from '../../domain/sync/conflicts';
import { useObservable } from '../app/use-observable';
import type { AuditContext } from '../audit/audit-log';
import type { SyncProblem } from './couch-replication';
import { readOfficeHealth, type HealthDoc } from './health';
import { formatDateTime } from '../i18n/format';
import { SYNC_NS, hasSyncLabel as i18nHas } from './i18n';
import type { RemoteDb } from './remote';
import type { Sync, SyncStatus, TargetHealth } from './sync';
import { getApi } from '../api/client';
import { BatchPanel, type BatchExportSource } from './batch-panel';

export interface SyncHealthPageProps {
  readonly sync: Sync;
  readonly couchUrl: string;
  readonly fetch: RemoteDb['fetch'];
  readonly officeId: string;
  /** Who decides conflicts, for the audit trail. */
  readonly audit?: AuditContext;
  /** IT: batches by removable media (export here; import where this host is the centre's). */
  readonly batches?: BatchExportSource;
}

const time = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

export function SyncHealthPage({ sync, couchUrl, fetch, officeId, audit, batches }: SyncHealthPageProps) {
  const { t } = useTranslation(SYNC_NS);
  const { t: tApp } = useTranslation();
  const state = (x: string) => tApp(`sync.${x}`, { defaultValue: x });
  const collection = (x: string) => t(`collections.${x}`, { defaultValue: x });
  // Record ids, database names and unnamed fields are identifiers: shown as they are, never translated.
  const id = (x: string) => <code translate="no">{x}</code>;
  const field = (x: string) => (i18nHas(`fields.${x}`) ? t(`fields.${x}`) : id(x));
  const status = useObservable<SyncStatus>(sync.status$, sync.status$.value);
  const targets = useObservable<readonly TargetHealth[]>(sync.targets$, sync.targets$.value);
  const files = useObservable(sync.blobs?.progress$, sync.blobs?.progress$.value);
  const conflicts = useObservable<readonly ConflictRecord[]>(sync.conflicts.conflicts$, sync.conflicts.conflicts$.value);
  const [office, setOffice] = useState<HealthDoc[]>([]);
  const [officeError, setOfficeError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  useEffect(() => {
    readOfficeHealth(couchUrl, fetch, officeId).then(setOffice, (e: Error) => setOfficeError(e.message));
  }, [couchUrl, fetch, officeId, status.lastSuccessAt]);

  const decide = (action: () => Promise<void>) => {
    setActionError(null);
    action().catch((e: Error) => setActionError(e.message));
  };
  const pending = (p: number | null | undefined) => (p === null ? t('pendingUnknown') : String(p ?? '—'));
  const byCollection = (d: HealthDoc) =>
    d.targets
      .filter((x) => (x.pending ?? 0) > 0)
      .map((x) => `${collection(x.collection)} ${x.pending}`)
      .join(' · ') || '0';
  const value = (field: string, v: unknown) => {
    const s = summarizeValue(field, v);
    return s.kind === 'sealed' ? <Tag>{t('sealed')}</Tag> : s.kind === 'empty' ? t('empty') : s.text;
  };
  const open = conflicts.filter((c) => c.resolution === null);
  const problems = status.problems.filter((p) => p.kind !== 'conflict');

  return (
    <Space direction="vertical" style={{ width: '100%', padding: 24 }} data-testid="sync-health">
      <Card title={t('title')} extra={<Button type="primary" onClick={() => sync.syncNow()}>{t('now')}</Button>}>
        <Space>
          <Tag data-testid="sync-health-state" data-state={status.state}>{state(status.state)}</Tag>
          <span>{t('last')}: {time(status.lastSuccessAt)}</span>
          {status.error && <Alert type="error" message={status.error} />}
        </Space>
        <Table<TargetHealth>
          size="small"
          rowKey={(x) => `${x.database}/${x.collection}`}
          dataSource={[...targets]}
          pagination={false}
          columns={[
            { title: t('collection'), render: (_, x) => collection(x.collection) },
            { title: t('database'), render: (_, x) => id(x.database) },
            { title: t('pending'), render: (_, x) => <span data-testid={`sync-pending-${x.collection}`}>{pending(x.pending)}</span> },
            { title: t('last'), render: (_, x) => time(x.lastSuccessAt) },
            { title: t('error'), render: (_, x) => x.error ?? t('none') },
          ]}
        />
        {files && <p>{t('files')}: {files.docsDone}/{files.docsTotal} · {(files.bytesDone / 1e6).toFixed(1)}/{(files.bytesTotal / 1e6).toFixed(1)} MB {files.error ?? ''}</p>}
      </Card>
      <Card title={t('office')}>
        {officeError && <Alert type="warning" message={officeError} />}
        <Table<HealthDoc>
          size="small"
          rowKey="_id"
          dataSource={office}
          pagination={false}
          columns={[
            { title: t('ws'), dataIndex: 'workstationId' },
            { title: t('state'), render: (_, d) => state(d.state) },
            { title: t('last'), render: (_, d) => time(d.lastSuccessAt) },
            { title: t('pending'), render: (_, d) => byCollection(d) },
            { title: t('openConflicts'), render: (_, d) => d.openConflicts ?? '—' },
            { title: t('error'), render: (_, d) => d.error ?? `${d.problemCount} / ${d.pendingFiles}` },
          ]}
        />
      </Card>
      <Card title={t('conflicts')} data-testid="sync-conflicts">
        <p>{t('conflictsHelp')}</p>
        {actionError && <Alert type="error" message={actionError} />}
        <Table<ConflictRecord>
          size="small"
          rowKey="key"
          dataSource={open}
          locale={{ emptyText: t('noConflicts') }}
          columns={[
            { title: t('collection'), render: (_, c) => collection(c.collection) },
            { title: t('document'), render: (_, c) => id(c.docId) },
            { title: t('field'), render: (_, c) => field(c.field) },
            { title: t('kept'), render: (_, c) => value(c.field, c.kept) },
            { title: t('lost'), render: (_, c) => value(c.field, c.lost) },
            { title: t('found'), render: (_, c) => time(c.at) },
            {
              title: '',
              render: (_, c) => (
                <Space>
                  <Button size="small" data-testid="conflict-keep" onClick={() => decide(() => sync.conflicts.keep(c.key, audit))}>{t('keep')}</Button>
                  <Button size="small" data-testid="conflict-use-other" onClick={() => decide(() => sync.conflicts.useOther(c.key, audit))}>{t('useOther')}</Button>
                </Space>
              ),
            },
          ]}
        />
        {conflicts.length > open.length && <p>{t('resolved', { count: conflicts.length - open.length })}</p>}
      </Card>
      <Card title={t('problems')}>
        <Table<SyncProblem>
          size="small"
          rowKey={(p, i) => `${p.id}-${p.kind}-${i}`}
          dataSource={problems}
          columns={[
            { title: t('kind'), render: (_, p) => t(`kinds.${p.kind}`) },
            { title: 'ID', render: (_, p) => id(p.id) },
            { title: t('reason'), dataIndex: 'reason' },
          ]}
        />
      </Card>
      {batches && <BatchPanel api={getApi()} source={batches} username={batches.exporter.name} />}
    </Space>
  );
}
