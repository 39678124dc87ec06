// People's needs in a real browser: someone sends a need from a phone without
// signing in, the strategy office approves it, and it is then listed and followed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, startApp } from './lib/app.mjs';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('people\'s needs pages', () => {
  let app;
  before(async () => { app = await startApp(); });
  after(async () => { await app?.stop(); });

  test('a public need sent from a phone appears after moderation', async () => {
    const visitor = await app.newPage(phone);
    await visitor.goto('/needs/submit');
    const title = `ขอไฟส่องสว่างถนนท่าเรือ ${Date.now()}`;
    await visitor.getByRole('button', { name: 'ส่งเรื่อง' }).click();
    await visitor.getByText('กรุณาบอกเรื่องที่ต้องการสั้น ๆ').waitFor();
    assert.equal(await visitor.getByLabel('เรื่องที่ต้องการ (สั้น ๆ)').getAttribute('aria-invalid'), 'true');

    await visitor.getByLabel('เรื่องที่ต้องการ (สั้น ๆ)').fill(title);
    await visitor.getByLabel('รายละเอียด').fill('ถนนไปท่าเรือมืดมากตอนกลางคืน นักท่องเที่ยวและชาวบ้านเดินทางลำบาก');
    await visitor.getByLabel('ด้าน').selectOption({ label: 'สังคม' });
    await visitor.getByLabel('อำเภอ').selectOption({ label: 'เกาะช้าง' });
    await visitor.getByLabel('ตำบล (ถ้าทราบ)').selectOption({ label: 'เกาะช้างใต้' });
    await visitor.getByLabel('หมายเลขโทรศัพท์').fill('0812345678');
    const width = await visitor.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the form fits a phone (page is ${width}px wide)`);
    // The server refuses forms filled faster than a person can read them.
    await visitor.waitForTimeout(3500);
    await visitor.getByRole('button', { name: 'ส่งเรื่อง' }).click();
    const receiptBox = visitor.getByTestId('receipt');
    await receiptBox.waitFor();
    const receipt = (await receiptBox.locator('code').innerText()).trim();
    assert.ok(receipt.length >= 6, `a receipt code is shown (${receipt})`);

    // The receipt has its own address, so a reload keeps it.
    assert.equal(new URL(visitor.url()).pathname, `/needs/receipts/${receipt}`);
    await visitor.getByTestId('receipt-status').filter({ hasText: 'รอตรวจสอบ' }).waitFor();

    // Not listed before moderation.
    const before = await app.newPage();
    await before.goto('/needs');
    await before.getByTestId('needs-total').waitFor();
    assert.equal(await before.getByTestId('need').filter({ hasText: title }).count(), 0);

    const officer = await app.newPage();
    await signIn(officer, 'strategy', { next: '/needs' });
    const pending = officer.getByTestId('pending-need').filter({ hasText: title });
    await pending.waitFor();
    assert.match(await pending.innerText(), /0812345678/, 'moderators see the contact number');
    await pending.getByRole('button', { name: 'อนุมัติให้เผยแพร่' }).click();
    await pending.waitFor({ state: 'detached' });

    await officer.getByTestId('district-counts').getByRole('button', { name: /เกาะช้าง/ }).click();
    await officer.waitForURL(/district=2307/);
    const listed = officer.getByTestId('need').filter({ hasText: title });
    await listed.waitFor();
    assert.match(await listed.innerText(), /ใหม่/);

    await visitor.reload();
    await visitor.getByTestId('receipt-status').filter({ hasText: 'ใหม่' }).waitFor();

    // The strategy office links it to a guideline of the plan that answers it.
    await listed.getByRole('link', { name: title }).click();
    const actions = officer.getByTestId('need-actions');
    const choice = actions.getByRole('radiogroup', { name: 'เชื่อมโยงกับแนวทางการพัฒนาหรือโครงการ' }).getByRole('radio').first();
    await choice.waitFor();
    const elementId = await choice.getAttribute('value');
    await choice.check();
    await actions.getByRole('button', { name: 'เชื่อมโยง', exact: true }).click();
    const links = officer.getByTestId('need-links');
    await links.getByRole('link').first().waitFor();
    assert.match(await links.getByRole('link').first().getAttribute('href'), new RegExp(`/elements/${elementId}$`));
    await officer.getByText('บรรจุในแผนแล้ว').first().waitFor();

    await visitor.reload();
    await visitor.getByTestId('receipt-status').filter({ hasText: 'บรรจุในแผนแล้ว' }).waitFor();
    assert.deepEqual(visitor.problems, []);
    assert.deepEqual(officer.problems, []);
  });
});
