// `hws face compare` as a child process (node + tsx loader) on images written to a temp folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_THRESHOLD } from '../domain/face';
import { FACES, NO_FACE_REGION, regionJpeg, sideBySideJpeg } from '../main/face/test-images';

const ROOT = new URL('../', import.meta.url).pathname;
let dir: string;
const file = (name: string) => join(dir, name);

function hws(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/hws.mjs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hws-face-'));
  const crop = { margin: 0.8, width: 400 };
  writeFileSync(file('a.jpg'), await regionJpeg(FACES.s1left, crop));
  writeFileSync(file('a2.jpg'), await regionJpeg(FACES.s1left, { margin: 1.1, width: 320, mirror: true, rotate: 8, darken: 0.3 }));
  writeFileSync(file('b.jpg'), await regionJpeg(FACES.s6middle, crop));
  writeFileSync(file('empty.jpg'), await regionJpeg(NO_FACE_REGION));
  writeFileSync(file('two.jpg'), await sideBySideJpeg(FACES.s1left, FACES.s6middle, { ...crop, height: 480 }));
  const whole = await regionJpeg(FACES.s1left, crop);
  writeFileSync(file('cut.jpg'), whole.subarray(0, whole.length >> 1));
});
afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

// Each run is a fresh process loading the wasm backend and the models: slow on a busy machine.
describe.concurrent('hws face compare', { timeout: 120_000 }, () => {
  it('prints distance, match and faces per image as JSON', async () => {
    const [same, other] = await Promise.all([
      hws('face', 'compare', file('a.jpg'), file('a2.jpg'), '--json'),
      hws('face', 'compare', file('a.jpg'), file('b.jpg'), '--json'),
    ]);
    expect(same.code, same.stderr).toBe(0);
    const s = JSON.parse(same.stdout) as { distance: number; match: boolean; faces: number[]; threshold: number };
    expect(s).toMatchObject({ match: true, faces: [1, 1], threshold: MATCH_THRESHOLD });
    expect(s.distance).toBeLessThan(MATCH_THRESHOLD);

    expect(other.code, other.stderr).toBe(0);
    expect(JSON.parse(other.stdout)).toMatchObject({ match: false, faces: [1, 1] });
  });

  it('says in Chinese on stderr that an image has no face, exit 3', async () => {
    const run = await hws('face', 'compare', file('a.jpg'), file('empty.jpg'), '--json');
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('未检测到人脸,请正对摄像头');
    expect(run.stderr).toContain('empty.jpg');
  });

  it('says in Chinese that an image has several faces, exit 3', async () => {
    const run = await hws('face', 'compare', file('two.jpg'), file('a.jpg'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('画面中有多张人脸,请只保留申请人一人');
    expect(run.stderr).toContain('检测到 2 张人脸');
  });

  it('reports a corrupt or missing image plainly, without a stack trace, exit 4', async () => {
    const runs = await Promise.all(['cut.jpg', 'missing.jpg'].map((name) => hws('face', 'compare', file('a.jpg'), file(name))));
    for (const run of runs) {
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/BAD_IMAGE/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('explains its usage', async () => {
    const run = await hws('face', 'compare', file('a.jpg'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('hws face compare');
  });
});
