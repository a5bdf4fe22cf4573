// `hws sync-server start|setup`: the embedded development server, and setup of a real CouchDB.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataRoot } from '../main/context';
import { DEMO_OFFICES, DEMO_USERS, type OfficeRef } from '../sync-server/demo';
import { startEmbeddedServer, type EmbeddedServer } from '../sync-server/embedded';
import { setupCouch } from '../sync-server/setup';
import { waitForSignal } from './shutdown';

export const DEFAULT_SYNC_PORT = 15984;

/** Starts the embedded server and prepares it exactly as a real CouchDB would be prepared. */
export async function startPreparedServer(options: { port?: number; dataDir?: string; demo?: boolean }): Promise<EmbeddedServer> {
  const dataDir = options.dataDir ?? path.join(defaultDataRoot(), 'sync-server');
  const server = await startEmbeddedServer({ dataDir, port: options.port ?? DEFAULT_SYNC_PORT });
  await setupCouch({ url: server.adminUrl, offices: DEMO_OFFICES, users: options.demo === false ? [] : DEMO_USERS });
  return server;
}

export { waitForSignal } from './shutdown';

async function start(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, data: { type: 'string' }, 'no-demo': { type: 'boolean' } } });
  const server = await startPreparedServer({
    port: values.port ? Number(values.port) : undefined,
    dataDir: values.data,
    demo: !values['no-demo'],
  });
  console.log(`同步服务器已启动 / sync server listening: ${server.url}`);
  await waitForSignal();
  await server.close();
  return 0;
}

async function setup(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { url: { type: 'string' }, offices: { type: 'string' }, 'no-demo': { type: 'boolean' } } });
  if (!values.url) {
    console.error('请用 --url 给出 CouchDB 地址及管理员账号,例如 --url http://admin:secret@couch.example:5984');
    return 2;
  }
  const offices = values.offices ? (JSON.parse(await readFile(values.offices, 'utf8')) as OfficeRef[]) : DEMO_OFFICES;
  const report = await setupCouch({
    url: values.url,
    offices,
    users: values['no-demo'] ? [] : DEMO_USERS,
    cors: true,
    log: (line) => console.log(line),
  });
  console.log(`完成:${report.changed.length} 项已更新,${report.unchanged.length} 项无需更改`);
  return 0;
}

export async function syncServerCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'start') return start(rest);
  if (sub === 'setup') return setup(rest);
  console.error('用法:hws sync-server start [--port N] [--data DIR] | hws sync-server setup --url URL');
  return 2;
}
