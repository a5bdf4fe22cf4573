// Shared document shape and JSON-schema building blocks for every collection.
// The schema types mirror RxDB's RxJsonSchema so domain/ needs no database import.

/** ISO-8601 timestamp in UTC, e.g. 2024-03-01T08:30:00.000Z; sorts lexicographically. */
export type IsoDateTime = string;
/** Calendar date YYYY-MM-DD. */
export type IsoDate = string;

/** Fields every stored document carries. */
export interface BaseDoc<T extends string> {
  readonly id: string;
  readonly type: T;
  readonly schemaVersion: number;
  readonly officeId: string;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
}

/** A sensitive value: ciphertext (encrypted by the caller's key service) + keyed hash for exact lookup. */
export interface SealedField {
  /** Ciphertext, base64 or any opaque text the key service produces. */
  readonly enc: string;
  /** Keyed hash (e.g. HMAC-SHA-256 hex) of the normalised clear value. */
  readonly hash: string;
}

export interface JsonSchemaProperty {
  readonly type?: string | readonly string[];
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly multipleOf?: number;
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly items?: JsonSchemaProperty;
  readonly properties?: Readonly<Record<string, JsonSchemaProperty>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly format?: string;
  readonly description?: string;
  readonly final?: boolean;
}

/** The subset of RxDB's RxJsonSchema that the domain declares. */
export interface CollectionSchema {
  readonly title: string;
  readonly description?: string;
  readonly version: number;
  readonly primaryKey: 'id';
  readonly type: 'object';
  readonly properties: Readonly<Record<string, JsonSchemaProperty>>;
  readonly required: readonly string[];
  readonly indexes: readonly (string | readonly string[])[];
  readonly additionalProperties?: boolean;
}

export const ID_MAX = 100;
export const ISO_MAX = 30;
export const HASH_MAX = 64;
export const KEY_MAX = 40;

export const str = (maxLength?: number, description?: string): JsonSchemaProperty => ({
  type: 'string',
  ...(maxLength === undefined ? {} : { maxLength }),
  ...(description === undefined ? {} : { description }),
});
export const strEnum = (values: readonly string[], maxLength = KEY_MAX): JsonSchemaProperty => ({
  type: 'string',
  enum: values,
  maxLength,
});
export const num = (minimum = 0): JsonSchemaProperty => ({ type: 'number', minimum });
export const int = (minimum: number, maximum: number): JsonSchemaProperty => ({
  type: 'integer',
  minimum,
  maximum,
  multipleOf: 1,
});
export const bool: JsonSchemaProperty = { type: 'boolean' };
export const strArray = (maxLength = ID_MAX): JsonSchemaProperty => ({ type: 'array', items: str(maxLength) });
export const obj = (description?: string): JsonSchemaProperty => ({
  type: 'object',
  ...(description === undefined ? {} : { description }),
});
export const nullableStr = (maxLength: number): JsonSchemaProperty => ({ type: ['string', 'null'], maxLength });

/** Properties shared by every collection; `type` is the discriminator within a grouped collection. */
export function baseProperties(types: readonly string[]): Record<string, JsonSchemaProperty> {
  return {
    id: str(ID_MAX),
    type: strEnum(types),
    schemaVersion: int(0, 1000),
    officeId: str(KEY_MAX),
    createdAt: str(ISO_MAX),
    updatedAt: str(ISO_MAX),
  };
}

export const BASE_REQUIRED = ['id', 'type', 'schemaVersion', 'officeId', 'createdAt', 'updatedAt'] as const;

/**
 * Name key for prefix search: NFKC, no spaces or middle dots, lower-case Latin.
 * A prefix query is then `nameKey >= p && nameKey < p + '\uffff'` on the index.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·•.]/g, '')
    .toLowerCase()
    .slice(0, KEY_MAX);
}
