// The merge rule for editable documents (persons, households, cases' own fields) edited on two
// sides while apart: a three-way merge against the last version both sides agreed on. A field
// changed on one side only takes that change; a field changed on both sides to different values
// takes the value of the side with the later `updatedAt` (device clocks; ties go to the server),
// and the losing value is kept in the returned conflicts for a person to review and choose.
// Fields that are a projection of other data (a case's status from its events) are not merged
// at all: the caller derives them again and passes them as `derived`.
// Event documents never get here: they are append-only with unique ids.

export interface FieldConflict {
  readonly field: string;
  readonly kept: unknown;
  readonly lost: unknown;
  /** Which side's value was kept. */
  readonly winner: 'local' | 'server';
}

export interface MergeResult {
  readonly merged: Record<string, unknown>;
  readonly conflicts: readonly FieldConflict[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const BOOKKEEPING = new Set(['id', '_id', '_rev', '_deleted', '_attachments', '_meta', 'updatedAt']);

export function mergeEdits(
  base: Record<string, unknown> | null,
  local: Record<string, unknown>,
  server: Record<string, unknown>,
  derived: Readonly<Record<string, unknown>> = {},
): MergeResult {
  const localLater = String(local.updatedAt ?? '') > String(server.updatedAt ?? '');
  const merged: Record<string, unknown> = { ...server };
  const conflicts: FieldConflict[] = [];
  const fields = new Set([...Object.keys(local), ...Object.keys(server)]);
  for (const field of fields) {
    if (BOOKKEEPING.has(field) || field in derived) continue;
    const l = local[field];
    const s = server[field];
    if (same(l, s)) continue;
    const localChanged = !base || !same(base[field], l);
    const serverChanged = !base || !same(base[field], s);
    if (localChanged && !serverChanged) merged[field] = l;
    else if (localChanged && serverChanged) {
      merged[field] = localLater ? l : s;
      conflicts.push({ field, kept: localLater ? l : s, lost: localLater ? s : l, winner: localLater ? 'local' : 'server' });
    }
    if (merged[field] === undefined) delete merged[field];
  }
  Object.assign(merged, derived);
  merged.updatedAt = localLater ? local.updatedAt : server.updatedAt;
  return { merged, conflicts };
}
