// The derived state of a case: what its events add up to.
import type { IsoDate, IsoDateTime } from '../model/common';
import type { BusinessItem } from '../model/programmes';
import type { CaseStatus } from '../model/status';
import type { EventKind, MissingMaterial } from './events';
import type { Stage } from './transitions';

export interface HistoryEntry {
  readonly eventId: string;
  readonly kind: EventKind;
  readonly at: IsoDateTime;
  readonly actorName: string;
  readonly officeId: string;
  /** False when the event did not change the case (duplicate, out of order, contradictory). */
  readonly applied: boolean;
  readonly statusBefore: CaseStatus;
  readonly statusAfter: CaseStatus;
  /** Why an event was not applied, in Chinese. */
  readonly note?: string;
}

export interface Flag {
  readonly reason: string;
  readonly eventIds: readonly string[];
}

export interface CaseState {
  readonly caseId: string | null;
  readonly status: CaseStatus;
  readonly flagged: Flag | null;
  readonly businessItem: BusinessItem | null;
  /** The business item's catalogue code and the catalogue version the case started under (first submission). */
  readonly item: string | null;
  readonly catalogueVersion: string | null;
  readonly decisions: Partial<Readonly<Record<Stage, { readonly outcome: 'approve' | 'reject'; readonly eventId: string }>>>;
  /** The list from the latest return, cleared on resubmission. */
  readonly missingMaterials: readonly MissingMaterial[];
  readonly publicity: { readonly startsOn: IsoDate; readonly endsOn: IsoDate } | null;
  readonly lastEventAt: IsoDateTime | null;
  readonly history: readonly HistoryEntry[];
}

export const INITIAL_STATE: CaseState = {
  caseId: null,
  status: 'new',
  flagged: null,
  businessItem: null,
  item: null,
  catalogueVersion: null,
  decisions: {},
  missingMaterials: [],
  publicity: null,
  lastEventAt: null,
  history: [],
};
