// Delivering prepared requests: the same body with the same key until the platform answers for
// good, backing off exponentially with jitter (Retry-After honoured). Shared by the office
// workers and `hws bridge redrive`.
import type { BridgeMetrics } from './metrics';
import { backoffMs, type PlatformClient, type PreparedRequest, type RecordsReply } from './platform-client';

/** The bridge must stop: the token is refused (401) or the platform broke the contract. */
export class FatalPlatformError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'FatalPlatformError';
  }
}

/** Another instance took the database's lease: this one stops delivering it. */
export class LeaseLost extends Error {
  constructor(db: string) {
    super(`lease of ${db} lost`);
    this.name = 'LeaseLost';
  }
}

/** The bridge is stopping. */
export class Stopping extends Error {
  constructor() {
    super('stopping');
    this.name = 'Stopping';
  }
}

export interface DeliveryOptions {
  readonly platform: PlatformClient;
  readonly metrics: BridgeMetrics;
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
  readonly log: (line: string) => void;
  /** Resolves after ms, or early (rejecting with Stopping) when the bridge stops. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly stopped: () => boolean;
}

export type Answer = { readonly kind: 'ok'; readonly reply: RecordsReply } | { readonly kind: 'bad_request'; readonly reason: string };

export async function sendUntilAnswered(options: DeliveryOptions, request: PreparedRequest, label: string, stillOwner: () => boolean = () => true): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    if (options.stopped()) throw new Stopping();
    if (!stillOwner()) throw new LeaseLost(label);
    options.metrics.requests++;
    const outcome = await options.platform.send(request);
    if (outcome.kind === 'ok' || outcome.kind === 'bad_request') return outcome;
    if (outcome.kind === 'fatal') throw new FatalPlatformError(outcome.status, outcome.reason);
    options.metrics.retried++;
    const wait = backoffMs(attempt, options.backoffBaseMs, options.backoffCapMs, outcome.afterMs);
    options.metrics.lastError = `${label}: ${outcome.reason}`;
    options.log(`${label}: ${outcome.reason},${Math.round(wait)} ms 后以同一幂等键重发 ${request.key.slice(0, 16)}… / resending`);
    await options.sleep(wait);
  }
}
