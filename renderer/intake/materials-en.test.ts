// Every material a clerk is asked to tick has an English name, for every item the counter may start
// (the published lists of the four applications included), and the English checklist names the
// member only by name.
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../domain/catalogue/shipped';
import { blankMember, checklist, newDraft } from '../../domain/intake/draft';
import { requirementsFor } from './materials';

describe('material names in English', () => {
  it.each(CATALOGUE.items.map((i) => [i.code]))('%s: every requirement has an English name without Chinese', (code) => {
    const reqs = requirementsFor(code, 'district:440304');
    expect(reqs.length).toBeGreaterThan(0);
    for (const r of reqs) {
      expect(r.nameEn, r.code).toBeTruthy();
      expect(r.nameEn!, r.code).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('the checklist of a household gives each line in both languages', () => {
    const draft = { ...newDraft('case:x', '2026-11-28T00:00:00.000Z'), businessItem: 'public_rental' as const };
    const withMember = { ...draft, members: [{ ...blankMember('m1', 'applicant'), name: '林晓红', birthDate: '1985-06-15' }] };
    const items = checklist(withMember, requirementsFor('public_rental'), '2026-11-28');
    expect(items.length).toBeGreaterThan(3);
    for (const i of items) {
      expect(i.labelEn, i.id).toBeTruthy();
      expect(i.labelEn!.replace('林晓红', ''), i.id).not.toMatch(/\p{Script=Han}/u);
    }
    expect(items.find((i) => i.code === 'id_card')?.labelEn).toMatch(/\(林晓红\)$/);
  });
});
