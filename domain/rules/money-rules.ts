// Rules 2 and 3: per-capita disposable income and household assets, compared exactly in cents.
import type { Thresholds } from '../model/reference';
import type { Application } from './application';
import { EXCLUDED_INCOME } from './application';
import { formatAmount, toCents } from './format';
import type { RuleResult } from './result';
import { Findings } from './result';
import { assetLimitFor } from './thresholds';

export interface IncomeSummary {
  readonly countedCents: number;
  readonly excludedCents: number;
  readonly size: number;
}

export function summariseIncome(app: Application): IncomeSummary | { readonly undeclared: readonly string[] } {
  const undeclared = app.members.filter((m) => m.incomes === null).map((m) => m.name);
  if (undeclared.length > 0) return { undeclared };
  let countedCents = 0;
  let excludedCents = 0;
  for (const m of app.members) {
    for (const i of m.incomes ?? []) {
      if (EXCLUDED_INCOME.has(i.kind)) excludedCents += toCents(i.annualAmount);
      else countedCents += toCents(i.annualAmount);
    }
  }
  return { countedCents, excludedCents, size: app.members.length };
}

/** Rule 2: per-capita disposable income ≤ limit (allowances for disability, orphans, old age excluded). */
export function ruleIncome(app: Application, t: Thresholds): RuleResult {
  const f = new Findings();
  const limit = t.incomePerCapitaMax;
  if (limit === null) return f.add('pass', '本项目不设收入上限', 'This programme sets no income limit').result('income');
  if (app.members.length === 0) return f.add('fail', '家庭成员为空', 'The household has no members').result('income');
  const s = summariseIncome(app);
  if ('undeclared' in s) return f.add('needs_review', `${s.undeclared.join('、')}尚未申报收入`, `Income not yet declared: ${s.undeclared.join(', ')}`).result('income');
  const perCapita = s.countedCents / 100 / s.size;
  const note = s.excludedCents > 0 ? `(已扣除不计入收入的补贴${formatAmount(s.excludedCents / 100)}元)` : '';
  const noteEn = s.excludedCents > 0 ? ` (allowances of CNY ${formatAmount(s.excludedCents / 100)} not counted)` : '';
  const shown = formatAmount(perCapita);
  // total ≤ limit × size is the exact form of per-capita ≤ limit.
  if (s.countedCents <= toCents(limit) * s.size) {
    return f.add('pass', `家庭人均可支配收入${shown}元,未超过上限${formatAmount(limit)}元${note}`, `Per-capita disposable income CNY ${shown}, within the limit of CNY ${formatAmount(limit)}${noteEn}`).result('income');
  }
  return f.add('fail', `家庭人均可支配收入${shown}元,超过上限${formatAmount(limit)}元${note}`, `Per-capita disposable income CNY ${shown}, above the limit of CNY ${formatAmount(limit)}${noteEn}`).result('income');
}

/** Rule 3: household assets ≤ the limit for the household's size. */
export function ruleAssets(app: Application, t: Thresholds): RuleResult {
  const f = new Findings();
  const size = app.members.length;
  const limit = assetLimitFor(t, size);
  if (limit === null) return f.add('pass', '本项目不设资产上限', 'This programme sets no asset limit').result('assets');
  if (app.householdAssets === null) return f.add('needs_review', '家庭资产尚未申报', 'Household assets not yet declared').result('assets');
  const assets = formatAmount(app.householdAssets);
  if (toCents(app.householdAssets) <= toCents(limit)) {
    return f.add('pass', `家庭资产${assets}元,未超过${size}人家庭上限${formatAmount(limit)}元`, `Household assets CNY ${assets}, within the limit of CNY ${formatAmount(limit)} for ${size} persons`).result('assets');
  }
  return f.add('fail', `家庭资产${assets}元,超过${size}人家庭上限${formatAmount(limit)}元`, `Household assets CNY ${assets}, above the limit of CNY ${formatAmount(limit)} for ${size} persons`).result('assets');
}
