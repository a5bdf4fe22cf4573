// The application as the rules see it, made again from what a case stores: its household, its
// people and their ID numbers opened by the caller (the dossier's checks, the policy what-if).
// Intake does not store the kind of each income (counted as income here) nor the social-insurance
// years (so that rule answers needs_review): the rules never guess what is not on file.
import type { IdCard } from '../devices';
import { checkIdNumber } from '../identity/idnumber';
import type { CaseDoc, HouseholdDoc, PersonDoc } from '../model';
import type { Application } from '../rules/application';

/** A person's opened ID number and, when the card was read, the card. */
export interface OpenedId {
  readonly id: string;
  readonly card: IdCard | null;
}

type CaseFields = Pick<CaseDoc, 'businessItem' | 'districtId' | 'createdAt' | 'applicantPersonId'>;

export function applicationOf(caseDoc: CaseFields, household: HouseholdDoc | null, persons: ReadonlyMap<string, PersonDoc>, clear: ReadonlyMap<string, OpenedId>, today: string): Application {
  const members = (household?.members ?? []).flatMap((m) => {
    const p = persons.get(m.personId);
    const c = clear.get(m.personId);
    if (!p || !c) return [];
    const id = checkIdNumber(c.id);
    return [
      {
        personId: p.id,
        name: p.name,
        relation: m.relation,
        birthDate: c.card?.birthDate ?? (id.valid ? id.info.birthDate : ''),
        hukou: p.hukou,
        residencePermitSince: p.residencePermitSince,
        incomes: m.annualIncome === null ? null : [{ kind: 'other' as const, annualAmount: m.annualIncome }],
        socialInsuranceYears: null,
        qualification: null,
        ownsHousingInShenzhen: m.ownsHousingInShenzhen,
        soldHousingOn: null,
        otherBenefits: [],
        removedForViolationOn: null,
        card: c.card ? { idNumber: c.card.idNumber, genderCode: c.card.genderCode, birthDate: c.card.birthDate, validFrom: c.card.validFrom, validTo: c.card.validTo } : null,
        registerIdNumber: c.card ? null : c.id,
      },
    ];
  });
  const applicant = persons.get(caseDoc.applicantPersonId);
  const minors = members.filter((m) => m.relation === 'child' && m.birthDate && Number(today.slice(0, 4)) - Number(m.birthDate.slice(0, 4)) - (today.slice(5) < m.birthDate.slice(5) ? 1 : 0) < 18);
  return {
    businessItem: caseDoc.businessItem,
    districtId: caseDoc.districtId,
    applicationDate: caseDoc.createdAt.slice(0, 10),
    maritalStatus: applicant?.maritalStatus ?? null,
    minorChildren: minors.length,
    householdAssets: household?.declaredAssets ?? null,
    members,
  };
}
