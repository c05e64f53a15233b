// The site's search engine (overrides/assets/javascripts/kb-search.js) run in Node on a built
// index: the same code the search box runs, for the terminal (python -m kb search) and tests.
//
//   node node_search.js INDEX_JS < {"queries": ["q1", ...], "limit": 10, "describe": true}
//   → [{query, ms, total, terms, fixes, suggest, hits: [{location, score, ...}]}, ...]
//
// limit 0 = every hit; describe adds titles, snippets and their marks to each hit.
"use strict";
const fs = require("fs");
const path = require("path");

const ENGINE = path.resolve(__dirname, "..", "..", "overrides", "assets", "javascripts", "kb-search.js");
const KbSearch = require(ENGINE);

function main() {
  const indexFile = process.argv[2];
  const request = JSON.parse(fs.readFileSync(0, "utf8"));
  globalThis.window = globalThis;
  require(path.resolve(indexFile));
  const engine = new KbSearch.Engine(globalThis.__kbSearchIndex);
  const limit = request.limit || 0;
  const out = request.queries.map((query) => {
    const t0 = performance.now();
    const hits = engine.search(query);
    const ms = performance.now() - t0;
    const shown = limit ? hits.slice(0, limit) : hits;
    return {
      query,
      ms,
      total: hits.length,
      terms: hits.query.terms.map((t) => t.label),
      fixes: hits.query.fixes,
      suggest: hits.length ? null : engine.suggest(query),
      hits: shown.map((h) =>
        request.describe ? engine.describe(hits.query, h) : { location: engine.location(h.section), score: h.score }),
    };
  });
  process.stdout.write(JSON.stringify(out));
}

main();
