// IndexedDB (Dexie) indexes only fields every document has. A grouped collection indexes fields
// that only some of its kinds carry (a household has no idHash), so such fields are declared
// required and a document of another kind carries an empty value there: '' for text, the
// minimum for numbers. `padIndexFields` does that on every local write.
import type { CollectionSchema } from './common';

export function indexedFields(schema: CollectionSchema): string[] {
  return [...new Set(schema.indexes.flatMap((i) => (typeof i === 'string' ? [i] : [...i])))];
}

/** The schema with every indexed field required, as the Dexie storage demands. */
export function requireIndexedFields(schema: CollectionSchema): CollectionSchema {
  return { ...schema, required: [...new Set([...schema.required, ...indexedFields(schema)])] };
}

/** Fills the indexed fields a document lacks with their empty value; other fields are untouched. */
export function padIndexFields<T extends Record<string, unknown>>(schema: CollectionSchema, doc: T): T {
  const out: Record<string, unknown> = { ...doc };
  for (const field of indexedFields(schema)) {
    if (out[field] !== undefined && out[field] !== null) continue;
    const prop = schema.properties[field];
    const isNumber = prop?.type === 'integer' || prop?.type === 'number';
    out[field] = isNumber ? (prop?.minimum ?? 0) : '';
  }
  return out as T;
}
