// The reviewers' dashboards (办件统计), from the local database and offline: six charts over the
// cases of the offices the reviewer sees, each with its table, a PNG and an Excel export. Counted on
// the indexes and summed per day beside the database (dashboard-store, facts-view); when cases or
// events change (debounced: a sync brings them in batches) it counts again and only the changed
// cases are read.
import { Alert, Card, Col, Row, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { debounceTime, merge } from 'rxjs';
import { useReviewOffices } from '../review/use-offices';
import type { ActiveSession } from '../session/session';
import { ChartPanel } from './ChartPanel';
import { DashboardCounter, type DashboardLoad } from './dashboard-store';
import { DASHBOARD_NS } from './i18n';
import { dashboardTables } from './tables';

const PERIODS = [4, 12, 26, 52] as const;
const RECOUNT_AFTER_MS = 1500;

export function DashboardPage({ session }: { session: ActiveSession }) {
  const { t, i18n } = useTranslation(DASHBOARD_NS);
  const { t: tc } = useTranslation();
  const offices = useReviewOffices(session);
  const [weeks, setWeeks] = useState<number>(12);
  const [result, setResult] = useState<DashboardLoad>();
  const [error, setError] = useState<string>();
  const counter = useRef<DashboardCounter>(undefined);

  useEffect(() => {
    let live = true;
    const c = new DashboardCounter(session.db, offices.map((o) => o.id));
    counter.current = c;
    const shown = (r: DashboardLoad) => live && counter.current === c && (setResult(r), setError(undefined));
    const failed = (e: unknown) => live && setError(e instanceof Error ? e.message : String(e));
    let queue = c.load({ now: new Date(), weeks }).then(shown, failed);
    // After cases or events change (here, from the server or a batch): count again; the view takes in what changed.
    const sub = merge(session.db.cases.$, session.db.events.$)
      .pipe(debounceTime(RECOUNT_AFTER_MS))
      .subscribe(() => {
        queue = queue.then(() => c.load({ now: new Date(), weeks }).then(shown, failed));
      });
    return () => {
      live = false;
      sub.unsubscribe();
    };
  }, [session, offices, weeks]);

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
