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

/** One correction a returned case asks for (a reason code's label, or the reviewer's own words). */
export interface PrintedCorrection {
  readonly name: string;
  readonly reason?: string;
}

/** 补正告知书: every correction a return asks for, printed at once for the applicant. */
export interface CorrectionNoticeData {
  /** BZ…: the notice's own number, the same on every reprint of one return. */
  readonly noticeNo: string;
  readonly officeName: string;
  /** YYYY-MM-DD: the day it is printed. */
  readonly date: string;
  readonly applicantName: string;
  readonly idMasked: string;
  readonly businessItemLabel: string;
  /** The case's receipt number, when it was accepted before the return. */
  readonly receiptNo: string | null;
  /** Who returned the case and on which day (YYYY-MM-DD). */
  readonly returnedBy: string;
  readonly returnedOn: string;
  readonly corrections: readonly PrintedCorrection[];
  /** YYYY-MM-DD: by when the corrections are due. */
  readonly deadline: string;
  readonly clerkName: string;
}

export type DocumentHandlers = {
  'documents/render': (args: ReceiptData) => Promise<RenderedPdf>;
  /** The 补正告知书 of a returned case. */
  'documents/correction-notice': (args: CorrectionNoticeData) => Promise<RenderedPdf>;
};
