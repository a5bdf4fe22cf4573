// IT's page for the reference data it maintains: the holiday calendar, the reason codes and the
// deficiencies of field inspections; and the catalogue versions the centre published, read only.
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeficiencySection } from '../inspection/DeficiencySection';
import type { ActiveSession } from '../session/session';
import { CalendarSection } from './CalendarSection';
import { CataloguesSection } from './CataloguesSection';
import { REFERENCE_NS } from './i18n';
import { ReasonCodesSection } from './ReasonCodesSection';
import { mayEditReference } from './reference-store';

export function ReferencePage({ session }: { session: ActiveSession }) {
  const { t } = useTranslation(REFERENCE_NS);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="reference-page">
      {!mayEditReference(session.user) && <Alert type="info" showIcon title={t('readOnly')} />}
      <CalendarSection session={session} />
      <ReasonCodesSection session={session} />
      <DeficiencySection session={session} />
      <CataloguesSection session={session} />
    </Space>
  );
}
