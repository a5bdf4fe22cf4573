// Waiting for the workstation to finish the pull under way, where a decision should see the office's
// latest data (a supervisor drawing an inspection plan names each household's enrolments).
import { filter, firstValueFrom, map, race, timer, type Observable } from 'rxjs';
import type { SyncStatus } from './sync';

/** States in which nothing more is on its way: caught up, or not reachable (offline work goes on). */
const SETTLED = new Set<SyncStatus['state']>(['idle', 'offline', 'error']);

/** Resolves true once the sync has settled (at once if it has), false if it is still busy after `ms`. */
export function settled(status$: Observable<SyncStatus>, ms: number): Promise<boolean> {
  return firstValueFrom(
    race(
      status$.pipe(filter((s) => SETTLED.has(s.state)), map(() => true)),
      timer(ms).pipe(map(() => false)),
    ),
  );
}
