// `hws` command line: one entry that routes to each area's commands.
import { auditCommand } from './audit';
import { deviceCommands } from './devices';
import { ocrCommand } from './ocr';
import { seedCommand } from './seed';
import { faceCommand } from './face';
import { startCommand } from './start';
import { syncServerCommand } from './sync-server';
import { batchCommand } from './batch';
import { exitSoonAfterSignal } from './shutdown';

type Command = (argv: string[]) => Promise<number>;

const USAGE = `用法 / usage:
  hws start [--browser] [--port N] [--couch-url URL] [--sync-port N] [--data DIR]
  hws sync-server start [--port N] [--data DIR] [--no-demo]
  hws sync-server setup --url URL [--no-demo] [--offices FILE]
  hws idcard read --port PATH [--baud 115200] [--json]
  hws fingerprint enroll|verify --port PATH [--template FILE] [--json]
  hws devices
  hws sim idcard --card FILE.json [--port PATH] [--mode MODE] | hws sim fingerprint [--port PATH] [--mode MODE]`;

const COMMANDS: Record<string, Command> = {
  start: startCommand,
  'sync-server': syncServerCommand,
  batch: batchCommand,
  audit: auditCommand,
  seed: seedCommand,
  ...deviceCommands,
  ocr: ocrCommand,
  face: faceCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(USAGE);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  let code: number;
  try {
    code = await command(rest);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    code = 1;
  }
  exitSoonAfterSignal(code);
  return code;
}
