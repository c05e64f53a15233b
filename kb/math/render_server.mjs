// Batch KaTeX renderer for the MkDocs math hook.
// Protocol: one JSON object per line on stdin, one JSON answer per line on stdout.
//   request:  {"id": 1, "items": [{"tex": "a^2", "display": false}, ...]}
//   answer:   {"id": 1, "results": [{"html": "..."} | {"error": "...", "position": 3}, ...]}
// The first line written is {"ready": true, "katex": "<version>"}.
// One process serves a whole build (and every rebuild of `mkdocs serve`), so Node and
// KaTeX start once instead of once per formula.
import { createInterface } from "node:readline";
import katex from "katex";

const OPTIONS = {
  output: "htmlAndMathml",
  throwOnError: true,
  strict: "error",
  trust: false,
};

function renderOne(item) {
  try {
    const html = katex.renderToString(item.tex, { ...OPTIONS, displayMode: Boolean(item.display) });
    return { html };
  } catch (err) {
    if (err instanceof katex.ParseError) {
      return { error: err.rawMessage ?? err.message, position: err.position ?? null };
    }
    return { error: String(err && err.message ? err.message : err), position: null };
  }
}

process.stdout.write(JSON.stringify({ ready: true, katex: katex.version }) + "\n");

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  if (!line.trim()) return;
  let request;
  try {
    request = JSON.parse(line);
  } catch (err) {
    process.stdout.write(JSON.stringify({ id: null, fatal: `bad request: ${err.message}` }) + "\n");
    return;
  }
  const results = (request.items || []).map(renderOne);
  process.stdout.write(JSON.stringify({ id: request.id, results }) + "\n");
});
