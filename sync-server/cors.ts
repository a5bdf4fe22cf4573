// CORS for the configured origins only (the workstation's own pages), credentials allowed, the
// headers replication needs. Any other origin gets no CORS header at all, preflights included:
// its request goes on to the server like any request without CORS.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

const ALLOWED_HEADERS = 'accept, authorization, content-type, origin, referer, x-csrf-token';
const ALLOWED_METHODS = 'GET, PUT, POST, HEAD, DELETE, COPY, OPTIONS';
const EXPOSED = 'content-type, cache-control, accept-ranges, etag, server, x-couch-request-id';

/** Origins as browsers send them: scheme://host[:port], lower case, no trailing slash. */
export function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin.toLowerCase();
  } catch {
    return origin.trim().toLowerCase().replace(/\/+$/, '');
  }
}

export function withCors(handler: RequestListener, origins: readonly string[]): RequestListener {
  const allowed = new Set(origins.map(normalizeOrigin));
  return (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (origin && allowed.has(normalizeOrigin(origin))) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED);
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
        res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
        res.statusCode = 204;
        res.end();
        return;
      }
    }
    handler(req, res);
  };
}
