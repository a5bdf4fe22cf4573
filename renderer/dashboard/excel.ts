// "导出Excel": a dashboard table as an .xlsx workbook (exceljs). The workbook is built from the same
// table the page shows; shares are written as numbers with a percentage format, so Excel can sum them.
import type ExcelJS from 'exceljs';
import { formatCell, type StatTable } from './tables';

type ExcelModule = typeof ExcelJS;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

export function tableWorkbook(excel: ExcelModule, table: StatTable, caption: string): ExcelJS.Workbook {
  const workbook = new excel.Workbook();
  workbook.creator = 'Public Housing Workstation';
  const sheet = workbook.addWorksheet(sheetName(table.title));
  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  sheet.addRow([caption]);
  const header = sheet.addRow(table.columns.map((c) => c.title));
  header.font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((c) => row.cells[c.key] ?? null));
    if (row.total) added.font = { bold: true };
  }
  table.columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(10, ...[c.title, ...table.rows.map((r) => formatCell(r.cells[c.key] ?? null, c))].map((s) => s.length * 2));
    if (c.format === 'percent') col.numFmt = '0.0%';
  });
  return workbook;
}

/** The workbook as a Blob to download, exceljs loaded only when someone exports. */
export async function tableXlsx(table: StatTable, caption: string): Promise<Blob> {
  const excel = (await import('exceljs')).default;
  const buffer = await tableWorkbook(excel, table, caption).xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_TYPE });
}

export function download(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  download(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
