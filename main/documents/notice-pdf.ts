// The 补正告知书 of a returned case as PDF (A4): every correction the return asks for, listed at
// once (一次性告知), with who returned it, by when to bring them, and a QR code of the notice number.
// Same embedded Chinese font as the receipt.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CorrectionNoticeData } from '../../domain/ipc/documents';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

export const NOTICE_TITLE = '住房保障业务补正告知书';

export async function renderCorrectionNoticePdf(data: CorrectionNoticeData): Promise<Buffer> {
  const qr = await QRCode.toBuffer(data.noticeNo, { margin: 1, width: 220 });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${NOTICE_TITLE} ${data.noticeNo}`, Author: data.officeName } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('bold').fontSize(18).text(NOTICE_TITLE, { align: 'center' });
  doc.image(qr, doc.page.width - 56 - 90, 56, { width: 90 });
  doc.moveDown(1).font('regular').fontSize(11);
  doc.text(`告知书编号:${data.noticeNo}`);
  if (data.receiptNo) doc.text(`受理回执编号:${data.receiptNo}`);
  doc.text(`办理单位:${data.officeName}`);
  doc.text(`日期:${data.date}`);
  doc.text(`申请人:${data.applicantName}    身份证号码:${data.idMasked}`);
  doc.text(`申请事项:${data.businessItemLabel}`);
  doc.moveDown(0.6).text(`您的申请经审核(${data.returnedBy},${data.returnedOn}),需补正下列全部 ${data.corrections.length} 项内容。本告知书一次性列明所有补正事项,补正期间办理时限暂停计算。`);
  doc.moveDown(0.6).font('bold').fontSize(12).text('需补正的全部内容');
  doc.font('regular').fontSize(11);
  data.corrections.forEach((c, i) => doc.text(`  ${i + 1}. ${c.name}${c.reason ? `:${c.reason}` : ''}`));
  doc.moveDown(0.6).text(`请于${data.deadline}前携带上述材料到${data.officeName}窗口办理补正;已提交的其他材料无需重复提交。`);
  doc.moveDown(1.2).text(`经办人:${data.clerkName}`, { align: 'right' });
  doc.text(`${data.officeName}(盖章)`, { align: 'right' });
  doc.end();
  return done;
}
