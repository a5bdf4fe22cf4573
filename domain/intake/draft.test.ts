import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../identity/idnumber';
import { DEFAULT_THRESHOLD_DOCS, evaluateApplication, resolveThresholds } from '../rules';
import { referenceDocs } from '../seed';
import { CATALOGUE } from '../catalogue/shipped';
import type { MaterialListDoc } from '../model/reference';
import { blankMember, checklist, missingMaterials, newDraft, toApplication, type IntakeDraft } from './draft';

const id = (first17: string) => first17 + checkCharacter(first17);
const publicRental = (referenceDocs().find((d) => d.id === 'material_list:public_rental') as MaterialListDoc).materials;

function family(): IntakeDraft {
  return {
    ...newDraft('case:1', '2026-11-27T02:00:00Z'),
    businessItem: 'public_rental',
    maritalStatus: 'married',
    householdAssets: 300_000,
    members: [
      { ...blankMember('a', 'applicant'), name: '林晓红', idNumber: id('44030419850615002'), annualIncome: 90_000, socialInsuranceYears: 6, ownsHousingInShenzhen: false },
      { ...blankMember('s', 'spouse'), name: '陈志远', idNumber: id('44030419840120003'), annualIncome: 72_000, ownsHousingInShenzhen: false },
      { ...blankMember('c', 'child'), name: '陈小雨', idNumber: id('44030420150302004'), annualIncome: 0, ownsHousingInShenzhen: false },
    ],
  };
}

describe('materials checklist', () => {
  it('lists per-member materials for each member, adult ones for adults only, and the birth certificate for the child', () => {
    const items = checklist(family(), publicRental, '2026-11-27');
    const labels = items.map((i) => i.label);
    expect(labels).toContain('居民身份证(陈小雨)');
    expect(labels).toContain('收入证明(单位证明或银行流水)(陈志远)');
    expect(labels).not.toContain('收入证明(单位证明或银行流水)(陈小雨)');
    expect(labels).toContain('子女出生医学证明(陈小雨)');
    expect(labels).not.toContain('子女出生医学证明(林晓红)');
    expect(labels.filter((l) => l === '户口簿')).toHaveLength(1);
  });

  it('asks the proof of a member joining or leaving of the other members, never of the tenant (家庭成员变更)', () => {
    const item = CATALOGUE.items.find((i) => i.code === 'public_rental.member_change')!;
    const requirements = item.materials.map((m) => ({ code: m.code, name: m.name.zh, per: m.per, original: m.form === 'original_checked', ...(m.when ? { when: m.when } : {}) }));
    const tenantOnly = { ...family(), members: family().members.filter((m) => m.relation === 'applicant') };
    const alone = checklist(tenantOnly, requirements, '2026-11-27').map((i) => i.code);
    expect(alone).not.toContain('member_added_proof');
    expect(alone).not.toContain('member_removed_proof');
    expect(alone).toContain('id_card');
    const labels = checklist(family(), requirements, '2026-11-27').map((i) => i.label);
    expect(labels).toContain('成员增加证明(结婚证、出生证明等)(陈小雨)');
    expect(labels).not.toContain('成员增加证明(结婚证、出生证明等)(林晓红)');
    expect(labels).not.toContain('成员减少证明(离婚证、死亡证明、户口迁出等)(林晓红)');
  });

  it('tells everything still missing at once', () => {
    const items = checklist(family(), publicRental, '2026-11-27');
    const received = items.filter((i) => i.code === 'id_card' || i.code === 'hukou_book').map((i) => i.id);
    const missing = missingMaterials(items, received);
    expect(missing.length).toBe(items.length - received.length);
    expect(missing.some((m) => m.code === 'id_card')).toBe(false);
  });
});

describe('draft → eligibility', () => {
  it('feeds the rules: 162,000 over 3 persons is 54,000 each — exactly at the limit passes', () => {
    const draft = family();
    const app = toApplication(draft, 'futian', '2026-11-27')!;
    const t = resolveThresholds(DEFAULT_THRESHOLD_DOCS, 'public_rental', 'futian', '2026-11-27');
    if (!t.ok) throw new Error(t.error.message);
    const income = evaluateApplication(app, t.value.thresholds, { today: new Date('2026-11-27') }).results.find((r) => r.rule === 'income')!;
    expect(income.outcome).toBe('pass');
    const richer = { ...draft, members: draft.members.map((m) => (m.key === 'a' ? { ...m, annualIncome: 90_003 } : m)) };
    const over = evaluateApplication(toApplication(richer, "futian", "2026-11-27")!, t.value.thresholds, { today: new Date('2026-11-27') });
    expect(over.results.find((r) => r.rule === 'income')).toMatchObject({ outcome: 'fail', reason: expect.stringContaining('54,001') });
  });

  it('needs a business item first', () => {
    expect(toApplication(newDraft('case:2', '2026-11-27T00:00:00Z'), 'futian', '2026-11-27')).toBeUndefined();
  });
});
