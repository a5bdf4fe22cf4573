// `hws batch import FILE --url URL [--centre-key PUB]` and
// `hws batch export --url URL --office ID [--since SEQ] --key CENTRE_KEY --out FILE`:
// moving an office's records by removable media where a site has no network. The import checks
// the exporter's signature and every document as a live write would be checked, and reports per
// document what it wrote, skipped (already there) and refused.
import { readFile, writeFile } from 'node:fs/promises';
import { importSigner, type SigningKeyPair } from '../domain/crypto/signing';
import { BatchError } from '../domain/sync/batch-file';
import { exportBatch, importBatch } from '../sync-server/batch';

/** A progress bar on the terminal (stderr), redrawn in place. */
function bar(label: string): (done: number, total: number) => void {
  return (done, total) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

const readKey = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as SigningKeyPair;

const failed = (e: unknown): number => {
  console.error(e instanceof BatchError ? `批量文件被拒绝:${e.message}` : e instanceof Error ? e.message : String(e));
  return e instanceof BatchError ? BATCH_EXIT.refusedFile : 1;
};

/** Exit codes: 0 all written or present · 1 some documents refused, or another failure · 3 the file itself refused. */
export const BATCH_EXIT = { ok: 0, refused: 1, refusedFile: 3 } as const;

export async function batchImport(file: string, values: { url: string; centreKey?: string }): Promise<number> {
  try {
    const centreKey = values.centreKey ? (await readKey(values.centreKey)).publicKey : undefined;
    const report = await importBatch(values.url, new Uint8Array(await readFile(file)), { progress: bar('导入'), centreKey });
    for (const id of report.writtenIds) console.log(`写入 ${id}`);
    for (const r of report.refused) console.log(`拒绝 ${r.id}:${r.reason}`);
    console.log(
      `导入完成(办事处 ${report.officeId},导出人 ${report.exporter}):共 ${report.total} 条,新写入 ${report.written} 条,已存在 ${report.skipped} 条,拒绝 ${report.refused.length} 条`,
    );
    return report.refused.length === 0 ? BATCH_EXIT.ok : BATCH_EXIT.refused;
  } catch (e) {
    return failed(e);
  }
}

export async function batchExport(values: { url: string; office: string; since?: string; key: string; out: string }): Promise<number> {
  try {
    const result = await exportBatch(values.url, values.office, values.since ?? null, await importSigner(await readKey(values.key)), bar('导出'));
    await writeFile(values.out, result.file);
    console.log(`导出完成:${result.docCount} 条记录写入 ${values.out};下次可用 --since ${result.lastSeq} 只导出之后的变化`);
    return BATCH_EXIT.ok;
  } catch (e) {
    return failed(e);
  }
}
