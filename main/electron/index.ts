// Electron entry: composes the handlers, serves them over IPC and opens the window. Only wiring.
import { app, BrowserWindow, ipcMain, safeStorage, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMainContext, defaultDataRoot } from '../context';
import { contentSecurityPolicy, originOf } from '../csp';
import { dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { sessionHandlers } from '../handlers/session';
import { safeStorageProtector } from '../keys/safe-storage-protector';
import { INVOKE_CHANNEL, EVENT_CHANNEL } from './channels';

/** The built main process is an ES module: its folder holds preload.cjs, the renderer is beside it. */
const HERE = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  await app.whenReady();
  const couchUrl = process.env.HWS_COUCH_URL ?? 'http://127.0.0.1:5984';
  const ctx = await createMainContext({
    mode: 'electron',
    version: app.getVersion(),
    couchUrl,
    dataDir: path.join(defaultDataRoot(), 'workstation'),
    trainingMode: process.env.HWS_TRAINING === '1',
  });
  // Cached data keys are sealed by the OS secret store as well as by the password.
  const keyProtector = await safeStorageProtector(safeStorage);
  const handlers = { ...createHandlers(ctx), ...sessionHandlers(ctx, { keyProtector }) };
  ipcMain.handle(INVOKE_CHANNEL, (_event, name: unknown, args: unknown) => dispatch(handlers, String(name), args));

  const csp = contentSecurityPolicy([originOf(couchUrl)]);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, allow) => allow(permission === 'media'));

  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: '住房保障工作站',
    webPreferences: {
      preload: path.join(HERE, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  ctx.events.subscribe((channel, payload) => win.webContents.send(EVENT_CHANNEL, channel, payload));
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  await win.loadFile(path.join(HERE, '..', 'renderer', 'index.html'));
}

app.on('window-all-closed', () => app.quit());
main().catch((e: unknown) => {
  console.error(e);
  app.exit(1);
});
