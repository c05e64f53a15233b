/* The home page: the reader's overall progress, and a 我的进度 column in the topic table. */

import { el, pageKey, placeBeforeFirstQuestion, siteRoot } from "./dom.js";
import { statsLine } from "./stats.js";
import { now } from "./time.js";

export function setupHome(catalog, store) {
  const article = document.querySelector(".md-content article");
  if (!article || pageKey(location.href) !== pageKey(siteRoot().href)) return;
  const stats = el("div", { class: "kb-practice-stats-slot" });
  const reviewLink = el("a", { class: "kb-practice-button kb-practice-primary", href: catalog.practiceUrl });
  const panel = el("section", { class: "kb-practice-bar kb-practice-home", "aria-label": "我的练习" }, [
    el("p", { class: "kb-practice-heading", text: "我的练习" }),
    stats,
    el("div", { class: "kb-practice-row" }, [
      reviewLink,
      el("a", { class: "kb-practice-button", href: `${catalog.practiceUrl}#draw=all`, text: "抽一题" }),
    ]),
    el("p", {
      class: "kb-practice-note",
      text: "在主题页或题库打开“练习模式”自测；进度只保存在这个浏览器里。",
    }),
  ]);
  placeBeforeFirstQuestion(article, panel);

  const topicAt = new Map(catalog.topics.map((t) => [pageKey(t.url), t]));
  const cells = [];
  for (const table of article.querySelectorAll("table")) {
    const rows = [...table.querySelectorAll("tbody tr")];
    const topics = rows.map((row) => {
      const link = [...row.querySelectorAll("a[href]")].find((a) => topicAt.has(pageKey(a.href)));
      return link ? topicAt.get(pageKey(link.href)) : null;
    });
    if (!topics.some(Boolean)) continue;
    table.querySelector("thead tr").append(el("th", { class: "kb-practice-col", text: "我的进度" }));
    rows.forEach((row, i) => {
      const cell = el("td", { class: "kb-practice-col" });
      row.append(cell);
      if (topics[i]) cells.push({ cell, cards: catalog.inTopic(topics[i].slug) });
    });
  }

  function refresh() {
    const today = now();
    const all = catalog.stats(catalog.cards, store, today);
    stats.replaceChildren(statsLine(all, "全站"));
    reviewLink.textContent = all.due ? `开始复习（今天 ${all.due} 题）` : "复习";
    for (const { cell, cards } of cells) {
      const s = catalog.stats(cards, store, today);
      cell.textContent = `${s.practised} / ${s.total}` + (s.due ? ` · 到期 ${s.due}` : "");
    }
  }
  store.onChange(refresh);
  refresh();
}
