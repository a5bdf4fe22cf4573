/// <reference types="vite/client" />
// Every label that comes from data in both languages: each business item of the shipped catalogue,
// its materials, form sections, conditions and stages (every {zh, en} text in it), the rule titles,
// the reason codes of decisions, the case statuses, the programmes, the sync states and the
// collection names — each has a Chinese form written in Chinese and an English form with no Chinese.
import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../domain/catalogue/shipped';
import { BUSINESS_ITEMS, CASE_STATUSES, COLLECTIONS, type CollectionName } from '../../domain/model';
import { RULE_IDS, RULE_TITLES, RULE_TITLES_EN } from '../../domain/rules/result';
import { DEFAULT_REASON_CODES } from '../../domain/workflow/reasons';
import type { SyncState } from '../sync/sync';

const HAN = /\p{Script=Han}/u;
let i18n: I18n;

beforeAll(async () => {
  const memory = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage ??= {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  };
  i18n = (await import('./index')).i18n;
  await Promise.all(Object.values(import.meta.glob('../**/i18n.ts')).map((load) => load()));
});

/** Every {zh, en} text inside a value, with where it is. */
function texts(value: unknown, at: string, out: [string, { zh: unknown; en: unknown }][] = []): [string, { zh: unknown; en: unknown }][] {
  if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('zh' in o || 'en' in o) out.push([at, { zh: o.zh, en: o.en }]);
    for (const [k, v] of Object.entries(o)) if (k !== 'zh' && k !== 'en') texts(v, `${at}.${k}`, out);
  }
  return out;
}

/** Problems with one label: missing or empty in a language, Chinese with no Chinese, English with Chinese. */
function problems(at: string, zh: unknown, en: unknown): string[] {
  const out: string[] = [];
  if (typeof zh !== 'string' || !zh.trim()) out.push(`${at} has no Chinese`);
  else if (!HAN.test(zh)) out.push(`${at} Chinese is not Chinese: ${zh}`);
  if (typeof en !== 'string' || !en.trim()) out.push(`${at} has no English`);
  else if (HAN.test(en)) out.push(`${at} English carries Chinese: ${en}`);
  return out;
}

/** A key's text in a language, without falling back to the other. */
const label = (lng: string, ns: string, key: string): unknown => (i18n.exists(key, { lng, ns, fallbackLng: false }) ? i18n.t(key, { lng, ns, fallbackLng: false }) : undefined);

describe('labels from data in both languages', () => {
  it('every text of the shipped catalogue (items, materials, sections, conditions, stages, documents)', () => {
    const all = texts(CATALOGUE.items, 'items');
    // The catalogue is large: this walk reaches its items' names, materials and stages.
    expect(all.length).toBeGreaterThan(CATALOGUE.items.length * 4);
    expect(all.filter(([at]) => /materials/.test(at)).length).toBeGreaterThan(10);
    expect(all.filter(([at]) => /stages/.test(at)).length).toBeGreaterThan(CATALOGUE.items.length);
    expect(all.flatMap(([at, t]) => problems(at, t.zh, t.en))).toEqual([]);
  });

  it('rule titles and decision reason codes', () => {
    expect(RULE_IDS.flatMap((r) => problems(`rule ${r}`, RULE_TITLES[r], RULE_TITLES_EN[r]))).toEqual([]);
    expect(DEFAULT_REASON_CODES.flatMap((c) => problems(`reason ${c.code}`, c.zh, c.en))).toEqual([]);
  });

  it('case statuses, programmes, sync states and collection names on the screens', () => {
    const states: Record<SyncState, true> = { connecting: true, offline: true, syncing: true, idle: true, error: true };
    const keys: [string, string][] = [
      ...CASE_STATUSES.map((s): [string, string] => ['translation', `statuses.${s}`]),
      ...BUSINESS_ITEMS.map((i): [string, string] => ['translation', `items.${i}`]),
      ...Object.keys(states).map((s): [string, string] => ['translation', `sync.${s}`]),
      ...(Object.keys(COLLECTIONS) as CollectionName[]).map((c): [string, string] => ['sync-health', `collections.${c}`]),
    ];
    expect(keys.flatMap(([ns, key]) => problems(`${ns}:${key}`, label('zh-CN', ns, key), label('en', ns, key)))).toEqual([]);
  });

  it('finds a label that is missing (the check is not empty)', () => {
    expect(problems('x', '公共租赁住房', undefined)).toEqual(['x has no English']);
    expect(problems('x', 'idle', '已同步')).toEqual(['x Chinese is not Chinese: idle', 'x English carries Chinese: 已同步']);
    expect(label('en', 'translation', 'statuses.no_such_status')).toBeUndefined();
  });
});
