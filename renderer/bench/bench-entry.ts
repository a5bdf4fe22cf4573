// Entry of the benchmark page (bench/local.ts builds and drives it in headless Chromium):
// opens a real IndexedDB-backed workstation database and exposes `window.hwsBench`.
import { importFieldKeys, toBase64 } from '../../domain/crypto/sealing';
import { generateSigningKey, importSigner } from '../../domain/crypto/signing';
import type { SessionUser } from '../../domain/ipc/session';
import type { CaseContext } from '../cases/case-store';
import { openWorkstationDb } from '../db/database';
import { loadCases, OFFICE_ID, type LoadReport, type Samples } from './load';
import { measureAll, type Figures } from './measure';

const USER: SessionUser = {
  name: 'bench', displayName: '基准测试', roles: ['clerk'], officeId: OFFICE_ID, officeName: '福田区华富街道办事处', districtId: 'futian', offline: false,
};

let ctx: CaseContext | undefined;
let samples: Samples | undefined;

async function open(): Promise<CaseContext> {
  if (ctx) return ctx;
  const db = await openWorkstationDb({ name: 'hws_bench', collections: ['cases', 'events', 'people', 'files', 'audit'] });
  // Fixed keys, so that a kept profile can be measured again (`--reuse`) with the same hashes.
  const key = (byte: number) => toBase64(new Uint8Array(32).fill(byte));
  ctx = { db, user: USER, keys: await importFieldKeys(key(0x11), key(0x22)), deviceId: 'ws-bench', signer: await importSigner(await generateSigningKey()) };
  return ctx;
}

const api = {
  async load(cases: number, materialCases: number, write: boolean): Promise<LoadReport> {
    const c = await open();
    const loaded = await loadCases(c.db, c.keys, { cases, materialCases, write, log: (line) => console.log(line) });
    samples = loaded.samples;
    return loaded.report;
  },
  async measure(runs: number): Promise<Figures[]> {
    if (!ctx || !samples) throw new Error('load first');
    return measureAll(ctx, samples, runs);
  },
  async close(): Promise<void> {
    await ctx?.db.close();
  },
};

declare global {
  interface Window {
    hwsBench?: typeof api;
  }
}
window.hwsBench = api;
