import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { deriveCase } from './derive';
import type { CaseEvent } from './events';
import { actor, ev, stateAt } from './fixtures.test-helpers';
import {
  awaitingPublicity,
  objectionVerdict,
  onPublicityList,
  publicityBatches,
  publicityCells,
  publicityNotice,
  publicityPayload,
  publicityPhase,
  publicityRows,
  publicityWindow,
  type PublicityCase,
} from './publicity';
import { decidedStatuses, queueStatuses } from './workspaces';

const FULL_ID = '440304198506150023';
const window = { startsOn: '2026-03-02', endsOn: '2026-03-08' };

/** A case through 复审 and published for `window`. */
function published(extra: CaseEvent[] = []): CaseEvent[] {
  return [
    ev('submit', 'clerk', '2026-02-02T02:00:00.000Z'),
    ev('accept', 'clerk', '2026-02-02T03:00:00.000Z'),
    ev('preliminary_approve', 'reviewer', '2026-02-10T02:00:00.000Z'),
    ev('review_approve', 'district_reviewer', '2026-02-20T02:00:00.000Z'),
    ev('publicity', 'district_reviewer', '2026-03-02T01:00:00.000Z', window),
    ...extra,
  ];
}

const entry = (name: string, street: string, events: CaseEvent[], idMasked = '440304********0023'): { case: PublicityCase; state: ReturnType<typeof deriveCase> } => ({
  case: { caseId: `case:${name}`, applicantName: name, idMasked, businessItem: 'public_rental', street, householdSize: 3 },
  state: deriveCase(events),
});

describe('publicity period', () => {
  it('lasts 7 calendar days, start and end included, across a month end', () => {
    expect(publicityWindow('2026-02-25')).toEqual({ startsOn: '2026-02-25', endsOn: '2026-03-03' });
    expect(publicityWindow('2026-12-28', 10)).toEqual({ startsOn: '2026-12-28', endsOn: '2027-01-06' });
    expect(() => publicityWindow('2026/02/25')).toThrow(/YYYY-MM-DD/);
  });

  it('starts on the Beijing date of publishing (after 16:00 UTC it is already the next day)', () => {
    expect(publicityPayload('2026-03-01T15:59:00.000Z')).toEqual({ startsOn: '2026-03-01', endsOn: '2026-03-07' });
    expect(publicityPayload('2026-03-01T16:00:00.000Z')).toEqual({ startsOn: '2026-03-02', endsOn: '2026-03-08' });
  });

  it('is upcoming, open through its last day, then ended', () => {
    expect(publicityPhase(window, '2026-03-01')).toBe('upcoming');
    expect(publicityPhase(window, '2026-03-02')).toBe('open');
    expect(publicityPhase(window, '2026-03-08')).toBe('open');
    expect(publicityPhase(window, '2026-03-09')).toBe('ended');
  });

  it('is announced with its dates, its length and where to object', () => {
    expect(publicityNotice(window, '福田区住房和建设局')).toBe('公示期:2026-03-02至2026-03-08(共7天)。公示期内如有异议,请向福田区住房和建设局实名反映,逾期不予受理。');
  });
});

describe('the publicity list', () => {
  it('holds published cases only: not the review-approved awaiting publication, nor those sent on to the waiting list', () => {
    const approved = published().slice(0, 4);
    const waiting = published([ev('waitlist', 'district_reviewer', '2026-03-09T02:00:00.000Z')]);
    expect(awaitingPublicity(deriveCase(approved))).toBe(true);
    // A renewal or an exit is 复审通过 too, but its item has no publicity: it never awaits one.
    for (const item of ['public_rental.renewal', 'public_rental.exit']) {
      const other = [ev('submit', 'clerk', '2026-02-02T02:00:00.000Z', { businessItem: 'public_rental', item, catalogueVersion: '2026.1' }), ...approved.slice(1)];
      expect(deriveCase(other).status, item).toBe('review_approved');
      expect(awaitingPublicity(deriveCase(other)), item).toBe(false);
    }
    expect(onPublicityList(deriveCase(approved))).toBe(false);
    expect(onPublicityList(deriveCase(published()))).toBe(true);
    expect(onPublicityList(deriveCase(waiting))).toBe(false);
    const rows = publicityRows([entry('李四', '华富街道', approved), entry('王五', '华富街道', published()), entry('赵六', '华富街道', waiting)]);
    expect(rows.map((r) => r.applicantName)).toEqual(['王五']);
    expect(rows[0]).toMatchObject({ ...window, street: '华富街道', householdSize: 3, businessItem: 'public_rental' });
  });

  it('shows masked ID numbers only, even when handed a full number', () => {
    const rows = publicityRows([entry('王五', '华富街道', published(), FULL_ID), entry('陈七', '香蜜湖街道', published())]);
    expect(rows.map((r) => r.idMasked)).toEqual(['440304********0023', '440304********0023']);
    const printed = rows.flatMap((r, i) => publicityCells(r, i)).join('|');
    expect(printed).not.toContain(FULL_ID);
    expect(printed).not.toContain('19850615');
    expect(publicityCells(rows[0]!, 0)).toEqual(['1', '王五', '440304********0023', '公共租赁住房', '华富街道', '3']);
  });

  it('is grouped by period, the latest first, one list per publication', () => {
    const later = { startsOn: '2026-03-09', endsOn: '2026-03-15' };
    const second = published().map((e) => (e.kind === 'publicity' ? { ...e, at: '2026-03-09T01:00:00.000Z', payload: later } : e)) as CaseEvent[];
    const batches = publicityBatches(publicityRows([entry('甲', '华富街道', published()), entry('乙', '华富街道', second), entry('丙', '华富街道', published())]));
    expect(batches.map((b) => [b.window.startsOn, b.rows.map((r) => r.applicantName)])).toEqual([
      ['2026-03-09', ['乙']],
      ['2026-03-02', ['丙', '甲']],
    ]);
  });
});

describe('objections (公示异议)', () => {
  const input = (at: string, role: 'reviewer' | 'district_reviewer' | 'clerk' = 'district_reviewer') => ({
    id: 'evt:objection',
    caseId: 'case:1',
    kind: 'objection' as const,
    actor: actor(role),
    at,
    payload: { reason: '群众反映申请人名下有商铺' },
  });

  it('sends the case back to 复审: it is in the district reviewer\'s queue again and may be decided afresh', () => {
    const objection = decide(deriveCase(published()), input('2026-03-05T02:00:00.000Z'));
    expect(objection.ok).toBe(true);
    const events = [...published(), objection.ok ? objection.value : (undefined as never)];
    const state = deriveCase(events);
    expect(state.status).toBe('preliminary_approved');
    expect(queueStatuses(['district_reviewer'])).toContain(state.status);
    expect(state.publicity).toBeNull();
    expect(state.history.at(-1)).toMatchObject({ kind: 'objection', applied: true, statusBefore: 'in_publicity' });
    // Rejecting now is a new decision, not a contradiction of the first approval.
    const rejected = deriveCase([...events, ev('review_reject', 'district_reviewer', '2026-03-06T02:00:00.000Z', { reason: '异议属实', objectionUpheld: true })]);
    expect(rejected).toMatchObject({ status: 'rejected', flagged: null });
    expect(decidedStatuses(['district_reviewer'])).toContain('rejected');
  });

  it('is accepted through the last day of the period and refused after it ends (Beijing dates)', () => {
    const state = deriveCase(published());
    expect(decide(state, input('2026-03-08T15:59:00.000Z')).ok).toBe(true);
    expect(decide(state, input('2026-03-08T16:00:00.000Z'))).toMatchObject({ ok: false, error: { code: 'CASE_PAYLOAD', message: '公示期已于2026-03-08结束,不能再登记公示异议' } });
    expect(decide(state, input('2026-03-01T10:00:00.000Z'))).toMatchObject({ ok: false, error: { message: '公示期自2026-03-02开始,尚不能登记公示异议' } });
  });

  it('may be recorded by a street reviewer, never by a clerk, and only with its content', () => {
    const state = deriveCase(published());
    expect(decide(state, input('2026-03-05T02:00:00.000Z', 'reviewer')).ok).toBe(true);
    expect(decide(state, input('2026-03-05T02:00:00.000Z', 'clerk'))).toMatchObject({ ok: false, error: { code: 'CASE_ROLE', message: '窗口受理员无权登记公示异议' } });
    expect(decide(state, { ...input('2026-03-05T02:00:00.000Z'), payload: { reason: '  ' } })).toMatchObject({ ok: false, error: { message: '登记公示异议须写明异议内容' } });
    expect(objectionVerdict(state, actor('clerk'), '2026-03-05T02:00:00.000Z').ok).toBe(false);
    expect(objectionVerdict(state, actor('reviewer'), '2026-03-09T02:00:00.000Z')).toMatchObject({ ok: false, code: 'PAYLOAD' });
  });

  it('is refused on a case not in publicity', () => {
    expect(objectionVerdict(stateAt('review_approved'), actor('district_reviewer'), '2026-03-05T02:00:00.000Z')).toMatchObject({ ok: false, code: 'STATUS' });
  });

  it('recorded offline after the period, it does not apply when synced: the case is flagged, not moved', () => {
    const late = ev('objection', 'reviewer', '2026-03-10T02:00:00.000Z', { reason: '逾期异议' });
    const state = deriveCase([...published(), late]);
    expect(state.status).toBe('in_publicity');
    expect(state.history.at(-1)).toMatchObject({ kind: 'objection', applied: false });
    expect(state.flagged?.reason).toContain('公示期已于2026-03-08结束');
  });

  it('after an objection, a late waiting-list entry no longer applies', () => {
    const state = deriveCase(published([ev('objection', 'reviewer', '2026-03-05T02:00:00.000Z', { reason: '异议' }), ev('waitlist', 'district_reviewer', '2026-03-09T02:00:00.000Z')]));
    expect(state.status).toBe('preliminary_approved');
    expect(state.history.at(-1)).toMatchObject({ kind: 'waitlist', applied: false });
  });
});
