// The parity suite's requests: role × document type × office, then `_users` self-edits, database
// creation and deletion, `_replicator`, `_security`, `_all_dbs`, `_config`, per-user databases and
// anonymous access. Labels name roles and offices by relation (own, street of own district, other
// district), so the same label means the same request on any server.
import { REFERENCE_DB, officeDbName, userDbName } from '../../domain/sync/databases';
import type { StaffUser } from '../demo';
import type { TestCouch } from '../testing';

export const WHO = ['anonymous', 'wrong_password', 'clerk', 'inspector', 'street_reviewer', 'district_reviewer', 'it', 'admin'] as const;
export type Who = (typeof WHO)[number];

export const DOC_KINDS = [
  'case',
  'event:submit',
  'event:inspection_result',
  'event:preliminary_approve',
  'event:review_approve',
  'person',
  'household',
  'scan',
  'inspection',
  'audit_event',
  'sync_health',
  'unknown_type',
] as const;
export const OFFICE_RELATIONS = ['own', 'district_street', 'other_district'] as const;

export interface Probe {
  readonly label: string;
  readonly who: Who;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  /** Raw body text (malformed JSON). */
  readonly rawBody?: string;
  /** A database the runner creates (as admin) just before this request. */
  readonly createFirst?: string;
}

const ROLE_OF: Partial<Record<Who, string>> = {
  clerk: 'clerk',
  inspector: 'inspector',
  street_reviewer: 'reviewer',
  district_reviewer: 'district_reviewer',
  it: 'it',
};

export function userFor(couch: TestCouch, who: Who): StaffUser {
  const role = ROLE_OF[who] ?? 'clerk';
  return couch.users.find((u) => u.roles.includes(role as never))!;
}

/** The office ids behind own / street of own district / other district, for a user. */
function officesFor(couch: TestCouch, user: StaffUser): Record<(typeof OFFICE_RELATIONS)[number], string> {
  const [a, b, , x] = couch.offices as unknown as [{ id: string }, { id: string }, { id: string }, { id: string }];
  const districtStreet = user.officeId === a.id ? b.id : a.id;
  return { own: user.officeId, district_street: districtStreet, other_district: x.id };
}

let counter = 0;
const uid = (p: string) => `${p}:parity-${Date.now().toString(36)}-${counter++}`;

function docOf(kind: (typeof DOC_KINDS)[number], user: StaffUser, officeId: string): Record<string, unknown> {
  const now = new Date().toISOString();
  const base = (type: string) => ({ type, schemaVersion: 1, officeId, createdAt: now, updatedAt: now });
  // Events and audit entries are written by their own actor and signed (the form is all a server can check).
  const signed = {
    actor: { userId: user.name, name: user.displayName, roles: user.roles, officeId: user.officeId },
    signature: { alg: 'ES256', keyId: '0123456789abcdef', value: `${'A'.repeat(86)}==` },
  };
  if (kind.startsWith('event:')) {
    return { ...base('case_event'), ...signed, caseId: 'case:parity', kind: kind.slice('event:'.length), at: now, payload: {}, deviceId: null };
  }
  if (kind === 'audit_event') return { ...base('audit_event'), ...signed, action: 'parity', at: now };
  if (kind === 'sync_health') return { ...base('sync_health'), workstationId: 'ws-parity' };
  if (kind === 'unknown_type') return base('mystery');
  // A visit record names its inspector: the writer's own account (the server refuses any other).
  if (kind === 'inspection') return { ...base(kind), inspectorId: user.name };
  return base(kind);
}

export function buildProbes(couch: TestCouch): Probe[] {
  const probes: Probe[] = [];
  for (const who of WHO) {
    const user = userFor(couch, who);
    const offices = officesFor(couch, user);
    // Wrong passwords cost a full PBKDF2 each on both servers: a smaller set of kinds for them.
    const kinds = who === 'wrong_password' ? (['case', 'person', 'unknown_type'] as const) : DOC_KINDS;
    for (const kind of kinds) {
      for (const rel of OFFICE_RELATIONS) {
        const id = uid(kind.replace(/[^a-z_]/g, '_'));
        probes.push({ label: `${who} write ${kind} @${rel}`, who, method: 'PUT', path: `/${officeDbName(offices[rel])}/${encodeURIComponent(id)}`, body: docOf(kind, user, offices[rel]) });
      }
    }
    for (const rel of OFFICE_RELATIONS) {
      probes.push({ label: `${who} read _all_docs @${rel}`, who, method: 'GET', path: `/${officeDbName(offices[rel])}/_all_docs?limit=1` });
      probes.push({ label: `${who} read _changes @${rel}`, who, method: 'GET', path: `/${officeDbName(offices[rel])}/_changes?limit=1` });
    }
    const own = officeDbName(offices.own);
    const other = couch.users.find((u) => u.name !== user.name && u.officeId !== user.officeId)!;
    const signup = `parity${Date.now().toString(36)}${counter++}`;
    const scratch = `hws-parity-scratch-${Date.now().toString(36)}-${counter++}`;
    probes.push(
      { label: `${who} write reference doc`, who, method: 'PUT', path: `/${REFERENCE_DB}/${encodeURIComponent(uid('threshold'))}`, body: docOf('case', user, offices.own) },
      { label: `${who} read reference _all_docs`, who, method: 'GET', path: `/${REFERENCE_DB}/_all_docs?limit=1` },
      { label: `${who} read hws-keys`, who, method: 'GET', path: '/hws-keys/_all_docs?limit=1' },
      { label: `${who} design doc write @own`, who, method: 'PUT', path: `/${own}/_design/parity-${counter++}`, body: { language: 'javascript' } },
      { label: `${who} malformed JSON @own`, who, method: 'PUT', path: `/${own}/${encodeURIComponent(uid('bad'))}`, rawBody: '{"type": "case",' },
      { label: `${who} GET /`, who, method: 'GET', path: '/' },
      { label: `${who} GET /_session`, who, method: 'GET', path: '/_session' },
      { label: `${who} GET /_all_dbs`, who, method: 'GET', path: '/_all_dbs' },
      { label: `${who} GET _security @own`, who, method: 'GET', path: `/${own}/_security` },
      { label: `${who} PUT _security @own`, who, method: 'PUT', path: `/${own}/_security`, body: 'CURRENT_SECURITY' },
      { label: `${who} GET /_users/own`, who, method: 'GET', path: `/_users/${encodeURIComponent(`org.couchdb.user:${user.name}`)}` },
      { label: `${who} GET /_users/other`, who, method: 'GET', path: `/_users/${encodeURIComponent(`org.couchdb.user:${other.name}`)}` },
      { label: `${who} GET /_users/_all_docs`, who, method: 'GET', path: '/_users/_all_docs' },
      {
        label: `${who} _users own roles += reviewer`,
        who,
        method: 'PUT',
        path: `/_users/${encodeURIComponent(`org.couchdb.user:${user.name}`)}`,
        body: { _id: `org.couchdb.user:${user.name}`, name: user.name, type: 'user', roles: ['staff', ...user.roles, 'reviewer', `office:${couch.offices[3]!.id}`], password: user.password },
      },
      {
        label: `${who} _users edit another's doc`,
        who,
        method: 'PUT',
        path: `/_users/${encodeURIComponent(`org.couchdb.user:${other.name}`)}`,
        body: { _id: `org.couchdb.user:${other.name}`, name: other.name, type: 'user', roles: [], password: 'taken' },
      },
      {
        label: `${who} _users signup`,
        who,
        method: 'PUT',
        path: `/_users/${encodeURIComponent(`org.couchdb.user:${signup}`)}`,
        body: { _id: `org.couchdb.user:${signup}`, name: signup, type: 'user', roles: [], password: 'x' },
      },
      { label: `${who} GET own user db profile`, who, method: 'GET', path: `/${userDbName(user.name)}/profile` },
      { label: `${who} GET another's user db profile`, who, method: 'GET', path: `/${userDbName(other.name)}/profile` },
      { label: `${who} PUT doc into own user db`, who, method: 'PUT', path: `/${userDbName(user.name)}/${encodeURIComponent(uid('note'))}`, body: { note: 1 } },
      { label: `${who} create database`, who, method: 'PUT', path: `/hws-parity-${Date.now().toString(36)}-${counter++}` },
      who === 'admin'
        ? { label: `${who} delete a database`, who, method: 'DELETE', path: `/${scratch}`, createFirst: scratch }
        : { label: `${who} delete a database`, who, method: 'DELETE', path: `/${officeDbName(offices.other_district)}` },
      { label: `${who} _replicator doc`, who, method: 'PUT', path: `/_replicator/${encodeURIComponent(uid('rep'))}`, body: { source: 'http://127.0.0.1:9/a', target: 'http://127.0.0.1:9/b' } },
      { label: `${who} POST /_replicate`, who, method: 'POST', path: '/_replicate', body: { source: 'http://127.0.0.1:9/a', target: 'http://127.0.0.1:9/b' } },
      { label: `${who} GET _config`, who, method: 'GET', path: '/_node/_local/_config' },
      { label: `${who} PUT _config admins`, who, method: 'PUT', path: `/_node/_local/_config/admins/parity${counter++}`, body: 'secret' },
      { label: `${who} GET /_db_updates`, who, method: 'GET', path: '/_db_updates' },
      { label: `${who} PUT /_users database`, who, method: 'PUT', path: '/_users' },
    );
  }
  // The admin's _config write would add a real admin to a real CouchDB: never sent.
  return probes.filter((p) => !(p.who === 'admin' && p.label.endsWith('PUT _config admins')));
}
