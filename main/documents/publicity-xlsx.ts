// The publicity list (公示名单) as an Excel workbook: one sheet, title and period above the same
// cells as the PDF (masked ID numbers only), every cell text so no ID is turned into a number.
import ExcelJS from 'exceljs';
import type { PublicityListData } from '../../domain/ipc/publicity';
import { PUBLICITY_HEADERS, PUBLICITY_TITLE, publicityCells, publicityNotice } from '../../domain/workflow/publicity';

const WIDTHS = [6, 14, 22, 18, 20, 10];

export async function renderPublicityXlsx(data: PublicityListData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = data.officeName;
  book.created = new Date(`${data.startsOn}T00:00:00+08:00`);
  const sheet = book.addWorksheet('公示名单', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const last = String.fromCharCode(64 + WIDTHS.length);

  sheet.mergeCells(`A1:${last}1`);
  sheet.getCell('A1').value = PUBLICITY_TITLE;
  sheet.getCell('A1').font = { bold: true, size: 16 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.mergeCells(`A2:${last}2`);
  sheet.getCell('A2').value = publicityNotice(data, data.officeName);
  sheet.getCell('A2').alignment = { wrapText: true };
  sheet.getRow(2).height = 32;

  const header = sheet.getRow(3);
  header.values = [...PUBLICITY_HEADERS];
  header.font = { bold: true };
  data.rows.forEach((row, i) => {
    const r = sheet.getRow(4 + i);
    r.values = publicityCells(row, i);
    r.getCell(1).alignment = { horizontal: 'center' };
  });
  for (let n = 3; n < 4 + data.rows.length; n += 1) {
    sheet.getRow(n).eachCell((cell) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
