// Unit condition deficiencies and their correction deadlines, after HUD's NSPIRE model: life-
// threatening and severe deficiencies are corrected within 24 hours, moderate ones within 30 days,
// low ones within 60. Reference data: this table is the shipped seed; IT's `deficiency` documents
// (reference collection, synced) change, add or withdraw items and their hours (`catalogueOf`).
import type { IsoDate, IsoDateTime } from '../model/common';
import type { ConditionItem } from '../model/field';
import type { DeficiencyDoc } from '../model/reference';

export type Severity = ConditionItem['severity'];

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  life_threatening: '危及生命',
  severe: '严重',
  moderate: '中等',
  low: '轻微',
};

/** Hours to correct, by severity (NSPIRE: LT and severe 24 h; moderate 30 days; low 60 days). */
export const CORRECTION_HOURS: Readonly<Record<Severity, number>> = { life_threatening: 24, severe: 24, moderate: 30 * 24, low: 60 * 24 };

export interface Deficiency {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
  readonly severity: Severity;
  /** Hours to correct; the severity's default (CORRECTION_HOURS) when absent. */
  readonly hours?: number;
}

export type ConditionCatalogue = readonly Deficiency[];

export const DEFAULT_CONDITIONS: ConditionCatalogue = [
  { code: 'gas_leak', label: '燃气泄漏或燃气管道破损', labelEn: 'Gas leak or damaged gas pipe', severity: 'life_threatening' },
  { code: 'exposed_wiring', label: '电线裸露或插座带电外露', labelEn: 'Exposed wiring or live outlet', severity: 'life_threatening' },
  { code: 'smoke_alarm_missing', label: '烟感报警器缺失或失效', labelEn: 'Smoke alarm missing or inoperable', severity: 'life_threatening' },
  { code: 'blocked_exit', label: '安全出口或疏散通道堵塞', labelEn: 'Blocked exit or escape route', severity: 'severe' },
  { code: 'no_water', label: '无自来水或无热水', labelEn: 'No running or hot water', severity: 'severe' },
  { code: 'sewage_leak', label: '污水外溢', labelEn: 'Sewage backup', severity: 'severe' },
  { code: 'water_leak', label: '漏水、渗水', labelEn: 'Water leak', severity: 'moderate' },
  { code: 'mould', label: '墙面霉变', labelEn: 'Mould on walls', severity: 'moderate' },
  { code: 'window_broken', label: '门窗破损无法关闭', labelEn: 'Broken door or window that will not close', severity: 'moderate' },
  { code: 'pests', label: '虫鼠害', labelEn: 'Pest infestation', severity: 'moderate' },
  { code: 'wall_damage', label: '墙面、地面轻微破损', labelEn: 'Minor wall or floor damage', severity: 'low' },
  { code: 'fixture_worn', label: '洁具、灯具老化', labelEn: 'Worn fixtures', severity: 'low' },
];

/** The date (Beijing) by which a deficiency found at `at` must be corrected (`hours`: the catalogue's, else the severity's). */
export function correctionDeadline(severity: Severity, at: IsoDateTime, hours: number = CORRECTION_HOURS[severity]): IsoDate {
  const beijing = Date.parse(at) + 8 * 3_600_000;
  return new Date(beijing + hours * 3_600_000).toISOString().slice(0, 10);
}

/** The catalogue in force: the shipped items overlaid by IT's documents (same code replaces), withdrawn ones left out. */
export function catalogueOf(docs: readonly DeficiencyDoc[], shipped: ConditionCatalogue = DEFAULT_CONDITIONS): ConditionCatalogue {
  const byCode = new Map<string, Deficiency | null>(shipped.map((d) => [d.code, d]));
  for (const d of [...docs].sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1))) {
    byCode.set(d.code, d.active ? { code: d.code, label: d.zh, labelEn: d.en || d.zh, severity: d.severity, hours: d.hours } : null);
  }
  return [...byCode.values()].filter((d): d is Deficiency => d !== null);
}

/** The document IT stores for a deficiency (id `deficiency:<code>`). */
export function deficiencyDoc(d: Deficiency, o: { at: IsoDateTime; active?: boolean; createdAt?: IsoDateTime }): DeficiencyDoc {
  return {
    id: `deficiency:${d.code}`, type: 'deficiency', schemaVersion: 4, officeId: 'city', createdAt: o.createdAt ?? o.at, updatedAt: o.at,
    code: d.code, zh: d.label, en: d.labelEn, severity: d.severity, hours: d.hours ?? CORRECTION_HOURS[d.severity], active: o.active ?? true,
  };
}

/** Why IT's item cannot be stored (the server refuses the same), or null. */
export function deficiencyProblem(d: Deficiency): string | null {
  if (!/^[a-z][a-z0-9_]{1,39}$/.test(d.code)) return '代码应为小写英文字母开头的字母、数字或下划线(2至40位)';
  if (!d.label.trim()) return '请填写中文说明';
  const hours = d.hours ?? CORRECTION_HOURS[d.severity];
  if (!Number.isInteger(hours) || hours < 1 || hours > 8760) return '整改期限应为1至8760小时的整数';
  if ((d.severity === 'life_threatening' || d.severity === 'severe') && hours > 24) return '危及生命和严重问题须在24小时内整改';
  return null;
}

export function deficiencyOf(code: string, catalogue: ConditionCatalogue = DEFAULT_CONDITIONS): Deficiency | undefined {
  return catalogue.find((d) => d.code === code);
}
