// Benchmark of the tourism sales (issue 12, "Speed"), end to end over HTTP against the
// real server: (1) a community's sales page with a year of sales — 50,000 sales of two
// lines each (100,000 lines), sent 200 a request through POST /api/v1/tourism/sales/batch
// with the hash chain as phones send them — read page after page (GET …/communities/{id}/sales,
// 50 a page, the total and the lines), p50/p99 of 500 reads; (2) the sync of 1,000
// sales queued on one phone: sent 100 a request (…/sales/batch) as the web journal does.
// Targets: page p99 < 20 ms; 1,000 queued sales < 2 s. Results: docs/performance.md.
//
//   CHANGWAT_BIN=build/changwat node bench/tourism_sales.mjs [--sales 50000]
//   (CHANGWAT_TEST_ENGINE=postgres CHANGWAT_TEST_POSTGRES_URL=… for PostgreSQL)
import { startServer, engine } from '../tests/lib/server.mjs';
import { communityWithManager, saleBody, ZERO_HASH } from '../tests/lib/tourism.mjs';

process.env.CHANGWAT_SCHEMA_CHECK = '0';
const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const saleCount = argument('--sales', 50000);
const server = await startServer({ demo: true });

function percentiles(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p99: at(0.99), max: s[s.length - 1] };
}

try {
  const strategy = await server.login('strategy');
  const admin = await server.login('admin');
  const { community, manager } = await communityWithManager(server, strategy, admin, { offered_capacity_per_day: 50 });
  const product = (await manager.post(`/api/v1/tourism/communities/${community.id}/products`, { name_th: 'กะปิ', otop_group: 'food', price_satang: 12000 })).json;
  const experience = (await manager.post(`/api/v1/tourism/communities/${community.id}/experiences`, { name_th: 'ล่องเรือ', price_satang: 40000, capacity: 30 })).json;
  const lines = (i) => [{ product_id: product.id, quantity: 1 + (i % 3), unit_price_satang: 12000 }, { experience_id: experience.id, quantity: 1, unit_price_satang: 40000 }];
  const yearStart = Date.now() - 365 * 86400000;

  // Ten phones sell through the year, each chain in order, the phones side by side.
  const phones = 10;
  const perPhone = Math.ceil(saleCount / phones);
  const seedStart = performance.now();
  await Promise.all(Array.from({ length: phones }, async (_, phone) => {
    let previous = ZERO_HASH;
    let pending = [];
    const sendPending = async () => {
      const r = await manager.post('/api/v1/tourism/sales/batch', { sales: pending });
      if (r.status !== 200 || r.json.results.some((x) => x.status !== 201)) throw new Error(`seed ${phone}: ${r.status} ${r.text.slice(0, 300)}`);
      pending = [];
    };
    for (let sequence = 1; sequence <= perPhone && (phone * perPhone + sequence) <= saleCount; sequence += 1) {
      const at = new Date(yearStart + ((phone * perPhone + sequence) / saleCount) * 364 * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
      const body = saleBody(`bench-${phone}`, sequence, at, lines(sequence), previous);
      pending.push(body);
      previous = body.receipt_hash;
      if (pending.length === 200) await sendPending();
    }
    if (pending.length > 0) await sendPending();
  }));
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const pageMs = [];
  for (let i = 0; i < 500; i += 1) {
    const offset = (i % 20) * 50;
    const t = performance.now();
    const r = await manager.get(`/api/v1/tourism/communities/${community.id}/sales?limit=50&offset=${offset}`);
    pageMs.push(performance.now() - t);
    if (r.status !== 200 || r.json.items.length !== 50 || r.json.total_sales !== saleCount) throw new Error(`page: ${r.status} ${r.text.slice(0, 200)}`);
  }
  const page = percentiles(pageMs);

  // 1,000 sales queued on one phone, sent in order as the journal does.
  const queued = [];
  let previous = ZERO_HASH;
  for (let sequence = 1; sequence <= 1000; sequence += 1) {
    const body = saleBody('bench-queued', sequence, new Date(Date.now() - (1000 - sequence) * 1000).toISOString().replace(/\.\d+Z$/, 'Z'), lines(sequence), previous);
    queued.push(body);
    previous = body.receipt_hash;
  }
  // The journal sends 100 at a time (POST /api/v1/tourism/sales/batch).
  const syncStart = performance.now();
  for (let start = 0; start < queued.length; start += 100) {
    const r = await manager.post('/api/v1/tourism/sales/batch', { sales: queued.slice(start, start + 100) });
    if (r.status !== 200 || r.json.results.some((x) => x.status !== 201)) throw new Error(`sync: ${r.status} ${r.text.slice(0, 300)}`);
  }
  const syncMs = performance.now() - syncStart;

  const result = {
    engine: engine(),
    lines: saleCount * 2,
    seed_seconds: Number(seedSeconds.toFixed(1)),
    sales_page_ms: { p50: Number(page.p50.toFixed(2)), p99: Number(page.p99.toFixed(2)), max: Number(page.max.toFixed(2)) },
    sync_1000_ms: Number(syncMs.toFixed(0)),
    targets: { sales_page_p99_ms: 20, sync_1000_ms: 2000 },
  };
  console.log(JSON.stringify(result, null, 1));
  if (page.p99 >= 20 || syncMs >= 2000) process.exitCode = 1;
} finally {
  await server.stop();
}
