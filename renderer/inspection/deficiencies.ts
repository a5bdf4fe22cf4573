// The deficiency catalogue of field inspections as reference data: the shipped NSPIRE-style table
// overlaid by IT's `deficiency` documents (reference collection, synced to every workstation and
// laptop). IT adds, changes or withdraws an item; the server refuses anyone else.
import { useEffect, useMemo, useState } from 'react';
import { AppError } from '../../domain/errors';
import { catalogueOf, deficiencyDoc, deficiencyProblem, type ConditionCatalogue, type Deficiency } from '../../domain/inspection';
import type { DeficiencyDoc } from '../../domain/model/reference';
import type { AnyDoc, WorkstationDb } from '../db/database';
import type { ReferenceContext } from '../reference/reference-store';

export async function deficiencyDocs(db: WorkstationDb): Promise<DeficiencyDoc[]> {
  if (!db.collections.reference) return [];
  return (await db.reference.find({ selector: { type: 'deficiency' } }).exec()).map((d) => d.toJSON() as unknown as DeficiencyDoc);
}

export const loadCatalogue = async (db: WorkstationDb): Promise<ConditionCatalogue> => catalogueOf(await deficiencyDocs(db));

/** Adds or changes an item (`active: false` withdraws it: stored visits keep its text). */
export async function saveDeficiency(ctx: ReferenceContext, d: Deficiency, active = true): Promise<DeficiencyDoc> {
  if (!ctx.user.roles.includes('it')) throw new AppError('NOT_IT', '房屋状况问题及整改期限只能由信息技术人员维护');
  const clean: Deficiency = { code: d.code.trim(), label: d.label.trim(), labelEn: d.labelEn.trim(), severity: d.severity, hours: d.hours };
  const problem = deficiencyProblem(clean);
  if (problem) throw new AppError('BAD_DEFICIENCY', problem);
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const existing = (await deficiencyDocs(ctx.db)).find((x) => x.code === clean.code);
  const doc = deficiencyDoc(clean, { at, active, createdAt: existing?.createdAt });
  await ctx.db.reference.incrementalUpsert(doc as unknown as AnyDoc);
  return doc;
}

/** The IT documents, live (edits arrive by sync). */
export function useDeficiencyDocs(db: WorkstationDb): readonly DeficiencyDoc[] {
  const [docs, setDocs] = useState<readonly DeficiencyDoc[]>([]);
  useEffect(() => {
    if (!db.collections.reference) return;
    const sub = db.reference.find({ selector: { type: 'deficiency' } }).$.subscribe((found) => setDocs(found.map((d) => d.toJSON() as unknown as DeficiencyDoc)));
    return () => sub.unsubscribe();
  }, [db]);
  return docs;
}

export function useDeficiencyCatalogue(db: WorkstationDb): ConditionCatalogue {
  const docs = useDeficiencyDocs(db);
  return useMemo(() => catalogueOf(docs), [docs]);
}
