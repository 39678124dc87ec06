// Measures the web UI against the real server (see docs/performance.md, "Web"):
// bundle sizes, and cold page loads in Chromium until the page's content shows.
// Run: node tests/e2e/perf/measure-web.mjs   (needs build/changwat or CHANGWAT_BIN)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { signIn, startApp, webDist } from '../lib/app.mjs';

const runs = Number(process.env.RUNS || 7);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// JS and CSS of the whole app, and of what index.html loads before the first page.
function bundleSizes() {
  const assets = join(webDist, 'assets');
  const index = readFileSync(join(webDist, 'index.html'), 'utf8');
  const sum = { all: { files: 0, bytes: 0, gzip: 0 }, initial: { files: 0, bytes: 0, gzip: 0 } };
  for (const name of readdirSync(assets)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const bytes = readFileSync(join(assets, name));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const size = statSync(join(assets, name)).size;
    for (const key of index.includes(`/assets/${name}`) ? ['all', 'initial'] : ['all']) {
      sum[key].files += 1;
      sum[key].bytes += size;
      sum[key].gzip += gzip;
    }
  }
  return sum;
}

// Milliseconds from navigation start until `ready` resolves, fresh profile each run.
async function timeLoad(app, path, ready, { user } = {}) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const page = await app.newPage();
    if (user) await signIn(page, user);
    const start = Date.now();
    await page.goto(path);
    await ready(page);
    times.push(Date.now() - start);
    await page.context().close();
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const app = await startApp();
try {
  const results = {};
  results.bundle = bundleSizes();
  results.home = await timeLoad(app, '/', (page) => page.getByTestId('current-fiscal-year').waitFor());
  results.areas_province = await timeLoad(app, '/areas/23', (page) => page.getByTestId('area-children').getByRole('link').nth(6).waitFor());
  results.agencies = await timeLoad(app, '/agencies', (page) => page.locator('[data-testid=agencies] tbody tr').nth(30).waitFor());
  results.audit_admin = await timeLoad(app, '/audit', (page) => page.getByTestId('audit-entry').first().waitFor(), { user: 'admin' });
  const plans = await (await fetch(`${app.url}/api/v1/plans`)).json();
  const plan = plans.plans?.[0];
  if (plan) {
    const tree = await (await fetch(`${app.url}/api/v1/plans/${plan.id}/tree`)).json();
    results.plan_tree = {
      elements: tree.element_count,
      ...(await timeLoad(app, `/plan/${plan.id}`, (page) => page.getByTestId('plan-tree').locator('li').first().waitFor())),
    };
    results.plan_tree_expand_all = await timeLoad(app, `/plan/${plan.id}`, async (page) => {
      await page.getByTestId('plan-tree').locator('li').first().waitFor();
      await page.getByRole('button', { name: 'ขยายทั้งหมด' }).click();
      await page.waitForFunction((count) => document.querySelectorAll('[data-testid=plan-tree] li').length >= count, tree.element_count);
    });
  }
  results.needs = await timeLoad(app, '/needs', (page) => page.getByTestId('needs-total').waitFor());
  console.log(JSON.stringify(results, null, 2));
} finally {
  await app.stop();
}
