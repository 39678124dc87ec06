// Issue 14, tried as a new user would: each test is one fault a first user hit, on a
// desktop (1366×900) or a phone (390×844) in Debian's Chromium against the real server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { runSql } from '../lib/sql.mjs';
import { signIn, startApp } from './lib/app.mjs';

const desktop = { viewport: { width: 1366, height: 900 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('first use (issue 14)', () => {
  let app;
  let strategy; // API client of the strategy office
  before(async () => {
    app = await startApp();
    strategy = await app.server.login('strategy');
    // The first page of a fresh browser loads the bundle cold; on a loaded machine
    // that alone can take most of a step's time, so it happens here.
    const warm = await app.newPage();
    await warm.goto('/sign-in');
    await warm.getByLabel('ชื่อผู้ใช้').waitFor({ timeout: 60000 });
  });
  after(async () => { await app?.stop(); });

  // A public submission through the API (the form's token and minimum fill time).
  async function submitPublicNeed(title) {
    const visitor = app.server.client();
    const form = (await visitor.get('/api/v1/needs/public/form')).json;
    await sleep(form.min_fill_seconds * 1000 + 300);
    const r = await visitor.post('/api/v1/needs/public', {
      form_token: form.form_token, website: '', title, description: 'รายละเอียดสำหรับการทดสอบ',
      dimension: 'society', sector: 'people', area_code: '2307',
    });
    assert.equal(r.status, 202, r.text);
    return r.json;
  }

  // Chromium logs every 4xx answer as a console error; pages must not cause one.
  function watchConsole(page) {
    const errors = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('dialog', (dialog) => { errors.push(`browser dialog: ${dialog.message()}`); void dialog.dismiss(); });
    return errors;
  }

  test('rejecting a submission asks for the reason in a dialog, with the field named in Thai', async () => {
    const title = `ขอซ่อมศาลาหมู่บ้าน ${Date.now()}`;
    const { receipt } = await submitPublicNeed(title);
    const page = await app.newPage(desktop);
    const errors = watchConsole(page);
    await signIn(page, 'strategy', { next: '/needs' });
    const pending = page.getByTestId('pending-need').filter({ hasText: title });
    await pending.getByRole('button', { name: 'ไม่อนุมัติ' }).click();
    const dialog = page.getByRole('dialog', { name: `ไม่อนุมัติให้เผยแพร่: ${title}` });
    await dialog.waitFor();
    const reason = dialog.getByLabel('เหตุผลที่ไม่อนุมัติ', { exact: true });
    // The reason is required: asked for before anything is sent, in Thai.
    await dialog.getByRole('button', { name: 'ไม่อนุมัติ' }).click();
    await dialog.getByText('กรุณาระบุเหตุผล').waitFor();
    assert.equal(await reason.getAttribute('aria-invalid'), 'true');
    assert.doesNotMatch(await dialog.innerText(), /reason/);
    await reason.fill('ซ้ำกับเรื่องที่ส่งไว้แล้ว');
    await dialog.getByRole('button', { name: 'ไม่อนุมัติ' }).click();
    await pending.waitFor({ state: 'detached' });
    assert.equal(await dialog.isVisible(), false);
    const followed = (await app.server.client().get(`/api/v1/needs/public/receipts/${receipt}`)).json;
    assert.equal(followed.status, 'rejected');
    assert.equal(followed.reason, 'ซ้ำกับเรื่องที่ส่งไว้แล้ว');
    assert.deepEqual(errors, []);
    assert.deepEqual(page.problems, []);
  });

  test('declining a published need also asks in a dialog', async () => {
    const id = (await app.server.client().get('/api/v1/needs?status=new&limit=1')).json.items[0].id;
    const page = await app.newPage(desktop);
    const errors = watchConsole(page);
    await signIn(page, 'strategy', { next: `/needs/${id}` });
    await page.getByTestId('need-actions').getByRole('button', { name: 'ไม่สามารถดำเนินการ' }).click();
    const dialog = page.getByRole('dialog', { name: 'ไม่สามารถดำเนินการตามความต้องการนี้' });
    await dialog.getByLabel(/^เหตุผลที่ไม่สามารถดำเนินการ/).fill('อยู่นอกอำนาจหน้าที่ของจังหวัด');
    await dialog.getByRole('button', { name: 'ไม่สามารถดำเนินการ' }).click();
    await page.getByText('เหตุผล: อยู่นอกอำนาจหน้าที่ของจังหวัด').waitFor();
    assert.deepEqual(errors, []);
  });

  test('a receipt has its own address: it survives a reload, matches any case, copies and saves as an image', async () => {
    const page = await app.newPage(phone);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const errors = watchConsole(page);
    const title = `ขอถังขยะริมหาด ${Date.now()}`;
    await page.goto('/');
    await page.getByTestId('public-actions').getByRole('link', { name: 'แจ้งความต้องการของท่าน' }).click();
    await page.waitForURL('**/needs/submit');
    await page.getByLabel('เรื่องที่ต้องการ (สั้น ๆ)').fill(title);
    await page.getByLabel('รายละเอียด').fill('ขยะล้นทุกวันหยุด');
    await page.getByLabel('ด้าน').selectOption({ label: 'ทรัพยากรธรรมชาติและสิ่งแวดล้อม' });
    await page.getByLabel('อำเภอ').selectOption({ label: 'เกาะช้าง' });
    await page.waitForTimeout(3500);
    await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
    await page.waitForURL(/\/needs\/receipts\/[^/]+$/);
    const receipt = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    assert.equal((await page.getByTestId('receipt').locator('code').innerText()).trim(), receipt);
    await page.getByRole('heading', { level: 1, name: 'ได้รับเรื่องของท่านแล้ว ขอบคุณ' }).waitFor();

    await page.reload();
    await page.getByTestId('receipt-status').filter({ hasText: 'รอตรวจสอบ' }).waitFor();
    assert.equal(await page.getByTestId('receipt-title').innerText(), title, 'the need\'s title is shown');
    await page.getByTestId('receipt-history').filter({ hasText: 'รอตรวจสอบ' }).waitFor();

    await page.getByRole('button', { name: 'คัดลอกเลขที่รับเรื่อง' }).click();
    await page.getByRole('status').filter({ hasText: 'คัดลอกแล้ว' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), receipt);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'บันทึกเป็นรูปภาพ' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `receipt-${receipt}.png`);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const png = Buffer.concat(chunks);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.ok(png.length > 5000, `the image has content (${png.length} bytes)`);

    // Typed later on the public "follow my request" page, in another letter case.
    const other = receipt === receipt.toLowerCase() ? receipt.toUpperCase() : receipt.toLowerCase();
    await page.goto('/');
    await page.getByTestId('public-actions').getByRole('link', { name: 'ติดตามคำขอ' }).click();
    await page.getByLabel('เลขที่รับเรื่อง').fill(` ${other} `);
    await page.getByRole('button', { name: 'ดูสถานะ' }).click();
    await page.waitForURL(`**/needs/receipts/${encodeURIComponent(other)}`);
    await page.getByTestId('receipt-status').filter({ hasText: 'รอตรวจสอบ' }).waitFor();
    assert.equal((await page.getByTestId('receipt').locator('code').innerText()).trim(), receipt);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the receipt page fits a phone (${width}px)`);
    assert.deepEqual(errors, []);
    assert.deepEqual(page.problems, []);
  });

  test('people support a need from its public page', async () => {
    const need = (await app.server.client().get('/api/v1/needs?status=new&sort=oldest&limit=1')).json.items[0];
    const visitor = await app.newPage(phone);
    await visitor.goto(`/needs/${need.id}`);
    await visitor.getByTestId('support').getByRole('link', { name: 'เข้าสู่ระบบเพื่อสนับสนุนเรื่องนี้' }).waitFor();

    const page = await app.newPage(desktop);
    await signIn(page, 'agency', { next: `/needs/${need.id}` });
    const support = page.getByTestId('support');
    await support.getByText(`สนับสนุน ${need.vote_count}`).waitFor();
    await support.getByRole('button', { name: 'สนับสนุนเรื่องนี้' }).click();
    await support.getByText(`สนับสนุน ${need.vote_count + 1}`).waitFor();
    assert.equal(await support.getByRole('button', { name: 'ถอนการสนับสนุน' }).getAttribute('aria-pressed'), 'true');
    await page.reload();
    await page.getByTestId('support').getByText(`สนับสนุน ${need.vote_count + 1}`).waitFor();
  });

  test('the audit log filters by days in Thailand and by Thai names, and names fields in Thai', async () => {
    // 20:30 UTC on 1 Dec 2026 is 03:30 on 2 Dec 2569 in Thailand.
    runSql(app.server.db.url, `INSERT INTO audit_log (province_code, user_id, username, at, address, request_id,
      entity, entity_id, action, before_json, after_json) VALUES ('23', NULL, NULL, '2026-12-01T20:30:00Z',
      'command-line', 'command-line', 'need', '424242', 'status',
      '{"status":"pending_moderation","updated_at":"2026-11-30T18:00:00Z"}',
      '{"status":"new","updated_at":"2026-12-01T20:30:00Z"}')`);
    const page = await app.newPage(desktop);
    await signIn(page, 'auditor', { next: '/audit' });
    const setDay = async (group, day) => {
      const box = page.getByRole('group', { name: group });
      await box.getByRole('combobox').nth(0).selectOption(String(day));
      await box.getByRole('combobox').nth(1).selectOption({ label: 'ธันวาคม' });
      await box.getByRole('textbox').fill('2569');
    };
    await page.getByLabel('ประเภทข้อมูล').fill('ความต้องการของประชาชน');
    await setDay('ตั้งแต่วันที่', 2);
    await setDay('ถึงวันที่', 2);
    const search = (to) => Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/audit?') && r.url().includes(`to=${to}`)),
      page.getByRole('button', { name: 'ค้นหา' }).click(),
    ]);
    await search('2026-12-02');
    await page.locator('.audit-list[aria-busy="false"]').waitFor({ state: 'attached' });
    const entry = page.locator('[data-testid="audit-entry"][data-entity-id="424242"]');
    await entry.waitFor();
    assert.ok((await page.getByTestId('audit-entry').evaluateAll((all) => all.every((e) => e.dataset.entity === 'need'))));
    const text = await entry.innerText();
    assert.match(text, /ผู้ดูแลระบบ \(คำสั่ง\)/);
    assert.match(text, /2 ธ\.ค\. 2569/);
    const status = entry.locator('tr[data-field="status"]');
    assert.equal((await status.locator('th').innerText()).trim(), 'สถานะ');
    assert.equal((await status.locator('del').innerText()).trim(), 'รอตรวจสอบ');
    assert.equal((await status.locator('ins').innerText()).trim(), 'ใหม่');
    assert.doesNotMatch(text, /pending_moderation|updated_at|\d{4}-\d\d-\d\dT/);

    // "to 1 ธ.ค." ends before 03:30 on 2 Dec in Thailand.
    await setDay('ตั้งแต่วันที่', 1);
    await setDay('ถึงวันที่', 1);
    await search('2026-12-01');
    await page.locator('.audit-list[aria-busy="false"]').waitFor({ state: 'attached' });
    assert.equal(await entry.count(), 0);
    assert.deepEqual(page.problems, []);
  });

  test('KPI targets: the server\'s refusal is shown at the field; a Christian-era plan year gets its BE year', async () => {
    const revision = await strategy.post('/api/v1/plans/1/revisions', {});
    assert.ok([201, 409, 422].includes(revision.status), revision.text);
    const page = await app.newPage(desktop);
    const errors = watchConsole(page);
    await signIn(page, 'strategy', { next: '/plan/1' });
    await page.goto('/plan/1?version=draft');
    await page.getByRole('searchbox', { name: 'ค้นหาในแผน' }).fill('ครัวเรือนที่มีรายได้');
    await page.getByTestId('plan-tree').getByRole('link', { name: /ครัวเรือนที่มีรายได้/ }).click();
    await page.getByRole('button', { name: /^แก้ไขค่าเป้าหมายปี 2570/ }).click();
    const input = page.getByRole('textbox', { name: 'ค่าเป้าหมายปี 2570' });
    await input.fill('150');
    await input.press('Enter');
    const message = page.locator('#target-2570-message');
    await message.filter({ hasText: /[\u0E00-\u0E7F]/ }).waitFor();
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.match(await message.innerText(), /100/, 'the message says what the unit allows');
    await input.fill('1e3');
    await input.press('Enter');
    await message.filter({ hasText: 'ค่าเป้าหมายต้องเป็นตัวเลข' }).waitFor();
    await input.fill('99.6');
    await input.press('Enter');
    await page.getByRole('button', { name: 'แก้ไขค่าเป้าหมายปี 2570 (ขณะนี้ 99.6)' }).waitFor();
    // One number of decimals for the whole row of years.
    assert.equal(await page.getByTestId('targets').locator('tr[data-year="2568"] td').innerText(), '99.0');
    // The console shows the 422 answer as an error: that is the refusal itself, nothing else.
    assert.ok(errors.every((line) => /422/.test(line)), errors.join('\n'));

    await page.goto('/plan');
    const form = page.getByRole('form', { name: 'สร้างแผนใหม่' });
    await form.getByLabel('ชื่อภาษาไทย').fill('แผนทดสอบปี');
    await form.getByLabel('ปีงบประมาณแรก (พ.ศ.)').fill('2023');
    await form.getByLabel('ปีงบประมาณสุดท้าย (พ.ศ.)').fill('2571');
    await form.getByRole('button', { name: 'สร้างแผน' }).click();
    await form.getByText('2023 ดูเหมือนเป็นปี ค.ศ. ปี พ.ศ. คือ 2566').waitFor();
    await form.getByRole('button', { name: 'ใช้ พ.ศ. 2566' }).click();
    assert.equal(await form.getByLabel('ปีงบประมาณแรก (พ.ศ.)').inputValue(), '2566');
    assert.deepEqual(page.problems, []);
  });

  test('machine values: names for codes, separators, the diff\'s default, no draft tab for the public', async () => {
    // A draft exists (started above or here) and changes one target.
    await strategy.post('/api/v1/plans/1/revisions', {});
    const tree = (await strategy.get('/api/v1/plans/1/tree?version=draft')).json;
    const find = (nodes, code) => {
      for (const node of nodes) {
        if (node.code === code) return node;
        const found = find(node.children, code);
        if (found) return found;
      }
      return null;
    };
    const kpi = find(tree.children, 'K0.1');
    const target = (await strategy.get(`/api/v1/plans/1/elements/${kpi.id}?version=draft`)).json.target_rows
      .find((row) => row.fiscal_year === 2570);
    const put = await strategy.put(`/api/v1/plans/1/elements/${kpi.id}/targets/2570`, { value: 205000, version: target.version });
    assert.equal(put.status, 200, put.text);

    const visitor = await app.newPage(desktop);
    const errors = watchConsole(visitor);
    await visitor.goto('/plan/1');
    await visitor.getByTestId('plan-tree').waitFor();
    const header = await visitor.locator('.version-switch').innerText();
    assert.doesNotMatch(header, /ฉบับร่าง/, 'the public is not offered the draft');
    assert.doesNotMatch(await visitor.getByTestId('version-line').innerText(), /command-line/);
    await visitor.getByRole('button', { name: 'ขยายทั้งหมด' }).click();
    const summary = (code) => visitor.getByTestId('plan-tree')
      .locator('.tree-row', { has: visitor.locator('.node-code', { hasText: new RegExp(`^${code.replace('.', '\\.')}$`) }) })
      .locator('.node-extra');
    assert.match(await summary('K0.1').innerText(), /2566: 172,000/);
    assert.match(await summary('K0.2').innerText(), /2568: 99\.0 /);

    await visitor.getByRole('searchbox', { name: 'ค้นหาในแผน' }).fill('ส่งเสริมการตลาดท่องเที่ยวเมืองรอง');
    await visitor.getByTestId('plan-tree').getByRole('link', { name: /ส่งเสริมการตลาดท่องเที่ยวเมืองรอง/ }).click();
    await visitor.getByTestId('element-agency').filter({ hasText: 'สำนักงานการท่องเที่ยวและกีฬาจังหวัดตราด' }).waitFor();
    await visitor.getByTestId('element-areas').getByRole('link', { name: 'ตราด' }).waitFor();
    assert.doesNotMatch(await visitor.locator('main').innerText(), /TRAT-MOTS/);
    assert.deepEqual(errors, [], 'no 401 for /auth/me or anything else');

    const officer = await app.newPage(desktop);
    await signIn(officer, 'strategy', { next: '/plan/1/diff' });
    await officer.getByRole('heading', { level: 1, name: /เปรียบเทียบฉบับที่ 1 กับฉบับที่ 2/ }).waitFor();
    const row = officer.getByTestId('diff-element').filter({ hasText: 'K0.1' })
      .getByRole('row', { name: /ค่าเป้าหมาย ปีงบประมาณ 2570/ });
    assert.equal((await row.locator('del').innerText()).trim(), '200,000');
    assert.equal((await row.locator('ins').innerText()).trim(), '205,000');
    await officer.goto('/plan/1');
    await officer.locator('.version-switch').getByRole('link', { name: /ฉบับร่างที่ 2/ }).waitFor();
  });

  test('a visitor\'s pages do not ask /auth/me, and a signed-in page asks once', async () => {
    const page = await app.newPage(phone);
    const errors = watchConsole(page);
    const asked = [];
    page.on('request', (request) => { if (request.url().includes('/api/v1/auth/me')) asked.push(request.url()); });
    for (const path of ['/', '/plan', '/needs', '/needs/submit', '/areas/23']) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
    }
    assert.deepEqual(asked, []);
    assert.deepEqual(errors, []);
    await signIn(page, 'executive');
    await page.reload();
    await page.getByRole('button', { name: 'ออกจากระบบ' }).waitFor();
    assert.equal(asked.length, 1, 'asked once after the reload');
    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto('/plan');
    await page.locator('main h1').first().waitFor();
    assert.equal(asked.length, 1, 'not asked again after signing out');
    assert.deepEqual(errors, []);
  });

  test('the admin adds a user, changes their scope and disables them; a disabled user cannot sign in', async () => {
    const admin = await app.newPage(desktop);
    const errors = watchConsole(admin);
    await signIn(admin, 'admin');
    await admin.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ผู้ใช้งาน' }).click();
    await admin.waitForURL('**/users');
    const form = admin.getByTestId('new-user');
    const username = `officer${Date.now() % 100000}`;
    await form.getByLabel('ชื่อผู้ใช้').fill(username);
    await form.getByLabel('ชื่อที่แสดง').fill('นายทดสอบ ระบบ');
    await form.getByLabel('บทบาท').selectOption({ label: 'เจ้าหน้าที่หน่วยงาน' });
    await form.getByLabel('รหัสผ่านเริ่มต้น').fill('short');
    await form.getByRole('button', { name: 'เพิ่มผู้ใช้' }).click();
    await form.getByText('รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร').waitFor();
    await form.getByText('เจ้าหน้าที่หน่วยงานต้องมีหน่วยงาน').waitFor();
    await form.getByLabel('หน่วยงาน').selectOption({ label: 'สำนักงานการท่องเที่ยวและกีฬาจังหวัดตราด' });
    await form.getByLabel('รหัสผ่านเริ่มต้น').fill('first-pass-123');
    await form.getByRole('button', { name: 'เพิ่มผู้ใช้' }).click();
    const row = admin.locator(`tr[data-username="${username}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /สำนักงานการท่องเที่ยวและกีฬาจังหวัดตราด/);

    const newcomer = await app.newPage(phone);
    await newcomer.goto('/sign-in');
    // A fresh phone profile loads the bundle cold (slow on a loaded machine).
    await newcomer.getByLabel('ชื่อผู้ใช้').waitFor({ timeout: 45000 });
    await newcomer.getByLabel('ชื่อผู้ใช้').fill(username);
    await newcomer.getByLabel('รหัสผ่าน').fill('first-pass-123');
    await newcomer.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await newcomer.getByRole('button', { name: 'ออกจากระบบ' }).waitFor();

    await row.getByRole('button', { name: `แก้ไขผู้ใช้ ${username}` }).click();
    const edit = admin.getByRole('dialog', { name: `แก้ไขผู้ใช้ ${username}` });
    await edit.getByLabel('พื้นที่').selectOption({ label: 'เกาะช้าง' });
    await edit.getByRole('button', { name: 'บันทึก' }).click();
    await admin.getByRole('status').filter({ hasText: username }).waitFor();
    assert.match(await row.innerText(), /เกาะช้าง/);

    await row.getByRole('button', { name: `ระงับการใช้งานของ ${username}` }).click();
    await row.getByText('ระงับการใช้งาน', { exact: true }).waitFor();
    const me = await newcomer.request.get('/api/v1/auth/me');
    assert.equal(me.status(), 401, 'their session ended at once');
    const again = await app.server.client().post('/api/v1/auth/login', { username, password: 'first-pass-123' });
    assert.notEqual(again.status, 200, 'a disabled user cannot sign in');

    await row.getByRole('button', { name: `เปิดการใช้งานของ ${username}` }).click();
    await row.getByRole('button', { name: `ตั้งรหัสผ่านใหม่ให้ ${username}` }).click();
    const reset = admin.getByRole('dialog', { name: `ตั้งรหัสผ่านใหม่ให้ ${username}` });
    await reset.getByLabel('รหัสผ่านใหม่').fill('second-pass-456');
    await reset.getByRole('button', { name: 'ตั้งรหัสผ่านใหม่' }).click();
    await admin.getByRole('status').filter({ hasText: `ตั้งรหัสผ่านใหม่ให้ ${username} แล้ว` }).waitFor();
    const signedIn = await app.server.client().post('/api/v1/auth/login', { username, password: 'second-pass-456' });
    assert.equal(signedIn.status, 200, signedIn.text);

    await admin.getByRole('link', { name: 'ดูประวัติการเปลี่ยนแปลงผู้ใช้' }).click();
    await admin.locator(`[data-testid="audit-entry"][data-entity="user"]`).first().waitFor();
    assert.deepEqual(errors, []);
    assert.deepEqual(admin.problems, []);
  });

  test('the home page links to the public form, and Thai compound words stay whole on a phone', async () => {
    const page = await app.newPage(phone);
    await page.goto('/');
    const link = page.getByTestId('public-actions').getByRole('link', { name: 'แจ้งความต้องการของท่าน' });
    assert.equal(await link.getAttribute('href'), '/needs/submit');
    const kept = page.locator('.thai-keep', { hasText: 'จัดซื้อจัดจ้าง' });
    await kept.first().waitFor();
    // Each compound is drawn on one line: one box, not two.
    const boxes = await page.locator('.thai-keep').evaluateAll((all) => all.map((e) => [e.textContent, e.getClientRects().length]));
    assert.ok(boxes.length > 0);
    for (const [text, count] of boxes) assert.equal(count, 1, `${text} is on one line`);
  });
});
