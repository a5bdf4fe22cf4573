// `hws ocr` and `hws face compare` on hostile images, as real processes: each is refused with exit 4
// and a Chinese reason, prints nothing that looks like a result, and its peak memory (maxRSS,
// written by a preload at exit) stays near the bare process's.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileImages } from '../main/images/testing/hostile';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'hws-hostile-'));
/** Node, tsx and the command's modules take ~150 MB here; decoding a 20000 × 20000 image took 4.4 GB. */
const PEAK_LIMIT_MB = 400;
const RSS_HOOK = path.join(dir, 'rss-hook.mjs');
let files: Record<string, Buffer>;

beforeAll(async () => {
  files = await hostileImages();
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  writeFileSync(RSS_HOOK, `import fs from 'node:fs';\nprocess.on('exit', () => fs.writeFileSync(process.env.HWS_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`);
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly peakMb: number;
}

async function hws(args: string[]): Promise<Run> {
  const rssFile = path.join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const child = spawn(process.execPath, ['--import', RSS_HOOK, 'bin/hws.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, HWS_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const peakMb = Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024);
  return { code, stdout, stderr, peakMb };
}

const REASONS: Record<string, RegExp> = {
  'giant-20000x20000.png': /20000×20000.*超过上限/,
  'lying-ihdr.png': /比文件头标明的尺寸更多/,
  'short-data.png': /PNG 图像数据不完整/,
  'zero-width.png': /图像尺寸为 0×100/,
  'claims-20000x20000.jpg': /20000×20000.*超过上限/,
  'truncated.jpg': /JPEG 文件不完整/,
  'giant-header.pgm': /100000×100000.*超过上限/,
  'empty.png': /空的/,
};

describe('hostile images on the command line', { timeout: 120_000 }, () => {
  it('hws ocr refuses each with exit 4, a reason and no result, staying under the memory limit', async () => {
    const peaks: string[] = [];
    for (const name of Object.keys(REASONS)) {
      const run = await hws(['ocr', path.join(dir, name), '--json']);
      peaks.push(`${name} ${run.peakMb} MB`);
      expect({ name, code: run.code, stdout: run.stdout }).toEqual({ name, code: 4, stdout: '' });
      expect(run.stderr).toMatch(REASONS[name]!);
      expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
      expect(run.peakMb, name).toBeLessThan(PEAK_LIMIT_MB);
    }
    console.log(`hws ocr peak RSS: ${peaks.join(', ')}`);
  });

  it('hws face compare refuses each with exit 4 and a reason, staying under the memory limit', async () => {
    const peaks: string[] = [];
    for (const name of ['giant-20000x20000.png', 'lying-ihdr.png', 'claims-20000x20000.jpg', 'truncated.jpg', 'empty.png']) {
      const run = await hws(['face', 'compare', path.join(dir, name), path.join(dir, name), '--json']);
      peaks.push(`${name} ${run.peakMb} MB`);
      expect({ name, code: run.code, stdout: run.stdout }).toEqual({ name, code: 4, stdout: '' });
      expect(run.stderr).toMatch(REASONS[name]!);
      expect(run.peakMb, name).toBeLessThan(PEAK_LIMIT_MB);
    }
    console.log(`hws face compare peak RSS: ${peaks.join(', ')}`);
  });
});
