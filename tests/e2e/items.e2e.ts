// Business items beyond the applications, end to end in headless Chromium on the demo installation
// (`hws start --browser`: the embedded server seeded with 华富's cases, some of them tenancies): clerk1
// takes a 退租 exit for a seeded tenant at the counter — the item's materials, no new face photo
// (the item verifies the fingerprint only), the tenancy is not a duplicate of itself — reviewer1
// and dreviewer1 decide it with the buttons of its own stages, the district records 退房交接, and
// the dossier prints its 退出确认书.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTenant, openDemoCounter, type DemoCounter } from './demo-counter';

// An exit is taken only for a current tenant: someone the seed does not hold is refused at the counter.
const TENANT = demoTenant();
let demo: DemoCounter;

beforeAll(async () => {
  demo = await openDemoCounter('items');
});

afterAll(async () => {
  await demo?.stop();
});

describe('business items end to end', () => {
  it('退租: the counter takes the exit of a seeded tenant, the reviews decide it, the district records the hand-back, the 退出确认书 prints', async () => {
    const { page, downloads, signInAs, closeDrawer, decide, next, startItem, fingerprint, submitWithReceipt } = demo;
    await signInAs('clerk1');
    // 18 items: the picker's list is virtual, so the clerk types to find it.
    await startItem('退租', /^退租/);
    // The exit's own form and materials, from the catalogue.
    await page.getByTestId('intake-section-exit').waitFor();
    await demo.allMaterials();
    await next();
    await page.getByTestId('applicant-name').fill(TENANT.name);
    await page.getByTestId('applicant-id').fill(TENANT.idNumber);
    await next();
    await next();
    // No new face photo for this item; the fingerprint is enrolled and verified.
    await page.getByTestId('face-not-required').waitFor();
    await next();
    await fingerprint();
    await next();
    await next();
    // The tenant's own public rental case is what the exit is about, not a second benefit.
    await expect.poll(() => page.getByTestId('duplicates').innerText(), { timeout: 15_000 }).toContain('未发现');
    await next();
    await submitWithReceipt('receipt.pdf');

    // 街道初审 and 区级复审: the exit's first two stages.
    await signInAs('reviewer1');
    await decide({ name: TENANT.name, tab: 'queue', kind: 'preliminary_approve', note: '租金已缴清,同意退租' });
    await expect.poll(() => page.getByTestId('review-status').innerText()).toBe('初审通过');
    await signInAs('dreviewer1');
    await decide({ name: TENANT.name, tab: 'queue', kind: 'review_approve', note: '同意退租' });
    await expect.poll(() => page.getByTestId('review-status').innerText()).toBe('复审通过');
    // At 退房交接 the only act is the hand-back: no publicity, no waiting list.
    expect(await page.getByTestId('review-stage').innerText()).toContain('退房交接');
    await expect.poll(() => page.locator('[data-testid^="decide-"]').allInnerTexts()).toEqual(['确认退房交接']);
    await closeDrawer();
    await decide({ name: TENANT.name, tab: 'decided', kind: 'exit', note: '钥匙已交回,房屋验收完好' });
    await expect.poll(() => page.getByTestId('review-status').innerText()).toBe('已退出');
    expect(await page.locator('[data-testid^="decide-"]').count()).toBe(0);

    // The decision document: the exit's 退出确认书.
    const download = page.waitForEvent('download');
    await page.getByTestId('print-decision').click();
    const file = path.join(downloads, 'decision.pdf');
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('退出确认书');
    expect(text).toContain(TENANT.name);
    expect(text).toContain('退房交接');
    expect(text).not.toContain(TENANT.idNumber);
  });
});
