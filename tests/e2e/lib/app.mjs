// Browser-test harness: the real `changwat serve --demo` (tests/lib/server.mjs)
// serving the built web UI, driven by Debian's Chromium through playwright-core.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot, startServer, demoPassword } from '../../lib/server.mjs';

export const webRoot = join(repoRoot, 'web');
export const webDist = join(webRoot, 'dist');
export { demoPassword };

// No browser is downloaded: the Debian package provides it. The networking flags
// keep Chromium from trying outside connections on a closed network.
export const chromiumPath = process.env.CHANGWAT_CHROMIUM || '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

// Builds web/dist when it is missing or older than the web sources, so the tests
// always exercise the UI as it is in the working tree.
export function ensureWebBuilt() {
  if (!existsSync(join(webRoot, 'node_modules'))) {
    throw new Error('web/node_modules is missing: run scripts/deps.sh (npm ci in web/) first');
  }
  const index = join(webDist, 'index.html');
  const sources = ['src', 'index.html', 'public', 'package-lock.json', 'vite.config.ts']
    .map((name) => join(webRoot, name))
    .filter((path) => existsSync(path));
  const newestSource = Math.max(...sources.map(newestChange));
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource) return;
  const built = spawnSync('npm', ['run', 'build'], { cwd: webRoot, encoding: 'utf8', timeout: 300000 });
  if (built.status !== 0) throw new Error(`web build failed:\n${built.stdout}\n${built.stderr}`);
}

export async function startApp() {
  ensureWebBuilt();
  const server = await startServer({ demo: true, args: ['--web', webDist] });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  } catch (error) {
    await server.stop();
    throw error;
  }
  const contexts = [];
  return {
    server,
    url: server.url,
    // A fresh browser profile (cookies, localStorage) per call.
    async newPage({ viewport = { width: 1280, height: 900 }, isMobile = false, hasTouch = false } = {}) {
      const context = await browser.newContext({ baseURL: server.url, viewport, isMobile, hasTouch, locale: 'th-TH' });
      context.setDefaultTimeout(15000);
      contexts.push(context);
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.problems = problems;
      return page;
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server.stop();
    },
  };
}

// Signs in through the real form and waits for the app frame.
export async function signIn(page, username, { next = '/' } = {}) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/ชื่อผู้ใช้|Username/).fill(username);
  await page.getByLabel(/รหัสผ่าน|Password/).fill(demoPassword);
  await page.getByRole('button', { name: /^(เข้าสู่ระบบ|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  await page.getByRole('button', { name: /^(ออกจากระบบ|Sign out)$/ }).waitFor();
}
