// Earlier face enrolments of the same person (matched by the keyed hash of the ID number), so a
// new capture can be compared with them.
import { lookupHash, openText } from '../../domain/crypto/sealing';
import { isDescriptor } from '../../domain/face/match';
import type { CaseContext } from '../cases/case-store';

export interface EarlierFace {
  readonly caseId: string;
  readonly capturedAt: string;
  readonly descriptor: readonly number[];
}

export async function earlierFaces(ctx: CaseContext, idNumber: string): Promise<EarlierFace[]> {
  const idHash = await lookupHash(ctx.keys.lookup, idNumber);
  const persons = await ctx.db.people.find({ selector: { type: 'person', idHash } }).exec();
  const out: EarlierFace[] = [];
  for (const person of persons) {
    const records = await ctx.db.files.find({ selector: { type: 'biometric', personId: person.id } }).exec();
    for (const r of records) {
      if (r.get('kind') !== 'face' || r.get('purged')) continue;
      try {
        const descriptor: unknown = JSON.parse(await openText(ctx.keys.data, String(r.get('dataEnc'))));
        if (isDescriptor(descriptor)) out.push({ caseId: String(r.get('caseId')), capturedAt: String(r.get('createdAt')), descriptor });
      } catch {
        // sealed with a key this workstation does not hold: not comparable here
      }
    }
  }
  return out;
}
