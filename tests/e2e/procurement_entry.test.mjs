// Procurement entry in a real browser: the demo agency officer adds a procurement to
// its own project with a bid day before the invitation; the server refuses it (422
// with the field) and the page says why in Thai next to the bid day, naming the
// stages, not their codes; nothing is stored. Corrected, it is stored once and shown
// with its reference price in baht and its stages in Buddhist-era dates.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, startApp } from './lib/app.mjs';
import { Client, demoPassword } from '../lib/server.mjs';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// Fills one BeDateInput (day, month, year BE) of the procurement form.
async function fillStage(form, key, day, month, yearBe) {
  const box = form.locator(`[data-field="stages.${key}"]`);
  await box.locator(`select[name="stage-${key}-day"]`).selectOption(String(day));
  await box.locator(`select[name="stage-${key}-month"]`).selectOption(String(month));
  await box.locator(`input[name="stage-${key}-year"]`).fill(String(yearBe));
}

describe('procurement entry', () => {
  let app;
  let api;
  let plan;
  let project;
  before(async () => {
    app = await startApp();
    api = new Client(app.url);
    const signedIn = await api.post('/api/v1/auth/login', { username: 'strategy', password: demoPassword });
    assert.equal(signedIn.status, 200, signedIn.text);
    plan = (await api.get('/api/v1/action-plans')).json.items.find((item) => item.fiscal_year === 2569);
    const detail = await api.get(`/api/v1/action-plans/${plan.id}`);
    project = detail.json.projects.find((item) => item.code === 'P11');
    assert.equal(project.agency, 'TRAT-DOAE');
  });
  after(async () => { await app?.stop(); });

  const procurementsOf = async () => {
    const r = await api.get(`/api/v1/projects/${project.element_id}/procurements`);
    assert.equal(r.status, 200, r.text);
    return r.json.items;
  };

  test('a stage date out of order is refused with the Thai reason by its field, then stored once', async () => {
    const before = (await procurementsOf()).length;
    const page = await app.newPage(phone);
    await signIn(page, 'agency', { next: `/action-plan/${plan.id}/projects/${project.element_id}/procurement` });
    await page.getByRole('heading', { name: 'การจัดซื้อจัดจ้างของโครงการ', level: 1 }).waitFor();
    // The สขร.1 downloads of the action plan are offered.
    const summary = page.locator('a', { hasText: 'ดาวน์โหลด สขร.1 (Excel)' });
    assert.equal(await summary.getAttribute('href'), `/api/v1/action-plans/${plan.id}/procurement-summary.xlsx`);
    const csvHref = await page.locator('a', { hasText: 'ดาวน์โหลด สขร.1 (CSV)' }).getAttribute('href');
    const csv = await api.get(csvHref);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /text\/csv/);

    await page.getByRole('button', { name: 'เพิ่มรายการจัดซื้อจัดจ้าง' }).click();
    const form = page.getByRole('form', { name: 'เพิ่มรายการจัดซื้อจัดจ้าง' });
    await form.getByLabel('ชื่อรายการ').fill('จ้างก่อสร้างโรงเรือนสาธิต (ทดสอบ)');
    await form.getByLabel('วิธีจัดซื้อจัดจ้าง').selectOption('e_bidding');
    await form.getByLabel('ราคากลาง (บาท)').fill('1,250,000');
    await form.getByLabel('เลขที่โครงการ e-GP').fill('69019999999');
    await fillStage(form, 'plan_published', 5, 1, 2569);
    await fillStage(form, 'invitation', 10, 3, 2569);
    await fillStage(form, 'bid_day', 5, 3, 2569); // before the invitation
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();

    const message = form.locator('[data-field="stages.bid_day"] .field-message').last();
    await message.filter({ hasText: 'ต้องไม่ก่อน' }).waitFor();
    const text = await message.innerText();
    assert.match(text, /วันยื่นข้อเสนอ/);
    assert.match(text, /ประกาศเชิญชวน/);
    assert.match(text, /10 มี\.ค\. 2569/);
    assert.doesNotMatch(text, /bid_day|invitation/, 'names, not codes');
    assert.equal((await procurementsOf()).length, before, 'nothing stored');

    // Corrected: stored once and shown.
    await fillStage(form, 'bid_day', 25, 3, 2569);
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByText('บันทึกรายการจัดซื้อจัดจ้างแล้ว').waitFor();
    const items = await procurementsOf();
    assert.equal(items.length, before + 1);
    const stored = items.find((item) => item.title_th === 'จ้างก่อสร้างโรงเรือนสาธิต (ทดสอบ)');
    assert.ok(stored);
    assert.equal(stored.method, 'e_bidding');
    assert.equal(stored.reference_price_satang, 125_000_000);
    assert.equal(stored.stages.bid_day, '2026-03-25');
    assert.equal(stored.stages.invitation, '2026-03-10');
    assert.equal(stored.stages.contract_signed, null);
    const card = page.locator(`[data-testid="procurement"][data-id="${stored.id}"]`);
    assert.equal((await card.getByTestId('reference-price').innerText()).trim(), '1,250,000.00 บาท');
    await card.locator('[data-stage="bid_day"]').filter({ hasText: '25 มี.ค. 2569' }).waitFor();
    assert.deepEqual(page.problems, []);
  });
  test('a demo procurement shows its stages, deadlines, bidders and contract instalments', async () => {
    const detail = await api.get(`/api/v1/action-plans/${plan.id}`);
    const p09 = detail.json.projects.find((item) => item.code === 'P09');
    const [stored] = (await api.get(`/api/v1/projects/${p09.element_id}/procurements`)).json.items;
    assert.ok(stored && stored.contract.instalments.length > 0, 'the demo P09 procurement has instalments');
    const page = await app.newPage(phone);
    await signIn(page, 'executive', { next: `/action-plan/${plan.id}/projects/${p09.element_id}/procurement` });
    const card = page.locator(`[data-testid="procurement"][data-id="${stored.id}"]`);
    await card.getByTestId('instalments').waitFor();
    assert.equal(await card.getByTestId('instalments').locator('tbody tr').count(), stored.contract.instalments.length);
    assert.equal(await card.getByTestId('bidders').locator('tbody tr').count(), stored.bidders.length);
    assert.equal(await card.getByTestId('deadline-status').count(), stored.deadlines.length);
    // Readers see no entry buttons.
    assert.equal(await page.getByRole('button', { name: 'เพิ่มรายการจัดซื้อจัดจ้าง' }).count(), 0);
    assert.deepEqual(page.problems, []);
  });
});
