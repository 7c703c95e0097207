// The accessibility and validity gate over built sites (run by ./run, which
// builds them first):
//   1. internal links and #fragments resolve, id references exist;
//   2. the W3C Nu HTML Checker reports no error;
//   3. axe-core (WCAG 2.0/2.1/2.2 A and AA) finds no violation on every page,
//      and no page scrolls sideways at 320 CSS px (reflow, 400% zoom);
//   4. the phone gate, on every page at 320 and 375 CSS px: no sideways
//      scrolling, no heading with a one-character line, every indicator's
//      latest value, target and status inside the screen, no chart wider than
//      its box; a 375 px screenshot of each named page goes to --shots;
//   5. the keyboard walk on an item page, its print layout (and its number
//      of A4 pages), and the "two taps" questions of a citizen on a phone.
// Exits 1 when any check fails, 2 when it cannot run.
//
//   node check.mjs [--site DIR] [--fixtures DIR] [--shots DIR] [--quick] [--skip-vnu]
//
// --site is the sample site's output (default: public/ of the repository),
// --fixtures the folder holding the built fixture sites of pages.mjs's
// FIXTURES, one subfolder each (default: target/browser). Every page
// is visited; --quick visits only the named pages of pages.mjs, one or more of
// each type (whose presence is checked either way). --shots is where the
// screenshots and the item page's print PDF are written (default:
// target/browser/screenshots, which git ignores): for a person to look at.

import { spawnSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { AXE_VERSION, axe, describeViolations, horizontalOverflow, keyboardWalk, launch, printLayout } from './lib/browser.mjs';
import { checkLinks } from './lib/links.mjs';
import { answersInView, chartsFit, oneCharacterLines, pdfPages, settle } from './lib/phone.mjs';
import { twoTaps } from './lib/taps.mjs';
import { serve } from './lib/server.mjs';
import { FIXTURES, KEYBOARD_PAGE, SAMPLE, SEARCH_QUERY } from './pages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const { values: opts } = parseArgs({
  options: {
    site: { type: 'string', default: join(repo, 'public') },
    fixtures: { type: 'string', default: join(repo, 'target', 'browser') },
    shots: { type: 'string', default: join(repo, 'target', 'browser', 'screenshots') },
    quick: { type: 'boolean', default: false },
    'skip-vnu': { type: 'boolean', default: false },
  },
});
const SKIP = ['search'];
// The fixture sites: where each was built and where it is served.
const fixtures = FIXTURES.map((f) => ({ ...f, dir: join(opts.fixtures, f.name), prefix: `/fixture-${f.name}/` }));
// Screenshots are taken of the sample's and the cycles fixture's named pages.
const SHOTS_OF = ['cycles'];

let passed = 0;
let failed = 0;
function report(name, failures) {
  if (failures.length === 0) {
    passed += 1;
    console.log(`ok    ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL  ${name}`);
    for (const f of failures) console.log(f.startsWith('  ') ? f : `      ${f}`);
  }
}
const seconds = (t) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

async function everyPage(dir) {
  const out = [];
  async function walk(d) {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(dir, p).split(sep).join('/');
      if (e.isDirectory()) {
        if (!SKIP.includes(rel)) await walk(p);
      } else if (e.name.endsWith('.html')) out.push(rel);
    }
  }
  await walk(dir);
  return out.sort();
}

// 1. Links.
let t = performance.now();
for (const [label, dir] of [['sample site', opts.site], ...fixtures.map((f) => [`${f.name} fixture`, f.dir])]) {
  const r = await checkLinks(dir, { skip: SKIP });
  report(`links: ${label}: ${r.links} internal links in ${r.pages} pages`, r.problems);
}
console.log(`      (links: ${seconds(t)})`);

// 2. The Nu HTML Checker.
if (!opts['skip-vnu']) {
  t = performance.now();
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  const vnu = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', opts.site, ...fixtures.map((f) => f.dir)], {
    encoding: 'utf8',
  });
  if (vnu.error) {
    console.error(`error: cannot run java for the Nu HTML Checker: ${vnu.error.message}`);
    process.exit(2);
  }
  const out = `${vnu.stdout}${vnu.stderr}`
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `      ${fixtures.reduce((s, f) => s.replaceAll(`file:${resolve(f.dir)}/`, `${f.name}:`), l.replaceAll(`file:${resolve(opts.site)}/`, 'site:'))}`);
  if (vnu.status !== 0 && out.length === 0) out.push(`      the checker exited with ${vnu.status}`);
  report(`Nu HTML Checker (--errors-only): sample site and ${fixtures.length} fixture sites`, vnu.status === 0 ? [] : out);
  console.log(`      (Nu HTML Checker: ${seconds(t)})`);
}

// 3. and 4. In the browser.
t = performance.now();
const server = await serve({ '/': opts.site, ...Object.fromEntries(fixtures.map((f) => [f.prefix, f.dir])) });
const browser = await launch();
try {
  const page = await browser.context.newPage();
  // Every page (or with --quick the named ones); each named page type must exist.
  const visits = [];
  const shotNames = [];
  await mkdir(opts.shots, { recursive: true });
  for (const [named, dir, prefix, tag, shots] of [
    [SAMPLE, opts.site, '/', '', true],
    ...fixtures.map((f) => [f.named, f.dir, f.prefix, `${f.name} `, SHOTS_OF.includes(f.name)]),
  ]) {
    const all = await everyPage(dir);
    const names = new Map(named.map(([label, p]) => [p, label]));
    if (shots) shotNames.push(...named.map(([, p]) => `${prefix}${p}`));
    const missing = named.filter(([, p]) => !all.includes(p));
    for (const [label, p] of missing) report(`${tag}${label}: ${p} exists`, [`${p} was not built`]);
    const pages = opts.quick ? named.map(([, p]) => p).filter((p) => all.includes(p)) : all;
    for (const p of pages) {
      visits.push([names.has(p) ? `${tag}${names.get(p)}` : `${tag}page`, `${tag ? `${tag.trim()}:` : ''}${p}`, `${server.origin}${prefix}${p}`]);
    }
  }
  console.log(`      (axe-core ${AXE_VERSION} on ${visits.length} pages)`);
  for (const [label, shown, url] of visits) {
    await page.setViewportSize({ width: 1280, height: 900 });
    const res = await page.goto(url, { waitUntil: 'load' });
    if (!res || res.status() !== 200) {
      report(`${label} (${shown})`, [`HTTP ${res ? res.status() : 'no response'} for ${url}`]);
      continue;
    }
    const wide = await axe(page);
    // Again at 320 px (400% zoom), where boxes start to scroll: only what is new.
    await page.setViewportSize({ width: 320, height: 640 });
    await settle(page);
    const seen = new Set(wide.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target}`)));
    const narrow = (await axe(page))
      .map((v) => ({ ...v, id: `${v.id} (at 320px)`, nodes: v.nodes.filter((n) => !seen.has(`${v.id} ${n.target}`)) }))
      .filter((v) => v.nodes.length > 0);
    const problems = describeViolations([...wide, ...narrow]);
    for (const o of await horizontalOverflow(page)) problems.push(`  reflow at 320px: ${o}`);
    report(`axe at 1280px and 320px, reflow: ${label} (${shown})`, problems);
    // The phone gate at 320 and 375 px.
    const phone = [];
    for (const width of [320, 375]) {
      await page.setViewportSize({ width, height: 740 });
      await settle(page);
      const found = [
        ...(await horizontalOverflow(page)),
        ...(await oneCharacterLines(page)),
        ...(await answersInView(page)),
        ...(await chartsFit(page)),
      ];
      phone.push(...found.map((f) => `  at ${width}px: ${f}`));
    }
    report(`phone at 320px and 375px: ${label} (${shown})`, phone);
    const path = new URL(url).pathname;
    if (shotNames.includes(path)) {
      const file = join(opts.shots, `${path.slice(1).replace(/\.html$/, '').replaceAll('/', '-')}-375.png`);
      await page.screenshot({ path: file, fullPage: true });
    }
  }

  // The search page after a search, with results shown.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.origin}/search.html`, { waitUntil: 'networkidle' });
  const box = page.locator('input[type="search"]');
  if ((await box.count()) > 0 && (await box.isVisible())) {
    await box.fill(SEARCH_QUERY);
    await box.press('Enter');
    await page.waitForLoadState('networkidle');
    const shown = await page
      .waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, null, { timeout: 10000 })
      .then(() => true, () => false);
    const problems = describeViolations(await axe(page));
    if (!shown) problems.push(`no results shown for 「${SEARCH_QUERY}」`);
    // The address follows the search, so results can be shared.
    if (!page.url().includes(`q=${encodeURIComponent(SEARCH_QUERY)}`)) problems.push(`the address does not hold the query: ${page.url()}`);
    // A filter narrows the results and joins the address.
    await page.locator('.search-filters-box summary').click();
    const plan = page.locator('#filter-plan');
    const before = await page.locator('#search-results li').count();
    await plan.selectOption({ index: 1 });
    await page.waitForFunction(() => /plan=/.test(location.search), null, { timeout: 10000 }).catch(() => problems.push('the plan filter is not in the address'));
    await page.waitForLoadState('networkidle');
    // The filtered search runs after the address changes; on a busy machine
    // its count may take a moment to be announced.
    await page
      .waitForFunction(() => /件/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 10000 })
      .catch(() => {});
    const status = await page.locator('#search-status').textContent();
    if (!/件/.test(status ?? '')) problems.push(`no result count announced after filtering: ${status}`);
    if ((await page.locator('#search-results li').count()) > before) problems.push('the plan filter added results');
    problems.push(...describeViolations(await axe(page)).map((p) => `(filtered) ${p}`));
    // Following the first result opens its page.
    const first = page.locator('#search-results li a').first();
    const href = await first.getAttribute('href');
    await first.click();
    await page.waitForLoadState('load');
    if (!page.url().endsWith(href ?? '#none')) problems.push(`the first result led to ${page.url()}, not ${href}`);
    // A shared link runs the search on load; on a phone the count and the
    // first result are on the first screen.
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(`${server.origin}/search.html?q=${encodeURIComponent(SEARCH_QUERY)}`, { waitUntil: 'networkidle' });
    const loaded = await page
      .waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, null, { timeout: 10000 })
      .then(() => true, () => false);
    if (!loaded) problems.push('search.html?q=… shows no results');
    else {
      const box = await page.locator('#search-results li').first().boundingBox();
      if (!box || box.y + Math.min(box.height, 60) > 667) problems.push(`at 375px the first result starts below the first screen (y=${box?.y})`);
      await page.screenshot({ path: join(opts.shots, 'search-results-375.png'), fullPage: true });
    }
    problems.push(...describeViolations(await axe(page)).map((p) => `(375px) ${p}`));
    report(`search page: results for 「${SEARCH_QUERY}」, a filter, a result followed, a ?q= link at 375px, axe`, problems);
  } else {
    report('axe: search page with results', ['the search box is not shown']);
  }

  // The keyboard walk and the print layout on an item page.
  await page.goto(`${server.origin}/${KEYBOARD_PAGE}`, { waitUntil: 'load' });
  const walk = await keyboardWalk(page);
  report(
    `keyboard: skip link, <main>, visible focus on ${walk.count} elements of <main> (${KEYBOARD_PAGE})`,
    walk.failures.length ? [...walk.failures, ...walk.log] : [],
  );
  await page.goto(`${server.origin}/${KEYBOARD_PAGE}`, { waitUntil: 'load' });
  report(`print layout on A4 (${KEYBOARD_PAGE})`, await printLayout(page));
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const pdfFile = join(opts.shots, `${KEYBOARD_PAGE.replace(/\.html$/, '').replaceAll('/', '-')}-print.pdf`);
  await writeFile(pdfFile, pdf);
  console.log(`      (print: ${KEYBOARD_PAGE} is ${pdfPages(pdf)} A4 pages; ${pdfFile})`);

  // A citizen's questions, answered within two taps from the home page at 375 px.
  await page.setViewportSize({ width: 375, height: 740 });
  for (const [question, failures] of await twoTaps(page, server.origin)) {
    report(`two taps at 375px: ${question}`, failures);
  }

  // A missing address gets the 404 page.
  const missing = await page.goto(`${server.origin}/no-such-page.html`);
  report('a missing page answers with 404.html', missing.status() === 404 && (await page.title()).length > 0 ? [] : [`HTTP ${missing.status()}`]);
} finally {
  await browser.close();
  await server.close();
}
console.log(`      (browser: ${seconds(t)}; screenshots at 375px in ${opts.shots})`);

console.log(`gate: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
