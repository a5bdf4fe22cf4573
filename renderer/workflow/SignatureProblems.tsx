// Shown in a case's detail: its events whose signatures do not verify (renderer/sync/signature-check),
// which the derived status leaves out. Each event of the case is checked when the case is opened.
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkstationDb } from '../db/database';
import type { SignatureCheck } from '../sync/signature-check';
import { WORKFLOW_NS } from './i18n';
import { untrustedEvents, type UntrustedEvent } from './untrusted-events';
import { formatDateTime } from '../i18n/format';

export function SignatureProblems({ db, signatures, caseId }: { db: WorkstationDb; signatures: SignatureCheck; caseId: string }) {
  const { t } = useTranslation(WORKFLOW_NS);
  const [problems, setProblems] = useState<UntrustedEvent[]>([]);
  useEffect(() => {
    let live = true;
    void untrustedEvents(db, signatures, caseId).then((p) => live && setProblems(p));
    return () => {
      live = false;
    };
  }, [db, signatures, caseId]);
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="case-signature-problems"
      message={t('untrustedTitle', { count: problems.length })}
      description={
        <>
          <p>{t('untrustedHelp')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.event.id}>{t('event', { kind: p.event.kind, actor: p.event.actor.userId ?? p.event.actor.name, at: formatDateTime(p.event.at), reason: p.reason })}</li>
            ))}
          </ul>
        </>
      }
    />
  );
}
