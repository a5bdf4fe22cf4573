// The Electron shell's hardening, checked without Electron (its binary cannot be downloaded here):
// the pure decisions of policy.ts are run, and the wiring in the entry, the preload, the page and
// the packaging configuration is read as text or parsed. Removing any guard fails a test here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../csp';
import { allowPermissionCheck, allowPermissionRequest, APP_ENTRY, appFileFor, isAppUrl } from './policy';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
/** Source without comments, so a guard that is only mentioned in a comment does not count. */
const code = (file: string): string => read(file).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('the app origin and permissions (policy.ts)', () => {
  it('treats only hws://app as the app: not file://, http(s), data:, about: or look-alikes', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('hws://app/assets/index.js')).toBe(true);
    for (const url of ['file:///etc/passwd', 'http://127.0.0.1:17880/', 'https://app/', 'data:text/html,x', 'about:blank', 'hws://evil/', 'hws://app.evil.com/', 'hws://user:pw@app/', '', undefined]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('grants the camera (video only) to the app and nothing else to anyone', () => {
    expect(allowPermissionRequest('media', 'hws://app/index.html', ['video'])).toBe(true);
    expect(allowPermissionRequest('media', 'hws://app/index.html', ['video', 'audio'])).toBe(false);
    expect(allowPermissionRequest('media', 'hws://app/index.html', ['audio'])).toBe(false);
    expect(allowPermissionRequest('media', 'hws://app/index.html', undefined)).toBe(false);
    expect(allowPermissionRequest('media', 'https://evil.example/', ['video'])).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'midi', 'hid', 'serial', 'usb']) {
      expect(allowPermissionRequest(p, 'hws://app/index.html', ['video']), p).toBe(false);
      expect(allowPermissionCheck(p, 'hws://app', 'video'), p).toBe(false);
    }
    expect(allowPermissionCheck('media', 'hws://app', 'video')).toBe(true);
    expect(allowPermissionCheck('media', 'hws://app', 'audio')).toBe(false);
    expect(allowPermissionCheck('media', 'file://', 'video')).toBe(false);
  });

  it('serves only files inside the renderer folder', () => {
    const dir = '/opt/hws/renderer';
    expect(appFileFor('hws://app/', dir)).toBe('/opt/hws/renderer/index.html');
    expect(appFileFor('hws://app/assets/a.js', dir)).toBe('/opt/hws/renderer/assets/a.js');
    expect(appFileFor('hws://app/../../secret', dir)).toBe('/opt/hws/renderer/secret'); // the URL parser already stops at the root
    expect(appFileFor('hws://app/%2e%2e/%2e%2e/etc/passwd', dir)).toBe('/opt/hws/renderer/etc/passwd');
    for (const url of ['hws://app/..%2f..%2fetc%2fpasswd', 'hws://app/x%00.js', 'hws://app/a%5c..%5c..%5cx', 'file:///opt/hws/renderer/index.html', 'hws://other/index.html']) {
      expect(appFileFor(url, dir), url).toBeUndefined();
    }
  });
});

describe('the Electron entry wires every guard', () => {
  const entry = code('main/electron/index.ts');
  const security = code('main/electron/security.ts');

  it('keeps the window isolated: context isolation, sandbox, no Node, web security', () => {
    expect(entry).toMatch(/contextIsolation:\s*true/);
    expect(entry).toMatch(/sandbox:\s*true/);
    expect(entry).toMatch(/nodeIntegration:\s*false/);
    expect(entry).toMatch(/webSecurity:\s*true/);
    expect(entry).not.toMatch(/nodeIntegration(InWorker|InSubFrames)?:\s*true|webSecurity:\s*false|allowRunningInsecureContent:\s*true|contextIsolation:\s*false|sandbox:\s*false/);
  });

  it('loads the renderer from the app origin, never file://', () => {
    expect(entry).toMatch(/registerAppScheme\(\)/);
    expect(entry).toMatch(/serveApp\(/);
    expect(entry).toMatch(/loadURL\(APP_ENTRY\)/);
    expect(entry).not.toMatch(/loadFile\(/);
  });

  it('guards navigation and new windows for every web contents', () => {
    expect(entry).toMatch(/guardAllContents\(\)/);
    expect(security).toMatch(/on\('web-contents-created', \(_event, contents\) => guardContents\(contents\)\)/);
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(security).toMatch(new RegExp(`on\\('${event}',`));
    }
    expect(security).toMatch(/if \(!isAppUrl\(url\)\) event\.preventDefault\(\)/);
    expect(security).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(security).toMatch(/on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
  });

  it('answers IPC only from frames of the app origin', () => {
    const handles = [...entry.matchAll(/ipcMain\.(handle|on|handleOnce|once)\(/g)];
    expect(handles.length).toBeGreaterThan(0);
    // Every ipcMain listener checks its sender before dispatching.
    const bodies = entry.split(/ipcMain\.(?:handle|on|handleOnce|once)\(/).slice(1);
    for (const body of bodies) expect(body.slice(0, 200)).toMatch(/fromAppFrame\(event\)\s*\?/);
    expect(security).toMatch(/isAppUrl\(event\.senderFrame\?\.url\)/);
    expect(code('main/electron/preload.ts')).not.toMatch(/ipcMain|require\(|process\./);
  });

  it('sets both permission handlers to the camera-only policy, and refuses device permissions', () => {
    expect(entry).toMatch(/restrictPermissions\(session\.defaultSession\)/);
    expect(security).toMatch(/setPermissionRequestHandler\([\s\S]*?callback\(allowPermissionRequest\(/);
    expect(security).toMatch(/setPermissionCheckHandler\([\s\S]*?allowPermissionCheck\(/);
    expect(security).toMatch(/setDevicePermissionHandler\(\(\) => false\)/);
    expect(entry).not.toMatch(/setPermission(Request|Check)Handler/); // no second, looser handler
  });

  it('exposes only invoke and on to the page', () => {
    const preload = code('main/electron/preload.ts');
    expect([...preload.matchAll(/exposeInMainWorld\(/g)]).toHaveLength(1);
    const keys = [...preload.matchAll(/^\s{2}(\w+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(['invoke', 'on']);
  });
});

describe('Content-Security-Policy', () => {
  const directives = (policy: string): Map<string, string> =>
    new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]));

  it('renderer/index.html carries the same policy as a <meta>, before any script', () => {
    const html = read('renderer/index.html');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"\s*\/?>/i.exec(html);
    expect(meta, 'CSP <meta> in renderer/index.html').not.toBeNull();
    expect(meta![1]).toBe(metaContentSecurityPolicy());
    expect(html.indexOf(meta![0])).toBeLessThan(html.indexOf('<script'));
  });

  it('the <meta> and the header agree on every directive; only connect-src is wider and frame-ancestors header-only', () => {
    const header = directives(contentSecurityPolicy(['http://127.0.0.1:5984']));
    const meta = directives(metaContentSecurityPolicy());
    for (const [name, value] of header) {
      if (name === 'frame-ancestors') expect(meta.has(name)).toBe(false);
      else if (name !== 'connect-src') expect(meta.get(name), name).toBe(value);
    }
    expect([...meta.keys()].sort()).toEqual([...header.keys()].filter((k) => k !== 'frame-ancestors').sort());
  });

  it('keeps scripts to the app (wasm allowed, no eval, no inline), objects and framing off', () => {
    const header = directives(contentSecurityPolicy([]));
    expect(header.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(header.get('object-src')).toBe("'none'");
    expect(header.get('frame-ancestors')).toBe("'none'");
    expect(header.get('worker-src')).toBe("'self'");
  });
});

describe('electron-builder.yml', () => {
  const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
  const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(read('electron-builder.yml')) as { electronFuses?: Record<string, boolean>; asar?: boolean };
  const schema = JSON.parse(readFileSync(requireFromBuilder.resolve('./scheme.json'), 'utf8')) as {
    definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
  };

  it('flips the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('names each fuse as electron-builder knows it', () => {
    for (const name of Object.keys(config.electronFuses ?? {})) expect(schema.definitions.FuseOptionsV1.properties, name).toHaveProperty(name);
  });
});
