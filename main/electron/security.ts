// The Electron shell's guards, wired from index.ts: the renderer is served on the privileged
// hws://app origin (never file://) with the app's Content-Security-Policy; every web contents may
// navigate only within that origin and opens no windows; IPC answers only frames of that origin;
// the camera (video only) is the one permission granted, and only to that origin.
import { app, net, protocol, type IpcMainInvokeEvent, type Session, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import { fail, type Result } from '../../domain/errors';
import { allowPermissionCheck, allowPermissionRequest, APP_SCHEME, appFileFor, isAppUrl } from './policy';

/** Must run before the app is ready: hws:// behaves like https (secure context, fetch, workers, wasm streaming). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

/** Serves the built renderer folder on hws://app/, each response carrying the CSP. */
export function serveApp(session: Session, rendererDir: string, csp: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const file = appFileFor(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString()).catch(() => undefined);
    if (!res?.ok) return new Response('Not found', { status: 404 });
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: 200, headers });
  });
}

/** Navigation and window guards for one web contents (the window's, and any created later). */
export function guardContents(contents: WebContents): void {
  const refuseForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-frame-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies guardContents to every web contents the app ever creates. */
export function guardAllContents(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

/** Camera for the app's own page, video only; every other permission, and every other origin, refused. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(allowPermissionRequest(permission, details.requestingUrl, mediaTypes));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowPermissionCheck(permission, requestingOrigin, details.mediaType),
  );
  session.setDevicePermissionHandler(() => false);
}

/** An IPC call is answered only when it comes from a frame of the app's own origin. */
export function fromAppFrame(event: IpcMainInvokeEvent): boolean {
  return isAppUrl(event.senderFrame?.url);
}

export function refusedSender(): Result<never> {
  return fail('FORBIDDEN', '拒绝来自非本应用页面的调用');
}
