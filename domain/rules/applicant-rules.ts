// Rules 1 and 4: the main applicant's age and hukou, and years of social insurance.
import type { Thresholds } from '../model/reference';
import type { Application, ApplicationMember } from './application';
import { ageOn, formatYears } from './format';
import type { RuleResult } from './result';
import { Findings } from './result';

export function mainApplicant(app: Application): ApplicationMember | undefined {
  return app.members.find((m) => m.relation === 'applicant');
}

const NO_APPLICANT = '未指定主申请人';
const NO_APPLICANT_EN = 'No main applicant named';

/** Rule 1: main applicant of full age on the application date, with Shenzhen hukou where required. */
export function ruleApplicantAgeHukou(app: Application, t: Thresholds): RuleResult {
  const f = new Findings();
  const a = mainApplicant(app);
  if (!a) return f.add('fail', NO_APPLICANT, NO_APPLICANT_EN).result('applicant_age_hukou');
  const age = ageOn(a.birthDate, app.applicationDate);
  if (age < t.minApplicantAge) {
    f.add('fail', `主申请人${a.name}申请日为${age}周岁,未满${t.minApplicantAge}周岁`, `Main applicant ${a.name} is ${age} on the application date, under ${t.minApplicantAge}`);
  } else {
    f.add('pass', `主申请人${a.name}申请日为${age}周岁,已满${t.minApplicantAge}周岁`, `Main applicant ${a.name} is ${age} on the application date, at least ${t.minApplicantAge}`);
  }
  if (t.requireHukou) {
    if (a.hukou === 'shenzhen') f.add('pass', '具有深圳市户籍', 'Has Shenzhen hukou');
    else if (a.hukou === 'unknown') f.add('needs_review', '主申请人户籍尚未核实,请核对户口簿', 'Hukou of the main applicant not yet verified: check the household register');
    else f.add('fail', '主申请人不具有深圳市户籍', 'The main applicant has no Shenzhen hukou');
  }
  return f.result('applicant_age_hukou');
}

const QUALIFICATION_LABELS = { bachelor: '本科学历', intermediate_title: '中级职称' } as const;
const QUALIFICATION_EN = { bachelor: 'bachelor degree', intermediate_title: 'intermediate title' } as const;

/** Rule 4: years of Shenzhen social insurance (fewer with a degree or title where the programme allows). */
export function ruleSocialInsurance(app: Application, t: Thresholds): RuleResult {
  const f = new Findings();
  const need = t.socialInsuranceYears;
  if (need === null) return f.add('pass', '本项目不设社保缴纳年限要求', 'This programme sets no social-insurance requirement').result('social_insurance');
  const a = mainApplicant(app);
  if (!a) return f.add('fail', NO_APPLICANT, NO_APPLICANT_EN).result('social_insurance');
  const years = a.socialInsuranceYears;
  if (years === null) return f.add('needs_review', '尚未取得主申请人社保缴纳记录', "The main applicant's social-insurance record is not yet on file").result('social_insurance');
  const y = formatYears(years);
  if (years >= need) return f.add('pass', `主申请人累计缴纳社保${y}年,达到${need}年的要求`, `Main applicant insured ${y} years, meeting the ${need} years required`).result('social_insurance');
  const reduced = t.socialInsuranceYearsQualified;
  if (reduced !== null && years >= reduced && a.qualification !== null) {
    const q = QUALIFICATION_LABELS[a.qualification];
    return f.add('pass', `主申请人累计缴纳社保${y}年,具有${q},达到${reduced}年的要求`, `Main applicant insured ${y} years, with a ${QUALIFICATION_EN[a.qualification]}, meeting the ${reduced} years required`).result('social_insurance');
  }
  const hint = reduced !== null && years >= reduced ? `(具有本科学历或中级职称者为${reduced}年)` : '';
  const hintEn = reduced !== null && years >= reduced ? ` (${reduced} with a bachelor degree or intermediate title)` : '';
  return f.add('fail', `主申请人累计缴纳社保${y}年,不足${need}年${hint}`, `Main applicant insured ${y} years, fewer than the ${need} required${hintEn}`).result('social_insurance');
}
