// The intake receipt and the one-time notice as PDF (A4), with an embedded Chinese font from the
// npm package and a QR code carrying the receipt number.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { PrintedMaterial, ReceiptData } from '../../domain/ipc/documents';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

const TITLES = { receipt: '住房保障业务受理回执', notice: '住房保障业务一次性告知书' } as const;
/** A notice is not a receipt: its number is the notice's own (TZ…), and it says the case is not accepted. */
const NUMBER_LABELS = { receipt: '回执编号', notice: '告知书编号' } as const;

function list(doc: PDFKit.PDFDocument, title: string, items: readonly PrintedMaterial[], empty: string): void {
  doc.moveDown(0.6).font('bold').fontSize(12).text(title);
  doc.font('regular').fontSize(11);
  if (items.length === 0) doc.text(`  ${empty}`);
  items.forEach((m, i) => doc.text(`  ${i + 1}. ${m.label}${m.original ? '(原件核验)' : ''}`));
}

export async function renderReceiptPdf(data: ReceiptData): Promise<Buffer> {
  const qr = await QRCode.toBuffer(data.receiptNo, { margin: 1, width: 220 });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${TITLES[data.kind]} ${data.receiptNo}`, Author: data.officeName } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('bold').fontSize(18).text(TITLES[data.kind], { align: 'center' });
  doc.image(qr, doc.page.width - 56 - 90, 56, { width: 90 });
  doc.moveDown(1).font('regular').fontSize(11);
  doc.text(`${NUMBER_LABELS[data.kind]}:${data.receiptNo}`);
  doc.text(`受理单位:${data.officeName}`);
  doc.text(`日期:${data.date}`);
  doc.text(`申请人:${data.applicantName}    身份证号码:${data.idMasked}`);
  doc.text(`申请事项:${data.businessItemLabel}`);
  if (data.kind === 'notice') doc.text('办理状态:材料不全,未予受理(已退回),请补齐下列全部材料后再次办理');
  if (data.kind === 'receipt') list(doc, '已收材料', data.received, '无');
  list(doc, data.kind === 'receipt' ? '尚缺材料(请在期限内补交)' : '需补齐的全部材料', data.missing, '无,材料齐全');
  doc.moveDown(0.6).font('bold').fontSize(12).text('后续事项');
  doc.font('regular').fontSize(11);
  data.nextSteps.forEach((s, i) => doc.text(`  ${i + 1}. ${s}`));
  doc.moveDown(0.6).text(data.kind === 'receipt' ? `办理期限:${data.deadline}前答复` : `请于${data.deadline}前补齐上述材料`);
  doc.moveDown(1.2).text(`经办人:${data.clerkName}`, { align: 'right' });
  doc.text(`${data.officeName}(盖章)`, { align: 'right' });
  doc.end();
  return done;
}
