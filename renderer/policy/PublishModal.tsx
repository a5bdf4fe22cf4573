// Publishing a draft is signed like every decision: the supervisor enters their password again
// (session/authorize checks it online or against this workstation's cache), then the domain makes
// the override document, which is signed with the session's key and stored (policy-store).
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessItem } from '../../domain/model';
import type { PolicyDraft } from '../../domain/policy/what-if';
import { getApi } from '../api/client';
import type { ActiveSession } from '../session/session';
import { POLICY_NS } from './i18n';
import { publishDraft } from './policy-store';

interface Values {
  readonly source: string;
  readonly password: string;
}

export function PublishModal(props: { session: ActiveSession; open: boolean; item: BusinessItem; draft: PolicyDraft; onClose: (done: boolean) => void }) {
  const { session, open, item, draft, onClose } = props;
  const { t } = useTranslation(POLICY_NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      const signer = await getApi().invoke('session/authorize', { username: session.user.name, password: values.password });
      if (signer.name !== session.user.name) throw new Error(t('notYou'));
      await publishDraft({ db: session.db, user: session.user, signer: session.cases.signer }, item, draft, values.source);
      void message.success(t('published'));
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
      title={t('publishTitle')}
      okText={t('sign')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'policy-sign' } as never}
    >
      <Typography.Paragraph type="secondary">{t('publishHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="source" label={t('source')} rules={[{ required: true, whitespace: true, message: t('needSource') }]}>
          <Input maxLength={500} placeholder={t('sourcePlaceholder')} data-testid="policy-source" />
        </Form.Item>
        <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('password') }]}>
          <Input.Password autoComplete="current-password" data-testid="policy-password" />
        </Form.Item>
        <Typography.Text type="secondary">{t('signedAs', { name: session.user.displayName })}</Typography.Text>
      </Form>
    </Modal>
  );
}
