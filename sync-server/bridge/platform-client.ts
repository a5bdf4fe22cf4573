// The city platform's contract, client side. POST /api/v1/records with a Bearer token and an
// Idempotency-Key; the key is the SHA-256 of the exact body, so the same body always goes with the
// same key and a key can never name another body. What a reply means:
//   200 → accepted and rejected ids;  429/503 → wait Retry-After, same body and key;
//   other 5xx, timeout, connection closed → unknown outcome: same body and key again;
//   400 → that request is refused for good;  401 → the token is wrong: stop;
//   409 → the platform says the key was used for another body: cannot happen by construction,
//         so the bridge stops rather than guess.
import { createHash } from 'node:crypto';
import type { PlatformRecord } from './mapping';

export const MAX_RECORDS = 500;

export interface RecordsReply {
  readonly accepted: readonly string[];
  readonly rejected: readonly { readonly id: string; readonly reason: string }[];
}

export type SendOutcome =
  | { readonly kind: 'ok'; readonly reply: RecordsReply }
  | { readonly kind: 'retry'; readonly reason: string; readonly afterMs?: number }
  | { readonly kind: 'bad_request'; readonly reason: string }
  | { readonly kind: 'fatal'; readonly reason: string; readonly status: number };

export interface PreparedRequest {
  readonly key: string;
  readonly body: string;
  readonly count: number;
}

export function prepareRequest(schema: string, records: readonly PlatformRecord[]): PreparedRequest {
  if (records.length === 0 || records.length > MAX_RECORDS) throw new Error(`a request carries 1–${MAX_RECORDS} records, not ${records.length}`);
  const body = JSON.stringify({ schema, records });
  return { key: `hws-${createHash('sha256').update(body).digest('hex')}`, body, count: records.length };
}

export interface PlatformOptions {
  readonly url: string;
  readonly token: string;
  readonly timeoutMs?: number;
}

const snippet = (text: string) => text.replace(/\s+/g, ' ').slice(0, 200);

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function parseReply(text: string): RecordsReply | undefined {
  try {
    const json = JSON.parse(text) as Partial<RecordsReply>;
    if (!Array.isArray(json.accepted) || !Array.isArray(json.rejected)) return undefined;
    return { accepted: json.accepted.map(String), rejected: json.rejected.map((r) => ({ id: String(r?.id), reason: String(r?.reason ?? '') })) };
  } catch {
    return undefined;
  }
}

export class PlatformClient {
  private readonly base: string;
  constructor(private readonly options: PlatformOptions) {
    this.base = options.url.replace(/\/+$/, '');
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.options.token}`, accept: 'application/json', ...extra };
  }

  async send(request: PreparedRequest): Promise<SendOutcome> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.base}/api/v1/records`, {
        method: 'POST',
        headers: this.headers({ 'content-type': 'application/json', 'idempotency-key': request.key }),
        body: request.body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      text = await res.text();
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      const reason = name === 'TimeoutError' || name === 'AbortError' ? '平台未在时限内答复 / timeout' : `连接中断 / connection failed: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`;
      return { kind: 'retry', reason };
    }
    if (res.status === 200) {
      const reply = parseReply(text);
      // A 200 we cannot read leaves the outcome unknown: the same body and key again.
      return reply ? { kind: 'ok', reply } : { kind: 'retry', reason: `平台答复无法解析 / unreadable 200: ${snippet(text)}` };
    }
    if (res.status === 429 || res.status === 503) return { kind: 'retry', reason: `HTTP ${res.status}`, afterMs: retryAfterMs(res.headers.get('retry-after')) };
    if (res.status === 401) return { kind: 'fatal', status: 401, reason: `城市平台拒绝了令牌(401),请检查 --token-file / the platform refused the token: ${snippet(text)}` };
    if (res.status === 409) return { kind: 'fatal', status: 409, reason: `城市平台称幂等键已用于另一请求(409) / the platform reports the key was used for another body: ${snippet(text)}` };
    if (res.status === 400) return { kind: 'bad_request', reason: `HTTP 400: ${snippet(text)}` };
    if (res.status >= 500) return { kind: 'retry', reason: `HTTP ${res.status}` };
    return { kind: 'fatal', status: res.status, reason: `城市平台答复 HTTP ${res.status},不在约定之内 / unexpected status: ${snippet(text)}` };
  }

  /** GET /api/v1/reference?since=cursor. */
  async reference(since: string | undefined): Promise<{ cursor: string; items: { type: string; id: string; data: Record<string, unknown> }[] } | SendOutcome> {
    try {
      const res = await fetch(`${this.base}/api/v1/reference${since ? `?since=${encodeURIComponent(since)}` : ''}`, {
        headers: this.headers(),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      const text = await res.text();
      if (res.status === 401) return { kind: 'fatal', status: 401, reason: '城市平台拒绝了令牌(401),请检查 --token-file / the platform refused the token' };
      if (res.status !== 200) return { kind: 'retry', reason: `HTTP ${res.status}`, afterMs: retryAfterMs(res.headers.get('retry-after')) };
      const json = JSON.parse(text) as { cursor?: unknown; items?: unknown };
      if (typeof json.cursor !== 'string' || !Array.isArray(json.items)) return { kind: 'retry', reason: `参考数据答复格式不符 / malformed reference reply: ${snippet(text)}` };
      return { cursor: json.cursor, items: json.items as { type: string; id: string; data: Record<string, unknown> }[] };
    } catch (e) {
      return { kind: 'retry', reason: `参考数据请求失败 / reference request failed: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
}

/** Exponential back-off with full jitter between half and the whole step, capped; Retry-After wins when longer. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, retryAfter?: number, random: () => number = Math.random): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  const jittered = step / 2 + random() * (step / 2);
  return retryAfter === undefined ? jittered : Math.max(retryAfter, Math.min(jittered, retryAfter + baseMs));
}
