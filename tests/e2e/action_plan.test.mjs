// The annual action plan's money in a real browser (FY 2569 of the Trat demo):
// an agency officer enters a month-end position on a phone and the province's
// S-curve moves by exactly that amount; the strategy office imports a GFMIS-style
// spreadsheet with one bad row, reads the row's error, fixes the file and imports it;
// promotes a reserve project after reading what changes in the plan; edits an
// allocation while someone else does (409 and 422 next to the fields); cancels a
// project (its money becomes savings); an admin sets a national target and the
// S-curve's target line follows; the fiscal year is closed; and the next year's
// action plan is made from the approved development plan.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, startApp } from './lib/app.mjs';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// "86,256,217.00" (baht, as the page shows it) -> satang as a BigInt; "–" -> null.
function satangOf(text) {
  const cleaned = text.trim().replace(/,/g, '');
  if (cleaned === '–') return null;
  assert.match(cleaned, /^\d+\.\d{2}$/, `an amount in baht: ${text}`);
  return BigInt(cleaned.replace('.', ''));
}

describe('action plan and money pages', () => {
  let app;
  let plan;
  before(async () => {
    app = await startApp();
    const list = await (await fetch(`${app.url}/api/v1/action-plans`)).json();
    plan = list.items.find((item) => item.fiscal_year === 2569);
    assert.ok(plan, 'the demo has the action plan of FY 2569');
  });
  after(async () => { await app?.stop(); });

  async function projectByCode(code) {
    const detail = await (await fetch(`${app.url}/api/v1/action-plans/${plan.id}`)).json();
    const project = detail.projects.find((item) => item.code === code);
    assert.ok(project, `project ${code} is in the action plan`);
    return project;
  }

  // The province S-curve's actual cumulative disbursement at a month end, read from
  // the data table under the chart (opened from its summary).
  async function provinceActual(page, month) {
    await page.goto(`/action-plan/${plan.id}?view=spending`);
    const curve = page.getByTestId('s-curve-province');
    await curve.locator('canvas[role=img]').waitFor();
    await curve.locator('summary', { hasText: 'ตารางข้อมูล S-curve' }).click();
    const cell = curve.locator(`tr[data-month="${month}"]`).getByTestId('actual-amount');
    await cell.waitFor();
    return satangOf(await cell.innerText());
  }

  test('an agency officer enters a month-end position on a phone and the province S-curve moves', async () => {
    const page = await app.newPage(phone);
    page.on('dialog', (dialog) => { page.problems.push(`browser dialog: ${dialog.message()}`); void dialog.dismiss(); });
    // The demo officer works for the provincial agriculture office (TRAT-DOAE): its
    // main project P11 has an allocation and no position yet.
    const p11 = await projectByCode('P11');
    assert.equal(p11.agency, 'TRAT-DOAE');
    assert.equal(p11.disbursed_satang, 0);
    const allocated = BigInt(p11.allocated_satang);

    const before = await provinceActual(page, '2026-09');
    assert.notEqual(before, null, 'the province already has September figures');
    const canvas = page.getByTestId('s-curve-province').locator('canvas[role=img]');
    const labelBefore = await canvas.getAttribute('aria-label');

    await signIn(page, 'agency', { next: `/action-plan/${plan.id}/month-end` });
    await page.getByRole('heading', { name: 'บันทึกผลการเบิกจ่ายสิ้นเดือน', level: 1 }).waitFor();
    const cards = page.getByTestId('month-end-projects').locator(':scope > li');
    await cards.first().waitFor();
    // Only its own agency's projects are offered.
    const offered = await cards.evaluateAll((items) => items.map((item) => Number(item.dataset.element)));
    assert.ok(offered.includes(p11.element_id), 'P11 is offered');
    const detail = await (await fetch(`${app.url}/api/v1/action-plans/${plan.id}`)).json();
    for (const id of offered) {
      assert.equal(detail.projects.find((item) => item.element_id === id)?.agency, 'TRAT-DOAE');
    }

    const card = page.locator(`li[data-element="${p11.element_id}"]`);
    await card.getByRole('button', { name: /บันทึกผลสิ้นเดือน/ }).click();
    const form = card.getByRole('form', { name: /บันทึกผลสิ้นเดือน/ });
    await form.getByLabel('สิ้นเดือน').selectOption('2026-09');

    // More than the allocation is refused next to the amounts, before anything is sent.
    await form.getByLabel('PO คงค้าง (ผูกพัน) (บาท)').fill('2,000,000');
    await form.getByLabel('เบิกจ่ายสะสมตั้งแต่ต้นปีงบประมาณ (บาท)').fill('1,000,000');
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await form.getByText(/เกินงบที่ได้รับจัดสรร/).first().waitFor();
    assert.equal(await form.getByLabel('PO คงค้าง (ผูกพัน) (บาท)').getAttribute('aria-invalid'), 'true');

    // Thousands separators and Thai digits are read as people type them.
    await form.getByLabel('PO คงค้าง (ผูกพัน) (บาท)').fill('๑๕๐,๐๐๐');
    await form.getByLabel('เบิกจ่ายสะสมตั้งแต่ต้นปีงบประมาณ (บาท)').fill('1,234,567.50');
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
    const saved = card.getByRole('status').filter({ hasText: 'บันทึกผลสิ้นเดือน กันยายน 2569 แล้ว' });
    await saved.waitFor();
    const remaining = allocated - 15000000n - 123456750n;
    const remainingText = `${(remaining / 100n).toLocaleString('en-US')}.${String(remaining % 100n).padStart(2, '0')}`;
    assert.match(await saved.innerText(), new RegExp(`คงเหลือ ${remainingText.replace(/[.]/g, '\\.')} บาท`));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `month-end entry fits a phone (page is ${width}px wide)`);

    // The public S-curve of the province moved by exactly the amount entered.
    const afterEntry = await provinceActual(page, '2026-09');
    assert.equal(afterEntry - before, 123456750n, `September moved from ${before} to ${afterEntry} satang`);
    assert.notEqual(await canvas.getAttribute('aria-label'), labelBefore, 'the chart itself was redrawn');
    const chartWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(chartWidth <= 390, `the S-curve page fits a phone (page is ${chartWidth}px wide)`);
    assert.deepEqual(page.problems, []);
  });

  test('an import with one bad row names it; the fixed file is imported', async () => {
    const page = await app.newPage();
    await signIn(page, 'strategy', { next: `/action-plan/${plan.id}?view=import` });
    const p06 = await projectByCode('P06');
    const p20 = await projectByCode('P20');
    const [line06] = p06.lines;
    const [line20] = p20.lines;
    assert.equal(line06.latest_month, '2026-08');
    assert.equal(line20.latest_month, '2026-08');

    // The GFMIS report's layout: Thai headers, Thai month names, baht with separators.
    const header = 'รหัสงบประมาณ,เดือน,PO คงค้าง,เบิกจ่ายสะสม';
    const good06 = `${line06.gfmis_code},ก.ย. 2569,0.00,"950,000.00"`;
    const bad = [header, good06, `${line20.gfmis_code},กันยายน 2569,0,12O0`].join('\n') + '\n';
    const fixed = [header, good06, `${line20.gfmis_code},กันยายน 2569,0,"500,000.00"`].join('\n') + '\n';

    const file = page.getByLabel('ไฟล์ผลการเบิกจ่าย');
    await file.setInputFiles({ name: 'gfmis-2569-09.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await page.getByRole('button', { name: 'นำเข้า', exact: true }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const rows = errors.locator('tbody tr');
    assert.equal(await rows.count(), 1, 'exactly one bad row');
    const cells = await rows.first().locator('td').allInnerTexts();
    assert.equal(cells[0], '3', 'the bad row is the file\'s third line (the header is line 1)');
    assert.equal(cells[1], 'เบิกจ่ายสะสม');
    assert.ok(cells[2].length > 0, 'with its reason');
    await page.getByText('ไม่ได้นำเข้าข้อมูลใดเลย').waitFor();
    // Nothing was stored, not even the good row.
    assert.equal((await projectByCode('P06')).lines[0].latest_month, '2026-08');

    await file.setInputFiles({ name: 'gfmis-2569-09.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed, 'utf8') });
    // Hold the upload until the progress bar has been seen.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/positions/import', async (route) => { await held; await route.continue(); });
    await page.getByRole('button', { name: 'นำเข้า', exact: true }).click();
    await page.getByRole('progressbar', { name: 'ความคืบหน้าการส่งไฟล์' }).waitFor();
    release();
    const done = page.getByTestId('import-done');
    await done.waitFor();
    assert.match(await done.innerText(), /นำเข้าแล้ว 2 แถว/);
    assert.equal(await errors.count(), 0, 'the row errors are gone');
    const after06 = (await projectByCode('P06')).lines[0];
    assert.equal(after06.latest_month, '2026-09');
    assert.equal(after06.disbursed_to_date_satang, 95000000);
    assert.equal((await projectByCode('P20')).lines[0].disbursed_to_date_satang, 50000000);
    assert.deepEqual(page.problems, []);
  });
  test('the strategy office promotes a ready reserve; the plan gains a version that shows it', async () => {
    const page = await app.newPage();
    page.on('dialog', (dialog) => { page.problems.push(`browser dialog: ${dialog.message()}`); void dialog.dismiss(); });
    const r03 = await projectByCode('R03');
    assert.equal(r03.kind, 'reserve');
    const proposals = await (await fetch(`${app.url}/api/v1/action-plans/${plan.id}/reserve-proposals`)).json();
    assert.equal(proposals.proposals[0]?.element_id, r03.element_id, 'R03 is the best-ranked ready reserve');
    const savings = BigInt(proposals.savings_satang.provincial);

    await signIn(page, 'strategy', { next: `/action-plan/${plan.id}?view=reserves` });
    const name = r03.name_th;
    await page.getByRole('button', { name: `เลื่อน ${name} เป็นโครงการหลัก` }).click();
    const dialog = page.getByRole('dialog', { name: `เลื่อน ${name} เป็นโครงการหลัก` });
    const diff = dialog.getByTestId('promotion-diff');
    await diff.waitFor();
    const rows = await diff.locator('tbody tr').allInnerTexts();
    assert.match(rows[0], /สำรอง ลำดับ 3[\s\S]*โครงการหลัก/);
    const baht = (satang) => `${(satang / 100n).toLocaleString('en-US')}.${String(satang % 100n).padStart(2, '0')}`;
    const left = savings - BigInt(r03.requested_satang);
    assert.ok(rows[1].includes(baht(savings)) && rows[1].includes(baht(left)), `savings before and after: ${rows[1]}`);
    assert.match(rows[2], /ฉบับใหม่/);

    // The decision must be recorded: nothing is sent without it.
    await dialog.getByRole('button', { name: 'ยืนยันการเลื่อน' }).click();
    await dialog.getByText('กรุณากรอกการประชุมครั้งที่').waitFor();
    assert.equal((await projectByCode('R03')).kind, 'reserve');
    assert.equal(await dialog.getByLabel('คณะกรรมการ').inputValue(), 'ก.บ.จ.', 'provincial money: ก.บ.จ. decides');
    await dialog.getByLabel('การประชุมครั้งที่').fill('2/2569');
    await dialog.getByLabel('มติที่').fill('7');
    const date = dialog.getByRole('group', { name: 'วันที่มีมติ' });
    await date.getByRole('combobox').nth(0).selectOption('15');
    await date.getByRole('combobox').nth(1).selectOption({ label: 'มีนาคม' });
    await date.getByRole('textbox').fill('2569');
    await dialog.getByRole('button', { name: 'ยืนยันการเลื่อน' }).click();
    const done = page.getByTestId('promotion-done');
    await done.waitFor();
    assert.match(await done.innerText(), new RegExp(`เลื่อน ${name} เป็นโครงการหลักแล้ว`));
    await page.getByTestId('promotions').getByText(/ก\.บ\.จ\. ครั้งที่ 2\/2569 มติ 7 วันที่ 15 มี\.ค\. 2569/).waitFor();
    const promoted = await projectByCode('R03');
    assert.equal(promoted.kind, 'main');

    await done.getByRole('link', { name: /ดูการเปลี่ยนแปลงของแผนฉบับที่/ }).click();
    await page.waitForURL(/\/plan\/\d+\/diff\?from=\d+&to=\d+$/);
    await page.getByTestId('diff-element').filter({ hasText: name }).waitFor();
    assert.deepEqual(page.problems, []);
  });

  test('allocation lines: above the request needs the decision; a stale version and a line below its use are named at the fields', async () => {
    const p03 = await projectByCode('P03');
    const path = `/action-plan/${plan.id}/projects/${p03.element_id}`;
    const first = await app.newPage();
    const second = await app.newPage();
    await signIn(first, 'strategy', { next: path });
    await signIn(second, 'admin', { next: path });
    for (const page of [first, second]) {
      await page.getByRole('button', { name: 'แก้ไขการจัดสรร' }).click();
    }

    const form = first.getByRole('form', { name: 'แก้ไขการจัดสรร' });
    await form.getByLabel('จำนวนเงิน (บาท)').fill('1,300,000');
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await form.getByText('ยอดรวมสูงกว่าคำขอ ต้องระบุมติที่อนุญาต').waitFor();
    assert.equal(await form.getByLabel('มติที่อนุญาตให้จัดสรรเกินคำขอ').getAttribute('aria-invalid'), 'true');
    await form.getByLabel('มติที่อนุญาตให้จัดสรรเกินคำขอ').fill('มติ ก.บ.จ. ครั้งที่ 4/2569');
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await first.getByRole('status').filter({ hasText: 'บันทึกการจัดสรรแล้ว' }).waitFor();
    await first.getByTestId('project-allocated').filter({ hasText: '1,300,000.00 บาท' }).waitFor();

    // The second editor still holds the old version: the server answers 409.
    const stale = second.getByRole('form', { name: 'แก้ไขการจัดสรร' });
    await stale.getByLabel('จำนวนเงิน (บาท)').fill('1,150,000');
    await stale.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await stale.getByText('ข้อมูลถูกแก้ไขโดยผู้อื่นระหว่างนี้').waitFor();
    assert.equal((await projectByCode('P03')).allocated_satang, 130000000, 'the stale write changed nothing');
    await stale.getByRole('button', { name: 'โหลดข้อมูลล่าสุด' }).click();
    await second.getByTestId('project-allocated').filter({ hasText: '1,300,000.00 บาท' }).waitFor();

    // The form stays open with the latest figures. Below what the line has used
    // (PO outstanding + disbursed): the rule's message at the lines.
    const fresh = second.getByRole('form', { name: 'แก้ไขการจัดสรร' });
    assert.equal(await fresh.getByLabel('จำนวนเงิน (บาท)').inputValue(), '1300000.00');
    await fresh.getByLabel('จำนวนเงิน (บาท)').fill('1,000,000');
    await fresh.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await fresh.getByText(/ใช้ไปแล้ว 1,105,000\.00 บาท/).waitFor();
    assert.equal((await projectByCode('P03')).allocated_satang, 130000000);
    assert.deepEqual([...first.problems, ...second.problems], []);
  });
  test('the spending plan is edited month by month and becomes the planned curve', async () => {
    const p20 = await projectByCode('P20');
    const [line] = p20.lines;
    const page = await app.newPage();
    await signIn(page, 'strategy', { next: `/action-plan/${plan.id}/projects/${p20.element_id}` });
    await page.getByRole('button', { name: 'แก้ไขแผนการใช้จ่าย' }).click();
    const form = page.getByRole('form', { name: 'แก้ไขแผนการใช้จ่าย' });
    const october = form.getByLabel('แผนสะสม ต.ค. 68 (บาท)');
    const november = form.getByLabel('แผนสะสม พ.ย. 68 (บาท)');
    // A cumulative plan cannot go down: named on the line, nothing sent.
    await october.fill('90,000');
    await november.fill('80,000');
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await form.getByText('พฤศจิกายน 2568: ยอดสะสมต้องไม่ลดลงจากเดือนก่อน').waitFor();
    await november.fill('๑๕๐,๐๐๐');
    await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'บันทึกแผนการใช้จ่ายแล้ว' }).waitFor();
    const after = (await projectByCode('P20')).lines.find((item) => item.gfmis_code === line.gfmis_code);
    assert.deepEqual(after.spending_plan.slice(0, 2), [
      { month: '2025-10', planned_cumulative_satang: 9000000 },
      { month: '2025-11', planned_cumulative_satang: 15000000 },
    ]);
    const table = page.getByTestId('spending-plan');
    assert.match(await table.locator('tbody tr').first().innerText(), /ตุลาคม 2568\s+90,000\.00/);
    // The project's S-curve reads the new plan.
    const curve = page.getByTestId('s-curve-project');
    await curve.locator('summary', { hasText: 'ตารางข้อมูล S-curve' }).click();
    const planned = await curve.locator('tr[data-month="2025-11"] td').first().innerText();
    assert.equal(planned, '150,000.00');
    assert.deepEqual(page.problems, []);
  });

  test('cancelling a project with a reason turns what it had not used into savings of its source', async () => {
    const p29 = await projectByCode('P29');
    assert.equal(p29.budget_source, 'provincial');
    const before = BigInt((await (await fetch(`${app.url}/api/v1/action-plans/${plan.id}/reserve-proposals`)).json()).savings_satang.provincial);
    const page = await app.newPage();
    await signIn(page, 'strategy', { next: `/action-plan/${plan.id}/projects/${p29.element_id}` });
    await page.getByRole('button', { name: 'ยกเลิกโครงการ' }).click();
    const dialog = page.getByRole('dialog', { name: `ยกเลิกโครงการ ${p29.name_th}` });
    await dialog.getByRole('button', { name: 'ยกเลิกโครงการ' }).click();
    await dialog.getByText('กรุณาระบุเหตุผล').waitFor();
    await dialog.getByLabel(/เหตุผลที่ยกเลิก/).fill('คณะกรรมการชายแดนเลื่อนการประชุมไปปีงบประมาณหน้า');
    await dialog.getByRole('button', { name: 'ยกเลิกโครงการ' }).click();
    await page.getByText('ยกเลิก: คณะกรรมการชายแดนเลื่อนการประชุมไปปีงบประมาณหน้า').waitFor();
    assert.equal(await page.getByRole('button', { name: 'แก้ไขการจัดสรร' }).count(), 0, 'a cancelled project takes no allocation');

    await page.goto(`/action-plan/${plan.id}?view=reserves`);
    const provincial = page.getByTestId('savings').getByRole('row', { name: /งบจังหวัด/ });
    const expected = before + BigInt(p29.allocated_satang);
    await provincial.filter({ hasText: `${(expected / 100n).toLocaleString('en-US')}.${String(expected % 100n).padStart(2, '0')}` }).waitFor();
    assert.deepEqual(page.problems, []);
  });

  test('an admin sets a quarter\'s national target; the S-curve\'s target line follows', async () => {
    const page = await app.newPage();
    await signIn(page, 'admin', { next: `/action-plan/${plan.id}?view=spending` });
    const curve = page.getByTestId('s-curve-province');
    await curve.locator('summary', { hasText: 'ตารางข้อมูล S-curve' }).click();
    const march = curve.locator('tr[data-month="2026-03"] td').last();
    assert.equal(await march.innerText(), '–', 'no second-quarter target is announced in the demo');

    const cell = page.getByRole('button', { name: /^แก้ไขเป้าหมาย ภาพรวม · เบิกจ่าย · งบประมาณรายจ่ายประจำปี · ไตรมาส 2/ });
    await cell.click();
    const dialog = page.getByTestId('target-dialog');
    await dialog.getByLabel(/ร้อยละ/).fill('55');
    await dialog.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await dialog.getByText('ตัวเลขเป้าหมายต้องระบุที่มา').waitFor();
    await dialog.getByLabel('ที่มา').fill('ทดสอบระบบ (ไม่ใช่ตัวเลขทางราชการ)');
    await dialog.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The curve is redrawn in place: its open data table stays open and shows the new target.
    await curve.locator('tr[data-month="2026-03"] td').last().filter({ hasText: '55.0%' }).waitFor();
    assert.deepEqual(page.problems, []);
  });

  test('closing the fiscal year leaves its money read-only', async () => {
    const page = await app.newPage();
    await signIn(page, 'strategy', { next: `/action-plan/${plan.id}` });
    await page.getByRole('button', { name: 'ปิดปีงบประมาณ' }).click();
    const dialog = page.getByRole('dialog', { name: 'ปิดปีงบประมาณ พ.ศ. 2569' });
    await dialog.getByRole('button', { name: 'ยืนยันการปิดปีงบประมาณ' }).click();
    await page.getByText('ปิดปีงบประมาณแล้ว').first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'บันทึกผลการเบิกจ่ายสิ้นเดือน' }).count(), 0);
    const p03 = await projectByCode('P03');
    await page.goto(`/action-plan/${plan.id}/projects/${p03.element_id}`);
    await page.getByTestId('project-details').waitFor();
    assert.equal(await page.getByRole('button', { name: 'แก้ไขการจัดสรร' }).count(), 0);
    assert.equal(await page.getByRole('form', { name: /บันทึกผลสิ้นเดือน/ }).count(), 0);
    assert.equal((await (await fetch(`${app.url}/api/v1/action-plans`)).json()).items[0].status, 'closed');
    assert.deepEqual(page.problems, []);
  });
  test('the strategy office makes the next fiscal year\'s action plan from the approved plan', async () => {
    const page = await app.newPage();
    await signIn(page, 'strategy', { next: '/action-plan' });
    const form = page.getByRole('form', { name: 'จัดทำแผนปฏิบัติราชการประจำปี' });
    await form.getByLabel('จากแผนพัฒนาจังหวัด (ฉบับที่อนุมัติแล้ว)').selectOption({ index: 1 });
    await form.getByLabel('ปีงบประมาณ (พ.ศ.)').fill('2575');
    await form.getByRole('button', { name: 'จัดทำแผน' }).click();
    await form.getByText(/ปีต้องอยู่ในช่วงของแผน \(2566–2570\)/).waitFor();
    await form.getByLabel('ปีงบประมาณ (พ.ศ.)').fill('2570');
    await form.getByRole('button', { name: 'จัดทำแผน' }).click();
    await page.waitForURL(/\/action-plan\/\d+$/);
    await page.getByRole('heading', { level: 1, name: /2570/ }).waitFor();
    const created = Number(new URL(page.url()).pathname.split('/').pop());
    const detail = await (await fetch(`${app.url}/api/v1/action-plans/${created}`)).json();
    assert.equal(detail.fiscal_year, 2570);
    const rows = page.getByTestId('ap-projects').locator('tbody tr[data-element]');
    assert.equal(await rows.count(), detail.projects.length, 'the plan\'s projects for the year are listed');
    assert.deepEqual(page.problems, []);
  });
});
