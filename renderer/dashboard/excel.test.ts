// "导出Excel" writes the table the page shows: read back with exceljs, the workbook holds the title,
// the period, the header and every row, shares as numbers formatted as percentages.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { calendarOf, CN_CALENDAR } from '../../domain/deadlines';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../domain/model/status';
import { computeDashboard } from '../../domain/stats';
import { ev } from '../../domain/workflow/fixtures.test-helpers';
import type { CaseEvent } from '../../domain/workflow';
import { tableWorkbook } from './excel';
import { dashboardTables, type Translate } from './tables';

const LABELS: Record<string, string> = {
  'charts.backlog': '在办件(按环节与街道)', 'charts.rates': '通过率、退回率、不通过率', 'col.street': '街道', 'col.total': '合计', 'col.overdue': '已超期',
  'col.dueSoon': '3个工作日内到期', total: '合计', 'stages.preliminary': '初审',
  'col.stage': '环节', 'col.decisions': '审核决定数', 'col.approvalRate': '通过率', 'stages.all': '合计',
};
const t: Translate = (key) => LABELS[key] ?? key;
const tc: Translate = (key) => CASE_STATUS_LABELS[key.replace('statuses.', '') as CaseStatus] ?? key;

const on = (caseId: string, e: CaseEvent): CaseEvent => ({ ...e, caseId });
const events = [
  on('case:1', ev('submit', 'clerk', '2025-09-08T02:00:00.000Z')), on('case:1', ev('accept', 'clerk', '2025-09-09T02:00:00.000Z')),
  on('case:2', ev('submit', 'clerk', '2025-09-08T02:00:00.000Z')), on('case:2', ev('accept', 'clerk', '2025-09-09T02:00:00.000Z')),
  on('case:2', ev('preliminary_approve', 'reviewer', '2025-09-10T02:00:00.000Z')),
  on('case:3', ev('submit', 'clerk', '2025-09-08T02:00:00.000Z')), on('case:3', ev('accept', 'clerk', '2025-09-09T02:00:00.000Z')),
  on('case:3', ev('return', 'reviewer', '2025-09-11T02:00:00.000Z')),
];
const cases = [
  { id: 'case:1', officeId: 'futian-huafu', status: 'accepted' as const },
  { id: 'case:2', officeId: 'futian-huafu', status: 'preliminary_approved' as const },
  { id: 'case:3', officeId: 'futian-huafu', status: 'returned' as const },
];
const stats = computeDashboard({ cases, events, now: new Date('2025-09-19T02:00:00Z'), calendar: calendarOf(CN_CALENDAR), weeks: 2 });
const tables = dashboardTables(stats, { t, tc, officeName: () => '华富街道', english: false });

async function readBack(id: string) {
  const table = tables.find((x) => x.id === id)!;
  const buffer = await tableWorkbook(ExcelJS, table, '统计截至 2025-09-19').xlsx.writeBuffer();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

describe('Excel export of a dashboard table', () => {
  it('writes the backlog by street with its totals row', async () => {
    const { sheet, rows } = await readBack('backlog');
    expect(sheet.name).toBe('在办件(按环节与街道)');
    expect(rows[0]).toEqual(['在办件(按环节与街道)']);
    expect(rows[1]).toEqual(['统计截至 2025-09-19']);
    expect(rows[2]).toEqual(['街道', '已申请', '已受理', '已退回', '初审通过', '复审通过', '公示中', '合计', '已超期', '3个工作日内到期']);
    expect(rows[3]).toEqual(['华富街道', 0, 1, 1, 1, 0, 0, 3, 0, 1]);
    expect(rows[4]).toEqual(['合计', 0, 1, 1, 1, 0, 0, 3, 0, 1]);
    expect(sheet.getRow(5).font?.bold).toBe(true);
  });

  it('writes rates as numbers in a percentage format', async () => {
    const { sheet, rows } = await readBack('rates');
    expect(rows[3]!.slice(0, 3)).toEqual(['初审', 2, 1]);
    expect(rows[3]![5]).toBe(0.5);
    expect(sheet.getColumn(6).numFmt).toBe('0.0%');
  });
});
