// A virtual serial cable: `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`.
// The app opens `appPath`, a simulator opens `simPath`; both are stable symlinks, so the cable can be
// "unplugged" (socat stopped: both ptys vanish, the app sees a disconnect) and plugged in again.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** The path the application (driver, CLI) opens. */
  readonly appPath: string;
  /** The path the simulator opens. */
  readonly simPath: string;
  /** The underlying /dev/pts paths of the current socat, as parsed from its stderr. */
  readonly ptys: readonly string[];
  readonly plugged: boolean;
  /** Stop socat: both ends disappear. */
  unplug(): Promise<void>;
  /** Start a fresh socat with the same link paths. */
  plug(): Promise<void>;
  /** Stop socat and remove the link directory. */
  close(): Promise<void>;
}

const SOCAT = process.env.SOCAT_BIN ?? '/usr/bin/socat';
const START_TIMEOUT_MS = 5000;

/** Every socat still running: killed when this process exits, however it exits, so no cable outlives its owner. */
const running = new Set<ChildProcess>();
let reaperInstalled = false;
function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (reaperInstalled) return;
  reaperInstalled = true;
  process.once('exit', () => {
    for (const c of running) c.kill('SIGKILL');
  });
}

export async function openPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'hws-pty-'));
  const appPath = join(dir, 'app');
  const simPath = join(dir, 'sim');
  let child: ChildProcess | undefined;
  let ptys: string[] = [];

  const unplug = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  const plug = async (): Promise<void> => {
    if (child) return;
    const started = await startSocat(appPath, simPath);
    child = started.child;
    ptys = started.ptys;
  };
  await plug();
  return {
    appPath,
    simPath,
    get ptys() {
      return ptys;
    },
    get plugged() {
      return child !== undefined;
    },
    unplug,
    plug,
    async close() {
      await unplug();
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

function startSocat(appPath: string, simPath: string): Promise<{ child: ChildProcess; ptys: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(SOCAT, ['-d', '-d', `pty,raw,echo=0,link=${appPath}`, `pty,raw,echo=0,link=${simPath}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    track(child);
    let err = '';
    const ptys: string[] = [];
    const timer = setTimeout(() => fail(new Error(`socat did not start within ${START_TIMEOUT_MS} ms: ${err}`)), START_TIMEOUT_MS);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    child.on('error', (e) => fail(new Error(`cannot run ${SOCAT}: ${e.message}`)));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      err += text;
      for (const m of text.matchAll(/PTY is (\S+)/g)) ptys.push(m[1]!);
      if (ptys.length >= 2 && /starting data transfer loop/.test(err)) {
        clearTimeout(timer);
        child.stderr?.removeAllListeners('data');
        child.stderr?.resume();
        resolve({ child, ptys });
      }
    });
  });
}
