// A household representative on a cheap phone (360×740) votes online on the demo village's open
// vote, votes again (the second vote replaces the first), and after the village head closes the
// vote sees the result, counted against all the households. Checked at both sizes (checks.mjs).
// Usage: node vote_flow.mjs BASE_URL SCREENSHOT_DIR CODES_JSON
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

// 1. The demo resident opens the household's votes from their page.
await signIn(page, 'nguoidan@coso.example');
await Promise.all([page.waitForLoadState('load'), page.locator('main a', { hasText: 'Biểu quyết của hộ' }).click()]);
assert.match(page.url(), /\/cua-toi\/bieu-quyet$/);
const vote = page.locator('section', { hasText: 'Giờ mở cửa sân thể thao' });
const id = (await vote.getAttribute('id')).replace('bieu-quyet-', '');
await fitsThePhone('the household votes');
await shot('1-open');
await checks.atEverySize(page, 'resident: the household votes');

// 2. A vote, then a second one that replaces it.
await Promise.all([page.waitForLoadState('load'), vote.locator('button', { hasText: /^Đồng ý$/ }).click()]);
assert.match(await page.locator('main').innerText(), /Đã ghi biểu quyết của hộ/);
assert.match(await page.locator(`#bieu-quyet-${id}`).innerText(), /Hộ đã chọn\s+Đồng ý/);
await Promise.all([page.waitForLoadState('load'), page.locator(`#bieu-quyet-${id} button`, { hasText: 'Không đồng ý' }).click()]);
assert.match(await page.locator('main').innerText(), /Đã thay biểu quyết của hộ/);
assert.match(await page.locator(`#bieu-quyet-${id}`).innerText(), /Hộ đã chọn\s+Không đồng ý/);
await fitsThePhone('the vote after the second choice');
await shot('2-replaced');

// 3. The village head closes the vote from the officials' page.
const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', bypassCSP: true });
const head = await desk.newPage();
head.setDefaultTimeout(15000);
await signIn(head, 'truongthon@coso.example');
// The village head's own page links the village they hold the role in.
await head.goto(`${base}/cua-toi`);
const unit = (await head.locator('main a[href^="/don-vi/"]').first().getAttribute('href')).split('/')[2];
await head.goto(`${base}/quan-tri/don-vi/${unit}/quyet-dinh/${id}/truc-tuyen`);
assert.match(await head.locator('main').innerText(), /Số hộ đã biểu quyết\s+1/, 'the second vote replaced the first');
await Promise.all([head.waitForLoadState('load'), head.locator('main button', { hasText: 'Kết thúc biểu quyết' }).click()]);
assert.match(await head.locator('main').innerText(), /Đã kết thúc biểu quyết trực tuyến/);
await checks.atEverySize(head, 'village head: the online vote closed');

// 4. The resident sees the result: one household against, counted against all households.
await page.goto(`${base}/cua-toi/bieu-quyet`);
const closed = await page.locator(`#bieu-quyet-${id}`).innerText();
assert.match(closed, /Đã kết thúc/);
assert.match(closed, /0 đồng ý, 1 không đồng ý, trên tổng số \d+ hộ gia đình/);
assert.equal(await page.locator(`#bieu-quyet-${id} button`).count(), 0, 'no more voting after the close');
await fitsThePhone('the result');
await shot('3-result');
await checks.atEverySize(page, 'resident: the result of the vote');
await browser.close();
if (!checks.report()) process.exit(1);
console.log('vote flow: ok');
