// The change relay as its own process for `bench/scale.ts --feed relay --trace FILE`: `hws relay`
// (sync-server/relay) with its trace hook on, writing per change read from an office's feed
// `id readAt sentAt clients` (absolute ms: performance.timeOrigin + performance.now()) to FILE,
// and its event loop's delay (p50/p99/max ms) as the last line when it is stopped.
//   node --import tsx bench/scale-relay.ts COUCH_URL PORT FILE
import { createWriteStream } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startRelay } from '../sync-server/relay/relay';

const [couchUrl, port, file] = process.argv.slice(2);
if (!couchUrl || !port || !file) throw new Error('usage: scale-relay.ts COUCH_URL PORT FILE');
const out = createWriteStream(file);
const origin = performance.timeOrigin;
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const relay = await startRelay({
  couchUrl,
  port: Number(port),
  log: (line) => console.error(line),
  trace: (r) => out.write(`${r.id} ${(origin + r.readAt).toFixed(1)} ${(origin + r.sentAt).toFixed(1)} ${r.clients}\n`),
});
console.log(relay.url);
process.on('SIGTERM', () => {
  lag.disable();
  out.end(`#lag ${(lag.percentile(50) / 1e6).toFixed(1)} ${(lag.percentile(99) / 1e6).toFixed(1)} ${(lag.max / 1e6).toFixed(1)}\n`, () => {
    void relay.close().finally(() => process.exit(0));
  });
});
