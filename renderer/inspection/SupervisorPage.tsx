// The supervisor's inspection page (street reviewer; district reviewer sees the findings queue
// too): build a plan (seeded sample by estate + risk-flagged tenancies) and assign it, read the
// findings the inspectors' visits bring back, and the figures.
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deficiencyOf, inspectionStats, type ConditionCatalogue, type InspectionStats, type PlanItem } from '../../domain/inspection';
import { FINDING_LABELS, type InspectionDoc, type InspectionTaskDoc } from '../../domain/model/field';
import { echarts } from '../dashboard/echarts';
import type { ActiveSession } from '../session/session';
import { settled } from '../sync/settled';
import { INSPECTION_NS } from './i18n';
import { PrintButtons } from './PrintButtons';
import { useDeficiencyCatalogue } from './deficiencies';
import { createPlan, findings, previewPlan, type FindingRow, type PlanInput } from './inspection-store';

/** How long creating a plan waits for a pull under way before drawing from what the workstation holds. */
const PLAN_SYNC_WAIT_MS = 60_000;

const newSeed = () => Math.floor(Math.random() * 2 ** 31);

function Bars({ rows, testId }: { rows: readonly (readonly [string, number])[]; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(box.current!, undefined, { renderer: 'canvas' });
    chart.setOption({ grid: { left: 140, right: 20, top: 10, bottom: 20 }, xAxis: { type: 'value' }, yAxis: { type: 'category', data: rows.map((r) => r[0]) }, series: [{ type: 'bar', data: rows.map((r) => r[1]) }] });
    return () => chart.dispose();
  }, [rows]);
  return <div ref={box} data-testid={testId} style={{ height: Math.max(120, rows.length * 32 + 40) }} />;
}

function PlanForm({ session, onCreated }: { session: ActiveSession; onCreated: () => void }) {
  const { t } = useTranslation(INSPECTION_NS);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [preview, setPreview] = useState<PlanItem[] | null>(null);
  const [waiting, setWaiting] = useState(false);
  const input = (): PlanInput => {
    const v = form.getFieldsValue() as { title: string; seed: number; rate: number; period: [Dayjs, Dayjs]; inspectors: string[] };
    return { title: v.title ?? '', seed: Number(v.seed), sampleRate: Number(v.rate) / 100, startsOn: v.period[0].format('YYYY-MM-DD'), endsOn: v.period[1].format('YYYY-MM-DD'), inspectors: v.inspectors ?? [] };
  };
  const guard = async (f: () => Promise<void>) => {
    try {
      await f();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Form form={form} layout="inline" initialValues={{ seed: newSeed(), rate: 10, period: [dayjs(), dayjs().add(13, 'day')], inspectors: ['inspector1'] }} data-testid="plan-form">
      <Form.Item name="title" label={t('planName')}>
        <Input style={{ width: 200 }} data-testid="plan-title" />
      </Form.Item>
      <Form.Item label={t('seed')}>
        <Space.Compact>
          <Form.Item name="seed" noStyle>
            <InputNumber min={0} style={{ width: 140 }} data-testid="plan-seed" />
          </Form.Item>
          <Button onClick={() => form.setFieldValue('seed', newSeed())}>{t('newSeed')}</Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="rate" label={t('rate')}>
        <InputNumber min={1} max={100} data-testid="plan-rate" />
      </Form.Item>
      <Form.Item name="period" label={t('period')}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item name="inspectors" label={t('inspectors')}>
        <Select mode="tags" style={{ minWidth: 180 }} data-testid="plan-inspectors" />
      </Form.Item>
      <Button onClick={() => guard(async () => setPreview(await previewPlan(session.db, input())))} data-testid="plan-preview">
        {t('preview')}
      </Button>
      <Button
        type="primary"
        loading={waiting}
        data-testid="plan-create"
        onClick={() =>
          guard(async () => {
            const i = input();
            // The tasks name each household's enrolments as this workstation holds them: a pull under
            // way finishes first, so that the inspector can check the tenant's finger and face.
            setWaiting(true);
            const caughtUp = await settled(session.sync.status$, PLAN_SYNC_WAIT_MS).finally(() => setWaiting(false));
            if (!caughtUp) void message.warning(t('planUnsynced'));
            const { tasks } = await createPlan(session.cases, i);
            void message.success(t('created', { count: tasks.length, seed: i.seed }));
            setPreview(null);
            onCreated();
          })
        }
      >
        {t('create')}
      </Button>
      {preview && (
        <Typography.Text data-testid="plan-preview-count">
          {t('previewCount', { sample: preview.filter((p) => p.reason === 'sample').length, risk: preview.filter((p) => p.reason === 'risk').length })}
        </Typography.Text>
      )}
    </Form>
  );
}

/** A condition's name as the deficiency list gives it (also one since switched off), else its code. */
function deficiencyLabel(catalogue: ConditionCatalogue, code: string, english: boolean): string {
  const d = deficiencyOf(code, catalogue) ?? deficiencyOf(code);
  return d ? (english && d.labelEn ? d.labelEn : d.label) : code;
}

export function SupervisorPage({ session }: { session: ActiveSession }) {
  const { t, i18n } = useTranslation(INSPECTION_NS);
  const english = i18n.language.startsWith('en');
  const catalogue = useDeficiencyCatalogue(session.db);
  const [rows, setRows] = useState<FindingRow[]>([]);
  const [tasks, setTasks] = useState<InspectionTaskDoc[]>([]);
  const [stats, setStats] = useState<InspectionStats | null>(null);
  const reload = useCallback(async () => {
    const all = (await session.db.field.find({ selector: { type: { $in: ['inspection_task', 'inspection'] } } }).exec()).map((d) => d.toJSON() as unknown as InspectionTaskDoc | InspectionDoc);
    const ts = all.filter((d): d is InspectionTaskDoc => d.type === 'inspection_task');
    setTasks(ts);
    setRows(await findings(session.db));
    setStats(inspectionStats(ts, all.filter((d): d is InspectionDoc => d.type === 'inspection'), dayjs().format('YYYY-MM-DD')));
  }, [session]);
  useEffect(() => {
    void reload();
    // Visits arrive from the inspectors' laptops through the office database.
    const sub = session.db.field.$.subscribe(() => void reload());
    return () => sub.unsubscribe();
  }, [session, reload]);
  const supervises = session.user.roles.includes('reviewer');
  const findingsTable = (
    <Table
      rowKey={(r) => r.visit.id}
      size="small"
      dataSource={rows}
      data-testid="findings-table"
      locale={{ emptyText: t('noFindings') }}
      columns={[
        { title: t('fcol.at'), render: (_, r) => r.visit.visitedAt.slice(0, 16).replace('T', ' ') },
        { title: t('fcol.estate'), render: (_, r) => r.task?.projectName ?? '' },
        { title: t('fcol.who'), render: (_, r) => <Tag color={r.visit.identity === 'other' ? 'red' : 'default'}>{t(`who.${r.visit.identity}`)}</Tag> },
        { title: t('fcol.findings'), render: (_, r) => r.visit.findings.map((f) => <Tag key={f.kind} color={f.kind === 'unit_condition' ? 'orange' : 'red'} data-testid="finding-tag">{FINDING_LABELS[f.kind]}</Tag>) },
        { title: t('fcol.correctBy'), render: (_, r) => r.visit.correctBy ?? '' },
        { title: t('fcol.inspector'), render: (_, r) => r.visit.inspectorId },
        { title: t('fcol.papers'), render: (_, r) => <PrintButtons ctx={session.cases} visit={r.visit} /> },
      ]}
    />
  );
  const items = [
    ...(supervises ? [{ key: 'plan', label: t('planTitle'), children: <Space direction="vertical" style={{ width: '100%' }}><PlanForm session={session} onCreated={() => void reload()} /><Typography.Text data-testid="plan-task-count">{tasks.filter((x) => x.state === 'assigned').length}</Typography.Text></Space> }] : []),
    { key: 'findings', label: t('findingsTitle'), children: findingsTable },
    {
      key: 'stats',
      label: t('statsTitle'),
      children: stats && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space size="large">
            <Statistic title={t('progress')} value={`${stats.visited} / ${stats.planned}`} />
            <Statistic title={t('overdue')} value={stats.overdue.length} />
          </Space>
          <Typography.Title level={5}>{t('byType')}</Typography.Title>
          <Bars rows={stats.byType.map(([k, n]) => [FINDING_LABELS[k], n] as const)} testId="chart-by-type" />
          <Typography.Title level={5}>{t('byEstate')}</Typography.Title>
          <Bars rows={stats.byEstate} testId="chart-by-estate" />
          <Typography.Title level={5}>{t('overdue')}</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            data-testid="overdue-table"
            locale={{ emptyText: t('noOverdue') }}
            dataSource={[...stats.overdue].sort((a, b) => ((a.correctBy ?? '') < (b.correctBy ?? '') ? -1 : 1))}
            columns={[
              { title: t('fcol.correctBy'), render: (_, v: InspectionDoc) => <Typography.Text type="danger">{v.correctBy}</Typography.Text> },
              { title: t('fcol.estate'), render: (_, v: InspectionDoc) => tasks.find((x) => x.id === v.taskId)?.projectName ?? '' },
              {
                title: t('fcol.findings'),
                render: (_, v: InspectionDoc) =>
                  v.conditions.map((c) => (
                    <Tag key={c.code} color={c.severity === 'moderate' || c.severity === 'low' ? 'orange' : 'red'} data-testid="overdue-condition">
                      {deficiencyLabel(catalogue, c.code, english) + (c.note ? `(${c.note})` : '')}
                    </Tag>
                  )),
              },
              { title: t('fcol.at'), render: (_, v: InspectionDoc) => v.visitedAt.slice(0, 10) },
              { title: t('fcol.inspector'), render: (_, v: InspectionDoc) => v.inspectorId },
            ]}
          />
        </Space>
      ),
    },
  ];
  return (
    <Card title={t(supervises ? 'planTitle' : 'findingsTitle')}>
      <Tabs items={items} defaultActiveKey={supervises ? 'plan' : 'findings'} />
    </Card>
  );
}
