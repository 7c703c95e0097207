// The checks that need a browser: axe-core on a page, reflow at 320 CSS px,
// the print layout and the keyboard walk. Chromium is the system's (Debian's
// package), driven by playwright-core with a fresh profile that is removed
// afterwards; Playwright's own browser downloads are never used.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_VERSION = require('axe-core/package.json').version;

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: JIS X 8341-3:2016 AA and beyond. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const CHROMIUM = process.env.KOHYO_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts Chromium with a fresh profile; resolves to { context, close }. */
export async function launch() {
  const profile = await mkdtemp(join(tmpdir(), 'kohyo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Runs axe-core on the loaded page; resolves to its violations. */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html,
        summary: n.failureSummary,
      })),
    }));
  }, AXE_TAGS);
}

/** Readable lines for axe violations. */
export function describeViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s); ${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`      at ${n.target}`);
      lines.push(`         ${n.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      for (const s of (n.summary ?? '').split('\n')) lines.push(`         ${s}`);
    }
    if (v.nodes.length > 5) lines.push(`      … and ${v.nodes.length - 5} more`);
  }
  return lines;
}

/**
 * Elements that make the page itself scroll sideways at the current viewport
 * width (content inside a scrolling box such as a table region does not
 * count). An empty list means the page reflows.
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const clips = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    const name = (el) =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : '') +
      (el.classList.length ? `.${[...el.classList].join('.')}` : '');
    const out = [`page is ${document.documentElement.scrollWidth}px wide in a ${width}px viewport`];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0 && !clips(el)) {
        out.push(`${name(el)} reaches ${Math.round(r.right)}px: ${el.textContent.trim().slice(0, 40)}`);
        if (out.length > 6) break;
      }
    }
    return out;
  });
}

/** Whether `el`'s focus is shown: an outline or a box-shadow, and on screen. */
function focusState() {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== 'none';
  return {
    what:
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : '') +
      (el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : '') +
      (el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''),
    tag: el.tagName,
    id: el.id,
    skip: el.classList.contains('skip-link'),
    inMain: !!el.closest('main'),
    indicator: outline || shadow,
    style: `outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow}`,
    onScreen:
      r.width > 0 &&
      r.height > 0 &&
      r.bottom > 0 &&
      r.right > 0 &&
      r.top < window.innerHeight &&
      r.left < window.innerWidth,
    inside: r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight,
  };
}

/**
 * The keyboard walk on a loaded page: the first Tab reaches the skip link,
 * which is shown wholly on screen with a focus indicator; Enter moves focus
 * to <main>; then Tab goes through every focusable element of <main> (up to
 * `limit`), each of which must be on screen and show a focus indicator.
 * Resolves to a list of failures (empty = passed) and a log of the walk.
 */
export async function keyboardWalk(page, limit = 300) {
  const failures = [];
  const log = [];
  await page.keyboard.press('Tab');
  const first = await page.evaluate(focusState);
  log.push(`Tab → ${first.what} (${first.style})`);
  if (!first.skip) failures.push(`the first Tab focused ${first.what}, not the skip link`);
  if (!first.inside) failures.push('the focused skip link is not wholly on screen');
  if (!first.indicator) failures.push(`the focused skip link shows no focus indicator (${first.style})`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#main', null, { timeout: 5000 }).catch(() => {
    failures.push(`Enter on the focused element did not go to #main (address: ${page.url()})`);
  });
  const main = await page.evaluate(focusState);
  log.push(`Enter → ${main.what}`);
  if (main.tag !== 'MAIN') failures.push(`Enter on the skip link focused ${main.what}, not <main>`);
  let inMain = 0;
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusState);
    log.push(`Tab ${i} → ${f.what} (${f.style})`);
    if (!f.inMain) {
      if (i === 1) failures.push(`the first Tab after the skip link left <main>: ${f.what}`);
      break;
    }
    inMain += 1;
    if (!f.indicator) failures.push(`Tab ${i}: ${f.what} shows no focus indicator (${f.style})`);
    if (!f.onScreen) failures.push(`Tab ${i}: ${f.what} is not on screen`);
  }
  return { failures, log, count: inMain };
}

/**
 * The print layout at the width of an A4 page less its margins (180 mm):
 * navigation hidden, the site's notice (when it has one) printed, nothing
 * wider than the page. Resolves to failures.
 */
export async function printLayout(page) {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 680, height: 960 });
  const failures = await page.evaluate(() => {
    const out = [];
    for (const sel of ['.skip-link', '.site-nav', '.breadcrumbs', '.toc', '.site-search']) {
      for (const el of document.querySelectorAll(sel)) {
        if (getComputedStyle(el).display !== 'none') out.push(`${sel} is printed`);
      }
    }
    for (const el of document.querySelectorAll('.site-notice')) {
      if (getComputedStyle(el).display === 'none') out.push("the site's notice is not printed");
    }
    return out;
  });
  for (const o of await horizontalOverflow(page)) failures.push(`print: ${o}`);
  await page.emulateMedia({ media: 'screen' });
  return failures;
}
