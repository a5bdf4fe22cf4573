// Run a simulator for people and scripts: on a given serial path, or on a fresh pty pair whose
// application end is returned (and stays the same across simulated unplugs).
import type { SimCard } from './card-file';
import { FingerprintSimulator, type FingerprintSimMode } from './fingerprint-sim';
import { IdCardSimulator, type IdCardSimMode } from './idcard-sim';
import { type PtyPair, openPtyPair } from './pty';

export interface RunningSim {
  /** The path the application should open. */
  readonly appPath: string;
  stop(): Promise<void>;
}

export interface RunOptions {
  readonly port?: string;
  readonly paceBaud?: number;
  readonly log?: (line: string) => void;
}

export async function runIdCardSim(card: SimCard, mode: IdCardSimMode, repeatMs: number | undefined, options: RunOptions): Promise<RunningSim> {
  return run(options, (endpoint) => new IdCardSimulator(endpoint, { card, mode, ...opt(options), ...(repeatMs === undefined ? {} : { repeatMs }) }));
}

export async function runFingerprintSim(mode: FingerprintSimMode, finger: number, options: RunOptions): Promise<RunningSim> {
  return run(options, (endpoint) => new FingerprintSimulator(endpoint, { mode, finger, ...opt(options) }));
}

const opt = (o: RunOptions): { paceBaud?: number; log?: (line: string) => void } => ({
  ...(o.paceBaud === undefined ? {} : { paceBaud: o.paceBaud }),
  ...(o.log === undefined ? {} : { log: o.log }),
});

async function run(
  options: RunOptions,
  make: (endpoint: { path?: string; pty?: PtyPair }) => { start(): Promise<void>; stop(): Promise<void> },
): Promise<RunningSim> {
  if (options.port) {
    const sim = make({ path: options.port });
    await sim.start();
    return { appPath: options.port, stop: () => sim.stop() };
  }
  const pty = await openPtyPair();
  const sim = make({ pty });
  try {
    await sim.start();
  } catch (e) {
    await pty.close();
    throw e;
  }
  return {
    appPath: pty.appPath,
    async stop() {
      await sim.stop();
      await pty.close();
    },
  };
}
