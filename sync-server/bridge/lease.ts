// One bridge instance delivers an office database at a time: it holds `lease:<db>` in hws-bridge,
// a document with an owner and an expiry, taken and renewed by revision (CouchDB refuses a write
// over a stale revision with 409, so of two instances racing for an expired lease one wins). On a
// cluster two writes through different nodes can both be accepted and leave a conflict; the
// lease is then re-read with its conflicts and CouchDB's deterministic winning revision decides
// the owner, the loser's branch being deleted. The expiry uses the writer's clock: keep the
// bridge hosts on NTP. Even two owners at once could not send a record twice under two keys:
// the outbox in `_local/hws-bridge` is written by revision too, and keys are hashes of the body.
import { CouchError, type CouchClient } from '../couch';
import { BRIDGE_DB, dbPath } from './store';

interface LeaseDoc {
  _id: string;
  _rev?: string;
  _conflicts?: string[];
  type: 'bridge_lease';
  owner: string;
  expiresAt: number;
  renewedAt: string;
}

export class Lease {
  held = false;
  private rev: string | undefined;
  private readonly path: string;

  constructor(
    private readonly couch: CouchClient,
    readonly name: string,
    readonly owner: string,
    readonly ttlMs: number,
  ) {
    this.path = `${dbPath(BRIDGE_DB)}/${encodeURIComponent(`lease:${name}`)}`;
  }

  /** Takes the lease if it is free, expired or ours; answers whether we hold it. */
  async acquire(): Promise<boolean> {
    const current = await this.couch.getOrUndefined<LeaseDoc>(this.path);
    if (current && current.owner !== this.owner && current.expiresAt > Date.now()) return (this.held = false);
    return this.write(current?._rev);
  }

  /** Extends the lease we hold; false once another instance has it. */
  async renew(): Promise<boolean> {
    if (!this.held) return false;
    return this.write(this.rev);
  }

  async release(): Promise<void> {
    if (!this.held || !this.rev) return;
    this.held = false;
    await this.couch.request('PUT', this.path, { ...this.doc(0), _rev: this.rev }).catch(() => {});
  }

  private doc(expiresAt: number): LeaseDoc {
    return { _id: `lease:${this.name}`, type: 'bridge_lease', owner: this.owner, expiresAt, renewedAt: new Date().toISOString() };
  }

  private async write(rev: string | undefined): Promise<boolean> {
    try {
      const res = await this.couch.request<{ rev: string }>('PUT', this.path, { ...this.doc(Date.now() + this.ttlMs), ...(rev ? { _rev: rev } : {}) });
      this.rev = res.rev;
    } catch (e) {
      if (e instanceof CouchError && e.status === 409) {
        this.rev = undefined;
        return (this.held = false);
      }
      throw e;
    }
    const now = await this.couch.request<LeaseDoc>('GET', `${this.path}?conflicts=true`);
    const generation = (rev: string | undefined) => Number.parseInt(rev ?? '0', 10);
    // A cluster's read may not yet show the revision just written (an older generation): ours stands.
    const staleRead = generation(now._rev) < generation(this.rev) && !(now._conflicts ?? []).length;
    if (!staleRead && (now._rev !== this.rev || now.owner !== this.owner)) return (this.held = false);
    for (const loser of now._conflicts ?? []) await this.couch.request('DELETE', `${this.path}?rev=${encodeURIComponent(loser)}`).catch(() => {});
    return (this.held = true);
  }
}
