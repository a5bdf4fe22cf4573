// An HTTP proxy for fault tests: forwards every request to a CouchDB-compatible server and lets
// the test act at an exact point of a sync (e.g. kill the server right after the k-th upload
// reached it). When the server is gone the client's connection is dropped, as a crash does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { forward } from './forward';

export interface CountingProxy {
  readonly url: string;
  /** Requests forwarded so far whose path matched `counted`. */
  readonly count: number;
  /** Called for each counted request once it has been forwarded, with its 1-based number. */
  onCounted: ((n: number, req: http.IncomingMessage) => void) | undefined;
  close(): Promise<void>;
}

export async function startCountingProxy(targetUrl: string, counted: RegExp): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  const agent = new http.Agent({ keepAlive: true });
  let count = 0;
  const proxy: { onCounted: CountingProxy['onCounted'] } = { onCounted: undefined };
  const server = http.createServer((req, res) => {
    forward(req, res, target, agent);
    if (counted.test(req.url ?? '')) {
      const n = ++count;
      req.on('end', () => proxy.onCounted?.(n, req));
    }
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    get onCounted() {
      return proxy.onCounted;
    },
    set onCounted(f) {
      proxy.onCounted = f;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
