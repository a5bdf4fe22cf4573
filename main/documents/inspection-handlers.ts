// documents/inspection: the 入户核查记录 or 整改通知书 of one visit, as a PDF for the renderer to show
// and print. Dispatch has checked the arguments (inspection-schemas.ts).
import type { InspectionDocumentHandlers } from '../../domain/ipc/inspection';
import { renderInspectionPdf } from './inspection-pdf';

const PREFIX = { record: '入户核查记录', rectification: '整改通知书' } as const;

export function inspectionDocumentHandlers(): { [K in keyof InspectionDocumentHandlers]: InspectionDocumentHandlers[K] } {
  return {
    async 'documents/inspection'(data) {
      const pdf = await renderInspectionPdf(data);
      return { fileName: `${PREFIX[data.kind]}-${data.documentNo}.pdf`, pdfBase64: pdf.toString('base64') };
    },
  };
}
