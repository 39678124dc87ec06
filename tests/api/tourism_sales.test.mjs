// tests/api/tourism_sales.test.mjs — sales from a manager's phone: the receipt hash
// chain (recipe of issue 12, computed here independently), replay by device and
// sequence, bad lines, prices, other communities, PromptPay payloads checked against
// the npm promptparse generator, payment confirmation, and income by fiscal month.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generate } from 'promptparse';
import { startServer } from '../lib/server.mjs';
import { ZERO_HASH, communityWithManager, receiptHash, saleBody } from '../lib/tourism.mjs';

let server;
let strategy;
let admin;
let shop;   // { community, manager, product, experience }
before(async () => {
  server = await startServer({ demo: true });
  strategy = await server.login('strategy');
  admin = await server.login('admin');
  const made = await communityWithManager(server, strategy, admin);
  const product = await made.manager.post(`/api/v1/tourism/communities/${made.community.id}/products`, {
    name_th: 'กะปิทดสอบ', otop_group: 'food', price_satang: 12050, stars: 3, star_round: 2567, standards: ['fda'], stock: 40 });
  assert.equal(product.status, 201, product.text);
  const experience = await made.manager.post(`/api/v1/tourism/communities/${made.community.id}/experiences`, {
    name_th: 'ล่องเรือทดสอบ', price_satang: 40000, capacity: 20, languages: ['th', 'en'] });
  assert.equal(experience.status, 201, experience.text);
  const rules = await made.manager.put(`/api/v1/tourism/communities/${made.community.id}/split-rules`, { rules: [
    { applies_to: 'product', producer_percent: 70, guide_percent: 0, homestay_percent: 0, fund_percent: 30 },
    { applies_to: 'experience', producer_percent: 0, guide_percent: 50, homestay_percent: 30, fund_percent: 20 }] });
  assert.equal(rules.status, 200, rules.text);
  shop = { ...made, product: product.json, experience: experience.json };
});
after(async () => { await server?.stop(); });

const device = () => `phone-${Math.random().toString(36).slice(2, 10)}`;

test('a sale is recorded once: the same device and sequence again gets the first answer, other lines 409', async () => {
  const d = device();
  const lines = [{ product_id: shop.product.id, quantity: 2, unit_price_satang: 12050 }, { experience_id: shop.experience.id, quantity: 1, unit_price_satang: 40000 }];
  const body = saleBody(d, 1, '2026-11-28T03:00:00Z', lines);
  const first = await shop.manager.post('/api/v1/tourism/sales', body);
  assert.equal(first.status, 201, first.text);
  assert.equal(first.json.total_satang, 2 * 12050 + 40000);
  assert.equal(first.json.receipt_hash, body.receipt_hash);
  const again = await shop.manager.post('/api/v1/tourism/sales', body);
  assert.equal(again.status, 200);
  assert.deepEqual(again.json, first.json);
  const other = await shop.manager.post('/api/v1/tourism/sales', saleBody(d, 1, '2026-11-28T03:00:00Z', [lines[0]]));
  assert.equal(other.status, 409);
  const stored = await shop.manager.get(`/api/v1/tourism/sales/${first.json.id}`);
  assert.equal(stored.json.lines.length, 2);
  // The split by the community's published rules: 70/30 for products, 50/30/20 for experiences.
  assert.equal(stored.json.to_fund_satang, Math.round(24100 * 0.3) + 8000);
  assert.equal(stored.json.to_residents_satang, 24100 - Math.round(24100 * 0.3) + 32000);
  const page = await shop.manager.get(`/api/v1/tourism/communities/${shop.community.id}/sales`);
  assert.equal(page.json.items.filter((s) => s.device_id === d).length, 1, 'no duplicate');
});

test('a queue sent at once: each sale answered alone, a refused one does not stop the others, a resend is 200', async () => {
  const d = device();
  const line = [{ product_id: shop.product.id, quantity: 1, unit_price_satang: 12050 }];
  const one = saleBody(d, 1, '2026-11-29T01:00:00Z', line);
  const bad = saleBody(d, 2, '2026-11-29T01:01:00Z', [{ product_id: shop.product.id, quantity: 0, unit_price_satang: 12050 }], one.receipt_hash);
  const two = saleBody(d, 2, '2026-11-29T01:02:00Z', line, one.receipt_hash);
  const three = saleBody(d, 3, '2026-11-29T01:03:00Z', line, two.receipt_hash);
  const sent = await shop.manager.post('/api/v1/tourism/sales/batch', { sales: [one, bad, two, three] });
  assert.equal(sent.status, 200, sent.text);
  assert.deepEqual(sent.json.results.map((r) => r.status), [201, 422, 201, 201]);
  assert.equal(sent.json.results[1].error.code, 'invalid_quantity');
  assert.equal(sent.json.results[3].gap_before, false);
  const again = await shop.manager.post('/api/v1/tourism/sales/batch', { sales: [one, two, three] });
  assert.deepEqual(again.json.results.map((r) => r.status), [200, 200, 200]);
  assert.deepEqual(again.json.results.map((r) => r.id), [sent.json.results[0].id, sent.json.results[2].id, sent.json.results[3].id]);
  const page = await shop.manager.get(`/api/v1/tourism/communities/${shop.community.id}/sales?limit=500`);
  assert.equal(page.json.items.filter((s) => s.device_id === d).length, 3);
  assert.equal((await strategy.post('/api/v1/tourism/sales/batch', { sales: [one] })).status, 403);
});

test('the chain: a wrong receipt_hash or a broken link is 422 and stores nothing; a gap is accepted and flagged', async () => {
  const d = device();
  const line = [{ product_id: shop.product.id, quantity: 1, unit_price_satang: 12050 }];
  const one = saleBody(d, 1, '2026-11-28T04:00:00Z', line);
  assert.equal((await shop.manager.post('/api/v1/tourism/sales', one)).status, 201);
  const wrongHash = { ...saleBody(d, 2, '2026-11-28T04:05:00Z', line, one.receipt_hash), receipt_hash: 'a'.repeat(64) };
  const r1 = await shop.manager.post('/api/v1/tourism/sales', wrongHash);
  assert.equal(r1.status, 422);
  assert.equal(r1.json.error.code, 'receipt_hash_mismatch');
  const broken = saleBody(d, 2, '2026-11-28T04:05:00Z', line, 'b'.repeat(64));
  const r2 = await shop.manager.post('/api/v1/tourism/sales', broken);
  assert.equal(r2.status, 422);
  assert.equal(r2.json.error.code, 'broken_chain');
  const badFirst = saleBody(device(), 1, '2026-11-28T04:05:00Z', line, 'c'.repeat(64));
  assert.equal((await shop.manager.post('/api/v1/tourism/sales', badFirst)).status, 422);
  // Sequence 3 before 2: accepted, flagged; 2 then arrives, links both ways and clears the flag.
  const two = saleBody(d, 2, '2026-11-28T04:10:00Z', line, one.receipt_hash);
  const three = saleBody(d, 3, '2026-11-28T04:20:00Z', line, two.receipt_hash);
  const gap = await shop.manager.post('/api/v1/tourism/sales', three);
  assert.equal(gap.status, 201, gap.text);
  assert.equal(gap.json.gap_before, true);
  const filled = await shop.manager.post('/api/v1/tourism/sales', two);
  assert.equal(filled.status, 201, filled.text);
  assert.equal(filled.json.gap_before, false);
  const after = await shop.manager.get(`/api/v1/tourism/sales/${gap.json.id}`);
  assert.equal(after.json.gap_before, false);
  const page = await shop.manager.get(`/api/v1/tourism/communities/${shop.community.id}/sales?limit=500`);
  assert.equal(page.json.items.filter((s) => s.device_id === d).length, 3);
});

test('zero or negative quantity, a price that was not the price at the time of sale, another community\'s product: refused, nothing stored', async () => {
  const d = device();
  for (const quantity of [0, -1]) {
    const r = await shop.manager.post('/api/v1/tourism/sales', saleBody(d, 1, '2026-11-28T05:00:00Z', [{ product_id: shop.product.id, quantity, unit_price_satang: 12050 }]));
    assert.equal(r.status, 422, r.text);
    assert.ok(r.json.error.fields['lines[0].quantity']);
  }
  const cheap = await shop.manager.post('/api/v1/tourism/sales', saleBody(d, 1, '2026-11-28T05:00:00Z', [{ product_id: shop.product.id, quantity: 1, unit_price_satang: 100 }]));
  assert.equal(cheap.status, 422);
  assert.equal(cheap.json.error.code, 'price_mismatch');
  assert.ok(cheap.json.error.fields['lines[0].unit_price_satang']);
  const demoCommunity = (await server.client().get('/api/v1/tourism/communities')).json.items.find((c) => c.demo);
  const demoProduct = (await server.client().get(`/api/v1/tourism/communities/${demoCommunity.id}/products`)).json.items[0];
  const foreign = await shop.manager.post('/api/v1/tourism/sales', saleBody(d, 1, '2026-11-28T05:00:00Z', [{ product_id: demoProduct.id, quantity: 1, unit_price_satang: demoProduct.price_satang }]));
  assert.ok([403, 422].includes(foreign.status), foreign.text);
  const page = await shop.manager.get(`/api/v1/tourism/communities/${shop.community.id}/sales?limit=500`);
  assert.equal(page.json.items.filter((s) => s.device_id === d).length, 0);
  const notManager = await strategy.post('/api/v1/tourism/sales', saleBody(d, 1, '2026-11-28T05:00:00Z', [{ product_id: shop.product.id, quantity: 1, unit_price_satang: 12050 }]));
  assert.equal(notManager.status, 403);
  const anonymous = await server.client().post('/api/v1/tourism/sales', saleBody(d, 1, '2026-11-28T05:00:00Z', [{ product_id: shop.product.id, quantity: 1, unit_price_satang: 12050 }]));
  assert.equal(anonymous.status, 401);
  const otherShop = await communityWithManager(server, strategy, admin);
  const sales = await otherShop.manager.get(`/api/v1/tourism/communities/${shop.community.id}/sales`);
  assert.equal(sales.status, 403);
});

test('a price changed after a sale does not alter the sale; a phone that sold before the change is still right', async () => {
  const made = await communityWithManager(server, strategy, admin);
  const product = (await made.manager.post(`/api/v1/tourism/communities/${made.community.id}/products`, { name_th: 'สบู่', otop_group: 'herbal', price_satang: 5000 })).json;
  const d = device();
  const before = saleBody(d, 1, new Date(Date.now() - 60000).toISOString().replace(/\.\d+Z$/, 'Z'), [{ product_id: product.id, quantity: 2, unit_price_satang: 5000 }]);
  const sold = await made.manager.post('/api/v1/tourism/sales', before);
  assert.equal(sold.status, 201, sold.text);
  const changed = await made.manager.patch(`/api/v1/tourism/items/${product.id}`, { version: product.version, price_satang: 6000 });
  assert.equal(changed.status, 200, changed.text);
  const stale = await made.manager.patch(`/api/v1/tourism/items/${product.id}`, { version: product.version, price_satang: 7000 });
  assert.equal(stale.status, 409);
  const stored = await made.manager.get(`/api/v1/tourism/sales/${sold.json.id}`);
  assert.equal(stored.json.total_satang, 10000);
  assert.equal(stored.json.lines[0].unit_price_satang, 5000);
  // Sold offline before the change, sent after it: the old price is the right one.
  const lateTime = new Date(Date.now() - 30000).toISOString().replace(/\.\d+Z$/, 'Z');
  const late = saleBody(d, 2, lateTime, [{ product_id: product.id, quantity: 1, unit_price_satang: 5000 }], before.receipt_hash);
  const lateAnswer = await made.manager.post('/api/v1/tourism/sales', late);
  assert.equal(lateAnswer.status, 201, lateAnswer.text);
  const now = new Date(Date.now() + 5000).toISOString().replace(/\.\d+Z$/, 'Z');
  const oldPriceNow = saleBody(d, 3, now, [{ product_id: product.id, quantity: 1, unit_price_satang: 5000 }], late.receipt_hash);
  assert.equal((await made.manager.post('/api/v1/tourism/sales', oldPriceNow)).status, 422);
  const newPriceNow = saleBody(d, 3, now, [{ product_id: product.id, quantity: 1, unit_price_satang: 6000 }], late.receipt_hash);
  assert.equal((await made.manager.post('/api/v1/tourism/sales', newPriceNow)).status, 201);
});

test('PromptPay payloads equal the promptparse generator (phone, 13-digit ID, bill payment); payment verified only by the manager', async () => {
  const cases = [
    { promptpay_id: '0812345678', expect: (amount) => generate.anyId({ type: 'MSISDN', target: '0812345678', amount }) },
    { promptpay_id: '1101700230708', expect: (amount) => generate.anyId({ type: 'NATID', target: '1101700230708', amount }) },
    { promptpay_id: null, biller_id: '010753600031508', expect: (amount, ref) => generate.billPayment({ billerId: '010753600031508', ref1: ref, amount }) },
  ];
  for (const c of cases) {
    const made = await communityWithManager(server, strategy, admin, { promptpay_id: c.promptpay_id, biller_id: c.biller_id ?? null });
    const product = (await made.manager.post(`/api/v1/tourism/communities/${made.community.id}/products`, { name_th: 'ผ้ามัดย้อม', otop_group: 'textile', price_satang: 45075 })).json;
    const sale = await made.manager.post('/api/v1/tourism/sales', saleBody(device(), 1, '2026-11-28T06:00:00Z', [{ product_id: product.id, quantity: 3, unit_price_satang: 45075 }]));
    assert.equal(sale.status, 201, sale.text);
    const qr = await made.manager.get(`/api/v1/tourism/sales/${sale.json.id}/promptpay`);
    assert.equal(qr.status, 200, qr.text);
    assert.equal(qr.json.amount_satang, 135225);
    assert.equal(qr.json.payload, c.expect(1352.25, sale.json.sale_number));
    assert.match(qr.json.payload, /6304[0-9A-F]{4}$/);
    const stranger = await server.client().get(`/api/v1/tourism/sales/${sale.json.id}/promptpay`);
    assert.equal(stranger.status, 401);
    if (c.promptpay_id === '0812345678') {
      assert.ok(qr.json.payload.includes('0016A00000067701011101130066812345678'));
      const byStrategy = await strategy.post(`/api/v1/tourism/sales/${sale.json.id}/payment`, { reference: 'SLIP-1' });
      assert.equal(byStrategy.status, 403);
      const unpaid = await made.manager.get(`/api/v1/tourism/sales/${sale.json.id}`);
      assert.equal(unpaid.json.payment_status, 'unpaid');
      const verified = await made.manager.post(`/api/v1/tourism/sales/${sale.json.id}/payment`, { reference: 'SLIP-1' });
      assert.equal(verified.status, 200, verified.text);
      assert.equal(verified.json.payment_status, 'verified');
      assert.equal((await made.manager.post(`/api/v1/tourism/sales/${sale.json.id}/payment`, { reference: 'SLIP-2' })).status, 409);
    }
  }
});

test('income by month of the Buddhist-era fiscal year: totals, to residents, to the fund, share; null for months without income', async () => {
  const made = await communityWithManager(server, strategy, admin);
  const product = (await made.manager.post(`/api/v1/tourism/communities/${made.community.id}/products`, { name_th: 'น้ำระกำ', otop_group: 'drink', price_satang: 4500 })).json;
  await made.manager.put(`/api/v1/tourism/communities/${made.community.id}/split-rules`, { rules: [
    { applies_to: 'product', producer_percent: 80, guide_percent: 0, homestay_percent: 0, fund_percent: 20 }] });
  const d = device();
  // 2026-11-30T18:00Z is 1 December in Thailand: it counts in December.
  const first = saleBody(d, 1, '2026-11-30T18:00:00Z', [{ product_id: product.id, quantity: 10, unit_price_satang: 4500 }]);
  const second = saleBody(d, 2, '2026-10-05T02:00:00Z', [{ product_id: product.id, quantity: 2, unit_price_satang: 4500 }], first.receipt_hash);
  assert.equal((await made.manager.post('/api/v1/tourism/sales', first)).status, 201);
  assert.equal((await made.manager.post('/api/v1/tourism/sales', second)).status, 201);
  const income = await server.client().get(`/api/v1/tourism/communities/${made.community.id}/income?fiscal_year=2570`);
  assert.equal(income.status, 200, income.text);
  assert.equal(income.json.months.length, 12);
  assert.equal(income.json.months[0].month, '2026-10');
  assert.equal(income.json.months[11].month, '2027-09');
  const december = income.json.months.find((m) => m.month === '2026-12');
  assert.deepEqual(december, { month: '2026-12', total_satang: 45000, to_residents_satang: 36000, to_fund_satang: 9000, share_to_residents: 0.8 });
  assert.equal(income.json.months.find((m) => m.month === '2026-11').share_to_residents, null);
  assert.equal(income.json.months[0].total_satang, 9000);
  const missing = await server.client().get(`/api/v1/tourism/communities/${made.community.id}/income`);
  assert.equal(missing.status, 400);
  assert.ok(missing.json.error.fields.fiscal_year);
  const demo = (await server.client().get('/api/v1/tourism/communities')).json.items.find((c) => c.demo);
  const fy = new Date().getUTCMonth() >= 9 ? new Date().getUTCFullYear() + 544 : new Date().getUTCFullYear() + 543;
  const demoIncome = await server.client().get(`/api/v1/tourism/communities/${demo.id}/income?fiscal_year=${fy}`);
  assert.ok(demoIncome.json.months.some((m) => m.total_satang > 0), 'the demo year of sales');
});

test('the program view ranks villages by verified revenue (executives; not the public)', async () => {
  const exec = await server.login('executive');
  const fy = new Date().getUTCMonth() >= 9 ? new Date().getUTCFullYear() + 544 : new Date().getUTCFullYear() + 543;
  const view = await exec.get(`/api/v1/tourism/program?fiscal_year=${fy}`);
  assert.equal(view.status, 200, view.text);
  const revenue = view.json.villages.map((v) => v.verified_revenue_satang);
  assert.deepEqual(revenue, [...revenue].sort((a, b) => b - a));
  assert.ok(revenue[0] > 0);
  assert.ok(view.json.star_upgrades.some((s) => s.upgrades > 0), 'demo products went up a star between rounds');
  assert.ok(view.json.villages.some((v) => v.active_after_12_months));
  assert.equal((await server.client().get(`/api/v1/tourism/program?fiscal_year=${fy}`)).status, 401);
  const manager = await server.login('community');
  assert.equal((await manager.get(`/api/v1/tourism/program?fiscal_year=${fy}`)).status, 403);
});
