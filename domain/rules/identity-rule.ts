// Rule 8: every member's ID card valid on the application date, number checksum, birth date and gender.
import { checkCardAgainstNumber, checkCardValidity } from '../identity/checks';
import { checkIdNumber } from '../identity/idnumber';
import type { Application } from './application';
import type { RuleResult } from './result';
import { ageOn } from './format';
import { Findings } from './result';

/** Age from which every resident must hold an ID card; younger children are checked from the 户口簿. */
const CARD_AGE = 16;

export function ruleIdentityDocuments(app: Application, today: Date): RuleResult {
  const f = new Findings();
  const seen = new Map<string, string>();
  for (const m of app.members) {
    let idNumber: string;
    if (m.card !== null) {
      for (const p of checkCardAgainstNumber(m.card, today)) f.add('fail', `${m.name}:${p.message}`, `${m.name}: ${p.messageEn}`);
      const validity = checkCardValidity(m.card, app.applicationDate);
      if (!validity.valid) f.add(validity.code === 'UNKNOWN' ? 'needs_review' : 'fail', `${m.name}:${validity.message}`, `${m.name}: ${validity.messageEn}`);
      idNumber = m.card.idNumber;
    } else if (m.registerIdNumber !== null && ageOn(m.birthDate, app.applicationDate) < CARD_AGE) {
      idNumber = m.registerIdNumber;
    } else {
      f.add('needs_review', `${m.name}未读取身份证,请核验证件`, `${m.name}'s ID card was not read: verify the documents`);
      continue;
    }
    const checked = checkIdNumber(idNumber, today);
    if (!checked.valid) {
      if (m.card === null) f.add('fail', `${m.name}(户口簿):${checked.message}`, `${m.name} (household register): ${checked.messageEn}`);
    } else {
      const other = seen.get(checked.info.idNumber);
      if (other !== undefined) f.add('fail', `${m.name}与${other}的身份证号码相同`, `${m.name} and ${other} have the same ID number`);
      seen.set(checked.info.idNumber, m.name);
      if (checked.info.birthDate !== m.birthDate) {
        f.add('fail', `${m.name}申报的出生日期${m.birthDate}与身份证号码中的${checked.info.birthDate}不一致`, `${m.name}'s declared birth date ${m.birthDate} differs from the ${checked.info.birthDate} in the ID number`);
      }
    }
  }
  return f.result('identity_documents', `全部${app.members.length}名成员身份证在申请日有效,号码校验通过,出生日期与性别一致`, `The ID cards of all ${app.members.length} members are valid on the application date, numbers checked, birth dates and genders agree`);
}
