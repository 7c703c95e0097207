// Internal link checker over a built site: every href, src and action that
// stays inside the site must name a file that exists, every #fragment an id
// in the target page, and every id that aria-labelledby, aria-describedby,
// aria-controls, for or headers names must exist in the same page.
// External links (another origin, mailto:, tel:) are not fetched.

import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const BASE = 'http://site.invalid/';
const LINK_RE = /<(a|link|script|img|area|iframe|source|form|use)\b([^>]*)>/gi;
const URL_ATTR_RE = /\s(href|src|action)\s*=\s*"([^"]*)"/gi;
const ID_RE = /<[a-zA-Z][^>]*?\sid\s*=\s*"([^"]*)"/g;
const IDREF_RE = /\s(aria-labelledby|aria-describedby|aria-controls|for|headers)\s*=\s*"([^"]*)"/gi;

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Markup with comments and script and style bodies removed. */
function markup(html) {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>')
    .replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, '$1</style>');
}

async function htmlFiles(dir, skip) {
  const out = [];
  async function walk(d) {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!skip.includes(relative(dir, p).split(sep).join('/'))) await walk(p);
      } else if (e.name.endsWith('.html')) out.push(p);
    }
  }
  await walk(dir);
  return out.sort();
}

async function exists(p) {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * Checks every HTML file under `dir` (folders in `skip`, relative to `dir`,
 * are left out: generated bundles). Resolves to { pages, links, problems }.
 */
export async function checkLinks(dir, { skip = [] } = {}) {
  const files = await htmlFiles(dir, skip);
  const ids = new Map();
  const texts = new Map();
  for (const f of files) {
    const rel = relative(dir, f).split(sep).join('/');
    const text = markup(await readFile(f, 'utf8'));
    texts.set(rel, text);
    ids.set(rel, new Set([...text.matchAll(ID_RE)].map((m) => decodeEntities(m[1]))));
  }
  const problems = [];
  let links = 0;
  for (const [rel, text] of texts) {
    const here = new URL(rel, BASE);
    const own = ids.get(rel);
    for (const m of text.matchAll(IDREF_RE)) {
      for (const id of decodeEntities(m[2]).split(/\s+/).filter(Boolean)) {
        if (!own.has(id)) problems.push(`${rel}: ${m[1]}="${id}" names no element of this page`);
      }
    }
    for (const tag of text.matchAll(LINK_RE)) {
      for (const attr of tag[2].matchAll(URL_ATTR_RE)) {
        const raw = decodeEntities(attr[2]);
        let url;
        try {
          url = new URL(raw, here);
        } catch {
          problems.push(`${rel}: ${attr[1]}="${raw}" is not a valid URL`);
          continue;
        }
        if (url.origin !== new URL(BASE).origin) continue;
        links += 1;
        let path;
        try {
          path = decodeURIComponent(url.pathname.slice(1));
        } catch {
          problems.push(`${rel}: ${attr[1]}="${raw}" has a bad percent-encoding`);
          continue;
        }
        if (path === '' || path.endsWith('/')) path += 'index.html';
        if (!(await exists(join(dir, path)))) {
          problems.push(`${rel}: ${attr[1]}="${raw}" → ${path} does not exist`);
          continue;
        }
        const fragment = url.hash.slice(1);
        if (raw.endsWith('#')) {
          problems.push(`${rel}: ${attr[1]}="${raw}" has an empty fragment`);
        } else if (fragment && path.endsWith('.html')) {
          const target = ids.get(path);
          const id = decodeURIComponent(fragment);
          if (target && !target.has(id)) {
            problems.push(`${rel}: ${attr[1]}="${raw}" → no id "${id}" in ${path}`);
          }
        }
      }
    }
  }
  return { pages: files.length, links, problems };
}
