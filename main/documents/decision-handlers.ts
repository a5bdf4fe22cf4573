// documents/decision: the decision notice of a case of any catalogue item, as a PDF for the renderer
// to show and print. Dispatch has checked the arguments (item-document-schemas.ts).
import type { ItemDocumentHandlers } from '../../domain/ipc/item-documents';
import { renderDecisionPdf } from './decision-pdf';

export function decisionDocumentHandlers(): { [K in keyof ItemDocumentHandlers]: ItemDocumentHandlers[K] } {
  return {
    async 'documents/decision'(data) {
      const pdf = await renderDecisionPdf(data);
      return { fileName: `${data.title}-${data.documentNo}.pdf`, pdfBase64: pdf.toString('base64') };
    },
  };
}
