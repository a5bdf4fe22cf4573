// The catalogue versions this workstation knows: the one new cases start under, later ones waiting
// for their day, earlier ones kept for the cases that started under them, and any document from
// the centre that was refused, with the reason (renderer/reference/catalogues.ts).
import { Card, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../domain/workflow/payloads';
import type { ActiveSession } from '../session/session';
import { followCatalogues, type CatalogueState, type CatalogueVersionRow } from './catalogues';
import { REFERENCE_NS } from './i18n';

const COLOURS: Record<CatalogueState, string> = { in_force: 'green', later: 'blue', earlier: 'default', refused: 'red' };

export function CataloguesSection({ session }: { session: Pick<ActiveSession, 'db'> }) {
  const { t, i18n } = useTranslation(REFERENCE_NS);
  const [rows, setRows] = useState<CatalogueVersionRow[]>([]);
  // The session follows the catalogues already; following here too only hears the listing.
  useEffect(() => followCatalogues(session.db, () => localDate(new Date().toISOString()), setRows), [session]);
  const en = i18n.language === 'en';
  return (
    <Card title={t('catalogues')} data-testid="reference-catalogues">
      <Typography.Paragraph type="secondary">{t('cataloguesHint')}</Typography.Paragraph>
      <Table<CatalogueVersionRow>
        size="small"
        pagination={false}
        rowKey={(r) => `${r.version}:${r.state}`}
        dataSource={rows}
        columns={[
          { title: t('version'), dataIndex: 'version', render: (v: string, r) => `${v}${r.shipped ? ` ${t('shippedVersion')}` : ''}` },
          { title: t('effectiveFrom'), dataIndex: 'effectiveFrom' },
          { title: t('items'), dataIndex: 'items', render: (n: number, r) => (r.state === 'refused' ? '' : n) },
          { title: t('active'), dataIndex: 'state', render: (s: CatalogueState) => <Tag color={COLOURS[s]} data-testid={`catalogue-state-${s}`}>{t(`catalogueStates.${s}`)}</Tag> },
          { title: t('reason'), key: 'reason', render: (_: unknown, r) => (en ? r.reasonEn : r.reason) ?? '' },
        ]}
      />
    </Card>
  );
}
