// The databases (PouchDB on LevelDB, one folder each) and their `_security` objects, with
// CouchDB 3's access rules: a database is created admin-only (`default_security = admin_only`)
// until `_security` names members; members read and write documents, database admins also
// design documents and `_security`; only server admins create and delete databases.
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forbidden, HttpError, noDatabase, notDbAdmin, unauthorized } from './errors';
import type { UserCtx } from './http';
import type { PouchDb, PouchFactory } from './pouch';

export const USERS_DB = '_users';
export const REPLICATOR_DB = '_replicator';
/** Where CouchDB keeps the `_db_updates` feed (this server keeps the feed in memory; the database exists as on CouchDB). */
export const GLOBAL_CHANGES_DB = '_global_changes';
const SYSTEM_DBS = [USERS_DB, REPLICATOR_DB, GLOBAL_CHANGES_DB];
const NAME_RE = /^[a-z][a-z0-9_$()+/-]*$/;

export interface NamesRoles {
  names?: string[];
  roles?: string[];
}
export interface SecurityObject {
  admins?: NamesRoles;
  members?: NamesRoles;
  [key: string]: unknown;
}

/** What CouchDB 3 gives a new database. */
export const ADMIN_ONLY: SecurityObject = { members: { roles: ['_admin'] }, admins: { roles: ['_admin'] } };

export function checkDbName(name: string): void {
  if (SYSTEM_DBS.includes(name)) return;
  if (name.length > 238 || !NAME_RE.test(name)) {
    throw new HttpError(
      400,
      'illegal_database_name',
      `Name: '${name}'. Only lowercase characters (a-z), digits (0-9), and any of the characters _, $, (, ), +, -, and / are allowed. Must begin with a letter.`,
    );
  }
}

/** A database name as a folder name ('/' is allowed in names, '%' is not). */
const toFolder = (name: string) => name.replace(/\//g, '%2F');
const fromFolder = (folder: string) => folder.replace(/%2F/g, '/');

function matches(list: NamesRoles | undefined, user: UserCtx): boolean {
  if (!list) return false;
  if (user.name !== null && (list.names ?? []).includes(user.name)) return true;
  return (list.roles ?? []).some((r) => user.roles.includes(r));
}

export function isDbAdmin(sec: SecurityObject, user: UserCtx, isServerAdmin: boolean): boolean {
  return isServerAdmin || matches(sec.admins, user);
}

export function isMember(sec: SecurityObject, user: UserCtx, isServerAdmin: boolean): boolean {
  if (isDbAdmin(sec, user, isServerAdmin)) return true;
  const m = sec.members ?? {};
  if ((m.names ?? []).length === 0 && (m.roles ?? []).length === 0) return true; // no members: public
  return matches(m, user);
}

/** CouchDB's answer to someone who is not a member: 401 for anonymous, 403 for a signed-in user. */
export function notAllowed(user: UserCtx): HttpError {
  return user.name === null ? unauthorized('You are not authorized to access this db.') : forbidden('You are not allowed to access this db.');
}

export function validateSecurity(body: Record<string, unknown>): SecurityObject {
  for (const part of ['admins', 'members']) {
    const v = body[part];
    if (v === undefined) continue;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new HttpError(400, 'bad_request', `${part} must be a JSON object`);
    for (const k of ['names', 'roles']) {
      const list = (v as Record<string, unknown>)[k];
      if (list !== undefined && (!Array.isArray(list) || list.some((x) => typeof x !== 'string'))) {
        throw new HttpError(500, 'error', `${part}.${k} must be a JSON list of strings`);
      }
    }
  }
  return body as SecurityObject;
}

export type DbEvent = 'created' | 'updated' | 'deleted';

export class Databases {
  private readonly names = new Set<string>();
  private readonly open = new Map<string, PouchDb>();
  private security: Record<string, SecurityObject> = {};
  private securityWrite = Promise.resolve();
  private readonly listeners = new Set<(db: string, type: DbEvent) => void>();

  private constructor(
    private readonly dbDir: string,
    private readonly securityFile: string,
    private readonly Pouch: PouchFactory,
  ) {}

  static async open(dbDir: string, securityFile: string, Pouch: PouchFactory, usersSecurity: SecurityObject): Promise<Databases> {
    const dbs = new Databases(dbDir, securityFile, Pouch);
    try {
      dbs.security = JSON.parse(await readFile(securityFile, 'utf8')) as Record<string, SecurityObject>;
    } catch {
      dbs.security = {};
    }
    for (const entry of await readdir(dbDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !existsSync(path.join(dbDir, entry.name, 'CURRENT'))) continue;
      const name = fromFolder(entry.name);
      if (SYSTEM_DBS.includes(name) || NAME_RE.test(name)) {
        if (name !== 'pouch__all_dbs__') dbs.names.add(name);
      }
    }
    // As a single-node CouchDB: the system databases exist, admin-only unless configured otherwise.
    for (const name of SYSTEM_DBS) {
      if (!dbs.names.has(name)) await dbs.create(name, name === USERS_DB ? usersSecurity : ADMIN_ONLY);
    }
    return dbs;
  }

  onEvent(listener: (db: string, type: DbEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(db: string, type: DbEvent): void {
    for (const l of this.listeners) l(db, type);
  }

  list(): string[] {
    return [...this.names].sort();
  }

  exists(name: string): boolean {
    return this.names.has(name);
  }

  /** The database, or 404 as CouchDB answers for a missing one. */
  get(name: string): PouchDb {
    if (!this.names.has(name)) throw noDatabase();
    let db = this.open.get(name);
    if (!db) {
      db = new this.Pouch(toFolder(name));
      this.open.set(name, db);
    }
    return db;
  }

  securityOf(name: string): SecurityObject {
    return this.security[name] ?? ADMIN_ONLY;
  }

  async setSecurity(name: string, sec: SecurityObject): Promise<void> {
    this.security = { ...this.security, [name]: sec };
    await this.saveSecurity();
  }

  private saveSecurity(): Promise<void> {
    const snapshot = JSON.stringify(this.security, null, 1);
    this.securityWrite = this.securityWrite.then(async () => {
      const tmp = `${this.securityFile}.tmp`;
      await writeFile(tmp, snapshot, { mode: 0o600 });
      await rename(tmp, this.securityFile);
    });
    return this.securityWrite;
  }

  async create(name: string, sec: SecurityObject = ADMIN_ONLY): Promise<boolean> {
    if (this.names.has(name)) return false;
    this.names.add(name);
    try {
      this.security = { ...this.security, [name]: sec };
      await this.saveSecurity();
      await this.get(name).info();
    } catch (e) {
      this.names.delete(name);
      throw e;
    }
    this.emit(name, 'created');
    return true;
  }

  async destroy(name: string): Promise<void> {
    const db = this.get(name);
    this.names.delete(name);
    this.open.delete(name);
    const { [name]: _gone, ...rest } = this.security;
    this.security = rest;
    await this.saveSecurity();
    await db.destroy();
    this.emit(name, 'deleted');
  }

  /** Member check for a request on a database: 404 first, then 401/403 as CouchDB. */
  requireMember(name: string, user: UserCtx, isServerAdmin: boolean): PouchDb {
    const db = this.get(name);
    if (!isMember(this.securityOf(name), user, isServerAdmin)) throw notAllowed(user);
    return db;
  }

  isDbAdminOf(name: string, user: UserCtx): boolean {
    return isDbAdmin(this.securityOf(name), user, false);
  }

  requireDbAdmin(name: string, user: UserCtx, isServerAdmin: boolean): void {
    if (!isDbAdmin(this.securityOf(name), user, isServerAdmin)) throw notDbAdmin();
  }

  async close(): Promise<void> {
    const dbs = [...this.open.values()];
    this.open.clear();
    await Promise.all(dbs.map((db) => db.close().catch(() => {})));
    await this.securityWrite.catch(() => {});
  }
}
