// The arguments every renderer → main call may carry, as zod schemas: one per handler name,
// typed against the contract (a schema that drifts from its handler's argument type fails the
// type check), checked once in main/dispatch.ts before any handler runs. Kept out of contract.ts
// so the renderer, which imports values from there, does not bundle zod.
import { z } from 'zod';
import type { ArgsOf, HandlerName } from './contract';
import { BUSINESS_ITEMS } from '../model/programmes';
import { isMaskedId } from '../workflow/publicity';
import type { DeviceKind } from './devices';
import { BATCH_CHUNK_BYTES, BATCH_FILE_PATTERN, MAX_BATCH_BYTES, TRANSFER_ID_PATTERN } from './batches';
import { inspectionPrint } from './inspection-schemas';
import { decisionNotice } from './item-document-schemas';
import { OCR_CHUNK_BYTES } from './ocr';
import { DOC_KINDS } from '../ocr/fields';
import { MAX_IMAGE_BYTES } from '../images/size-policy';

/** Calls that take nothing: the page sends no argument (undefined), or null / {} from older code. */
const none = z.union([z.undefined(), z.null(), z.strictObject({})]).transform((): void => undefined);

const text = (max: number) => z.string().max(max, `不能超过 ${max} 个字符`);

// ── devices ──────────────────────────────────────────────────────────────────────────────────
const DEVICE_KINDS = ['idcard', 'fingerprint'] as const satisfies readonly DeviceKind[];

/** The rates each protocol's devices run at: SAM ID card readers, and R30x/AS608 modules (9600 × N). */
export const BAUD_RATES: Readonly<Record<DeviceKind, readonly number[]>> = {
  idcard: [9600, 19200, 38400, 57600, 115200],
  fingerprint: [9600, 19200, 28800, 38400, 48000, 57600, 67200, 76800, 86400, 96000, 105600, 115200],
};

/**
 * A serial device path: /dev/ttyUSB0, /dev/ttyS1, /dev/ttyACM0, /dev/pts/3 (a simulator's pty),
 * /dev/serial/by-id/…, /dev/cu.usbserial-… (macOS), COM3 or \\.\COM12 (Windows).
 */
export const SERIAL_PORT_PATTERN =
  /^(?:\/dev\/(?:tty[A-Za-z0-9._-]{1,32}|pts\/\d{1,6}|cu\.[A-Za-z0-9._-]{1,64}|serial\/by-(?:id|path)\/(?!\.\.?$)[A-Za-z0-9:._+-]{1,200})|(?:\\\\\.\\)?COM[1-9]\d{0,2})$/;

const port = z
  .string()
  .max(260)
  .regex(SERIAL_PORT_PATTERN, '端口必须是串口设备,例如 /dev/ttyUSB0、/dev/serial/by-id/… 或 COM3');

const configureDevice = z
  .strictObject({ kind: z.enum(DEVICE_KINDS), port: z.union([port, z.literal(''), z.null()]), baudRate: z.number().optional() })
  .superRefine((args, ctx) => {
    if (args.baudRate !== undefined && !BAUD_RATES[args.kind].includes(args.baudRate)) {
      ctx.addIssue({ code: 'custom', path: ['baudRate'], message: `波特率只能是 ${BAUD_RATES[args.kind].join('、')} 之一` });
    }
  })
  .transform((args) => ({ kind: args.kind, port: args.port || null, ...(args.baudRate === undefined ? {} : { baudRate: args.baudRate }) }));

const fingerprintTemplate = z.strictObject({
  template: z.string().min(1).max(16_384).regex(/^[A-Za-z0-9+/]+={0,2}$/, '指纹模板必须是 base64'),
  module: text(64),
  quality: z.number().min(0).max(100),
});

// ── documents ────────────────────────────────────────────────────────────────────────────────
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const materials = z.array(z.looseObject({ label: text(200), original: z.boolean() })).max(200);
/** Loose: fields the intake adds to a receipt later pass through to the PDF; the ones it prints are checked. */
const receipt = z.looseObject({
  kind: z.enum(['receipt', 'notice']),
  receiptNo: z.string().regex(/^[A-Z0-9-]{6,40}$/, '回执编号不正确'),
  officeName: text(100),
  date,
  applicantName: text(100),
  idMasked: text(40),
  businessItemLabel: text(200),
  received: materials,
  missing: materials,
  nextSteps: z.array(text(500)).max(50),
  deadline: date,
  clerkName: text(100),
});

const noticeNo = z.string().regex(/^[A-Z0-9-]{6,40}$/, '告知书编号不正确');
const correctionNotice = z.strictObject({
  noticeNo,
  officeName: text(100),
  date,
  applicantName: z.string().trim().min(1, '补正告知书须写明申请人').max(100),
  idMasked: text(40),
  businessItemLabel: text(200),
  receiptNo: z.union([noticeNo, z.null()]),
  returnedBy: text(100),
  returnedOn: date,
  corrections: z
    .array(z.strictObject({ name: z.string().trim().min(1, '补正事项不能为空').max(500), reason: text(1000).optional() }))
    .min(1, '补正告知书须列明至少一项补正内容')
    .max(100),
  deadline: date,
  clerkName: text(100),
});

/** The publicity list: masked ID numbers only (a full number is refused before any file is made). */
const publicityList = z.strictObject({
  officeName: z.string().trim().min(1, '请写明公示单位').max(100),
  startsOn: date,
  endsOn: date,
  rows: z
    .array(
      z.strictObject({
        applicantName: z.string().trim().min(1, '申请人姓名不能为空').max(100),
        idMasked: z.string().max(18).refine(isMaskedId, '身份证号码须脱敏显示(如 440304********1234),不能导出完整号码'),
        businessItem: z.enum(BUSINESS_ITEMS),
        street: text(100),
        householdSize: z.union([z.number().int().min(1).max(100), z.null()]),
      }),
    )
    .max(5000, '一次最多导出 5000 户'),
});

// ── scans, session ───────────────────────────────────────────────────────────────────────────
const scanName = z.strictObject({ name: z.string().min(1, '缺少扫描文件名').max(255) });
const ocrStage = z.strictObject({
  transferId: z.string().regex(TRANSFER_ID_PATTERN, '传输编号不正确'),
  offset: z.number().int().min(0).max(MAX_IMAGE_BYTES),
  dataBase64: z.string().min(1).max(Math.ceil(OCR_CHUNK_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容必须是 base64'),
});
const ocrRead = z.strictObject({ transferId: z.string().regex(TRANSFER_ID_PATTERN, '传输编号不正确'), kind: z.enum(DOC_KINDS) });
const login = z.strictObject({ username: text(200), password: text(1024) });

// ── batches ──────────────────────────────────────────────────────────────────────────────────
const transferId = z.string().regex(TRANSFER_ID_PATTERN, '传输编号不正确');
const batchStage = z.strictObject({
  transferId,
  offset: z.number().int().min(0).max(MAX_BATCH_BYTES),
  dataBase64: z.string().min(1).max(Math.ceil(BATCH_CHUNK_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容必须是 base64'),
});
const batchSave = z.strictObject({ transferId, folder: z.string().trim().min(1, '请选择或填写保存的文件夹').max(1024), fileName: z.string().regex(BATCH_FILE_PATTERN, '批量文件名不正确') });

type ArgSchemas = { readonly [K in HandlerName]: z.ZodType<ArgsOf<K>, unknown> };

export const ARG_SCHEMAS: ArgSchemas = {
  'app/info': none,
  'session/login': login,
  'session/logout': none,
  'session/authorize': login,
  'signoff/status': z.strictObject({ username: text(200) }),
  'signoff/enroll': login,
  'signoff/fingerprint': z.strictObject({ username: text(200) }),
  'session/override': z.strictObject({ username: text(200), password: text(1024), caseId: text(200), reason: z.string().trim().min(1, '请填写放行理由').max(500) }),
  'devices/status': none,
  'devices/list': none,
  'devices/configure': configureDevice,
  'devices/training': z.strictObject({ enabled: z.boolean() }),
  'devices/test': z.strictObject({ kind: z.enum(DEVICE_KINDS) }),
  'idcard/read': z.union([z.undefined(), z.strictObject({ waitForCardMs: z.number().int().min(0).max(60_000).optional() })]).transform((a) => a ?? {}),
  'fingerprint/enroll': none,
  'fingerprint/verify': z.strictObject({ template: fingerprintTemplate }),
  'documents/render': receipt,
  'documents/correction-notice': correctionNotice,
  'documents/publicity-pdf': publicityList,
  'documents/publicity-xlsx': publicityList,
  'documents/inspection': inspectionPrint,
  'documents/decision': decisionNotice,
  'scans/list': none,
  'scans/read': scanName,
  'scans/remove': scanName,
  'ocr/stage': ocrStage,
  'ocr/read': ocrRead,
  'batches/targets': none,
  'batches/stage': batchStage,
  'batches/save': batchSave,
  'batches/import': z.strictObject({ transferId, username: text(200), password: text(1024) }),
  'batches/discard': z.strictObject({ transferId }),
};

export type ArgCheck = { readonly ok: true; readonly args: unknown } | { readonly ok: false; readonly message: string };

/** zod's own messages in Simplified Chinese (type, length, enum…), for reasons no schema words itself. */
const zhCN = z.locales.zhCN().localeError;
const FIELD_NAMES: Readonly<Record<string, string>> = { port: '端口', baudRate: '波特率', kind: '设备类型', name: '文件名', enabled: '开关', corrections: '补正内容', applicantName: '申请人' };

/** Checks a call's arguments against its schema; on failure, one Chinese sentence naming each wrong field. */
export function checkArgs(name: HandlerName, args: unknown): ArgCheck {
  const schema = ARG_SCHEMAS[name] as z.ZodType | undefined;
  // A handler without a schema is refused rather than run unchecked.
  if (!schema) return { ok: false, message: `操作 ${name} 没有参数定义,已拒绝` };
  const result = schema.safeParse(args, { error: zhCN });
  if (result.success) return { ok: true, args: result.data };
  const reasons = result.error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `${FIELD_NAMES[field] ?? field}:${issue.message}` : issue.message;
  });
  return { ok: false, message: `操作 ${name} 的参数不正确 — ${reasons.join(';')}` };
}

