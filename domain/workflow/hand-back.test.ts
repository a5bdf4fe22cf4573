import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue/shipped';
import { buildBenefitIndex, findDuplicateBenefits, type BenefitIndexEntry } from '../identity/checks';
import { checkCharacter, checkIdNumber } from '../identity/idnumber';
import { benefitStanding } from '../intake/benefits';
import { blankMember, newDraft, type IntakeDraft } from '../intake/draft';
import { checkSubmission } from '../intake/submission';
import type { CaseStatus } from '../model/status';
import { actor, stateAt } from './fixtures.test-helpers';
import { handsBackUnit, tenancyEnds, type HoldingCandidate } from './hand-back';
import { itemNext, itemOfState } from './item-engine';
import type { CaseState } from './state';

const V = CATALOGUE.version;
const tenancy = (status: CaseStatus, extra: Partial<CaseState> = {}): CaseState => stateAt(status, { businessItem: 'public_rental', item: 'public_rental', catalogueVersion: V, ...extra });
const exitCase = (status: CaseStatus): CaseState => stateAt(status, { businessItem: 'public_rental', item: 'public_rental.exit', catalogueVersion: V });
const district = actor('district_reviewer', 'office:futian-huafu');
let n = 0;
const input = (state: CaseState) => ({ exit: { caseId: 'case:exit', state, receiptNo: 'SZ-FT-2026-000042' }, actor: district, at: '2026-11-20T02:00:00.000Z', newId: () => `event:${++n}` });
const holding = (caseId: string, state: CaseState): HoldingCandidate => ({ caseId, officeId: 'office:futian-huafu', state });

/** The status each candidate is in once the events are applied (the engine's own transition). */
function after(candidates: readonly HoldingCandidate[], exit: CaseState): Map<string, CaseStatus> {
  const r = tenancyEnds(candidates, input(exit));
  if (!r.ok) throw new Error(r.error.message);
  const out = new Map(candidates.map((c) => [c.caseId, c.state.status]));
  for (const e of r.value) {
    const c = candidates.find((x) => x.caseId === e.caseId)!;
    out.set(e.caseId, itemNext(itemOfState(c.state), 'exit', c.state.status, e.payload));
  }
  return out;
}

// The applicant's renewal at the counter, checked against the benefits the index gives for them.
const ID = '44030419850615002' + checkCharacter('44030419850615002');
function renewalCodes(statuses: ReadonlyMap<string, CaseStatus>): string[] {
  const items: Record<string, string> = { 'case:lease': 'public_rental', 'case:renewal': 'public_rental.renewal', 'case:exit': 'public_rental.exit' };
  const entries: BenefitIndexEntry[] = [...statuses].map(([caseId, status]) => ({ idHash: 'h', officeId: 'o', caseId, businessItem: 'public_rental', role: 'applicant', standing: benefitStanding(status, items[caseId]) }));
  const hits = findDuplicateBenefits('h', buildBenefitIndex(entries));
  const draft: IntakeDraft = {
    ...newDraft('case:renew', '2026-11-27T02:00:00Z'),
    businessItem: 'public_rental',
    item: 'public_rental.renewal',
    maritalStatus: 'single',
    members: [{ ...blankMember('a', 'applicant'), name: '林晓红', idNumber: ID }],
    fingerprint: { template: 'dA==', module: 'R30x/AS608', quality: 80 },
  };
  const r = checkSubmission(draft, { items: [], duplicates: { idNumbers: [ID], hits, byIdNumber: { [ID]: hits } }, on: '2026-11-27' });
  return r.ok ? [] : r.reasons.map((x) => x.code);
}

describe('a finished 退租 ends the tenancy', () => {
  it('the hand-back is the exit recorded at 退房交接; a withdrawal at the counter is not', () => {
    expect(checkIdNumber(ID).valid).toBe(true);
    expect(handsBackUnit(exitCase('review_approved'), 'exit')).toBe(true);
    expect(handsBackUnit(exitCase('submitted'), 'exit')).toBe(false);
    expect(handsBackUnit(exitCase('returned'), 'exit')).toBe(false);
    expect(handsBackUnit(exitCase('review_approved'), 'review_approve')).toBe(false);
    // The tenancy's own exit (after a violation, at its end) and an application's withdrawal are no 退租 item.
    expect(handsBackUnit(tenancy('in_tenancy'), 'exit')).toBe(false);
    expect(handsBackUnit(tenancy('waiting'), 'exit')).toBe(false);
    expect(handsBackUnit(stateAt('review_approved', { businessItem: 'talent_housing', item: 'talent_housing.exit', catalogueVersion: V }), 'exit')).toBe(true);
  });

  it('after the hand-back the tenant holds nothing: a renewal is refused with NO_CURRENT_BENEFIT', () => {
    const before = new Map<string, CaseStatus>([['case:lease', 'in_tenancy'], ['case:exit', 'review_approved']]);
    expect(renewalCodes(before)).toEqual([]);
    const statuses = after([holding('case:lease', tenancy('in_tenancy'))], exitCase('review_approved'));
    expect(statuses.get('case:lease')).toBe('exited');
    expect(benefitStanding(statuses.get('case:lease')!)).toBe('ended');
    // The exit case itself ends with its hand-back.
    statuses.set('case:exit', 'exited');
    expect(renewalCodes(statuses)).toEqual(['NO_CURRENT_BENEFIT']);
  });

  it('ends every holding case of the programme and only those: another programme, an ended case and the exit case stay as they are', () => {
    const candidates = [
      holding('case:lease', tenancy('contracted')),
      holding('case:swap', stateAt('contracted', { businessItem: 'public_rental', item: 'public_rental.swap', catalogueVersion: V })),
      holding('case:subsidy', stateAt('in_tenancy', { businessItem: 'rental_subsidy', item: 'rental_subsidy', catalogueVersion: V })),
      holding('case:old', tenancy('rejected')),
      holding('case:exit', exitCase('review_approved')),
    ];
    const r = tenancyEnds(candidates, input(exitCase('review_approved')));
    expect(r.ok && r.value.map((e) => [e.caseId, e.kind, e.officeId, e.actor.roles])).toEqual([
      ['case:lease', 'exit', 'office:futian-huafu', ['district_reviewer']],
      ['case:swap', 'exit', 'office:futian-huafu', ['district_reviewer']],
    ]);
    expect(r.ok && r.value[0]!.payload).toMatchObject({ reason: 'voluntary', item: 'public_rental', note: expect.stringContaining('SZ-FT-2026-000042') });
    expect([...after(candidates, exitCase('review_approved'))]).toEqual([
      ['case:lease', 'exited'],
      ['case:swap', 'exited'],
      ['case:subsidy', 'in_tenancy'],
      ['case:old', 'rejected'],
      ['case:exit', 'review_approved'],
    ]);
  });

  it('a tenancy that cannot be ended (an unsettled contradiction) refuses the hand-back with the reason', () => {
    const flagged = tenancy('in_tenancy', { flagged: { reason: '初审同时被批准和驳回' } as CaseState['flagged'] });
    const r = tenancyEnds([holding('case:lease', flagged)], input(exitCase('review_approved')));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/^该户的公共租赁住房案件不能终止,退房交接未登记:/);
  });

  it('a tenancy listed as held whose events have not all arrived refuses the hand-back: the exit is not finished while the tenant stays current', () => {
    // The case document says 已签约; only its first events are here (the rest still syncing).
    const partial: HoldingCandidate = { caseId: 'case:lease', officeId: 'office:futian-huafu', state: tenancy('accepted'), listed: { businessItem: 'public_rental', holding: true } };
    const r = tenancyEnds([partial], input(exitCase('review_approved')));
    expect(!r.ok && [r.error.code, r.error.message]).toEqual(['CASE_NOT_SYNCED', '该户的公共租赁住房办件的办理记录尚未全部同步到本工作站,退房交接未登记:请同步完成后再确认']);
    // Not even its submission here: the document's programme still names it.
    const bare: HoldingCandidate = { ...partial, state: stateAt('new') };
    expect(!tenancyEnds([bare], input(exitCase('review_approved'))).ok).toBe(true);
    // Another programme's, or one listed as not held, is left alone as before.
    expect(tenancyEnds([{ ...partial, listed: { businessItem: 'rental_subsidy', holding: true }, state: stateAt('new') }], input(exitCase('review_approved')))).toEqual({ ok: true, value: [] });
    expect(tenancyEnds([{ ...partial, listed: { businessItem: 'public_rental', holding: false } }], input(exitCase('review_approved')))).toEqual({ ok: true, value: [] });
  });

  it('with every case of the person given, none of the programme means the tenancy is not here yet: refused; one already ended ends nothing', () => {
    const complete = { ...input(exitCase('review_approved')), candidatesComplete: true };
    const exitItself = holding('case:exit', exitCase('review_approved'));
    const r = tenancyEnds([exitItself, holding('case:subsidy', stateAt('in_tenancy', { businessItem: 'rental_subsidy', item: 'rental_subsidy', catalogueVersion: V }))], complete);
    expect(!r.ok && [r.error.code, r.error.message]).toEqual(['CASE_NOT_SYNCED', '本工作站还没有该户的公共租赁住房租赁办件记录(可能尚未同步),退房交接未登记:请同步完成后再确认']);
    expect(tenancyEnds([exitItself, holding('case:lease', tenancy('exited'))], complete)).toEqual({ ok: true, value: [] });
  });

  it('a finished change (续租 已核准, 联系信息变更 已办结) is no application in progress: only the tenancy holds the benefit', () => {
    expect(benefitStanding('review_approved', 'public_rental.renewal')).toBe('ended');
    expect(benefitStanding('completed', 'contact_change')).toBe('ended');
    // Still running: a renewal under review, an exit at 退房交接, an application waiting for publicity.
    expect(benefitStanding('preliminary_approved', 'public_rental.renewal')).toBe('applied');
    expect(benefitStanding('review_approved', 'public_rental.exit')).toBe('applied');
    expect(benefitStanding('review_approved', 'public_rental')).toBe('applied');
    expect(benefitStanding('review_approved')).toBe('applied');
    // A swap's new lease is held.
    expect(benefitStanding('contracted', 'public_rental.swap')).toBe('current');
    // After the hand-back the renewal done before it does not make the refusal say an application is pending.
    expect(renewalCodes(new Map([['case:lease', 'exited'], ['case:renewal', 'review_approved'], ['case:exit', 'exited']]))).toEqual(['NO_CURRENT_BENEFIT']);
  });
});
