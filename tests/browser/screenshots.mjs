// Screenshots for looking at a page as a person would (not part of the gate):
// the whole page at 320 and 375 CSS px wide, at 640 CSS px (the layout of a
// 1280 px window zoomed to 200%), and its print view as an A4 PDF.
//
//   node screenshots.mjs --out DIR [--site DIR] [PAGE ...]
//
// PAGE is a path inside the site (default: the keyboard test's item page).
// Turn the PDF into pictures with `pdftoppm -png -r 60 FILE.pdf PREFIX`.

import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { launch } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';
import { KEYBOARD_PAGE } from './pages.mjs';

const SLICE = 2000;
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    site: { type: 'string', default: join(repo, 'public') },
  },
});
if (!opts.out) {
  console.error('usage: node screenshots.mjs --out DIR [--site DIR] [PAGE ...]');
  process.exit(2);
}
await mkdir(opts.out, { recursive: true });
const server = await serve({ '/': opts.site });
const browser = await launch();
try {
  for (const path of positionals.length ? positionals : [KEYBOARD_PAGE]) {
    const name = path.replace(/\.html$/, '').replaceAll('/', '-');
    const url = `${server.origin}/${path}`;
    for (const [tag, width] of [['320', 320], ['375', 375], ['zoom200', 640]]) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(url, { waitUntil: 'load' });
      // In slices of 2000 px, so that each picture stays readable.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, n = 1; y < height; y += SLICE, n++) {
        const file = join(opts.out, `${name}-${tag}-${String(n).padStart(2, '0')}.png`);
        const clip = { x: 0, y, width, height: Math.min(SLICE, height - y) };
        await page.screenshot({ path: file, fullPage: true, clip });
        console.log(file);
      }
      await page.close();
    }
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const pdf = join(opts.out, `${name}-print.pdf`);
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    console.log(pdf);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
