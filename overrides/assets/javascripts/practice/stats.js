/* Progress in words, shared by the page toolbar, the home page and the 复习 page. */

import { el } from "./dom.js";

/** "已练 3 / 17 题 · 今天到期 1 · 不会 0", each number in its own element for styling and tests. */
export function statsLine(stats, prefix) {
  const num = (name, value) => el("strong", { class: `kb-practice-n kb-practice-n-${name}`, text: String(value) });
  return el("p", { class: "kb-practice-stats" }, [
    prefix || "",
    "已练 ", num("practised", stats.practised), ` / ${stats.total} 题 · 今天到期 `, num("due", stats.due),
    " · 标为不会 ", num("unknown", stats.unknown),
  ]);
}
