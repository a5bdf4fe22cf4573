// Printing from a laptop's task package: the document names the unit and the tenant as the laptop
// holds them, carries the visit's findings, and the print is in the audit log.
import { afterEach, describe, expect, it } from 'vitest';
import type { InspectionPrintData } from '../../domain/ipc/inspection';
import { readChain } from '../audit/audit-log';
import { openTestContext } from '../audit/testing';
import { createPlan, loadVisit, saveVisit } from './inspection-store';
import { printVisit } from './print';
import { INSPECTOR, SUPERVISOR, seedTenancies } from './testing';

let open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

describe('printing a visit', () => {
  it('sends the unit, the tenant, the findings and the refusal to main, and audits the print', async () => {
    const ctx = await openTestContext({ user: INSPECTOR, collections: ['field', 'people', 'events', 'files', 'cases', 'audit'] });
    open.push(ctx);
    await seedTenancies(ctx, 60);
    const [task] = (await createPlan({ ...ctx, user: SUPERVISOR }, { title: 't', seed: 3, sampleRate: 1, startsOn: '2024-07-01', endsOn: '2024-07-12', inspectors: ['inspector1'] })).tasks;
    const v = await loadVisit(ctx, task!.id);
    const { visit } = await saveVisit(
      ctx,
      { task: v.task, lease: v.lease, at: '2024-07-02T02:00:00.000Z', notHome: false, occupant: { result: 'other', personId: null, name: '李四' }, faceScore: null, fingerprintMatched: null, occupancy: 'sublet_or_lent', arrearsMonths: 0, conditions: [{ code: 'gas_leak', note: '' }], photoIds: [], photos: [], signature: null, signatureRefused: true, note: '' },
      v.caseState,
    );
    const sent: { name: string; args: InspectionPrintData }[] = [];
    const api = { invoke: async (name: string, args: unknown) => (sent.push({ name, args: args as InspectionPrintData }), { fileName: 'x.pdf', pdfBase64: '' }) } as never;
    await printVisit(api, ctx, visit, 'rectification', { occupantName: '李四' });
    const args = sent[0]!.args;
    expect(sent[0]!.name).toBe('documents/inspection');
    expect(args).toMatchObject({ kind: 'rectification', officeName: INSPECTOR.officeName, inspectorName: '王芳', tenantName: v.applicantName, occupant: '非承租家庭人员 李四', signatureRefused: true, reinspectionOn: '2024-07-03' });
    expect(args.address).toBe(`${v.unit!.projectName} ${v.unit!.building} ${v.unit!.room}`);
    expect(args.findings.map((f) => f.label)).toEqual(['实际居住人非承租人', '转租']);
    expect(args.deficiencies).toEqual([{ label: '燃气泄漏或燃气管道破损', severity: '危及生命', note: '燃气泄漏或燃气管道破损', correctBy: '2024-07-03' }]);
    const chain = await readChain(ctx.db, ctx.deviceId);
    expect(chain.at(-1)).toMatchObject({ action: 'print', target: visit.caseId, detail: { document: 'rectification_notice', number: args.documentNo } });
  });
});
