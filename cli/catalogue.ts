// `hws catalogue check FILE` and `hws catalogue list`: IT and the districts' policy staff check a
// catalogue of business items before it is published, and list what one holds.
// Exit codes: 0 no problem · 1 problems found, or the file cannot be read.
import { readFile, writeFile } from 'node:fs/promises';
import { CATALOGUE, checkCatalogue, parseCatalogue, type Catalogue } from '../domain/catalogue';

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const err = (text: string): void => void process.stderr.write(`${text}\n`);

/** The catalogue in a file, or the problems of its shape (a broken or foreign file). */
async function load(file: string): Promise<{ ok: true; value: Catalogue } | { ok: false; problems: string[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problems: [code === 'ENOENT' ? `找不到文件 ${file}` : `无法读取 ${file}(${code ?? (e as Error).message})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`${file} 不是有效的 JSON:${(e as Error).message}`] };
  }
  return parseCatalogue(json);
}

export async function catalogueCheck(file: string): Promise<number> {
  const loaded = await load(file);
  if (!loaded.ok) {
    err(`目录文件格式不正确(${loaded.problems.length} 处):`);
    for (const p of loaded.problems) err(`  ${p}`);
    return 1;
  }
  const problems = checkCatalogue(loaded.value);
  if (problems.length > 0) {
    err(`目录 ${loaded.value.version} 有 ${problems.length} 个问题:`);
    for (const p of problems) err(`  ${p.item ? `事项 ${p.item}:` : ''}${p.message}`);
    return 1;
  }
  out(`目录 ${loaded.value.version} 检查通过:${loaded.value.items.length} 个事项,${loaded.value.overrides.length} 项区级变更 / no problem found`);
  return 0;
}

export async function catalogueList(o: { file?: string; json?: boolean }): Promise<number> {
  let catalogue = CATALOGUE;
  if (o.file) {
    const loaded = await load(o.file);
    if (!loaded.ok) {
      for (const p of loaded.problems) err(p);
      return 1;
    }
    catalogue = loaded.value;
  }
  const rows = catalogue.items.map((i) => ({
    code: i.code,
    name: i.name,
    programme: i.programme,
    category: i.category,
    stages: i.stages.map((s) => ({ id: s.id, name: s.name, status: s.status, roles: s.roles, deadlineDays: s.deadlineDays })),
  }));
  if (o.json) {
    out(JSON.stringify(rows, null, 2));
    return 0;
  }
  for (const r of rows) {
    const running = r.stages.filter((s) => s.roles.length > 0).map((s) => `${s.name.zh}${s.deadlineDays !== null ? `(${s.deadlineDays}日)` : ''}`);
    out(`${r.code.padEnd(30)} ${r.name.zh} / ${r.name.en}\n${' '.repeat(31)}${running.join(' → ')}`);
  }
  out(`共 ${rows.length} 个事项(目录 ${catalogue.version})`);
  return 0;
}

/** Writes the catalogue this version ships with, to edit and check before publishing a variant. */
export async function catalogueExport(o: { out: string }): Promise<number> {
  await writeFile(o.out, `${JSON.stringify(CATALOGUE, null, 2)}\n`, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    throw new Error(e.code === 'EEXIST' ? `${o.out} 已存在,不会覆盖` : `无法写入 ${o.out}(${e.code ?? e.message})`);
  });
  out(`已写出目录 ${CATALOGUE.version} 到 ${o.out}`);
  return 0;
}
