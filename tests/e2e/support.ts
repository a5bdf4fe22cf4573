// End-to-end support: real processes (the `hws` command), real headless Chromium profiles.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningProcess {
  readonly proc: ChildProcess;
  readonly match: RegExpMatchArray;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs `hws …` and waits until a line of its output matches `ready`. */
export function runHws(args: string[], ready: RegExp, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunningProcess> {
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin', 'hws.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hws ${args.join(' ')} not ready: ${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({
          proc,
          match,
          stop: (signal = 'SIGTERM') =>
            new Promise<void>((done) => {
              if (proc.exitCode !== null || proc.signalCode !== null) return done();
              const force = setTimeout(() => proc.kill('SIGKILL'), 5_000);
              proc.once('exit', () => {
                clearTimeout(force);
                done();
              });
              proc.kill(signal);
            }),
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`hws ${args.join(' ')} exited ${code}: ${output}`)));
  });
}

export const tempDir = (prefix: string) => mkdtemp(path.join(os.tmpdir(), prefix));

/** A browser profile; `fakeCamera` names a y4m file that Chromium plays as the camera. */
export async function openProfile(profileDir: string, fakeCamera?: string): Promise<BrowserContext> {
  const camera = fakeCamera
    ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${fakeCamera}`]
    : [];
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--disable-gpu', ...camera],
  });
}

export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('new-case').waitFor({ timeout: 30_000 });
}

export async function createCaseInUi(page: Page, name: string, idNumber: string, itemLabel = '公共租赁住房'): Promise<void> {
  await page.getByTestId('new-case').click();
  await page.getByTestId('field-businessItem').click();
  await page.locator('.ant-select-item-option', { hasText: itemLabel }).click();
  await page.getByTestId('field-applicantName').fill(name);
  await page.getByTestId('field-idNumber').fill(idNumber);
  await page.getByTestId('create-case').click();
  await page.getByTestId('new-case-form').waitFor({ state: 'detached' });
}

/** Names in the case table, in order. */
export async function caseNames(page: Page): Promise<string[]> {
  return page.getByTestId('case-name').allInnerTexts();
}
