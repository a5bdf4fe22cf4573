// The counter's one-visit intake: a wizard over the draft, autosaved after every change. The step
// bar marks a step done only when the domain says so (intakeProgress); submitting goes through the
// domain's checks whatever path led to the last step.
import { Alert, App, Button, Card, Space, Spin, Steps } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checklistNotice } from '../../domain/intake/documents';
import { checklist, INTAKE_STEPS, type IntakeStep } from '../../domain/intake/draft';
import { checkSubmission, intakeProgress, visit, type DuplicateCheck, type StepState } from '../../domain/intake/submission';
import { getApi } from '../api/client';
import type { ActiveSession } from '../session/session';
import { catalogueItem, draftItemCode, requirementsFor } from './materials';
import './i18n';
import { downloadPdf } from './pdf';
import { putScanContent } from './scan-store';
import { CheckStep } from './steps/CheckStep';
import { FaceStep } from './steps/FaceStep';
import { FingerprintStep } from './steps/FingerprintStep';
import { ApplicantStep, HouseholdStep } from './steps/HouseholdStep';
import { ItemStep } from './steps/ItemStep';
import { ReceiptStep } from './steps/ReceiptStep';
import { ScansStep } from './steps/ScansStep';
import { useIntake } from './use-intake';
import { formatDateTime } from '../i18n/format';

const STEPS: readonly IntakeStep[] = INTAKE_STEPS;
const BAR_STATUS: Record<StepState, 'finish' | 'wait' | 'error'> = { done: 'finish', undone: 'wait', failed: 'error' };

export function IntakePage({ session }: { session: ActiveSession }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { draft, resumed, update, restart } = useIntake(session);
  const [duplicates, setDuplicates] = useState<DuplicateCheck>();
  const onDuplicates = useCallback((check: DuplicateCheck) => setDuplicates(check), []);
  const today = new Date().toISOString().slice(0, 10);
  const items = useMemo(() => (draft ? checklist(draft, requirementsFor(draftItemCode(draft), session.user.districtId), today) : []), [draft, today, session.user.districtId]);
  const progress = useMemo(() => (draft ? intakeProgress(draft, checkSubmission(draft, { items, duplicates, on: today })) : undefined), [draft, items, duplicates, today]);
  const keepPage = useCallback((bytes: Uint8Array) => putScanContent(session.cases.db, session.cases.keys, bytes), [session]);

  if (!draft || !progress) return <Spin />;
  const index = Math.max(0, STEPS.indexOf(draft.step));
  const goTo = (step: IntakeStep) => update((d) => visit(d, step));
  const go = (i: number) => goTo(STEPS[Math.min(Math.max(i, 0), STEPS.length - 1)]!);
  const itemName = catalogueItem(draftItemCode(draft), session.user.districtId)?.name.zh;
  const checked = checklistNotice(draft, items, new Date().toISOString(), { officeName: session.user.officeName, clerkName: session.user.displayName });
  // The notice names the business item as the catalogue does (e.g. 公共租赁住房续租).
  const notice = checked.ok && itemName ? { ...checked, value: { ...checked.value, businessItemLabel: itemName } } : checked;

  const printNotice = async () => {
    if (!notice.ok) return void message.warning(notice.message);
    try {
      downloadPdf(await getApi().invoke('documents/render', notice.value));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const step = STEPS[index]!;
  const applicant = draft.members.find((m) => m.relation === 'applicant');
  const canNext = step === 'item' ? draft.businessItem !== null : step === 'applicant' ? Boolean(applicant?.name && applicant.idNumber) : true;
  return (
    <Card title={t('intake.title')} data-testid="intake">
      {resumed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="intake-resumed"
          title={t('intake.resume', { time: formatDateTime(draft.startedAt) })}
          action={<Button size="small" onClick={restart}>{t('intake.discard')}</Button>}
        />
      )}
      <Steps
        current={index}
        onChange={go}
        size="small"
        data-testid="intake-steps"
        items={STEPS.map((s, i) => ({
          title: t(`intake.steps.${s}`),
          status: i === index ? 'process' : BAR_STATUS[progress[s]],
          'data-state': progress[s],
        }))}
        style={{ marginBottom: 24 }}
      />
      <div data-testid={`intake-step-${step}`}>
        {step === 'item' && <ItemStep draft={draft} items={items} update={update} onPrintNotice={printNotice} noticeProblem={notice.ok ? undefined : notice.message} roles={session.user.roles} districtId={session.user.districtId} />}
        {step === 'applicant' && <ApplicantStep draft={draft} update={update} />}
        {step === 'household' && <HouseholdStep draft={draft} update={update} />}
        {step === 'face' && <FaceStep session={session} draft={draft} update={update} />}
        {step === 'fingerprint' && <FingerprintStep draft={draft} update={update} />}
        {step === 'scans' && <ScansStep draft={draft} update={update} keepPage={keepPage} />}
        {step === 'check' && <CheckStep session={session} draft={draft} update={update} onDuplicates={onDuplicates} />}
        {step === 'receipt' && <ReceiptStep session={session} draft={draft} items={items} onGo={goTo} onDone={restart} />}
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
