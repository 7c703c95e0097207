// The "two taps" test: a citizen on a 375 px phone answers each question of
// pages.mjs's QUESTIONS in at most two taps from the home page, and sees the
// answer without scrolling sideways. Each tap is on a link (or the search
// button) that is itself in view; after the last tap every answer element
// must be wholly inside the screen horizontally.

import { QUESTIONS } from '../pages.mjs';

/** Whether the element behind `locator` lies wholly inside the screen's width. */
async function inView(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const w = document.documentElement.clientWidth;
    return r.width > 0 && r.left >= -1 && r.right <= w + 1;
  });
}

/**
 * Runs every question on `page` (already at 375 px) against the site at
 * `origin`; resolves to a list of [question, failures].
 */
export async function twoTaps(page, origin) {
  const results = [];
  for (const q of QUESTIONS) {
    const failures = [];
    await page.goto(`${origin}/index.html`, { waitUntil: 'load' });
    let taps = 0;
    try {
      for (const step of q.taps) {
        taps += 1;
        if (step.search) {
          const box = page.locator('form[role="search"] input[name="q"]').first();
          await box.fill(step.search, { timeout: 5000 });
          await Promise.all([page.waitForLoadState('load'), box.press('Enter')]);
          await page.waitForURL(/search\.html/, { timeout: 5000 }).catch(() => {});
          continue;
        }
        const link = page.locator(`a[href$="${step.href}"]`).filter({ hasText: step.text ?? '' }).first();
        await link.waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
        if ((await link.count()) === 0) {
          failures.push(`tap ${taps}: no link to …${step.href} on ${new URL(page.url()).pathname}`);
          break;
        }
        if (!(await inView(link))) failures.push(`tap ${taps}: the link to …${step.href} is outside the screen`);
        await Promise.all([page.waitForURL(`**${step.href.split('#')[0]}*`), link.click()]);
        await page.waitForLoadState('load');
      }
    } catch (e) {
      failures.push(`tap ${taps} failed: ${String(e.message).split('\n')[0]}`);
    }
    if (taps > 2) failures.push(`${taps} taps; at most two are allowed`);
    if (failures.length === 0) {
      for (const a of q.answers) {
        const el = page.locator(a.selector).filter({ hasText: a.text ?? '' }).first();
        if ((await el.count()) === 0) {
          failures.push(`no ${a.what} on ${new URL(page.url()).pathname} (${a.selector})`);
        } else if (!(await inView(el))) {
          failures.push(`${a.what} is outside the screen on ${new URL(page.url()).pathname}`);
        }
      }
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (wide > 0) failures.push(`the answer page scrolls sideways by ${wide}px`);
    }
    results.push([q.question, failures]);
  }
  return results;
}
