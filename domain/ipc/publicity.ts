// The publicity list (公示名单) exported on the main side, as PDF (pdfkit, with the Chinese font
// main holds) and as an Excel workbook (exceljs). Both take the same list; its ID numbers must be
// masked (the argument schema refuses a full number, see schemas.ts).
import type { BusinessItem } from '../model/programmes';

export interface PublicityListRow {
  readonly applicantName: string;
  /** Masked, e.g. 440304********1234. */
  readonly idMasked: string;
  readonly businessItem: BusinessItem;
  readonly street: string;
  readonly householdSize: number | null;
}

export interface PublicityListData {
  /** Who publishes and receives objections, e.g. 福田区住房和建设局. */
  readonly officeName: string;
  /** YYYY-MM-DD, inclusive. */
  readonly startsOn: string;
  readonly endsOn: string;
  readonly rows: readonly PublicityListRow[];
}

export interface ExportedFile {
  readonly fileName: string;
  readonly base64: string;
  readonly mimeType: string;
}

export type PublicityHandlers = {
  'documents/publicity-pdf': (args: PublicityListData) => Promise<ExportedFile>;
  'documents/publicity-xlsx': (args: PublicityListData) => Promise<ExportedFile>;
};
