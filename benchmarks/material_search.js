// Material for MkDocs' own search (lunr + its Chinese query segmentation), run in Node.
// Loads Material's real search worker script into a sandbox that plays the Web Worker
// globals, sends it the site's search_index.json, and answers queries read as JSON:
//   node material_search.js SITE_DIR < ["q1", "q2"]  →  [{query, ms, locations: [...]}, ...]
// `locations` lists the results in the order Material's search box shows them.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = process.argv[2];
const workers = path.join(site, "assets", "javascripts", "workers");
const workerFile = fs.readdirSync(workers).find(f => /^search\..*\.min\.js$/.test(f));
const handlers = [];
const sandbox = {
  console,
  setTimeout,
  clearTimeout,
  addEventListener: (type, fn) => { if (type === "message") handlers.push(fn); },
  postMessage: msg => sandbox.__reply(msg),
  importScripts: (...urls) => {
    for (const url of urls) {
      const file = path.join(workers, url);  // "../lunr/min/…" relative to the worker
      vm.runInContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
    }
  },
};
sandbox.self = sandbox;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(path.join(workers, workerFile), "utf8"), sandbox);

function send(message) {
  return new Promise(resolve => {
    sandbox.__reply = resolve;
    for (const fn of handlers) fn({ data: message });
  });
}

async function main() {
  const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const out = [];
  for (const query of queries) {
    const t0 = performance.now();
    const result = await send({ type: 2, data: query });
    const ms = performance.now() - t0;
    const locations = [];
    for (const group of result.data.items) {
      // Material shows the page first, then its sections (see renderSearchResultItem).
      const page = group.findIndex(d => !d.location.includes("#"));
      const docs = [...group];
      if (page >= 0) locations.push(docs.splice(page, 1)[0].location);
      for (const d of docs) locations.push(d.location);
    }
    out.push({ query, ms, locations });
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch(err => { console.error(err); process.exit(1); });
