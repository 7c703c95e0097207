// Shared by the search tests: serves a built site over HTTP on 127.0.0.1 (a
// free port), because the search page's script fetches its index files as
// in a browser, and runs the site's own static/search.js in Node.
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
 * Loads the site's own static/search.js (its engine part, which runs without
 * a document) and opens the site's index over HTTP, as the search page does.
 * Resolves to { search(query, filters), meta, engine, close }, where search
 * gives [{ path, title, context, excerpt }] best first, the excerpt as text
 * with the matches in <mark>…</mark>.
 */
export async function loadSearch(siteDir) {
  const server = await serve(siteDir);
  const code = readFileSync(join(siteDir, "static", "search.js"), "utf8");
  new Function(code)();
  const engine = globalThis.kohyoSearch;
  const index = new engine.Index(`${server.origin}/search/`);
  const meta = await index.load();
  async function search(query, filters = {}) {
    const found = await index.search(query ?? "", filters);
    return Promise.all(
      found.results.map(async (r) => {
        const d = await index.doc(r.id);
        const excerpt = engine.marked(engine.excerpt(d.x, found.phrases));
        const marked = engine.marked(engine.excerpt(d.t, found.phrases, 1000));
        return { path: d.u, title: d.t, marked, context: d.c, excerpt, score: r.score };
      }),
    );
  }
  return { search, meta, engine, index, close: server.close };
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

