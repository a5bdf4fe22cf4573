// Design documents are folders of small JavaScript files: the file name is the design-document
// field (validate_doc_update.js → validate_doc_update), the file text its value; a subfolder
// (filters/) becomes an object of functions. A `/* @inline */` line in a file is replaced by the
// shared code of domain/sync: the shape check (also run by the workstation) and the permission
// tables, so that the server and the workstation use one definition.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE } from '../../domain/catalogue/shipped';
import type { Catalogue } from '../../domain/catalogue/types';
import { IMMUTABLE_TYPES, MERGEABLE_TYPES, SIGNED_TYPES, TYPE_WRITERS, eventWriters, itemEventWriters } from '../../domain/sync/permissions';
import { EVENT_LABELS } from '../../domain/workflow/events';
import { checkShape } from '../../domain/sync/shape';

export const DESIGN_ROOT = path.dirname(fileURLToPath(import.meta.url));
const INLINE_MARK = '/* @inline */';

export interface DesignDoc {
  readonly _id: string;
  readonly language: 'javascript';
  readonly [field: string]: unknown;
}

/**
 * The shared definitions as ES source for CouchDB's JavaScript engine. Event writers come from
 * `catalogue` (default: the shipped one) overall, for events naming no item; per item from every
 * version in `versions` (the ones published before, a case keeping the version it started under):
 * for an event naming its version, that version's; for one naming none or an unknown one, any's.
 */
export function sharedSource(catalogue?: Catalogue, versions: readonly Catalogue[] = []): string {
  const all = [...versions.filter((v) => v.version !== (catalogue ?? CATALOGUE).version), catalogue ?? CATALOGUE];
  return [
    // Loaders that keep function names (tsx) wrap inner functions in __name(); harmless here.
    'var __name = function (f) { return f; };',
    `var checkShape = ${checkShape.toString()};`,
    `var TYPE_WRITERS = ${JSON.stringify(TYPE_WRITERS)};`,
    `var EVENT_WRITERS = ${JSON.stringify(eventWriters(catalogue))};`,
    `var ITEM_EVENT_WRITERS = ${JSON.stringify(itemEventWriters(all))};`,
    `var ITEM_EVENT_WRITERS_BY_VERSION = ${JSON.stringify(Object.fromEntries(all.map((v) => [v.version, itemEventWriters(v)])))};`,
    `var EVENT_LABELS = ${JSON.stringify(EVENT_LABELS)};`,
    `var IMMUTABLE_TYPES = ${JSON.stringify(IMMUTABLE_TYPES)};`,
    `var SIGNED_TYPES = ${JSON.stringify(SIGNED_TYPES)};`,
    `var MERGEABLE_TYPES = ${JSON.stringify(MERGEABLE_TYPES)};`,
  ].join('\n  ');
}

/** Reads a folder into an object: `x.js` → field x (its text), a subfolder → a nested object. */
async function readFolder(dir: string, catalogue?: Catalogue, versions?: readonly Catalogue[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out[entry.name] = await readFolder(full, catalogue, versions);
    else if (entry.name.endsWith('.js')) out[entry.name.slice(0, -3)] = (await readFile(full, 'utf8')).trim().replace(INLINE_MARK, sharedSource(catalogue, versions));
  }
  return out;
}

export async function loadDesignDoc(folder: string, id = '_design/hws', catalogue?: Catalogue, versions?: readonly Catalogue[]): Promise<DesignDoc> {
  return { _id: id, language: 'javascript', ...(await readFolder(path.join(DESIGN_ROOT, folder), catalogue, versions)) };
}

/** Compiles a design-document function the way CouchDB does, for tests and local validation. */
export function compileDesignFunction<F extends (...args: never[]) => unknown>(source: string): F {
  return new Function(`return (${source});`)() as F;
}
