// Reason codes of review decisions (退回补正, 不予通过, 审核意见): a short list with Chinese and English
// labels, shipped as default reference data. A decision stores the codes and their Chinese labels
// so every reader shows the same text, plus the reviewer's free text.
import type { MissingMaterial } from './events';

export type ReasonUse = 'return' | 'reject' | 'approve';

export interface ReasonCode {
  readonly code: string;
  readonly use: ReasonUse;
  readonly zh: string;
  readonly en: string;
}

export const DEFAULT_REASON_CODES: readonly ReasonCode[] = [
  { code: 'R01', use: 'return', zh: '身份证明材料不全或不清晰', en: 'Identity documents missing or illegible' },
  { code: 'R02', use: 'return', zh: '户口簿或婚姻状况证明缺失', en: 'Household register or marital status proof missing' },
  { code: 'R03', use: 'return', zh: '收入证明需补充或更正', en: 'Income proof to be added or corrected' },
  { code: 'R04', use: 'return', zh: '不动产登记查询结果缺失', en: 'Property search result missing' },
  { code: 'R05', use: 'return', zh: '社保缴纳记录需补充', en: 'Social insurance record to be added' },
  { code: 'R06', use: 'return', zh: '申请表信息与证件不一致', en: 'Application form disagrees with the documents' },
  { code: 'J01', use: 'reject', zh: '家庭人均收入超过准入上限', en: 'Per-capita income above the limit' },
  { code: 'J02', use: 'reject', zh: '家庭资产超过准入上限', en: 'Household assets above the limit' },
  { code: 'J03', use: 'reject', zh: '家庭成员在深圳拥有住房', en: 'A member owns housing in Shenzhen' },
  { code: 'J04', use: 'reject', zh: '已享受其他住房保障', en: 'Already receives another housing benefit' },
  { code: 'J05', use: 'reject', zh: '户籍或社保年限不符合条件', en: 'Hukou or social insurance years not met' },
  { code: 'A01', use: 'approve', zh: '材料齐全,符合准入条件', en: 'Materials complete, eligible' },
  { code: 'A02', use: 'approve', zh: '经核查,家庭情况属实', en: 'Household circumstances verified' },
];

export function reasonsFor(use: ReasonUse, codes: readonly ReasonCode[] = DEFAULT_REASON_CODES): ReasonCode[] {
  return codes.filter((c) => c.use === use);
}

/** "身份证明材料不全或不清晰;…;free text", as stored in an opinion or a refusal reason. */
export function reasonText(selected: readonly ReasonCode[], note: string): string {
  return [...selected.map((c) => c.zh), note.trim()].filter((s) => s !== '').join(';');
}

/** A return's list of corrections: one entry per reason code, the free text on the last. */
export function correctionsOf(selected: readonly ReasonCode[], note: string): MissingMaterial[] {
  const list: MissingMaterial[] = selected.map((c) => ({ code: c.code, name: c.zh }));
  if (note.trim() === '') return list;
  return list.length === 0 ? [{ code: 'OTHER', name: note.trim() }] : list.map((m, i) => (i === list.length - 1 ? { ...m, reason: note.trim() } : m));
}
