// The reviewers' dashboards (办件统计), from the local database and offline: six charts over the
// cases of the offices the reviewer sees, each with its table, a PNG and an Excel export. Counted
// again when cases or events change (debounced: a sync brings them in batches).
import { Alert, Card, Col, Row, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { debounceTime, merge } from 'rxjs';
import { useReviewOffices } from '../review/use-offices';
import type { ActiveSession } from '../session/session';
import { ChartPanel } from './ChartPanel';
import { loadDashboard, type DashboardLoad } from './dashboard-store';
import { DASHBOARD_NS } from './i18n';
import { dashboardTables } from './tables';

const PERIODS = [4, 12, 26, 52] as const;
const RECOUNT_AFTER_MS = 1500;

export function DashboardPage({ session }: { session: ActiveSession }) {
  const { t, i18n } = useTranslation(DASHBOARD_NS);
  const { t: tc } = useTranslation();
  const offices = useReviewOffices(session);
  const [weeks, setWeeks] = useState<number>(12);
  const [changes, setChanges] = useState(0);
  const [result, setResult] = useState<DashboardLoad>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const sub = merge(session.db.cases.$, session.db.events.$)
      .pipe(debounceTime(RECOUNT_AFTER_MS))
      .subscribe(() => setChanges((n) => n + 1));
    return () => sub.unsubscribe();
  }, [session]);
  useEffect(() => {
    let live = true;
    loadDashboard(session.db, offices.map((o) => o.id), { now: new Date(), weeks }).then(
      (r) => live && (setResult(r), setError(undefined)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [session, offices, weeks, changes]);

  const tables = useMemo(() => {
    if (!result) return [];
    const officeName = (id: string) => offices.find((o) => o.id === id)?.name ?? id;
    return dashboardTables(result.stats, { t, tc, officeName, english: i18n.language === 'en' });
  }, [result, offices, t, tc, i18n.language]);
  const stats = result?.stats;
  const caption = stats ? t('asOf', { today: stats.today, from: stats.window.from, to: stats.window.to }) : '';

  return (
    <Card
      title={<span data-testid="dashboard-title">{tc('nav.dashboard')}</span>}
      extra={
        <Space>
          <span>{t('period')}</span>
          <Select value={weeks} onChange={setWeeks} style={{ width: 120 }} data-testid="dashboard-period" options={PERIODS.map((w) => ({ value: w, label: t('weeks', { count: w }) }))} />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={t('failed', { message: error })} data-testid="dashboard-error" style={{ marginBottom: 12 }} />}
      {!result && !error && <Spin description={t('loading')} data-testid="dashboard-loading" />}
      {result && (
        <Typography.Paragraph type="secondary" data-testid="dashboard-scope">
          {caption};{t('scope', { cases: result.cases, events: result.events })}
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        {tables.map((table) => (
          <Col key={table.id} xs={24} xxl={12}>
            <ChartPanel table={table} caption={caption} fileStem={`${table.title}-${stats!.today}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
