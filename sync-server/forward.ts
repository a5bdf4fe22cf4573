// Passes one HTTP request on to a CouchDB-compatible server and its answer back, unchanged (the
// fault-test proxies: counting-proxy.ts, and the ones in the lagging-copy, start-race and setup-rules
// tests), and the loopback server such proxies listen on.
import http from 'node:http';

export function forward(req: http.IncomingMessage, res: http.ServerResponse, target: URL, agent?: http.Agent): void {
  const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, agent }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
    up.on('error', () => res.destroy());
  });
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

/** A test's HTTP server on loopback (a fault proxy or a fake server): its base URL and a close that drops open connections. */
export async function listenOnLoopback(handle: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
