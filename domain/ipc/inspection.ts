// Printed documents of a field inspection, made on the main side (pdfkit, the bundled Chinese font):
// the 入户核查记录 of every visit, and the 整改通知书 of a visit with findings. The renderer builds the
// data from the stored visit (domain/inspection/documents.ts); main only lays it out.
import type { RenderedPdf } from './documents';

export interface PrintedFinding {
  readonly label: string;
  readonly note: string;
  /** A breach of the tenancy (referred to the district reviewer), not a condition to correct. */
  readonly violation: boolean;
}

/** A condition deficiency with its NSPIRE-style severity and correction deadline. */
export interface PrintedDeficiency {
  readonly label: string;
  readonly severity: string;
  readonly note: string;
  /** YYYY-MM-DD */
  readonly correctBy: string;
}

export interface InspectionPrintData {
  readonly kind: 'record' | 'rectification';
  /** HC… (record) or ZG… (notice): the same on every reprint of one visit. */
  readonly documentNo: string;
  readonly officeName: string;
  /** YYYY-MM-DD HH:mm, Beijing time. */
  readonly visitedAt: string;
  readonly inspectorName: string;
  /** Estate, building and unit. */
  readonly address: string;
  readonly tenantName: string;
  /** Nobody opened the door: the record shows the attempt only. */
  readonly notHome: boolean;
  /** Who was at the door, e.g. 承租人本人 张三. */
  readonly occupant: string;
  /** The identity checks as read: card, face, fingerprint. */
  readonly checks: readonly string[];
  readonly occupancy: string;
  readonly arrearsMonths: number;
  readonly findings: readonly PrintedFinding[];
  readonly deficiencies: readonly PrintedDeficiency[];
  /** YYYY-MM-DD of the re-inspection the visit scheduled. */
  readonly reinspectionOn: string | null;
  /** The occupant's signature, a PNG data URL; null when refused (or nobody at home). */
  readonly signature: string | null;
  readonly signatureRefused: boolean;
  /** Watermarked photos (JPEG data URLs), printed on the record. */
  readonly photos: readonly string[];
}

export type InspectionDocumentHandlers = {
  /** 入户核查记录 (kind `record`) or 整改通知书 (kind `rectification`) of one visit. */
  'documents/inspection': (args: InspectionPrintData) => Promise<RenderedPdf>;
};
