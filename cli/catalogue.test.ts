// `hws catalogue` as IT meets it: the shipped catalogue exported, checked and listed; a catalogue with
// an unreachable stage, a broken file and a missing one each refused with a Chinese reason and exit 1.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from './index';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-cat-'));
});
afterAll(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }));
afterEach(() => vi.restoreAllMocks());

async function hws(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out: out.join(''), err: err.join('') };
}

describe('hws catalogue', () => {
  it('exports the shipped catalogue, which checks clean, and never overwrites a file', async () => {
    const file = path.join(dir, 'shipped.json');
    expect((await hws('catalogue', 'export', '--out', file)).code).toBe(0);
    const checked = await hws('catalogue', 'check', file);
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(/检查通过:\d+ 个事项/);
    const again = await hws('catalogue', 'export', '--out', file);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在,不会覆盖');
  });

  it('lists every item with both names and its stages as JSON', async () => {
    const listed = await hws('catalogue', 'list', '--json');
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.out) as { code: string; name: { zh: string; en: string }; stages: { id: string }[] }[];
    expect(rows.length).toBeGreaterThanOrEqual(17);
    expect(rows.find((r) => r.code === 'public_rental.renewal')).toMatchObject({ name: { zh: '公共租赁住房续租', en: 'Public rental lease renewal' } });
    for (const r of rows) {
      expect(r.name.zh && r.name.en).toBeTruthy();
      expect(r.stages.length).toBeGreaterThan(0);
    }
  });

  it('names what is wrong with a catalogue and exits 1', async () => {
    const file = path.join(dir, 'broken.json');
    await hws('catalogue', 'export', '--out', file);
    const cat = JSON.parse(await readFile(file, 'utf8')) as { items: { code: string; stages: { id: string; actions: { to: string }[] }[] }[] };
    const swap = cat.items.find((i) => i.code === 'public_rental.swap')!;
    // The district review no longer leads to the waiting stage: nothing reaches it.
    swap.stages.find((s) => s.id === 'review')!.actions[0]!.to = 'contracted';
    await writeFile(file, JSON.stringify(cat));
    const checked = await hws('catalogue', 'check', file);
    expect(checked.code).toBe(1);
    expect(checked.err).toContain('事项 public_rental.swap:阶段“waiting”无法到达');
  });

  it('refuses a file that is not a catalogue, or not there, in Chinese', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{"version": "2026.1", "items": [');
    const broken = await hws('catalogue', 'check', bad);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('不是有效的 JSON');
    await writeFile(bad, JSON.stringify({ version: '2026.1', effectiveFrom: '2026-01-01', items: [], overrides: [] }));
    const empty = await hws('catalogue', 'check', bad);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/items:.*[\u4e00-\u9fff]/);
    const missing = await hws('catalogue', 'check', path.join(dir, 'nowhere.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('找不到文件');
  });
});
