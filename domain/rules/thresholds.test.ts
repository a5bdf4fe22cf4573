import { describe, expect, it } from 'vitest';
import type { RuleThresholdDoc } from '../model/reference';
import { DEFAULT_THRESHOLD_DOCS } from './defaults';
import { assetLimitFor, resolveThresholds } from './thresholds';

const override = (over: Partial<RuleThresholdDoc>): RuleThresholdDoc => ({
  ...DEFAULT_THRESHOLD_DOCS[0]!,
  id: 'rule_thresholds:public_rental:futian:2024',
  districtId: 'district:futian',
  effectiveFrom: '2024-01-01',
  thresholds: { incomePerCapitaMax: 60_000 },
  source: '示例:区级调整',
  ...over,
});

describe('resolveThresholds', () => {
  it('uses the programme figures where no district override applies', () => {
    const r = resolveThresholds(DEFAULT_THRESHOLD_DOCS, 'public_rental', 'district:luohu', '2024-03-01');
    expect(r.ok && r.value.thresholds.incomePerCapitaMax).toBe(54_000);
  });

  it('merges a district override over the programme, keeping the other fields', () => {
    const docs = [...DEFAULT_THRESHOLD_DOCS, override({})];
    const r = resolveThresholds(docs, 'public_rental', 'district:futian', '2024-03-01');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.thresholds.incomePerCapitaMax).toBe(60_000);
    expect(r.value.thresholds.socialInsuranceYears).toBe(3);
    expect(r.value.sources).toEqual(['rule_thresholds:public_rental:2023-08-01', 'rule_thresholds:public_rental:futian:2024']);
  });

  it('ignores an override not yet in force and picks the latest one in force', () => {
    const later = override({ id: 'o2', effectiveFrom: '2024-06-01', thresholds: { incomePerCapitaMax: 65_000 } });
    const docs = [...DEFAULT_THRESHOLD_DOCS, override({}), later];
    const before = resolveThresholds(docs, 'public_rental', 'district:futian', '2023-12-31');
    expect(before.ok && before.value.thresholds.incomePerCapitaMax).toBe(54_000);
    const after = resolveThresholds(docs, 'public_rental', 'district:futian', '2024-06-01');
    expect(after.ok && after.value.thresholds.incomePerCapitaMax).toBe(65_000);
  });

  it('explains when no figures are in force', () => {
    expect(resolveThresholds(DEFAULT_THRESHOLD_DOCS, 'public_rental', 'd', '2023-07-31')).toEqual({
      ok: false,
      error: { code: 'RULES_MISSING', message: '未找到2023-07-31适用的公共租赁住房准入标准,请联系管理员维护基础数据' },
    });
  });

  it('picks the asset limit by household size', () => {
    const r = resolveThresholds(DEFAULT_THRESHOLD_DOCS, 'public_rental', 'd', '2024-01-01');
    if (!r.ok) throw new Error('expected thresholds');
    expect([1, 3, 4, 7].map((n) => assetLimitFor(r.value.thresholds, n))).toEqual([660_000, 660_000, 870_000, 870_000]);
  });
});
