// What the Electron shell lets the page do, as pure decisions (no Electron import, so they are
// unit tested in Node): the page is the app's own origin or nothing; only the camera is granted.
import { ELECTRON_APP_ORIGIN } from '../../domain/ipc/app';
import path from 'node:path';

export const APP_SCHEME = 'hws';
export const APP_ORIGIN = ELECTRON_APP_ORIGIN;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** True only for a URL on the app's own origin (hws://app/…): not file://, not http(s), not data: or about:. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'app' && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** The one permission the page gets: the camera (video only, no microphone), asked by the app's own page. */
export function allowPermissionRequest(permission: string, requestingUrl: string | undefined, mediaTypes: readonly string[] | undefined): boolean {
  if (permission !== 'media' || !isAppUrl(requestingUrl)) return false;
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
}

/** Chromium's synchronous permission checks: the same rule, asked per media type. */
export function allowPermissionCheck(permission: string, requestingOrigin: string | undefined, mediaType: string | undefined): boolean {
  return permission === 'media' && requestingOrigin !== undefined && isAppUrl(`${requestingOrigin}/`) && mediaType === 'video';
}

/**
 * The file under the renderer folder that an app URL names, or undefined when the URL is not the
 * app's or its path leaves the folder (`..`, encoded slashes, absolute paths).
 */
export function appFileFor(url: string, rendererDir: string): string | undefined {
  if (!isAppUrl(url)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  if (relative.includes('\0') || relative.includes('\\')) return undefined;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}
