// Shared by the search tests: serves a built site over HTTP on 127.0.0.1 (a
// free port), because pagefind's JS fetches its index files as in a browser,
// and loads the site's own pagefind/pagefind.js from disk as an ES module.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
};

/** Starts a server for `root`; resolves to { origin, close }. */
export function serve(root) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root) + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const ext = file.slice(file.lastIndexOf("."));
      res.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

/**
 * Loads the site's pagefind.js as a browser on a page with <html lang="ja">
 * would: the bundle is fetched over HTTP, the language comes from the page.
 */
export async function loadPagefind(siteDir, lang = "ja") {
  const server = await serve(siteDir);
  // pagefind reads the page language from document.querySelector("html").
  // (currentScript must be null, as in a module, or it reads location.href.)
  globalThis.document ??= {
    currentScript: null,
    querySelector: (sel) => (sel === "html" ? { getAttribute: () => lang } : null),
  };
  const pagefind = await import(new URL("pagefind/pagefind.js", pathToFileUrl(siteDir)).href);
  await pagefind.options({ basePath: `${server.origin}/pagefind/`, baseUrl: "/", ranking: ranking() });
  await pagefind.init();
  return { pagefind, close: server.close };
}

function pathToFileUrl(dir) {
  const abs = dir.endsWith("/") ? dir : dir + "/";
  return new URL("file://" + abs.split(sep).map(encodeURIComponent).join("/"));
}

/** The query normalisation of themes/default/static/search.js (keep in step). */
export function normalise(text) {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/** Records `message` in `failures` unless `ok`. */
export function check(failures, ok, message) {
  if (!ok) failures.push(message);
}

/** Prints the failures and exits 1, or prints what passed. */
export function report(failures, what) {
  if (failures.length) {
    console.error(`${failures.length} search check(s) failed:`);
    for (const f of failures) console.error(`  - ${f}`);
    process.exit(1);
  }
  console.log(`ok: ${what}`);
}

// The ranking options the search page passes to pagefind, read from
// themes/default/static/search.js so the tests rank as the site does.
export function ranking() {
  const script = readFileSync(new URL("../../themes/default/static/search.js", import.meta.url), "utf8");
  const found = script.match(/var RANKING = (\{[^}]*\});/);
  if (!found) throw new Error("search.js defines no RANKING");
  return JSON.parse(found[1].replace(/(\w+):/g, '"$1":'));
}
