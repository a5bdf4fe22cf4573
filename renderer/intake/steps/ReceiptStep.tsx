import { Alert, App, Button, List, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, IntakeDraft, IntakeStep } from '../../../domain/intake/draft';
import type { RefusalReason } from '../../../domain/intake/submission';
import type { ReceiptData, RenderedPdf } from '../../../domain/ipc/documents';
import { getApi } from '../../api/client';
import type { ActiveSession } from '../../session/session';
import { clearDraft } from '../draft-store';
import { downloadPdf, pdfUrl } from '../pdf';
import { submitIntake } from '../submit';

interface Props {
  session: ActiveSession;
  draft: IntakeDraft;
  items: readonly ChecklistItem[];
  onGo: (step: IntakeStep) => void;
  onDone: () => void;
}

/** Submits through the domain's checks: a refusal lists its reasons, each with the step to go back to. */
export function ReceiptStep({ session, draft, items, onGo, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<readonly RefusalReason[]>();
  const [done, setDone] = useState<{ document: ReceiptData; pdf: RenderedPdf }>();

  const submit = async () => {
    setBusy(true);
    try {
      if (!session.sync.blobs) throw new Error('文件同步未启动,无法保存扫描件');
      const outcome = await submitIntake(session.cases, draft, items, session.sync.blobs);
      if (!outcome.ok) {
        setRefused(outcome.reasons);
        return;
      }
      setRefused(undefined);
      // Submitted: nothing left to resume (a resumed draft would submit the same case twice).
      await clearDraft(session.db);
      const pdf = await getApi().invoke('documents/render', outcome.receipt);
      setDone({ document: outcome.receipt, pdf });
      downloadPdf(pdf);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    const returned = done.document.kind === 'notice';
    return (
      <Result
        status={returned ? 'warning' : 'success'}
        title={
          <span data-testid="receipt-no" data-kind={done.document.kind}>
            {t(returned ? 'intake.returned' : 'intake.submitted', { no: done.document.receiptNo })}
          </span>
        }
        subTitle={returned ? t('intake.returnedMissing', { count: done.document.missing.length }) : undefined}
        extra={[
          <Button key="open" href={pdfUrl(done.pdf)} target="_blank" data-testid="open-receipt">
            {t(returned ? 'intake.openNotice' : 'intake.openReceipt')}
          </Button>,
          <Button key="next" type="primary" onClick={onDone} data-testid="next-intake">
            {t('intake.newIntake')}
          </Button>,
        ]}
      />
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {refused && (
        <Alert
          type="error"
          showIcon
          data-testid="submit-refused"
          title={t('intake.refused')}
          description={
            <List
              size="small"
              dataSource={[...refused]}
              renderItem={(r) => (
                <List.Item data-testid={`refusal-${r.code}`} actions={[<a key="go" onClick={() => onGo(r.step)}>{t(`intake.steps.${r.step}`)}</a>]}>
                  {r.message}
                </List.Item>
              )}
            />
          }
        />
      )}
      <Button type="primary" size="large" loading={busy} onClick={submit} data-testid="intake-submit">
        {t('intake.submit')}
      </Button>
    </Space>
  );
}
