// Plans, the visit and the findings list in a real local database (fake-indexeddb): what the
// supervisor saves, what the inspector records offline, and what the district reviewer then sees.
import { afterEach, describe, expect, it } from 'vitest';
import { lookupHash } from '../../domain/crypto/sealing';
import { verifySignature } from '../../domain/crypto/signing';
import { compareOccupant } from '../../domain/inspection';
import { deriveCase } from '../../domain/workflow/derive';
import { openTestContext } from '../audit/testing';
import { createPlan, findings, loadVisit, previewPlan, saveVisit, tasksOf } from './inspection-store';
import { INSPECTOR, SUPERVISOR, enrolledFace, seedTenancies } from './testing';

let open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

const input = { title: '2024年第三季度入户核查', seed: 20240701, sampleRate: 0.3, startsOn: '2024-07-01', endsOn: '2024-07-12', inspectors: ['inspector1'] };

describe('inspection store', () => {
  it('saves a plan whose seed gives the same sample again, with tasks for the inspector', async () => {
    const ctx = await openTestContext({ user: SUPERVISOR, collections: ['field', 'people', 'events', 'files'] });
    open.push(ctx);
    const { leases } = await seedTenancies(ctx, 300);
    const preview = await previewPlan(ctx.db, input);
    const { plan, tasks } = await createPlan(ctx, input);
    expect(plan).toMatchObject({ seed: 20240701, sampleRate: 0.3, createdBy: 'reviewer1' });
    expect(tasks.map((t) => t.leaseId)).toEqual(expect.arrayContaining(preview.map((i) => i.lease.id)));
    expect(tasks.length).toBe(preview.length);
    expect(tasks.length).toBeLessThanOrEqual(leases.length);
    expect((await tasksOf(ctx.db, 'inspector1')).length).toBe(tasks.length);
    expect((await previewPlan(ctx.db, input)).map((i) => i.lease.id)).toEqual(preview.map((i) => i.lease.id));
  });

  it('records a visit offline: the occupant checked against the household, a signed event, the case in violation, in the findings list', async () => {
    const ctx = await openTestContext({ user: INSPECTOR, collections: ['field', 'people', 'events', 'files', 'cases'] });
    open.push(ctx);
    await seedTenancies(ctx, 300);
    const [task] = (await createPlan({ ...ctx, user: SUPERVISOR }, { ...input, sampleRate: 1 })).tasks;
    const v = await loadVisit(ctx, task!.id);
    expect(v.faces.get(v.household.applicantPersonId)).toHaveLength(enrolledFace(0).length);
    expect(v.caseState.status).toMatch(/^(contracted|in_tenancy)$/);
    expect(task!.enrolmentIds.length).toBe(v.persons.length);
    const applicant = v.persons.find((p) => p.id === v.household.applicantPersonId)!;
    expect(compareOccupant(applicant.idHash, v.household, v.persons)).toMatchObject({ result: 'tenant', name: applicant.name });
    // A stranger's card at the door: somebody else.
    const stranger = compareOccupant(await lookupHash(ctx.keys.lookup, '110101199003070000'), v.household, v.persons);
    expect(stranger.result).toBe('other');
    const saved = await saveVisit(
      ctx,
      { task: v.task, lease: v.lease, at: '2024-07-02T02:00:00.000Z', notHome: false, occupant: stranger, faceScore: 0.9, fingerprintMatched: false, occupancy: 'other_occupant', arrearsMonths: 2, conditions: [{ code: 'mould', note: '' }], photoIds: [], photos: [], signature: null, signatureRefused: true, note: '' },
      v.caseState,
    );
    expect(saved.visit.outcome).toBe('violation');
    expect(saved.reinspection).toMatchObject({ reason: 'reinspection', dueDate: '2024-08-01' });
    expect(saved.event.actor.userId).toBe('inspector1');
    expect(await verifySignature(ctx.signing.publicKey, saved.event as never)).toBe(true);
    // The laptop knows the case only by its document: its status, with the laptop's own event applied.
    expect((await loadVisit(ctx, task!.id)).caseState.status).toBe('violation');
    expect(deriveCase([]).status).not.toBe('violation');
    const rows = await findings(ctx.db);
    expect(rows.map((r) => r.visit.id)).toEqual([saved.visit.id]);
    expect(rows[0]!.visit.findings.map((f) => f.kind)).toEqual(['occupant_not_tenant', 'unit_condition']);
  });
});
