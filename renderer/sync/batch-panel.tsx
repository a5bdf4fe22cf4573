// IT batches on the sync page: export this workstation's pending work to a folder (a removable
// drive) or as a download, with a progress bar; on the centre's workstation, import a batch file
// and show what happened to each record. The checks themselves run on the host
// (main/handlers/batches.ts → domain/sync/batch-import.ts); this page only explains the result.
import { Alert, AutoComplete, Button, Card, Input, Progress, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Signer } from '../../domain/crypto/signing';
import type { BatchImportResult, BatchTargets } from '../../domain/ipc/batches';
import type { CollectionName } from '../../domain/model';
import type { Api } from '../api/client';
import type { WorkstationDb } from '../db/database';
import type { BlobStore } from './blob-store';
import { exportFromWorkstation } from './batch-export';
import { BATCH_NS } from './batch-i18n';
import { batchFileName, downloadBatch, stageBatch } from './batch-transfer';

/** What an export of this workstation needs (the signed-in IT user's session). */
export interface BatchExportSource {
  readonly db: WorkstationDb;
  readonly collections: readonly CollectionName[];
  readonly officeId: string;
  readonly officeKey: string;
  readonly deviceId: string;
  readonly blobs?: BlobStore;
  readonly exporter: { readonly name: string; readonly signer: Signer };
  readonly masterStates: (collection: CollectionName, ids: readonly string[]) => Promise<Record<string, Record<string, unknown> | undefined>>;
}

interface Bar {
  readonly percent: number;
  readonly label: string;
}
const pct = (from: number, span: number, done: number, total: number) => Math.round(from + (total === 0 ? span : (span * done) / total));

export function BatchPanel({ api, source, username }: { api: Api; source: BatchExportSource; username: string }) {
  const { t } = useTranslation(BATCH_NS);
  const [targets, setTargets] = useState<BatchTargets | null>(null);
  const [folder, setFolder] = useState('');
  const [bar, setBar] = useState<Bar | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.invoke('batches/targets', undefined).then((x) => {
      setTargets(x);
      setFolder((f) => f || (x.targets.find((d) => d.removable) ?? x.targets[0])?.path || '');
    }, (e: Error) => setError(e.message));
  }, [api]);

  const run = async (to: 'folder' | 'download') => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setBar({ percent: 0, label: t('collecting') });
      const { file, docCount } = await exportFromWorkstation({
        ...source, since: null, onlyPending: true, progress: (d, n) => setBar({ percent: pct(0, 70, d, n), label: t('collecting') }),
      });
      if (docCount === 0) {
        setBar({ percent: 100, label: t('nothing') });
        setDone(t('nothing'));
        return;
      }
      const name = batchFileName(source.officeId);
      if (to === 'download') {
        downloadBatch(file, name);
        setBar({ percent: 100, label: t('downloaded', { count: docCount }) });
        setDone(t('downloaded', { count: docCount }));
        return;
      }
      setBar({ percent: 70, label: t('writing') });
      const transferId = await stageBatch(api, file, (d, n) => setBar({ percent: pct(70, 28, d, n), label: t('writing') }));
      const saved = await api.invoke('batches/save', { transferId, folder: folder.trim(), fileName: name });
      setBar({ percent: 100, label: t('exported', { count: docCount, path: saved.path }) });
      setDone(t('exported', { count: docCount, path: saved.path }));
    } catch (e) {
      setBar(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Card title={t('exportTitle')} data-testid="batch-export-card">
        <p>{t('exportHelp')}</p>
        <Space wrap>
          <span>{t('folder')}</span>
          <AutoComplete
            style={{ width: 420 }}
            value={folder}
            onChange={setFolder}
            placeholder={t('folderPlaceholder')}
            options={(targets?.targets ?? []).map((d) => ({ value: d.path, label: <span>{d.removable && <Tag color="blue">{t('removable')}</Tag>}<code translate="no">{d.path}</code></span> }))}
          >
            <Input data-testid="batch-folder" />
          </AutoComplete>
          <Button type="primary" loading={busy} disabled={!folder.trim()} onClick={() => void run('folder')} data-testid="batch-export">{t('exportButton')}</Button>
          <Button disabled={busy} onClick={() => void run('download')} data-testid="batch-download">{t('download')}</Button>
        </Space>
        {bar && <Progress percent={bar.percent} status={busy ? 'active' : 'normal'} format={(p) => `${p}%`} data-testid="batch-export-progress" data-percent={bar.percent} />}
        {bar && <div style={{ color: '#666' }}>{bar.label}</div>}
        {done && <Alert type="success" showIcon message={done} data-testid="batch-export-result" />}
        {error && <Alert type="error" showIcon message={error} data-testid="batch-export-error" />}
      </Card>
      {targets?.centre && <BatchImportCard api={api} username={username} />}
    </>
  );
}

function BatchImportCard({ api, username }: { api: Api; username: string }) {
  const { t } = useTranslation(BATCH_NS);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [bar, setBar] = useState<Bar | null>(null);
  const [report, setReport] = useState<BatchImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!file) return setError(t('chooseFile'));
    setBusy(true);
    setError(null);
    setReport(null);
    let stop = () => {};
    try {
      setBar({ percent: 0, label: t('uploading') });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const transferId = await stageBatch(api, bytes, (d, n) => setBar({ percent: pct(0, 20, d, n), label: t('uploading') }));
      stop = api.on('batches/progress', (p) => p.transferId === transferId && setBar({ percent: pct(20, 80, p.done, p.total), label: t('deciding') }));
      const result = await api.invoke('batches/import', { transferId, username, password });
      setBar({ percent: 100, label: t('summary', summaryOf(result)) });
      setReport(result);
    } catch (e) {
      setBar(null);
      setError((e as Error).message);
    } finally {
      stop();
      setPassword('');
      setBusy(false);
    }
  };
  const rows = report
    ? [
        ...report.refused.map((r) => ({ id: r.id, outcome: 'refused' as const, reason: r.reason })),
        ...report.writtenIds.map((id) => ({ id, outcome: 'written' as const, reason: '' })),
        ...report.skippedIds.map((id) => ({ id, outcome: 'skipped' as const, reason: '' })),
      ]
    : [];
  const color = { refused: 'red', written: 'green', skipped: 'default' } as const;

  return (
    <Card title={t('importTitle')} data-testid="batch-import-card">
      <p>{t('importHelp')}</p>
      <Space wrap>
        <span>{t('file')}</span>
        <input type="file" accept=".hwsbatch" data-testid="batch-import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Input.Password style={{ width: 220 }} placeholder={t('password')} value={password} onChange={(e) => setPassword(e.target.value)} data-testid="batch-import-password" />
        <Button type="primary" loading={busy} disabled={!file || !password} onClick={() => void run()} data-testid="batch-import">{t('importButton')}</Button>
      </Space>
      {bar && <Progress percent={bar.percent} status={busy ? 'active' : 'normal'} data-testid="batch-import-progress" />}
      {error && <Alert type="error" showIcon message={error} data-testid="batch-import-error" />}
      {report && (
        <>
          <Alert type={report.refused.length > 0 ? 'warning' : 'success'} showIcon message={t('summary', summaryOf(report))} data-testid="batch-import-summary" />
          <Table
            size="small"
            rowKey={(r) => `${r.outcome}:${r.id}`}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('document'), render: (_, r) => <code translate="no">{r.id}</code> },
              { title: t('outcome'), render: (_, r) => <Tag color={color[r.outcome]} data-testid="batch-report-outcome" data-outcome={r.outcome}>{t(r.outcome)}</Tag> },
              { title: t('reason'), dataIndex: 'reason' },
            ]}
          />
        </>
      )}
    </Card>
  );
}

const summaryOf = (r: BatchImportResult) => ({ officeId: r.officeId, exporter: r.exporter, total: r.total, written: r.written, skipped: r.skipped, refused: r.refused.length });
