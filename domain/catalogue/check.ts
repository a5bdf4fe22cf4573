// What a catalogue means, checked before anyone works with it: every stage reachable and able to
// finish, every action recorded by somebody, every field, rule, condition and document known,
// every label in both languages, every district override naming what exists.
import { ROLES, type Role } from '../model/events';
import { CASE_STATUSES } from '../model/status';
import { RULE_IDS, type RuleId } from '../rules/result';
import { EVENT_KINDS } from '../workflow/events';
import type { Catalogue, CatalogueItem, CatalogueMaterial, DistrictOverride, StageDef, Text } from './types';
import { CONDITIONS, DOCUMENT_KINDS, FORM_FIELDS, RULE_INPUTS } from './vocabulary';

export interface Problem {
  /** The item's code, or null for the catalogue as a whole. */
  readonly item: string | null;
  readonly message: string;
}

const STATUSES: ReadonlySet<string> = new Set([...CASE_STATUSES, 'completed']);
const HAN = /\p{Script=Han}/u;

/** A label is translated when both languages are there and the English one is not Chinese. */
function untranslated(t: Text): string | null {
  if (!t.zh.trim()) return '缺少中文';
  if (!t.en.trim()) return '缺少英文';
  if (HAN.test(t.en)) return '英文中含有汉字';
  return null;
}

/** Stages reachable from the start. */
function reachable(item: CatalogueItem): Set<string> {
  const byId = new Map(item.stages.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const queue = [item.start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id) || !byId.has(id)) continue;
    seen.add(id);
    for (const a of byId.get(id)!.actions) queue.push(a.to);
  }
  return seen;
}

/** Stages from which some terminal stage can be reached. */
function canFinish(item: CatalogueItem): Set<string> {
  const done = new Set(item.stages.filter((s) => s.actions.length === 0).map((s) => s.id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of item.stages) {
      if (!done.has(s.id) && s.actions.some((a) => done.has(a.to))) {
        done.add(s.id);
        changed = true;
      }
    }
  }
  return done;
}

const actors = (stage: StageDef, roles?: readonly Role[]): readonly Role[] => roles ?? stage.roles;

function checkStages(item: CatalogueItem, say: (m: string) => void): void {
  const ids = new Set<string>();
  for (const s of item.stages) {
    if (ids.has(s.id)) say(`阶段“${s.id}”重复`);
    ids.add(s.id);
  }
  if (!ids.has(item.start)) say(`起始阶段“${item.start}”不存在`);
  const statusOwners = new Map<string, string>();
  for (const s of item.stages) {
    const where = `阶段“${s.id}”`;
    const t = untranslated(s.name);
    if (t) say(`${where}名称${t}`);
    if (!STATUSES.has(s.status)) say(`${where}的状态“${s.status}”未定义`);
    if (s.actions.length > 0) {
      const other = statusOwners.get(s.status);
      if (other) say(`${where}与“${other}”状态相同(${s.status}),队列无法区分`);
      statusOwners.set(s.status, s.id);
    }
    if (s.terminal && s.actions.length > 0) say(`${where}标为办结却仍有办理动作`);
    if (!s.terminal && s.actions.length === 0) say(`${where}没有任何办理动作,也未标为办结(死胡同)`);
    const events = new Set<string>();
    for (const a of s.actions) {
      if (!(EVENT_KINDS as readonly string[]).includes(a.event)) say(`${where}的动作“${a.event}”未定义`);
      if (events.has(a.event)) say(`${where}的动作“${a.event}”重复`);
      events.add(a.event);
      if (!ids.has(a.to)) say(`${where}的动作“${a.event}”指向不存在的阶段“${a.to}”`);
      if (actors(s, a.roles).length === 0) say(`${where}的动作“${a.event}”没有任何角色可以办理(死胡同)`);
      for (const r of actors(s, a.roles)) if (!(ROLES as readonly string[]).includes(r)) say(`${where}的角色“${r}”未定义`);
    }
  }
  const seen = reachable(item);
  for (const s of item.stages) if (!seen.has(s.id)) say(`阶段“${s.id}”无法到达`);
  const finish = canFinish(item);
  for (const s of item.stages) if (seen.has(s.id) && !finish.has(s.id)) say(`阶段“${s.id}”之后无法办结(循环或死胡同)`);
  const start = item.stages.find((s) => s.id === item.start);
  if (start) {
    for (const r of item.startedBy) {
      if (!start.actions.some((a) => actors(start, a.roles).includes(r))) say(`角色“${r}”可发起本事项,却不能办理起始阶段`);
    }
  }
}

function checkMaterials(materials: readonly CatalogueMaterial[], say: (m: string) => void, where = '材料'): void {
  const codes = new Set<string>();
  for (const m of materials) {
    if (codes.has(m.code)) say(`${where}“${m.code}”重复`);
    codes.add(m.code);
    const t = untranslated(m.name);
    if (t) say(`${where}“${m.code}”名称${t}`);
    if (m.when !== undefined && !(m.when in CONDITIONS)) say(`${where}“${m.code}”的条件“${m.when}”未定义`);
  }
}

function checkForm(item: CatalogueItem, say: (m: string) => void): void {
  const collected = new Set<string>();
  for (const s of item.sections) {
    const t = untranslated(s.title);
    if (t) say(`表单分区“${s.id}”标题${t}`);
    for (const f of s.fields) {
      if (!(f in FORM_FIELDS)) say(`表单分区“${s.id}”含未知字段“${f}”`);
      collected.add(f);
    }
  }
  for (const r of item.rules) {
    if (r.kind === 'builtin') {
      if (!(RULE_IDS as readonly string[]).includes(r.rule)) {
        say(`规则“${r.rule}”未定义`);
        continue;
      }
      const missing = RULE_INPUTS[r.rule as RuleId].filter((f) => !collected.has(f));
      if (missing.length > 0) say(`规则“${r.rule}”需要的字段未在表单中采集:${missing.join('、')}`);
    } else {
      const t = untranslated(r.title);
      if (t) say(`规则“${r.id}”标题${t}`);
      if (!(r.field in FORM_FIELDS)) say(`规则“${r.id}”引用未知字段“${r.field}”`);
      else if (!collected.has(r.field)) say(`规则“${r.id}”的字段“${r.field}”未在表单中采集`);
    }
  }
}

function checkItem(item: CatalogueItem, say: (m: string) => void): void {
  const t = untranslated(item.name);
  if (t) say(`事项名称${t}`);
  if (item.subject === 'open_case' && !(item.appliesTo && item.appliesTo.length > 0)) say('针对在办案件的事项须写明适用的案件状态(appliesTo)');
  if (item.subject !== 'open_case' && item.appliesTo) say('只有针对在办案件的事项才有 appliesTo');
  for (const s of item.appliesTo ?? []) if (!STATUSES.has(s)) say(`适用状态“${s}”未定义`);
  for (const d of item.documents) if (!(d in DOCUMENT_KINDS)) say(`文书“${d}”未定义`);
  checkMaterials(item.materials, say);
  checkForm(item, say);
  checkStages(item, say);
}

function checkOverride(o: DistrictOverride, items: ReadonlyMap<string, CatalogueItem>, say: (m: string) => void): void {
  if (!/^district:\d{6}$/.test(o.districtId)) say(`区划“${o.districtId}”格式不正确(应为 district:六位区划代码)`);
  const item = items.get(o.item);
  if (!item) return say(`区级变更指向不存在的事项“${o.item}”`);
  for (const [stage, _days] of Object.entries(o.deadlineDays ?? {})) {
    const s = item.stages.find((x) => x.id === stage);
    if (!s) say(`区级变更调整了不存在的阶段“${stage}”的时限`);
    else if (s.deadlineDays === null) say(`阶段“${stage}”没有办理时限,不能调整`);
  }
  const ruleIds = new Set(item.rules.map((r) => (r.kind === 'builtin' ? r.rule : r.id)));
  for (const r of o.rulesOff ?? []) if (!ruleIds.has(r)) say(`区级变更关闭了事项中没有的规则“${r}”`);
  const codes = new Set(item.materials.map((m) => m.code));
  for (const m of o.materialsRemoved ?? []) if (!codes.has(m)) say(`区级变更删除了事项中没有的材料“${m}”`);
  checkMaterials(o.materialsAdded ?? [], say, '区级新增材料');
}

/** Every problem of a catalogue whose shape is right (parseCatalogue), in Chinese; [] when none. */
export function checkCatalogue(catalogue: Catalogue): Problem[] {
  const problems: Problem[] = [];
  const items = new Map<string, CatalogueItem>();
  for (const item of catalogue.items) {
    const say = (message: string) => problems.push({ item: item.code, message });
    if (items.has(item.code)) say('事项编码重复');
    items.set(item.code, item);
    checkItem(item, say);
  }
  catalogue.overrides.forEach((o) => checkOverride(o, items, (message) => problems.push({ item: o.item, message: `${o.districtId}:${message}` })));
  return problems;
}
