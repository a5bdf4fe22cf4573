// Test support: the sync server as a real child process (`hws sync-server start`), which a fault
// test can SIGKILL at any moment and start again on the same port and data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const READY = /sync server listening: (http:\/\/\S+)/;

export interface ChildServer {
  readonly url: string;
  /** With the admin's credentials (read from the data folder). */
  adminUrl(): Promise<string>;
  readonly running: boolean;
  /** The server process's id while it runs (benchmarks read its CPU time). */
  readonly pid: number | undefined;
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function launch(port: number, dataDir: string, corsOrigins: readonly string[] = []): Promise<ChildProcess> {
  const cors = corsOrigins.length > 0 ? ['--cors-origin', corsOrigins.join(',')] : [];
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin', 'hws.mjs'), 'sync-server', 'start', '--port', String(port), '--data', dataDir, ...cors], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL'); // never leave a half-started server holding the port and the data
      reject(new Error(`sync server not ready: ${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (READY.test(output)) {
        clearTimeout(timer);
        proc.stdout!.off('data', onData);
        proc.stderr!.off('data', onData);
        resolve(proc);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sync server exited ${code}: ${output}`));
    });
  });
}

/** `corsOrigins`: browser pages that talk to the server directly (default: the workstation's own). */
export async function startChildServer(dataDir: string, port?: number, options: { corsOrigins?: readonly string[] } = {}): Promise<ChildServer> {
  const p = port ?? (await freePort());
  let proc: ChildProcess | undefined = await launch(p, dataDir, options.corsOrigins);
  const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  const waitExit = (c: ChildProcess) => (exited(c) ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r())));
  return {
    url: `http://127.0.0.1:${p}`,
    async adminUrl() {
      const { username, password } = JSON.parse(await readFile(path.join(dataDir, 'admin.json'), 'utf8')) as { username: string; password: string };
      return `http://${username}:${encodeURIComponent(password)}@127.0.0.1:${p}`;
    },
    get running() {
      return !!proc && !exited(proc);
    },
    get pid() {
      return proc && !exited(proc) ? proc.pid : undefined;
    },
    async kill() {
      const c = proc;
      if (!c) return;
      c.kill('SIGKILL');
      await waitExit(c);
    },
    async start() {
      proc = await launch(p, dataDir, options.corsOrigins);
    },
    async stop() {
      const c = proc;
      if (!c || exited(c)) return;
      c.kill('SIGTERM');
      const force = setTimeout(() => c.kill('SIGKILL'), 3_000);
      await waitExit(c);
      clearTimeout(force);
    },
  };
}
