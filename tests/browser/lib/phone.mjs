// The phone checks: what a citizen on a 320 or 375 CSS px screen must see
// without scrolling sideways. Each function runs on a loaded page at the
// current viewport width and resolves to a list of problems (empty = passed).

/**
 * Headings (h1–h4, card titles) with a line that holds a single character,
 * such as 「実施計/画」: the heading broke in the wrong place.
 */
export async function oneCharacterLines(page) {
  return page.evaluate(() => {
    const out = [];
    const range = document.createRange();
    for (const h of document.querySelectorAll('h1, h2, h3, h4, .kpi-name')) {
      if (h.getClientRects().length === 0 || h.closest('[hidden]')) continue;
      const lines = [];
      let total = 0;
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement.closest('.visually-hidden')) continue;
        const text = n.textContent;
        for (let i = 0; i < text.length; i++) {
          const code = text.codePointAt(i);
          const len = code > 0xffff ? 2 : 1;
          const ch = text.slice(i, i + len);
          if (!/\s/.test(ch)) {
            range.setStart(n, i);
            range.setEnd(n, i + len);
            const r = range.getClientRects()[0];
            if (r && r.width > 0) {
              total += 1;
              const mid = (r.top + r.bottom) / 2;
              const line = lines.find((l) => mid >= l.top && mid <= l.bottom);
              if (line) line.text += ch;
              else lines.push({ top: r.top, bottom: r.bottom, text: ch });
            }
          }
          i += len - 1;
        }
      }
      if (total < 2 || lines.length < 2) continue;
      const lone = lines.filter((l) => [...l.text].length === 1);
      if (lone.length) {
        const shown = lines.sort((a, b) => a.top - b.top).map((l) => l.text).join('/');
        out.push(`<${h.tagName.toLowerCase()}> has a one-character line: 「${shown}」`);
      }
    }
    return out;
  });
}

/**
 * The answers — an indicator's latest value, target and status, on cards
 * (marked data-answer) and in table cells (the 最新の実績, 目標 and 状況
 * columns) — each wholly inside the viewport and not cut off by a box that
 * scrolls: a citizen sees them without scrolling sideways.
 */
export async function answersInView(page) {
  return page.evaluate(() => {
    const out = [];
    const width = document.documentElement.clientWidth;
    const answers = new Set(document.querySelectorAll('[data-answer]'));
    for (const table of document.querySelectorAll('table')) {
      const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
      const cols = heads.flatMap((t, i) => (['最新の実績', '目標', '状況'].includes(t) ? [i] : []));
      if (cols.length === 0) continue;
      for (const tr of table.querySelectorAll('tbody tr')) {
        for (const i of cols) if (tr.children[i]) answers.add(tr.children[i]);
      }
    }
    for (const el of answers) {
      if (el.getClientRects().length === 0) continue;
      const r = el.getBoundingClientRect();
      let left = 0;
      let right = width;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o !== 'visible') {
          const b = a.getBoundingClientRect();
          left = Math.max(left, b.left);
          right = Math.min(right, b.right);
        }
      }
      if (r.left < left - 1 || r.right > right + 1) {
        const label = el.dataset.answer || el.closest('table').tHead.rows[0].cells[el.cellIndex]?.textContent.trim();
        const row = el.closest('tr, li');
        const name = row ? (row.querySelector('th, h3') || row).textContent.trim().slice(0, 30) : '';
        out.push(`${label} of 「${name}」 is outside the screen (${Math.round(r.left)}–${Math.round(r.right)}px of ${Math.round(left)}–${Math.round(right)}px)`);
        if (out.length > 5) break;
      }
    }
    return out;
  });
}

/** Charts (and sparklines) wider than the box they sit in, or than the screen. */
export async function chartsFit(page) {
  return page.evaluate(() => {
    const out = [];
    const width = document.documentElement.clientWidth;
    for (const svg of document.querySelectorAll('svg.kpi-chart, svg.kpi-sparkline')) {
      if (svg.getClientRects().length === 0) continue;
      const r = svg.getBoundingClientRect();
      const box = svg.parentElement;
      const name = svg.getAttribute('aria-labelledby') || svg.id;
      if (r.width > box.clientWidth + 1) {
        out.push(`chart ${name} is ${Math.round(r.width)}px wide in a ${box.clientWidth}px box`);
      } else if (r.right > width + 1 || r.left < -1) {
        out.push(`chart ${name} reaches ${Math.round(r.left)}–${Math.round(r.right)}px of a ${width}px screen`);
      }
    }
    return out;
  });
}

/** Waits until the page has reacted to a new viewport size (resize handlers, layout). */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The number of pages of a PDF made by Chromium. */
export function pdfPages(bytes) {
  return (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}
