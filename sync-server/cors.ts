// CORS for the configured origins only (the workstation's own pages), credentials allowed, the
// headers replication needs. Any other origin gets no CORS header at all, preflights included:
// its request goes on to the server like any request without CORS.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

const ALLOWED_HEADERS = 'accept, authorization, content-type, origin, referer, x-csrf-token';
const ALLOWED_METHODS = 'GET, PUT, POST, HEAD, DELETE, COPY, OPTIONS';
const EXPOSED = 'content-type, cache-control, accept-ranges, etag, server, x-couch-request-id';

/**
 * Origins as browsers send them: scheme://host[:port], lower case, no trailing slash, default
 * port dropped for http(s). Other schemes (the Electron app's hws://app) are compared as written:
 * URL.origin would turn them into "null", the origin of every sandboxed page.
 */
export function normalizeOrigin(origin: string): string {
  const text = origin.trim().toLowerCase().replace(/\/+$/, '');
  if (/^https?:\/\//.test(text)) {
    try {
      const url = new URL(text);
      return `${url.protocol}//${url.host}`;
    } catch {
      return text;
    }
  }
  return text;
}

export function withCors(handler: RequestListener, origins: readonly string[]): RequestListener {
  // "null" (sandboxed frames, file:// pages) is never a workstation: not allowed even if configured.
  const allowed = new Set(origins.map(normalizeOrigin).filter((o) => o !== 'null' && o !== ''));
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
