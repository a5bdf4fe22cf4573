// The decision notice of any catalogue item as PDF (A4): the item and catalogue version, the
// decision with its opinion or reason, who decided and when, the stages the case went through, the
// materials the decision rests on, what happens next, and a QR code of the document number. Same
// embedded Chinese font as the receipt.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { DecisionNoticeData } from '../../domain/ipc/item-documents';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

export async function renderDecisionPdf(data: DecisionNoticeData): Promise<Buffer> {
  const qr = await QRCode.toBuffer(data.documentNo, { margin: 1, width: 220 });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${data.title} ${data.documentNo}`, Author: data.officeName } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('bold').fontSize(18).text(data.title, { align: 'center' });
  doc.image(qr, doc.page.width - 56 - 90, 56, { width: 90 });
  doc.moveDown(1).font('regular').fontSize(11);
  doc.text(`文书编号:${data.documentNo}`);
  if (data.receiptNo) doc.text(`受理回执编号:${data.receiptNo}`);
  doc.text(`办理单位:${data.officeName}`);
  doc.text(`日期:${data.date}`);
  doc.text(`申请人:${data.applicantName}    身份证号码:${data.idMasked}`);
  doc.text(`办理事项:${data.itemName}(事项目录 ${data.catalogueVersion})`);
  doc.moveDown(0.6).font('bold').fontSize(13).text(`决定:${data.outcome}`);
  doc.font('regular').fontSize(11);
  if (data.opinion) doc.text(`意见:${data.opinion}`);
  doc.text(`决定人:${data.decidedBy}    决定日期:${data.decidedOn}`);
  if (data.stages.length > 0) {
    doc.moveDown(0.6).font('bold').fontSize(12).text('办理经过');
    doc.font('regular').fontSize(11);
    data.stages.forEach((s, i) => doc.text(`  ${i + 1}. ${s.on} ${s.name}`));
  }
  if (data.materials.length > 0) {
    doc.moveDown(0.6).font('bold').fontSize(12).text('所据材料');
    doc.font('regular').fontSize(11).text(data.materials.join('、'));
  }
  if (data.nextSteps.length > 0) {
    doc.moveDown(0.6).font('bold').fontSize(12).text('后续事项');
    doc.font('regular').fontSize(11);
    data.nextSteps.forEach((s) => doc.text(`  · ${s}`));
  }
  doc.moveDown(1.2).text(`${data.officeName}(盖章)`, { align: 'right' });
  doc.end();
  return done;
}
