// Batch KaTeX renderer for the MkDocs math hook.
// Protocol: one JSON object per line on stdin, one JSON answer per line on stdout.
//   request:  {"id": 1, "items": [{"tex": "a^2", "display": false}, ...]}
//   answer:   {"id": 1, "results": [{"html": "..."} | {"error": "...", "position": 3}, ...]}
// The first line written is {"ready": true, "katex": "<version>"}.
// One process serves a whole build (and every rebuild of `mkdocs serve`), so Node and
// KaTeX start once instead of once per formula.
import { createInterface } from "node:readline";
import katex from "katex";

// Limits: no size above MAX_SIZE em (a \rule{1000em}{1000em} would cover every page), no macro
// expanding more than MAX_EXPAND times. No command that links or loads (\href, \url,
// \includegraphics, \htmlId…): KaTeX would show them as red text; here they are errors.
const MAX_SIZE = 20;
const MAX_EXPAND = 1000;
const OPTIONS = {
  output: "htmlAndMathml",
  throwOnError: true,
  strict: "error",
  maxSize: MAX_SIZE,
  maxExpand: MAX_EXPAND,
};

function sizeProblem(tex) {
  // KaTeX clamps sizes to maxSize silently; a formula asking for more is refused instead.
  const units = { em: 1, ex: 0.43, pt: 0.1, px: 0.1, pc: 1.2, cm: 2.85, mm: 0.285, in: 7.2, mu: 0.056 };
  const sized = /\\(?:rule|kern|mkern|mskip|hskip|hspace\*?|vspace|raisebox|rlap|llap|phantom|scalebox)\b/g;
  for (const command of tex.matchAll(sized)) {
    const args = tex.slice(command.index + command[0].length, command.index + command[0].length + 80);
    for (const match of args.matchAll(/(-?\d*\.?\d+)\s*(em|ex|pt|px|pc|cm|mm|in|mu)\b/g)) {
      if (Math.abs(Number(match[1]) * units[match[2]]) > MAX_SIZE) {
        return `Size ${match[1]}${match[2]} exceeds the limit of ${MAX_SIZE}em`;
      }
    }
  }
  return null;
}

function renderOne(item) {
  const untrusted = [];
  const trust = (context) => {
    untrusted.push(context.command);
    return false;
  };
  try {
    const html = katex.renderToString(item.tex, { ...OPTIONS, trust, displayMode: Boolean(item.display) });
    if (untrusted.length) {
      return { error: `Untrusted command ${untrusted[0]} (links and images are not allowed in formulas)`, position: null };
    }
    const tooBig = sizeProblem(item.tex);
    if (tooBig) return { error: tooBig, position: null };
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
