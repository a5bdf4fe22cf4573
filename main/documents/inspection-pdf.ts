// The 入户核查记录 (every visit) and the 整改通知书 (a visit with findings) as PDF (A4), with the same
// embedded Chinese font as the receipt: the unit, who was at the door and how it was checked, the
// findings with their NSPIRE-style severities and correction deadlines, the photos (record), and the
// occupant's signature or the recorded refusal.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { AppError } from '../../domain/errors';
import type { InspectionPrintData } from '../../domain/ipc/inspection';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

export const INSPECTION_TITLES = { record: '公共住房入户核查记录', rectification: '公共住房整改通知书' } as const;

const imageBytes = (dataUrl: string): Buffer => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

/** Places an image, or says in words that it could not be read (a damaged image never loses the document). */
function image(doc: PDFKit.PDFDocument, dataUrl: string, x: number, y: number, fit: [number, number], what: string): boolean {
  try {
    doc.image(imageBytes(dataUrl), x, y, { fit });
    return true;
  } catch {
    doc.text(`(${what}图像已损坏,无法打印;原始记录保存在核查系统中)`, x, y);
    return false;
  }
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.6).font('bold').fontSize(12).text(text, 56);
  doc.font('regular').fontSize(11);
}

function signature(doc: PDFKit.PDFDocument, d: InspectionPrintData): void {
  heading(doc, d.kind === 'record' ? '居住人签名' : '被通知人签收');
  if (d.notHome) return void doc.text('  无人在家,未能签名');
  if (d.signatureRefused || !d.signature) return void doc.text(`  居住人拒绝签名(核查员${d.inspectorName}记录,${d.visitedAt})`);
  if (doc.y + 80 > doc.page.height - 56) doc.addPage();
  const y = doc.y + 4;
  if (image(doc, d.signature, 72, y, [200, 70], '签名')) doc.y = y + 76;
}

function deficiencies(doc: PDFKit.PDFDocument, d: InspectionPrintData): void {
  d.deficiencies.forEach((x, i) => doc.text(`  ${i + 1}. ${x.label}〔${x.severity}〕 整改期限:${x.correctBy}${x.note && x.note !== x.label ? ` — ${x.note}` : ''}`));
}

function record(doc: PDFKit.PDFDocument, d: InspectionPrintData): void {
  heading(doc, '在场人员与身份核验');
  if (d.notHome) doc.text('  无人在家,未能入户核查(已记录到访,另行安排再访)');
  else {
    doc.text(`  在场人员:${d.occupant}`);
    d.checks.forEach((c) => doc.text(`  ${c}`));
    heading(doc, '核查清单');
    doc.text(`  居住情况:${d.occupancy}`);
    doc.text(`  欠租月数:${d.arrearsMonths}`);
  }
  heading(doc, '核查发现');
  const violations = d.findings.filter((f) => f.violation);
  if (violations.length === 0 && d.deficiencies.length === 0) doc.text('  未发现问题');
  violations.forEach((f, i) => doc.text(`  ${i + 1}. ${f.label}${f.note ? `:${f.note}` : ''}`));
  if (d.deficiencies.length > 0) {
    doc.text('  房屋状况问题(按严重程度限期整改):');
    deficiencies(doc, d);
  }
  if (d.reinspectionOn) doc.text(`  复查日期:${d.reinspectionOn}`);
  if (d.photos.length > 0) {
    heading(doc, `现场照片(${d.photos.length} 张,带时间水印)`);
    let x = 56;
    let y = doc.y + 4;
    for (const p of d.photos) {
      if (y + 130 > doc.page.height - 56) {
        doc.addPage();
        y = 56;
      }
      image(doc, p, x, y, [160, 120], '照片');
      x += 170;
      if (x > doc.page.width - 216) {
        x = 56;
        y += 130;
      }
    }
    doc.x = 56;
    doc.y = x === 56 ? y : y + 130;
  }
}

function notice(doc: PDFKit.PDFDocument, d: InspectionPrintData): void {
  doc.moveDown(0.6).text(`经${d.visitedAt}入户核查,你户承租的上述公共住房存在下列问题,现通知如下:`);
  if (d.deficiencies.length > 0) {
    heading(doc, '一、房屋状况问题(请在整改期限前完成整改)');
    deficiencies(doc, d);
    doc.text('  危及生命及严重问题须在24小时内整改;中等问题30日内、轻微问题60日内整改。');
  }
  const violations = d.findings.filter((f) => f.violation);
  if (violations.length > 0) {
    heading(doc, `${d.deficiencies.length > 0 ? '二' : '一'}、违反租赁合同的情形(已移交区住房主管部门复核处理)`);
    violations.forEach((f, i) => doc.text(`  ${i + 1}. ${f.label}${f.note ? `:${f.note}` : ''}`));
    doc.text('  请立即停止上述行为,并配合复核;经复核属实的,将依照合同和有关规定处理(包括解除租赁合同)。');
  }
  if (d.reinspectionOn) doc.moveDown(0.6).text(`复查日期:${d.reinspectionOn}。届时将再次入户核查整改情况。`);
}

export async function renderInspectionPdf(d: InspectionPrintData): Promise<Buffer> {
  if (d.kind === 'rectification' && d.findings.length + d.deficiencies.length === 0) throw new AppError('NO_FINDINGS', '整改通知书须列明至少一项核查发现');
  const title = INSPECTION_TITLES[d.kind];
  const qr = await QRCode.toBuffer(d.documentNo, { margin: 1, width: 220 });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${title} ${d.documentNo}`, Author: d.officeName } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(18).text(title, { align: 'center' });
  doc.image(qr, doc.page.width - 56 - 80, 56, { width: 80 });
  doc.moveDown(1).font('regular').fontSize(11);
  doc.text(`${d.kind === 'record' ? '记录编号' : '通知书编号'}:${d.documentNo}`);
  doc.text(`核查单位:${d.officeName}`);
  doc.text(`房屋地址:${d.address}`);
  doc.text(`承租人:${d.tenantName}`);
  doc.text(`核查时间:${d.visitedAt}    核查员:${d.inspectorName}`);
  if (d.kind === 'record') record(doc, d);
  else notice(doc, d);
  signature(doc, d);
  doc.moveDown(1).text(`核查员:${d.inspectorName}`, 56, undefined, { align: 'right' });
  doc.text(`${d.officeName}(盖章)`, { align: 'right' });
  doc.end();
  return done;
}
