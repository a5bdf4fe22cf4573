// IT's view of the inspection deficiency catalogue (on the 基础数据 page): every item with its
// severity and correction deadline in hours; adding, changing, withdrawing or reactivating one.
// Others see the table read-only. saveDeficiency checks the item; the server checks it again.
import { App, Button, Card, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CORRECTION_HOURS, DEFAULT_CONDITIONS, type Deficiency, type Severity } from '../../domain/inspection';
import type { ActiveSession } from '../session/session';
import { saveDeficiency, useDeficiencyDocs } from './deficiencies';
import { INSPECTION_NS } from './i18n';

type Row = Required<Deficiency> & { readonly active: boolean };
const SEVERITIES: readonly Severity[] = ['life_threatening', 'severe', 'moderate', 'low'];

export function DeficiencySection({ session }: { session: ActiveSession }) {
  const { t } = useTranslation(INSPECTION_NS);
  const { message } = App.useApp();
  const docs = useDeficiencyDocs(session.db);
  const [form] = Form.useForm<Row>();
  const editable = session.user.roles.includes('it');
  const rows = useMemo<Row[]>(() => {
    const byCode = new Map<string, Row>(DEFAULT_CONDITIONS.map((d) => [d.code, { ...d, hours: d.hours ?? CORRECTION_HOURS[d.severity], active: true }]));
    for (const d of docs) byCode.set(d.code, { code: d.code, label: d.zh, labelEn: d.en, severity: d.severity, hours: d.hours, active: d.active });
    return [...byCode.values()];
  }, [docs]);
  const save = async (d: Row, active = true) => {
    try {
      await saveDeficiency({ db: session.db, user: session.user }, { code: d.code ?? '', label: d.label ?? '', labelEn: d.labelEn ?? '', severity: d.severity, hours: Number(d.hours) }, active);
      void message.success(t('savedDeficiency'));
      return true;
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  return (
    <Card title={t('deficiencies')} data-testid="reference-deficiencies">
      <Typography.Paragraph type="secondary">{t('deficienciesHint')}</Typography.Paragraph>
      {editable && (
        <Form form={form} layout="inline" initialValues={{ severity: 'moderate', hours: CORRECTION_HOURS.moderate }} onFinish={(v) => void save(v).then((ok) => ok && form.resetFields())} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="code" label={t('dcol.code')}>
            <Input style={{ width: 150 }} data-testid="deficiency-code" />
          </Form.Item>
          <Form.Item name="label" label={t('dcol.label')}>
            <Input style={{ width: 200 }} data-testid="deficiency-label" />
          </Form.Item>
          <Form.Item name="labelEn" label={t('dcol.labelEn')}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="severity" label={t('dcol.severity')}>
            <Select style={{ width: 110 }} onChange={(s: Severity) => form.setFieldValue('hours', CORRECTION_HOURS[s])} options={SEVERITIES.map((s) => ({ value: s, label: t(`severityName.${s}`) }))} data-testid="deficiency-severity" />
          </Form.Item>
          <Form.Item name="hours" label={t('dcol.hours')}>
            <InputNumber min={1} max={8760} style={{ width: 90 }} data-testid="deficiency-hours" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="deficiency-save">
            {t('saveDeficiency')}
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
          { title: t('dcol.code'), dataIndex: 'code', render: (c: string) => <span lang="en">{c}</span> },
          { title: t('dcol.label'), dataIndex: 'label' },
          { title: t('dcol.labelEn'), dataIndex: 'labelEn', render: (en: string) => <span lang="en">{en}</span> },
          { title: t('dcol.severity'), dataIndex: 'severity', render: (s: Severity) => <Tag color={s === 'moderate' || s === 'low' ? 'orange' : 'red'}>{t(`severityName.${s}`)}</Tag> },
          { title: t('dcol.hours'), dataIndex: 'hours' },
          { title: t('dcol.active'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('activeOn') : t('activeOff')}</Tag> },
          ...(editable
            ? [{ title: '', key: 'toggle', render: (_: unknown, r: Row) => <Button size="small" onClick={(e) => { e.stopPropagation(); void save(r, !r.active); }}>{r.active ? t('deactivate') : t('activate')}</Button> }]
            : []),
        ]}
      />
    </Card>
  );
}
