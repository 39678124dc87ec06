// Monitoring in a real browser against `changwat serve --demo`: the executive
// dashboard shows a new warning as soon as a late procurement is entered (no restart,
// no reload); the needs map draws Trat's district shapes with labels that never
// overlap and filters by the district clicked; the KPI rubric editor shows the
// server's 422 at its field.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, startApp } from './lib/app.mjs';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// Integer shown in a dashboard figure.
async function figure(page, testId) {
  const text = await page.getByTestId(testId).locator('.mon-figure-value').innerText();
  return Number(text.replace(/[^0-9]/g, ''));
}

// The on-screen boxes of the map's labels (district and subdistrict names, and the
// districts' badges), to check that none covers another.
async function labelBoxes(page, testId) {
  return page.getByTestId(testId).locator('svg').evaluate((svg) =>
    [...svg.querySelectorAll('.area-map-label, .area-map-sublabel, .area-map-badge')].map((node) => {
      const box = node.getBoundingClientRect();
      return { text: node.textContent || node.parentNode.getAttribute('data-label'), kind: node.getAttribute('class'),
        left: box.left, right: box.right, top: box.top, bottom: box.bottom, label: node.parentNode.getAttribute('data-label') };
    }));
}

function assertNoOverlap(boxes) {
  for (let i = 0; i < boxes.length; i += 1)
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i];
      const b = boxes[j];
      // A district's own badge and name sit side by side by design; any other pair must be apart.
      if (a.label && a.label === b.label) continue;
      const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      assert.equal(overlap, false, `"${a.text}" (${a.kind}) overlaps "${b.text}" (${b.kind})`);
    }
}

describe('monitoring pages', () => {
  let app;
  before(async () => { app = await startApp(); });
  after(async () => { await app?.stop(); });

  test('the executive dashboard shows a new warning right after a late procurement is entered', async () => {
    const executive = await app.newPage();
    await signIn(executive, 'executive', { next: '/monitoring' });
    await executive.getByTestId('dashboard-title').filter({ hasText: 'จังหวัดตราด' }).waitFor();
    // Money in baht with thousands separators; the year is the demo action plan's.
    assert.match(await executive.getByTestId('fig-allocated').innerText(), /\d{1,3}(,\d{3})+\.\d{2} บาท/);
    assert.equal(await executive.getByLabel('ปีงบประมาณ').inputValue(), '2569');
    // The official outputs come from the same records: each link answers with its file.
    const outputs = executive.getByTestId('official-outputs');
    const links = await outputs.getByRole('link').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    assert.equal(links.length, 6);
    const answers = await executive.evaluate(async (hrefs) => Promise.all(hrefs.map(async (href) => {
      const response = await fetch(href);
      return `${response.status} ${response.headers.get('content-type')}`;
    })), links);
    assert.deepEqual(answers.map((a) => a.split(' ')[0]), links.map(() => '200'), answers.join(', '));
    assert.match(answers.join(' '), /spreadsheetml.*application\/pdf.*text\/csv/);
    const before = await figure(executive, 'fig-warnings');
    assert.ok(before > 0, 'the demo has open warnings');
    const kindRow = executive.getByTestId('warnings-by-kind').locator('li').filter({ hasText: 'จัดซื้อจัดจ้างยังไม่ก่อหนี้ผูกพันตามกำหนด' });
    const kindBefore = Number(await kindRow.locator('.mon-kind-count').innerText());

    // The strategy office enters a procurement of FY 2569 whose contract is still not
    // signed (the Cabinet's commitment deadline for the year has passed): late.
    const office = await app.newPage();
    await signIn(office, 'strategy', { next: '/monitoring/warnings' });
    const title = `จ้างปรับปรุงอาคารศูนย์บริการ ${Date.now()}`;
    const created = await office.evaluate(async (title) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const plans = await (await fetch('/api/v1/action-plans')).json();
      const plan = plans.items.find((p) => p.fiscal_year === 2569);
      const detail = await (await fetch(`/api/v1/action-plans/${plan.id}`)).json();
      const project = detail.projects.find((p) => p.kind === 'main' && p.status === 'active');
      const response = await fetch(`/api/v1/projects/${project.element_id}/procurements`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify({
          title_th: title,
          method: 'e_bidding',
          reference_price_satang: 180000000,
          stages: { plan_published: '2025-11-03', invitation: '2026-03-20' },
        }),
      });
      return { status: response.status, body: await response.json(), project: project.name_th };
    }, title);
    assert.equal(created.status, 201, JSON.stringify(created.body));

    // Coming back to the dashboard window (focus) reloads it: one more open warning.
    await executive.evaluate(() => window.dispatchEvent(new Event('focus')));
    await executive.waitForFunction(
      (expected) => {
        const text = document.querySelector('[data-testid="fig-warnings"] .mon-figure-value')?.textContent ?? '';
        return Number(text.replace(/[^0-9]/g, '')) === expected;
      },
      before + 1,
    );
    assert.equal(Number(await kindRow.locator('.mon-kind-count').innerText()), kindBefore + 1);

    // The figure links to the list behind it, where the new warning is told in Thai.
    await executive.getByTestId('fig-warnings').getByRole('link', { name: String(before + 1) }).click();
    await executive.waitForURL(/\/monitoring\/warnings\?.*status=open/);
    const warning = executive.getByTestId('warning').filter({ hasText: title });
    await warning.waitFor();
    assert.match(await warning.innerText(), /จัดซื้อจัดจ้างยังไม่ก่อหนี้ผูกพันตามกำหนด/);
    assert.match(await warning.innerText(), /แจ้งเมื่อ \d{1,2} [ก-๙.]+ 25\d\d/, 'dates in the Buddhist era');
    assert.doesNotMatch(await warning.innerText(), /TRAT-/, 'the owner agency by its name, not its code');
    // An executive reads; only the agency, the strategy office and admins resolve.
    assert.equal(await warning.getByRole('button', { name: 'บันทึกการแก้ไข' }).count(), 0);

    // The strategy office's warnings page lists it too and resolves it with a note in a dialog.
    await office.reload();
    const officeWarning = office.getByTestId('warning').filter({ hasText: title });
    await officeWarning.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
    const dialog = office.getByTestId('reason-dialog');
    await dialog.getByLabel('สิ่งที่ได้ดำเนินการ').fill('เร่งรัดการลงนามสัญญาแล้ว ติดตามในการประชุมเดือนหน้า');
    await dialog.getByRole('button', { name: 'บันทึกว่าแก้ไขแล้ว' }).click();
    await officeWarning.waitFor({ state: 'detached' });

    // The thresholds behind the warnings: a value outside its range is refused at the field.
    const settings = office.getByTestId('warning-settings');
    await settings.locator('summary').click();
    const points = settings.getByLabel(/ต่ำกว่าเป้าหมายของรัฐบาล/);
    await points.fill('500');
    await settings.locator('li').filter({ hasText: 'ต่ำกว่าเป้าหมายของรัฐบาล' }).getByRole('button', { name: 'บันทึก' }).click();
    const ids = (await points.getAttribute('aria-describedby')).split(' ');
    await office.locator(`[id="${ids[0]}"]`).filter({ hasText: 'ต้องอยู่ระหว่าง 0 ถึง 100' }).waitFor();
    assert.equal(await points.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(executive.problems, []);
    assert.deepEqual(office.problems, []);
  });

  test('the needs map draws the districts with labels that never overlap, and a click filters', async () => {
    for (const options of [{}, phone]) {
      const page = await app.newPage(options);
      await page.goto('/needs');
      const map = page.getByTestId('district-map');
      await map.locator('[data-code]').first().waitFor();
      assert.equal(await map.locator('g[data-code]').count(), 7, 'the seven districts of Trat');
      assert.match(await page.getByTestId('map-note').innerText(), /ค่าประมาณ.*ไม่ใช่แนวเขต.*not official boundaries/s);
      // Each district is a shape (its subdistricts' cells and an outline), not a dot.
      const area = await map.locator('g[data-code="2301"] path[data-subdistrict]').count();
      assert.ok(area >= 10, `Mueang Trat is drawn from its subdistricts (${area})`);
      const names = await map.locator('.area-map-label').allTextContents();
      assert.ok(names.includes('เกาะช้าง') && names.includes('แหลมงอบ'), names.join(', '));
      assertNoOverlap(await labelBoxes(page, 'district-map'));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= (options.viewport?.width ?? 1280), `the page fits (${width}px)`);

      // Zoomed in, subdistricts are named too, still without overlaps.
      await map.getByRole('button', { name: /ขยาย/ }).click();
      await map.getByRole('button', { name: /ขยาย/ }).click();
      await map.locator('.area-map-sublabel').first().waitFor();
      assertNoOverlap(await labelBoxes(page, 'district-map'));
      await map.getByRole('button', { name: 'ทั้งจังหวัด' }).click();

      // Clicking Ko Chang on the map (where its badge sits, inside its shape) filters the list.
      const badge = await map.locator('[data-label="2307"] circle').boundingBox();
      await page.mouse.click(badge.x + badge.width / 2, badge.y + badge.height / 2);
      await page.waitForURL(/district=2307/);
      await map.locator('g[data-code="2307"][aria-pressed="true"]').waitFor();
      await page.waitForFunction(() => {
        const places = [...document.querySelectorAll('[data-testid="need"] .need-meta')].map((p) => p.textContent);
        return places.length > 0 && places.every((text) => text.includes('เกาะช้าง'));
      });
      assert.deepEqual(page.problems, []);
    }
  });

  test('the KPI rubric editor shows the server\'s refusal at the field', async () => {
    const page = await app.newPage();
    await signIn(page, 'strategy', { next: '/monitoring/kpis' });
    await page.getByTestId('province-score').waitFor();
    await page.getByTestId('kpi-scores').getByRole('link', { name: 'รายได้จากการท่องเที่ยวของจังหวัด' }).click();
    await page.getByTestId('kpi-name').filter({ hasText: 'รายได้จากการท่องเที่ยวของจังหวัด' }).waitFor();
    await page.getByTestId('kpi-trend-chart').locator('canvas').waitFor();
    const form = page.getByTestId('rubric-form');
    await form.getByLabel('ค่าที่ 1', { exact: true }).waitFor();

    // Values going down while higher is better: 422 naming the thresholds.
    await form.getByLabel('ค่าที่ 2', { exact: true }).fill('100');
    await form.getByRole('button', { name: 'บันทึกเกณฑ์' }).click();
    const thresholds = form.getByTestId('rubric-thresholds');
    const describedBy = await thresholds.getAttribute('aria-describedby');
    const message = page.locator(`[id="${describedBy}"]`);
    await message.filter({ hasText: 'ค่าของแต่ละระดับต้องมากกว่าระดับก่อนหน้า' }).waitFor();
    assert.equal(await thresholds.getAttribute('aria-invalid'), 'true');

    // A weight of 0: the message is under the weight.
    await form.getByLabel('ค่าที่ 2', { exact: true }).fill('16000');
    await form.getByLabel('น้ำหนัก').fill('0');
    await form.getByRole('button', { name: 'บันทึกเกณฑ์' }).click();
    const weight = form.getByLabel('น้ำหนัก');
    await page.locator(`[id="${await weight.getAttribute('aria-describedby')}"]`)
      .filter({ hasText: 'น้ำหนักต้องมากกว่า 0' }).waitFor();
    assert.equal(await weight.getAttribute('aria-invalid'), 'true');

    // Put right, it saves.
    await weight.fill('10');
    await form.getByRole('button', { name: 'บันทึกเกณฑ์' }).click();
    await form.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).waitFor();
    assert.deepEqual(page.problems, []);
  });
});
