// `hws relay`: the change relay of the central deployment (sync-server/relay, docs/centre.md §6),
// one continuous feed per office database on the CouchDB cluster fanned out to the workstations.
import { startRelay } from '../sync-server/relay/relay';
import { parseCorsOrigins } from './sync-server';
import { waitForSignal } from './shutdown';

export const DEFAULT_RELAY_PORT = 5986;

export async function relayCommand(o: { couchUrl: string; port?: number; host?: string; corsOrigin?: string[] }): Promise<number> {
  const relay = await startRelay({
    couchUrl: o.couchUrl,
    port: o.port ?? DEFAULT_RELAY_PORT,
    host: o.host ?? '127.0.0.1',
    corsOrigins: parseCorsOrigins(o.corsOrigin),
    log: (line) => console.error(line),
  });
  console.log(relay.url);
  await waitForSignal();
  await relay.close();
  return 0;
}
