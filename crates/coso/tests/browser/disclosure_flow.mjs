// The disclosure register in a real browser: a commune official records a disclosure with a
// photo of the posted notice and sees it on the public page; a resident on a cheap phone
// (360×740) reads the commune's disclosures, searched without diacritics, and opens one.
// Every page is also checked at both sizes (see checks.mjs).
// Usage: node disclosure_flow.mjs BASE_URL SCREENSHOT_DIR CODES_JSON
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { Checks, LAUNCH } from './checks.mjs';

const [base, shots, codesFile] = process.argv.slice(2);
const PASSWORD = 'coso-demo-2025';
const checks = new Checks(codesFile);

// A tiny JPEG with an EXIF segment, as a phone's camera writes: the server drops the segment.
const exif = Buffer.from('Exif\0\0GPS1', 'latin1');
const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, exif.length + 2]),
  exif,
  Buffer.from([0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0xff, 0xd9]),
]);
const photo = `${shots}/niem-yet.jpg`;
writeFileSync(photo, jpeg);

const browser = await chromium.launch(LAUNCH);

// 1. The commune official records a disclosure with the photo.
const office = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', bypassCSP: true });
const signIn = await office.request.post(`${base}/api/v1/session`, { data: { email: 'canbo.xa@coso.example', password: PASSWORD } });
assert.equal(signIn.status(), 200, 'the official signs in');
const code = (await signIn.json()).roles[0].unit_code;
const page = await office.newPage();
page.setDefaultTimeout(15000);
await page.goto(`${base}/quan-tri/don-vi/${code}/cong-khai`);
await checks.atEverySize(page, 'official: the register', `${shots}/1-register`);
const title = 'Thông báo niêm yết thử nghiệm lịch tiêm phòng';
await page.selectOption('#item', '14');
await page.fill('#title', title);
await page.fill('#content', 'Lịch tiêm phòng cho vật nuôi tại các thôn trong tháng tới.');
await page.check('input[name=forms][value=posting]');
await page.check('input[name=forms][value=portal]');
await page.fill('#place', 'Nhà văn hóa thôn');
await page.fill('#posted_from', '01/11/2026');
await page.setInputFiles('#photos', photo);
await Promise.all([page.waitForLoadState('load'), page.click('form[enctype] button[type=submit]')]);
assert.match(page.url(), new RegExp(`/don-vi/${code}/cong-khai/\\d+$`), page.url());
assert.match(await page.locator('body').innerText(), /Đã ghi sổ nội dung công khai/);
assert.equal((await page.locator('h1').innerText()).trim(), title);
const photoHref = await page.locator('#tep a', { hasText: 'niem-yet.jpg' }).getAttribute('href');
const served = await office.request.get(`${base}${photoHref}`);
assert.equal(served.status(), 200);
assert.ok(!(await served.body()).includes(Buffer.from('Exif')), 'the photo has no metadata');
await checks.atEverySize(page, 'official: the recorded disclosure', `${shots}/2-recorded`);

// 2. A resident on a phone reads the commune's disclosures, anonymously.
const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', bypassCSP: true });
const resident = await phone.newPage();
resident.setDefaultTimeout(15000);
await resident.goto(`${base}/don-vi/${code}/cong-khai?q=tiem+phong`);
const width = await resident.evaluate(() => document.documentElement.scrollWidth);
assert.ok(width <= 360, `the list is ${width} px wide on a 360 px screen`);
await Promise.all([resident.waitForLoadState('load'), resident.locator('#cong-khai a', { hasText: title }).click()]);
assert.equal((await resident.locator('h1').innerText()).trim(), title);
assert.match(await resident.locator('#van-ban').innerText(), /Lịch tiêm phòng/);
await resident.screenshot({ path: `${shots}/3-resident.png`, fullPage: true });
await checks.atEverySize(resident, 'resident: one disclosure');
await resident.goto(`${base}/don-vi/${code}/cong-khai`);
assert.ok((await resident.locator('#cong-khai li').count()) >= 2, 'the demo year is there too');
await checks.atEverySize(resident, 'resident: the commune\'s disclosures', `${shots}/4-list`);

await browser.close();
if (!checks.report()) process.exit(1);
console.log('disclosure flow: ok');
