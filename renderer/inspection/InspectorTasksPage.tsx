// The inspector's landing page: the tasks of the laptop's task package (refreshed while online),
// each opening the visit; works offline with whatever package the laptop holds.
import { Button, Card, Drawer, Empty, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionDoc, InspectionTaskDoc } from '../../domain/model/field';
import { FINDING_LABELS } from '../../domain/model/field';
import type { ActiveSession } from '../session/session';
import { startTaskPackage, type TaskPackageState } from '../sync/task-package';
import { INSPECTION_NS } from './i18n';
import { tasksOf, visitsOf } from './inspection-store';
import { PrintButtons } from './PrintButtons';
import { VisitForm } from './VisitForm';

export function InspectorTasksPage({ session }: { session: ActiveSession }) {
  const { t } = useTranslation(INSPECTION_NS);
  const [tasks, setTasks] = useState<InspectionTaskDoc[]>([]);
  const [visits, setVisits] = useState<Map<string, InspectionDoc>>(new Map());
  const [pkg, setPkg] = useState<TaskPackageState | null>(null);
  const [pkgRefresh, setPkgRefresh] = useState<() => Promise<void>>();
  const [open, setOpen] = useState<string | null>(null);
  const ctx = session.cases;

  const reload = useCallback(async () => {
    const list = await tasksOf(session.db, session.user.name);
    setTasks(list);
    setVisits(await visitsOf(session.db, list.map((x) => x.id)));
  }, [session]);

  useEffect(() => {
    // The package comes with the server's password: the session's own fetch carries it.
    const p = startTaskPackage({ db: session.db, couchUrl: session.couchUrl, fetch: session.remoteFetch, me: session.user.name, officeId: session.user.officeId });
    const sub = p.state$.subscribe((s) => {
      setPkg(s);
      if (!s.refreshing) void reload();
    });
    setPkgRefresh(() => p.refresh);
    void reload();
    return () => {
      sub.unsubscribe();
      p.stop();
    };
  }, [session, reload]);

  return (
    <Card
      title={t('tasksTitle')}
      extra={
        <Space>
          {pkg?.last && <Typography.Text type="secondary" data-testid="package-status">{t('package', { tasks: pkg.last.tasks, persons: pkg.last.persons, at: pkg.last.at.slice(11, 19) })}</Typography.Text>}
          <Button size="small" loading={pkg?.refreshing} onClick={() => void pkgRefresh?.()} data-testid="package-refresh">
            {t('refresh')}
          </Button>
        </Space>
      }
    >
      {pkg?.error && <Typography.Text type="warning" data-testid="package-error">{t('packageError', { error: pkg.error })}</Typography.Text>}
      {tasks.length === 0 ? (
        <Empty description={<span data-testid="tasks-empty">{t('noTasks')}</span>} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          dataSource={tasks}
          pagination={{ pageSize: 20 }}
          data-testid="task-table"
          onRow={(r) => ({ 'data-testid': `task-row-${r.leaseId}` }) as never}
          columns={[
            { title: t('col.due'), dataIndex: 'dueDate' },
            { title: t('col.estate'), dataIndex: 'projectName' },
            { title: t('col.reason'), render: (_, r) => t(`reason.${r.reason}`) },
            { title: t('col.flags'), render: (_, r) => r.riskFlags.map((f) => <Tag key={f} color="orange">{t(`flag.${f}`)}</Tag>) },
            {
              title: t('col.state'),
              render: (_, r) => {
                const done = visits.get(r.id);
                if (!done) return <Tag>{t('open')}</Tag>;
                return (
                  <Space direction="vertical" size={0} data-testid="task-done">
                    <Tag color={done.outcome === 'violation' ? 'red' : done.outcome === 'ok' ? 'green' : 'default'}>{t(`done.${done.outcome}`)}</Tag>
                    {done.findings.map((f) => <Typography.Text key={f.kind} type="danger">{FINDING_LABELS[f.kind]}</Typography.Text>)}
                    <PrintButtons ctx={ctx} visit={done} />
                  </Space>
                );
              },
            },
            { title: t('col.actions'), render: (_, r) => <Button size="small" type="link" onClick={() => setOpen(r.id)} data-testid="task-start">{t('start')}</Button> },
          ]}
        />
      )}
      <Drawer open={open !== null} width={760} onClose={() => setOpen(null)} title={t('start')} destroyOnHidden>
        {open && (
          <VisitForm
            ctx={ctx}
            taskId={open}
            onSaved={() => {
              setOpen(null);
              void reload();
            }}
          />
        )}
      </Drawer>
    </Card>
  );
}
