// IT's view of the reason codes: every code with its use and labels, adding or changing one, and
// withdrawing or reactivating it (reference-store checks the code and refuses it with a reason).
import { App, Button, Card, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_REASON_CODES, type ReasonCode } from '../../domain/workflow';
import type { ActiveSession } from '../session/session';
import { useReasonCodeDocs } from './hooks';
import { REFERENCE_NS } from './i18n';
import { mayEditReference, saveReasonCode } from './reference-store';

type Row = ReasonCode & { readonly active: boolean };

export function ReasonCodesSection({ session }: { session: ActiveSession }) {
  const { t } = useTranslation(REFERENCE_NS);
  const { message } = App.useApp();
  const docs = useReasonCodeDocs(session);
  const [form] = Form.useForm<ReasonCode>();
  const editable = mayEditReference(session.user);
  const rows = useMemo<Row[]>(() => {
    const byCode = new Map(docs.map((d) => [d.code, d]));
    const shipped = DEFAULT_REASON_CODES.map((c) => byCode.get(c.code) ?? { ...c, active: true });
    const added = docs.filter((d) => !DEFAULT_REASON_CODES.some((c) => c.code === d.code));
    return [...shipped, ...added].map(({ code, use, zh, en, active }) => ({ code, use, zh, en, active }));
  }, [docs]);
  const ctx = { db: session.db, user: session.user };

  const save = async (c: ReasonCode, active = true) => {
    try {
      await saveReasonCode(ctx, { code: c.code ?? '', use: c.use, zh: c.zh ?? '', en: c.en ?? '' }, active);
      void message.success(t('saved'));
      return true;
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  };

  return (
    <Card title={t('reasons')} data-testid="reference-reasons">
      <Typography.Paragraph type="secondary">{t('reasonsHint')}</Typography.Paragraph>
      {editable && (
        <Form form={form} layout="inline" initialValues={{ use: 'return' }} onFinish={(v) => void save(v).then((ok) => ok && form.resetFields())} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="code" label={t('code')}>
            <Input style={{ width: 90 }} data-testid="reason-code" />
          </Form.Item>
          <Form.Item name="use" label={t('use')}>
            <Select style={{ width: 120 }} options={(['return', 'reject', 'approve'] as const).map((u) => ({ value: u, label: t(`uses.${u}`) }))} />
          </Form.Item>
          <Form.Item name="zh" label={t('zh')}>
            <Input style={{ width: 220 }} data-testid="reason-zh" />
          </Form.Item>
          <Form.Item name="en" label={t('en')}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="reason-save">
            {t('save')}
          </Button>
        </Form>
      )}
      <Table<Row>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={rows}
        onRow={(r) => ({ onClick: () => editable && form.setFieldsValue(r) })}
        columns={[
          { title: t('code'), dataIndex: 'code' },
          { title: t('use'), dataIndex: 'use', render: (u: Row['use']) => t(`uses.${u}`) },
          { title: t('zh'), dataIndex: 'zh' },
          { title: t('en'), dataIndex: 'en', render: (en: string) => <span lang="en">{en}</span> },
          { title: t('active'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('activeOn') : t('activeOff')}</Tag> },
          ...(editable
            ? [{ title: '', key: 'toggle', render: (_: unknown, r: Row) => <Button size="small" onClick={(e) => { e.stopPropagation(); void save(r, !r.active); }}>{r.active ? t('deactivate') : t('activate')}</Button> }]
            : []),
        ]}
      />
    </Card>
  );
}
