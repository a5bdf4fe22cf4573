// The counter's one-visit intake: a wizard over the draft, autosaved after every change.
import { Alert, App, Button, Card, Space, Spin, Steps } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateHit } from '../../domain/identity/checks';
import { applicantOf, checklist, missingMaterials, type IntakeStep } from '../../domain/intake/draft';
import { maskIdNumber } from '../../domain/identity/idnumber';
import { BUSINESS_ITEM_LABELS } from '../../domain/model';
import { getApi } from '../api/client';
import type { ActiveSession } from '../session/session';
import { requirementsFor } from './materials';
import { downloadPdf } from './pdf';
import { addDays, MISSING_DUE_DAYS, receiptNumber } from './submit';
import { CheckStep } from './steps/CheckStep';
import { FaceStep } from './steps/FaceStep';
import { FingerprintStep } from './steps/FingerprintStep';
import { ApplicantStep, HouseholdStep } from './steps/HouseholdStep';
import { ItemStep } from './steps/ItemStep';
import { ReceiptStep } from './steps/ReceiptStep';
import { ScansStep } from './steps/ScansStep';
import { useIntake } from './use-intake';

const STEPS: readonly IntakeStep[] = ['item', 'applicant', 'household', 'face', 'fingerprint', 'scans', 'check', 'receipt'];

export function IntakePage({ session }: { session: ActiveSession }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { draft, resumed, update, restart } = useIntake(session);
  const [duplicates, setDuplicates] = useState<DuplicateHit[]>([]);
  const onDuplicates = useCallback((hits: DuplicateHit[]) => setDuplicates(hits), []);
  const today = new Date().toISOString().slice(0, 10);
  const items = useMemo(() => (draft ? checklist(draft, requirementsFor(draft.businessItem), today) : []), [draft, today]);

  if (!draft) return <Spin />;
  const index = Math.max(0, STEPS.indexOf(draft.step));
  const go = (i: number) => update((d) => ({ ...d, step: STEPS[Math.min(Math.max(i, 0), STEPS.length - 1)]! }));
  const applicant = applicantOf(draft);

  const printNotice = async () => {
    try {
      const pdf = await getApi().invoke('documents/render', {
        kind: 'notice',
        receiptNo: receiptNumber(draft.caseId, new Date().toISOString(), 'TZ'),
        officeName: session.user.officeName,
        date: today,
        applicantName: applicant?.name ?? '',
        idMasked: applicant?.idNumber ? maskIdNumber(applicant.idNumber) : '',
        businessItemLabel: draft.businessItem ? BUSINESS_ITEM_LABELS[draft.businessItem] : '',
        received: [],
        missing: missingMaterials(items, draft.received).map((i) => ({ label: i.label, original: i.original })),
        nextSteps: ['补齐材料后请再次到窗口办理,无需重复提交已收材料'],
        deadline: addDays(new Date().toISOString(), MISSING_DUE_DAYS),
        clerkName: session.user.displayName,
      });
      downloadPdf(pdf);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const step = STEPS[index]!;
  const canNext = step === 'item' ? draft.businessItem !== null : step === 'applicant' ? Boolean(applicant?.name && applicant.idNumber) : true;
  return (
    <Card title={t('intake.title')} data-testid="intake">
      {resumed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="intake-resumed"
          title={t('intake.resume', { time: new Date(draft.startedAt).toLocaleString() })}
          action={<Button size="small" onClick={restart}>{t('intake.discard')}</Button>}
        />
      )}
      <Steps current={index} onChange={go} size="small" items={STEPS.map((s) => ({ title: t(`intake.steps.${s}`) }))} style={{ marginBottom: 24 }} />
      <div data-testid={`intake-step-${step}`}>
        {step === 'item' && <ItemStep draft={draft} items={items} update={update} onPrintNotice={printNotice} />}
        {step === 'applicant' && <ApplicantStep draft={draft} update={update} />}
        {step === 'household' && <HouseholdStep draft={draft} update={update} />}
        {step === 'face' && <FaceStep session={session} draft={draft} update={update} />}
        {step === 'fingerprint' && <FingerprintStep draft={draft} update={update} />}
        {step === 'scans' && <ScansStep draft={draft} update={update} />}
        {step === 'check' && <CheckStep session={session} draft={draft} update={update} onDuplicates={onDuplicates} />}
        {step === 'receipt' && <ReceiptStep session={session} draft={draft} items={items} blocked={duplicates.length > 0 && !draft.override} onDone={restart} />}
      </div>
      {step !== 'receipt' && (
        <Space style={{ marginTop: 24 }}>
          <Button disabled={index === 0} onClick={() => go(index - 1)} data-testid="intake-prev">
            {t('intake.prev')}
          </Button>
          <Button type="primary" disabled={!canNext} onClick={() => go(index + 1)} data-testid="intake-next">
            {t('intake.next')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
