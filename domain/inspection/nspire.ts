// Unit condition deficiencies and their correction deadlines, after HUD's NSPIRE model: life-
// threatening and severe deficiencies are corrected within 24 hours, moderate ones within 30 days,
// low ones within 60. Reference data: a district may replace the catalogue (`ConditionCatalogue`).
import type { IsoDate, IsoDateTime } from '../model/common';
import type { ConditionItem } from '../model/field';

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

/** The date (Beijing) by which a deficiency found at `at` must be corrected. */
export function correctionDeadline(severity: Severity, at: IsoDateTime): IsoDate {
  const beijing = Date.parse(at) + 8 * 3_600_000;
  return new Date(beijing + CORRECTION_HOURS[severity] * 3_600_000).toISOString().slice(0, 10);
}

export function deficiencyOf(code: string, catalogue: ConditionCatalogue = DEFAULT_CONDITIONS): Deficiency | undefined {
  return catalogue.find((d) => d.code === code);
}
