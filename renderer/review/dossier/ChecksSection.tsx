// The checks behind a case in the dossier: eligibility rules with their reasons, duplicate-benefit
// hits with a link to the other case, the face comparison and the fingerprint record; first the
// identity evidence the intake recorded (card ↔ papers ↔ face ↔ fingerprint).
import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ruleTitle, type Outcome } from '../../../domain/rules';
import type { Checks } from './checks';
import { DOSSIER_NS } from './i18n';
import { IdentityEvidenceView } from './IdentityEvidenceView';
import { formatDateTime } from '../../i18n/format';

const COLORS: Readonly<Record<Outcome, string>> = { pass: 'green', fail: 'red', needs_review: 'orange' };

export function ChecksSection({ checks, onOpenCase }: { checks: Checks; onOpenCase: (caseId: string) => void }) {
  const { t, i18n } = useTranslation(DOSSIER_NS);
  const { rules, duplicates, face, fingerprint, identity } = checks;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="dossier-checks">
      <IdentityEvidenceView evidence={identity} note={identity ? t('identity.recordedAt') : undefined} />
      <Typography.Title level={5}>{t('checks.rules')}</Typography.Title>
      {rules ? (
        <>
          <Typography.Text type="secondary">{t('checks.rulesNote')}</Typography.Text>
          <List
            size="small"
            dataSource={[...rules.results]}
            renderItem={(r) => (
              <List.Item data-testid="dossier-rule" data-outcome={r.outcome}>
                <span>
                  <Tag color={COLORS[r.outcome]}>{t(`checks.outcome.${r.outcome}`)}</Tag>
                  {ruleTitle(r.rule, i18n.language)}:{i18n.language.startsWith('en') && r.reasonEn ? r.reasonEn : <span lang="zh">{r.reason}</span>}
                </span>
              </List.Item>
            )}
          />
        </>
      ) : (
        <Typography.Text type="secondary">{t('checks.noRules')}</Typography.Text>
      )}

      <Typography.Title level={5}>{t('checks.duplicates')}</Typography.Title>
      {duplicates.map((d) =>
        d.hits.length === 0 ? (
          <Typography.Text key={d.personId} type="secondary">
            {t('checks.noDuplicates', { name: d.name })}
          </Typography.Text>
        ) : (
          d.hits.map((h) => (
            <Alert
              key={`${d.personId}-${h.caseId}`}
              type="error"
              showIcon
              data-testid="dossier-duplicate"
              title={`${d.name}:${h.message}`}
              action={
                <Button size="small" onClick={() => onOpenCase(h.caseId)} data-testid="dossier-open-other">
                  {t('checks.openCase')}
                </Button>
              }
            />
          ))
        ),
      )}

      <Typography.Title level={5}>{t('checks.face')}</Typography.Title>
      {!face ? (
        <Typography.Text type="secondary">{t('checks.noFace')}</Typography.Text>
      ) : face.earlier.length === 0 ? (
        <Typography.Text data-testid="dossier-face">{t('checks.faceNone', { at: formatDateTime(face.capturedAt) })}</Typography.Text>
      ) : (
        face.earlier.map((f) => (
          <Alert
            key={f.caseId + f.capturedAt}
            type={f.match ? 'success' : 'warning'}
            data-testid="dossier-face"
            title={t('checks.faceRow', { at: formatDateTime(f.capturedAt), caseId: f.caseId, distance: f.distance.toFixed(2), result: f.match ? t('checks.same') : t('checks.different') })}
          />
        ))
      )}

      <Typography.Title level={5}>{t('checks.fingerprint')}</Typography.Title>
      <Typography.Text data-testid="dossier-fingerprint">
        {!fingerprint ? t('checks.noFingerprint') : fingerprint.purged ? t('checks.purged') : t('checks.fingerprintRow', { module: fingerprint.module, quality: fingerprint.quality ?? '—' })}
      </Typography.Text>
    </Space>
  );
}
