// A TCP proxy for fault tests: it sits between workstations and a CouchDB (embedded or real) and
// can cut every connection and refuse new ones, as a network outage does, then let traffic through again.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  readonly url: string;
  cut(): void;
  /** Cuts once this many more bytes went from clients to the server (e.g. mid-upload). */
  cutAfterBytes(bytes: number): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let open = true;
  let cutIn: number | undefined;
  const cut = () => {
    open = false;
    for (const s of sockets) s.destroy();
  };
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(Number(target.port || 80), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      if (cutIn === undefined) return;
      cutIn -= chunk.length;
      if (cutIn <= 0) {
        cutIn = undefined;
        cut();
      }
    });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut,
    cutAfterBytes(bytes: number) {
      cutIn = bytes;
    },
    restore() {
      open = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
