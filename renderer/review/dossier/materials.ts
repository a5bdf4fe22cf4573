// The materials of a case as intake stored them: each required material, received (checked against
// the original, or a copy) or missing, named as on the checklist (with the member it belongs to),
// and the scanned pages of each with the fields OCR read from them (opened from their sealed form).
import { openText } from '../../../domain/crypto/sealing';
import type { CaseDoc, PersonDoc } from '../../../domain/model';
import type { MaterialDoc, MaterialState, ScanDoc } from '../../../domain/model/files';
import { asQuarterTurn, type QuarterTurn } from '../../../domain/ocr/image';
import type { CaseContext } from '../../cases/case-store';
import { requirementsFor } from '../../intake/materials';

export interface ScanRow {
  readonly id: string;
  readonly mimeType: string;
  readonly byteLength: number;
  readonly contentHash: string;
  readonly officeId: string;
  readonly capturedAt: string;
  /** Fields read by OCR (name, number…), as the clerk confirmed them; empty when none were read. */
  readonly fields: Readonly<Record<string, string>>;
  /** False when the OCR result is sealed with a key this workstation does not hold. */
  readonly readable: boolean;
  /** How far the page lay turned clockwise when OCR read it (shown turned back upright); 0 when unknown. */
  readonly turned: QuarterTurn;
}

export interface MaterialRow {
  readonly id: string;
  readonly code: string;
  readonly label: string;
  readonly state: MaterialState;
  readonly original: boolean;
  readonly scans: readonly ScanRow[];
}

export interface Materials {
  readonly received: readonly MaterialRow[];
  readonly missing: readonly MaterialRow[];
}

const json = <T>(d: { toJSON(): unknown }) => d.toJSON() as T;

async function scanRow(ctx: CaseContext, scan: ScanDoc): Promise<ScanRow> {
  const base = { id: scan.id, mimeType: scan.mimeType, byteLength: scan.byteLength, contentHash: scan.contentHash, officeId: scan.officeId, capturedAt: scan.capturedAt };
  if (!scan.ocrTextEnc) return { ...base, fields: {}, readable: true, turned: 0 };
  try {
    const ocr = JSON.parse(await openText(ctx.keys.data, scan.ocrTextEnc)) as { fields?: Record<string, string>; turned?: unknown };
    return { ...base, fields: ocr.fields ?? {}, readable: true, turned: asQuarterTurn(ocr.turned) };
  } catch {
    return { ...base, fields: {}, readable: false, turned: 0 };
  }
}

/** The case's materials, received and missing, in checklist order, each with its scans. */
export async function readMaterials(ctx: CaseContext, caseDoc: CaseDoc, persons: ReadonlyMap<string, PersonDoc>): Promise<Materials> {
  const files = (await ctx.db.files.find({ selector: { caseId: caseDoc.id } }).exec()).map((d) => json<MaterialDoc | ScanDoc>(d));
  const scans = new Map(files.filter((f): f is ScanDoc => f.type === 'scan').map((s) => [s.id, s]));
  const requirements = requirementsFor(caseDoc.item ?? caseDoc.businessItem, caseDoc.districtId);
  const order = (code: string) => {
    const i = requirements.findIndex((r) => r.code === code);
    return i < 0 ? requirements.length : i;
  };
  const materials = files.filter((f): f is MaterialDoc => f.type === 'material').sort((a, b) => order(a.materialCode) - order(b.materialCode) || a.id.localeCompare(b.id));
  const rows: MaterialRow[] = [];
  for (const m of materials) {
    const requirement = requirements.find((r) => r.code === m.materialCode);
    const member = m.personId ? persons.get(m.personId)?.name : undefined;
    const name = requirement?.name ?? m.materialCode;
    rows.push({
      id: m.id,
      code: m.materialCode,
      label: member ? `${name}(${member})` : name,
      state: m.state,
      original: requirement?.original ?? false,
      scans: await Promise.all(m.scanIds.flatMap((id) => (scans.has(id) ? [scanRow(ctx, scans.get(id)!)] : []))),
    });
  }
  return { received: rows.filter((r) => r.state === 'submitted' || r.state === 'original_checked'), missing: rows.filter((r) => r.state === 'missing' || r.state === 'rejected') };
}
