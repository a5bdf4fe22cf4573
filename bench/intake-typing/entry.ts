// Runs in headless Chromium (real IndexedDB, real WebCrypto): the intake's autosave after each
// keystroke, with 20 MB of scanned pages in the intake, exactly as renderer/intake/use-intake saves
// (one save after another). `apart`: the shipped path, pages sealed once and stored apart from the
// draft. `inline`: the previous path, every page inside the draft, sealed again on every save.
import { importFieldKeys, sealText, toBase64 } from '../../domain/crypto/sealing';
import { blankMember, newDraft, type IntakeDraft } from '../../domain/intake/draft';
import { openWorkstationDb } from '../../renderer/db/database';
import { clearDraft, saveDraft } from '../../renderer/intake/draft-store';
import { putScanContent } from '../../renderer/intake/scan-store';

export interface TypingRun {
  readonly mode: 'apart' | 'inline';
  readonly keystrokesMs: readonly number[];
  /** Keeping the pages (apart: once, when each page is confirmed). */
  readonly keepPagesMs: number;
  readonly draftBytes: number;
}

/** Incompressible page bytes (a JPEG scan is). */
function pageOf(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 65_536) crypto.getRandomValues(out.subarray(i, Math.min(bytes, i + 65_536)));
  return out;
}

async function run(mode: TypingRun['mode'], pages: number, pageBytes: number, keystrokes: number): Promise<TypingRun> {
  const db = await openWorkstationDb({ name: `hws_typing_${mode}_${Date.now()}`, collections: ['cases'] });
  const b64 = () => toBase64(crypto.getRandomValues(new Uint8Array(32)));
  const keys = await importFieldKeys(b64(), b64());
  const bytes = Array.from({ length: pages }, () => pageOf(pageBytes));
  const started = performance.now();
  const scans = [];
  for (const [i, page] of bytes.entries()) {
    const meta = { key: `k${i}`, materialCode: 'income_proof', fileName: `scan-${i}.jpg`, mimeType: 'image/jpeg', fields: { name: '陈晓梅' }, text: '' };
    scans.push(mode === 'apart' ? { ...meta, contentId: await putScanContent(db, keys, page), byteLength: page.length } : { ...meta, dataBase64: toBase64(page) });
  }
  const keepPagesMs = performance.now() - started;
  let draft: IntakeDraft = {
    ...newDraft('case:bench', new Date().toISOString()),
    businessItem: 'public_rental',
    members: [{ ...blankMember('a', 'applicant'), name: '', idNumber: '44030419880315002X' }],
    scans: scans as never,
  };
  // The previous autosave: the whole draft, pages included, sealed and written.
  const saveInline = async (d: IntakeDraft) => db.upsertLocal('intake-draft', { sealed: await sealText(keys.data, JSON.stringify(d)), savedAt: new Date().toISOString() });
  const typed = '陈晓梅住在福田区华富街道福华路一二三号三单元八零二室收入证明单位深圳市某某科技有限公司';
  const keystrokesMs: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    draft = { ...draft, members: [{ ...draft.members[0]!, name: typed.slice(0, (i % typed.length) + 1) }] };
    const t0 = performance.now();
    if (mode === 'apart') await saveDraft(db, keys, draft);
    else await saveInline(draft);
    keystrokesMs.push(performance.now() - t0);
  }
  const stored = await db.getLocal('intake-draft');
  const draftBytes = JSON.stringify(stored?.toJSON() ?? {}).length;
  await clearDraft(db);
  await db.remove();
  return { mode, keystrokesMs, keepPagesMs, draftBytes };
}

declare global {
  interface Window {
    runTypingBench(options: { mode: TypingRun['mode']; pages: number; pageBytes: number; keystrokes: number }): Promise<TypingRun>;
  }
}
window.runTypingBench = (o) => run(o.mode, o.pages, o.pageBytes, o.keystrokes);
document.title = 'ready';
