// Design documents are folders of small JavaScript files: the file name is the design-document
// field (validate_doc_update.js → validate_doc_update), the file text its value; a subfolder
// (filters/) becomes an object of functions.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DESIGN_ROOT = path.dirname(fileURLToPath(import.meta.url));

export interface DesignDoc {
  readonly _id: string;
  readonly language: 'javascript';
  readonly [field: string]: unknown;
}

/** Reads a folder into an object: `x.js` → field x (its text), a subfolder → a nested object. */
async function readFolder(dir: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out[entry.name] = await readFolder(full);
    else if (entry.name.endsWith('.js')) out[entry.name.slice(0, -3)] = (await readFile(full, 'utf8')).trim();
  }
  return out;
}

export async function loadDesignDoc(folder: string, id = '_design/hws'): Promise<DesignDoc> {
  return { _id: id, language: 'javascript', ...(await readFolder(path.join(DESIGN_ROOT, folder))) };
}

/** Compiles a design-document function the way CouchDB does, for tests and local validation. */
export function compileDesignFunction<F extends (...args: never[]) => unknown>(source: string): F {
  return new Function(`return (${source});`)() as F;
}
