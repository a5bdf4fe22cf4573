// CORS in front of a CouchDB-compatible request handler, as CouchDB's own [cors] section does:
// any origin, credentials allowed, the headers replication needs.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

const ALLOWED_HEADERS = 'accept, authorization, content-type, origin, referer, x-csrf-token';
const ALLOWED_METHODS = 'GET, PUT, POST, HEAD, DELETE, COPY, OPTIONS';

export function withCors(handler: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'content-type, cache-control, accept-ranges, etag, server, x-couch-request-id');
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
