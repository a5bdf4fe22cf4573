// Publishing and objections are signed like every decision: the reviewer enters their password
// again (session/authorize checks it online or against this workstation's cache), then the event
// is checked by the domain, signed and stored locally (publicity-store).
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../api/client';
import type { ActiveSession } from '../session/session';
import { PUBLICITY_NS } from './i18n';

interface Values {
  readonly reason?: string;
  readonly password: string;
}

export function SignModal(props: {
  session: ActiveSession;
  open: boolean;
  title: string;
  hint: string;
  /** With a reason field (an objection's content), required. */
  withReason: boolean;
  /** Records the act; its refusal (a Chinese reason from the domain) is shown as is. */
  onSign: (reason: string) => Promise<string>;
  onClose: (done: boolean) => void;
}) {
  const { session, open, title, hint, withReason, onSign, onClose } = props;
  const { t } = useTranslation(PUBLICITY_NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      const signer = await getApi().invoke('session/authorize', { username: session.user.name, password: values.password });
      if (signer.name !== session.user.name) throw new Error(t('notYou'));
      void message.success(await onSign(values.reason ?? ''));
      if (session.user.offline || session.sync.status$.value.state === 'offline') void message.info(t('offlineNote'));
      form.resetFields();
      onClose(true);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('sign')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'publicity-sign' } as never}
    >
      <Typography.Paragraph type="secondary" data-testid="publicity-sign-hint">
        {hint}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        {withReason && (
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('needReason') }]}>
            <Input.TextArea rows={3} maxLength={1000} placeholder={t('reasonPlaceholder')} data-testid="objection-reason" />
          </Form.Item>
        )}
        <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('password') }]}>
          <Input.Password autoComplete="current-password" data-testid="publicity-password" />
        </Form.Item>
        <Typography.Text type="secondary">{t('signedAs', { name: session.user.displayName })}</Typography.Text>
      </Form>
    </Modal>
  );
}
