// Temporary entry until the lead wires deviceCommands into the `hws` binary:
//   npx tsx main/cli/devices-main.ts idcard read --port /dev/ttyUSB0 --json
import { deviceCommands } from './devices';

const [name, ...rest] = process.argv.slice(2);
const command = name === undefined ? undefined : deviceCommands[name];
if (!command) {
  process.stderr.write(`用法:devices-main <${Object.keys(deviceCommands).join('|')}> …\n`);
  process.exit(2);
}
command(rest).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`意外错误:${String(e)}\n`);
    process.exit(4);
  },
);
