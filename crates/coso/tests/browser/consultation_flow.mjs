// A resident on a cheap phone (360×740) reads a draft their commune consults them on and
// comments on one of its sections; the comment shows as text (markup typed in it is not run),
// and the page is checked at both sizes (see checks.mjs).
// Usage: node consultation_flow.mjs BASE_URL SCREENSHOT_DIR CODES_JSON
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { Checks, LAUNCH } from './checks.mjs';

const [base, shots, codesFile] = process.argv.slice(2);
const PASSWORD = 'coso-demo-2025';
const checks = new Checks(codesFile);

const browser = await chromium.launch(LAUNCH);
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', bypassCSP: true });
const page = await context.newPage();
page.setDefaultTimeout(15000);

async function fitsThePhone(what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what} is ${width} px wide on a 360 px screen`);
}

async function shot(name) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

// 1. The demo resident signs in and opens the drafts of their commune from the menu.
await page.goto(`${base}/dang-nhap`);
await page.fill('#email', 'nguoidan@coso.example');
await page.fill('#password', PASSWORD);
await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
assert.ok(!page.url().includes('/dang-nhap'), 'signed in');
const menu = page.locator('a', { hasText: 'Góp ý dự thảo' }).first();
await page.goto(new URL(await menu.getAttribute('href'), base).href);
await fitsThePhone('the list of drafts');
await checks.atEverySize(page, 'resident: the drafts of the commune');
await Promise.all([page.waitForLoadState('load'), page.locator('main a', { hasText: 'Dự thảo Quy ước' }).first().click()]);
assert.match(page.url(), /\/lay-y-kien\/\d+$/);
const draft = await page.locator('main').innerText();
assert.match(draft, /Điều 2\. Giữ gìn vệ sinh môi trường/);
assert.match(draft, /35 hộ đồng ý, 4 hộ không đồng ý/, 'the counts of a village meeting');
await fitsThePhone('the draft');
await shot('1-draft');
await checks.atEverySize(page, 'resident: the draft by section');

// 2. A comment on article 3, with markup typed in it.
const article = page.locator('section.draft-section', { hasText: 'Điều 3. Việc cưới' });
const text = 'Đề nghị cho phép dùng loa đến 22 giờ 30 vào dịp lễ, Tết <b>in đậm</b>.';
await article.locator('textarea[name=body]').fill(text);
await Promise.all([page.waitForLoadState('load'), article.locator('button', { hasText: 'Gửi ý kiến' }).click()]);
assert.match(await page.locator('main').innerText(), /Đã gửi ý kiến của bạn\./);
const shown = page.locator('section.draft-section', { hasText: 'Điều 3. Việc cưới' }).locator('ul.comments li').last();
assert.ok((await shown.innerText()).includes(text), 'the comment shows as typed, as text');
assert.equal(await shown.locator('b').count(), 0, 'markup in a comment is never made into elements');
await fitsThePhone('the draft after the comment');
await shot('2-commented');
await checks.atEverySize(page, 'resident: the draft after a comment');
await browser.close();
if (!checks.report()) process.exit(1);
console.log('consultation flow: ok');
