// Accessibility of the public pages: axe-core, injected in headless Chromium, must find no
// serious or critical violation on any page of `URLS` at either size (with the other checks of
// checks.mjs: no sideways overflow, no raw code). Extend `URLS` with new public pages.
// Usage: node a11y.mjs BASE_URL SCREENSHOT_DIR CODES_JSON
import { chromium } from 'playwright-core';
import { Checks, LAUNCH } from './checks.mjs';

const [base, , codesFile] = process.argv.slice(2);
const checks = new Checks(codesFile);

const browser = await chromium.launch(LAUNCH);
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', bypassCSP: true });
const page = await context.newPage();
page.setDefaultTimeout(15000);

// A demo commune with a disclosure register, and one of its disclosures.
const units = await context.request.get(`${base}/api/v1/units?parent=42&kind=commune&limit=1`);
const commune = (await units.json()).items[0].code;
const list = await context.request.get(`${base}/api/v1/units/${commune}/disclosures`);
const first = (await list.json()).items[0];

const URLS = [
  '/',
  '/don-vi',
  '/don-vi/42',
  `/don-vi/${commune}`,
  '/don-vi/42/phan-anh',
  '/theo-doi',
  `/don-vi/${commune}/cong-khai`,
  `/don-vi/${commune}/cong-khai?q=du+toan`,
];
if (first) URLS.push(`/don-vi/${commune}/cong-khai/${first.id}`);

for (const path of URLS) {
  const res = await page.goto(`${base}${path}`);
  if (!res || res.status() !== 200) checks.fail(path, `HTTP ${res ? res.status() : 'none'}`);
  await checks.atEverySize(page, `a11y ${path}`);
}
await browser.close();
if (!checks.report()) process.exit(1);
console.log(`a11y: ok (${URLS.length} pages)`);
