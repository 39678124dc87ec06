// Issue 11, public portal: a person on a phone (390×844) opens the portal without
// signing in, picks a project, rates it with a comment holding a phone number, keeps the
// receipt; the strategy office publishes it with an answer; the person looks the receipt
// up and sees the answer, and the comment on the project page, with the number masked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './lib/app.mjs';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('public portal (issue 11)', () => {
  let app;
  let strategy;
  before(async () => {
    app = await startApp();
    strategy = await app.server.login('strategy');
  });
  after(async () => { await app?.stop(); });

  test('a person on a phone rates a project and sees the answer after moderation', async () => {
    const page = await app.newPage(phone);
    await page.goto('/portal');
    const list = page.getByTestId('portal-projects');
    await list.getByRole('link').first().waitFor({ timeout: 60000 });
    // Money in baht with thousands separators.
    assert.match(await list.innerText(), /\d{1,3}(,\d{3})+\.\d{2} บาท/);
    // Projects on the district map.
    await page.getByTestId('portal-map').waitFor();
    // Nothing wider than the phone's screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390 + 1, `page is ${width}px wide`);

    const first = list.getByRole('link').first();
    const name = await first.innerText();
    await first.click();
    await page.getByRole('heading', { name }).waitFor();
    await page.getByLabel('4 ดาว').check();
    const comment = `ทางเดินดีขึ้นมาก โทรหาฉันได้ที่ 081-234-5678 (${Date.now()})`;
    await page.getByLabel('ความคิดเห็น (ไม่บังคับ)').fill(comment);
    await page.getByText('ศูนย์ดำรงธรรม').first().waitFor();
    await page.getByRole('button', { name: 'ส่งความคิดเห็น' }).click();
    const receiptBox = page.getByTestId('portal-receipt');
    await receiptBox.waitFor({ timeout: 20000 });
    const receipt = (await receiptBox.locator('code').innerText()).trim();
    assert.ok(receipt.length >= 12);

    // The strategy office publishes it with an answer (through the API, as its page does).
    const queue = await strategy.get('/api/v1/portal/feedback');
    const held = queue.json.items.find((i) => i.comment_th.includes('ทางเดินดีขึ้นมาก'));
    assert.ok(held, 'in the moderation queue');
    assert.doesNotMatch(held.comment_th, /081-234-5678/);
    const answer = 'ขอบคุณค่ะ หน่วยงานจะดูแลต่อเนื่อง';
    const m = await strategy.post(`/api/v1/portal/feedback/${held.id}/moderation`, { decision: 'approve', answer_th: answer, version: held.version });
    assert.equal(m.status, 200, m.text);

    await receiptBox.getByRole('link', { name: 'ติดตามคำตอบ' }).click();
    await page.getByTestId('portal-follow-answer').filter({ hasText: answer }).waitFor();
    assert.equal(await page.getByTestId('portal-follow-status').innerText(), 'เผยแพร่แล้ว');

    // A receipt typed into the look-up page finds the same answer.
    await page.goto('/portal/feedback');
    await page.getByLabel('เลขรับเรื่อง').fill(receipt);
    await page.getByRole('button', { name: 'ค้นหา' }).click();
    await page.getByTestId('portal-follow-answer').filter({ hasText: answer }).waitFor();

    await page.getByRole('link', { name }).click();
    const comments = page.getByTestId('portal-comments');
    await comments.getByText('ทางเดินดีขึ้นมาก').waitFor();
    const text = await comments.innerText();
    assert.match(text, /หน่วยงานจะดูแลต่อเนื่อง/);
    assert.doesNotMatch(text, /081-234-5678/);
  });
});
