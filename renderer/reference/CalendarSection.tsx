// IT's view of the holiday calendar: a year's days off and adjusted working days, with adding and
// removing entries (reference-store checks each entry and refuses it with a reason).
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CN_HOLIDAY_SOURCES, entriesOfYear, type CalendarEntry } from '../../domain/deadlines';
import type { ActiveSession } from '../session/session';
import { useCalendarDocs } from './hooks';
import { REFERENCE_NS } from './i18n';
import { addCalendarEntry, mayEditReference, removeCalendarEntry } from './reference-store';

export function CalendarSection({ session }: { session: ActiveSession }) {
  const { t } = useTranslation(REFERENCE_NS);
  const { message } = App.useApp();
  const docs = useCalendarDocs(session);
  const thisYear = new Date().getFullYear();
  const years = useMemo(() => [...new Set([2025, 2026, thisYear, thisYear + 1, ...docs.map((d) => d.year)])].sort(), [docs, thisYear]);
  const [year, setYear] = useState(thisYear + 1);
  const [form] = Form.useForm<CalendarEntry>();
  const editable = mayEditReference(session.user);
  const doc = docs.find((d) => d.year === year);
  const ctx = { db: session.db, user: session.user };

  const run = async (op: () => Promise<unknown>) => {
    try {
      await op();
      void message.success(t('saved'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const add = (v: CalendarEntry) =>
    run(async () => {
      const saved = await addCalendarEntry(ctx, { date: v.date ?? '', kind: v.kind, name: v.name ?? '' });
      form.resetFields(['date', 'name']);
      setYear(saved.year); // show the year the entry went to
    });

  return (
    <Card title={t('calendar')} data-testid="reference-calendar">
      <Typography.Paragraph type="secondary">{t('calendarHint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('year')}</span>
        <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} data-testid="calendar-year" />
        <Typography.Text type="secondary">
          {t('source')}:{doc?.source ?? CN_HOLIDAY_SOURCES[year] ?? '—'} {!doc && CN_HOLIDAY_SOURCES[year] ? t('shipped') : ''}
        </Typography.Text>
      </Space>
      {editable && (
        <Form form={form} layout="inline" onFinish={add} initialValues={{ kind: 'holiday' }} style={{ marginBottom: 12 }}>
          <Form.Item name="date" label={t('date')}>
            <Input placeholder={t('datePlaceholder')} style={{ width: 130 }} data-testid="calendar-date" />
          </Form.Item>
          <Form.Item name="kind" label={t('kind')}>
            <Select style={{ width: 130 }} options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="calendar-kind" />
          </Form.Item>
          <Form.Item name="name" label={t('name')}>
            <Input style={{ width: 160 }} data-testid="calendar-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="calendar-add">
            {t('add')}
          </Button>
        </Form>
      )}
      <Table<CalendarEntry>
        rowKey="date"
        size="small"
        pagination={false}
        dataSource={entriesOfYear(docs, year)}
        data-testid="calendar-table"
        columns={[
          { title: t('date'), dataIndex: 'date' },
          { title: t('kind'), dataIndex: 'kind', render: (k: CalendarEntry['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`kinds.${k}`)}</Tag> },
          { title: t('name'), dataIndex: 'name' },
          ...(editable
            ? [{ title: '', key: 'remove', render: (_: unknown, e: CalendarEntry) => <Button size="small" danger onClick={() => void run(() => removeCalendarEntry(ctx, e.date))}>{t('remove')}</Button> }]
            : []),
        ]}
      />
    </Card>
  );
}
