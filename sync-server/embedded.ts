// The embedded CouchDB-compatible server for development, tests and the demo: a small HTTP server
// of our own (sync-server/embedded/) over PouchDB on LevelDB that answers as Apache CouchDB 3.5
// for the part of the API the workstation uses, with CouchDB's security model. The admin exists
// before the port opens; the data folder is private (0700/0600); CORS only for given origins.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_WORKSTATION_ORIGINS } from '../domain/ipc/app';
import { withCors } from './cors';
import { Auth, loadOrCreateAuthFile, type StoredUser } from './embedded/auth';
import { Changes } from './embedded/changes';
import type { ServerContext } from './embedded/context';
import { ADMIN_ONLY, Databases, USERS_DB, type SecurityObject } from './embedded/databases';
import { DesignFunctions } from './embedded/design';
import { createLog } from './embedded/errors';
import { makePrivate } from './embedded/files';
import { hashPassword } from './embedded/passwords';
import { pouchFactory, type Doc } from './embedded/pouch';
import { createListener } from './embedded/router';
import { storedHash, USER_PREFIX } from './embedded/users-db';
import { Writer } from './embedded/writes';

/** The workstation's own pages: browser mode on its default port and the Electron app (hws://app). */
export const DEFAULT_CORS_ORIGINS: readonly string[] = DEFAULT_WORKSTATION_ORIGINS;

export interface EmbeddedServerOptions {
  readonly dataDir: string;
  readonly port?: number;
  readonly host?: string;
  /** Origins allowed by CORS (default: the workstation's own, DEFAULT_CORS_ORIGINS). */
  readonly corsOrigins?: readonly string[];
  /** Let anyone create a `_users` document without roles (CouchDB 2's public `_users`); off by default. */
  readonly allowSignup?: boolean;
  /** Time limit of a design function call (CouchDB's os_process_timeout is 5 s). */
  readonly designTimeoutMs?: number;
}

export interface EmbeddedServer {
  /** Base URL without credentials, e.g. http://127.0.0.1:5984 */
  readonly url: string;
  /** Base URL with the server admin's credentials: keep it in the main process. */
  readonly adminUrl: string;
  close(): Promise<void>;
}

interface AdminCredentials {
  readonly username: string;
  readonly password: string;
}

/** The generated admin's clear password stays readable to the owner only (callers read it). */
async function loadOrCreateAdmin(dataDir: string): Promise<AdminCredentials> {
  const file = path.join(dataDir, 'admin.json');
  try {
    const creds = JSON.parse(await readFile(file, 'utf8')) as AdminCredentials;
    if (typeof creds.username === 'string' && typeof creds.password === 'string') return creds;
  } catch {
    // created below
  }
  const creds = { username: 'admin', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  process.umask(0o077);
  const dataDir = path.resolve(options.dataDir);
  const dbDir = path.join(dataDir, 'db');
  await makePrivate(dataDir);
  await makePrivate(dbDir);
  const log = createLog(path.join(dataDir, 'server.log'));

  // Everything that decides who may do what exists before the port opens.
  const admin = await loadOrCreateAdmin(dataDir);
  const authFile = await loadOrCreateAuthFile(path.join(dataDir, 'auth.json'), admin);
  const usersSecurity: SecurityObject = options.allowSignup ? { admins: { roles: ['_admin'] }, members: {} } : ADMIN_ONLY;
  const dbs = await Databases.open(dbDir, path.join(dataDir, 'security.json'), pouchFactory(dbDir), usersSecurity);
  await dbs.setSecurity(USERS_DB, usersSecurity);

  const lookupUser = async (name: string): Promise<StoredUser | undefined> => {
    try {
      const doc = (await dbs.get(USERS_DB).get(USER_PREFIX + name)) as Doc;
      // System roles (`_admin`…) come only from the server's own admins, never from a user document.
      const roles = Array.isArray(doc.roles) ? (doc.roles as unknown[]).filter((r): r is string => typeof r === 'string' && !r.startsWith('_')) : [];
      return { name, roles, hash: storedHash(doc) };
    } catch {
      return undefined;
    }
  };
  const upgradeHash = (name: string, password: string) => {
    // CouchDB 3.5 re-hashes an older, weaker hash once the password is proven.
    void (async () => {
      const users = dbs.get(USERS_DB);
      const doc = (await users.get(USER_PREFIX + name)) as Doc;
      await users.put({ ...doc, ...(await hashPassword(password)) });
    })().catch(() => {});
  };

  const design = new DesignFunctions(options.designTimeoutMs);
  const changes = new Changes(dbs);
  const writer = new Writer(dbs, design, (db) => {
    changes.notify(db);
    dbs.emit(db, 'updated');
  });
  const ctx: ServerContext = {
    dbs,
    writer,
    design,
    auth: new Auth(authFile, lookupUser, upgradeHash),
    changes,
    log,
    uuid: authFile.secret.slice(0, 32),
  };

  const server = http.createServer({ requestTimeout: 300_000, headersTimeout: 60_000 }, withCors(createListener(ctx), options.corsOrigins ?? DEFAULT_CORS_ORIGINS));
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n{"error":"bad_request","reason":"malformed request"}\n');
    else socket.destroy();
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (e) {
    await dbs.close();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const adminUrl = `http://${encodeURIComponent(admin.username)}:${encodeURIComponent(admin.password)}@${host}:${port}`;
  log.info(`listening on ${url}`);
  return {
    url,
    adminUrl,
    async close() {
      changes.closeAll();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await dbs.close();
    },
  };
}
