// A resident on a cheap phone (360×740), signed in: sends a petition with a photo to a commune,
// reads the tracking code, follows it by that code typed carelessly; the province official answers it
// through the API (the official pages of cases are not part of this flow); the resident sees
// the answer and rates it, once, and finds it among their own cases ("Đơn của tôi"). Every page is also checked at both sizes (see checks.mjs).
// Usage: node resident_flow.mjs BASE_URL SCREENSHOT_DIR CODES_JSON
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { Checks, LAUNCH } from './checks.mjs';

const [base, shots, codesFile] = process.argv.slice(2);
const PASSWORD = 'coso-demo-2025';
const checks = new Checks(codesFile);

// A 2×2 PNG with a text chunk naming the phone, as photo apps write: the server drops it.
function png() {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.from([0, 200, 30, 30, 30, 200, 30, 0, 30, 30, 200, 200, 200, 200]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from('Camera\0Dien thoai cua Lan', 'latin1')),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const photo = `${shots}/o-ga.png`;
writeFileSync(photo, png());

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

// 0. The demo's resident signs in: what they send is listed among their own cases.
await page.goto(`${base}/dang-nhap`);
await page.fill('#email', 'nguoidan@coso.example');
await page.fill('#password', PASSWORD);
await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
assert.ok(page.url().endsWith('/cua-toi'), `the resident lands on their page: ${page.url()}`);

// 1. From the province's page to a commune, its list of petitions and the form.
await page.goto(`${base}/don-vi/42`);
const commune = new URL(await page.locator('main ul.grid a').first().getAttribute('href'), base).pathname;
await page.goto(`${base}${commune}`);
await Promise.all([page.waitForLoadState('load'), page.locator('main a', { hasText: 'Gửi phản ánh, kiến nghị' }).first().click()]);
assert.ok(page.url().endsWith('/phan-anh/gui'), page.url());
await fitsThePhone('the petition form');

// A photo that is not one is refused with the field named, and what was typed is kept.
const fake = `${shots}/khong-phai-anh.jpg`;
writeFileSync(fake, '%PDF-1.7 không phải ảnh');
await page.selectOption('#category', { label: 'Hạ tầng, giao thông' });
await page.fill('#content', 'Ổ gà lớn trên đường trục thôn, xe máy đã ngã hai lần.');
await page.fill('#place', 'Đường trục thôn, trước nhà văn hóa');
await page.check('#publish');
await page.setInputFiles('#photos', fake);
await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
assert.match(await page.locator('.error-summary').innerText(), /khong-phai-anh\.jpg/);
assert.equal(await page.locator('#content').inputValue(), 'Ổ gà lớn trên đường trục thôn, xe máy đã ngã hai lần.');
await fitsThePhone('the refused form');
await shot('1-refused-photo');
await checks.atEverySize(page, 'resident: the refused form');

await page.setInputFiles('#photos', photo);
await page.selectOption('#category', { label: 'Hạ tầng, giao thông' });
await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
const code = (await page.locator('#ma-theo-doi').innerText()).trim();
assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, `a tracking code: ${code}`);
await fitsThePhone('the confirmation');
await shot('2-code');
await checks.atEverySize(page, 'resident: the confirmation');

// 2. Followed by the code, typed in lower case without dashes.
await page.goto(`${base}/theo-doi`);
await page.fill('#ma', code.toLowerCase().replaceAll('-', ''));
await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
assert.ok(page.url().endsWith(`/theo-doi/${code}`), page.url());
assert.match(await page.locator('main').innerText(), /Đã tiếp nhận/);
await fitsThePhone('the tracking page');
await checks.atEverySize(page, 'resident: the tracking page');

// 3. The province official finds it by the code and answers it through the API.
const api = await (await import('playwright-core')).request.newContext({ baseURL: base });
const session = await api.post('/api/v1/session', { data: { email: 'canbo.tinh@coso.example', password: PASSWORD } });
assert.equal(session.status(), 200, 'the official signs in');
const csrf = (await session.json()).csrf_token;
const found = await api.get(`/api/v1/cases/code/${code}`);
assert.equal(found.status(), 200, 'the official finds the case');
const id = (await found.json()).id;
const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
const accepted = await api.post(`/api/v1/cases/${id}/accept`, { data: { on: today }, headers: { 'x-csrf-token': csrf } });
assert.equal(accepted.status(), 200, `accepted: ${await accepted.text()}`);
const answered = await api.post(`/api/v1/cases/${id}/answer`, {
  data: { on: today, public_answer: 'Xã đã vá ổ gà ngày hôm nay và đặt biển cảnh báo.' },
  headers: { 'x-csrf-token': csrf },
});
assert.equal(answered.status(), 200, `answered: ${await answered.text()}`);
await api.dispose();

// 4. The resident sees the answer (the public page may be a few seconds old) and rates it.
let text = '';
for (let i = 0; i < 30 && !text.includes('Xã đã vá ổ gà'); i++) {
  await page.waitForTimeout(500);
  await page.goto(`${base}/theo-doi/${code}`);
  text = await page.locator('main').innerText();
}
assert.match(text, /Xã đã vá ổ gà/);
assert.match(text, /Đã thụ lý/);
await fitsThePhone('the answered case');
await shot('3-answered');
await checks.atEverySize(page, 'resident: the answered case');
await page.check('input[name=rating][value="5"]');
await page.fill('#comment', 'Cảm ơn xã, xử lý rất nhanh.');
await Promise.all([page.waitForLoadState('load'), page.click('main form button[type=submit]')]);
const rated = await page.locator('main').innerText();
assert.match(rated, /5 \/ 5 sao/);
assert.equal(await page.locator('input[name=rating]').count(), 0, 'rated once: the form is gone');
await shot('4-rated');
await checks.atEverySize(page, 'resident: the rated case');

// The commune's list shows the published petition with its answer and the rating.
await page.goto(`${base}${commune}/phan-anh?q=o ga`);
assert.match(await page.locator('main').innerText(), /Xã đã vá ổ gà/);
await fitsThePhone('the public list');
await checks.atEverySize(page, 'resident: the public list');

// 5. "Đơn của tôi": the petition is the resident's own, and leads to its tracking page.
await page.goto(`${base}/cua-toi`);
await Promise.all([page.waitForLoadState('load'), page.locator('main a', { hasText: /Đơn của tôi|Xem tất cả/ }).first().click()]);
assert.ok(page.url().endsWith('/cua-toi/don'), page.url());
const mine = await page.locator('main ul.inbox').innerText();
assert.match(mine, new RegExp(code));
assert.match(mine, /Phản ánh, kiến nghị/);
await fitsThePhone('my cases');
await shot('5-my-cases');
await checks.atEverySize(page, 'resident: my cases');
await Promise.all([page.waitForLoadState('load'), page.locator(`main a[href="/theo-doi/${code}"]`).click()]);
assert.ok(page.url().endsWith(`/theo-doi/${code}`), page.url());
await browser.close();
if (!checks.report()) process.exit(1);
console.log(`resident flow: ok (${code})`);
