// What every page must show at any size, shared by the browser scripts: nothing spills out
// sideways, no raw enum code of the domain in the visible text, and axe-core finds nothing
// serious or critical. Problems are collected, not thrown, so that one run lists them all.
import axe from 'axe-core';
import { readFileSync } from 'node:fs';

export const SIZES = [
  { width: 1366, height: 768 },
  { width: 360, height: 740 },
];

// The browser options every script uses (Debian's chromium, nothing fetched from outside).
export const LAUNCH = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export class Checks {
  // `codesFile`: a JSON list of the domain's enum codes (written by the Rust test).
  constructor(codesFile) {
    const codes = JSON.parse(readFileSync(codesFile, 'utf8'));
    // Whole words, case-sensitive: between characters that are not letters, digits or `_`.
    this.codePattern = new RegExp(`(?<![\\p{L}\\p{N}_])(${codes.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
    this.failures = [];
    this.axeRuns = 0;
    // The kinds of minor or moderate violations axe-core saw: printed, not failed.
    this.minor = new Set();
  }

  fail(where, what) {
    this.failures.push(`${where}: ${what}`);
  }

  // The page as it is now, at the viewport it has now.
  async atThisSize(page, where) {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    if (scrollWidth > innerWidth) this.fail(where, `horizontal overflow: ${scrollWidth} px wide in ${innerWidth} px`);
    // Text marked as code (`<code>`, `<pre>`…) shows machine data on purpose: only the rest counts.
    const { text, codeText } = await page.evaluate(() => ({
      text: document.body.innerText,
      codeText: [...document.querySelectorAll('code, pre, kbd, samp')].map((e) => e.innerText).join('\n'),
    }));
    const tally = (t) => [...t.matchAll(this.codePattern)].reduce((n, m) => n.set(m[1], (n.get(m[1]) || 0) + 1), new Map());
    const asCode = tally(codeText);
    const raw = [...tally(text)].filter(([code, n]) => n > (asCode.get(code) || 0)).map(([code]) => code);
    if (raw.length > 0) this.fail(where, `raw codes in the visible text: ${raw.join(', ')}`);
    // coso's pages allow no script: the browser context must be opened with `bypassCSP`.
    if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    this.axeRuns += 1;
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        const targets = v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ');
        this.fail(where, `axe ${v.id} (${v.impact}): ${v.help} — ${targets}`);
      } else {
        this.minor.add(`${v.id} (${v.impact})`);
      }
    }
  }

  // The page at each size, with a full-page screenshot `PREFIX-WIDTH.png` of each when
  // `prefix` is given; the viewport is left as it was.
  async atEverySize(page, where, prefix) {
    const before = page.viewportSize();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await this.atThisSize(page, `${where} @${size.width}`);
      if (prefix) await page.screenshot({ path: `${prefix}-${size.width}.png`, fullPage: true });
    }
    await page.setViewportSize(before);
  }

  // Prints what axe-core saw and every problem; whether there was none.
  report() {
    console.log(`axe-core: ${this.axeRuns} runs; minor or moderate: ${[...this.minor].join(', ') || 'none'}`);
    if (this.failures.length === 0) return true;
    console.log(`${this.failures.length} problems:`);
    for (const f of this.failures) console.log(`  ${f}`);
    return false;
  }
}
