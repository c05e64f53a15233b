/* In the navigation, topics with questions due today get a count; so does the 复习 entry. */

import { el, pageKey, srOnly } from "./dom.js";
import { now } from "./time.js";

export function setupNavMarks(catalog, store) {
  const links = [...document.querySelectorAll(".md-nav--primary a.md-nav__link[href]")];
  const topicAt = new Map(catalog.topics.map((t) => [pageKey(t.url), t]));
  const practiceKey = pageKey(catalog.practiceUrl);
  const marks = [];
  for (const link of links) {
    if (new URL(link.href).hash) continue;
    const key = pageKey(link.href);
    const topic = topicAt.get(key);
    if (topic || key === practiceKey) {
      const mark = el("span", { class: "kb-practice-navdue", hidden: true });
      link.append(mark);
      marks.push({ mark, cards: topic ? catalog.inTopic(topic.slug) : catalog.cards });
    }
  }

  function refresh() {
    const today = now();
    for (const { mark, cards } of marks) {
      const due = catalog.due(store, today, cards).length;
      mark.hidden = due === 0;
      mark.replaceChildren(srOnly("（"), String(due), srOnly(" 题今天到期）"));
      mark.title = `今天有 ${due} 题到期`;
    }
  }
  store.onChange(refresh);
  refresh();
}
