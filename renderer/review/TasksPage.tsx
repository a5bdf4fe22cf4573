// The inspector's landing page: home inspections arrive in a later release, and it says so.
import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { REVIEW_NS } from './i18n';

export function TasksPage() {
  const { t } = useTranslation(REVIEW_NS);
  return (
    <Card title={t('tasksTitle')}>
      <Empty description={<span data-testid="tasks-empty">{t('tasksEmpty')}</span>} />
    </Card>
  );
}
