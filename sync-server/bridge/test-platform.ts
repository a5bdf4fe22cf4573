// A city platform for tests and demos that follows the contract of the bridge issue, and can be
// told to misbehave. Each request takes the next planned fault (or none):
//   '429' | '503'        → refused with Retry-After, nothing taken
//   '500'                → 500, nothing taken;  '500-after' → records taken, then 500
//   'timeout'            → no answer at all;    'timeout-after' → taken, then no answer
//   'close'              → connection closed;   'close-after' → taken, then closed
//   '400'                → 400 for the request
// Records whose id is in `rejectIds` are rejected in a 200 reply; a request holding one of
// `badRequestIds` is answered 400. The same key with the same body gets the stored reply; the same
// key with another body gets 409 and is counted in `keyReuse`.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';

export type Fault = 'none' | '429' | '503' | '500' | '500-after' | 'timeout' | 'timeout-after' | 'close' | 'close-after' | '400';

export interface TakenRecord {
  readonly id: string;
  readonly rev: string;
  readonly officeId: string;
  readonly type: string;
  readonly schema: string;
  readonly data: Record<string, unknown>;
}

export interface TestPlatform {
  readonly url: string;
  token: string;
  retryAfterSeconds: number;
  readonly faults: Fault[];
  readonly rejectIds: Set<string>;
  readonly badRequestIds: Set<string>;
  /** Every record revision taken, by `id rev`, with how many distinct keys brought it. */
  readonly taken: Map<string, { record: TakenRecord; times: number }>;
  /** Requests per status (and 'timeout', 'close'). */
  readonly answered: Map<string, number>;
  keyReuse: number;
  requests: number;
  reference: { type: string; id: string; data: Record<string, unknown> }[];
  /** Called as each records request arrives, before it is looked at (a test kills the bridge here). */
  onRequest?: (n: number) => void;
  close(): Promise<void>;
}

const SCHEMAS = new Set(['hws-case/1', 'hws-person/1', 'hws-household/1', 'hws-case-event/1']);

export async function startTestPlatform(options: { token?: string; port?: number } = {}): Promise<TestPlatform> {
  const replies = new Map<string, { bodyHash: string; status: number; body: string }>();
  const sockets = new Set<Socket>();
  const count = (what: string) => platform.answered.set(what, (platform.answered.get(what) ?? 0) + 1);

  function takeAndReply(key: string, bodyHash: string, parsed: { schema: string; records: TakenRecord[] }): { status: number; body: string } {
    const accepted: string[] = [];
    const rejected: { id: string; reason: string }[] = [];
    for (const r of parsed.records) {
      if (platform.rejectIds.has(r.id)) {
        rejected.push({ id: r.id, reason: '测试平台拒收 / rejected by the test platform' });
        continue;
      }
      const k = `${r.id} ${r.rev}`;
      const seen = platform.taken.get(k);
      platform.taken.set(k, { record: { ...r, schema: parsed.schema }, times: (seen?.times ?? 0) + 1 });
      accepted.push(r.id);
    }
    const reply = { status: 200, body: JSON.stringify({ accepted, rejected }) };
    replies.set(key, { bodyHash, ...reply });
    return reply;
  }

  function validate(parsed: unknown): string | undefined {
    const p = parsed as { schema?: unknown; records?: unknown };
    if (!p || typeof p.schema !== 'string' || !SCHEMAS.has(p.schema)) return 'unknown schema';
    if (!Array.isArray(p.records) || p.records.length === 0 || p.records.length > 500) return 'records: 1–500';
    for (const r of p.records as Record<string, unknown>[]) {
      if (!r || typeof r.id !== 'string' || typeof r.rev !== 'string' || typeof r.officeId !== 'string' || typeof r.type !== 'string' || !r.data || typeof r.data !== 'object') return 'record shape';
      if (platform.badRequestIds.has(r.id)) return `bad record ${r.id}`;
    }
    return undefined;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        count(String(status));
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${platform.token}`) return send(401, { error: 'unauthorized' });
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && url.pathname === '/api/v1/reference') {
        const from = Number(url.searchParams.get('since') ?? '0') || 0;
        const items = platform.reference.slice(from, from + 100);
        return send(200, { cursor: String(from + items.length), items });
      }
      if (req.method !== 'POST' || url.pathname !== '/api/v1/records') return send(404, { error: 'not_found' });
      platform.requests++;
      platform.onRequest?.(platform.requests);
      const key = req.headers['idempotency-key'];
      const raw = Buffer.concat(chunks).toString('utf8');
      if (typeof key !== 'string' || key === '') return send(400, { error: 'Idempotency-Key required' });
      const bodyHash = createHash('sha256').update(raw).digest('hex');
      const previous = replies.get(key);
      if (previous && previous.bodyHash !== bodyHash) {
        platform.keyReuse++;
        return send(409, { error: 'key used for another body' });
      }
      const fault = platform.faults.shift() ?? 'none';
      if (fault === '429' || fault === '503') return send(Number(fault), { error: 'busy' }, { 'retry-after': String(platform.retryAfterSeconds) });
      if (fault === '500') return send(500, { error: 'internal' });
      if (fault === '400') return send(400, { error: 'bad request (injected)' });
      if (fault === 'close') {
        count('close');
        return req.socket.destroy();
      }
      if (fault === 'timeout') return count('timeout');
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return send(400, { error: 'not JSON' });
      }
      const invalid = previous ? undefined : validate(parsed);
      if (invalid) return send(400, { error: invalid });
      const reply = previous ?? takeAndReply(key, bodyHash, parsed as { schema: string; records: TakenRecord[] });
      if (fault === '500-after') return send(500, { error: 'internal after taking' });
      if (fault === 'close-after') {
        count('close');
        return req.socket.destroy();
      }
      if (fault === 'timeout-after') return count('timeout');
      send(reply.status, reply.body);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const platform: TestPlatform = {
    url: `http://127.0.0.1:${port}`,
    token: options.token ?? 'test-token',
    retryAfterSeconds: 1,
    faults: [],
    rejectIds: new Set(),
    badRequestIds: new Set(),
    taken: new Map(),
    answered: new Map(),
    keyReuse: 0,
    requests: 0,
    reference: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return platform;
}
