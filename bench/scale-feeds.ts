// A share of bench/scale.ts's simulated workstations' feeds in a process of its own
// (`--processes P`): 2,000 sockets read by one Node thread on a busy machine fall behind, and
// the delay would be counted as the server's. Forked by bench/scale-clients.ts, which sends
// { target, n, feed, part, of } and 'stop'; arrivals go back in batches with the time each was
// read (performance.timeOrigin + performance.now()), so batching adds no delay to the figures.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { followFeeds, type FeedMessage, type FeedMode, type ScaleTarget } from './scale-clients';

const send = (m: FeedMessage) => process.send!(m);
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();

process.once('message', (job: { target: ScaleTarget; n: number; feed: FeedMode; part: number; of: number }) => {
  let running = true;
  let connected = 0;
  let arrivals: [number, string, number][] = [];
  const perNode = job.target.nodes.map(() => 0);
  let relay = 0;
  const flush = () => {
    if (connected) send({ t: 'connected', k: connected });
    if (arrivals.length) send({ t: 'arrived', rows: arrivals });
    if (relay || perNode.some((k) => k)) send({ t: 'requests', perNode: [...perNode], relay });
    connected = 0;
    arrivals = [];
    perNode.fill(0);
    relay = 0;
  };
  const timer = setInterval(flush, 20);
  const { feeds, stop } = followFeeds(job.target, job.n, job.feed, (i) => i % job.of === job.part, {
    arrived: (i, id, at) => void arrivals.push([i, id, performance.timeOrigin + at]),
    fail: (kind, detail) => send({ t: 'fail', kind, detail }),
    counted: (node) => void (node === undefined ? relay++ : perNode[node]!++),
    connected: () => void connected++,
    running: () => running,
    isNews: () => true,
  });
  process.on('message', (m) => {
    if (m !== 'stop') return;
    running = false;
    stop();
    void Promise.allSettled(feeds).then(() => {
      clearInterval(timer);
      flush();
      lag.disable();
      const cpu = process.cpuUsage();
      send({ t: 'lag', p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6, max: lag.max / 1e6, cpuMs: (cpu.user + cpu.system) / 1000 });
      process.disconnect();
    });
  });
});
