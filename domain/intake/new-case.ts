// The first step of an intake: the business item and the main applicant, checked field by field
// with messages a clerk can act on.
import { checkIdNumber, type IdNumberInfo } from '../identity/idnumber';
import { isBusinessItem, type BusinessItem } from '../model/programmes';

export interface NewCaseInput {
  readonly businessItem: string;
  readonly applicantName: string;
  readonly idNumber: string;
}

export interface ValidNewCase {
  readonly businessItem: BusinessItem;
  readonly applicantName: string;
  readonly id: IdNumberInfo;
}

export type FieldErrors = Partial<Record<keyof NewCaseInput, string>>;

export type NewCaseCheck = { readonly ok: true; readonly value: ValidNewCase } | { readonly ok: false; readonly errors: FieldErrors };

const NAME = /^[\u3400-\u9fff\u00b7·A-Za-z\s]{2,50}$/u;

/** The Chinese reason a name is not acceptable, or undefined when it is. */
export function applicantNameProblem(raw: string): string | undefined {
  const name = raw.trim();
  if (name === '') return '请填写申请人姓名';
  if (!NAME.test(name)) return '姓名应为2至50个汉字或字母';
  return undefined;
}

export function checkNewCase(input: NewCaseInput, today: Date = new Date()): NewCaseCheck {
  const errors: FieldErrors = {};
  if (!isBusinessItem(input.businessItem)) errors.businessItem = '请选择申请事项';
  const name = input.applicantName.trim();
  const nameProblem = applicantNameProblem(name);
  if (nameProblem) errors.applicantName = nameProblem;
  const id = checkIdNumber(input.idNumber, today);
  if (!id.valid) errors.idNumber = id.message;
  if (Object.keys(errors).length > 0 || !id.valid || !isBusinessItem(input.businessItem)) return { ok: false, errors };
  return { ok: true, value: { businessItem: input.businessItem, applicantName: name, id: id.info } };
}
