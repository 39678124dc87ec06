// Sales offline in a real browser (phone-sized, Debian's Chromium): the demo community
// manager opens the sales page, loses the signal, sells three items (three sales, each
// kept in the phone's journal chained by hash), reloads without a signal and sees
// "รอส่ง 3 รายการ", gets the signal back, and the community's income page shows the
// three sales once — as the API does.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, startApp } from './lib/app.mjs';
import { Client, demoPassword } from '../lib/server.mjs';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// The Buddhist-era fiscal year and the Gregorian month of now in Thailand.
function thaiNow() {
  const thai = new Date(Date.now() + 7 * 3600 * 1000);
  const month = `${thai.getUTCFullYear()}-${String(thai.getUTCMonth() + 1).padStart(2, '0')}`;
  return { month, fiscalYear: thai.getUTCFullYear() + 543 + (thai.getUTCMonth() >= 9 ? 1 : 0) };
}

describe('tourism sales offline', () => {
  let app;
  let api;
  let communityId;
  before(async () => {
    app = await startApp();
    api = new Client(app.url);
    const signedIn = await api.post('/api/v1/auth/login', { username: 'community', password: demoPassword });
    assert.equal(signedIn.status, 200, signedIn.text);
    communityId = signedIn.json.user.community_id;
    assert.equal(typeof communityId, 'number', 'the demo manager has a community');
  });
  after(async () => { await app?.stop(); });

  const monthTotal = async () => {
    const { month, fiscalYear } = thaiNow();
    const income = await api.get(`/api/v1/tourism/communities/${communityId}/income?fiscal_year=${fiscalYear}`);
    assert.equal(income.status, 200, income.text);
    return income.json.months.find((m) => m.month === month).total_satang;
  };
  const salesCount = async () => (await api.get(`/api/v1/tourism/communities/${communityId}/sales?limit=1`)).json.total_sales;

  test('three sales made offline survive a reload and reach the income page once', async () => {
    const totalBefore = await monthTotal();
    const countBefore = await salesCount();
    const products = (await api.get(`/api/v1/tourism/communities/${communityId}/products`)).json.items;
    const product = products[0];

    const page = await app.newPage(phone);
    const context = page.context();
    await signIn(page, 'community', { next: '/tourism/sell' });
    await page.getByRole('heading', { name: 'ขายสินค้าและกิจกรรม', level: 1 }).waitFor();
    const counter = page.getByTestId('tourism-waiting');
    await page.getByText('ส่งครบแล้ว').waitFor();
    await page.getByRole('button', { name: `เพิ่ม ${product.name_th}` }).waitFor();

    // The service worker controls the page and keeps what it needs for a reload.
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
    await page.waitForFunction(async (id) => {
      const cache = await caches.open('changwat-api-v1');
      const reads = ['/api/v1/auth/me', `/api/v1/tourism/communities/${id}`, `/api/v1/tourism/communities/${id}/products`, `/api/v1/tourism/communities/${id}/experiences`];
      const kept = await Promise.all(reads.map((p) => cache.match(location.origin + p)));
      return kept.every(Boolean) && !!(await caches.match('/index.html'));
    }, communityId, { timeout: 15000, polling: 200 });

    await context.setOffline(true);
    for (let i = 0; i < 3; i += 1) {
      await page.getByRole('button', { name: `เพิ่ม ${product.name_th}` }).click();
      await page.getByRole('button', { name: 'บันทึกการขาย' }).click();
      await page.getByText(`รอส่ง ${i + 1} รายการ`).waitFor();
    }
    assert.equal(await salesCount(), countBefore, 'nothing reached the server');

    await page.reload();
    await page.getByRole('heading', { name: 'ขายสินค้าและกิจกรรม', level: 1 }).waitFor();
    await page.getByText('รอส่ง 3 รายการ').waitFor();
    assert.equal(await counter.getAttribute('data-count'), '3');

    await context.setOffline(false);
    await page.getByText('ส่งครบแล้ว').waitFor({ timeout: 20000 });
    assert.equal(await salesCount(), countBefore + 3, 'three sales, once each');

    // An acknowledged sale shows its PromptPay QR to the community's payee.
    await page.getByRole('button', { name: 'QR พร้อมเพย์' }).first().click();
    const qr = page.getByTestId('promptpay-qr');
    await qr.waitFor();
    assert.match(await qr.getAttribute('data-payload'), /^000201010212(29|30).*6304[0-9A-F]{4}$/);

    const { month } = thaiNow();
    await page.goto(`/tourism/communities/${communityId}/income`);
    const row = page.locator(`tr[data-month="${month}"]`);
    await row.waitFor();
    const expected = totalBefore + 3 * product.price_satang;
    assert.equal(Number(await row.getAttribute('data-satang')), expected);
    assert.equal(await monthTotal(), expected);

    // Another reload and a wait: nothing is sent again.
    await page.goto('/tourism/sell');
    await page.getByText('ส่งครบแล้ว').waitFor();
    await page.waitForTimeout(1000);
    assert.equal(await salesCount(), countBefore + 3);
    assert.deepEqual(page.problems, []);
  });
});
