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

type Command = (argv: string[]) => Promise<number>;

interface Args {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

function parse(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) positional.push(a);
    else if (a.includes('=')) flags.set(a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags.set(a.slice(2), argv[++i]!);
    else flags.set(a.slice(2), true);
  }
  return { positional, flags };
}

class UsageError extends Error {}

const str = (args: Args, name: string): string | undefined => {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`--${name} 需要一个值`);
  return v;
};
const required = (args: Args, name: string): string => {
  const v = str(args, name);
  if (v === undefined) throw new UsageError(`缺少参数 --${name}`);
  return v;
};
const num = (args: Args, name: string, fallback: number): number => {
  const v = str(args, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} 必须是非负数字`);
  return n;
};
function oneOf<T extends string>(args: Args, name: string, allowed: readonly T[], fallback: T): T {
  const v = str(args, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} 只能是 ${allowed.join(' | ')}`);
  return v as T;
}

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const err = (text: string): void => void process.stderr.write(`${text}\n`);

/** Run a command body; map usage and device errors to exit codes and Chinese messages on stderr. */
async function guarded(usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      err(`参数错误:${e.message}\n用法:${usage}`);
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

const IDCARD_USAGE = 'hws idcard read --port 路径 [--baud 115200] [--timeout 毫秒] [--wait 毫秒] [--json]';

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

const idcard: Command = (argv) =>
  guarded(IDCARD_USAGE, async () => {
    const args = parse(argv);
    if (args.positional[0] !== 'read') throw new UsageError('子命令只有 read');
    const reader = await SamIdCardReader.openSerial(required(args, 'port'), num(args, 'baud', ID_READER_DEFAULTS.baudRate));
    try {
      const timeout = str(args, 'timeout');
      const card = await reader.readCard({
        waitForCardMs: num(args, 'wait', 0),
        ...(timeout === undefined ? {} : { stepTimeoutMs: num(args, 'timeout', 0) }),
      });
      out(args.flags.has('json') ? JSON.stringify(card, null, 2) : cardSummary(card));
      return EXIT.ok;
    } finally {
      await reader.close();
    }
  });

const FP_USAGE = 'hws fingerprint enroll --port 路径 [--baud 57600] [--json] | hws fingerprint verify --port 路径 --template 文件 [--json]';

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

const fingerprint: Command = (argv) =>
  guarded(FP_USAGE, async () => {
    const args = parse(argv);
    const sub = args.positional[0];
    if (sub !== 'enroll' && sub !== 'verify') throw new UsageError('子命令是 enroll 或 verify');
    const template = sub === 'verify' ? readTemplate(required(args, 'template')) : undefined;
    const fp = await R30xFingerprintModule.openSerial(required(args, 'port'), num(args, 'baud', FP_DEFAULTS.baudRate));
    const capture = { fingerTimeoutMs: num(args, 'wait', FP_DEFAULTS.fingerTimeoutMs) };
    try {
      if (!template) {
        err('请将手指平放在指纹采集窗口上,听到提示后抬起,再按压同一根手指……');
        const t = await fp.enroll(capture);
        out(args.flags.has('json') ? JSON.stringify(t, null, 2) : `录入成功:模板 ${Buffer.from(t.template, 'base64').length} 字节,设备 ${t.module},质量 ${t.quality}\n${t.template}`);
        return EXIT.ok;
      }
      err('请将手指平放在指纹采集窗口上……');
      const m = await fp.verify(template, capture);
      out(args.flags.has('json') ? JSON.stringify(m, null, 2) : m.match ? `指纹匹配(得分 ${m.score})` : `指纹不匹配(得分 ${m.score})`);
      return EXIT.ok;
    } finally {
      await fp.close();
    }
  });

const devices: Command = (argv) =>
  guarded('hws devices [--json]', async () => {
    const args = parse(argv);
    const list = await listDevices();
    if (args.flags.has('json')) out(JSON.stringify(list, null, 2));
    else if (list.length === 0) out('未发现串口或USB设备');
    else for (const d of list) out(`${d.kind === 'hid' ? 'USB-HID' : '串口'}  ${d.path}  ${d.vendorId ? `${d.vendorId}:${d.productId ?? '????'}  ` : ''}${d.looksLike}`);
    return EXIT.ok;
  });

const SIM_USAGE =
  'hws sim idcard --card 文件.json [--port 路径] [--mode normal|no-card|checksum|checksum-always|slow|split|stray|unplug] [--repeat 毫秒] [--pace 波特率]\n' +
  '     hws sim fingerprint [--port 路径] [--mode normal|no-finger|checksum|checksum-always|slow|split|stray|unplug] [--finger 编号] [--pace 波特率]';

function cardFrom(file: string): ReturnType<typeof loadCard> {
  try {
    return loadCard(file);
  } catch (e) {
    throw new UsageError(`身份证样例文件无法使用:${(e as Error).message}`);
  }
}

const sim: Command = (argv) =>
  guarded(SIM_USAGE, async () => {
    const args = parse(argv);
    const port = str(args, 'port');
    const pace = str(args, 'pace');
    const options = { ...(port ? { port } : {}), ...(pace ? { paceBaud: num(args, 'pace', 0) } : {}), log: err };
    let running: RunningSim;
    if (args.positional[0] === 'idcard') {
      const mode = oneOf<IdCardSimMode>(args, 'mode', IDCARD_SIM_MODES, 'normal');
      const repeat = str(args, 'repeat');
      running = await runIdCardSim(cardFrom(required(args, 'card')), mode, repeat === undefined ? undefined : num(args, 'repeat', 0), options);
    } else if (args.positional[0] === 'fingerprint') {
      const mode = oneOf<FingerprintSimMode>(args, 'mode', FINGERPRINT_SIM_MODES, 'normal');
      running = await runFingerprintSim(mode, num(args, 'finger', 1), options);
    } else throw new UsageError('模拟器只有 idcard 和 fingerprint');
    out(running.appPath);
    err(`模拟器已启动,应用请打开 ${running.appPath};按 Ctrl+C 停止`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await running.stop();
    return EXIT.ok;
  });

export const deviceCommands: Record<string, (argv: string[]) => Promise<number>> = { idcard, fingerprint, devices, sim };
