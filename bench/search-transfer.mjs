// What a first search downloads: the search page's script, meta.json, the
// postings shards of the query's tokens and the documents of the first
// page of results, each as served raw and gzip-compressed (level 6, as
// static hosts do). Usage: node bench/search-transfer.mjs SITE_DIR QUERY...
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { loadSearch } from "../tests/search/harness.mjs";

const [site, ...queries] = process.argv.slice(2);
if (!site || !queries.length) {
  console.error("usage: node bench/search-transfer.mjs SITE_DIR QUERY...");
  process.exit(2);
}
const kib = (n) => (n / 1024).toFixed(1);
const size = (bytes) => [bytes.length, gzipSync(bytes, { level: 6 }).length];
const script = size(readFileSync(join(site, "static", "search.js")));
console.log("| query | results | files | raw KiB | gzip KiB (script + meta + shards + 10 documents) |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const q of queries) {
  // A fresh page: nothing cached.
  const fetched = [];
  const real = globalThis.fetch;
  globalThis.fetch = async (url) => {
    const r = await real(url);
    const body = Buffer.from(await r.arrayBuffer());
    fetched.push(size(body));
    return new Response(body, { status: r.status, headers: r.headers });
  };
  const s = await loadSearch(site);
  const found = await s.index.search(q, {});
  await Promise.all(found.results.slice(0, 10).map((r) => s.index.doc(r.id)));
  await s.close();
  globalThis.fetch = real;
  const raw = script[0] + fetched.reduce((a, f) => a + f[0], 0);
  const gz = script[1] + fetched.reduce((a, f) => a + f[1], 0);
  console.log(`| ${q} | ${found.results.length} | ${fetched.length + 1} | ${kib(raw)} | ${kib(gz)} |`);
}
