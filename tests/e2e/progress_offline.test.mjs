// Field entry offline in a real browser (phone-sized, Debian's Chromium): the demo
// agency officer (provincial agriculture office) opens a project's progress page,
// loses the signal, records the month's progress and a photo from the camera (the
// position from the browser's Geolocation API), reloads the page without a signal
// (the service worker serves it; the entries wait in IndexedDB: "รอส่ง 2 รายการ"),
// gets the signal back and sees everything sent — exactly once, as the API shows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { signIn, startApp } from './lib/app.mjs';
import { Client, demoPassword, repoRoot } from '../lib/server.mjs';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const photoFile = join(repoRoot, 'tests', 'e2e', 'fixtures', 'site-photo.jpg');
// A road site in Mueang Trat district (demo position).
const site = { latitude: 12.2436, longitude: 102.5151, accuracy: 8 };

describe('field progress offline', () => {
  let app;
  let api;
  let plan;
  let project;
  before(async () => {
    app = await startApp();
    api = new Client(app.url);
    const signedIn = await api.post('/api/v1/auth/login', { username: 'strategy', password: demoPassword });
    assert.equal(signedIn.status, 200, signedIn.text);
    const list = await api.get('/api/v1/action-plans');
    plan = list.json.items.find((item) => item.fiscal_year === 2569);
    assert.ok(plan, 'the demo has the action plan of FY 2569');
    const detail = await api.get(`/api/v1/action-plans/${plan.id}`);
    project = detail.json.projects.find((item) => item.code === 'P11');
    assert.ok(project, 'P11 is in the action plan');
    assert.equal(project.agency, 'TRAT-DOAE', 'P11 belongs to the demo officer\'s agency');
  });
  after(async () => { await app?.stop(); });

  const reportsOf = async () => {
    const r = await api.get(`/api/v1/projects/${project.element_id}/progress`);
    assert.equal(r.status, 200, r.text);
    return r.json.items;
  };
  const photosOf = async () => {
    const r = await api.get(`/api/v1/projects/${project.element_id}/photos`);
    assert.equal(r.status, 200, r.text);
    return r.json.items;
  };

  test('progress and a photo recorded offline survive a reload and are sent once when the signal returns', async () => {
    const reportsBefore = await reportsOf();
    assert.ok(!reportsBefore.some((item) => item.month === '2026-09'), 'September is not reported yet');
    const latest = reportsBefore[reportsBefore.length - 1];
    assert.equal(latest.month, '2026-08');
    const photosBefore = (await photosOf()).length;

    const page = await app.newPage(phone);
    const context = page.context();
    await context.grantPermissions(['geolocation'], { origin: app.url });
    await context.setGeolocation(site);
    const path = `/action-plan/${plan.id}/projects/${project.element_id}/progress`;
    await signIn(page, 'agency', { next: path });
    await page.getByRole('heading', { name: 'รายงานความก้าวหน้าโครงการ', level: 1 }).waitFor();
    const counter = page.getByTestId('queue-count');
    await assert.doesNotReject(counter.waitFor());
    assert.equal(await counter.getAttribute('data-count'), '0');

    // The service worker controls the page and keeps everything it loaded.
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
    await page.getByTestId('offline-ready').getByText('หน้านี้เปิดได้แม้ไม่มีสัญญาณ').waitFor();
    await page.waitForFunction(async (id) => {
      const cache = await caches.open('changwat-assets-v1');
      const wanted = performance.getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
        .map((url) => url.pathname);
      const kept = await Promise.all(wanted.map((p) => cache.match(p)));
      const api = await caches.open('changwat-api-v1');
      const reads = ['/api/v1/auth/me', `/api/v1/projects/${id}/progress`, `/api/v1/projects/${id}/photos`];
      const keptReads = await Promise.all(reads.map((p) => api.match(location.origin + p)));
      return wanted.length > 0 && kept.every(Boolean) && keptReads.every(Boolean) && !!(await caches.match('/index.html'));
    }, project.element_id, { timeout: 15000, polling: 200 });

    // No signal at the site.
    await context.setOffline(true);
    const form = page.getByRole('form', { name: 'บันทึกความก้าวหน้าประจำเดือน' });
    await form.getByLabel('เดือนที่รายงาน').selectOption('2026-09');
    await form.getByLabel('ความก้าวหน้าทางกายภาพ (ร้อยละ)').fill('12.5');
    await form.getByLabel('สถานะโครงการ').selectOption('in_progress');
    await form.getByLabel('กิจกรรมที่ดำเนินการ').fill('ผู้รับจ้างเข้าพื้นที่ ปรับพื้นที่แปลงสาธิต (บันทึกขณะไม่มีสัญญาณ)');
    // The project's output indicator from the plan (its first indicator).
    await form.getByLabel(/^ผลผลิต: /).fill('๔๐');
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByTestId('field-notice').getByText('บันทึกไว้ในเครื่องแล้ว').waitFor();
    await page.getByText('รอส่ง 1 รายการ').waitFor();

    // A photo from the camera: kept with the position of the moment it was taken.
    await page.getByTestId('photo-input').setInputFiles(photoFile);
    await page.getByText('รอส่ง 2 รายการ').waitFor();
    await page.getByTestId('photo-waiting').getByText(/12\.24360, 102\.51510/).waitFor();

    // Nothing has reached the server.
    assert.ok(!(await reportsOf()).some((item) => item.month === '2026-09'));
    assert.equal((await photosOf()).length, photosBefore);

    // A reload without a signal: the page comes from the service worker and the
    // entries from IndexedDB.
    await page.reload();
    await page.getByRole('heading', { name: 'รายงานความก้าวหน้าโครงการ', level: 1 }).waitFor();
    await page.getByText('รอส่ง 2 รายการ').waitFor();
    assert.equal(await counter.getAttribute('data-count'), '2');
    await page.getByTestId('photo-waiting').waitFor();
    assert.ok(!(await reportsOf()).some((item) => item.month === '2026-09'), 'still nothing sent');

    // The signal returns: everything is sent and the counter reaches 0.
    await context.setOffline(false);
    await page.getByText('ส่งครบแล้ว').waitFor({ timeout: 20000 });
    assert.equal(await counter.getAttribute('data-count'), '0');
    await page.getByTestId('photo-sent').first().waitFor();

    // Exactly one progress write and one photo.
    const september = (await reportsOf()).filter((item) => item.month === '2026-09');
    assert.equal(september.length, 1);
    assert.equal(september[0].physical_percent, 12.5);
    assert.equal(september[0].status, 'in_progress');
    assert.equal(september[0].version, 1, 'written once (a second write would be version 2)');
    assert.equal(september[0].entered_by, 'agency');
    assert.deepEqual(september[0].indicators, [{ index: 0, value: 40 }]);
    const photos = await photosOf();
    assert.equal(photos.length, photosBefore + 1, 'one photo stored');
    const photo = photos[photos.length - 1];
    assert.equal(photo.position_source, 'device');
    assert.ok(Math.abs(photo.latitude - site.latitude) < 1e-6, `latitude ${photo.latitude}`);
    assert.ok(Math.abs(photo.longitude - site.longitude) < 1e-6, `longitude ${photo.longitude}`);
    assert.equal(photo.accuracy_m, site.accuracy);
    assert.equal(photo.content_type, 'image/jpeg');
    assert.equal(photo.width, 320);

    // Its thumbnail is shown once the server has made it (202 until then).
    await page.getByTestId('photo-thumbnail').first().waitFor({ timeout: 20000 });
    // Another reload and a wait: nothing is sent again.
    await page.reload();
    await page.getByText('ส่งครบแล้ว').waitFor();
    await page.waitForTimeout(1000);
    assert.equal((await reportsOf()).filter((item) => item.month === '2026-09').length, 1);
    assert.equal((await reportsOf()).find((item) => item.month === '2026-09').version, 1);
    assert.equal((await photosOf()).length, photosBefore + 1);
    assert.deepEqual(page.problems, []);
  });
  test('a drop in progress needs its reason, asked by the field before anything is sent', async () => {
    // The strategy office may report for any project: P12 stood at 53% in August.
    const detail = await api.get(`/api/v1/action-plans/${plan.id}`);
    const p12 = detail.json.projects.find((item) => item.code === 'P12');
    const before = (await api.get(`/api/v1/projects/${p12.element_id}/progress`)).json.items;
    const august = before.find((item) => item.month === '2026-08');
    assert.ok(august && august.physical_percent > 40, 'P12 reported more than 40% in August');

    const page = await app.newPage(phone);
    await signIn(page, 'strategy', { next: `/action-plan/${plan.id}/projects/${p12.element_id}/progress` });
    const form = page.getByRole('form', { name: 'บันทึกความก้าวหน้าประจำเดือน' });
    await form.getByLabel('เดือนที่รายงาน').selectOption('2026-09');
    // August's report is shown beside the form (the page knows what a drop is).
    await form.getByTestId('previous-report').getByText(/^เดือนสิงหาคม 2569: /).waitFor();
    await form.getByLabel('ความก้าวหน้าทางกายภาพ (ร้อยละ)').fill('40');
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
    const reason = form.getByLabel('เหตุผลที่ความก้าวหน้าลดลง');
    await form.getByText(/ความก้าวหน้าต่ำกว่าเดือนสิงหาคม 2569 \(\d+(\.\d+)?%\) ต้องระบุเหตุผล/).waitFor();
    assert.equal(await reason.getAttribute('aria-invalid'), 'true');
    const described = await reason.getAttribute('aria-describedby');
    assert.match(await page.locator(`[id="${described}"]`).innerText(), /ต้องระบุเหตุผล/);
    assert.equal(await page.getByTestId('queue-count').getAttribute('data-count'), '0', 'nothing kept to send');
    assert.ok(!(await api.get(`/api/v1/projects/${p12.element_id}/progress`)).json.items.some((i) => i.month === '2026-09'));

    await reason.fill('ฝนตกหนัก ต้องรื้อแบบหล่อคอนกรีตบางส่วน (ทดสอบ)');
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByTestId('field-notice').getByText('ส่งรายงานเดือนกันยายน 2569 แล้ว').waitFor();
    const stored = (await api.get(`/api/v1/projects/${p12.element_id}/progress`)).json.items.filter((i) => i.month === '2026-09');
    assert.equal(stored.length, 1);
    assert.equal(stored[0].physical_percent, 40);
    assert.equal(stored[0].reason_th, 'ฝนตกหนัก ต้องรื้อแบบหล่อคอนกรีตบางส่วน (ทดสอบ)');
    assert.deepEqual(page.problems, []);
  });
});
