// The command line as a user meets it: `--help` at every level, a usage that lists every command,
// the exit codes documented, and a usage error (unknown option, missing or malformed value) answered
// with exit code 2 and a Chinese message before commander's English one. Nothing here runs a command.
import type { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { leafUsages } from './commands';
import { buildProgram, main } from './index';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  return { out: () => out.join(''), err: () => err.join('') };
}
afterEach(() => vi.restoreAllMocks());

/** Every command path: ['start'], ['sync-server'], ['sync-server', 'start'], … */
function paths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((c) => [[...prefix, c.name()], ...paths(c, [...prefix, c.name()])]);
}

describe('hws', () => {
  const program = buildProgram(() => {});
  const all = paths(program);

  it('has the commands a user was told about', () => {
    const leaves = leafUsages(program).map((u) => u.split(' [')[0]!.split(' <')[0]);
    expect(leaves).toEqual(
      expect.arrayContaining([
        'hws start', 'hws sync-server start', 'hws sync-server setup', 'hws seed', 'hws batch import', 'hws batch export',
        'hws audit verify', 'hws audit anchor', 'hws audit keygen', 'hws idcard read', 'hws fingerprint enroll',
        'hws fingerprint verify', 'hws devices', 'hws sim idcard', 'hws sim fingerprint', 'hws ocr', 'hws face compare',
      ]),
    );
  });

  it('lists every command and the exit codes in its usage, with or without --help', async () => {
    for (const argv of [[], ['--help']]) {
      const io = capture();
      expect(await main(argv)).toBe(0);
      for (const usage of leafUsages(program)) expect(io.out()).toContain(usage);
      for (const code of ['0', '1', '2', '3', '4']) expect(io.out()).toMatch(new RegExp(`\\n  ${code}  \\S`));
      vi.restoreAllMocks();
    }
  });

  it('answers --help for every command and subcommand with its options and exit 0', async () => {
    for (const path of all) {
      const io = capture();
      expect(await main([...path, '--help']), path.join(' ')).toBe(0);
      expect(io.out(), path.join(' ')).toContain(`Usage: hws ${path.join(' ')}`);
      expect(io.out(), path.join(' ')).toContain('显示帮助');
      vi.restoreAllMocks();
    }
    expect(all.length).toBeGreaterThanOrEqual(22);
  });

  it.each([
    [['seed', '--cases', '1', '--office', 'x', '--url', 'http://a', '--bogus'], /错误:未知参数 --bogus/],
    [['seed', '--office', 'x', '--url', 'http://a'], /错误:缺少必填参数 --cases/],
    [['seed', '--cases', 'many', '--office', 'x', '--url', 'http://a'], /错误:参数 --cases <n> 的值 many 无效/],
    [['start', '--port', '70000'], /错误:参数 --port <port> 的值 70000 无效[\s\S]*1–65535/],
    [['nonsense'], /错误:未知命令 nonsense/],
    [['sim', 'idcard', '--card', 'c.json', '--mode', 'bogus'], /错误:参数 --mode <mode> 的值 bogus 无效/],
    [['face', 'compare', 'only-one.jpg'], /错误:缺少参数 b/],
    [['batch', 'import', 'a.hwsb', 'b.hwsb', '--url', 'http://a'], /错误:多余的参数/],
    [['audit', 'verify', '--url', 'http://a', '--office', 'o', '--anchors', 'log'], /--anchors 与 --anchor-key 须同时给出/],
  ])('refuses %j with exit 2 and says why', async (argv, message) => {
    const io = capture();
    expect(await main(argv)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err()).toContain('--help');
  });

  it('a command group without its subcommand shows the group help and exits 2', async () => {
    const io = capture();
    expect(await main(['batch'])).toBe(2);
    expect(io.err()).toMatch(/import[\s\S]*export/);
  });
});
