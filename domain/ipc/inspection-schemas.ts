// Argument schema of documents/inspection (joined into ARG_SCHEMAS in schemas.ts): images only as
// PNG or JPEG data URLs of bounded size, a rectification notice only with something to rectify.
import { z } from 'zod';
import type { InspectionPrintData } from './inspection';

const text = (max: number) => z.string().max(max, `不能超过 ${max} 个字符`);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const image = (kind: 'png' | 'jpeg', max: number) =>
  z.string().max(max, '图像过大,无法打印').regex(new RegExp(`^data:image/${kind};base64,[A-Za-z0-9+/]+={0,2}$`), `图像须为 ${kind.toUpperCase()} 格式`);

export const inspectionPrint: z.ZodType<InspectionPrintData, unknown> = z
  .strictObject({
    kind: z.enum(['record', 'rectification']),
    documentNo: z.string().regex(/^(HC|ZG)[0-9]{8}-[0-9A-F]{8}$/, '核查文书编号不正确'),
    officeName: z.string().trim().min(1, '请写明核查单位').max(100),
    visitedAt: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '核查时间格式应为 YYYY-MM-DD HH:mm'),
    inspectorName: z.string().trim().min(1, '核查文书须写明核查员').max(100),
    address: z.string().trim().min(1, '核查文书须写明房屋地址').max(300),
    tenantName: text(100),
    notHome: z.boolean(),
    occupant: text(200),
    checks: z.array(text(300)).max(10),
    occupancy: text(100),
    arrearsMonths: z.number().int().min(0).max(600),
    findings: z.array(z.strictObject({ label: text(100), note: text(1000), violation: z.boolean() })).max(20),
    deficiencies: z.array(z.strictObject({ label: text(200), severity: text(50), note: text(1000), correctBy: date })).max(50),
    reinspectionOn: z.union([date, z.null()]),
    signature: z.union([image('png', 200_000), z.null()]),
    signatureRefused: z.boolean(),
    photos: z.array(image('jpeg', 400_000)).max(6, '核查记录最多附 6 张照片'),
  })
  .refine((d) => d.kind === 'record' || d.findings.length + d.deficiencies.length > 0, { message: '整改通知书须列明至少一项核查发现', path: ['findings'] });
