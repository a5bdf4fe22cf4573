// The publicity list (公示名单) as an A4 PDF: title, the office, the period and where to object,
// then one table row per case with the masked ID number only (cells from domain/workflow/publicity).
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { PublicityListData } from '../../domain/ipc/publicity';
import { PUBLICITY_HEADERS, PUBLICITY_TITLE, publicityCells, publicityNotice } from '../../domain/workflow/publicity';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

/** Column widths in points (A4 with 48 pt margins leaves 499 pt). */
const WIDTHS = [34, 80, 130, 100, 105, 50];

const PAD = 4;

/** One bordered row of cells at the current y; returns its height. */
function row(doc: PDFKit.PDFDocument, cells: readonly string[], font: 'regular' | 'bold', measureOnly = false): number {
  doc.font(font).fontSize(10);
  const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: WIDTHS[i]! - 2 * PAD }))) + 2 * PAD;
  if (measureOnly) return height;
  const top = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((c, i) => {
    if (font === 'bold') doc.rect(x, top, WIDTHS[i]!, height).fillAndStroke('#eeeeee', '#000000').fillColor('#000000');
    else doc.rect(x, top, WIDTHS[i]!, height).lineWidth(0.5).stroke();
    doc.text(c, x + PAD, top + PAD, { width: WIDTHS[i]! - 2 * PAD });
    x += WIDTHS[i]!;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
  return height;
}

/** The table, its header repeated on every page (pdfkit's own table lays out far too slowly for hundreds of CJK rows). */
function table(doc: PDFKit.PDFDocument, body: readonly (readonly string[])[]): void {
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  row(doc, PUBLICITY_HEADERS, 'bold');
  for (const cells of body) {
    if (doc.y + row(doc, cells, 'regular', true) > bottom()) {
      doc.addPage();
      row(doc, PUBLICITY_HEADERS, 'bold');
    }
    row(doc, cells, 'regular');
  }
}

export async function renderPublicityPdf(data: PublicityListData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `${PUBLICITY_TITLE} ${data.startsOn}`, Author: data.officeName } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('bold').fontSize(18).text(PUBLICITY_TITLE, { align: 'center' });
  doc.moveDown(0.8).font('regular').fontSize(11);
  doc.text(`根据住房保障有关规定,现将以下${data.rows.length}户申请家庭的审核结果予以公示。`);
  doc.text(publicityNotice(data, data.officeName));
  doc.moveDown(0.8);
  const body = data.rows.map((row, i) => publicityCells(row, i));
  table(doc, body.length > 0 ? body : [['', '本期无公示名单', '', '', '', '']]);
  doc.moveDown(1.2).fontSize(11).text(`${data.officeName}`, { align: 'right' });
  doc.text(`${data.startsOn}`, { align: 'right' });
  doc.end();
  return done;
}
