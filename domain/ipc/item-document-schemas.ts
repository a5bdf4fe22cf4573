// Argument schema of documents/decision (joined into ARG_SCHEMAS in schemas.ts).
import { z } from 'zod';
import { isMaskedId } from '../workflow/publicity';
import type { DecisionNoticeData } from './item-documents';

const text = (max: number) => z.string().max(max, `不能超过 ${max} 个字符`);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const required = (what: string, max: number) => z.string().trim().min(1, `决定书须写明${what}`).max(max);

export const decisionNotice: z.ZodType<DecisionNoticeData, unknown> = z.strictObject({
  title: required('文书名称', 40),
  documentNo: z.string().regex(/^JD[0-9]{8}-[0-9A-F]{8}$/, '决定书编号不正确'),
  officeName: required('办理单位', 100),
  date,
  applicantName: required('申请人', 100),
  idMasked: z.string().max(18).refine(isMaskedId, '身份证号码须脱敏显示(如 440304********1234)'),
  itemName: required('事项名称', 100),
  catalogueVersion: z.string().regex(/^\d{4}\.\d{1,3}$/, '事项目录版本不正确'),
  receiptNo: z.union([text(40), z.null()]),
  outcome: required('决定结果', 40),
  opinion: text(1000),
  decidedBy: required('决定人', 100),
  decidedOn: date,
  stages: z.array(z.strictObject({ name: text(60), on: date })).max(40),
  materials: z.array(text(200)).max(60),
  nextSteps: z.array(text(300)).max(10),
});
