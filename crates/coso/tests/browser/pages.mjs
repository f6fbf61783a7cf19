// Every main page, for each role, at a desktop (1366×768) and a cheap phone (360×740):
// nothing spills out sideways, no raw enum code shows, axe-core finds nothing serious or
// critical, every link of the header answers 200 for whoever sees it, and the page's HTML and
// stylesheet stay under 30 KB gzipped. A full-page screenshot of each page at each size is
// saved for a reviewer as ROLE-PAGE-WIDTH.png.
// Usage: node pages.mjs BASE_URL SCREENSHOT_DIR CODES_JSON
// CODES_JSON: a file holding the domain's enum codes (written by the Rust test).
import { chromium } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { Checks, LAUNCH, SIZES } from './checks.mjs';

const [base, shots, codesFile] = process.argv.slice(2);
const PASSWORD = 'coso-demo-2025';
const WEIGHT_LIMIT = 30 * 1024;
const checks = new Checks(codesFile);
const fail = (where, what) => checks.fail(where, what);
const weights = [];
const browser = await chromium.launch(LAUNCH);

// The stylesheet every page links, gzipped once.
const css = await (await fetch(`${base}/static/coso.css`)).arrayBuffer();
const cssGzip = gzipSync(Buffer.from(css)).length;

async function signIn(page, email) {
  await page.goto(`${base}/dang-nhap`);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
  if (page.url().includes('/dang-nhap')) throw new Error(`could not sign in as ${email}`);
}

// The href of the first link matching `selector` on `path`, to reach pages whose id the test
// does not know (a unit, a plan, a report).
async function firstLink(page, path, selector, hasText) {
  await page.goto(`${base}${path}`);
  const link = page.locator(selector, hasText ? { hasText } : {}).first();
  if ((await link.count()) === 0) throw new Error(`no link ${selector} on ${path}`);
  const url = new URL(await link.getAttribute('href'), page.url());
  return url.pathname + url.search;
}

// The aggregate of the first plan on the list that asks for reports (a plan asking only for
// implementing plans has nothing to aggregate, and its page links none).
async function firstAggregate(page, listPath) {
  await page.goto(`${base}${listPath}`);
  const plans = await page.locator('main a[href^="/quan-tri/ke-hoach/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const plan of plans) {
    await page.goto(new URL(plan, `${base}${listPath}`).href);
    const link = page.locator('main a[href*="/tong-hop?ky="]').first();
    if ((await link.count()) > 0) {
      const url = new URL(await link.getAttribute('href'), page.url());
      return url.pathname + url.search;
    }
  }
  throw new Error(`no plan on ${listPath} links an aggregate`);
}

// One page for one role: both sizes, the header's links, the weight.
async function checkPage(page, role, name, path, seenLinks) {
  const response = await page.goto(`${base}${path}`);
  const where = `${role} ${path}`;
  if (response.status() !== 200) {
    fail(where, `answered ${response.status()}`);
    return;
  }
  await checks.atEverySize(page, where, `${shots}/${role}-${name}`);
  for (const href of await page.locator('header a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    if (seenLinks.has(href)) continue;
    seenLinks.add(href);
    const answer = await page.request.get(`${base}${href}`, { maxRedirects: 0 });
    if (answer.status() !== 200) fail(where, `the header link ${href} answers ${answer.status()}`);
  }
  const html = await page.request.get(`${base}${path}`);
  const gzip = gzipSync(await html.body()).length + cssGzip;
  weights.push({ role, path, gzip });
  if (gzip > WEIGHT_LIMIT) fail(where, `HTML + CSS weigh ${gzip} bytes gzipped (limit ${WEIGHT_LIMIT})`);
}

// The pages of each role: fixed paths, and pages found by following a link.
const roles = [
  {
    role: 'anonymous',
    pages: async () => [
      ['home', '/'],
      ['units', '/don-vi'],
      ['unit', '/don-vi/42'],
      ['unit-search', '/don-vi?q=hong%20linh'],
      ['deadline', '/tinh-han'],
      ['deadline-result', '/tinh-han?rule=complaint.first&from=04/03/2024&complex=true'],
      ['calendar', '/lich'],
      ['login', '/dang-nhap'],
      ['sign-up', '/dang-ky'],
      ['sign-up-search', '/dang-ky?tim-don-vi=thach%20ha'],
      ['sign-up-sent', '/dang-ky/da-gui'],
      ['petitions', '/don-vi/42/phan-anh'],
      ['petition-form', '/don-vi/42/phan-anh/gui'],
      ['tracking', '/theo-doi'],
    ],
  },
  {
    role: 'resident',
    email: 'nguoidan@coso.example',
    // The resident's village page, then its commune's news, a post and the legal library.
    pages: async (page) => {
      const village = await firstLink(page, '/cua-toi', 'main dl.summary a[href^="/don-vi/"]');
      const commune = await firstLink(page, village, 'nav.crumbs li:nth-last-child(2) a');
      const post = await firstLink(page, `${commune}/tin-tuc`, 'ul.cards h2 a');
      return [
        ['mine', '/cua-toi'],
        ['news', `${commune}/tin-tuc`],
        ['news-post', post],
        ['library', `${commune}/van-ban`],
      ];
    },
  },
  {
    role: 'village-head',
    email: 'truongthon@coso.example',
    pages: async (page) => {
      const unit = await firstLink(page, '/quan-tri', 'main ul.list a');
      return [
        ['admin', '/quan-tri'],
        ['unit', unit],
        ['households', `${unit}/ho-gia-dinh`],
        ['household-links', `${unit}/ho-gia-dinh/yeu-cau-lien-ket`],
      ];
    },
  },
  {
    role: 'commune',
    email: 'canbo.xa@coso.example',
    pages: async (page) => {
      const unit = await firstLink(page, '/quan-tri', 'main ul.list a');
      const implementing = await firstLink(page, '/quan-tri/hop-thu', 'ul.inbox li a', 'Kế hoạch thực hiện');
      const report = await firstLink(page, '/quan-tri/hop-thu', 'ul.inbox li a', 'Báo cáo năm 2026');
      const session = await firstLink(page, `${unit}/tiep-cong-dan/so`, 'table.data tbody a');
      const code = unit.split('/').pop();
      const citizenCase = await firstLink(page, '/quan-tri/vu-viec?trang-thai=all', 'ul.inbox li a');
      return [
        ['inbox', '/quan-tri/hop-thu'],
        ['implementing-plan-form', implementing],
        ['report-form', report],
        ['plans', '/quan-tri/ke-hoach'],
        ['admin', '/quan-tri'],
        ['unit', unit],
        ['households', `${unit}/ho-gia-dinh`],
        ['reception-schedule', `${unit}/tiep-cong-dan/lich`],
        ['reception-log', `${unit}/tiep-cong-dan/so`],
        ['reception-session', session],
        ['reception-compliance', `${unit}/tiep-cong-dan/tuan-thu`],
        ['public-unit-schedule', `/don-vi/${code}`],
        ['cases', '/quan-tri/vu-viec'],
        ['case-register', '/quan-tri/vu-viec/moi'],
        ['case', citizenCase],
        ['case-categories', `${unit}/linh-vuc-don`],
        ['news-desk', `${unit}/tin-tuc`],
        ['library-desk', `${unit}/van-ban`],
        ['trainings', `${unit}/tap-huan`],
      ];
    },
  },
  {
    role: 'province',
    email: 'canbo.tinh@coso.example',
    pages: async (page) => {
      const submission = await firstLink(page, '/quan-tri/hop-thu?don-vi=42', 'table a[href^="/quan-tri/bao-cao/"]');
      const plan = await firstLink(page, '/quan-tri/ke-hoach?don-vi=42', 'main a[href^="/quan-tri/ke-hoach/"]');
      const aggregate = await firstAggregate(page, '/quan-tri/ke-hoach?don-vi=42');
      return [
        ['inbox', '/quan-tri/hop-thu?don-vi=42'],
        ['submission', submission],
        ['plans', '/quan-tri/ke-hoach?don-vi=42'],
        ['plan', plan],
        ['aggregate', aggregate],
        ['admin-unit', '/quan-tri/don-vi/42'],
        ['reception-compliance', '/quan-tri/don-vi/42/tiep-cong-dan/tuan-thu'],
      ];
    },
  },
  {
    role: 'admin',
    email: 'quantri@coso.example',
    pages: async () => [
      ['admin', '/quan-tri'],
      ['users', '/quan-tri/nguoi-dung'],
      ['clearances', '/quan-tri/nguoi-dung/quyen-to-cao'],
      ['audit', '/quan-tri/nhat-ky'],
      ['template-editor', '/quan-tri/mau-bao-cao'],
      ['style', '/quan-tri/thiet-ke'],
    ],
  },
];

for (const { role, email, pages } of roles) {
  // coso's pages forbid every script: the test's own (axe-core) is let through.
  const context = await browser.newContext({ viewport: SIZES[0], locale: 'vi-VN', bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  try {
    if (email) await signIn(page, email);
    const seenLinks = new Set();
    for (const [name, path] of await pages(page)) {
      try {
        await checkPage(page, role, name, path, seenLinks);
      } catch (e) {
        fail(`${role} ${path}`, e.message);
      }
    }
  } catch (e) {
    fail(role, e.message);
  }
  await context.close();
}
await browser.close();

weights.sort((a, b) => b.gzip - a.gzip);
console.log('page weight, HTML + CSS gzipped:');
for (const w of weights) console.log(`  ${String(w.gzip).padStart(6)} B  ${w.role} ${w.path}`);
if (weights.length > 0) console.log(`largest: ${weights[0].role} ${weights[0].path}, ${weights[0].gzip} B`);
if (!checks.report()) process.exit(1);
console.log(`pages: ok (${weights.length} pages at ${SIZES.length} sizes)`);
