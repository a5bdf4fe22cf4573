// `npm run docs:screenshot` — remakes docs/screenshot.png, the README's picture: the street
// reviewer's queue of seeded cases in browser mode on the embedded server, at the default window.
// Debian's Chromium has no Chinese typeface here, so the page is given Noto Sans SC from the npm
// package the OCR corpus uses (the desktop app uses the system's).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openProfile, ROOT, runHws, startCentralServer, tempDir } from '../tests/e2e/support';

const PORT = 38000 + Math.floor(Math.random() * 1000);
const FONT = path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

async function main(): Promise<void> {
  const dataDir = await tempDir('hws-shot-srv-');
  const server = await startCentralServer(dataDir, PORT, [PORT + 1]);
  const admin = JSON.parse(await readFile(path.join(dataDir, 'admin.json'), 'utf8')) as { username: string; password: string };
  const url = `http://${admin.username}:${encodeURIComponent(admin.password)}@127.0.0.1:${PORT}`;
  await (await runHws(['seed', '--cases', '40', '--office', 'futian-huafu', '--street', 'street:440304-06', '--seed', '7', '--url', url], /完成/)).stop();
  const host = await runHws(['start', '--browser', '--couch-url', server.url, '--data', await tempDir('hws-shot-host-'), '--port', String(PORT + 1)], /open the workstation at: (http:\S+)/);
  const context = await openProfile(await tempDir('hws-shot-prof-'));
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const font = await readFile(FONT);
    await page.route('**/__docs-font.ttf', (route) => route.fulfill({ body: font, contentType: 'font/ttf' }));
    await page.goto(host.match[1]!);
    await page.addStyleTag({ content: "@font-face { font-family: 'DocsCJK'; src: url(/__docs-font.ttf); } * { font-family: 'DocsCJK', sans-serif !important; }" });
    await page.getByTestId('login-username').fill('reviewer1');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid="review-table"] tbody tr').nth(5).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3_000);
    await writeFile(path.join(ROOT, 'docs', 'screenshot.png'), await page.screenshot());
  } finally {
    await context.close();
    await host.stop();
    await server.dispose();
  }
}

await main();
