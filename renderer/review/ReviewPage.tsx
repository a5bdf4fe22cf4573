// A reviewer's queue (待初审 / 待复审 across the district's streets) or the clerk's list of cases
// returned for corrections: tabs (to review, due soon, overdue — read on the projected due date —
// returned, decided), filters (item, street, received dates, review flags, contradictions), search
// by name prefix or full ID number (lookup hash), pages of 20 read from the index, each row's 办理时限
// countdown under the holiday calendar of reference data, and bulk approval of clean cases.
import { App, Button, Card, Checkbox, DatePicker, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemName, stageName } from '../../domain/catalogue/names';
import { debounceTime, merge } from 'rxjs';
import type { Countdown } from '../../domain/deadlines';
import { CASE_FLAGS, type CaseDoc, type CaseFlag } from '../../domain/model';
import { BUSINESS_ITEMS, type BusinessItem } from '../../domain/model/programmes';
import type { CaseStatus } from '../../domain/model/status';
import { decidedStatuses, localDate, queueStage, queueStatuses, stageQueues } from '../../domain/workflow';
import { refreshDeadlines } from '../reference/deadline-refresh';
import { useHolidayCalendar } from '../reference/hooks';
import type { ActiveSession } from '../session/session';
import { BulkApproveModal } from './BulkApproveModal';
import { REVIEW_NS } from './i18n';
import { ReviewDrawer } from './ReviewDrawer';
import { countdowns, idHashOf, readQueuePage, type QueuePage } from './review-store';
import { useReviewOffices } from './use-offices';
import { formatDateTime } from '../i18n/format';

/** The fixed tabs, and a stage's own queue (`stageQueues`: 退房交接) named by the stage's id. */
type Tab = 'queue' | 'due_soon' | 'overdue' | 'returned' | 'decided' | (string & {});
const QUEUE_TABS: readonly Tab[] = ['queue', 'due_soon', 'overdue'];
/** A full ID number (18 characters, or a 15-digit first-generation one) is searched by its hash. */
const looksLikeId = (s: string) => /^(\d{15}|\d{17}[\dXx])$/.test(s);
const URGENCY_COLOR = { ok: 'default', due_soon: 'orange', overdue: 'red', paused: 'blue' } as const;

export function ReviewPage({ session, mode }: { session: ActiveSession; mode: 'review' | 'returned' | 'contracts' }) {
  const { t } = useTranslation(REVIEW_NS);
  const { t: tc, i18n } = useTranslation();
  const { message } = App.useApp();
  const { user } = session;
  const offices = useReviewOffices(session);
  const calendar = useHolidayCalendar(session);
  // Cases waiting at a stage of their item the roles act on besides 初审/复审 (a district reviewer:
  // 退房交接), selected by the stage their item is at, not by the status other items share.
  const stageTabs = useMemo(() => (mode === 'returned' ? [] : stageQueues(user.roles)), [mode, user.roles]);
  // The counter's 待签约: the stages it acts on (已配租配售, a swap's 已配房) and nothing else.
  const tabs: Tab[] = mode === 'returned' ? ['returned'] : mode === 'contracts' ? stageTabs.map((q) => q.stage) : [...QUEUE_TABS, ...stageTabs.map((q) => q.stage), 'returned', 'decided'];
  const [tab, setTab] = useState<Tab>(tabs[0]!);
  const [page, setPage] = useState(0);
  const [item, setItem] = useState<BusinessItem>();
  const [street, setStreet] = useState<string>();
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [name, setName] = useState('');
  const [flags, setFlags] = useState<CaseFlag[]>([]);
  const [received, setReceived] = useState<[string, string]>(['', '']);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [result, setResult] = useState<QueuePage>({ rows: [], hasMore: false });
  const [clocks, setClocks] = useState<Map<string, Countdown>>(new Map());
  // The case whose drawer is open, kept while the queue reloads: a decided case leaves the queue,
  // and the reviewer must still see what they just decided.
  const [open, setOpen] = useState<CaseDoc>();
  const [changes, setChanges] = useState(0);

  const stageTab = stageTabs.find((q) => q.stage === tab);
  const statuses = useMemo<CaseStatus[]>(
    () => (stageTab ? [stageTab.status] : QUEUE_TABS.includes(tab) ? queueStatuses(user.roles) : tab === 'returned' ? ['returned'] : decidedStatuses(user.roles)),
    [tab, stageTab, user.roles],
  );
  const stageItems = stageTab?.items;
  const officeIds = useMemo(() => (street ? [street] : offices.map((o) => o.id)), [street, offices]);
  useEffect(() => {
    // Due dates not yet projected (older cases) or projected under another calendar are derived again.
    void refreshDeadlines(session.db, { officeIds: offices.map((o) => o.id), statuses: queueStatuses(user.roles) }, calendar).catch(() => {});
  }, [session, offices, user.roles, calendar]);
  useEffect(() => {
    // Events may arrive after their case (separate replications): either one reads the page again.
    const sub = merge(session.db.cases.$, session.db.events.$)
      .pipe(debounceTime(150))
      .subscribe(() => setChanges((n) => n + 1));
    return () => sub.unsubscribe();
  }, [session]);
  useEffect(() => setPage(0), [tab, item, street, flaggedOnly, name, flags, received]);
  useEffect(() => setSelected([]), [tab, item, street, flaggedOnly, name, flags, received, page]);
  useEffect(() => {
    let live = true;
    const search = name.trim();
    const read = async () => {
      const idHash = looksLikeId(search) ? await idHashOf(session.cases.keys, search) : undefined;
      const today = localDate(new Date().toISOString());
      const r = await readQueuePage(session.db, {
        officeIds, statuses, page, businessItem: item, items: stageItems, flaggedOnly, flags, idHash,
        name: idHash || !search ? undefined : search,
        receivedFrom: received[0] || undefined,
        receivedTo: received[1] || undefined,
        due: tab === 'due_soon' || tab === 'overdue' ? { urgency: tab as 'due_soon' | 'overdue', today, calendar } : undefined,
      });
      const c = await countdowns(session.db, r.rows.map((row) => row.id), new Date(), calendar);
      if (!live) return;
      setResult(r);
      setClocks(c);
    };
    read().catch((e: unknown) => {
      if (!live) return;
      setResult({ rows: [], hasMore: false });
      void message.error(e instanceof Error ? e.message : String(e));
    });
    return () => {
      live = false;
    };
  }, [session, officeIds, statuses, stageItems, page, item, flaggedOnly, name, flags, received, tab, calendar, changes, message]);

  const stage = queueStage(user.roles);
  const title = mode === 'contracts' ? t('title.contracts') : mode === 'returned' || !stage ? t('title.returned') : t(`title.${stage}`);
  const officeName = (id: string) => offices.find((o) => o.id === id)?.name ?? id;
  const mayBulk = stage !== null && QUEUE_TABS.includes(tab);

  return (
    <Card title={<span data-testid="review-title">{title}</span>}>
      {tabs.length > 1 && <Tabs activeKey={tab} onChange={(k) => setTab(k as Tab)} items={tabs.map((k) => {
            const q = stageTabs.find((x) => x.stage === k);
            const label = q ? (i18n.language.startsWith('en') ? q.name.en : q.name.zh) : t(`tabs.${k}`);
            return { key: k, label: <span data-testid={`tab-${k}`}>{label}</span> };
          })} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('search')} onSearch={setName} onChange={(e) => e.target.value === '' && setName('')} style={{ width: 220 }} data-testid="review-search" />
        <Select allowClear placeholder={t('allItems')} value={item} onChange={setItem} style={{ width: 180 }} options={BUSINESS_ITEMS.map((b) => ({ value: b, label: tc(`items.${b}`) }))} />
        {offices.length > 1 && <Select allowClear placeholder={t('allStreets')} value={street} onChange={setStreet} style={{ width: 220 }} options={offices.map((o) => ({ value: o.id, label: o.name }))} />}
        <Select
          mode="multiple"
          allowClear
          placeholder={t('flagsFilter')}
          value={flags}
          onChange={setFlags}
          style={{ minWidth: 200 }}
          options={CASE_FLAGS.map((f) => ({ value: f, label: t(`flags.${f}`) }))}
          data-testid="review-flags"
        />
        <DatePicker.RangePicker
          placeholder={[t('receivedFrom'), t('receivedTo')]}
          onChange={(_, dates) => setReceived([dates?.[0] ?? '', dates?.[1] ?? ''])}
          data-testid="review-received"
        />
        <Checkbox checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)}>
          {t('flaggedOnly')}
        </Checkbox>
        {mayBulk && (
          <Button type="primary" disabled={selected.length === 0} onClick={() => setBulkOpen(true)} data-testid="bulk-approve">
            {t('bulk.button', { count: selected.length })}
          </Button>
        )}
      </Space>
      <Table<CaseDoc>
        rowKey="id"
        dataSource={result.rows}
        size="middle"
        data-testid="review-table"
        pagination={false}
        rowSelection={mayBulk ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined}
        locale={{ emptyText: t('empty') }}
        onRow={(record) => ({
          // Ticking a row for bulk approval does not open it.
          onClick: (e) => !(e.target as HTMLElement).closest('.ant-table-selection-column') && setOpen(record),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            title: t('col.name'),
            dataIndex: 'applicantName',
            render: (v: string, r) => (
              <span data-testid="review-name">
                {v} {r.flagged && <Tag color="red">{t('conflict')}</Tag>}
                {(r.flags ?? []).map((f) => (
                  <Tag key={f} color="orange" data-testid="review-flag">
                    {t(`flags.${f}`)}
                  </Tag>
                ))}
              </span>
            ),
          },
          { title: t('col.item'), dataIndex: 'businessItem', render: (v: string, row: { item?: string }) => itemName({ businessItem: v, ...(row.item ? { item: row.item } : {}) }, i18n.language) },
          ...(offices.length > 1 ? [{ title: t('col.street'), dataIndex: 'officeId', render: (v: string) => officeName(v) }] : []),
          { title: t('col.status'), dataIndex: 'status', render: (v: string) => <Tag color="blue">{tc(`statuses.${v}`)}</Tag> },
          { title: t('col.stage'), key: 'stage', render: (_: unknown, r: CaseDoc) => <span data-testid="review-row-stage">{stageName(r, r.status, i18n.language) || '—'}</span> },
          {
            title: t('col.deadline'),
            key: 'deadline',
            render: (_: unknown, r: CaseDoc) => {
              const c = clocks.get(r.id);
              if (!c) return '—';
              const days = c.daysLeft === null ? 0 : Math.abs(c.daysLeft);
              return (
                <Tag color={URGENCY_COLOR[c.urgency]} data-testid="review-countdown" data-urgency={c.urgency} title={c.dueOn ? t('dueOn', { date: c.dueOn }) : undefined}>
                  {t(`countdown.${c.urgency}`, { days })}
                </Tag>
              );
            },
          },
          { title: t('col.updated'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          {t('prev')}
        </Button>
        <span>{t('page', { page: page + 1 })}</span>
        <Button disabled={!result.hasMore} onClick={() => setPage((p) => p + 1)} data-testid="review-next">
          {t('next')}
        </Button>
      </Space>
      <BulkApproveModal
        session={session}
        caseIds={selected}
        open={bulkOpen}
        calendar={calendar}
        onClose={() => {
          setBulkOpen(false);
          setSelected([]);
        }}
      />
      <ReviewDrawer session={session} caseDoc={open && (result.rows.find((c) => c.id === open.id) ?? open)} onClose={() => setOpen(undefined)} />
    </Card>
  );
}
