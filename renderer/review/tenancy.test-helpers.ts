// A vacant unit of the test user's district, for the allocation and contract tests.
import type { HousingUnitDoc } from '../../domain/model/field';
import { FIELD_SCHEMA_VERSION } from '../../domain/model/field';
import type { BusinessItem } from '../../domain/model/programmes';
import type { CaseContext } from '../cases/case-store';

export function vacantUnit(ctx: Pick<CaseContext, 'user'>, id: string, over: { businessItem?: BusinessItem; areaM2?: number; districtId?: string; state?: HousingUnitDoc['state'] } = {}): HousingUnitDoc {
  const at = '2026-01-05T02:00:00.000Z';
  return {
    id,
    type: 'unit',
    schemaVersion: FIELD_SCHEMA_VERSION,
    officeId: ctx.user.officeId,
    createdAt: at,
    updatedAt: at,
    projectName: '华富安居苑',
    districtId: over.districtId ?? ctx.user.districtId,
    streetId: ctx.user.officeId,
    building: '3栋',
    room: id.slice(-4),
    areaM2: over.areaM2 ?? 45,
    bedrooms: 1,
    unitType: 'one_bed',
    businessItem: over.businessItem ?? 'public_rental',
    state: over.state ?? 'vacant',
  };
}
