// Follow-up in a real browser against `changwat serve --demo`: the governor's
// secretary (the strategy office) records a meeting of ก.บ.จ., issues its pack and
// downloads the PDF and the workbook; an agency officer reports action on a directive
// of their agency and it leaves the agency's open list.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, startApp } from './lib/app.mjs';

async function downloaded(page, testId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

describe('follow-up pages', () => {
  let app;
  before(async () => { app = await startApp(); });
  after(async () => { await app?.stop(); });

  test('the governor\'s secretary creates a meeting and downloads its pack', async () => {
    const page = await app.newPage();
    await signIn(page, 'strategy', { next: '/follow-up' });
    // The demo's past meetings are listed with their packs.
    await page.getByTestId('meeting').first().waitFor();
    assert.ok(await page.getByTestId('meeting').count() >= 2);

    const form = page.getByRole('form', { name: 'บันทึกการประชุมใหม่' });
    const committee = form.getByLabel('คณะกรรมการ');
    const value = await committee.locator('option').filter({ hasText: 'ก.บ.จ.' }).getAttribute('value');
    await committee.selectOption(value);
    await form.locator('select[name="held_on-day"]').selectOption('15');
    await form.locator('select[name="held_on-month"]').selectOption('12');
    await form.locator('input[name="held_on-year"]').fill('2569');
    const title = `การประชุม ก.บ.จ.ตราด ครั้งที่ 4/2569 (ทดสอบ ${Date.now()})`;
    await form.getByLabel('ชื่อการประชุม').fill(title);
    await form.getByRole('button', { name: 'บันทึกการประชุม' }).click();

    await page.getByRole('heading', { level: 1 }).filter({ hasText: title }).waitFor();
    assert.match(await page.getByTestId('agenda').innerText(), /ระเบียบวาระที่ 2 รับรองรายงานการประชุมครั้งที่แล้ว/);
    await page.getByRole('button', { name: 'ออกเอกสารประกอบการประชุม' }).click();
    await page.getByTestId('pack-pdf').waitFor();
    assert.match(await page.getByTestId('pack-summary').innerText(), /\d+ โครงการ/);

    const pdf = await downloaded(page, 'pack-pdf');
    assert.match(pdf.name, /\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    const xlsx = await downloaded(page, 'pack-xlsx');
    assert.match(xlsx.name, /\.xlsx$/);
    assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK');
    // Issued once: the button is gone after a reload, the same files stay.
    await page.reload();
    await page.getByTestId('pack-pdf').waitFor();
    assert.equal(await page.getByRole('button', { name: 'ออกเอกสารประกอบการประชุม' }).count(), 0);
    assert.deepEqual((await downloaded(page, 'pack-pdf')).bytes, pdf.bytes);
    assert.deepEqual(page.problems, []);
  });

  test('an agency officer answers a directive and it leaves the open list', async () => {
    const page = await app.newPage();
    await signIn(page, 'agency', { next: '/follow-up/directives' });
    await page.goto('/follow-up/directives?status=open&agency=TRAT-DOAE');
    const items = page.getByTestId('directive');
    await items.first().waitFor();
    const before = await items.count();
    assert.ok(before >= 1, 'the demo gives the agency open directives');
    // Some of the demo's are past their due date and marked.
    await page.goto('/follow-up/directives?agency=TRAT-DOAE');
    await page.getByTestId('overdue').first().waitFor();
    await page.goto('/follow-up/directives?status=open&agency=TRAT-DOAE');
    await items.first().waitFor();

    const first = items.first();
    const id = await first.getAttribute('data-id');
    await first.getByLabel('สถานะใหม่', { exact: true }).selectOption('in_progress');
    await first.getByLabel('ผลการดำเนินการ', { exact: true }).fill('ประชุมชี้แจงหน่วยงานย่อยและเร่งรัดการเบิกจ่ายแล้ว');
    await first.getByRole('button', { name: 'บันทึกผล' }).click();
    await page.locator(`[data-testid="directive"][data-id="${id}"]`).waitFor({ state: 'detached' });
    assert.equal(await items.count(), before - 1);

    await page.goto('/follow-up/directives?status=in_progress&agency=TRAT-DOAE');
    await page.locator(`[data-testid="directive"][data-id="${id}"]`).waitFor();
    assert.deepEqual(page.problems, []);
  });
});
