/* Test driver: runs the practice modules in Node on cases read from stdin (see test_practice_node.py). */
import "./node_window.js";
import { readFileSync } from "node:fs";
import { cardState } from "../../overrides/assets/javascripts/practice/catalog.js";
import "../../overrides/assets/javascripts/practice/fsrs.js";
import { mergeProgress, newest, parseProgress } from "../../overrides/assets/javascripts/practice/records.js";

const { rate } = globalThis.window.__kbPracticeScheduler;
const cases = JSON.parse(readFileSync(0, "utf8"));
const out = cases.map(([op, ...args]) => {
  if (op === "parse") return parseProgress(args[0]);
  if (op === "merge") return mergeProgress(args[0], args[1]);
  if (op === "newest") return newest(args[0]);
  if (op === "state") return cardState(args[0], new Date(args[1]));
  if (op === "rate") {
    let record = args[0];
    return args[1].map(([grade, when]) => (record = rate(record, grade, new Date(when))));
  }
  throw new Error(`unknown case ${op}`);
});
process.stdout.write(JSON.stringify(out));
