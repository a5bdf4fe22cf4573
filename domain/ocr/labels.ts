// A recognised text line, as the extractors read it (meaning.ts finds labels and values in them).

export interface ReadLine {
  readonly text: string;
  /** 0..1 */
  readonly confidence: number;
  /** Confidence of parts of the line (table cells), by character offset; else the line's. */
  readonly spans?: readonly { readonly start: number; readonly end: number; readonly confidence: number }[];
  /** The index of the recognised line this one was made from (tables.ts); its own index when absent. */
  readonly origin?: number;
}
