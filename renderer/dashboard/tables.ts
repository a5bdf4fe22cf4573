// The table behind each dashboard chart: what the page shows under the chart, what the chart is
// drawn from (chart-options.ts) and what "导出Excel" writes (excel.ts) — one definition for all three.
import { BACKLOG_STATUSES, type DashboardStats } from '../../domain/stats';

export type PanelId = 'backlog' | 'deadlines' | 'weekly' | 'rates' | 'stageDays' | 'reasons';
export const PANELS: readonly PanelId[] = ['backlog', 'deadlines', 'weekly', 'rates', 'stageDays', 'reasons'];

export type Cell = string | number | null;
export interface StatColumn {
  readonly key: string;
  readonly title: string;
  /** 'percent': a share 0–1, shown and exported as a percentage. */
  readonly format?: 'percent';
}
export interface StatRow {
  readonly key: string;
  /** A totals row: shown in the table and the workbook, left out of the chart. */
  readonly total?: boolean;
  readonly cells: Readonly<Record<string, Cell>>;
}
export interface StatTable {
  readonly id: PanelId;
  readonly title: string;
  readonly columns: readonly StatColumn[];
  readonly rows: readonly StatRow[];
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface TableContext {
  /** The dashboard namespace. */
  readonly t: Translate;
  /** The common namespace (status names). */
  readonly tc: Translate;
  readonly officeName: (officeId: string) => string;
  readonly english: boolean;
}

export function formatCell(value: Cell, column: StatColumn): string {
  if (value === null) return '—';
  if (column.format === 'percent' && typeof value === 'number') return `${(value * 100).toFixed(1)}%`;
  return String(value);
}

export function dashboardTables(stats: DashboardStats, ctx: TableContext): StatTable[] {
  const { t, tc } = ctx;
  const col = (key: string, format?: 'percent'): StatColumn => ({ key, title: t(`col.${key}`), ...(format ? { format } : {}) });
  const title = (id: PanelId) => t(`charts.${id}`);
  const { backlog, deadlines } = stats;
  const backlogRow = (key: string, street: string, r: DashboardStats['backlog']['total'], total = false): StatRow => ({
    key,
    ...(total ? { total } : {}),
    cells: { street, ...r.counts, total: r.total, overdue: r.overdue, dueSoon: r.dueSoon },
  });
  const rateRow = (r: DashboardStats['rates'][number]): StatRow => ({
    key: r.stage,
    ...(r.stage === 'all' ? { total: true } : {}),
    cells: { stage: t(`stages.${r.stage}`), decisions: r.decisions, approved: r.approved, returned: r.returned, rejected: r.rejected, approvalRate: r.approvalRate, returnRate: r.returnRate, rejectionRate: r.rejectionRate },
  });
  return [
    {
      id: 'backlog',
      title: title('backlog'),
      columns: [col('street'), ...BACKLOG_STATUSES.map((s) => ({ key: s, title: tc(`statuses.${s}`) })), col('total'), col('overdue'), col('dueSoon')],
      rows: [...backlog.rows.map((r) => backlogRow(r.officeId, ctx.officeName(r.officeId), r)), backlogRow('total', t('total'), backlog.total, true)],
    },
    {
      id: 'deadlines',
      title: title('deadlines'),
      columns: [col('state'), col('count')],
      rows: (['overdue', 'dueSoon', 'ok', 'paused'] as const).map((k) => ({ key: k, cells: { state: t(`urgency.${k}`), count: deadlines[k] } })),
    },
    {
      id: 'weekly',
      title: title('weekly'),
      columns: ['week', 'startsOn', 'submitted', 'accepted', 'approved', 'returned', 'rejected'].map((k) => col(k)),
      rows: stats.weekly.map((w) => ({ key: w.week, cells: { ...w } })),
    },
    {
      id: 'rates',
      title: title('rates'),
      columns: [col('stage'), col('decisions'), col('approved'), col('returned'), col('rejected'), col('approvalRate', 'percent'), col('returnRate', 'percent'), col('rejectionRate', 'percent')],
      rows: stats.rates.map(rateRow),
    },
    {
      id: 'stageDays',
      title: title('stageDays'),
      columns: [col('stage'), col('cases'), col('median')],
      rows: stats.stageDays.map((d) => ({ key: d.stage, cells: { stage: t(`stages.${d.stage}`), cases: d.cases, median: d.median } })),
    },
    {
      id: 'reasons',
      title: title('reasons'),
      columns: [col('code'), col('reason'), col('times'), col('share', 'percent')],
      rows: stats.reasons.map((r) => ({ key: r.code, cells: { code: r.code, reason: ctx.english ? r.en : r.zh, times: r.count, share: r.share } })),
    },
  ];
}
