// The scanner folder: counter scanners save each page as an image file into one folder; the
// workstation lists what is there, hands a chosen file to the intake, and removes the clear copy
// once the intake holds it sealed.

export interface ScanFileInfo {
  /** File name inside the scanner folder (never a path). */
  readonly name: string;
  readonly size: number;
  /** ISO time the scanner wrote it. */
  readonly modifiedAt: string;
}

export interface ScanFolderListing {
  readonly folder: string;
  /** Newest first. */
  readonly files: readonly ScanFileInfo[];
}

export interface ScanFileContent {
  readonly name: string;
  readonly mimeType: string;
  readonly dataBase64: string;
  /** Set when the page was larger than a case needs and was shrunk on the way in (Chinese, for the clerk). */
  readonly notice?: string;
}

export type ScanHandlers = {
  'scans/list': (args: void) => Promise<ScanFolderListing>;
  'scans/read': (args: { readonly name: string }) => Promise<ScanFileContent>;
  'scans/remove': (args: { readonly name: string }) => Promise<void>;
};
