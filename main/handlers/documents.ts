import { AppError } from '../../domain/errors';
import type { DocumentHandlers } from '../../domain/ipc/documents';
import { renderReceiptPdf } from '../documents/receipt-pdf';

export function documentHandlers(): { [K in keyof DocumentHandlers]: DocumentHandlers[K] } {
  return {
    async 'documents/render'(data) {
      if (!data || !/^[A-Z0-9-]{6,40}$/.test(data.receiptNo ?? '')) throw new AppError('BAD_RECEIPT', '回执编号不正确,无法生成回执');
      const pdf = await renderReceiptPdf(data);
      const prefix = data.kind === 'receipt' ? '受理回执' : '一次性告知书';
      return { fileName: `${prefix}-${data.receiptNo}.pdf`, pdfBase64: pdf.toString('base64') };
    },
  };
}
