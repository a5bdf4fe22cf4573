// The publicity list (公示) of review-approved cases. Owned by the publicity work.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActiveSession } from '../session/session';

export function PublicityPage({ session: _session }: { session: ActiveSession }) {
  const { t } = useTranslation();
  return <Card title={<span data-testid="publicity-title">{t('nav.publicity')}</span>} />;
}
