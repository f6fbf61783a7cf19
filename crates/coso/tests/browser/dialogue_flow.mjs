// A resident on a cheap phone (360×740) finds the commune's coming dialogue from the public
// pages and sends a question; the commune official answers it and records a commitment (owner
// unit, due date) on the officials' page; the resident then sees the answer on the dialogue's
// page and the commitment on the commune's public commitments page. Checked at both sizes.
// Usage: node dialogue_flow.mjs BASE_URL SCREENSHOT_DIR CODES_JSON
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { Checks, LAUNCH } from './checks.mjs';

const [base, shots, codesFile] = process.argv.slice(2);
const PASSWORD = 'coso-demo-2025';
const checks = new Checks(codesFile);

const browser = await chromium.launch(LAUNCH);
const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', bypassCSP: true });
const page = await phone.newPage();
page.setDefaultTimeout(15000);

async function signIn(p, email) {
  await p.goto(`${base}/dang-nhap`);
  await p.fill('#email', email);
  await p.fill('#password', PASSWORD);
  await Promise.all([p.waitForLoadState('load'), p.click('main button[type=submit]')]);
  assert.ok(!p.url().includes('/dang-nhap'), `${email} signed in`);
}

async function fitsThePhone(what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what} is ${width} px wide on a 360 px screen`);
}

async function shot(name) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function follow(p, locator) {
  await Promise.all([p.waitForLoadState('load'), locator.click()]);
}

// 1. The demo resident goes from their village's page up to the commune and its dialogues.
await signIn(page, 'nguoidan@coso.example');
await page.goto(`${base}/cua-toi`);
await follow(page, page.locator('main a[href^="/don-vi/"]').first());
await follow(page, page.locator('nav.crumbs a[href^="/don-vi/"]').last());
const commune = page.url().split('/don-vi/')[1].split(/[/?#]/)[0];
await follow(page, page.locator('main a', { hasText: 'Đối thoại với Nhân dân' }));
assert.equal(new URL(page.url()).pathname, `/don-vi/${commune}/doi-thoai`);
await fitsThePhone('the commune dialogues');
await checks.atEverySize(page, 'resident: the commune dialogues');

// 2. The coming dialogue (announced) takes a question.
await follow(page, page.locator('main h2', { hasText: 'Sắp diễn ra' }).locator('xpath=following-sibling::ul[1]').locator('a').first());
assert.match(page.url(), /\/doi-thoai\/\d+$/);
const id = page.url().match(/\/doi-thoai\/(\d+)$/)[1];
const question = 'Đề nghị xã cho biết khi nào lắp đèn chiếu sáng ở ngõ 5 thôn 1?';
await page.fill('#body', question);
await follow(page, page.locator('main button', { hasText: 'Gửi câu hỏi' }));
assert.match(await page.locator('main').innerText(), /Đã gửi câu hỏi của bạn\./);
const asked = page.locator('ol.questions li', { hasText: question });
assert.equal(await asked.count(), 1, 'the question is on the dialogue page');
const qid = (await asked.getAttribute('id')).replace('cau-hoi-', '');
await fitsThePhone('the dialogue after the question');
await shot('1-asked');
await checks.atEverySize(page, 'resident: the dialogue after a question');

// 3. The commune official answers it and records a commitment on it.
const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', bypassCSP: true });
const official = await desk.newPage();
official.setDefaultTimeout(15000);
await signIn(official, 'canbo.xa@coso.example');
await official.goto(`${base}/quan-tri/don-vi/${commune}/doi-thoai/${id}`);
const item = official.locator(`#cau-hoi-${qid}`);
const answer = 'Xã lắp 6 đèn chiếu sáng ở ngõ 5 trong quý tới, từ nguồn ngân sách xã.';
await item.locator('textarea[name=answer]').fill(answer);
await follow(official, item.locator('button', { hasText: 'Lưu câu trả lời' }));
assert.match(await official.locator('main').innerText(), /Đã lưu câu trả lời\./);

// A commitment without a due date is refused and names the field; then it is recorded.
const commitment = 'Lắp 6 đèn chiếu sáng ở ngõ 5 thôn 1';
await official.fill('#body', commitment);
await official.selectOption('#question', qid);
await follow(official, official.locator('main button', { hasText: 'Ghi cam kết' }));
assert.match(await official.locator('#due_on-err').innerText(), /Hạn hoàn thành/);
const due = new Date(Date.now() + 60 * 86400000);
const dueText = `${String(due.getDate()).padStart(2, '0')}/${String(due.getMonth() + 1).padStart(2, '0')}/${due.getFullYear()}`;
await official.fill('#body', commitment);
await official.fill('#owner', commune);
await official.fill('#due_on', dueText);
await official.selectOption('#question', qid);
await follow(official, official.locator('main button', { hasText: 'Ghi cam kết' }));
assert.match(await official.locator('main').innerText(), /Đã ghi cam kết\./);
await checks.atEverySize(official, 'official: the dialogue with its commitment');

// 4. The resident reads the answer, then finds the commitment among the commune's.
await page.goto(`${base}/doi-thoai/${id}`);
assert.match(await page.locator(`#cau-hoi-${qid}`).innerText(), new RegExp(`Trả lời:\\s*${answer.replace(/[.?]/g, '\\$&')}`));
await page.goto(`${base}/don-vi/${commune}/doi-thoai`);
await follow(page, page.locator('main a', { hasText: 'Theo dõi các cam kết' }));
assert.equal(new URL(page.url()).pathname, `/don-vi/${commune}/cam-ket`);
const card = page.locator('ul.cards li', { hasText: commitment });
assert.equal(await card.count(), 1, 'the commitment is on the public commitments page');
const shown = await card.innerText();
assert.match(shown, /Chưa thực hiện/);
assert.ok(shown.includes(`Hạn: ${dueText}`), `the due date ${dueText} shows: ${shown}`);
assert.match(shown, /Đơn vị chủ trì: /);
await fitsThePhone('the commitments page');
await shot('2-commitment');
await checks.atEverySize(page, 'resident: the commitments of the commune');
await browser.close();
if (!checks.report()) process.exit(1);
console.log('dialogue flow: ok');
