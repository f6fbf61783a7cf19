// The main official flow in a real browser: a commune official fills and sends the annual
// report from the inbox, the province returns it with a comment, the commune corrects and
// sends it again, and the province sees both versions. At each step the page is also checked
// at both sizes (overflow, raw enum codes, axe-core: see checks.mjs).
// Usage: node official_flow.mjs BASE_URL SCREENSHOT_DIR CODES_JSON
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { Checks, LAUNCH } from './checks.mjs';

const [base, shots, codesFile] = process.argv.slice(2);
const PASSWORD = 'coso-demo-2025';
const checks = new Checks(codesFile);
const browser = await chromium.launch(LAUNCH);
// A cheap phone's screen; coso's pages allow no script, axe-core is let through.
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', bypassCSP: true });
const page = await context.newPage();
page.setDefaultTimeout(15000);

async function login(email) {
  await page.goto(`${base}/dang-nhap`);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
  assert.ok(!page.url().includes('/dang-nhap'), `signed in as ${email}`);
}

async function logout() {
  await Promise.all([page.waitForLoadState('load'), page.click('header button:has-text("Đăng xuất")')]);
}

// Nothing spills out sideways on the phone, and the header leaves the screen to the page.
async function fitsThePhone(what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what} is ${width} px wide on a 360 px screen`);
  const header = await page.locator('header.site').boundingBox();
  assert.ok(header.height <= 740 * 0.15, `${what}: the header takes ${header.height} px of 740`);
}

async function shot(name) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

// 1. The commune official: inbox → the annual report → fill → send.
await login('canbo.xa@coso.example');
await fitsThePhone('the landing page');
for (const path of ['/tinh-han', '/lich', '/quan-tri/ke-hoach']) {
  await page.goto(`${base}${path}`);
  await fitsThePhone(path);
}
await page.goto(`${base}/quan-tri`);
await Promise.all([page.waitForLoadState('load'), page.locator('main ul.list a').first().click()]);
await fitsThePhone('the unit admin page');
await Promise.all([page.waitForLoadState('load'), page.locator('main a:has-text("Hộ gia đình")').first().click()]);
await fitsThePhone('the household register');
await page.goto(`${base}/quan-tri/hop-thu`);
const annual = page.locator('ul.inbox li', { hasText: 'Báo cáo năm 2026' }).first();
await annual.waitFor();
assert.match(await annual.innerText(), /ngày làm việc|Không ghi hạn|Quá hạn|Còn/);
await fitsThePhone('the inbox');
assert.equal(await page.locator('header a[aria-current="page"]').innerText(), 'Hộp việc', 'the menu marks the inbox');
await shot('1-inbox');
await checks.atEverySize(page, 'commune: the inbox');
await Promise.all([page.waitForLoadState('load'), annual.locator('a').first().click()]);
const indicators = page.locator('input[name^="i_"]');
const n = await indicators.count();
assert.ok(n >= 12, `the template asks at least 12 indicators, got ${n}`);
// A negative count is refused with the field named, and what was typed is kept.
// Counts received are the largest: the template checks that no more are resolved than received.
for (let i = 0; i < n; i++) {
  const received = (await indicators.nth(i).getAttribute('name')).endsWith('_received');
  await indicators.nth(i).fill(String(received ? i + 100 : i + 1));
}
await indicators.first().fill('-3');
for (const t of await page.locator('textarea[name^="n_"]').all()) await t.fill('Đã tổ chức thực hiện đầy đủ.');
for (const c of await page.locator('input[name^="c_"]').all()) await c.fill('5');
await Promise.all([page.waitForLoadState('load'), page.click('form.card button[type=submit]')]);
assert.equal(await page.locator('.field-error').count() > 0, true, 'the negative count is flagged');
assert.equal(await indicators.nth(1).inputValue(), '2', 'typed values are kept');
await fitsThePhone('the report form');
assert.equal(await page.evaluate(() => document.activeElement.className), 'error-summary', 'focus moves to the error summary');
await shot('2-error');
await checks.atEverySize(page, 'commune: the report form with an error');
await indicators.first().fill('4');
await Promise.all([page.waitForLoadState('load'), page.click('form.card button[type=submit]')]);
assert.ok(page.url().includes('/quan-tri/hop-thu'), `back in the inbox: ${page.url()}`);
assert.ok((await page.locator('body').innerText()).includes('Đã gửi, chờ xem xét'));
await logout();

// 2. The province: the received report → return it with a comment.
await login('canbo.tinh@coso.example');
await page.goto(`${base}/quan-tri/hop-thu?don-vi=42`);
const received = page.locator('table a[href^="/quan-tri/bao-cao/"]').first();
await received.waitFor();
await Promise.all([page.waitForLoadState('load'), received.click()]);
const reportUrl = page.url();
assert.equal((await page.locator('#trang-thai').innerText()).trim(), 'Chờ xem xét');
await page.fill('#comment', 'Bổ sung số liệu tiếp công dân.');
await Promise.all([page.waitForLoadState('load'), page.click('button[value="return"]')]);
assert.equal((await page.locator('#trang-thai').innerText()).trim(), 'Đã trả lại');
await shot('3-returned');
await checks.atEverySize(page, 'province: the returned report');
await logout();

// 3. The commune: sees why, corrects, sends again.
await login('canbo.xa@coso.example');
await page.goto(`${base}/quan-tri/hop-thu`);
const back = page.locator('ul.inbox li', { hasText: 'Bị trả lại' }).first();
await back.waitFor();
await Promise.all([page.waitForLoadState('load'), back.locator('a').first().click()]);
assert.ok((await page.locator('.alert').first().innerText()).includes('Bổ sung số liệu tiếp công dân.'));
assert.equal(await indicators.nth(1).inputValue(), '2', 'the returned version fills the form');
await checks.atEverySize(page, 'commune: the returned report form');
await indicators.nth(1).fill('7');
await Promise.all([page.waitForLoadState('load'), page.click('form.card button[type=submit]')]);
assert.ok((await page.locator('body').innerText()).includes('Đã gửi, chờ xem xét'));
await logout();

// 4. The province sees both versions.
await login('canbo.tinh@coso.example');
await page.goto(reportUrl);
assert.equal((await page.locator('#trang-thai').innerText()).trim(), 'Chờ xem xét');
const versions = await page.locator('h2:has-text("Các lần gửi") + .table-wrap table tbody tr').count();
assert.equal(versions, 2, 'both versions are kept');
await shot('4-versions');
await checks.atEverySize(page, 'province: both versions');
await browser.close();
if (!checks.report()) process.exit(1);
console.log('official flow: ok');
