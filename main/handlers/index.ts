// Composes every feature's handlers into the one map both adapters serve.
import type { MainContext } from '../context';
import { publicityHandlers } from '../documents/publicity-handlers';
import type { HandlerImpls } from '../dispatch';
import { appHandlers } from './app';
import { deviceHandlers } from './devices';
import { documentHandlers } from './documents';
import { scanHandlers } from './scans';
import { sessionHandlers } from './session';

export function createHandlers(ctx: MainContext): HandlerImpls {
  return { ...appHandlers(ctx), ...sessionHandlers(ctx), ...deviceHandlers(ctx.devices), ...documentHandlers(), ...publicityHandlers(), ...scanHandlers(ctx.scans) };
}
