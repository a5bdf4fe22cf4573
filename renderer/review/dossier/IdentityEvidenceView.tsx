// Identity evidence pair by pair (card ↔ papers ↔ face ↔ fingerprint): shown at the intake's check
// step before submitting, and in the dossier as the submit event recorded it. A mismatch shows both
// values; a pair not checked says why; a check with a note (a character the recogniser cannot read)
// shows it.
import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IdentityEvidence, PairResult } from '../../../domain/intake/identity-evidence';
import { DOSSIER_NS } from './i18n';

const COLORS: Readonly<Record<PairResult['result'], string>> = { match: 'green', mismatch: 'red', not_checked: 'default' };

export function IdentityEvidenceView({ evidence, note }: { evidence: IdentityEvidence | null; note?: string }) {
  const { t } = useTranslation(DOSSIER_NS);
  return (
    <Card size="small" title={t('identity.title')} data-testid="identity-evidence" extra={note && <Typography.Text type="secondary">{note}</Typography.Text>}>
      {!evidence ? (
        <Typography.Text type="secondary">{t('identity.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={[...evidence.pairs]}
          renderItem={(p) => (
            <List.Item data-testid={`identity-${p.pair}`} data-result={p.result}>
              <Space direction="vertical" size={2}>
                <span>
                  <Tag color={COLORS[p.result]}>{t(`identity.result.${p.result}`)}</Tag>
                  <strong>{t(`identity.pairs.${p.pair}`)}</strong>
                  {p.reason && <Typography.Text type="secondary">:{p.reason}</Typography.Text>}
                </span>
                {p.checks.map((c, i) => (
                  <Typography.Text key={i} type={c.result === 'mismatch' ? 'danger' : undefined} data-testid="identity-check" data-result={c.result}>
                    {c.what}:{t('identity.both', { left: c.left, right: c.right })}({t(`identity.result.${c.result}`)})
                    {c.note && <Typography.Text type="warning" data-testid="identity-check-note">{c.note}</Typography.Text>}
                  </Typography.Text>
                ))}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
