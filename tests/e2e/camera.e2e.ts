// CameraCapture in real headless Chromium with a fake camera that plays a y4m file made here from
// a face-api demo photo: a face gives a 128-d descriptor, an empty scene gives the NO_FACE message.
import { createServer, type Server } from 'node:http';
import { rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faceAssets } from '../../build/vite-face-assets';
import { FACE_MESSAGES } from '../../domain/face';
import { staticFiles } from '../../main/host/static';
import { FACES, NO_FACE_REGION, cameraFrame, regionJpeg, regionPixels } from '../../main/face/test-images';
import { writeY4m } from './fixtures/y4m';
import { CHROMIUM, ROOT, tempDir } from './support';

let work: string;
let server: Server;
let url: string;
const browsers: Browser[] = [];

/** Builds renderer/camera/harness.html with the face assets into `out` (a dedicated, small config). */
async function buildHarness(out: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.join(ROOT, 'renderer', 'camera'),
    base: './',
    plugins: [react(), faceAssets()],
    build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 4000, rollupOptions: { input: path.join(ROOT, 'renderer', 'camera', 'harness.html') } },
  });
}

async function openWithFakeCamera(y4m: string | undefined) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      // Without a y4m: no camera at all (headless Chromium has none).
      ...(y4m ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`] : []),
    ],
  });
  browsers.push(browser);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // tfjs reads canvases back with getImageData: Chromium's performance hint about it is not a fault.
    const text = m.text();
    if ((m.type() === 'error' || m.type() === 'warning') && !text.startsWith('Canvas2D:') && !text.startsWith('Failed to load resource')) errors.push(text);
  });
  // Every model and wasm file must be served; only the browser's own favicon probe may miss.
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${url}/harness.html`);
  return { page, errors };
}

beforeAll(async () => {
  work = await tempDir('hws-camera-');
  const out = path.join(work, 'harness');
  const frame = await cameraFrame(FACES.s1left);
  const empty = await regionPixels(NO_FACE_REGION, { width: 640, height: 480 });
  await Promise.all([buildHarness(out), writeY4m(path.join(work, 'face.y4m'), [frame]), writeY4m(path.join(work, 'empty.y4m'), [empty])]);
  const serve = staticFiles(out, {});
  server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const b of browsers) await b.close().catch(() => undefined);
  await new Promise((resolve) => server?.close(resolve));
  if (work) await rm(work, { recursive: true, force: true, maxRetries: 5 });
});

describe('CameraCapture with a fake camera', () => {
  it('captures the applicant: a JPEG and a 128-d descriptor', async () => {
    const { page, errors } = await openWithFakeCamera(path.join(work, 'face.y4m'));
    const button = page.getByTestId('camera-capture-button');
    await expect.poll(() => button.isEnabled(), { timeout: 90_000, interval: 250 }).toBe(true);
    // The picker lists the cameras enumerateDevices found: here Chromium's one fake device.
    await page.getByTestId('camera-device').waitFor({ timeout: 10_000 });
    await button.click();
    const result = page.getByTestId('capture-result');
    await result.waitFor({ timeout: 60_000 });
    const summary = JSON.parse((await result.textContent()) ?? '{}') as { descriptorLength: number; descriptor: number[]; jpegType: string; jpegBytes: number; box: { width: number }; backend: string };
    expect(summary.backend).toBe('wasm');
    expect(summary.descriptorLength).toBe(128);
    expect(summary.descriptor.every((v) => Number.isFinite(v))).toBe(true);
    expect(summary.jpegType).toBe('image/jpeg');
    expect(summary.jpegBytes).toBeGreaterThan(5_000);
    expect(summary.box.width).toBeGreaterThan(100);
    await expect(page.getByTestId('camera-captured').textContent()).resolves.toContain('已采集申请人人脸');
    expect(errors).toEqual([]);
  });

  it('refuses a frame without a face with the Chinese NO_FACE message', async () => {
    const { page } = await openWithFakeCamera(path.join(work, 'empty.y4m'));
    const button = page.getByTestId('camera-capture-button');
    await expect.poll(() => button.isEnabled(), { timeout: 90_000, interval: 250 }).toBe(true);
    await button.click();
    const error = page.getByTestId('camera-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toContain(FACE_MESSAGES.NO_FACE);
    expect(await page.getByTestId('capture-result').count()).toBe(0);
  });

  it('without a camera: says so, stops waiting, and takes the applicant from a photo file instead', async () => {
    const { page } = await openWithFakeCamera(undefined);
    const error = page.getByTestId('camera-error');
    await error.waitFor({ timeout: 60_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toMatch(/未找到摄像头|无法打开摄像头/);
    expect(text).toContain('从文件选择申请人的照片');
    // Nothing is left spinning: the clerk is not kept waiting for a picture that cannot come.
    await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 90_000, interval: 250 }).toBe(0);
    const photo = path.join(work, 'applicant.jpg');
    await writeFile(photo, await regionJpeg(FACES.s1left, { margin: 1.2, width: 640, height: 480 }));
    const button = page.getByTestId('camera-from-file');
    await expect.poll(() => button.isEnabled(), { timeout: 90_000, interval: 250 }).toBe(true);
    await page.locator('input[type=file]').setInputFiles(photo);
    const result = page.getByTestId('capture-result');
    await result.waitFor({ timeout: 60_000 });
    expect((JSON.parse((await result.textContent()) ?? '{}') as { descriptorLength: number }).descriptorLength).toBe(128);
  });
});
