// `hws` command line: commander parses every command (cli/commands.ts), answers `--help` at every
// level, and refuses an unknown command or option, a missing or malformed value, with exit code 2.
import { Command, CommanderError } from 'commander';
import { addCommands, leafUsages } from './commands';
import { exitSoonAfterSignal } from './shutdown';

/** Exit codes shared by every command; device, OCR and face commands add 3 and 4 (listed in --help). */
export const EXIT_CODES_HELP = `
退出码 / exit codes:
  0  成功 / done
  1  失败(如审计链不完整、导入有记录被拒绝、服务器错误) / failed (a broken audit chain, refused documents, a server error)
  2  用法错误(未知命令或参数、缺少或错误的值) / usage (unknown command or option, a missing or malformed value)
  3  没有卡、没有手指、没有可用人脸,或批量文件本身被拒绝 / no card, no finger, no usable face, or the batch file itself refused
  4  设备错误,图像无法读取或识别失败 / a device error, an unreadable image or a failed recognition`;

/** Commander's English messages, with the Chinese first. */
const MESSAGES: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/unknown option '([^']+)'/, (m) => `未知参数 ${m[1]}`],
  [/unknown command '([^']+)'/, (m) => `未知命令 ${m[1]}`],
  [/required option '([^']+)' not specified/, (m) => `缺少必填参数 ${m[1]}`],
  [/option '([^']+)' argument missing/, (m) => `参数 ${m[1]} 缺少值`],
  [/missing required argument '([^']+)'/, (m) => `缺少参数 ${m[1]}`],
  [/too many arguments/, () => '多余的参数'],
  [/option '([^']+)' argument '([^']*)' is invalid/, (m) => `参数 ${m[1]} 的值 ${m[2]} 无效`],
];

export function chineseFirst(message: string): string {
  const found = MESSAGES.map(([re, zh]) => [message.match(re), zh] as const).find(([m]) => m);
  return found ? `错误:${found[1](found[0]!)} / ${message}` : message;
}

export function buildProgram(onExit: (code: number) => void): Command {
  const program = new Command('hws')
    .description('深圳街道保障性住房工作站的命令行 / command line of the public-housing workstation')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand(false)
    .exitOverride()
    .showHelpAfterError('(用 --help 查看用法 / see --help)')
    .configureOutput({
      writeOut: (s) => void process.stdout.write(s),
      writeErr: (s) => void process.stderr.write(s),
      outputError: (s, write) => write(`${chineseFirst(s.trimEnd())}\n`),
    });
  const run = async (body: () => Promise<number>) => onExit(await body());
  addCommands(program, run);
  // After a usage error: the command's own usage line, and where to read more.
  const usageAfterError = (cmd: Command, path: string) => {
    for (const sub of cmd.commands) {
      const full = `${path} ${sub.name()}`;
      sub.showHelpAfterError(`用法 / usage: ${full} ${sub.usage()}(${full} --help 查看说明 / for help)`);
      usageAfterError(sub, full);
    }
  };
  usageAfterError(program, program.name());
  program.addHelpText('after', () => `\n全部命令 / every command:\n${leafUsages(program).map((u) => `  ${u}`).join('\n')}\n${EXIT_CODES_HELP}`);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    if (argv.length === 0) {
      program.outputHelp();
    } else {
      await program.parseAsync(argv, { from: 'user' });
    }
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
    else {
      console.error(e instanceof Error ? e.message : String(e));
      code = 1;
    }
  }
  exitSoonAfterSignal(code);
  return code;
}
