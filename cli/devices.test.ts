// The device commands end to end, as child processes (node + tsx loader), against simulators on ptys.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCard } from '../devices/sim/card-file';
import { FingerprintSimulator } from '../devices/sim/fingerprint-sim';
import { IdCardSimulator, type IdCardSimMode } from '../devices/sim/idcard-sim';
import { type PtyPair, openPtyPair } from '../devices/sim/pty';

const ROOT = new URL('../', import.meta.url).pathname;
const CARD = join(ROOT, 'devices/sim/cards/chen-xiaomei.json');
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, ['bin/hws.mjs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

function hws(...args: string[]): Promise<Run> {
  const child = start(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function idcardSim(mode: IdCardSimMode = 'normal'): Promise<PtyPair> {
  const pty = await openPtyPair();
  const sim = new IdCardSimulator({ pty }, { card: loadCard(CARD), mode });
  await sim.start();
  cleanup.push(() => pty.close(), () => sim.stop());
  return pty;
}

describe('hws idcard read', () => {
  it('prints the card as JSON and exits 0', async () => {
    const pty = await idcardSim();
    const r = await hws('idcard', 'read', '--port', pty.appPath, '--json');
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout) as Record<string, string>;
    expect(Object.keys(card)).toEqual(['name', 'genderCode', 'nationCode', 'birthDate', 'address', 'idNumber', 'issuer', 'validFrom', 'validTo', 'photoWlt']);
    expect(card).toMatchObject({ name: '陈晓梅', birthDate: '1988-03-15', idNumber: '44030419880315002X', validFrom: '2016-05-20', validTo: '2036-05-20' });
    expect(Buffer.from(card.photoWlt!, 'base64')).toHaveLength(1024);
  });

  it('prints a readable Chinese summary with the ID number masked', async () => {
    const pty = await idcardSim();
    const r = await hws('idcard', 'read', '--port', pty.appPath);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('姓名:陈晓梅');
    expect(r.stdout).toContain('性别:女');
    expect(r.stdout).toContain('440304********002X');
  });

  it('exits 3 with the clerk message when no card is present', async () => {
    const pty = await idcardSim('no-card');
    const r = await hws('idcard', 'read', '--port', pty.appPath, '--json');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('未检测到身份证,请将卡片放在读卡区');
  });

  it('exits 4 on other device errors (checksum, missing port)', async () => {
    const pty = await idcardSim('checksum-always');
    const bad = await hws('idcard', 'read', '--port', pty.appPath);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain('CHECKSUM');
    const missing = await hws('idcard', 'read', '--port', '/dev/does-not-exist');
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('无法打开串口');
  });

  it('exits 2 on usage errors', async () => {
    const r = await hws('idcard', 'read');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port');
  });
});

describe('hws fingerprint', () => {
  it('enrolls, then verifies the saved template', async () => {
    const pty = await openPtyPair();
    const sim = new FingerprintSimulator({ pty });
    await sim.start();
    cleanup.push(() => pty.close(), () => sim.stop());
    const enrolled = await hws('fingerprint', 'enroll', '--port', pty.appPath, '--json');
    expect(enrolled.code).toBe(0);
    const t = JSON.parse(enrolled.stdout) as { template: string; module: string; quality: number };
    expect(t.module).toBe('R30x/AS608');
    const dir = mkdtempSync(join(tmpdir(), 'hws-tpl-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));
    const file = join(dir, 'template.json');
    writeFileSync(file, enrolled.stdout);
    const verified = await hws('fingerprint', 'verify', '--port', pty.appPath, '--template', file, '--json');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ match: true });
  });
});

describe('hws devices and hws sim', () => {
  it('lists serial ports, including the pty of a running simulator', async () => {
    const pty = await idcardSim();
    const r = await hws('devices', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ kind: string; path: string; looksLike: string }>;
    expect(list.some((d) => pty.ptys.includes(d.path))).toBe(true);
  });

  it('runs a simulator on its own pty until SIGTERM; the reader reads from the printed path', async () => {
    const child = start(['sim', 'idcard', '--card', CARD]);
    const path = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout?.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('\n')) resolve(text.split('\n')[0]!);
      });
      child.on('close', (code) => reject(new Error(`sim exited early with ${code}`)));
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const r = await hws('idcard', 'read', '--port', path, '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { name: string }).name).toBe('陈晓梅');
    child.kill('SIGTERM');
    expect(await closed).toBe(0);
  });
});
