// ECharts options drawn from the dashboard tables (tables.ts), so a chart never shows a figure its
// table does not. Totals rows stay out of the charts.
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { StatColumn, StatRow, StatTable } from './tables';

export type DashboardOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

const URGENCY_COLORS: Readonly<Record<string, string>> = { overdue: '#cf1322', dueSoon: '#fa8c16', ok: '#52c41a', paused: '#1677ff' };
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const column = (table: StatTable, key: string): StatColumn => table.columns.find((c) => c.key === key)!;
const grid: GridComponentOption = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };

function bars(table: StatTable, rows: readonly StatRow[], category: string, keys: readonly string[], extra: Partial<BarSeriesOption> = {}): DashboardOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid,
    xAxis: { type: 'category', data: rows.map((r) => String(r.cells[category])) },
    yAxis: { type: 'value', minInterval: 1 },
    series: keys.map((k) => ({ type: 'bar', name: column(table, k).title, data: rows.map((r) => num(r.cells[k])), ...extra })),
  };
}

export function chartOption(table: StatTable): DashboardOption {
  const rows = table.rows.filter((r) => !r.total);
  switch (table.id) {
    case 'backlog': {
      const statuses = table.columns.slice(1, -3).map((c) => c.key);
      return bars(table, rows, 'street', statuses, { stack: 'backlog', barMaxWidth: 48 });
    }
    case 'deadlines':
      return {
        tooltip: { trigger: 'item' },
        legend: { top: 0 },
        series: [{
          type: 'pie',
          radius: ['35%', '65%'],
          top: 24,
          label: { formatter: '{b}: {c}' },
          data: rows.map((r) => ({ name: String(r.cells.state), value: num(r.cells.count), itemStyle: { color: URGENCY_COLORS[r.key] } })),
        }],
      };
    case 'weekly': {
      const option = bars(table, rows, 'week', ['submitted', 'accepted']);
      const lines: LineSeriesOption[] = ['approved', 'returned', 'rejected'].map((k) => ({ type: 'line', name: column(table, k).title, data: rows.map((r) => num(r.cells[k])) }));
      return { ...option, series: [...(option.series as BarSeriesOption[]), ...lines] };
    }
    case 'rates': {
      const option = bars(table, rows, 'stage', ['approvalRate', 'returnRate', 'rejectionRate'], { stack: 'rates', barMaxWidth: 64 });
      const series = (option.series as BarSeriesOption[]).map((s) => ({ ...s, data: (s.data as number[]).map((v) => Math.round(v * 1000) / 10) }));
      return { ...option, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }, series };
    }
    case 'stageDays':
      return bars(table, rows, 'stage', ['median'], { barMaxWidth: 64, label: { show: true, position: 'top' } });
    case 'reasons': {
      const top = [...rows].reverse();
      return {
        tooltip: { trigger: 'axis' },
        grid,
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: top.map((r) => String(r.cells.reason)) },
        series: [{ type: 'bar', name: column(table, 'times').title, data: top.map((r) => num(r.cells.times)), barMaxWidth: 28 }],
      };
    }
  }
}
