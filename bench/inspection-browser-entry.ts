// Bundled for headless Chromium by bench/inspection.ts: visit saves on a laptop database (real
// IndexedDB), and a fresh laptop receiving its task package from the server.
import { importFieldKeys, toBase64 } from '../domain/crypto/sealing';
import { generateSigningKey, importSigner } from '../domain/crypto/signing';
import { compareOccupant } from '../domain/inspection';
import { openWorkstationDb } from '../renderer/db/database';
import { createPlan, loadVisit, saveVisit } from '../renderer/inspection/inspection-store';
import { INSPECTOR, SUPERVISOR, seedTenancies } from '../renderer/inspection/testing';
import { authFetch } from '../renderer/sync/remote';
import { refreshTaskPackage } from '../renderer/sync/task-package';

declare global {
  interface Window {
    runVisits(cases: number, visits: number): Promise<{ save: number[]; baseline: number[] }>;
    runPackage(couchUrl: string, user: string, password: string, officeId: string): Promise<{ ms: number; report: unknown }>;
  }
}

const key = () => toBase64(crypto.getRandomValues(new Uint8Array(32)));

window.runVisits = async (cases, visits) => {
  const db = await openWorkstationDb({ name: `visits-${Date.now()}`, collections: ['field', 'people', 'events', 'files', 'cases'] });
  const keys = await importFieldKeys(key(), key());
  const signer = await importSigner(await generateSigningKey());
  const ctx = { db, user: INSPECTOR, keys, signer, deviceId: 'bench-laptop' };
  await seedTenancies(ctx, cases);
  const { tasks } = await createPlan({ ...ctx, user: SUPERVISOR }, { title: 'bench', seed: 1, sampleRate: 1, startsOn: '2024-07-01', endsOn: '2024-07-31', inspectors: ['inspector1'] });
  const save: number[] = [];
  const baseline: number[] = [];
  for (const task of tasks.slice(0, visits)) {
    const v = await loadVisit(ctx, task.id);
    const applicant = v.persons.find((p) => p.id === v.household.applicantPersonId)!;
    const draft = {
      task: v.task, lease: v.lease, at: new Date().toISOString(), notHome: false, occupant: compareOccupant(applicant.idHash, v.household, v.persons),
      faceScore: 0.3, fingerprintMatched: true, occupancy: 'tenant_present' as const, arrearsMonths: 0, conditions: [{ code: 'water_leak', note: '' }],
      photoIds: ['p1'], photos: [`data:image/jpeg;base64,${'A'.repeat(40_000)}`], signature: `data:image/png;base64,${'B'.repeat(8_000)}`, signatureRefused: false, note: '',
    };
    let t = performance.now();
    await saveVisit(ctx, draft, v.caseState);
    save.push(performance.now() - t);
    // Baseline: one plain insert of a document of the same size (no checks, no event, no signature).
    t = performance.now();
    await db.field.insert({ ...(await db.field.findOne(task.leaseId).exec())!.toJSON(), id: `baseline:${task.id}`, type: 'unit', projectName: 'x', photos: draft.photos } as never);
    baseline.push(performance.now() - t);
  }
  await db.remove();
  return { save, baseline };
};

window.runPackage = async (couchUrl, user, password, officeId) => {
  const db = await openWorkstationDb({ name: `package-${Date.now()}`, collections: ['field', 'people', 'events', 'files', 'cases'] });
  const t0 = performance.now();
  const report = await refreshTaskPackage({ db, couchUrl, fetch: authFetch(user, password, { report: () => {} }), me: user, officeId });
  const ms = performance.now() - t0;
  await db.remove();
  return { ms, report };
};
