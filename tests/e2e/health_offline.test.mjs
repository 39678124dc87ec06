// Health module in a real browser (phone-sized, Debian's Chromium):
// 1. a checkpoint officer at a pier loses the signal, screens five people, reloads the
//    page without a signal (the service worker serves it; the screenings wait on the
//    phone), gets the signal back, and the EOC board counts the five exactly once;
// 2. an officer opens a case, converts its symptomatic contact into a suspect case
//    and sees the new case in the transmission chain, linked to its source.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, startApp } from './lib/app.mjs';
import { Client, demoPassword } from '../lib/server.mjs';
import { addDays, newCase, person, thaiToday } from '../lib/health.mjs';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('health in the browser', () => {
  let app;
  let api;
  const today = thaiToday();
  before(async () => {
    app = await startApp();
    api = new Client(app.url);
    const signedIn = await api.post('/api/v1/auth/login', { username: 'health', password: demoPassword });
    assert.equal(signedIn.status, 200, signedIn.text);
  });
  after(async () => { await app?.stop(); });

  const screenedToday = async () => {
    const r = await api.get(`/api/v1/health/board?date=${today}`);
    assert.equal(r.status, 200, r.text);
    return r.json.screenings_today;
  };

  test('five screenings at a pier offline survive a reload and reach the board once', async () => {
    const before = await screenedToday();
    const page = await app.newPage(phone);
    const context = page.context();
    await signIn(page, 'health', { next: '/health/screen' });
    await page.getByRole('heading', { name: 'คัดกรองที่ด่าน', level: 1 }).waitFor();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
    await page.waitForFunction(async () => {
      const api = await caches.open('changwat-api-v1');
      const reads = ['/api/v1/auth/me', '/api/v1/health/checkpoints'];
      const kept = await Promise.all(reads.map((p) => api.match(location.origin + p)));
      return kept.every(Boolean) && !!(await caches.match('/index.html'));
    }, null, { timeout: 15000, polling: 200 });
    const pier = page.getByTestId('checkpoint');
    const option = await pier.locator('option', { hasText: 'ท่าเรืออ่าวธรรมชาติ' }).getAttribute('value');
    await pier.selectOption(option);

    await context.setOffline(true);
    await page.getByText('ไม่มีสัญญาณ').waitFor();
    for (let i = 1; i <= 5; i += 1) {
      await page.getByLabel(/^ชื่อ-สกุล/).fill(`ผู้โดยสาร เรือเช้า${i}`);
      await page.getByLabel(/^อุณหภูมิ/).fill(i === 3 ? '37.8' : '36.6');
      if (i === 3) await page.getByRole('button', { name: /^ไข้/ }).click();
      await page.getByTestId('save-screening').click();
      await page.getByText(`รอส่ง ${i} รายการ`).waitFor();
    }
    assert.equal(await screenedToday(), before, 'nothing reached the server yet');

    await page.reload();
    await page.getByRole('heading', { name: 'คัดกรองที่ด่าน', level: 1 }).waitFor();
    await page.getByText('รอส่ง 5 รายการ').waitFor();
    assert.equal(await screenedToday(), before, 'still nothing sent');

    await context.setOffline(false);
    await page.getByText('รอส่ง 0 รายการ').waitFor({ timeout: 20000 });
    assert.equal(await page.locator('.health-refused li').count(), 0, 'none refused');
    assert.equal(await screenedToday(), before + 5);
    // Another reload and a wait: nothing is sent again.
    await page.reload();
    await page.getByText('รอส่ง 0 รายการ').waitFor();
    await page.waitForTimeout(1500);
    assert.equal(await screenedToday(), before + 5);
    // The board shows them.
    await page.goto('/health');
    await page.getByTestId('screenings-today').getByText(String(before + 5)).waitFor();
    assert.deepEqual(page.problems, []);
  });

  test('a symptomatic contact becomes a suspect case, seen in the chain beside its source', async () => {
    const source = await api.post('/api/v1/health/cases', newCase({ classification: 'confirmed', reported_on: addDays(today, -3), onset_on: addDays(today, -4) }));
    assert.equal(source.status, 201, source.text);
    const contact = await api.post(`/api/v1/health/cases/${source.json.id}/contacts`, { person: person('ผู้สัมผัส มีไข้ในเบราว์เซอร์'), last_contact_on: addDays(today, -2), exposure: 'household', risk: 'high' });
    assert.equal(contact.status, 201, contact.text);
    const page = await app.newPage(phone);
    await signIn(page, 'health', { next: `/health/cases/${source.json.id}` });
    await page.getByTestId('case-number').getByText(source.json.case_number).waitFor();
    const row = page.getByTestId(`contact-${contact.json.id}`);
    await row.getByTestId('visit-fever').click();
    // The visit's symptoms offer the conversion.
    await row.getByTestId('convert').waitFor();
    await row.getByTestId('convert').click();
    await page.waitForURL((url) => /\/health\/cases\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${source.json.id}`));
    const newId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('source-case').waitFor();
    const edge = page.locator(`[data-edge="case-${source.json.id}>case-${newId}"]`);
    await edge.waitFor({ state: 'attached' });
    const made = await api.get(`/api/v1/health/cases/${newId}`);
    assert.equal(made.json.classification, 'suspect');
    assert.equal(made.json.source_case_id, source.json.id);
    assert.equal(made.json.from_contact_id, contact.json.id);
    assert.deepEqual(page.problems, []);
  });
});
