import { BehaviorSubject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { settled } from './settled';
import type { SyncState, SyncStatus } from './sync';

const status = (state: SyncState): SyncStatus => ({ state, lastSuccessAt: null, error: null, problems: [] });

describe('settled', () => {
  it('waits while the workstation is still pulling, and answers once it has caught up', async () => {
    const s$ = new BehaviorSubject(status('syncing'));
    let answer: boolean | undefined;
    const waiting = settled(s$, 5_000).then((a) => (answer = a));
    await new Promise((r) => setTimeout(r, 30));
    expect(answer).toBeUndefined();
    s$.next(status('idle'));
    expect(await waiting).toBe(true);
  });

  it('does not hold up offline work: offline or failing counts as settled at once', async () => {
    expect(await settled(new BehaviorSubject(status('offline')), 5_000)).toBe(true);
    expect(await settled(new BehaviorSubject(status('error')), 5_000)).toBe(true);
  });

  it('gives up after the time allowed when the pull goes on', async () => {
    expect(await settled(new BehaviorSubject(status('connecting')), 40)).toBe(false);
  });
});
