import { describe, expect, it } from 'vitest';
import { correctionEvents } from './correction';
import { deriveCase } from './derive';
import { actor, ev } from './fixtures.test-helpers';

const LISTED = [
  { code: 'marriage_cert', name: '结婚证' },
  { code: 'income_proof', name: '收入证明' },
];
// Submitted at the counter and returned with a one-time notice of two materials.
const history = () => [
  ev('submit', 'clerk', '2026-03-02T01:00:00.000Z'),
  ev('return', 'clerk', '2026-03-02T01:00:00.001Z', { missingMaterials: LISTED, note: '一次性告知' }),
];
let n = 0;
const input = (supplied: string[], role: Parameters<typeof actor>[0] = 'clerk') => ({
  caseId: 'case:1',
  supplied,
  receiptNo: 'SZ-2026-0001',
  actor: actor(role),
  at: '2026-03-09T02:00:00.000Z',
  newId: () => `event:c${++n}`,
});

describe('补正材料 at the counter', () => {
  it('accepts the case with a receipt number when everything listed is brought', () => {
    const r = correctionEvents(history(), input(['marriage_cert', 'income_proof']));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.events.map((e) => e.kind)).toEqual(['submit', 'accept']);
    expect(r.value.stillMissing).toEqual([]);
    const state = deriveCase([...history(), ...r.value.events]);
    expect(state.status).toBe('accepted');
    expect(r.value.events[1]!.payload).toMatchObject({ receiptNo: 'SZ-2026-0001', item: 'public_rental' });
  });

  it('returns it again with a new notice of only what is still missing', () => {
    const r = correctionEvents(history(), input(['income_proof']));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.events.map((e) => e.kind)).toEqual(['submit', 'return']);
    expect(r.value.stillMissing).toEqual([LISTED[0]]);
    // The resubmission records what was brought, for the dossier and the reviewer.
    expect(r.value.events[0]!.payload).toMatchObject({ supplied: ['income_proof'] });
    const state = deriveCase([...history(), ...r.value.events]);
    expect(state.status).toBe('returned');
    expect(state.missingMaterials.map((m) => m.code)).toEqual(['marriage_cert']);
  });

  it('refuses a material the notice did not list, an empty visit, a case not waiting for corrections, and a reviewer', () => {
    const notListed = correctionEvents(history(), input(['hukou_book']));
    expect(notListed.ok ? '' : notListed.error.message).toContain('不在退回时的补正清单中');
    const empty = correctionEvents(history(), input([]));
    expect(empty.ok ? '' : empty.error.message).toContain('请勾选');
    const accepted = [ev('submit', 'clerk', '2026-03-02T01:00:00.000Z'), ev('accept', 'clerk', '2026-03-02T01:00:00.001Z')];
    const notReturned = correctionEvents(accepted, input(['marriage_cert']));
    expect(notReturned.ok ? '' : notReturned.error.message).toContain('不在待补正状态');
    const reviewer = correctionEvents(history(), input(['marriage_cert', 'income_proof'], 'reviewer'));
    expect(reviewer.ok).toBe(false);
  });
});
