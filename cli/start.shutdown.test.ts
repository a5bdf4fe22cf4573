// `hws start --browser` as a real child process: SIGTERM and SIGINT end it, its sync server and
// every child process it started (socat cables of the simulators) within 2 s, whatever it was doing.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openPtyPair, type PtyPair } from '../devices/sim/pty';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT_MS = 2_000;
const dirs: string[] = [];
const started: ChildProcess[] = [];
afterAll(async () => {
  // A test that failed before its signal leaves nothing behind either.
  for (const child of started) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    for (const p of descendants(child.pid!)) process.kill(p.pid, 'SIGKILL');
    child.kill('SIGKILL');
  }
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 5 })));
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every process below `pid`, with its command name. */
function descendants(pid: number): { pid: number; comm: string }[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,stat=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .map(([p, pp, stat, comm]) => ({ pid: Number(p), ppid: Number(pp), stat: stat!, comm: comm! }));
  const out: { pid: number; comm: string }[] = [];
  const walk = (parent: number): void => {
    for (const row of table.filter((r) => r.ppid === parent)) {
      out.push({ pid: row.pid, comm: row.comm });
      walk(row.pid);
    }
  };
  walk(pid);
  return out;
}

const alive = (pid: number): boolean => {
  try {
    const stat = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return stat !== '' && !stat.startsWith('Z');
  } catch {
    return false;
  }
};

interface Running {
  readonly child: ChildProcess;
  readonly syncUrl: string;
  /** A call over the browser-mode socket, as the page makes it. */
  call(name: string, args?: unknown): Promise<{ ok: boolean; value?: unknown }>;
  readonly socket: WebSocket;
}

async function startHws(extra: string[] = []): Promise<Running> {
  const data = await mkdtemp(path.join(os.tmpdir(), 'hws-shutdown-'));
  dirs.push(data);
  const [port, syncPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['bin/hws.mjs', 'start', '--browser', '--data', data, '--port', String(port), '--sync-port', String(syncPort), ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /open the workstation at: (\S+)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`hws start exited early: ${output}`));
      }
    }, 50);
  });
  const token = new URL(url).hash.replace('#token=', '');
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ipc?token=${token}`, { origin: `http://127.0.0.1:${port}` });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let next = 0;
  const call = (name: string, args?: unknown) =>
    new Promise<{ ok: boolean; value?: unknown }>((resolve) => {
      const id = ++next;
      const onMessage = (raw: WebSocket.RawData): void => {
        const msg = JSON.parse(String(raw)) as { kind: string; id: number; result: { ok: boolean; value?: unknown } };
        if (msg.kind !== 'reply' || msg.id !== id) return;
        socket.off('message', onMessage);
        resolve(msg.result);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ kind: 'call', id, name, args }));
    });
  return { child, syncUrl: `http://127.0.0.1:${syncPort}`, call, socket };
}

/** Sends the signal; resolves with how long the process took to exit and what it left running. */
async function stop(run: Running, signal: NodeJS.Signals): Promise<{ ms: number; exit: string; leftovers: string[] }> {
  const before = descendants(run.child.pid!);
  const started = Date.now();
  const exited = new Promise<string>((resolve) => run.child.once('exit', (code, sig) => resolve(sig ?? String(code))));
  run.child.kill(signal);
  const exit = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), LIMIT_MS + 1_000))]);
  const ms = Date.now() - started;
  if (exit === 'still running') run.child.kill('SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const leftovers = before.filter((p) => alive(p.pid)).map((p) => `${p.comm}(${p.pid})`);
  for (const p of before) if (alive(p.pid)) process.kill(p.pid, 'SIGKILL');
  run.socket.terminate();
  console.log(`shutdown on ${signal}: ${ms} ms, exit ${exit}, children before ${before.map((p) => p.comm).join(',') || 'none'}`);
  return { ms, exit, leftovers };
}

const expectClean = (result: { ms: number; exit: string; leftovers: string[] }): void => {
  expect(result.exit).toBe('0');
  expect(result.ms).toBeLessThan(LIMIT_MS);
  expect(result.leftovers).toEqual([]);
};

describe('hws start --browser stops on a signal within 2 s', { timeout: 90_000 }, () => {
  it('idle, on SIGTERM and on SIGINT', async () => {
    expectClean(await stop(await startHws(), 'SIGTERM'));
    expectClean(await stop(await startHws(), 'SIGINT'));
  });

  it('training mode on, with the simulators running and their socat cables', async () => {
    const run = await startHws(['--training']);
    expect(descendants(run.child.pid!).filter((p) => p.comm === 'socat')).toHaveLength(2);
    expectClean(await stop(run, 'SIGINT'));
  });

  it('after training mode was switched on twice at once from the page (a double click)', async () => {
    const run = await startHws();
    const results = await Promise.all([run.call('devices/training', { enabled: true }), run.call('devices/training', { enabled: true })]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect((await run.call('devices/training', { enabled: false })).ok).toBe(true);
    expect(descendants(run.child.pid!).filter((p) => p.comm === 'socat')).toEqual([]);
    expectClean(await stop(run, 'SIGTERM'));
  });

  it('with a device port open', async () => {
    const cable: PtyPair = await openPtyPair();
    try {
      const run = await startHws(['--idcard-port', cable.appPath]);
      const status = (await run.call('devices/status')).value as { kind: string; state: string }[];
      expect(status.find((s) => s.kind === 'idcard')?.state).toBe('ready');
      expectClean(await stop(run, 'SIGTERM'));
    } finally {
      await cable.close();
    }
  });

  it('during a sync long-poll and with the page connected to the local socket', async () => {
    const run = await startHws();
    const auth = `Basic ${Buffer.from('clerk1:demo1234').toString('base64')}`;
    let answered = false;
    const poll = fetch(`${run.syncUrl}/hws-office-futian-huafu/_changes?feed=longpoll&since=now&timeout=60000`, { headers: { authorization: auth } })
      .then(async (r) => {
        await r.text();
        return r.status;
      })
      .catch(() => 'cut')
      .finally(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answered).toBe(false);
    expectClean(await stop(run, 'SIGINT'));
    // The long-poll is answered or cut, not left hanging on a server that is gone.
    expect([200, 'cut']).toContain(await poll);
  });

  it('hws sync-server start, during a long-poll', async () => {
    const data = await mkdtemp(path.join(os.tmpdir(), 'hws-shutdown-'));
    dirs.push(data);
    const port = await freePort();
    const child = spawn(process.execPath, ['bin/hws.mjs', 'sync-server', 'start', '--port', String(port), '--data', data], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (/sync server listening/.test(output)) resolve(clearInterval(timer));
        else if (child.exitCode !== null) reject(new Error(`exited early: ${output}`));
      }, 50);
    });
    const auth = `Basic ${Buffer.from('clerk1:demo1234').toString('base64')}`;
    const poll = fetch(`http://127.0.0.1:${port}/hws-office-futian-huafu/_changes?feed=longpoll&since=now&timeout=60000`, { headers: { authorization: auth } })
      .then((r) => r.text())
      .catch(() => 'cut');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const t0 = Date.now();
    child.kill('SIGTERM');
    const exit = await Promise.race([
      new Promise<string>((resolve) => child.once('exit', (code, sig) => resolve(sig ?? String(code)))),
      new Promise<string>((resolve) => setTimeout(() => resolve('still running'), LIMIT_MS + 1_000)),
    ]);
    const ms = Date.now() - t0;
    console.log(`sync-server start: SIGTERM during a long-poll, ${ms} ms, exit ${exit}`);
    expect(exit).toBe('0');
    expect(ms).toBeLessThan(LIMIT_MS);
    await poll;
  });
});
