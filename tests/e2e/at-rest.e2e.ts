// Data at rest: a clerk takes cases through the real UI in browser mode; after the browser is
// closed, the raw files of the profile's IndexedDB (LevelDB logs and tables, blob files) must not
// hold any ID number as typed, while the masked form is there (so the search itself is proven).
// The new-case form has no phone field and the UI stores no fingerprint template, so what the UI
// writes is the ID number; the applicant names are not sensitive under the project's PIPL scope.
// Beyond whole numbers, no number may be rebuilt from pieces: for each person made in the UI, the
// clear values of everything in IndexedDB (read through the API before closing, and every text in
// the raw files after) leave at least 8 of the 18 digits unknown (domain/identity/exposure).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { clearFacts, exposureOf, type ClearValue } from '../../domain/identity/exposure';
import { exposureOfPeople, worstExposure } from '../../domain/identity/exposure-docs';
import { checkCharacter, maskIdNumber } from '../../domain/identity/idnumber';
import { caseNames, createCaseInUi, openProfile, runHws, signIn, startCentralServer, tempDir, freePorts } from './support';

const SYNC_PORT = await freePorts(2);
const idNumber = (seq: number) => {
  const first17 = `44030519790423${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const CASES = [
  ['吴静怡', idNumber(731)],
  ['郑国栋', idNumber(842)],
  ['孙丽华', idNumber(953)],
] as const;

const processes: { stop(): Promise<void> }[] = [];
let couchUrl: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  const serverData = await tempDir('hws-e2e-rest-server-');
  const server = await startCentralServer(serverData, SYNC_PORT, [SYNC_PORT + 1]);
  couchUrl = server.url;
  processes.push({ stop: () => server.dispose() });
});
afterAll(async () => {
  await context?.close().catch(() => {});
  for (const p of processes.reverse()) await p.stop();
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Every record of every IndexedDB database of the page, binary values left out. */
async function dumpIndexedDb(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const out: Record<string, unknown>[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await request(indexedDB.open(info.name!));
      for (const store of Array.from(db.objectStoreNames)) {
        for (const value of await request(db.transaction(store).objectStore(store).getAll())) {
          const plain = JSON.stringify(value, (_k, v: unknown) => (v instanceof Blob || v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? undefined : v));
          if (plain && plain.startsWith('{')) out.push(JSON.parse(plain) as Record<string, unknown>);
        }
      }
      db.close();
    }
    return out;
  });
}

/** Printable runs of the raw bytes, read as one-byte text and as UTF-16LE (V8 stores both). */
function textsOf(bytes: Buffer): string[] {
  const runs = (text: string) => text.match(/[\x20-\x7e\u3000-\u9fff\uff00-\uffef]{4,}/g) ?? [];
  return [...runs(bytes.toString('latin1')), ...runs(bytes.toString('utf16le')), ...runs(bytes.subarray(1).toString('utf16le'))];
}

/** Where `needle` occurs in the files, as one-byte (Latin-1/UTF-8) or two-byte (UTF-16LE) text. */
function occurrences(files: ReadonlyMap<string, Buffer>, needle: string): string[] {
  const forms = [Buffer.from(needle, 'latin1'), Buffer.from(needle, 'utf16le')];
  return [...files].filter(([, bytes]) => forms.some((f) => bytes.includes(f))).map(([file]) => file);
}

describe('data at rest in the browser profile', () => {
  it('no typed ID number is in the clear in IndexedDB files; the masked form is', async () => {
    const [dataDir, profileDir] = await Promise.all([tempDir('hws-e2e-rest-ws-'), tempDir('hws-e2e-rest-prof-')]);
    const host = await runHws(
      ['start', '--browser', '--couch-url', couchUrl, '--data', dataDir, '--port', String(SYNC_PORT + 1)],
      /open the workstation at: (http:\S+)/,
    );
    processes.push(host);
    context = await openProfile(profileDir);
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, host.match[1]!, 'clerk1', 'demo1234');
    for (const [name, id] of CASES) await createCaseInUi(page, name, id);
    await expect.poll(() => caseNames(page)).toEqual(expect.arrayContaining(CASES.map(([name]) => name)));
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('idle');

    // Through the IndexedDB API: the documents about each person leave ≥ 8 digits unknown.
    const records = await dumpIndexedDb(page);
    const persons = records.filter((r) => r.type === 'person');
    const people = CASES.map(([, id]) => {
      const person = persons.find((p) => p.idMasked === maskIdNumber(id));
      expect(person, `person ${maskIdNumber(id)} in IndexedDB`).toBeDefined();
      return { personId: String(person!.id), idNumber: id };
    });
    const viaApi = worstExposure(exposureOfPeople(people, records));
    expect(viaApi.min, viaApi.why).toBeGreaterThanOrEqual(8);
    await context.close();
    context = undefined;

    const root = path.join(profileDir, 'Default', 'IndexedDB');
    const paths = await filesUnder(root);
    expect(paths.some((p) => /\.(log|ldb)$/.test(p))).toBe(true);
    const files = new Map(await Promise.all(paths.map(async (p) => [path.relative(root, p), await readFile(p)] as const)));

    for (const [, id] of CASES) {
      expect(occurrences(files, id), `ID number ${maskIdNumber(id)} in clear`).toEqual([]);
      // Without its check character too, and the birth-date-and-sequence part alone.
      expect(occurrences(files, id.slice(0, 17))).toEqual([]);
      expect(occurrences(files, id.slice(6, 17))).toEqual([]);
      expect(occurrences(files, maskIdNumber(id)).length, `masked ${maskIdNumber(id)} present`).toBeGreaterThan(0);
    }
    // In the raw files: every text in them, whichever person it belongs to, taken together.
    const texts: ClearValue[] = [...files].flatMap(([file, bytes]) => textsOf(bytes).map((value) => ({ path: file, value })));
    const facts = clearFacts(texts.filter((t) => !/^v\d+:/.test(String(t.value))));
    for (const [, id] of CASES) {
      const e = exposureOf(id, facts);
      expect(e.unknownCount, `${maskIdNumber(id)}: ${[...new Set(e.disclosures.map((d) => d.reason))].join('; ')}`).toBeGreaterThanOrEqual(8);
    }
  });
});
