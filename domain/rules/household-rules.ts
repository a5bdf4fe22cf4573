// Rules 5, 6 and 7: housing owned or sold, household composition, other housing benefits.
import type { DuplicateHit } from '../identity/checks';
import type { Thresholds } from '../model/reference';
import type { Application } from './application';
import { ageOn, yearsBefore } from './format';
import type { RuleResult } from './result';
import { Findings } from './result';

/** Rule 5: no member owns housing in Shenzhen; where required, none sold within N years. */
export function ruleHousing(app: Application, t: Thresholds): RuleResult {
  const f = new Findings();
  for (const m of app.members) {
    if (t.noOwnedHousing) {
      if (m.ownsHousingInShenzhen === true) f.add('fail', `${m.name}在深圳市拥有住房`, `${m.name} owns housing in Shenzhen`);
      else if (m.ownsHousingInShenzhen === null) f.add('needs_review', `尚未取得${m.name}的不动产登记查询结果`, `No property register search result for ${m.name} yet`);
    }
    const years = t.noSaleWithinYears;
    if (years !== null && m.soldHousingOn !== null && m.soldHousingOn > yearsBefore(app.applicationDate, years)) {
      f.add('fail', `${m.name}于${m.soldHousingOn}出售深圳市住房,距申请日不满${years}年`, `${m.name} sold housing in Shenzhen on ${m.soldHousingOn}, less than ${years} years before the application`);
    }
  }
  const sale = t.noSaleWithinYears === null ? '' : `,近${t.noSaleWithinYears}年内未出售住房`;
  const saleEn = t.noSaleWithinYears === null ? '' : `, none sold housing in the last ${t.noSaleWithinYears} years`;
  return f.result('housing', `全部${app.members.length}名家庭成员在深圳市均无自有住房${sale}`, `None of the ${app.members.length} household members owns housing in Shenzhen${saleEn}`);
}

/** Rule 6: spouse and minor children in the household; co-applicants with hukou or a residence permit. */
export function ruleHouseholdComposition(app: Application, t: Thresholds): RuleResult {
  const f = new Findings();
  const on = app.applicationDate;
  if (app.maritalStatus === null) f.add('needs_review', '主申请人婚姻状况尚未核实', "The main applicant's marital status is not yet verified");
  else if (app.maritalStatus === 'married' && !app.members.some((m) => m.relation === 'spouse')) {
    f.add('fail', '主申请人已婚,配偶须作为共同申请人', 'The main applicant is married: the spouse must apply too');
  }
  const minorsIn = app.members.filter((m) => m.relation === 'child' && ageOn(m.birthDate, on) < 18).length;
  if (app.minorChildren === null) f.add('needs_review', '未成年子女情况尚未核实', 'Minor children not yet verified');
  else if (minorsIn < app.minorChildren) {
    f.add('fail', `主申请人有未成年子女${app.minorChildren}名,家庭成员中仅${minorsIn}名,未成年子女须共同申请`, `The main applicant has ${app.minorChildren} minor children, only ${minorsIn} in the household: minor children must apply too`);
  }
  const years = t.coApplicantPermitYears;
  if (years !== null) {
    const since = yearsBefore(on, years);
    for (const m of app.members.filter((x) => x.relation !== 'applicant')) {
      if (m.hukou === 'shenzhen') continue;
      if (m.hukou === 'unknown') f.add('needs_review', `共同申请人${m.name}户籍尚未核实`, `Hukou of co-applicant ${m.name} not yet verified`);
      else if (m.residencePermitSince === null) {
        f.add(ageOn(m.birthDate, on) < 18 ? 'needs_review' : 'fail', `共同申请人${m.name}无深圳户籍,且未持有深圳市居住证`, `Co-applicant ${m.name} has neither Shenzhen hukou nor a Shenzhen residence permit`);
      } else if (m.residencePermitSince > since) {
        f.add('fail', `共同申请人${m.name}居住证自${m.residencePermitSince}起持有,不满${years}年`, `Co-applicant ${m.name} has held a residence permit since ${m.residencePermitSince}, less than ${years} years`);
      }
    }
  }
  return f.result('household_composition', `家庭成员${app.members.length}人,构成符合要求`, `${app.members.length} household members, composition as required`);
}

/** Rule 7: no member enjoys another housing benefit, none removed for a violation within N years. */
export function ruleOtherBenefits(
  app: Application,
  t: Thresholds,
  duplicates: ReadonlyMap<string, readonly DuplicateHit[]> | undefined,
): RuleResult {
  const f = new Findings();
  for (const m of app.members) {
    for (const b of m.otherBenefits.filter((x) => x.active)) f.add('fail', `${m.name}正在享受${b.name}`, `${m.name} currently receives ${b.name}`);
    for (const hit of duplicates?.get(m.personId) ?? []) f.add('fail', `${m.name}:${hit.message}`, `${m.name}: ${hit.messageEn}`);
    const ban = t.violationBanYears;
    if (ban !== null && m.removedForViolationOn !== null && m.removedForViolationOn > yearsBefore(app.applicationDate, ban)) {
      f.add('fail', `${m.name}于${m.removedForViolationOn}因违规被取消住房保障资格,未满${ban}年`, `${m.name} lost housing support for a violation on ${m.removedForViolationOn}, less than ${ban} years ago`);
    }
  }
  const basis = duplicates === undefined ? '(依据申报,尚未进行系统比对)' : '(已比对在办及在享案件)';
  const basisEn = duplicates === undefined ? ' (as declared; not yet compared with the records)' : ' (compared with open cases and current benefits)';
  return f.result('other_benefits', `家庭成员均未享受其他住房保障待遇${basis}`, `No household member receives another housing benefit${basisEn}`);
}
