// Prepares a CouchDB 3.x (or the embedded server) for the workstations, using only documented
// CouchDB HTTP APIs: databases, design documents, _security, users and roles, CORS.
// Safe to run twice: what already matches is left alone.
import { randomBytes } from 'node:crypto';
import { CATALOGUE } from '../domain/catalogue/shipped';
import { checkCatalogue } from '../domain/catalogue/check';
import { parseCatalogue } from '../domain/catalogue/schema';
import type { Catalogue } from '../domain/catalogue/types';
import { DEFAULT_WORKSTATION_ORIGINS } from '../domain/ipc/app';
import type { ProfileDoc } from '../domain/sync/account';
import { KEYS_DB, PROFILE_DOC_ID, REFERENCE_DB, STAFF_ROLE, districtRole, officeDbName, officeRole, userDbName } from '../domain/sync/databases';
import { couchClient, CouchError, type CouchClient } from './couch';
import type { OfficeRef, StaffUser } from './demo';
import { loadDesignDoc } from './design/load';

export interface SetupOptions {
  /** Server URL with admin credentials. */
  readonly url: string;
  readonly offices: readonly OfficeRef[];
  readonly users?: readonly StaffUser[];
  /** Configure CouchDB's own CORS section (real CouchDB); the embedded server is given its origins when it starts. */
  readonly cors?: boolean;
  /** The workstations' origins CouchDB answers CORS for (default: DEFAULT_WORKSTATION_ORIGINS). */
  readonly corsOrigins?: readonly string[];
  /**
   * The catalogue of business items to publish (default: the one this version ships with). It is
   * checked first — a catalogue with problems changes nothing — then stored in the reference
   * database, and the offices' validate_doc_update takes its event writers from it.
   */
  readonly catalogue?: Catalogue;
  readonly log?: (line: string) => void;
}

/** The time setup stamps on the reference documents it writes. */
const SETUP_TIME = '2026-01-01T00:00:00.000Z';

/** The reference document that carries a catalogue version. */
export function catalogueDoc(catalogue: Catalogue): Doc {
  return { _id: `catalogue:${catalogue.version}`, type: 'catalogue', schemaVersion: 1, officeId: 'city', createdAt: SETUP_TIME, updatedAt: SETUP_TIME, version: catalogue.version, effectiveFrom: catalogue.effectiveFrom, catalogue };
}

/** The kind of document every validate_doc_update here refuses, administrators' too (rulesInForce). */
export const RULES_PROBE_TYPE = 'hws_rules_probe';
/** Probes (and rewrites of the design document) before setup gives up on a database's rules. */
const RULES_PROBE_ATTEMPTS = 5;

/** A rejection handler that lets these CouchDB answers through (resolving to the status) and throws anything else. */
const tolerated = (statuses: readonly number[]) => (e: unknown): number => {
  if (!(e instanceof CouchError && statuses.includes(e.status))) throw e;
  return e.status;
};

export interface SetupReport {
  readonly changed: string[];
  readonly unchanged: string[];
}

type Doc = Record<string, unknown> & { _id: string; _rev?: string };



function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const strip = ({ _rev: _r, ...rest }: Record<string, unknown>) => rest;
  return JSON.stringify(sortKeys(strip(a))) === JSON.stringify(sortKeys(strip(b)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

class Setup {
  readonly report: SetupReport = { changed: [], unchanged: [] };
  constructor(
    private readonly couch: CouchClient,
    private readonly log: (line: string) => void,
  ) {}

  private note(changed: boolean, what: string): void {
    (changed ? this.report.changed : this.report.unchanged).push(what);
    this.log(`${changed ? '+' : '='} ${what}`);
  }

  /** `shards`: CouchDB's q for a new database (one shard for the many small per-user databases). */
  async database(name: string, shards?: number): Promise<void> {
    try {
      await this.couch.request('PUT', `/${encodeURIComponent(name)}${shards ? `?q=${shards}` : ''}`);
      this.note(true, `database ${name}`);
    } catch (e) {
      if (!(e instanceof CouchError && e.status === 412)) throw e;
      this.note(false, `database ${name}`);
    }
  }

  async security(db: string, memberRoles: readonly string[], memberNames: readonly string[] = []): Promise<void> {
    const wanted = { admins: { names: [], roles: [] }, members: { names: [...memberNames], roles: [...memberRoles] } };
    const path = `/${encodeURIComponent(db)}/_security`;
    const current = await this.couch.request<Record<string, unknown>>('GET', path);
    if (sameContent(current, wanted)) return this.note(false, `${db}/_security`);
    await this.couch.request('PUT', path, wanted);
    this.note(true, `${db}/_security`);
  }

  /**
   * Writes a document unless it already has this content. Another setup running at the same time
   * (two test workers, two administrators) may write it between our read and our write: the
   * conflict is read again and decided, never fatal.
   */
  async doc(db: string, doc: Doc): Promise<void> {
    const path = `/${encodeURIComponent(db)}/${doc._id.startsWith('_design/') ? doc._id : encodeURIComponent(doc._id)}`;
    for (let attempt = 1; ; attempt++) {
      const current = await this.couch.getOrUndefined<Doc>(path);
      if (current && sameContent(current, doc)) return this.note(false, `${db}/${doc._id}`);
      try {
        await this.couch.request('PUT', path, current ? { ...doc, _rev: current._rev } : doc);
        return this.note(true, `${db}/${doc._id}`);
      } catch (e) {
        if (!(e instanceof CouchError && e.status === 409) || attempt >= 5) throw e;
      }
    }
  }

  /**
   * Confirms that `db`'s validate_doc_update (design document `ddoc`) is in force on every copy of
   * its shards. A node of a CouchDB cluster can go on validating with the design documents it read
   * before one was written: measured on the 3.5 cluster, 1 of 30 new databases took a forbidden
   * write right after its rules were written (answered 202, and internal replication then copied
   * it to the other nodes), and in one CI run the reference database let clerks write for minutes.
   * Every design document here refuses a `hws_rules_probe` document from anyone, administrators
   * too: setup writes one; refused means in force. Where a copy took it, the probe is deleted, the
   * design document written again (each node drops the rules it kept) and the probe repeated.
   */
  async rulesInForce(db: string, ddoc: Doc): Promise<void> {
    const path = (id: string) => `/${encodeURIComponent(db)}/${encodeURIComponent(id)}`;
    for (let attempt = 1; attempt <= RULES_PROBE_ATTEMPTS; attempt++) {
      const id = `${RULES_PROBE_TYPE}:${randomBytes(6).toString('hex')}`;
      let taken: { rev: string } | undefined;
      try {
        taken = await this.couch.request<{ rev: string }>('PUT', path(id), { type: RULES_PROBE_TYPE });
      } catch (e) {
        if (!(e instanceof CouchError && e.status === 403)) throw e;
        if (e.reason === RULES_PROBE_TYPE) return;
        // Refused by other rules: a copy still validates with an older design document.
      }
      if (taken) await this.removeProbe(db, id, taken.rev);
      const current = await this.couch.request<Doc>('GET', `/${encodeURIComponent(db)}/${ddoc._id}`);
      // A 409: another setup wrote it again just now, which is as good.
      await this.couch.request('PUT', `/${encodeURIComponent(db)}/${ddoc._id}`, { ...ddoc, _rev: current._rev }).catch(tolerated([409]));
      this.note(true, `${db}/${ddoc._id}: written again, a copy did not apply its rules`);
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
    throw new Error(`数据库 ${db} 的校验规则未在所有节点生效(已重写 ${RULES_PROBE_ATTEMPTS} 次):请检查集群各节点后重新运行初始化`);
  }

  /**
   * Purged (`_purge`, every copy, no tombstone for workstations to pull); where the server has no
   * purge (the embedded server), deleted. A copy that never had it answers 404 or 409: nothing to remove.
   */
  private async removeProbe(db: string, id: string, rev: string): Promise<void> {
    const purged = await this.couch.request('POST', `/${encodeURIComponent(db)}/_purge`, { [id]: [rev] }).catch(tolerated([501]));
    if (purged !== 501) return;
    await this.couch.request('DELETE', `/${encodeURIComponent(db)}/${encodeURIComponent(id)}?rev=${encodeURIComponent(rev)}`).catch(tolerated([404, 409]));
  }

  /** A data key kept in the admin-only key database, created once and never changed. */
  async key(id: string): Promise<string> {
    const path = `/${KEYS_DB}/${encodeURIComponent(id)}`;
    const existing = await this.couch.getOrUndefined<{ key: string }>(path);
    if (existing) return existing.key;
    const key = randomBytes(32).toString('base64');
    try {
      await this.couch.request('PUT', path, { key, createdAt: new Date().toISOString() });
    } catch (e) {
      // Another setup created it first: that key is the one, never a second.
      if (!(e instanceof CouchError && e.status === 409)) throw e;
      const winner = await this.couch.request<{ key: string }>('GET', path);
      return winner.key;
    }
    this.note(true, `key ${id}`);
    return key;
  }

  /**
   * Creates a user once; an existing user keeps its password and roles. The user's own database
   * (`hws-user-<hex>`, the user its only member, written by admins only) carries the profile and the
   * keys their workstation needs: the office data keys of their scope and the city lookup key.
   * Nothing secret is kept in `_users` (CouchDB 3 lets no user read it; older setups put the keys
   * there: they are removed).
   */
  async user(user: StaffUser, office: OfficeRef, offices: readonly OfficeRef[], userDdoc: Doc): Promise<void> {
    const id = `org.couchdb.user:${user.name}`;
    const path = `/_users/${encodeURIComponent(id)}`;
    const existing = await this.couch.getOrUndefined<Record<string, unknown> & { _rev: string }>(path);
    const scope = user.roles.includes('district_reviewer') ? districtRole(office.districtId) : officeRole(office.id);
    const account = {
      _id: id,
      type: 'user',
      name: user.name,
      roles: [STAFF_ROLE, ...user.roles, scope, officeRole(office.id)],
      displayName: user.displayName,
      officeId: office.id,
      officeName: office.name,
      districtId: office.districtId,
    };
    if (!existing) {
      await this.couch.request('PUT', path, { ...account, password: user.password });
      this.note(true, `user ${user.name}`);
    } else if ('keys' in existing) {
      const { keys: _old, ...rest } = existing;
      await this.couch.request('PUT', path, rest);
      this.note(true, `user ${user.name}: keys removed from _users`);
    } else this.note(false, `user ${user.name}`);

    const db = userDbName(user.name);
    await this.database(db, 1);
    await this.security(db, [], [user.name]);
    await this.doc(db, userDdoc);
    const scoped = user.roles.includes('district_reviewer') ? offices.filter((o) => o.districtId === office.districtId) : [office];
    const keys = { lookup: await this.key('lookup'), offices: {} as Record<string, string> };
    for (const o of scoped) keys.offices[o.id] = await this.key(`office:${o.id}`);
    const profile: ProfileDoc = {
      _id: PROFILE_DOC_ID,
      type: 'user_profile',
      schemaVersion: 1,
      name: user.name,
      displayName: user.displayName,
      officeId: office.id,
      officeName: office.name,
      districtId: office.districtId,
      keys,
    };
    await this.doc(db, { ...profile });
  }

  /** CORS for the workstations' origins, on every node of the cluster (each node keeps its own configuration). */
  async cors(origins: readonly string[]): Promise<void> {
    const settings: [string, string, string][] = [
      ['chttpd', 'enable_cors', 'true'],
      ['cors', 'origins', origins.join(', ')],
      ['cors', 'credentials', 'true'],
      ['cors', 'methods', 'GET, PUT, POST, HEAD, DELETE'],
      ['cors', 'headers', 'accept, authorization, content-type, origin, referer'],
    ];
    const { all_nodes: nodes } = await this.couch.request<{ all_nodes: string[] }>('GET', '/_membership');
    for (const node of nodes) {
      for (const [section, key, value] of settings) {
        const path = `/_node/${encodeURIComponent(node)}/_config/${section}/${key}`;
        const what = `config ${nodes.length > 1 ? `${node} ` : ''}${section}/${key}`;
        const current = await this.couch.getOrUndefined<string>(path);
        if (current === value) {
          this.note(false, what);
          continue;
        }
        await this.couch.request('PUT', path, value);
        this.note(true, what);
      }
    }
  }
}

/** Key-sorted JSON: the same content gives the same text whatever the order of its fields. */
const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value));

/** The catalogue versions already in the reference database (one that no longer parses is skipped, with a log line). */
async function publishedCatalogues(couch: CouchClient, log: (line: string) => void): Promise<Catalogue[]> {
  const range = `startkey=${encodeURIComponent('"catalogue:"')}&endkey=${encodeURIComponent('"catalogue:\ufff0"')}&include_docs=true`;
  const res = await couch.getOrUndefined<{ rows: { doc?: { catalogue?: unknown } }[] }>(`/${REFERENCE_DB}/_all_docs?${range}`);
  const out: Catalogue[] = [];
  for (const row of res?.rows ?? []) {
    const parsed = parseCatalogue(row.doc?.catalogue);
    if (parsed.ok) out.push(parsed.value);
    else log(`reference ${String((row.doc as { _id?: string } | undefined)?._id)}: not a catalogue (${parsed.problems[0] ?? ''}), left out of the offices' checks`);
  }
  return out;
}

export async function setupCouch(options: SetupOptions): Promise<SetupReport> {
  const catalogue = options.catalogue ?? CATALOGUE;
  const problems = checkCatalogue(catalogue);
  if (problems.length > 0) {
    const listed = problems.slice(0, 5).map((p) => `${p.item ? `事项 ${p.item}:` : ''}${p.message}`).join(';');
    throw new Error(`业务事项目录 ${catalogue.version} 有 ${problems.length} 个问题,未做任何更改:${listed}`);
  }
  const couch = couchClient(options.url);
  const setup = new Setup(couch, options.log ?? (() => {}));
  await couch.request('GET', '/');
  await setup.database('_users');
  await setup.database('_replicator');
  // CouchDB answers `_db_updates` (which the city-platform bridge follows) only once this exists.
  await setup.database('_global_changes');
  if (options.cors) await setup.cors(options.corsOrigins ?? DEFAULT_WORKSTATION_ORIGINS);

  await setup.database(KEYS_DB);
  await setup.security(KEYS_DB, ['_admin']);
  await setup.database(REFERENCE_DB);
  await setup.security(REFERENCE_DB, [STAFF_ROLE]);
  const referenceDdoc = await loadDesignDoc('reference');
  await setup.doc(REFERENCE_DB, referenceDdoc);
  // A case keeps the version it started under: every version published stays in force on the
  // server for its cases, and one version number never names other content.
  const published = await publishedCatalogues(couch, options.log ?? (() => {}));
  const before = published.find((c) => c.version === catalogue.version);
  if (before && canonicalJson(before) !== canonicalJson(catalogue)) {
    throw new Error(`业务事项目录版本 ${catalogue.version} 已发布过另一份内容,未做任何更改:同一版本号不能改变内容,请以新版本号发布`);
  }
  await setup.doc(REFERENCE_DB, catalogueDoc(catalogue));
  const officeDdoc = await loadDesignDoc('office', undefined, catalogue, published);
  for (const office of options.offices) {
    const db = officeDbName(office.id);
    await setup.database(db);
    await setup.security(db, [officeRole(office.id), districtRole(office.districtId)]);
    await setup.doc(db, officeDdoc);
    // Every central document carries the base fields: a workstation refuses one without them
    // (its sync page listed the offices as malformed). A fixed time keeps a second setup a no-op.
    const { id: _id, ...fields } = office; // `id` is the workstation's name for `_id`: never a second one
    await setup.doc(REFERENCE_DB, { _id: `office:${office.id}`, type: 'office', schemaVersion: 1, officeId: office.id, createdAt: SETUP_TIME, updatedAt: SETUP_TIME, ...fields });
  }
  const officesById = new Map(options.offices.map((o) => [o.id, o]));
  const userDdoc = await loadDesignDoc('user');
  for (const user of options.users ?? []) {
    const office = officesById.get(user.officeId);
    if (!office) throw new Error(`user ${user.name}: unknown office ${user.officeId}`);
    await setup.user(user, office, options.offices, userDdoc);
  }
  // Last, once every design document is written: their rules in force on every copy.
  await setup.rulesInForce(REFERENCE_DB, referenceDdoc);
  for (const office of options.offices) await setup.rulesInForce(officeDbName(office.id), officeDdoc);
  for (const user of options.users ?? []) await setup.rulesInForce(userDbName(user.name), userDdoc);
  return setup.report;
}
