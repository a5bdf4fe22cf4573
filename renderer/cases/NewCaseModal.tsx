import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkNewCase, type FieldErrors, type NewCaseInput } from '../../domain/intake/new-case';
import { BUSINESS_ITEMS, LEGACY_ITEMS } from '../../domain/model';
import type { ActiveSession } from '../session/session';
import { createCase } from './case-store';

export function NewCaseModal({ open, session, onClose }: { open: boolean; session: ActiveSession; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewCaseInput>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v: Partial<NewCaseInput> = form.getFieldsValue();
    const values = { businessItem: v.businessItem ?? '', applicantName: v.applicantName ?? '', idNumber: v.idNumber ?? '' };
    const checked = checkNewCase(values);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      await createCase(session.cases, checked.value);
      void message.success(t('cases.created', { name: checked.value.applicantName }));
      form.resetFields();
      onClose();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof NewCaseInput) =>
    errors[name] ? { validateStatus: 'error' as const, help: <span data-testid={`error-${name}`}>{errors[name]}</span> } : {};

  return (
    <Modal
      open={open}
      title={t('cases.new')}
      okText={t('cases.create')}
      cancelText={t('cases.cancel')}
      onOk={submit}
      confirmLoading={busy}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'create-case' } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="new-case-form">
        <Form.Item name="businessItem" label={t('cases.businessItem')} {...field('businessItem')}>
          <Select
            placeholder={t('cases.selectItem')}
            data-testid="field-businessItem"
            options={BUSINESS_ITEMS.filter((i) => !LEGACY_ITEMS.includes(i)).map((i) => ({ value: i, label: t(`items.${i}`) }))}
          />
        </Form.Item>
        <Form.Item name="applicantName" label={t('cases.applicantName')} {...field('applicantName')}>
          <Input placeholder={t('cases.namePlaceholder')} data-testid="field-applicantName" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('cases.idNumber')} {...field('idNumber')}>
          <Input placeholder={t('cases.idPlaceholder')} maxLength={18} data-testid="field-idNumber" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
