// `hws bridge run|redrive`: the bridge from the central CouchDB to the city platform
// (sync-server/bridge). `run` goes on until a signal, or stops by itself with exit code 3 when the
// platform refuses the token (401); `redrive` sends the dead letters again.
import { readFile, stat } from 'node:fs/promises';
import { startBridge } from '../sync-server/bridge/bridge';
import { BridgeMetrics } from '../sync-server/bridge/metrics';
import { PlatformClient } from '../sync-server/bridge/platform-client';
import { redrive } from '../sync-server/bridge/redrive';
import { FatalPlatformError } from '../sync-server/bridge/delivery';
import { waitForSignal } from './shutdown';

export interface BridgeCliOptions {
  readonly couchUrl: string;
  readonly platformUrl: string;
  readonly tokenFile: string;
}

async function readToken(file: string): Promise<string> {
  let token: string;
  try {
    token = (await readFile(file, 'utf8')).trim();
  } catch (e) {
    throw new Error(`无法读取令牌文件 ${file} / cannot read the token file: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!token || /\s/.test(token)) throw new Error(`令牌文件 ${file} 应只含一个令牌 / the token file must hold one token`);
  if (process.platform !== 'win32' && ((await stat(file)).mode & 0o077) !== 0) {
    console.error(`注意:令牌文件 ${file} 可被他人读取,建议 chmod 600 / warning: the token file is readable by others`);
  }
  return token;
}

export async function bridgeRun(o: BridgeCliOptions & { metricsPort?: number; metricsHost?: string; instance?: string; office?: string[]; reference?: boolean; leaseSeconds?: number; pollSeconds?: number; batch?: number }): Promise<number> {
  const bridge = await startBridge({
    couchUrl: o.couchUrl,
    platformUrl: o.platformUrl,
    token: await readToken(o.tokenFile),
    instance: o.instance,
    offices: o.office,
    reference: o.reference,
    metricsPort: o.metricsPort ?? 9464,
    metricsHost: o.metricsHost,
    leaseMs: o.leaseSeconds === undefined ? undefined : o.leaseSeconds * 1000,
    pollMs: o.pollSeconds === undefined ? undefined : o.pollSeconds * 1000,
    batchSize: o.batch,
    // Test runs only: short back-off and request timeout (milliseconds).
    backoffBaseMs: process.env.HWS_BRIDGE_BACKOFF_MS ? Number(process.env.HWS_BRIDGE_BACKOFF_MS) : undefined,
    timeoutMs: process.env.HWS_BRIDGE_TIMEOUT_MS ? Number(process.env.HWS_BRIDGE_TIMEOUT_MS) : undefined,
  });
  const code = await Promise.race([bridge.done, waitForSignal().then(() => bridge.stop())]);
  if (code === 3) console.error(`错误:${bridge.metrics.fatal}`);
  return code;
}

export async function bridgeRedrive(o: BridgeCliOptions & { db?: string }): Promise<number> {
  try {
    const report = await redrive(
      o.couchUrl,
      {
        platform: new PlatformClient({ url: o.platformUrl, token: await readToken(o.tokenFile) }),
        metrics: new BridgeMetrics(),
        backoffBaseMs: 500,
        backoffCapMs: 60_000,
        log: (line) => console.error(line),
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        stopped: () => false,
      },
      { db: o.db },
    );
    for (const line of report.lines) console.log(line);
    console.log(`完成:重发成功 ${report.sent} 条,仍为死信 ${report.stillDead} 条 / redriven ${report.sent}, still dead ${report.stillDead}`);
    return report.stillDead > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof FatalPlatformError) {
      console.error(`错误:${e.message}`);
      return e.status === 401 ? 3 : 1;
    }
    throw e;
  }
}
