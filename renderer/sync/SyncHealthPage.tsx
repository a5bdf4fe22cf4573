// IT view of sync: this workstation's state per collection, every workstation of the office (from
// their sync_health documents), problems with reasons, conflicts where a person chooses the value
// to keep, file uploads, and "sync now". Texts: zh-CN first, English second (SYNC_TEXT).
import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useObservable } from '../app/use-observable';
import type { WorkstationDb } from '../db/database';
import type { CollectionName } from '../../domain/model';
import type { SyncProblem } from './couch-replication';
import { readOfficeHealth, type HealthDoc } from './health';
import type { RemoteDb } from './remote';
import type { Sync, SyncStatus, TargetHealth } from './sync';

export const SYNC_TEXT = {
  'zh-CN': { title: '同步状态', now: '立即同步', office: '本办事处各工作站', problems: '问题与冲突', files: '文件上传', use: '改用此值', collection: '集合', database: '数据库', last: '最近成功', error: '错误', ws: '工作站', state: '状态', reason: '原因', none: '无' },
  en: { title: 'Sync health', now: 'Sync now', office: 'Workstations of this office', problems: 'Problems and conflicts', files: 'File uploads', use: 'Use this value', collection: 'Collection', database: 'Database', last: 'Last success', error: 'Error', ws: 'Workstation', state: 'State', reason: 'Reason', none: 'none' },
} as const;

export interface SyncHealthPageProps {
  readonly sync: Sync;
  readonly db: WorkstationDb;
  readonly couchUrl: string;
  readonly fetch: RemoteDb['fetch'];
  readonly officeId: string;
}

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function SyncHealthPage({ sync, db, couchUrl, fetch, officeId }: SyncHealthPageProps) {
  const { i18n } = useTranslation();
  const tx = SYNC_TEXT[i18n.language === 'en' ? 'en' : 'zh-CN'];
  const status = useObservable<SyncStatus>(sync.status$, sync.status$.value);
  const targets = useObservable<readonly TargetHealth[]>(sync.targets$, sync.targets$.value);
  const files = useObservable(sync.blobs?.progress$, sync.blobs?.progress$.value);
  const [office, setOffice] = useState<HealthDoc[]>([]);
  const [officeError, setOfficeError] = useState<string | null>(null);
  useEffect(() => {
    readOfficeHealth(couchUrl, fetch, officeId).then(setOffice, (e: Error) => setOfficeError(e.message));
  }, [couchUrl, fetch, officeId, status.lastSuccessAt]);

  const choose = async (p: Extract<SyncProblem, { kind: 'conflict' }>) => {
    const doc = await db.collections[p.collection as CollectionName].findOne(p.id).exec();
    await doc?.incrementalPatch({ [p.field]: p.lost, updatedAt: new Date().toISOString() });
  };

  return (
    <Space direction="vertical" style={{ width: '100%', padding: 24 }} data-testid="sync-health">
      <Card title={tx.title} extra={<Button type="primary" onClick={() => sync.syncNow()}>{tx.now}</Button>}>
        <Space>
          <Tag data-testid="sync-health-state">{status.state}</Tag>
          <span>{tx.last}: {time(status.lastSuccessAt)}</span>
          {status.error && <Alert type="error" message={status.error} />}
        </Space>
        <Table<TargetHealth>
          size="small"
          rowKey={(t) => `${t.database}/${t.collection}`}
          dataSource={[...targets]}
          pagination={false}
          columns={[
            { title: tx.collection, dataIndex: 'collection' },
            { title: tx.database, dataIndex: 'database' },
            { title: tx.last, render: (_, t) => time(t.lastSuccessAt) },
            { title: tx.error, render: (_, t) => t.error ?? tx.none },
          ]}
        />
        {files && <p>{tx.files}: {files.docsDone}/{files.docsTotal} · {(files.bytesDone / 1e6).toFixed(1)}/{(files.bytesTotal / 1e6).toFixed(1)} MB {files.error ?? ''}</p>}
      </Card>
      <Card title={tx.office}>
        {officeError && <Alert type="warning" message={officeError} />}
        <Table<HealthDoc>
          size="small"
          rowKey="_id"
          dataSource={office}
          pagination={false}
          columns={[
            { title: tx.ws, dataIndex: 'workstationId' },
            { title: tx.state, dataIndex: 'state' },
            { title: tx.last, render: (_, d) => time(d.lastSuccessAt) },
            { title: tx.error, render: (_, d) => d.error ?? `${d.problemCount} / ${d.pendingFiles}` },
          ]}
        />
      </Card>
      <Card title={tx.problems}>
        <Table<SyncProblem>
          size="small"
          rowKey={(p, i) => `${p.id}-${p.kind}-${i}`}
          dataSource={[...status.problems]}
          columns={[
            { title: tx.state, dataIndex: 'kind' },
            { title: 'ID', dataIndex: 'id' },
            { title: tx.reason, dataIndex: 'reason' },
            {
              title: '',
              render: (_, p) => (p.kind === 'conflict' ? <Button size="small" onClick={() => void choose(p)}>{tx.use}: {String(p.lost)}</Button> : null),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
