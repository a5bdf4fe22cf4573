// Design documents are folders of small JavaScript files: the file name is the design-document
// field (validate_doc_update.js → validate_doc_update), the file text its value.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DESIGN_ROOT = path.dirname(fileURLToPath(import.meta.url));

export interface DesignDoc {
  readonly _id: string;
  readonly language: 'javascript';
  readonly [field: string]: unknown;
}

export async function loadDesignDoc(folder: string, id = '_design/hws'): Promise<DesignDoc> {
  const dir = path.join(DESIGN_ROOT, folder);
  const doc: Record<string, unknown> = { _id: id, language: 'javascript' };
  for (const file of (await readdir(dir)).sort()) {
    if (!file.endsWith('.js')) continue;
    doc[file.slice(0, -3)] = (await readFile(path.join(dir, file), 'utf8')).trim();
  }
  return doc as DesignDoc;
}

/** Compiles a design-document function the way CouchDB does, for tests and local validation. */
export function compileDesignFunction<F extends (...args: never[]) => unknown>(source: string): F {
  return new Function(`return (${source});`)() as F;
}
