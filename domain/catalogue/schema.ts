// The shape of a catalogue file, checked before its meaning (check.ts): a file from elsewhere —
// `hws catalogue check FILE`, or a document pulled from the server — is never trusted as typed.
import { z } from 'zod';
import { ROLES } from '../model/events';
import { BUSINESS_ITEMS } from '../model/programmes';
import type { Catalogue } from './types';

const text = z.strictObject({ zh: z.string(), en: z.string() });
const id = z.string().min(1).max(64);
const role = z.enum(ROLES);

const material = z.strictObject({
  code: id,
  name: text,
  per: z.enum(['household', 'member', 'adult_member']),
  form: z.enum(['original_checked', 'copy_scanned']),
  when: id.optional(),
});

const rule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('builtin'), rule: id }),
  z.strictObject({
    kind: z.literal('condition'),
    id,
    title: text,
    field: id,
    op: z.enum(['<=', '>=', '==', '!=']),
    value: z.union([z.number(), z.boolean(), z.string().max(200)]),
    onFail: z.enum(['fail', 'needs_review']),
  }),
]);

const stage = z.strictObject({
  id,
  name: text,
  status: id,
  roles: z.array(role),
  deadlineDays: z.number().int().min(0).max(365).nullable(),
  actions: z.array(z.strictObject({ event: id, to: id, roles: z.array(role).optional() })),
  terminal: z.boolean().optional(),
});

const item = z.strictObject({
  code: id,
  name: text,
  programme: z.enum(BUSINESS_ITEMS),
  category: z.enum(['allocation', 'tenancy', 'subsidy', 'exit', 'service']),
  subject: z.enum(['applicant', 'tenancy', 'open_case']),
  appliesTo: z.array(id).optional(),
  requires: z.enum(['current_benefit', 'case_or_benefit']).optional(),
  startedBy: z.array(role),
  materials: z.array(material),
  sections: z.array(z.strictObject({ id, title: text, fields: z.array(id) })),
  rules: z.array(rule),
  start: id,
  stages: z.array(stage).min(1),
  documents: z.array(id),
  captures: z.strictObject({ face: z.boolean(), fingerprint: z.boolean() }).optional(),
  illustrative: z.string().max(500).optional(),
});

const override = z.strictObject({
  districtId: id,
  item: id,
  deadlineDays: z.record(id, z.number().int().min(0).max(365)).optional(),
  rulesOff: z.array(id).optional(),
  materialsAdded: z.array(material).optional(),
  materialsRemoved: z.array(id).optional(),
  note: z.string().max(500).optional(),
});

export const catalogueSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d+$/, '版本号应形如 2026.1'),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '生效日期应形如 2026-01-01'),
  items: z.array(item).min(1),
  overrides: z.array(override),
});

/** The catalogue's shape, or the first problems in Chinese with their place in the file. */
export function parseCatalogue(value: unknown): { ok: true; value: Catalogue } | { ok: false; problems: string[] } {
  const parsed = catalogueSchema.safeParse(value, { error: z.locales.zhCN().localeError });
  if (parsed.success) return { ok: true, value: parsed.data as Catalogue };
  return { ok: false, problems: parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(根)'}:${i.message}`) };
}
