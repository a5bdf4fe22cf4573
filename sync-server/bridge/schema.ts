// The city platform's record schemas: JSON Schema files in ./schemas, one per record kind and
// version (`hws-case/1`…). The file is the one definition of what is sent: the mapping copies only
// the properties a schema lists, and each record is validated with ajv before it leaves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

export const SCHEMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas');

/** CouchDB document `type` → the platform schema (name/version) its records are sent under. */
export const SCHEMA_OF_TYPE: Readonly<Record<string, string>> = {
  case: 'hws-case/1',
  person: 'hws-person/1',
  household: 'hws-household/1',
  case_event: 'hws-case-event/1',
};

export interface PlatformSchema {
  readonly id: string;
  readonly properties: readonly string[];
  readonly validate: ValidateFunction;
}

let loaded: Map<string, PlatformSchema> | undefined;

export function platformSchemas(): ReadonlyMap<string, PlatformSchema> {
  if (loaded) return loaded;
  const ajv = new Ajv({ allErrors: true, strict: true });
  const map = new Map<string, PlatformSchema>();
  for (const id of Object.values(SCHEMA_OF_TYPE)) {
    const file = path.join(SCHEMA_DIR, `${id.replace('/', '.')}.json`);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { $id: string; properties: Record<string, unknown> };
    if (json.$id !== id) throw new Error(`${file}: $id ${json.$id} is not ${id}`);
    map.set(id, { id, properties: Object.keys(json.properties), validate: ajv.compile(json) });
  }
  loaded = map;
  return map;
}

/** Chinese-first description of ajv's errors, e.g. `/idNumber 格式不符 (must match pattern …)`. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} 不符合平台格式 (${e.message ?? e.keyword}${e.params && 'missingProperty' in e.params ? `: ${String(e.params.missingProperty)}` : ''})`)
    .join('; ');
}
