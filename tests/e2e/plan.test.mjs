// The strategic plan in a real browser: a strategy officer builds a small plan,
// reorders it, sets a KPI target, approves it, revises the target in a new draft
// and reads the difference between the two versions.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, startApp } from './lib/app.mjs';

describe('strategic plan pages', () => {
  let app;
  before(async () => { app = await startApp(); });
  after(async () => { await app?.stop(); });

  async function addElement(form, { kind, code, text, unit }) {
    await form.getByLabel('ประเภท').selectOption({ label: kind });
    await form.getByLabel('รหัส').fill(code);
    await form.getByLabel('ข้อความภาษาไทย').fill(text);
    if (unit) await form.getByLabel('หน่วยนับ').fill(unit);
    await form.getByRole('button', { name: 'เพิ่ม', exact: true }).click();
  }

  async function setTarget(page, year, value) {
    await page.getByRole('button', { name: new RegExp(`^แก้ไขค่าเป้าหมายปี ${year}`) }).click();
    const input = page.getByRole('textbox', { name: `ค่าเป้าหมายปี ${year}` });
    await input.fill(String(value));
    await input.press('Enter');
    await page.getByRole('button', { name: `แก้ไขค่าเป้าหมายปี ${year} (ขณะนี้ ${value})` }).waitFor();
  }

  test('build, reorder, approve, revise a target and compare versions', async () => {
    const page = await app.newPage();
    // No browser prompt may appear: every question is asked in the page.
    page.on('dialog', (dialog) => { page.problems.push(`browser dialog: ${dialog.message()}`); void dialog.dismiss(); });
    await signIn(page, 'strategy', { next: '/plan' });

    const name = `แผนทดสอบ ${Date.now()}`;
    const newPlan = page.getByRole('form', { name: 'สร้างแผนใหม่' });
    await newPlan.getByLabel('ชื่อภาษาไทย').fill(name);
    await newPlan.getByLabel('ชื่อภาษาอังกฤษ').fill('Test plan');
    await newPlan.getByLabel('ปีงบประมาณแรก (พ.ศ.)').fill('2570');
    await newPlan.getByLabel('ปีงบประมาณสุดท้าย (พ.ศ.)').fill('2569');
    await newPlan.getByRole('button', { name: 'สร้างแผน' }).click();
    await newPlan.getByText('ปีสุดท้ายต้องไม่ก่อนปีแรก').waitFor();
    await newPlan.getByLabel('ปีงบประมาณสุดท้าย (พ.ศ.)').fill('2574');
    await newPlan.getByRole('button', { name: 'สร้างแผน' }).click();
    await page.waitForURL(/\/plan\/\d+\?version=draft$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();

    await page.getByRole('button', { name: 'เพิ่มองค์ประกอบระดับบนสุด' }).click();
    await addElement(page.getByRole('form', { name: 'เพิ่มองค์ประกอบ' }), { kind: 'ประเด็นการพัฒนา', code: 'S1', text: 'ท่องเที่ยวชุมชน' });
    const tree = page.getByTestId('plan-tree');
    await tree.getByRole('link', { name: 'ท่องเที่ยวชุมชน', exact: true }).waitFor();

    await page.getByRole('button', { name: 'เพิ่มองค์ประกอบภายใต้ ท่องเที่ยวชุมชน' }).click();
    await addElement(page.getByRole('form', { name: 'เพิ่มองค์ประกอบ' }), {
      kind: 'ตัวชี้วัด', code: 'K1', text: 'รายได้จากการท่องเที่ยวชุมชน', unit: 'ล้านบาท',
    });
    await tree.getByRole('link', { name: 'รายได้จากการท่องเที่ยวชุมชน' }).waitFor();

    await page.getByRole('button', { name: 'เพิ่มองค์ประกอบระดับบนสุด' }).click();
    await addElement(page.getByRole('form', { name: 'เพิ่มองค์ประกอบ' }), { kind: 'ประเด็นการพัฒนา', code: 'S2', text: 'เกษตรครบวงจร' });
    await tree.getByRole('link', { name: 'เกษตรครบวงจร' }).waitFor();

    const topLevel = () => tree.locator(':scope > li > .tree-row .node-code').allInnerTexts();
    assert.deepEqual(await topLevel(), ['S1', 'S2']);
    await page.getByRole('button', { name: 'เลื่อน เกษตรครบวงจร ขึ้น' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=plan-tree] > li .node-code')?.textContent === 'S2');
    assert.deepEqual(await topLevel(), ['S2', 'S1']);
    // Drag S1 back above S2.
    await tree.locator(':scope > li', { hasText: 'S1' }).locator('.tree-row').first()
      .dragTo(tree.locator(':scope > li', { hasText: 'S2' }).locator('.tree-row').first());
    await page.waitForFunction(() => document.querySelector('[data-testid=plan-tree] > li .node-code')?.textContent === 'S1');
    assert.deepEqual(await topLevel(), ['S1', 'S2']);

    // Typing filters the tree to matches and their ancestors.
    await page.getByRole('searchbox', { name: 'ค้นหาในแผน' }).fill('รายได้');
    assert.equal(await tree.getByRole('link', { name: 'เกษตรครบวงจร' }).count(), 0);
    await tree.getByRole('link', { name: 'ท่องเที่ยวชุมชน', exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'ค้นหาในแผน' }).fill('');

    await tree.getByRole('link', { name: 'รายได้จากการท่องเที่ยวชุมชน' }).click();
    await page.waitForURL(/\/elements\/\d+\?version=draft$/);
    await page.getByTestId('targets').locator('tbody th').first().waitFor();
    const years = await page.getByTestId('targets').locator('tbody th').allInnerTexts();
    assert.deepEqual(years, ['พ.ศ. 2570', 'พ.ศ. 2571', 'พ.ศ. 2572', 'พ.ศ. 2573', 'พ.ศ. 2574']);
    await setTarget(page, 2570, 10);

    await page.getByRole('navigation', { name: 'ตำแหน่งในแผน' }).getByRole('link', { name }).click();
    await page.getByRole('button', { name: 'อนุมัติฉบับร่าง' }).click();
    // A dialog records the committee's resolution (meeting and date) with the approval.
    const approve = page.getByRole('dialog', { name: 'อนุมัติฉบับร่างที่ 1' });
    await approve.getByRole('button', { name: 'อนุมัติฉบับร่าง' }).click();
    await approve.getByText('กรุณาระบุครั้งที่ของการประชุม ก.บ.จ.').waitFor();
    await approve.getByLabel('การประชุม ก.บ.จ. ครั้งที่').fill('3/2569');
    const meetingDate = approve.getByRole('group', { name: 'วันที่ประชุม' });
    await meetingDate.getByRole('combobox').nth(0).selectOption('2');
    await meetingDate.getByRole('combobox').nth(1).selectOption({ label: 'ธันวาคม' });
    await meetingDate.getByRole('textbox').fill('2569');
    await approve.getByRole('button', { name: 'อนุมัติฉบับร่าง' }).click();
    await page.getByTestId('version-line').filter({ hasText: 'อนุมัติแล้ว' }).waitFor();
    assert.match(await page.getByTestId('version-line').innerText(), /ฉบับที่ 1/);
    assert.equal(await page.getByRole('button', { name: 'เพิ่มองค์ประกอบระดับบนสุด' }).count(), 0, 'an approved version is read-only');

    await page.getByRole('button', { name: /เริ่มปรับแผน/ }).click();
    await page.waitForURL(/\?version=draft$/);
    await page.getByTestId('version-line').filter({ hasText: 'ฉบับร่าง' }).waitFor();
    assert.match(await page.getByTestId('version-line').innerText(), /ฉบับที่ 2/);
    await page.getByTestId('plan-tree').getByRole('link', { name: 'รายได้จากการท่องเที่ยวชุมชน' }).click();
    await setTarget(page, 2570, 12);

    await page.getByRole('navigation', { name: 'ตำแหน่งในแผน' }).getByRole('link', { name }).click();
    await page.getByRole('link', { name: 'ประวัติฉบับของแผน' }).click();
    const versions = page.getByTestId('versions');
    await versions.locator('tr[data-version="2"]').waitFor();
    assert.match(await versions.locator('tr[data-version="1"]').innerText(), /อนุมัติแล้ว/);
    assert.match(await versions.locator('tr[data-version="1"]').innerText(), /มติ ก\.บ\.จ\. ครั้งที่ 3\/2569 วันที่ 2 ธ\.ค\. 2569/);
    assert.match(await versions.locator('tr[data-version="2"]').innerText(), /ฉบับร่าง/);
    // People by their names: the demo strategy officer's display name, never the username.
    const approvedRow = await versions.locator('tr[data-version="1"]').innerText();
    assert.match(approvedRow, /กลุ่มงานยุทธศาสตร์ สนจ\.ตราด \(ตัวอย่าง\)/);
    assert.doesNotMatch(approvedRow, /\bstrategy\b/);
    await page.getByRole('button', { name: 'เปรียบเทียบ', exact: true }).click();
    await page.waitForURL(/\/diff\?from=1&to=2$/);
    const changed = page.getByTestId('diff-element').filter({ hasText: 'K1' });
    await changed.waitFor();
    const row = changed.getByRole('row', { name: /ค่าเป้าหมาย ปีงบประมาณ 2570/ });
    assert.equal((await row.locator('del').innerText()).trim(), '10');
    assert.equal((await row.locator('ins').innerText()).trim(), '12');
    assert.match(await page.getByTestId('diff-summary').innerText(), /ค่าเป้าหมายเปลี่ยน 1 รายการ/);
    assert.deepEqual(page.problems, []);
  });

  test('the public reads approved plans but cannot edit them', async () => {
    const page = await app.newPage();
    await page.goto('/plan');
    const plans = page.getByTestId('plans');
    await plans.getByRole('link').first().waitFor();
    assert.equal(await page.getByRole('form', { name: 'สร้างแผนใหม่' }).count(), 0);
    await plans.getByRole('link').first().click();
    await page.getByTestId('plan-tree').waitFor();
    assert.equal(await page.getByRole('button', { name: 'อนุมัติฉบับร่าง' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^เลื่อน/ }).count(), 0);
    // Thai search on the server finds projects and needs by words inside longer text.
    await page.getByRole('searchbox', { name: 'ค้นหาในแผน' }).fill('ท่องเที่ยว');
    await page.getByRole('button', { name: 'ค้นหาโครงการและความต้องการ' }).click();
    const results = page.getByTestId('search-results');
    await results.waitFor();
    const projects = results.locator('ul').first().getByRole('link');
    assert.ok((await projects.count()) > 0, 'projects about tourism are found');
    // Hits may match in a project's objectives; at least the best ones name it.
    assert.ok((await projects.allInnerTexts()).some((text) => text.includes('ท่องเที่ยว')));
    await page.getByRole('searchbox', { name: 'ค้นหาในแผน' }).fill('');
    const pdf = await page.getByRole('link', { name: 'ดาวน์โหลด PDF' }).getAttribute('href');
    const response = await page.request.get(pdf);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.equal((await response.body()).subarray(0, 5).toString(), '%PDF-');
  });
});
