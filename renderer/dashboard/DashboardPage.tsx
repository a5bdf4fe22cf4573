// The reviewers' dashboards (办件统计), from local data and offline. Owned by the dashboard work.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActiveSession } from '../session/session';

export function DashboardPage({ session: _session }: { session: ActiveSession }) {
  const { t } = useTranslation();
  return <Card title={<span data-testid="dashboard-title">{t('nav.dashboard')}</span>} />;
}
