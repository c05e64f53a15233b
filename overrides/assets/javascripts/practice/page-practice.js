/* Practice mode on a topic page or the bank: the 练习模式 switch hides every answer behind
   显示答案; the reader rates each question after revealing it. Off by default; the choice is
   remembered. Without JavaScript none of this exists and every answer stays visible. */

import { CardControls, stateLabel } from "./card-controls.js";
import { el, pageKey, placeBeforeFirstQuestion, prefersReducedMotion } from "./dom.js";
import { listenForKeys } from "./keyboard.js";
import { scheduler } from "./scheduler.js";
import { statsLine } from "./stats.js";
import { now } from "./time.js";

const KEYS_HELP = "快捷键：空格 显示答案 · 1 会 · 2 模糊 · 3 不会 · J / K 下一题 / 上一题";

function answersByCard(article) {
  const found = new Map();
  article.querySelectorAll("div.kb-answer[data-kb-card]").forEach((div, i) => {
    const id = div.dataset.kbCard;
    if (!div.id) div.id = `kb-answer-${id}-${i}`;
    if (!found.has(id)) found.set(id, []);
    found.get(id).push(div);
  });
  return found;
}

/** The scope this page's toolbar counts: its topic (entries and its bank questions), or the whole bank. */
function pageScope(catalog) {
  const here = pageKey(location.href);
  const topic = catalog.topics.find((t) => pageKey(t.url) === here);
  if (topic) return { cards: catalog.inTopic(topic.slug), prefix: "本主题", draw: topic.slug };
  if (catalog.bankPage >= 0 && pageKey(catalog.pages[catalog.bankPage]) === here) {
    return { cards: catalog.inBank(), prefix: "题库", draw: "bank" };
  }
  return null;
}

/** Links in the topic page's 练习题 section (to its bank questions). */
function practiceLinks() {
  const links = [];
  let node = document.getElementById("practice");
  while (node && (node = node.nextElementSibling) && !/^H[12]$/.test(node.tagName)) {
    links.push(...node.querySelectorAll("li > a[href*='#']"));
  }
  return links;
}

export function setupPagePractice(catalog, store) {
  const article = document.querySelector(".md-content article");
  const scope = pageScope(catalog);
  if (!article || !scope) return;
  const items = [];
  for (const [id, answers] of answersByCard(article)) {
    const card = catalog.byId.get(id);
    const heading = document.getElementById(id);
    if (!card || !heading || !heading.nextElementSibling) continue;
    items.push({ card, heading, answers, marker: heading.nextElementSibling, controls: null });
  }
  if (!items.length) return;

  let on = false;
  let active = -1;
  const switchButton = el("button", {
    type: "button", role: "switch", class: "kb-practice-switch", "aria-checked": "false",
    onclick: () => apply(!on, true),
  }, [el("span", { class: "kb-practice-track", "aria-hidden": "true" }), "练习模式"]);
  const stats = el("div", { class: "kb-practice-stats-slot" });
  const dueLink = el("a", { class: "kb-practice-button", href: catalog.practiceUrl });
  const bar = el("section", { class: "kb-practice-bar", "aria-label": "练习" }, [
    el("div", { class: "kb-practice-row" }, [
      switchButton,
      el("a", { class: "kb-practice-button", href: `${catalog.practiceUrl}#draw=${scope.draw}`, text: "抽一题" }),
      dueLink,
    ]),
    stats,
    el("p", { class: "kb-practice-keys", text: KEYS_HELP }),
    el("p", { class: "kb-practice-problem", role: "alert" }),
  ]);
  placeBeforeFirstQuestion(article, bar);

  const bankChips = [];
  for (const link of practiceLinks()) {
    const card = catalog.byId.get(decodeURIComponent(new URL(link.href).hash.slice(1)));
    if (card) {
      const chip = el("span", { class: "kb-practice-state kb-practice-chip" });
      bankChips.push({ card, chip });
      link.after(chip);
    }
  }

  function refresh() {
    const today = now();
    stats.replaceChildren(statsLine(catalog.stats(scope.cards, store, today), scope.prefix));
    const due = catalog.due(store, today).length;
    dueLink.textContent = due ? `复习（今天 ${due} 题）` : "复习";
    for (const item of items) if (item.controls) item.controls.refresh();
    for (const { card, chip } of bankChips) {
      chip.textContent = stateLabel(store.get(card.members), today);
      chip.hidden = !on;
    }
    bar.querySelector(".kb-practice-problem").textContent = store.problem;
  }

  function setActive(index) {
    if (items[active]) items[active].controls.top.classList.remove("kb-practice-active");
    active = index;
    if (items[active]) items[active].controls.top.classList.add("kb-practice-active");
  }

  function apply(practising, remember) {
    on = practising;
    if (remember) store.practising = on;
    switchButton.setAttribute("aria-checked", String(on));
    document.body.classList.toggle("kb-practicing", on);
    for (const item of items) {
      if (on && !item.controls) { // built on first use: a reader who only reads pays nothing per question
        item.controls = new CardControls({
          card: item.card, store, answers: item.answers, title: item.heading.textContent.replace(/¶$/, "").trim(),
          onReveal: () => setActive(items.indexOf(item)),
        });
      }
      if (on) {
        item.marker.after(item.controls.top);
        item.answers[item.answers.length - 1].after(item.controls.bottom);
        item.controls.show(false);
      } else if (item.controls) {
        item.controls.top.remove();
        item.controls.bottom.remove();
        for (const answer of item.answers) answer.hidden = false;
      }
    }
    if (on) {
      scheduler().catch(() => {}); // fetched now so the first rating is instant; errors show when rating
      revealTarget();
    } else {
      setActive(-1);
    }
    refresh();
  }

  /** A link to something inside a hidden answer (a table of contents entry, a search result) reveals it. */
  function revealTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!on || !target) return;
    const item = items.find((it) => it.answers.some((a) => a.contains(target)));
    if (item && !item.controls.revealed) {
      item.controls.show(true);
      target.scrollIntoView();
    }
  }

  /** The card the keys act on: the one whose button has focus, else the active one while it is on
      screen, else the first one still on screen. */
  function current() {
    const onScreen = (item) => {
      const end = item.controls.revealed ? item.controls.bottom : item.controls.top;
      return end.getBoundingClientRect().bottom > 0 && item.heading.getBoundingClientRect().top < window.innerHeight;
    };
    const focused = items.findIndex((it) => it.controls.top.contains(document.activeElement) ||
      it.controls.bottom.contains(document.activeElement));
    if (focused >= 0) return focused;
    if (items[active] && onScreen(items[active])) return active;
    const index = items.findIndex(onScreen);
    return index >= 0 ? index : active;
  }

  function go(index) {
    if (!items[index]) return false;
    setActive(index);
    const item = items[index];
    item.heading.scrollIntoView({ behavior: prefersReducedMotion() ? "auto" : "smooth", block: "start" });
    item.controls.revealButton.focus({ preventScroll: true });
    return true;
  }

  listenForKeys({
    active: () => on,
    reveal: () => {
      const index = current();
      if (!items[index] || items[index].controls.revealed) return false;
      setActive(index);
      items[index].controls.show(true);
      return true;
    },
    rate: (grade) => {
      const index = current();
      if (!items[index] || !items[index].controls.revealed) return false;
      setActive(index);
      items[index].controls.rate(grade);
      return true;
    },
    next: () => go(Math.min(current() + 1, items.length - 1)),
    previous: () => go(Math.max(current() - 1, 0)),
  });
  window.addEventListener("hashchange", revealTarget);
  store.onChange(refresh);
  apply(store.practising, false);
}
