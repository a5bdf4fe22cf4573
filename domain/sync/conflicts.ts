// Conflicts kept for a person to decide: a field edited on two workstations while apart, where
// the merge rule (merge.ts) kept one value and set the other aside. A person either keeps the
// merged value or uses the other one; sealed values are never shown, only named.
import { SEALED_PREFIX } from '../crypto/sealing';
import { nameKey } from '../model/common';

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

const searchKey = (v: unknown) => nameKey(typeof v === 'string' ? v : '');
/** Fields computed from another field of the same document, by document type. */
const FOLLOWERS: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, (v: unknown) => unknown>>>>>> = {
  case: { applicantName: { nameKey: searchKey } },
  person: { name: { nameKey: searchKey } },
};

/** The fields that follow `field` when it takes `value` (a name's search key), to write along with it. */
export function followingValues(type: string, field: string, value: unknown): Record<string, unknown> {
  const rules = FOLLOWERS[type]?.[field] ?? {};
  return Object.fromEntries(Object.entries(rules).map(([f, compute]) => [f, compute(value)]));
}
