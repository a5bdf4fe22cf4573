import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeDraft } from '../../../domain/intake/draft';
import { getApi } from '../../api/client';

interface Props {
  draft: IntakeDraft;
  update: (change: (d: IntakeDraft) => IntakeDraft) => void;
}

export function FingerprintStep({ draft, update }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'enroll' | 'verify'>();
  const [verified, setVerified] = useState<string>();

  const run = async (what: 'enroll' | 'verify') => {
    setBusy(what);
    try {
      if (what === 'enroll') {
        const template = await getApi().invoke('fingerprint/enroll', undefined);
        update((d) => ({ ...d, fingerprint: template, fingerprintMatch: null }));
      } else if (draft.fingerprint) {
        const r = await getApi().invoke('fingerprint/verify', { template: draft.fingerprint });
        setVerified(t('intake.verified', { result: r.match ? t('intake.match') : t('intake.noMatch'), score: r.score }));
        // Recorded with the intake (identity evidence on the submit event), not only shown.
        update((d) => ({ ...d, fingerprintMatch: { match: r.match, score: r.score, at: new Date().toISOString() } }));
      }
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space direction="vertical">
      <Space>
        <Button type="primary" loading={busy === 'enroll'} onClick={() => run('enroll')} data-testid="fp-enroll">
          {busy === 'enroll' ? t('intake.enrolling') : t('intake.enroll')}
        </Button>
        <Button disabled={!draft.fingerprint} loading={busy === 'verify'} onClick={() => run('verify')} data-testid="fp-verify">
          {t('intake.verify')}
        </Button>
      </Space>
      {draft.fingerprint && <Alert type="success" showIcon title={t('intake.enrolled', { quality: draft.fingerprint.quality })} data-testid="fp-enrolled" />}
      {verified && <Alert type="info" showIcon title={verified} data-testid="fp-verified" />}
    </Space>
  );
}
