import { App, Button, Descriptions, Drawer, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDoc } from '../../domain/model';
import type { ActiveSession } from '../session/session';
import { applicantNameProblem } from '../../domain/intake/new-case';
import { loadApplicant, renameApplicant, UNMASK_REASON_CASE_DETAIL, type CaseApplicant } from './case-store';
import { SignatureProblems } from '../workflow/SignatureProblems';
import { formatDateTime } from '../i18n/format';

export function CaseDrawer({ session, caseDoc, onClose }: { session: ActiveSession; caseDoc?: CaseDoc; onClose: () => void }) {
  const { t } = useTranslation();
  const [applicant, setApplicant] = useState<CaseApplicant>();
  const [revealed, setRevealed] = useState<string>();
  const [name, setName] = useState('');
  const { message } = App.useApp();

  useEffect(() => {
    setRevealed(undefined);
    setApplicant(undefined);
    setName(caseDoc?.applicantName ?? '');
    if (caseDoc) void loadApplicant(session.cases, caseDoc).then(setApplicant);
  }, [caseDoc, session]);

  return (
    <Drawer open={!!caseDoc} onClose={onClose} title={t('cases.detail')} size={520} data-testid="case-drawer">
      {caseDoc && <SignatureProblems db={session.db} signatures={session.sync.signatures} caseId={caseDoc.id} />}
      {caseDoc && (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('cases.applicantName')}>
            <Space.Compact>
              <Input value={name} onChange={(e) => setName(e.target.value)} data-testid="edit-applicantName" />
              <Button
                disabled={name.trim() === caseDoc.applicantName}
                data-testid="save-applicantName"
                onClick={async () => {
                  const problem = applicantNameProblem(name);
                  if (problem) return void message.error(problem);
                  await renameApplicant(session.cases, caseDoc.id, name.trim());
                  void message.success(t('cases.saved'));
                }}
              >
                {t('cases.save')}
              </Button>
            </Space.Compact>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.businessItem')}>{t(`items.${caseDoc.businessItem}`)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.status')}>{t(`statuses.${caseDoc.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.idMasked')}>
            <span data-testid="case-id-number">{revealed ?? applicant?.person.idMasked ?? '…'}</span>{' '}
            {applicant && !revealed && (
              <Button size="small" type="link" onClick={async () => setRevealed(await applicant.revealIdNumber(UNMASK_REASON_CASE_DETAIL))}>
                {t('cases.reveal')}
              </Button>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.createdAt')}>{formatDateTime(caseDoc.createdAt)}</Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
