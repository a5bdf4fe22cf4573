// `hws idcard | fingerprint | devices | sim`: device commands for clerks' support staff and scripts.
// Exit codes: 0 ok · 2 usage · 3 no card / no finger · 4 any other device error.
import { readFileSync } from 'node:fs';
import { DeviceError, type FingerprintTemplate, type IdCard, genderName, nationName } from '../domain/devices';
import { maskIdNumber } from '../domain/identity/idnumber';
import { FP_DEFAULTS, FP_MODULE_FAMILY, R30xFingerprintModule } from '../devices/fingerprint/driver';
import { ID_READER_DEFAULTS, SamIdCardReader } from '../devices/idcard/driver';
import { listDevices } from '../devices/list';
import { loadCard } from '../devices/sim/card-file';
import { FINGERPRINT_SIM_MODES, type FingerprintSimMode } from '../devices/sim/fingerprint-sim';
import { IDCARD_SIM_MODES, type IdCardSimMode } from '../devices/sim/idcard-sim';
import { type RunningSim, runFingerprintSim, runIdCardSim } from '../devices/sim/run';

export const EXIT = { ok: 0, usage: 2, absent: 3, device: 4 } as const;

/** A usage problem found after parsing (a card file that cannot be used). */
export class UsageError extends Error {}

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const err = (text: string): void => void process.stderr.write(`${text}\n`);

/** Run a command body; map usage and device errors to exit codes and Chinese messages on stderr. */
async function guarded(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      err(`参数错误:${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof DeviceError) {
      err(`错误(${e.code}):${e.message}`);
      return e.code === 'NO_CARD' || e.code === 'NO_FINGER' ? EXIT.absent : EXIT.device;
    }
    err(`意外错误:${(e as Error).message ?? String(e)}`);
    return EXIT.device;
  }
}

function cardSummary(c: IdCard): string {
  return [
    `姓名:${c.name}`,
    `性别:${genderName(c.genderCode)}    民族:${nationName(c.nationCode)}`,
    `出生:${c.birthDate}`,
    `住址:${c.address}`,
    `公民身份号码:${maskIdNumber(c.idNumber)}(完整号码请用 --json 输出)`,
    `签发机关:${c.issuer}`,
    `有效期限:${c.validFrom} 至 ${c.validTo}`,
    `照片:${Buffer.from(c.photoWlt, 'base64').length} 字节(WLT 加密格式,原样保存)`,
  ].join('\n');
}

export const idcardRead = (args: { port: string; baud?: number; timeout?: number; wait?: number; json?: boolean }): Promise<number> =>
  guarded(async () => {
    const reader = await SamIdCardReader.openSerial(args.port, args.baud ?? ID_READER_DEFAULTS.baudRate);
    try {
      const card = await reader.readCard({
        waitForCardMs: args.wait ?? 0,
        ...(args.timeout === undefined ? {} : { stepTimeoutMs: args.timeout }),
      });
      out(args.json ? JSON.stringify(card, null, 2) : cardSummary(card));
      return EXIT.ok;
    } finally {
      await reader.close();
    }
  });

function readTemplate(file: string): FingerprintTemplate {
  const text = readFileSync(file, 'utf8').trim();
  try {
    const parsed = JSON.parse(text) as Partial<FingerprintTemplate>;
    if (typeof parsed.template === 'string') {
      return { template: parsed.template, module: parsed.module ?? FP_MODULE_FAMILY, quality: parsed.quality ?? 0 };
    }
  } catch {
    // not JSON: a bare base64 template
  }
  return { template: text, module: FP_MODULE_FAMILY, quality: 0 };
}

/** `hws fingerprint enroll` (no template) or `verify` (against the template file). */
export const fingerprintCapture = (args: { port: string; template?: string; baud?: number; wait?: number; json?: boolean }): Promise<number> =>
  guarded(async () => {
    const template = args.template === undefined ? undefined : readTemplate(args.template);
    const fp = await R30xFingerprintModule.openSerial(args.port, args.baud ?? FP_DEFAULTS.baudRate);
    const capture = { fingerTimeoutMs: args.wait ?? FP_DEFAULTS.fingerTimeoutMs };
    try {
      if (!template) {
        err('请将手指平放在指纹采集窗口上,听到提示后抬起,再按压同一根手指……');
        const t = await fp.enroll(capture);
        out(args.json ? JSON.stringify(t, null, 2) : `录入成功:模板 ${Buffer.from(t.template, 'base64').length} 字节,设备 ${t.module},质量 ${t.quality}\n${t.template}`);
        return EXIT.ok;
      }
      err('请将手指平放在指纹采集窗口上……');
      const m = await fp.verify(template, capture);
      out(args.json ? JSON.stringify(m, null, 2) : m.match ? `指纹匹配(得分 ${m.score})` : `指纹不匹配(得分 ${m.score})`);
      return EXIT.ok;
    } finally {
      await fp.close();
    }
  });

export const devicesList = (args: { json?: boolean }): Promise<number> =>
  guarded(async () => {
    const list = await listDevices();
    if (args.json) out(JSON.stringify(list, null, 2));
    else if (list.length === 0) out('未发现串口或USB设备');
    else for (const d of list) out(`${d.kind === 'hid' ? 'USB-HID' : '串口'}  ${d.path}  ${d.vendorId ? `${d.vendorId}:${d.productId ?? '????'}  ` : ''}${d.looksLike}`);
    return EXIT.ok;
  });

function cardFrom(file: string): ReturnType<typeof loadCard> {
  try {
    return loadCard(file);
  } catch (e) {
    throw new UsageError(`身份证样例文件无法使用:${(e as Error).message}`);
  }
}

export interface SimOptions {
  readonly port?: string;
  readonly pace?: number;
  readonly mode?: string;
  readonly card?: string;
  readonly repeat?: number;
  readonly finger?: number;
}

/** `hws sim idcard | fingerprint`: a simulated device on a pseudo-terminal until a signal. */
export const simulate = (device: 'idcard' | 'fingerprint', args: SimOptions): Promise<number> =>
  guarded(async () => {
    const options = { ...(args.port ? { port: args.port } : {}), ...(args.pace !== undefined ? { paceBaud: args.pace } : {}), log: err };
    let running: RunningSim;
    if (device === 'idcard') {
      if (!args.card) throw new UsageError('缺少参数 --card');
      running = await runIdCardSim(cardFrom(args.card), (args.mode ?? 'normal') as IdCardSimMode, args.repeat, options);
    } else {
      running = await runFingerprintSim((args.mode ?? 'normal') as FingerprintSimMode, args.finger ?? 1, options);
    }
    out(running.appPath);
    err(`模拟器已启动,应用请打开 ${running.appPath};按 Ctrl+C 停止`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await running.stop();
    return EXIT.ok;
  });

export { FINGERPRINT_SIM_MODES, IDCARD_SIM_MODES };
