// `npm run docs:screenshot` — remakes docs/screenshot.png, the README's picture: the street
// reviewer's queue of the demo office in browser mode (`hws start`), at the default window.
// Debian's Chromium has no Chinese typeface here, so the page is given Noto Sans SC from the npm
// package the OCR corpus uses (the desktop app uses the system's).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openProfile, ROOT, runHws, tempDir } from '../tests/e2e/support';

const PORT = 38000 + Math.floor(Math.random() * 1000);
const FONT = path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

async function main(): Promise<void> {
  // `hws start` on its own embedded server: the demo offices, seeded as of today (the newcomer's view).
  const host = await runHws(['start', '--browser', '--data', await tempDir('hws-shot-'), '--port', String(PORT), '--sync-port', String(PORT + 1)], /open the workstation at: (http:\S+)/);
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
    await page.locator('[data-testid="review-table"] tbody tr').nth(2).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3_000);
    await writeFile(path.join(ROOT, 'docs', 'screenshot.png'), await page.screenshot());
  } finally {
    await context.close();
    await host.stop();
  }
}

await main();
