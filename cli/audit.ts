// `hws audit verify | anchor | keygen`: an office's audit chains at the centre (admin URL).
//   verify --url URL --office ID [--chain ID] [--anchors LOG --anchor-key PUB]
//     each workstation's hash chain, each entry's signature against the staff_key registry, and
//     with an anchor log each chain's anchored head. Exit 0: all intact; 1: a chain is broken,
//     forged, cut or re-hashed, or the chain asked for is absent.
//   anchor --url URL --office ID --key KEY --log LOG
//     verifies as above (against the log so far), then appends each chain's head, countersigned
//     with the anchor key (domain/audit/anchor.ts). Nothing is anchored while anything fails.
//   keygen --out FILE   the anchor key pair: FILE (private, 0600) and FILE.pub.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { anchorLine, headKey, readAnchorLog, type AnchorHead } from '../domain/audit';
import { generateSigningKey, importSigner, type SigningKeyPair } from '../domain/crypto/signing';
import type { AuditEventDoc } from '../domain/model';
import { officeDbName } from '../domain/sync/databases';
import { readStaffKeys } from '../domain/sync/staff-keys';
import { couchClient } from '../sync-server/couch';
import { checkAnchors, checkSignatures, deletedAuditIds, formatReport, readAuditDocs, verifyOffice, type ChainReport } from './audit-office';



const readIfExists = (file: string) => readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '' : Promise.reject(e)));

async function readKeyFile(file: string): Promise<SigningKeyPair> {
  const k = JSON.parse(await readFile(file, 'utf8')) as Partial<SigningKeyPair>;
  if (typeof k.keyId !== 'string' || typeof k.publicKey !== 'string') throw new Error(`${file} 不是锚定密钥文件`);
  return k as SigningKeyPair;
}

/** Everything checked but the anchors: hash chains, deletions, signatures. */
async function checkOffice(url: string, officeId: string): Promise<{ events: AuditEventDoc[]; reports: ChainReport[] }> {
  const couch = couchClient(url);
  const db = officeDbName(officeId);
  const [events, deleted, keys] = await Promise.all([readAuditDocs(couch, db), deletedAuditIds(couch, db), readStaffKeys(fetch, url)]);
  return { events, reports: await checkSignatures(verifyOffice(events, deleted), events, keys) };
}

async function anchoredHeads(logFile: string, publicKey: string): Promise<{ heads: ReadonlyMap<string, AnchorHead>; last: string | null }> {
  const log = await readAnchorLog(publicKey, await readIfExists(logFile));
  if (!log.ok) throw new Error(`锚定日志 ${logFile} 无效:${log.reason}`);
  return log;
}

export interface VerifyOptions {
  readonly url: string;
  readonly office: string;
  readonly chain?: string;
  readonly anchors?: string;
  readonly anchorKey?: string;
}

/** Exit 0: every chain intact; 1: a chain broken, forged, cut or re-hashed, or the chain asked for absent. */
export async function auditVerify(values: VerifyOptions): Promise<number> {
  const checked = await checkOffice(values.url, values.office);
  const { events } = checked;
  let { reports } = checked;
  if (values.anchors && values.anchorKey) {
    const { heads } = await anchoredHeads(values.anchors, (await readKeyFile(values.anchorKey)).publicKey);
    reports = checkAnchors(reports, events, values.office, heads);
  }
  if (values.chain !== undefined) {
    reports = reports.filter((r) => r.chainId === values.chain);
    if (reports.length === 0) {
      console.error(`办事处 ${values.office} 没有工作站 ${values.chain} 的审计记录`);
      return 1;
    }
  }
  if (reports.length === 0) console.log(`办事处 ${values.office} 尚无审计记录`);
  for (const r of reports) console.log(formatReport(r));
  return reports.every((r) => r.verdict.ok) ? 0 : 1;
}

export async function auditAnchor(values: { url: string; office: string; key: string; log: string }): Promise<number> {
  const pair = await readKeyFile(values.key);
  const { heads, last } = await anchoredHeads(values.log, pair.publicKey);
  const { events, reports } = await checkOffice(values.url, values.office);
  // Chains never anchored are anchored now; those anchored before must still hold their head.
  const office = values.office;
  const checked = checkAnchors(reports, events, office, heads).map((r) => (heads.has(headKey(office, r.chainId)) ? r : (reports.find((x) => x.chainId === r.chainId) ?? r)));
  const bad = checked.filter((r) => !r.verdict.ok);
  if (bad.length > 0) {
    for (const r of bad) console.log(formatReport(r));
    console.error('审计链有问题,未锚定任何链头');
    return 1;
  }
  const signer = await importSigner(pair);
  const at = new Date().toISOString();
  let prev = last;
  let lines = '';
  let count = 0;
  for (const r of checked) {
    if (!r.verdict.ok || r.verdict.head === null) continue;
    const before = heads.get(headKey(values.office, r.chainId));
    if (before && before.seq === r.verdict.head.seq && before.hash === r.verdict.head.hash) continue;
    prev = await anchorLine(signer, prev, { officeId: values.office, chainId: r.chainId, seq: r.verdict.head.seq, hash: r.verdict.head.hash, at });
    lines += prev + '\n';
    count++;
  }
  if (lines) await appendFile(values.log, lines, { mode: 0o600 });
  console.log(`已锚定办事处 ${values.office} 的 ${count} 条审计链链头(写入 ${values.log})`);
  return 0;
}

export async function auditKeygen(values: { out: string }): Promise<number> {
  const pair = await generateSigningKey();
  await writeFile(values.out, JSON.stringify(pair) + '\n', { mode: 0o600, flag: 'wx' });
  await writeFile(`${values.out}.pub`, JSON.stringify({ keyId: pair.keyId, publicKey: pair.publicKey }) + '\n', { flag: 'wx' });
  console.log(`锚定密钥 ${pair.keyId}:私钥 ${values.out}(请离线保管,不要放在工作站或数据库服务器上),公钥 ${values.out}.pub`);
  return 0;
}
