// The platform pages in a real browser against the real server: sign-in, language,
// areas, agencies (admin edit) and the audit log that records the edit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, startApp } from './lib/app.mjs';

describe('platform pages', () => {
  let app;
  before(async () => { app = await startApp(); });
  after(async () => { await app?.stop(); });

  test('sign-in refuses a wrong password in Thai, then signs in and out', async () => {
    const page = await app.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('ชื่อผู้ใช้').fill('agency');
    await page.getByLabel('รหัสผ่าน').fill('not-the-password');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /[\u0E00-\u0E7F]/, 'the error is written in Thai');
    assert.equal(new URL(page.url()).pathname, '/sign-in');

    await signIn(page, 'agency');
    const banner = page.getByRole('banner');
    assert.match(await banner.innerText(), /เจ้าหน้าที่หน่วยงาน/, 'the role is shown in the header');
    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await page.waitForURL('**/sign-in');
    const me = await page.request.get('/api/v1/auth/me');
    assert.equal(me.status(), 401, 'the server session ended');
    assert.deepEqual(page.problems, []);
  });

  test('switching to English changes the text and survives a reload', async () => {
    const page = await app.newPage();
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'เมนูหลัก' });
    await nav.getByRole('link', { name: 'พื้นที่' }).waitFor();
    await page.getByRole('button', { name: 'เปลี่ยนภาษาเป็นภาษาอังกฤษ' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Areas' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    await page.reload();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Areas' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const fiscalYear = await page.getByTestId('current-fiscal-year').innerText();
    assert.match(fiscalYear, /^FY 25\d\d BE \(1 Oct 25\d\d BE – 30 Sept? 25\d\d BE\)$/, fiscalYear);

    await page.getByRole('button', { name: 'Switch language to Thai' }).click();
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'th');
  });

  test('browse Trat → Ko Chang → a subdistrict with breadcrumbs and demo villages', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'พื้นที่' }).click();
    await page.waitForURL('**/areas/23');
    await page.getByRole('heading', { level: 1, name: 'ตราด' }).waitFor();
    const districts = page.getByTestId('area-children').getByRole('link');
    assert.equal(await districts.count(), 7, 'Trat has 7 districts');
    const names = await page.getByTestId('area-children').locator('.area-name').allInnerTexts();
    // Thai collation puts เกาะกูด before เกาะช้าง and แหลมงอบ last.
    assert.deepEqual(names, ['เกาะกูด', 'เกาะช้าง', 'เขาสมิง', 'คลองใหญ่', 'บ่อไร่', 'เมืองตราด', 'แหลมงอบ']);

    await districts.filter({ hasText: 'เกาะช้าง' }).first().click();
    await page.waitForURL('**/areas/2307');
    await page.getByRole('heading', { level: 1, name: 'เกาะช้าง' }).waitFor();
    await page.getByTestId('area-children').getByRole('link', { name: /เกาะช้างใต้/ }).click();
    await page.waitForURL('**/areas/230702');
    await page.getByRole('heading', { level: 1, name: 'เกาะช้างใต้' }).waitFor();

    const crumbs = await page.getByRole('navigation', { name: 'ตำแหน่งพื้นที่' }).getByRole('listitem').allInnerTexts();
    assert.deepEqual(crumbs.map((c) => c.trim()), ['พื้นที่', 'ตราด', 'เกาะช้าง', 'เกาะช้างใต้']);
    const villages = page.getByTestId('area-children').getByRole('link');
    assert.ok((await villages.count()) > 0, 'the subdistrict lists villages');
    assert.ok(await villages.first().getByText('ข้อมูลตัวอย่าง').isVisible(), 'demo villages carry the demo badge');

    await page.getByRole('navigation', { name: 'ตำแหน่งพื้นที่' }).getByRole('link', { name: 'เกาะช้าง' }).click();
    await page.waitForURL('**/areas/2307');
    assert.deepEqual(page.problems, []);
  });

  test('an admin renames an agency and the audit log shows before → after', async () => {
    const page = await app.newPage();
    await signIn(page, 'admin', { next: '/agencies' });
    // After a reload the CSRF token comes back from /auth/me (it is kept in memory only).
    await page.reload();
    await page.getByRole('button', { name: 'ออกจากระบบ' }).waitFor();
    const row = page.locator('tr[data-code="TRAT-PO"]');
    await row.waitFor();
    const oldName = (await row.locator('td').nth(2).innerText()).trim();
    const newName = `Trat Provincial Office ${Date.now()}`;
    await row.getByRole('button', { name: /แก้ไข/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ชื่อภาษาอังกฤษ').fill(newName);
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await page.getByRole('status').filter({ hasText: 'TRAT-PO' }).waitFor();
    assert.equal((await row.locator('td').nth(2).innerText()).trim(), newName);

    // An empty name is refused next to the field, before anything is sent.
    await row.getByRole('button', { name: /แก้ไข/ }).click();
    await dialog.getByLabel('ชื่อภาษาไทย').fill('');
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await dialog.getByText('กรุณากรอกชื่อภาษาไทย').waitFor();
    assert.equal(await dialog.getByLabel('ชื่อภาษาไทย').getAttribute('aria-invalid'), 'true');
    await dialog.getByRole('button', { name: 'ยกเลิก' }).click();

    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'บันทึกการเปลี่ยนแปลง' }).click();
    await page.waitForURL('**/audit');
    await page.getByLabel('ประเภทข้อมูล').fill('agency');
    await page.getByLabel('ผู้ใช้').fill('admin');
    await page.getByRole('button', { name: 'ค้นหา' }).click();
    await page.waitForURL(/entity=agency/);
    const entry = page.locator('[data-testid="audit-entry"][data-entity-id="TRAT-PO"]').first();
    await entry.waitFor();
    const text = await entry.innerText();
    assert.match(text, /ผู้ทำรายการ: ผู้ดูแลระบบ \(ตัวอย่าง\)/, 'the person is named, not their username');
    assert.equal((await entry.locator('del').filter({ hasText: oldName }).count()), 1, text);
    assert.equal((await entry.locator('ins').filter({ hasText: newName }).count()), 1, text);
    assert.match(await entry.locator('time').innerText(), /25\d\d/, 'the time is shown in the Buddhist era');
    assert.deepEqual(page.problems, []);
  });

  test('the audit log is for admins and auditors only', async () => {
    const anonymous = await app.newPage();
    await anonymous.goto('/audit');
    await anonymous.waitForURL(/\/sign-in\?next=%2Faudit/);

    const officer = await app.newPage();
    await signIn(officer, 'agency');
    await officer.goto('/audit');
    await officer.getByRole('alert').filter({ hasText: 'ผู้ดูแลระบบ' }).waitFor();
    assert.equal(await officer.getByTestId('audit-entry').count(), 0);

    const auditor = await app.newPage();
    await signIn(auditor, 'auditor', { next: '/audit' });
    await auditor.getByRole('heading', { level: 1, name: 'บันทึกการเปลี่ยนแปลง' }).waitFor();
    await auditor.getByRole('button', { name: 'ค้นหา' }).waitFor();
  });

  test('the audit date filter takes Buddhist-era dates', async () => {
    const page = await app.newPage();
    await signIn(page, 'auditor', { next: '/audit' });
    const from = page.getByRole('group', { name: 'ตั้งแต่วันที่' });
    await from.getByRole('combobox').nth(0).selectOption('1');
    await from.getByRole('combobox').nth(1).selectOption({ label: 'มกราคม' });
    await from.getByRole('textbox').fill('2568');
    const to = page.getByRole('group', { name: 'ถึงวันที่' });
    await to.getByRole('combobox').nth(0).selectOption('31');
    await to.getByRole('combobox').nth(1).selectOption({ label: 'ธันวาคม' });
    await to.getByRole('textbox').fill('2567');
    await page.getByRole('button', { name: 'ค้นหา' }).click();
    await page.getByText('วันที่เริ่มต้องไม่หลังวันที่สิ้นสุด').waitFor();

    await to.getByRole('textbox').fill('2570');
    await page.getByRole('button', { name: 'ค้นหา' }).click();
    await page.waitForURL(/from=2025-01-01&to=2027-12-31/);
    const response = await page.request.get('/api/v1/audit?from=2025-01-01&to=2027-12-31&limit=1');
    assert.equal(response.status(), 200);
  });

  test('on a phone the menu opens from a button; modules not built say so', async () => {
    const page = await app.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto('/');
    const menu = page.getByRole('navigation', { name: 'เมนูหลัก' });
    assert.equal(await menu.isVisible(), false, 'the menu is folded away on a phone');
    await page.getByRole('button', { name: 'เมนู' }).click();
    await menu.getByRole('link', { name: 'ควบคุมโรค' }).click();
    await page.waitForURL('**/epidemic');
    await page.getByTestId('coming-soon').waitFor();
    assert.match(await page.getByTestId('coming-soon').innerText(), /ยังไม่เปิดใช้งาน/);
    assert.equal(await menu.isVisible(), false, 'the menu closes after choosing a page');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling on a phone (page is ${width}px wide)`);
  });
});
