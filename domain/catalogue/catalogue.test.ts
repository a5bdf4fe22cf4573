import { describe, expect, it } from 'vitest';
import { ROLES } from '../model/events';
import { CASE_STATUSES, type CaseStatus } from '../model/status';
import { EVENT_KINDS, type EventKind } from '../workflow/events';
import { TRANSITIONS } from '../workflow/transitions';
import { CATALOGUE, checkCatalogue, itemFor, nextStatus, parseCatalogue, transitionTable, type Catalogue, type CatalogueItem } from './index';

const item = (code: string): CatalogueItem => CATALOGUE.items.find((i) => i.code === code)!;
const clone = (): Catalogue => JSON.parse(JSON.stringify(CATALOGUE)) as Catalogue;
const messages = (c: Catalogue) => checkCatalogue(c).map((p) => `${p.item}: ${p.message}`);

// Events of a tenancy (inspection) and of settling contradictory decisions are not an application's steps.
const APPLICATION_EVENTS = EVENT_KINDS.filter((k) => k !== 'inspection_result' && k !== 'resolve_conflict');
const TENANCY: readonly CaseStatus[] = ['contracted', 'in_tenancy', 'violation'];

describe('the shipped catalogue', () => {
  it('has no problem, and at least 12 items beyond the four applications', () => {
    expect(parseCatalogue(JSON.parse(JSON.stringify(CATALOGUE))).ok).toBe(true);
    expect(messages(CATALOGUE)).toEqual([]);
    const beyond = CATALOGUE.items.filter((i) => !['public_rental', 'affordable_rental', 'shared_ownership', 'rental_subsidy', 'talent_housing'].includes(i.code));
    expect(beyond.length).toBeGreaterThanOrEqual(12);
  });

  it.each(['public_rental', 'affordable_rental', 'shared_ownership', 'rental_subsidy'])('gives %s the lifecycle the workflow engine enforces', (code) => {
    const table = transitionTable(item(code));
    for (const kind of APPLICATION_EVENTS) {
      for (const role of ROLES) {
        const coded = ((TRANSITIONS[kind].by as Partial<Record<string, readonly CaseStatus[]>>)[role] ?? []).filter((s) => !TENANCY.includes(s));
        expect([...(table[kind]?.[role] ?? [])].sort(), `${kind} by ${role}`).toEqual([...coded].sort());
        for (const from of coded) {
          const to = (TRANSITIONS[kind].to as (f: CaseStatus, p: unknown) => CaseStatus)(from, {});
          expect(nextStatus(item(code), from, kind as EventKind), `${kind} from ${from}`).toBe(to);
        }
      }
    }
  });

  it('lets a district see its own variant and nobody else’s', () => {
    const nanshan = itemFor(CATALOGUE, 'public_rental', 'district:440305')!;
    const futian = itemFor(CATALOGUE, 'public_rental', 'district:440304')!;
    expect(nanshan.stages.find((s) => s.id === 'preliminary')!.deadlineDays).toBe(8);
    expect(futian.stages.find((s) => s.id === 'preliminary')!.deadlineDays).toBe(10);
    expect(itemFor(CATALOGUE, 'public_rental.rent_reduction', 'district:440304')!.rules).toEqual([]);
    expect(itemFor(CATALOGUE, 'public_rental.rent_reduction', 'district:440303')!.rules).toHaveLength(1);
    expect(itemFor(CATALOGUE, 'public_rental.renewal', 'district:440306')!.materials.map((m) => m.code)).toContain('social_insurance_renewal');
  });

  it('keeps every status a stage shows within the case statuses, or completed', () => {
    for (const i of CATALOGUE.items) for (const s of i.stages) expect([...CASE_STATUSES, 'completed']).toContain(s.status);
  });
});

describe('a broken catalogue', () => {
  it('names an unreachable stage and a dead end', () => {
    const c = clone();
    const renewal = c.items.find((i) => i.code === 'public_rental.renewal')! as unknown as { stages: { id: string; actions: unknown[]; terminal?: boolean; status: string }[] };
    renewal.stages.push({ id: 'orphan', name: { zh: '孤立', en: 'Orphan' }, status: 'waiting', roles: ['clerk'], deadlineDays: null, actions: [{ event: 'allocate', to: 'approved' }] } as never);
    const preliminary = renewal.stages.find((s) => s.id === 'preliminary')!;
    preliminary.actions = [];
    expect(messages(c)).toEqual(
      expect.arrayContaining([
        'public_rental.renewal: 阶段“orphan”无法到达',
        'public_rental.renewal: 阶段“preliminary”没有任何办理动作,也未标为办结(死胡同)',
      ]),
    );
  });

  it('names a loop that can never finish', () => {
    const c = clone();
    const contact = c.items.find((i) => i.code === 'contact_change')! as unknown as { stages: { id: string; actions: { event: string; to: string }[] }[] };
    // At the counter the clerk may only send it back and forth: nothing ever ends it.
    contact.stages.find((s) => s.id === 'submitted')!.actions = [{ event: 'return', to: 'returned' }];
    contact.stages.find((s) => s.id === 'returned')!.actions = [{ event: 'submit', to: 'submitted' }];
    expect(messages(c)).toEqual(expect.arrayContaining(['contact_change: 阶段“submitted”之后无法办结(循环或死胡同)']));
  });

  it('names unknown fields in sections and rules, and a rule whose field is not collected', () => {
    const c = clone();
    const reduction = c.items.find((i) => i.code === 'public_rental.rent_reduction')! as unknown as { sections: { id: string; fields: string[] }[]; rules: { kind: string; field?: string }[] };
    reduction.sections[0]!.fields.push('applicant.shoeSize');
    (reduction.rules[0] as { field: string }).field = 'household.assets';
    const exit = c.items.find((i) => i.code === 'public_rental.exit')! as unknown as { rules: unknown[] };
    exit.rules.push({ kind: 'builtin', rule: 'income' });
    expect(messages(c)).toEqual(
      expect.arrayContaining([
        'public_rental.rent_reduction: 表单分区“applicant”含未知字段“applicant.shoeSize”',
        'public_rental.rent_reduction: 规则“reduction_income”的字段“household.assets”未在表单中采集',
        'public_rental.exit: 规则“income”需要的字段未在表单中采集:member.incomes、household.members',
      ]),
    );
  });

  it('names missing translations, Chinese left in English, and unknown documents', () => {
    const c = clone();
    const swap = c.items.find((i) => i.code === 'public_rental.swap')! as unknown as { name: { en: string }; materials: { name: { en: string } }[]; documents: string[] };
    swap.name.en = '';
    swap.materials[0]!.name.en = '居民身份证';
    swap.documents.push('lottery_ticket');
    expect(messages(c)).toEqual(
      expect.arrayContaining([
        'public_rental.swap: 事项名称缺少英文',
        'public_rental.swap: 材料“id_card”名称英文中含有汉字',
        'public_rental.swap: 文书“lottery_ticket”未定义',
      ]),
    );
  });

  it('names an override of something that does not exist', () => {
    const c = clone();
    (c.overrides as unknown[]).push({ districtId: 'district:440303', item: 'public_rental', deadlineDays: { draft: 3, nowhere: 2 }, rulesOff: ['astrology'] });
    (c.overrides as unknown[]).push({ districtId: '罗湖', item: 'free_houses' });
    expect(messages(c)).toEqual(
      expect.arrayContaining([
        'public_rental: district:440303:阶段“draft”没有办理时限,不能调整',
        'public_rental: district:440303:区级变更调整了不存在的阶段“nowhere”的时限',
        'public_rental: district:440303:区级变更关闭了事项中没有的规则“astrology”',
        'free_houses: 罗湖:区划“罗湖”格式不正确(应为 district:六位区划代码)',
        'free_houses: 罗湖:区级变更指向不存在的事项“free_houses”',
      ]),
    );
  });

  it('refuses a file of the wrong shape with the place of each problem, in Chinese', () => {
    const c = JSON.parse(JSON.stringify(CATALOGUE)) as Record<string, unknown> & { items: Record<string, unknown>[] };
    c.version = 'latest';
    c.items[0]!.programme = 'castles';
    const result = parseCatalogue(c);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.join('\n')).toContain('version:版本号应形如 2026.1');
    expect(problems.some((p) => p.startsWith('items.0.programme:') && /[\u4e00-\u9fff]/.test(p))).toBe(true);
  });
});

describe('the server’s event writers', () => {
  it('come from the catalogue and agree with the workflow table', async () => {
    const { eventWriters } = await import('../sync/permissions');
    const { rolesFor } = await import('../workflow/transitions');
    const writers = eventWriters();
    for (const kind of EVENT_KINDS) expect(writers[kind], kind).toEqual([...rolesFor(kind)].sort());
  });

  it('follow a catalogue that lets another role record an event', async () => {
    const { eventWriters } = await import('../sync/permissions');
    const c = clone();
    const publicRental = c.items.find((i) => i.code === 'public_rental')! as unknown as { stages: { id: string; actions: { event: string; roles?: string[] }[] }[] };
    expect(eventWriters(c).allocate).toEqual(['district_reviewer']);
    publicRental.stages.find((s) => s.id === 'waiting')!.actions.find((a) => a.event === 'allocate')!.roles = ['reviewer', 'district_reviewer'];
    expect(eventWriters(c).allocate).toEqual(['district_reviewer', 'reviewer']);
  });
});
