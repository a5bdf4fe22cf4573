/// <reference types="vite/client" />
// Every label in both languages: each i18next namespace (the app's own and every feature's) has the
// same keys in zh-CN and English, none empty; Chinese labels carry no English words (beyond the
// names of formats and standards a Chinese office also writes in Latin letters) and English labels
// no Chinese. Feature namespaces register themselves when imported: all of them are imported here.
import { beforeAll, describe, expect, it } from 'vitest';

/** Latin words a Chinese screen uses as they are. */
const LATIN_IN_CHINESE = new Set(['PDF', 'Excel', 'PNG', 'JPEG', 'OCR', 'ID', 'IT', 'USB', 'CouchDB', 'IndexedDB', 'NSPIRE', 'HUD', 'CSV', 'JSON', 'URL', 'HTTP', 'HTTPS', 'SAM', 'WLT']);

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The text a person reads: interpolations ({{count}}) and tags (<1>…</1>) removed. */
const readable = (s: string) => s.replace(/\{\{[^}]*\}\}/g, ' ').replace(/<\/?\d+>/g, ' ');

let store: Record<string, Record<string, Tree>>;
beforeAll(async () => {
  const memory = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage ??= {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  };
  const { i18n } = await import('./index');
  await Promise.all(Object.values(import.meta.glob('../**/i18n.ts')).map((load) => load()));
  store = i18n.store.data as never;
});

describe('every label in both languages', () => {
  it('has the same keys in zh-CN and English in every namespace, none empty', () => {
    const namespaces = new Set([...Object.keys(store['zh-CN']!), ...Object.keys(store.en!)]);
    expect(namespaces.size).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const ns of namespaces) {
      const zh = flatten(store['zh-CN']![ns] ?? {});
      const en = flatten(store.en![ns] ?? {});
      for (const k of zh.keys()) if (!en.has(k)) problems.push(`${ns}:${k} has no English`);
      for (const k of en.keys()) if (!zh.has(k)) problems.push(`${ns}:${k} has no Chinese`);
      for (const [k, v] of [...zh, ...en]) if (!v.trim()) problems.push(`${ns}:${k} is empty`);
    }
    expect(problems).toEqual([]);
  });

  it('writes no English words in Chinese labels and no Chinese in English ones', () => {
    const problems: string[] = [];
    for (const [ns, tree] of Object.entries(store['zh-CN']!)) {
      for (const [k, v] of flatten(tree)) {
        const words = (readable(v).match(/[A-Za-z][A-Za-z'-]*/g) ?? []).filter((w) => !LATIN_IN_CHINESE.has(w) && w.length > 1);
        if (words.length > 0) problems.push(`zh-CN ${ns}:${k} = ${v}`);
      }
    }
    for (const [ns, tree] of Object.entries(store.en!)) {
      for (const [k, v] of flatten(tree)) if (/\p{Script=Han}/u.test(readable(v))) problems.push(`en ${ns}:${k} = ${v}`);
    }
    expect(problems).toEqual([]);
  });
});
