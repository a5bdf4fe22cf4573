// Electron entry: composes the handlers, serves them over IPC and opens the window. Only wiring;
// the guards themselves are in security.ts (checked by hardening.test.ts).
import { app, BrowserWindow, ipcMain, safeStorage, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMainContext, defaultDataRoot } from '../context';
import { contentSecurityPolicy, originOf } from '../csp';
import { dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { safeStorageProtector } from '../keys/safe-storage-protector';
import { INVOKE_CHANNEL, EVENT_CHANNEL } from './channels';
import { APP_ENTRY } from './policy';
import { fromAppFrame, guardAllContents, refusedSender, registerAppScheme, restrictPermissions, serveApp } from './security';

/** The built main process is an ES module: its folder holds preload.cjs, the renderer is beside it. */
const HERE = path.dirname(fileURLToPath(import.meta.url));

registerAppScheme();
guardAllContents();

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
  const handlers = createHandlers(ctx, { keyProtector });
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, args: unknown) =>
    fromAppFrame(event) ? dispatch(handlers, String(name), args) : refusedSender(),
  );

  const csp = contentSecurityPolicy([originOf(couchUrl)]);
  serveApp(session.defaultSession, path.join(HERE, '..', 'renderer'), csp);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  restrictPermissions(session.defaultSession);

  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: '住房保障工作站',
    webPreferences: {
      preload: path.join(HERE, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  ctx.events.subscribe((channel, payload) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, channel, payload);
  });
  // Devices (simulators, ports) are stopped however the app ends: window closed, SIGTERM or SIGINT.
  app.on('before-quit', () => {
    void ctx.devices.stop();
    void ctx.ocr.close();
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => app.quit());
  await win.loadURL(APP_ENTRY);
}

app.on('window-all-closed', () => app.quit());
main().catch((e: unknown) => {
  console.error(e);
  app.exit(1);
});
