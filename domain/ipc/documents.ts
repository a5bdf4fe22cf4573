// Printable documents made on the main side: the intake receipt (受理回执) and the one-time
// notice of missing materials (一次性告知书).

export interface PrintedMaterial {
  readonly label: string;
  readonly original: boolean;
}

export interface ReceiptData {
  readonly kind: 'receipt' | 'notice';
  readonly receiptNo: string;
  readonly officeName: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly applicantName: string;
  readonly idMasked: string;
  readonly businessItemLabel: string;
  readonly received: readonly PrintedMaterial[];
  readonly missing: readonly PrintedMaterial[];
  readonly nextSteps: readonly string[];
  /** YYYY-MM-DD: by when the office answers, or by when missing materials are due. */
  readonly deadline: string;
  readonly clerkName: string;
}

export interface RenderedPdf {
  readonly fileName: string;
  readonly pdfBase64: string;
}

export type DocumentHandlers = {
  'documents/render': (args: ReceiptData) => Promise<RenderedPdf>;
};
