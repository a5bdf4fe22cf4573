// 补正受理: the clerk ticks the materials of the one-time notice the applicant brought; the case is
// accepted (a new receipt to print from the dossier) or returned again with only what is still
// missing — checked and committed by recordCorrection (domain/workflow/correction.ts).
import { App, Checkbox, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../domain/workflow';
import type { ActiveSession } from '../session/session';
import { recordCorrection } from './correction-store';
import { REVIEW_NS } from './i18n';

export function CorrectionModal({ session, caseId, state, open, onClose }: {
  session: ActiveSession;
  caseId: string;
  state: CaseState | undefined;
  open: boolean;
  onClose: (next?: CaseState) => void;
}) {
  const { t } = useTranslation(REVIEW_NS);
  const { message } = App.useApp();
  const [supplied, setSupplied] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => setSupplied([]), [open, caseId]);
  const listed = state?.missingMaterials ?? [];

  const submit = async () => {
    if (supplied.length === 0) return void message.error(t('correction.nothing'));
    setBusy(true);
    try {
      const r = await recordCorrection(session.cases, caseId, supplied);
      if (r.receiptNo) void message.success(t('correction.accepted', { no: r.receiptNo }));
      else void message.warning(t('correction.stillMissing', { count: r.stillMissing.length }));
      onClose(r.state);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('correction.title')}
      okText={t('correction.ok')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      okButtonProps={{ 'data-testid': 'correction-ok' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('correction.help')}</Typography.Paragraph>
      <Checkbox.Group value={supplied} onChange={(v) => setSupplied(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="correction-list">
        {listed.map((m) => (
          <Checkbox key={m.code} value={m.code}>
            {m.name}
          </Checkbox>
        ))}
      </Checkbox.Group>
    </Modal>
  );
}
