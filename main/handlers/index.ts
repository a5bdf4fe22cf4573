// Composes every feature's handlers into the one map both adapters serve.
import type { MainContext } from '../context';
import { inspectionDocumentHandlers } from '../documents/inspection-handlers';
import { publicityHandlers } from '../documents/publicity-handlers';
import { decisionDocumentHandlers } from '../documents/decision-handlers';
import type { HandlerImpls } from '../dispatch';
import { appHandlers } from './app';
import { batchHandlers } from './batches';
import { deviceHandlers } from './devices';
import { documentHandlers } from './documents';
import { ocrHandlers } from './ocr';
import { scanHandlers } from './scans';
import { sessionHandlers, type SessionOptions } from './session';
import { fingerprintSignoff } from './signoff';

/** `keyProtector`: the OS secret store (Electron), sealing cached keys and sign-off fingerprints. */
export function createHandlers(ctx: MainContext, options: SessionOptions = {}): HandlerImpls {
  const signoff = fingerprintSignoff(ctx.dataDir, ctx.devices, { protector: options.keyProtector });
  return { ...appHandlers(ctx), ...signoff.wrapSession(sessionHandlers(ctx, options)), ...signoff.handlers, ...deviceHandlers(ctx.devices), ...documentHandlers(), ...inspectionDocumentHandlers(), ...decisionDocumentHandlers(), ...publicityHandlers(), ...scanHandlers(ctx.scans), ...ocrHandlers(ctx), ...batchHandlers(ctx) };
}
