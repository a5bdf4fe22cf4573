// The embedded CouchDB-compatible server for development, tests and the demo: express-pouchdb on
// PouchDB (LevelDB), served directly by node:http (it fails when mounted inside express 5), with
// CORS added in front because its server modes do not send CORS headers.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { withCors } from './cors';

const require = createRequire(import.meta.url);

export interface EmbeddedServerOptions {
  readonly dataDir: string;
  readonly port?: number;
  readonly host?: string;
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

async function loadOrCreateAdmin(dataDir: string): Promise<{ creds: AdminCredentials; isNew: boolean }> {
  const file = path.join(dataDir, 'admin.json');
  try {
    return { creds: JSON.parse(await readFile(file, 'utf8')) as AdminCredentials, isNew: false };
  } catch {
    const creds = { username: 'admin', password: randomBytes(18).toString('base64url') };
    await writeFile(file, JSON.stringify(creds), { mode: 0o600 });
    return { creds, isNew: true };
  }
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const dbDir = path.join(dataDir, 'db');
  await mkdir(dbDir, { recursive: true });
  const PouchDB = require('pouchdb-node');
  const expressPouchdb = require('express-pouchdb');
  const Pouch = PouchDB.defaults({ prefix: dbDir + path.sep });
  const app = expressPouchdb(Pouch, {
    mode: 'fullCouchDB',
    overrideMode: { exclude: ['routes/fauxton', 'routes/http-log'] },
    configPath: path.join(dataDir, 'config.json'),
    logPath: path.join(dataDir, 'log.txt'),
  });
  const server = http.createServer(withCors(app));
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const { creds, isNew } = await loadOrCreateAdmin(dataDir);
  if (isNew) {
    const res = await fetch(`${url}/_config/admins/${creds.username}`, {
      method: 'PUT',
      body: JSON.stringify(creds.password),
    });
    if (!res.ok) throw new Error(`embedded server: could not create the admin (${res.status})`);
  }
  const adminUrl = `http://${encodeURIComponent(creds.username)}:${encodeURIComponent(creds.password)}@${host}:${port}`;
  return {
    url,
    adminUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
