// The site's own search engine (overrides/assets/javascripts/kb-search.js), run in Node
// on a built index — the same code the browser runs:
//   node kb_search.js SITE_DIR < ["q1", ...]  →  [{query, ms, total, hits: [[location, score], ...]}, ...]
// Used by the benchmark (latency, agreement) and by the tests comparing it with Python.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const KbSearch = require(path.join(root, "overrides", "assets", "javascripts", "kb-search.js"));
const site = process.argv[2];
const limit = Number(process.argv[3] || 10);
globalThis.window = globalThis;
require(path.resolve(site, "search", "kb_index.js"));
const engine = new KbSearch.Engine(globalThis.__kbSearchIndex);
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const out = [];
for (const query of queries) {
  const t0 = performance.now();
  const hits = engine.search(query);
  const ms = performance.now() - t0;
  out.push({
    query,
    ms,
    total: hits.length,
    terms: engine.parse(query).terms.map(t => t.label),
    hits: hits.slice(0, limit || hits.length).map(h => [engine.location(h.section), h.score]),
  });
}
process.stdout.write(JSON.stringify(out));
