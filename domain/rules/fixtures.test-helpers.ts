// Test helpers: a valid household that passes every public-rental rule, to vary one field at a time.
import { checkCharacter } from '../identity/idnumber';
import type { Application, ApplicationMember } from './application';

export const idFor = (birth: string, seq: string, region = '440304'): string => {
  const first17 = `${region}${birth.replaceAll('-', '')}${seq}`;
  return first17 + checkCharacter(first17);
};

export function member(over: Partial<ApplicationMember> & Pick<ApplicationMember, 'name' | 'birthDate'>): ApplicationMember {
  const seq = over.relation === 'spouse' ? '002' : '011';
  return {
    personId: `person:${over.name}`,
    relation: 'applicant',
    hukou: 'shenzhen',
    residencePermitSince: null,
    incomes: [{ kind: 'wage', annualAmount: 40_000 }],
    socialInsuranceYears: null,
    qualification: null,
    ownsHousingInShenzhen: false,
    soldHousingOn: null,
    otherBenefits: [],
    removedForViolationOn: null,
    card: {
      idNumber: idFor(over.birthDate, seq),
      genderCode: seq === '002' ? '2' : '1',
      birthDate: over.birthDate,
      validFrom: '2015-01-01',
      validTo: '长期',
    },
    registerIdNumber: null,
    ...over,
  };
}

export function application(over: Partial<Application> = {}): Application {
  return {
    businessItem: 'public_rental',
    districtId: 'district:futian',
    applicationDate: '2024-03-15',
    maritalStatus: 'married',
    minorChildren: 1,
    householdAssets: 300_000,
    members: [
      member({ name: '陈明', birthDate: '1988-06-01', socialInsuranceYears: 5 }),
      member({ name: '林芳', birthDate: '1990-02-10', relation: 'spouse' }),
      member({ name: '陈小宝', birthDate: '2016-09-09', relation: 'child', incomes: [], card: null, registerIdNumber: idFor('2016-09-09', '031') }),
    ],
    ...over,
  };
}

/** Replaces member `index` with changes. */
export function withMember(app: Application, index: number, over: Partial<ApplicationMember>): Application {
  return { ...app, members: app.members.map((m, i) => (i === index ? { ...m, ...over } : m)) };
}
