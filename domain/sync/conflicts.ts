// Conflicts kept for a person to decide: a field edited on two workstations while apart, where
// the merge rule (merge.ts) kept one value and set the other aside. A person either keeps the
// merged value or uses the other one; sealed values are never shown, only named.
import { SEALED_PREFIX } from '../crypto/sealing';

export type ConflictChoice = 'keep' | 'use_other';

export interface ConflictRecord {
  /** One open conflict per document field: `collection|docId|field`. */
  readonly key: string;
  readonly collection: string;
  readonly docId: string;
  readonly field: string;
  /** The value the merge kept (now in the document) and the one it set aside. */
  readonly kept: unknown;
  readonly lost: unknown;
  /** When the merge found it (ISO). */
  readonly at: string;
  readonly resolution: { readonly choice: ConflictChoice; readonly at: string; readonly by: string | null } | null;
}

export const conflictKey = (collection: string, docId: string, field: string): string => `${collection}|${docId}|${field}`;

/** What the IT view may show of a value: sealed fields and keyed hashes are only named. */
export type ValueSummary = { readonly kind: 'sealed' } | { readonly kind: 'empty' } | { readonly kind: 'text'; readonly text: string };

export const SUMMARY_MAX = 80;

export function summarizeValue(field: string, value: unknown): ValueSummary {
  if (value === undefined || value === null || value === '') return { kind: 'empty' };
  if (/(Enc|Hash)$/.test(field) || (typeof value === 'string' && value.startsWith(SEALED_PREFIX))) return { kind: 'sealed' };
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { kind: 'text', text: text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1)}…` : text };
}

export const MAX_CONFLICTS_KEPT = 200;

/** Adds or reopens a conflict; beyond the bound, resolved ones go first, then the oldest. */
export function addConflict(list: readonly ConflictRecord[], c: ConflictRecord): ConflictRecord[] {
  const rest = list.filter((x) => x.key !== c.key);
  const all = [...rest, c];
  while (all.length > MAX_CONFLICTS_KEPT) {
    const i = all.findIndex((x) => x.resolution !== null);
    all.splice(i >= 0 ? i : 0, 1);
  }
  return all;
}
