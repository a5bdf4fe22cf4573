// Bulk approval of the selected cases: approve reason codes (reference data) plus free text, one
// password entry (session/authorize), then bulk-approve.ts records one signed event per clean case
// and answers which cases it left out and why.
import { Alert, App, Checkbox, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolidayCalendar } from '../../domain/deadlines';
import { reasonsFor, reasonText } from '../../domain/workflow';
import { getApi } from '../api/client';
import { useReasonCodes } from '../reference/hooks';
import type { ActiveSession } from '../session/session';
import { bulkApprove, type BulkOutcome } from './bulk-approve';
import { REVIEW_NS } from './i18n';

interface Values {
  readonly codes?: string[];
  readonly note?: string;
  readonly password: string;
}

export function BulkApproveModal(props: { session: ActiveSession; caseIds: readonly string[]; open: boolean; calendar: HolidayCalendar; onClose: (outcome?: BulkOutcome) => void }) {
  const { session, caseIds, open, calendar, onClose } = props;
  const { t, i18n } = useTranslation(REVIEW_NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome>();
  const options = reasonsFor('approve', useReasonCodes(session));
  const english = i18n.language.startsWith('en');

  const submit = async (values: Values) => {
    const opinion = reasonText(options.filter((o) => values.codes?.includes(o.code)), values.note ?? '');
    if (opinion === '') return void message.error(t('needReason'));
    setBusy(true);
    try {
      // One authorisation for the batch; each case's event is still signed on its own.
      const signer = await getApi().invoke('session/authorize', { username: session.user.name, password: values.password });
      if (signer.name !== session.user.name) throw new Error(t('notYou'));
      const result = await bulkApprove({ ...session.cases, calendar }, caseIds, opinion);
      if (result.approved.length > 0) void message.success(t('bulk.done', { count: result.approved.length }));
      form.resetFields();
      if (result.refused.length > 0) setOutcome(result);
      else onClose(result);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    const o = outcome;
    setOutcome(undefined);
    onClose(o);
  };

  return (
    <Modal
      open={open}
      title={t('bulk.title', { count: caseIds.length })}
      okText={outcome ? t('cancel') : t('sign')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => (outcome ? close() : form.submit())}
      onCancel={close}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'bulk-sign' } as never}
    >
      {outcome ? (
        <List
          data-testid="bulk-refused"
          header={<Typography.Text strong>{t('bulk.refusedTitle')}</Typography.Text>}
          dataSource={[...outcome.refused]}
          renderItem={(r) => (
            <List.Item>
              {r.applicantName || r.caseId}:{r.reason}
            </List.Item>
          )}
        />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} data-testid="bulk-form">
          <Alert type="info" showIcon title={t('bulk.intro')} style={{ marginBottom: 12 }} />
          <Form.Item name="codes" label={t('reasons')}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={options.map((o) => ({ value: o.code, label: english ? o.en : o.zh }))} />
          </Form.Item>
          <Form.Item name="note" label={t('note')}>
            <Input.TextArea rows={2} placeholder={t('notePlaceholder')} />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('password') }]}>
            <Input.Password autoComplete="current-password" data-testid="bulk-password" />
          </Form.Item>
          <Typography.Text type="secondary">{t('signedAs', { name: session.user.displayName })}</Typography.Text>
        </Form>
      )}
    </Modal>
  );
}
