import { Alert, App, Button, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, IntakeDraft } from '../../../domain/intake/draft';
import type { RenderedPdf } from '../../../domain/ipc/documents';
import { getApi } from '../../api/client';
import type { ActiveSession } from '../../session/session';
import { clearDraft } from '../draft-store';
import { downloadPdf, pdfUrl } from '../pdf';
import { submitIntake } from '../submit';

interface Props {
  session: ActiveSession;
  draft: IntakeDraft;
  items: readonly ChecklistItem[];
  blocked: boolean;
  onDone: () => void;
}

export function ReceiptStep({ session, draft, items, blocked, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ receiptNo: string; pdf: RenderedPdf }>();

  const submit = async () => {
    setBusy(true);
    try {
      if (!session.sync.blobs) throw new Error('文件同步未启动,无法保存扫描件');
      const { receipt } = await submitIntake(session.cases, draft, items, session.sync.blobs);
      // Submitted: nothing left to resume (a resumed draft would submit the same case twice).
      await clearDraft(session.db);
      const pdf = await getApi().invoke('documents/render', receipt);
      setDone({ receiptNo: receipt.receiptNo, pdf });
      downloadPdf(pdf);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Result
        status="success"
        title={<span data-testid="receipt-no">{t('intake.submitted', { no: done.receiptNo })}</span>}
        extra={[
          <Button key="open" href={pdfUrl(done.pdf)} target="_blank" data-testid="open-receipt">
            {t('intake.openReceipt')}
          </Button>,
          <Button key="next" type="primary" onClick={onDone} data-testid="next-intake">
            {t('intake.newIntake')}
          </Button>,
        ]}
      />
    );
  }
  return (
    <Space direction="vertical">
      {blocked && <Alert type="error" showIcon title={t('intake.overrideBlocked')} data-testid="submit-blocked" />}
      <Button type="primary" size="large" disabled={blocked} loading={busy} onClick={submit} data-testid="intake-submit">
        {t('intake.submit')}
      </Button>
    </Space>
  );
}
