import type { AppHandlers } from '../../domain/ipc/app';
import type { MainContext } from '../context';

export function appHandlers(ctx: MainContext): { [K in keyof AppHandlers]: AppHandlers[K] } {
  return {
    async 'app/info'() {
      return {
        mode: ctx.mode,
        version: ctx.version,
        couchUrl: ctx.couchUrl,
        relayUrl: ctx.relayUrl,
        workstationId: ctx.workstationId,
        trainingMode: ctx.trainingMode,
      };
    },
  };
}
