// Passes one HTTP request on to a CouchDB-compatible server and its answer back, unchanged (the
// fault-test proxies: counting-proxy.ts, and the ones in the lagging-copy and setup-rules tests).
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
