// The bridge's figures, as Prometheus text on /metrics, and its state on /health.
import http from 'node:http';

export class BridgeMetrics {
  sent = 0;
  retried = 0;
  rejected = 0;
  deadLetters = 0;
  requests = 0;
  referenceItems = 0;
  readonly lag = new Map<string, number>();
  readonly leases = new Map<string, boolean>();
  lastError: string | undefined;
  fatal: string | undefined;
  couchReachable = true;

  text(): string {
    const lines: string[] = [];
    const metric = (name: string, kind: 'counter' | 'gauge', help: string, samples: [string, number][]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${kind}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
    };
    const label = (db: string) => `{database="${db.replace(/["\\\n]/g, '_')}"}`;
    metric('hws_bridge_records_sent_total', 'counter', 'Records the platform accepted.', [['', this.sent]]);
    metric('hws_bridge_requests_total', 'counter', 'POST /api/v1/records requests made.', [['', this.requests]]);
    metric('hws_bridge_requests_retried_total', 'counter', 'Requests sent again (429/503, other 5xx, timeouts, closed connections).', [['', this.retried]]);
    metric('hws_bridge_records_rejected_total', 'counter', 'Records the platform rejected or that failed the schema check.', [['', this.rejected]]);
    metric('hws_bridge_dead_letters_total', 'counter', 'Dead letters written to hws-bridge-dead.', [['', this.deadLetters]]);
    metric('hws_bridge_reference_items_total', 'counter', 'Reference items written into hws-reference.', [['', this.referenceItems]]);
    metric('hws_bridge_lag_changes', 'gauge', 'Changes of an office database not yet delivered (update_seq minus checkpoint).', [...this.lag].map(([db, v]) => [label(db), v]));
    metric('hws_bridge_lease_held', 'gauge', 'Whether this instance delivers the database (1) or another does (0).', [...this.leases].map(([db, v]) => [label(db), v ? 1 : 0]));
    metric('hws_bridge_up', 'gauge', '1 while the bridge runs, 0 once it stopped on a fatal error.', [['', this.fatal ? 0 : 1]]);
    return `${lines.join('\n')}\n`;
  }

  health(): { status: number; body: Record<string, unknown> } {
    const ok = !this.fatal && this.couchReachable;
    return {
      status: ok ? 200 : 503,
      body: {
        status: this.fatal ? 'stopped' : this.couchReachable ? 'ok' : 'couchdb_unreachable',
        fatal: this.fatal ?? null,
        lastError: this.lastError ?? null,
        databases: Object.fromEntries([...this.leases].map(([db, held]) => [db, { held, lag: this.lag.get(db) ?? null }])),
      },
    };
  }
}

export function serveMetrics(metrics: BridgeMetrics, port: number, host = '127.0.0.1'): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(metrics.text());
    } else if (req.method === 'GET' && path === '/health') {
      const { status, body } = metrics.health();
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    } else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: /metrics, /health\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as { port: number };
      resolve({ url: `http://${host}:${address.port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
