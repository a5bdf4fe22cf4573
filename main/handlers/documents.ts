import { AppError } from '../../domain/errors';
import type { DocumentHandlers } from '../../domain/ipc/documents';
import { renderCorrectionNoticePdf } from '../documents/notice-pdf';
import { renderReceiptPdf } from '../documents/receipt-pdf';

export function documentHandlers(): { [K in keyof DocumentHandlers]: DocumentHandlers[K] } {
  return {
    async 'documents/render'(data) {
      if (!data || !/^[A-Z0-9-]{6,40}$/.test(data.receiptNo ?? '')) throw new AppError('BAD_RECEIPT', '回执编号不正确,无法生成回执');
      const pdf = await renderReceiptPdf(data);
      const prefix = data.kind === 'receipt' ? '受理回执' : '一次性告知书';
      return { fileName: `${prefix}-${data.receiptNo}.pdf`, pdfBase64: pdf.toString('base64') };
    },
    async 'documents/correction-notice'(data) {
      // Checked again here (dispatch checks the schema): a notice with nothing to correct is no notice.
      if (!data || data.corrections.length === 0) throw new AppError('NO_CORRECTIONS', '补正告知书须列明至少一项补正内容');
      if (!/^[A-Z0-9-]{6,40}$/.test(data.noticeNo)) throw new AppError('BAD_NOTICE', '告知书编号不正确,无法生成补正告知书');
      const pdf = await renderCorrectionNoticePdf(data);
      return { fileName: `补正告知书-${data.noticeNo}.pdf`, pdfBase64: pdf.toString('base64') };
    },
  };
}
