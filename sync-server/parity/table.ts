// Comparison and the printed table: the embedded server's answers against a real CouchDB 3.5's
// (from this run, or the committed expected.json made from one), differences listed in full.
import { DOC_KINDS, OFFICE_RELATIONS, WHO } from './probes';
import type { Answers } from './run';

/**
 * Where the embedded server answers differently on purpose, and what it answers instead. Only
 * admins' and signed-in users' requests for features it does not offer (it says so).
 */
export function knownDifference(label: string): { embedded: string; why: string } | undefined {
  if (/^(clerk|inspector|street_reviewer|district_reviewer|it|admin) POST \/_replicate$/.test(label)) {
    return { embedded: '501 not_implemented', why: 'replication is not offered by the embedded server (CouchDB tries it and fails on the unreachable source)' };
  }
  if (label === 'admin _replicator doc') return { embedded: '501 not_implemented', why: 'replication documents are refused, not silently stored' };
  if (label === 'admin GET _config') return { embedded: '501 not_implemented', why: 'the embedded server has no runtime configuration' };
  return undefined;
}

export interface Row {
  readonly label: string;
  readonly embedded: string | undefined;
  readonly reference: string | undefined;
  readonly ok: boolean;
  readonly note?: string;
}

export function compare(embedded: Answers, reference: Answers): Row[] {
  const labels = [...new Set([...Object.keys(embedded), ...Object.keys(reference)])];
  return labels.map((label) => {
    const e = embedded[label];
    const r = reference[label];
    const known = knownDifference(label);
    if (known) return { label, embedded: e, reference: r, ok: e === known.embedded, note: known.why };
    return { label, embedded: e, reference: r, ok: e !== undefined && e === r };
  });
}

const ABBR: Record<string, string> = { forbidden: 'f', unauthorized: 'u', not_found: 'nf', bad_request: 'b', method_not_allowed: 'm', file_exists: 'x', not_implemented: 'ni', illegal_database_name: 'ill' };
const short = (a: string | undefined) => {
  if (a === undefined) return '-';
  const [status, error] = a.split(' ');
  return error ? `${status}${ABBR[error] ?? `:${error}`}` : status!;
};
const cell = (row: Row | undefined) => {
  if (!row) return '-';
  return row.ok && row.embedded === row.reference ? short(row.embedded) : `${short(row.embedded)}≠${short(row.reference)}`;
};

/** A compact table: the role × type × office matrix as a grid, then the other rows one per line. */
export function formatTable(rows: readonly Row[], referenceName: string): string {
  const byLabel = new Map(rows.map((r) => [r.label, r]));
  const lines: string[] = [];
  lines.push(`parity: embedded vs ${referenceName}; a cell is the shared answer, or embedded≠reference`);
  lines.push(`codes: f forbidden, u unauthorized, nf not_found, b bad_request, m method_not_allowed, x file_exists, ni not_implemented`);
  lines.push('');
  lines.push(`${'write (PUT) by'.padEnd(18)}${'document'.padEnd(27)}${OFFICE_RELATIONS.map((o) => o.padEnd(16)).join('')}`);
  const used = new Set<string>();
  for (const who of WHO) {
    for (const kind of [...DOC_KINDS]) {
      const cells = OFFICE_RELATIONS.map((rel) => {
        const label = `${who} write ${kind} @${rel}`;
        used.add(label);
        return cell(byLabel.get(label));
      });
      if (cells.every((c) => c === '-')) continue;
      lines.push(`${who.padEnd(18)}${kind.padEnd(27)}${cells.map((c) => c.padEnd(16)).join('')}`);
    }
  }
  lines.push('');
  const rest = new Map<string, Map<string, string>>();
  for (const row of rows) {
    if (used.has(row.label)) continue;
    const who = WHO.find((w) => row.label.startsWith(`${w} `));
    const what = who ? row.label.slice(who.length + 1) : row.label;
    const m = rest.get(what) ?? new Map<string, string>();
    m.set(who ?? '?', cell(row));
    rest.set(what, m);
  }
  const heads = ['anon', 'wrongpw', 'clerk', 'insp', 'rev', 'drev', 'it', 'admin'];
  lines.push(`${'request'.padEnd(40)}${heads.map((h) => h.padEnd(10)).join('')}`);
  for (const [what, m] of rest) lines.push(`${what.padEnd(40)}${WHO.map((w) => (m.get(w) ?? '-').padEnd(10)).join('')}`);
  const diffs = rows.filter((r) => !r.ok);
  const known = rows.filter((r) => r.ok && r.note);
  if (known.length) {
    lines.push('', 'known differences (by design):');
    for (const r of known) lines.push(`  ${r.label}: embedded ${r.embedded}, ${referenceName} ${r.reference ?? '-'} — ${r.note}`);
  }
  if (diffs.length) {
    lines.push('', 'DIFFERENCES:');
    for (const r of diffs) lines.push(`  ${r.label}\n    embedded:  ${r.embedded ?? '(not asked)'}\n    ${referenceName}: ${r.reference ?? '(not asked)'}`);
  }
  return lines.join('\n');
}
