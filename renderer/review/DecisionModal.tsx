// A reviewer's decision: reason codes (reference data) plus free text, signed after the reviewer
// enters their password again (session/authorize checks it online or against this workstation's
// cache, so it works offline) or presses their enrolled finger (signoff/fingerprint: the template
// this session's password sign-in opened; see main/handlers/signoff.ts); the event is written
// locally through record-events. A refused password or finger records nothing (signoff.ts).
import { Alert, App, Button, Checkbox, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../domain/model/status';
import {
  correctionsOf,
  reasonsFor,
  reasonText,
  type CaseState,
  type Payloads,
  type ReasonCode,
  type ReasonUse,
  type ReviewAct,
} from '../../domain/workflow';
import type { SignoffStatus } from '../../domain/ipc/signoff';
import { getApi } from '../api/client';
import { useReasonCodes } from '../reference/hooks';
import type { ActiveSession } from '../session/session';
import { DOSSIER_NS } from './dossier/i18n';
import { REVIEW_NS } from './i18n';
import { signAndRecord } from './signoff';

/** The acts this modal records (配租配售 and 签约 have their own: TenancyActModal). */
export type ModalKind = Exclude<ReviewAct, 'allocate' | 'contract'> | 'resolve_conflict';

/** Which reason codes an act offers; a unit handed back (退房交接) takes a remark only. */
const USE: Readonly<Record<Exclude<ModalKind, 'exit' | 'resolve_conflict'>, ReasonUse>> = {
  preliminary_approve: 'approve',
  review_approve: 'approve',
  preliminary_reject: 'reject',
  review_reject: 'reject',
  return: 'return',
};

interface Values {
  readonly codes?: string[];
  readonly note?: string;
  readonly status?: CaseStatus;
  readonly method: 'password' | 'fingerprint';
  readonly password?: string;
}

/**
 * The label of an act: an `exit` at 退房交接 hands the unit back; on the waiting list or an offered
 * unit it ends the case's place (终止轮候 / 取消配租配售).
 */
export function actLabel(kind: ModalKind | 'allocate' | 'contract', status: CaseStatus | undefined): string {
  if (kind !== 'exit' || status === undefined || status === 'review_approved') return `decisions.${kind}`;
  return status === 'allocated' ? 'decisions.exit_allocated' : 'decisions.exit_waiting';
}

function payloadOf(kind: ModalKind, selected: ReasonCode[], note: string, status: CaseStatus | undefined, caseStatus: CaseStatus | undefined): Payloads[ModalKind] {
  switch (kind) {
    case 'preliminary_approve':
    case 'review_approve':
      return { opinion: reasonText(selected, note) };
    case 'preliminary_reject':
    case 'review_reject':
      return { reason: reasonText(selected, note) };
    case 'return':
      return { missingMaterials: correctionsOf(selected, note), ...(note.trim() ? { note: note.trim() } : {}) };
    case 'exit':
      // The tenant's own application to leave (退租): the unit is handed back. On the waiting list or
      // an offered unit, the district ends the case's place (the applicant gave it up or no longer qualifies).
      return { reason: caseStatus === 'review_approved' || caseStatus === undefined ? 'voluntary' : 'withdrawn', ...(note.trim() ? { note: note.trim() } : {}) };
    case 'resolve_conflict':
      return { status: status!, note: note.trim() };
  }
}

export function DecisionModal(props: {
  session: ActiveSession;
  caseId: string;
  kind: ModalKind | undefined;
  choices: readonly CaseStatus[];
  /** The case's status (the label and reason of an `exit`). */
  status?: CaseStatus;
  onClose: (state?: CaseState) => void;
}) {
  const { session, caseId, kind, choices, status: caseStatus, onClose } = props;
  const { t, i18n } = useTranslation(REVIEW_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { t: ts } = useTranslation(DOSSIER_NS);
  const [busy, setBusy] = useState(false);
  const [finger, setFinger] = useState<SignoffStatus>();
  const method = Form.useWatch('method', form) ?? 'password';
  // Reason codes as IT keeps them in the reference data (the shipped defaults until then).
  const reasonCodes = useReasonCodes(session);
  const options = kind && kind !== 'resolve_conflict' && kind !== 'exit' ? reasonsFor(USE[kind], reasonCodes) : [];
  const english = i18n.language.startsWith('en');
  const username = session.user.name;

  useEffect(() => {
    if (!kind) return;
    let live = true;
    getApi()
      .invoke('signoff/status', { username })
      .then(
        (s) => live && setFinger(s),
        () => live && setFinger(undefined),
      );
    return () => {
      live = false;
    };
  }, [kind, username]);

  const enroll = async () => {
    const password = form.getFieldValue('password') as string | undefined;
    if (!password) return void message.error(ts('signoff.needPassword'));
    setBusy(true);
    try {
      setFinger(await getApi().invoke('signoff/enroll', { username, password }));
      void message.success(ts('signoff.enrolled'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (values: Values) => {
    if (!kind) return;
    const selected = options.filter((o) => values.codes?.includes(o.code));
    const note = values.note ?? '';
    if (kind !== 'resolve_conflict' && kind !== 'exit' && selected.length === 0 && !note.trim()) return void message.error(t('needReason'));
    setBusy(true);
    try {
      const signOff = values.method === 'fingerprint' ? ({ method: 'fingerprint' } as const) : ({ method: 'password', password: values.password ?? '' } as const);
      const state = await signAndRecord(getApi(), session.cases, caseId, kind, payloadOf(kind, selected, note, values.status, caseStatus) as never, signOff);
      void message.success(t('done', { kind: t(actLabel(kind, caseStatus)) }));
      if (session.user.offline || session.sync.status$.value.state === 'offline') void message.info(t('offlineNote'));
      form.resetFields();
      onClose(state);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!kind}
      title={kind ? t(actLabel(kind, caseStatus)) : ''}
      okText={t('sign')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'decision-sign' } as never}
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="decision-form">
        {options.length > 0 && (
          <Form.Item name="codes" label={t('reasons')}>
            <ReasonChecks options={options.map((o) => ({ code: o.code, label: english ? o.en : o.zh }))} />
          </Form.Item>
        )}
        {kind === 'resolve_conflict' && (
          <Form.Item name="status" label={t('resolveTo')} rules={[{ required: true, message: t('resolveTo') }]}>
            <Radio.Group options={choices.map((s) => ({ value: s, label: tc(`statuses.${s}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('note')} rules={kind === 'resolve_conflict' ? [{ required: true, message: t('note') }] : []}>
          <Input.TextArea rows={2} placeholder={t('notePlaceholder')} data-testid="decision-note" />
        </Form.Item>
        <Form.Item name="method" label={ts('signoff.method')} initialValue="password">
          <Radio.Group
            options={[
              { value: 'password', label: <span data-testid="decision-method-password">{ts('signoff.byPassword')}</span> },
              { value: 'fingerprint', label: <span data-testid="decision-method-fingerprint">{ts('signoff.byFingerprint')}</span> },
            ]}
          />
        </Form.Item>
        {method === 'fingerprint' && (
          <Alert
            style={{ marginBottom: 16 }}
            type={finger?.ready ? 'info' : 'warning'}
            data-testid="signoff-state"
            title={finger?.ready ? ts('signoff.ready') : finger?.enrolled ? ts('signoff.notOpen') : ts('signoff.notEnrolled')}
            action={
              finger?.ready ? undefined : (
                <Button size="small" onClick={() => void enroll()} loading={busy} data-testid="signoff-enroll">
                  {ts('signoff.enroll')}
                </Button>
              )
            }
          />
        )}
        <Form.Item name="password" label={t('password')} rules={method === 'password' ? [{ required: true, message: t('password') }] : []} hidden={method === 'fingerprint' && !!finger?.ready}>
          <Input.Password autoComplete="current-password" data-testid="decision-password" />
        </Form.Item>
        <Typography.Text type="secondary">{t('signedAs', { name: session.user.displayName })}</Typography.Text>
      </Form>
    </Modal>
  );
}

/**
 * The reason codes as check boxes, the form's value a list of codes. Not Checkbox.Group: it drops a
 * tick made before its boxes have registered (a click right after the modal opens was lost).
 */
function ReasonChecks(props: { options: readonly { code: string; label: string }[]; value?: readonly string[]; onChange?: (codes: string[]) => void }) {
  const { options, value = [], onChange } = props;
  const toggle = (code: string, on: boolean) => onChange?.(options.map((o) => o.code).filter((c) => (c === code ? on : value.includes(c))));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      {options.map((o) => (
        <Checkbox key={o.code} checked={value.includes(o.code)} onChange={(e) => toggle(o.code, e.target.checked)}>
          <span data-testid={`reason-${o.code}`}>{o.label}</span>
        </Checkbox>
      ))}
    </div>
  );
}
