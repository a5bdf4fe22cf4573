// `hws sync-server start|setup`: the embedded development server, and setup of a real CouchDB.
import { parseCatalogue } from '../domain/catalogue/schema';
import type { Catalogue } from '../domain/catalogue/types';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultDataRoot } from '../main/context';
import { DEMO_OFFICES, DEMO_USERS, type OfficeRef } from '../sync-server/demo';
import { DEFAULT_CORS_ORIGINS, startEmbeddedServer, type EmbeddedServer } from '../sync-server/embedded';
import { setupCouch } from '../sync-server/setup';
import { waitForSignal } from './shutdown';

export const DEFAULT_SYNC_PORT = 15984;

/** The browser origins of a workstation served on a port (browser mode, `hws start --port`). */
export function workstationOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** `--cors-origin` values, repeated or comma-separated; undefined when none was given. */
export function parseCorsOrigins(values: readonly string[] | undefined): string[] | undefined {
  const list = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/**
 * Starts the embedded server and prepares it exactly as a real CouchDB would be prepared. CORS
 * answers only `corsOrigins` (default: the workstation's own, DEFAULT_CORS_ORIGINS), plus
 * `extraCorsOrigins` (`hws start` adds its own host's).
 */
export async function startPreparedServer(options: {
  port?: number;
  dataDir?: string;
  demo?: boolean;
  corsOrigins?: readonly string[];
  extraCorsOrigins?: readonly string[];
}): Promise<EmbeddedServer> {
  const dataDir = options.dataDir ?? path.join(defaultDataRoot(), 'sync-server');
  const corsOrigins = [...new Set([...(options.corsOrigins ?? DEFAULT_CORS_ORIGINS), ...(options.extraCorsOrigins ?? [])])];
  const server = await startEmbeddedServer({ dataDir, port: options.port ?? DEFAULT_SYNC_PORT, corsOrigins });
  await setupCouch({ url: server.adminUrl, offices: DEMO_OFFICES, users: options.demo === false ? [] : DEMO_USERS });
  return server;
}

export { waitForSignal } from './shutdown';

/** `hws sync-server start`: the embedded server until a signal. */
export async function syncServerStart(values: { port?: number; data?: string; demo?: boolean; corsOrigin?: string[] }): Promise<number> {
  const server = await startPreparedServer({
    port: values.port,
    dataDir: values.data,
    demo: values.demo !== false,
    corsOrigins: parseCorsOrigins(values.corsOrigin),
  });
  console.log(`同步服务器已启动 / sync server listening: ${server.url}`);
  await waitForSignal();
  await server.close();
  return 0;
}

/** `hws sync-server setup`: prepares a real CouchDB (databases, security, design documents, users). */
export async function syncServerSetup(values: { url: string; offices?: string; demo?: boolean; catalogue?: string }): Promise<number> {
  const offices = values.offices ? (JSON.parse(await readFile(values.offices, 'utf8')) as OfficeRef[]) : DEMO_OFFICES;
  let catalogue: Catalogue | undefined;
  if (values.catalogue) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(values.catalogue, 'utf8'));
    } catch (e) {
      console.error(`无法读取目录文件 ${values.catalogue}:${(e as Error).message}(未做任何更改)`);
      return 1;
    }
    const parsed = parseCatalogue(json);
    if (!parsed.ok) {
      console.error(`目录文件格式不正确,未做任何更改(先用 hws catalogue check 检查):\n  ${parsed.problems.join('\n  ')}`);
      return 1;
    }
    catalogue = parsed.value;
  }
  const report = await setupCouch({
    url: values.url,
    offices,
    ...(catalogue ? { catalogue } : {}),
    users: values.demo === false ? [] : DEMO_USERS,
    cors: true,
    log: (line) => console.log(line),
  });
  console.log(`完成:${report.changed.length} 项已更新,${report.unchanged.length} 项无需更改`);
  return 0;
}
