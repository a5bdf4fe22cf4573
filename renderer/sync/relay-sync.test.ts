// A workstation pointed at the centre's change relay (`hws relay`, sync-server/relay) follows its
// office's changes there and still reads and writes on CouchDB: a case created on A reaches B
// through the relay's one upstream feed. On the embedded server and on Apache CouchDB 3.5.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../domain/identity/idnumber';
import { checkNewCase } from '../../domain/intake/new-case';
import { startRelay, type Relay } from '../../sync-server/relay/relay';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { createCase } from '../cases/case-store';
import { openTestWorkstation } from './test-workstation';

const server = useCouchBehindProxy();
let relay: Relay;
beforeAll(async () => {
  relay = await startRelay({ couchUrl: server.couch.adminUrl, port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await relay?.close();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a workstation behind the change relay', () => {
  it('hears another workstation’s case through the relay and reads it from CouchDB', async () => {
    const clerk = server.couch.users.find((u) => u.roles.includes('clerk'))!;
    const open = (name: string) =>
      openTestWorkstation({ dbName: `${name}-${Date.now()}`, couchUrl: server.proxy.url, accountUrl: server.couch.url, username: clerk.name, password: clerk.password, retryTimeMs: 500, relayUrl: relay.url });
    const a = await open('relay-a');
    const b = await open('relay-b');
    try {
      // Both follow their office database on the relay: one upstream feed for the two of them.
      await waitFor(async () => (relay.stats().clients >= 2 ? true : undefined), 'both workstations on the relay');
      expect(relay.stats().upstreamFeeds).toBe(1);
      const before = relay.stats().delivered;
      const first17 = `44030419900101${String(Date.now() % 1000).padStart(3, '0')}`;
      const draft = checkNewCase({ businessItem: 'public_rental', applicantName: '林晓', idNumber: first17 + checkCharacter(first17) });
      if (!draft.ok) throw new Error(JSON.stringify(draft.errors));
      const created = await createCase(a.ctx, draft.value);
      const seen = await waitFor(() => b.db.cases.findOne(created.id).exec().then((d) => d ?? undefined), 'the case on B');
      expect(seen.get('applicantName')).toBe('林晓');
      expect(relay.stats().delivered).toBeGreaterThan(before);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
