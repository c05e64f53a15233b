/* The 复习 page: what is due today across topics, worked through one question at a time
   (question, 显示答案, 会 / 模糊 / 不会, next); and 抽一题 (#draw=<topic>|bank|all). */

import { CardControls, stateLabel } from "./card-controls.js";
import { el, loadScript } from "./dom.js";
import { listenForKeys } from "./keyboard.js";
import { GRADES } from "./records.js";
import { scheduler } from "./scheduler.js";
import { statsLine } from "./stats.js";
import { now, whenLabel } from "./time.js";

function button(text, onclick, extra) {
  return el("button", { type: "button", class: `kb-practice-button ${extra || ""}`.trim(), onclick }, [text]);
}

function html(tag, attrs, markup) {
  const node = el(tag, attrs);
  node.innerHTML = markup; // build-time HTML of our own pages (checked by the site's safety checks)
  return node;
}

export function setupReviewApp(catalog, store, root) {
  const cardData = () => window.__kbPracticeCards || {};
  const controls = new Map(); // card id → CardControls, kept while the page is open
  let view = { keys: null };

  async function load(cards) {
    const slugs = [...new Set(cards.map((c) => c.topic.slug))].filter((s) => !cardData()[s]);
    await Promise.all(slugs.map((s) => loadScript(catalog.topicData(s))));
    return cards.filter((c) => cardData()[c.topic.slug] && cardData()[c.topic.slug][c.id]);
  }

  function show(...nodes) {
    root.replaceChildren(...nodes);
  }

  function failed(err) {
    show(el("p", { class: "kb-practice-problem", role: "alert", text: `无法加载题目：${err.message}` }));
  }

  /** One card: where it is from, the question, 显示答案, the answer, the rating. */
  function cardView(card, onRated) {
    const data = cardData()[card.topic.slug][card.id];
    const body = html("div", { class: "kb-practice-body md-typeset", id: `kb-practice-body-${card.id}` }, data.body);
    const title = html("h2", { class: "kb-practice-title", tabindex: "-1" }, data.title);
    let c = controls.get(card.id);
    if (!c) {
      c = new CardControls({ card, store, answers: [body], title: title.textContent, onRated });
      controls.set(card.id, c);
    } else {
      c.answers = [body];
      c.onRated = onRated;
    }
    c.show(false);
    const where = card.bank ? `题库 · ${card.topic.title}` : card.topic.title;
    return el("article", { class: "kb-practice-card" }, [
      el("p", { class: "kb-practice-where" }, [where, " · ", el("a", { href: data.url, text: "在原页面查看" })]),
      title,
      html("div", { class: "kb-practice-head" }, data.head),
      c.top,
      body,
      c.bottom,
    ]);
  }

  async function overview() {
    view = { keys: null };
    const today = now();
    const due = catalog.due(store, today);
    const stats = catalog.stats(catalog.cards, store, today);
    const top = el("div", { class: "kb-practice-bar" }, [
      statsLine(stats, "全站"),
      el("p", {
        class: "kb-practice-heading",
        text: due.length ? `今天到期 ${due.length} 题，来自 ${new Set(due.map((c) => c.topic.slug)).size} 个主题。` : "今天没有到期的题。",
      }),
      el("div", { class: "kb-practice-row" }, [
        due.length ? button(`开始复习（${due.length} 题）`, () => { location.hash = "start"; }, "kb-practice-primary") : null,
        button("抽一题（全部）", () => { location.hash = "draw=all"; }),
      ]),
      el("p", { class: "kb-practice-problem", role: "alert", text: store.problem }),
    ]);
    if (!due.length) {
      const next = catalog.cards.map((c) => store.get(c.members)).filter(Boolean)
        .map((r) => new Date(r.due)).sort((a, b) => a - b)[0];
      top.append(el("p", {
        class: "kb-practice-note",
        text: next ? `下一道题 ${whenLabel(next, today)}到期。` :
          "还没有练过的题：在任意主题页或题库打开“练习模式”，或者先抽一题试试。",
      }));
      show(top);
      return;
    }
    show(top, el("p", { class: "kb-practice-note", text: "正在加载今天到期的题目……" }));
    let cards;
    try {
      cards = await load(due);
    } catch (err) {
      failed(err);
      return;
    }
    const list = el("div", { class: "kb-practice-due-list" });
    for (const topic of catalog.topics) {
      const mine = cards.filter((c) => c.topic === topic);
      if (!mine.length) continue;
      list.append(
        el("h3", { class: "kb-practice-topic", text: `${topic.title}（${mine.length}）` }),
        el("ul", {}, mine.map((c) => {
          const data = cardData()[topic.slug][c.id];
          return el("li", {}, [
            html("a", { href: data.url }, data.title),
            el("span", { class: "kb-practice-state", text: stateLabel(store.get(c.members), today) }),
          ]);
        })),
      );
    }
    show(top, list);
  }

  async function session() {
    const queue = catalog.due(store, now());
    if (!queue.length) return overview();
    let cards;
    try {
      cards = await load(queue);
    } catch (err) {
      failed(err);
      return;
    }
    const tally = { 1: 0, 2: 0, 3: 0 };
    const header = el("p", { class: "kb-practice-progress" });
    const said = el("p", { class: "kb-practice-message", role: "status" });
    const slot = el("div");
    let at = 0;
    const rated = new Map();

    function open(index) {
      if (index >= cards.length) return finish();
      at = Math.max(0, index);
      const card = cards[at];
      header.textContent = `第 ${at + 1} / ${cards.length} 题 · ${card.topic.title}`;
      slot.replaceChildren(cardView(card, (_card, grade) => {
        rated.set(card.id, grade);
        said.textContent = `上一题已记录“${GRADES[grade]}”，下次复习：${whenLabel(new Date(store.get(card.members).due), now())}`;
        open(at + 1);
      }));
      controls.get(card.id).revealButton.focus();
      return true;
    }

    function finish() {
      for (const grade of rated.values()) tally[grade] += 1;
      view = { keys: null };
      show(el("div", { class: "kb-practice-bar" }, [
        el("p", { class: "kb-practice-heading", text: `今天到期的 ${cards.length} 题复习完了。` }),
        el("p", { text: `本轮自评：会 ${tally[1]} · 模糊 ${tally[2]} · 不会 ${tally[3]}（未评 ${cards.length - rated.size}）` }),
        el("div", { class: "kb-practice-row" }, [
          button("返回", () => { location.hash = ""; }),
          button("抽一题（全部）", () => { location.hash = "draw=all"; }),
        ]),
      ]));
      return true;
    }

    show(el("div", { class: "kb-practice-session" }, [
      el("div", { class: "kb-practice-row" }, [
        header,
        button("上一题", () => open(at - 1)),
        button("下一题", () => open(at + 1)),
        button("结束", () => { location.hash = ""; }),
      ]),
      said,
      slot,
    ]));
    view = { keys: { card: () => cards[at], next: () => open(at + 1), previous: () => at > 0 && open(at - 1) } };
    open(0);
  }

  async function draw(scope) {
    const topic = catalog.topics.find((t) => t.slug === scope);
    const pool = topic ? catalog.inTopic(topic.slug) : scope === "bank" ? catalog.inBank() : catalog.cards;
    const label = topic ? `「${topic.title}」` : scope === "bank" ? "题库" : "全部题目";
    let candidates = catalog.drawable(store, now(), pool);
    let note = `从${label}中没练过或今天到期的 ${candidates.length} 题里随机抽取。`;
    if (!candidates.length) {
      candidates = pool;
      note = `${label}里的题都练过了，今天也没有到期的：这次从全部 ${pool.length} 题里随机抽取。`;
    }
    if (!candidates.length) return overview();
    const card = candidates[Math.floor(Math.random() * candidates.length)];
    try {
      await load([card]);
    } catch (err) {
      failed(err);
      return;
    }
    const again = button("再抽一题", () => draw(scope), "kb-practice-primary");
    show(el("div", { class: "kb-practice-session" }, [
      el("div", { class: "kb-practice-row" }, [
        el("p", { class: "kb-practice-progress", text: `抽一题 · ${label}` }),
        again,
        button("返回复习", () => { location.hash = ""; }),
      ]),
      el("p", { class: "kb-practice-note", text: note }),
      cardView(card, () => again.focus()),
    ]));
    view = { keys: { card: () => card, next: () => draw(scope), previous: () => false } };
    controls.get(card.id).revealButton.focus();
  }

  function route() {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash === "start") return session();
    if (hash.startsWith("draw=")) return draw(hash.slice(5));
    if (!view.keys || hash === "") return overview();
    return undefined; // another anchor of the page (e.g. 进度数据): leave the current view alone
  }

  listenForKeys({
    active: () => Boolean(view.keys),
    reveal: () => {
      const c = controls.get(view.keys.card().id);
      if (c.revealed) return false;
      c.show(true);
      return true;
    },
    rate: (grade) => {
      const c = controls.get(view.keys.card().id);
      if (!c.revealed) return false;
      c.rate(grade);
      return true;
    },
    next: () => Boolean(view.keys.next()),
    previous: () => Boolean(view.keys.previous()),
  });
  window.addEventListener("hashchange", route);
  store.onChange(() => { if (!view.keys) overview(); });
  scheduler().catch(() => {});
  route();
}
