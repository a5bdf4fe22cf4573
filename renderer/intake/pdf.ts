// Shows a PDF made on the main side: opened in a new tab (print from there) and offered as a download.
import type { RenderedPdf } from '../../domain/ipc/documents';

export function pdfUrl(pdf: RenderedPdf): string {
  const bytes = Uint8Array.from(atob(pdf.pdfBase64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

export function downloadPdf(pdf: RenderedPdf): void {
  const a = document.createElement('a');
  a.href = pdfUrl(pdf);
  a.download = pdf.fileName;
  a.click();
}
