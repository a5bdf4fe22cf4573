// Document kinds the OCR reads and the fields it extracts from each (names shared by the CLI,
// the review UI and the tests).

export const DOC_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property', 'generic'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export const isDocKind = (value: string): value is DocKind => (DOC_KINDS as readonly string[]).includes(value);

/** Extracted values: text, ISO dates (YYYY-MM-DD), ID numbers, or amounts in yuan as numbers. */
export type FieldValue = string | number;
export type FieldValues = Readonly<Record<string, FieldValue>>;

export const FIELDS: Readonly<Record<DocKind, readonly string[]>> = {
  hukou: ['name', 'relation', 'gender', 'birthDate', 'idNumber', 'ethnicity', 'address'],
  marriage: [
    'holder',
    'registrationDate',
    'certificateNumber',
    'party1Name',
    'party1Gender',
    'party1BirthDate',
    'party1IdNumber',
    'party2Name',
    'party2Gender',
    'party2BirthDate',
    'party2IdNumber',
  ],
  income: ['name', 'idNumber', 'employer', 'monthlyIncome', 'annualIncome', 'date'],
  bank: ['name', 'accountNumber', 'periodStart', 'periodEnd', 'creditTotal', 'closingBalance'],
  social: ['name', 'idNumber', 'employer', 'totalMonths', 'date'],
  property: ['name', 'idNumber', 'hasProperty', 'date'],
  generic: [],
};

/** Chinese labels shown beside each field in the review screen. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: '姓名',
  relation: '与户主关系',
  gender: '性别',
  birthDate: '出生日期',
  idNumber: '公民身份号码',
  ethnicity: '民族',
  address: '住址',
  holder: '持证人',
  registrationDate: '登记日期',
  certificateNumber: '结婚证字号',
  party1Name: '一方姓名',
  party1Gender: '一方性别',
  party1BirthDate: '一方出生日期',
  party1IdNumber: '一方身份证件号',
  party2Name: '另一方姓名',
  party2Gender: '另一方性别',
  party2BirthDate: '另一方出生日期',
  party2IdNumber: '另一方身份证件号',
  employer: '工作单位',
  monthlyIncome: '月收入(元)',
  annualIncome: '年收入(元)',
  date: '出具日期',
  accountNumber: '账号',
  periodStart: '起始日期',
  periodEnd: '截止日期',
  creditTotal: '收入合计(元)',
  closingBalance: '期末余额(元)',
  totalMonths: '累计缴费月数',
  hasProperty: '名下不动产',
};

/** Fields that hold an ID number (checked against the card in the review screen). */
export const isIdField = (name: string): boolean => /idNumber$/i.test(name);

/** What an OCR run returns, in every runtime. */
export interface OcrResult {
  readonly kind: DocKind;
  readonly text: string;
  readonly fields: FieldValues;
  /** 0..1 per field; a corrected or doubtful field gets a low value. */
  readonly confidence: Readonly<Record<string, number>>;
}
