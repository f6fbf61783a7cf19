// The officials' desk in a real browser at a phone's size: a commune official registers a
// petition brought to the desk, accepts it, answers it and downloads the answer as DOCX. At
// each step the page is also checked at both sizes (overflow, raw enum codes, axe-core: see
// checks.mjs).
// Usage: node case_desk_flow.mjs BASE_URL SCREENSHOT_DIR CODES_JSON
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Checks, LAUNCH } from './checks.mjs';

const [base, shots, codesFile] = process.argv.slice(2);
const PASSWORD = 'coso-demo-2025';
const checks = new Checks(codesFile);
const browser = await chromium.launch(LAUNCH);
const context = await browser.newContext({
  viewport: { width: 360, height: 740 },
  locale: 'vi-VN',
  bypassCSP: true,
  acceptDownloads: true,
});
const page = await context.newPage();
page.setDefaultTimeout(15000);

async function shot(name) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function submit(locator) {
  await Promise.all([page.waitForLoadState('load'), locator.click()]);
}

await page.goto(`${base}/dang-nhap`);
await page.fill('#email', 'canbo.xa@coso.example');
await page.fill('#password', PASSWORD);
await submit(page.locator('main button[type=submit]'));

// 1. The menu leads to the commune's cases; from there to the registration form.
await submit(page.locator('header nav a:has-text("Đơn thư")'));
assert.ok(page.url().includes('/quan-tri/vu-viec'), `the inbox: ${page.url()}`);
await submit(page.locator('main a:has-text("Tiếp nhận đơn mới")'));
await page.check('input[name="kind"][value="petition"]');
assert.equal(await page.locator('input[name="unit"]:checked').count(), 1, 'the commune is chosen');
await page.selectOption('#category', 'ha_tang');
await page.fill('#content', 'Đoạn đường từ thôn Một ra chợ bị ngập sau mưa, đề nghị khơi thông cống.');
await page.fill('[id="sender.name"]', 'Lê Thị Hoa');
await page.fill('[id="sender.address"]', 'Thôn Một');
await shot('1-register');
await checks.atEverySize(page, 'desk: the registration form');
await submit(page.locator('main form.card > button[type=submit]'));
assert.ok(/\/quan-tri\/vu-viec\/\d+$/.test(page.url()), `the case's page: ${page.url()}`);
const notice = await page.locator('.banner .notice').innerText();
assert.match(notice, /Đã tiếp nhận phản ánh, kiến nghị mã theo dõi [A-Z0-9-]+\./);
const deadlines = await page.locator('h2:has-text("Thời hạn") + ul').innerText();
assert.match(deadlines, /ngày làm việc|Đến hạn hôm nay/, 'the reply is due in working days');
await shot('2-case');
await checks.atEverySize(page, 'desk: the new case');

// 2. Accepted: the timeline says so.
await submit(page.locator('section:has(#accept) button[type=submit]'));
assert.match(await page.locator('.banner .notice').innerText(), /Thụ lý/);
assert.match(await page.locator('ol.list').innerText(), /Thụ lý/);

// 3. Answered, with the public answer.
await page.fill('[id="answer-public_answer"]', 'Ủy ban nhân dân xã đã khơi thông cống ngày hôm nay.');
await submit(page.locator('section:has(#answer) button[type=submit]'));
assert.match(await page.locator('dl.summary').first().innerText(), /Đã trả lời, giải quyết/);
await shot('3-answered');
await checks.atEverySize(page, 'desk: the answered case');

// 4. The answer as DOCX.
const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="tra-loi.docx"]')]);
const bytes = await readFile(await download.path());
assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a DOCX (a ZIP container)');
assert.ok(download.suggestedFilename().endsWith('.docx'), download.suggestedFilename());
await shot('4-documents');

await browser.close();
if (!checks.report()) process.exit(1);
console.log('case desk flow: ok');
