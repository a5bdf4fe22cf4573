// Every `hws` command and subcommand, declared once on commander: its arguments, options (with
// their checks), help text, and the implementation it runs. Implementations are imported when
// their command runs, so `hws --help` or a usage error never loads the OCR or face models.
import type { Command} from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { DOC_KINDS, type DocKind } from '../domain/ocr/fields';

/** Runs an implementation and keeps its exit code. */
export type Run = (body: () => Promise<number>) => Promise<void>;

const IDCARD_SIM_MODES = ['normal', 'no-card', 'checksum', 'checksum-always', 'slow', 'split', 'stray', 'unplug'] as const;
const FINGERPRINT_SIM_MODES = ['normal', 'no-finger', 'checksum', 'checksum-always', 'slow', 'split', 'stray', 'unplug'] as const;

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('端口号须为 1–65535 的整数 / a port is an integer 1–65535');
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('须为非负整数 / must be a whole number ≥ 0');
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('须为正数 / must be a positive number');
  return n;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function server(program: Command, run: Run): void {
  program
    .command('start')
    .description('启动工作站(并启动内置同步服务器,除非给出 --couch-url) / start the workstation (and the embedded sync server unless --couch-url)')
    .option('--browser', '浏览器模式:在 127.0.0.1 上提供界面 / browser mode: serve the UI on 127.0.0.1')
    .option('--port <port>', '浏览器模式的端口 / browser-mode port (default 17880)', port)
    .option('--couch-url <url>', '中心 CouchDB 地址,不启动内置服务器 / central CouchDB, no embedded server')
    .option('--relay-url <url>', '中心的变更转发服务(hws relay)地址 / the centre\'s change relay (hws relay)')
    .option('--sync-port <port>', '内置同步服务器的端口 / embedded sync server port (default 15984)', port)
    .option('--data <dir>', '数据目录 / data folder')
    .option('--training', '培训模式:不写入正式数据 / training mode: nothing is real')
    .option('--idcard-port <path>', '身份证阅读器串口 / ID card reader serial port')
    .option('--fingerprint-port <path>', '指纹仪串口 / fingerprint module serial port')
    .option('--scan-dir <dir>', '扫描仪输出目录 / folder the scanner writes to')
    .action((o) => run(async () => (await import('./start')).startCommand(o)));

  const sync = program.command('sync-server').description('内置同步服务器与中心 CouchDB 的准备 / the embedded sync server, and preparing a CouchDB');
  sync
    .command('start')
    .description('启动内置同步服务器,直到收到停止信号 / run the embedded sync server until a signal')
    .option('--port <port>', '端口 / port (default 15984)', port)
    .option('--data <dir>', '数据目录 / data folder')
    .option('--no-demo', '不建演示账号 / no demo users')
    .option('--cors-origin <origin>', '允许的浏览器来源,可重复或以逗号分隔 / allowed browser origin, repeatable or comma-separated', collect)
    .action((o) => run(async () => (await import('./sync-server')).syncServerStart(o)));
  sync
    .command('setup')
    .description('准备一台 Apache CouchDB:数据库、权限、设计文档、账号 / prepare an Apache CouchDB: databases, security, design documents, users')
    .requiredOption('--url <url>', '含管理员账号的地址 / URL with admin credentials, e.g. http://admin:secret@couch:5984')
    .option('--offices <file>', '办事处列表 JSON / offices JSON file')
    .option('--catalogue <file>', '发布的业务事项目录(先经检查) / the catalogue of business items to publish (checked first)')
    .option('--no-demo', '不建演示账号 / no demo users')
    .action((o) => run(async () => (await import('./sync-server')).syncServerSetup(o)));

  program
    .command('relay')
    .description('变更转发:每个办事处库在 CouchDB 上只保持一条连续变更流,转发给该办事处的工作站 / the change relay: one continuous feed per office database on CouchDB, fanned out to that office\'s workstations')
    .requiredOption('--couch-url <url>', '含管理员账号的 CouchDB 地址 / CouchDB URL with admin credentials')
    .option('--port <port>', '端口 / port (default 5986)', port)
    .option('--host <host>', '监听地址 / address to listen on (default 127.0.0.1, behind the TLS proxy)')
    .option('--cors-origin <origin>', '允许的浏览器来源,可重复或以逗号分隔 / allowed browser origin, repeatable or comma-separated', collect)
    .action((o) => run(async () => (await import('./relay')).relayCommand(o)));

  program
    .command('seed')
    .description('向办事处库写入演示住户与办件(可重复运行) / write demo households and cases to an office (idempotent)')
    .requiredOption('--cases <n>', '办件数 / number of cases', count)
    .requiredOption('--office <id>', '办事处编号 / office id')
    .requiredOption('--url <url>', '含管理员账号的地址 / URL with admin credentials')
    .option('--seed <n>', '随机种子,默认由办事处编号得出;两个办事处不可共用 / random seed, by default drawn from the office id; never one seed for two offices', count)
    .option('--street <id>', '街道编号 / street id')
    .option('--chunk <n>', '每次写入条数 / documents per write', positive)
    .option('--enrol-finger <n>', '为每户承租人登记模拟指纹仪的第 n 个手指 / enrol every tenant with the simulated module\'s finger n', count)
    .option('--enrol-face <image>', '为每户承租人登记该照片中的人脸 / enrol every tenant with the face in this photo')
    .action((o) => run(async () => (await import('./seed')).seedCommand(o)));
}

function data(program: Command, run: Run): void {
  const batch = program.command('batch').description('以移动介质搬运办事处数据 / move an office\'s records on removable media');
  batch
    .command('import')
    .description('导入批量文件:逐条检查权限与签名 / import a batch file, each document checked')
    .argument('<file>', '批量文件 / batch file')
    .requiredOption('--url <url>', '含管理员账号的地址 / URL with admin credentials')
    .option('--centre-key <file>', '中心批量公钥 / the centre\'s batch public key')
    .action((file: string, o) => run(async () => (await import('./batch')).batchImport(file, o)));
  batch
    .command('export')
    .description('导出办事处的记录,由中心密钥签名 / export an office\'s records, signed with the centre key')
    .requiredOption('--url <url>', '含管理员账号的地址 / URL with admin credentials')
    .requiredOption('--office <id>', '办事处编号 / office id')
    .requiredOption('--key <file>', '中心批量私钥 / the centre\'s batch private key')
    .requiredOption('--out <file>', '输出文件 / output file')
    .option('--since <seq>', '只导出此序号之后的变化 / only changes after this sequence')
    .action((o) => run(async () => (await import('./batch')).batchExport(o)));

  const audit = program.command('audit').description('核验与锚定审计链 / verify and anchor audit chains');
  audit
    .command('verify')
    .description('核验办事处每条审计链:哈希、签名、锚定 / verify each audit chain: hashes, signatures, anchors')
    .requiredOption('--url <url>', '含管理员账号的地址 / URL with admin credentials')
    .requiredOption('--office <id>', '办事处编号 / office id')
    .option('--chain <id>', '只核验该工作站的链 / only this workstation\'s chain')
    .option('--anchors <log>', '锚定日志(须同时给出 --anchor-key) / anchor log (with --anchor-key)')
    .option('--anchor-key <file>', '锚定公钥 / anchor public key')
    .action((o: { anchors?: string; anchorKey?: string }, cmd: Command) => {
      if ((o.anchors === undefined) !== (o.anchorKey === undefined)) cmd.error('错误:--anchors 与 --anchor-key 须同时给出 / error: --anchors needs --anchor-key', { exitCode: 2, code: 'hws.usage' });
      return run(async () => (await import('./audit')).auditVerify(o as never));
    });
  audit
    .command('anchor')
    .description('核验后把各链链头追加到锚定日志 / verify, then append each chain\'s head to the anchor log')
    .requiredOption('--url <url>', '含管理员账号的地址 / URL with admin credentials')
    .requiredOption('--office <id>', '办事处编号 / office id')
    .requiredOption('--key <file>', '锚定私钥 / anchor private key')
    .requiredOption('--log <file>', '锚定日志 / anchor log')
    .action((o) => run(async () => (await import('./audit')).auditAnchor(o)));
  audit
    .command('keygen')
    .description('生成锚定密钥对 / make the anchor key pair')
    .requiredOption('--out <file>', '私钥文件(公钥写入 文件.pub) / private key file (public key in FILE.pub)')
    .action((o) => run(async () => (await import('./audit')).auditKeygen(o)));
}

function devices(program: Command, run: Run): void {
  const idcard = program.command('idcard').description('二代身份证阅读器 / second-generation ID card reader');
  idcard
    .command('read')
    .description('读一张身份证 / read one card')
    .requiredOption('--port <path>', '串口 / serial port')
    .option('--baud <n>', '波特率 / baud rate (default 115200)', positive)
    .option('--timeout <ms>', '每步超时 / per-step timeout', count)
    .option('--wait <ms>', '等待放卡 / wait for a card', count)
    .option('--json', 'JSON 输出(含完整号码) / JSON output (full number)')
    .action((o) => run(async () => (await import('./devices')).idcardRead(o)));

  const fingerprint = program.command('fingerprint').description('指纹仪 / fingerprint module');
  fingerprint
    .command('enroll')
    .description('录入指纹,输出模板 / enrol a finger, print its template')
    .requiredOption('--port <path>', '串口 / serial port')
    .option('--baud <n>', '波特率 / baud rate (default 57600)', positive)
    .option('--wait <ms>', '等待按压 / wait for a finger', count)
    .option('--json', 'JSON 输出 / JSON output')
    .action((o) => run(async () => (await import('./devices')).fingerprintCapture(o)));
  fingerprint
    .command('verify')
    .description('与模板比对 / match against a template')
    .requiredOption('--port <path>', '串口 / serial port')
    .requiredOption('--template <file>', '模板文件 / template file')
    .option('--baud <n>', '波特率 / baud rate (default 57600)', positive)
    .option('--wait <ms>', '等待按压 / wait for a finger', count)
    .option('--json', 'JSON 输出 / JSON output')
    .action((o) => run(async () => (await import('./devices')).fingerprintCapture(o)));

  program
    .command('devices')
    .description('列出串口与 USB 设备 / list serial and USB devices')
    .option('--json', 'JSON 输出 / JSON output')
    .action((o) => run(async () => (await import('./devices')).devicesList(o)));

  const sim = program.command('sim').description('在伪终端上模拟设备(测试与培训) / simulate a device on a pseudo-terminal (tests, training)');
  sim
    .command('idcard')
    .description('模拟身份证阅读器 / simulate the ID card reader')
    .requiredOption('--card <file>', '身份证样例 JSON / sample card JSON')
    .option('--port <path>', '链接路径 / link path')
    .addOption(new Option('--mode <mode>', '故障模式 / fault mode').choices(IDCARD_SIM_MODES).default('normal'))
    .option('--repeat <ms>', '取走后多久再放卡 / put the card back after', count)
    .option('--pace <baud>', '按波特率限速 / pace at this baud rate', positive)
    .action((o) => run(async () => (await import('./devices')).simulate('idcard', o)));
  sim
    .command('fingerprint')
    .description('模拟指纹仪 / simulate the fingerprint module')
    .option('--port <path>', '链接路径 / link path')
    .addOption(new Option('--mode <mode>', '故障模式 / fault mode').choices(FINGERPRINT_SIM_MODES).default('normal'))
    .option('--finger <n>', '手指编号 / finger number', count)
    .option('--pace <baud>', '按波特率限速 / pace at this baud rate', positive)
    .action((o) => run(async () => (await import('./devices')).simulate('fingerprint', o)));
}

function recognition(program: Command, run: Run): void {
  program
    .command('ocr')
    .description('识别扫描的证明材料(一个识别引擎读完所有图像) / read scanned certificates (one engine for all images)')
    .argument('<images...>', 'JPEG 或 PNG 图像 / JPEG or PNG images')
    .addOption(new Option('--doc <kind>', '材料类型 / document kind').choices(DOC_KINDS).default('generic'))
    .option('--json', 'JSON 输出 / JSON output')
    .action((images: string[], o: { doc: DocKind; json?: boolean }) => run(async () => (await import('./ocr')).ocrCommand(images, o)));

  const face = program.command('face').description('人脸比对 / face comparison');
  face
    .command('compare')
    .description('两张照片是否同一人 / are two photos the same person')
    .argument('<a>', '照片 A / photo A')
    .argument('<b>', '照片 B / photo B')
    .option('--threshold <d>', '距离阈值 / distance threshold (default 0.5)', positive)
    .option('--json', 'JSON 输出 / JSON output')
    .action((a: string, b: string, o: { threshold?: number; json?: boolean }) => run(async () => (await import('./face')).faceCompare({ files: [a, b], ...o })));
}

function catalogue(program: Command, run: Run): void {
  const cat = program.command('catalogue').description('业务事项目录 / the catalogue of business items');
  cat
    .command('check')
    .description('检查目录文件:无法到达的阶段、死胡同、未知字段与规则、缺少的译文 / check a catalogue file')
    .argument('<file>', '目录 JSON / catalogue JSON')
    .action((file: string) => run(async () => (await import('./catalogue')).catalogueCheck(file)));
  cat
    .command('list')
    .description('列出事项及其办理阶段 / list the items and their stages')
    .option('--file <file>', '目录 JSON(默认为本版本自带目录) / catalogue JSON (default: the one shipped)')
    .option('--json', 'JSON 输出 / JSON output')
    .action((o) => run(async () => (await import('./catalogue')).catalogueList(o)));
  cat
    .command('export')
    .description('写出本版本自带的目录,供修改后检查 / write the shipped catalogue to a file')
    .requiredOption('--out <file>', '输出文件(不覆盖已有文件) / output file (never overwritten)')
    .action((o) => run(async () => (await import('./catalogue')).catalogueExport(o)));
}

function bridge(program: Command, run: Run): void {
  const b = program.command('bridge').description('中心 CouchDB 到城市平台的桥接 / the bridge from the central CouchDB to the city platform');
  const common = (c: Command) =>
    c
      .requiredOption('--couch-url <url>', '含管理员账号的中心 CouchDB 地址 / central CouchDB URL with admin credentials')
      .requiredOption('--platform-url <url>', '城市平台地址 / city platform URL')
      .requiredOption('--token-file <file>', '平台令牌文件(chmod 600) / file holding the platform token');
  common(b.command('run').description('持续投递办件、人员、家庭与事件,拉取参考数据;令牌被拒(401)时以退出码 3 停止 / deliver records and pull reference data until a signal; exit 3 when the token is refused'))
    .option('--metrics-port <port>', '/metrics 与 /health 的端口 / port of /metrics and /health (default 9464)', port)
    .option('--metrics-host <host>', '/metrics 监听地址 / address of /metrics (default 127.0.0.1)')
    .option('--instance <name>', '实例名(租约的持有者) / instance name (the lease owner)')
    .option('--office <id>', '只投递这些办事处,可重复 / only these offices, repeatable', collect)
    .option('--no-reference', '不拉取参考数据(由另一组实例拉取) / do not pull reference data (another group does)')
    .option('--lease-seconds <s>', '租约时长 / lease duration (default 30)', positive)
    .option('--poll-seconds <s>', '无变更通知时的检查间隔 / check interval without update events (default 30)', positive)
    .option('--batch <n>', '每批读取的变更数 / changes read per batch (default 500)', positive)
    .action((o) => run(async () => (await import('./bridge')).bridgeRun(o)));
  common(b.command('redrive').description('重发死信库中的记录 / send the dead letters again'))
    .option('--db <name>', '只重发该办事处数据库的死信 / only this office database')
    .action((o) => run(async () => (await import('./bridge')).bridgeRedrive(o)));
}

/** Adds every command to the root program. */
export function addCommands(program: Command, run: Run): void {
  server(program, run);
  data(program, run);
  catalogue(program, run);
  devices(program, run);
  recognition(program, run);
  bridge(program, run);
}

/** Every runnable command with its usage, e.g. `hws batch import [options] <file>`. */
export function leafUsages(program: Command): string[] {
  const walk = (cmd: Command, prefix: string): string[] =>
    cmd.commands.length === 0 ? [`${prefix} ${cmd.usage()}`.trim()] : cmd.commands.flatMap((c) => walk(c, `${prefix} ${c.name()}`));
  return walk(program, program.name());
}
