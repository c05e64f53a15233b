/* One card's self-test controls: 显示答案, then 会 / 模糊 / 不会, and what the rating scheduled.
   Used on topic and bank pages (around the answer in place) and on the 复习 page. */

import { cardState } from "./catalog.js";
import { el } from "./dom.js";
import { GRADES } from "./records.js";
import { scheduler } from "./scheduler.js";
import { now, whenLabel } from "./time.js";

/** A card's state in words: "新题", "上次：不会 · 今天到期", "上次：会 · 下次 3 天后（6月3日）". */
export function stateLabel(record, today) {
  if (!record) return "新题";
  const when = cardState(record, today) === "due" ? "今天到期" : `下次 ${whenLabel(new Date(record.due), today)}`;
  return `上次：${GRADES[record.grade]} · ${when}`;
}

export class CardControls {
  /**
   * card: catalogue card; answers: elements hidden until revealed; title: the question in words
   * (for button names); onRated(controls, grade) runs after a rating is stored.
   */
  constructor({ card, store, answers, title, onRated, onReveal }) {
    this.card = card;
    this.store = store;
    this.answers = answers;
    this.onRated = onRated || (() => {});
    this.onReveal = onReveal || (() => {});
    this.before = undefined; // the record before this view's first rating: a second rating replaces the first
    this.revealed = true;
    this.chip = el("span", { class: "kb-practice-state" });
    this.revealButton = el("button", {
      type: "button",
      class: "kb-practice-reveal",
      "aria-expanded": "true",
      "aria-controls": answers.map((a) => a.id).join(" "),
      "aria-keyshortcuts": "Space",
      onclick: () => this.toggle(),
    });
    this.top = el("div", { class: "kb-practice-top", role: "group", "aria-label": `自测：${title}` }, [
      this.revealButton, this.chip,
    ]);
    this.rateButtons = Object.entries(GRADES).map(([grade, label]) =>
      el("button", {
        type: "button",
        class: `kb-practice-rate kb-practice-rate-${grade}`,
        "aria-pressed": "false",
        "aria-keyshortcuts": grade,
        onclick: () => this.rate(Number(grade)),
      }, [label, el("span", { class: "kb-practice-key", "aria-hidden": "true", text: grade })]),
    );
    this.message = el("span", { class: "kb-practice-message", role: "status" });
    this.bottom = el("div", { class: "kb-practice-bottom", role: "group", "aria-label": `自评：${title}` }, [
      el("span", { class: "kb-practice-prompt", text: "自评：" }),
      ...this.rateButtons,
      this.message,
    ]);
    this.refresh();
  }

  refresh() {
    this.chip.textContent = stateLabel(this.store.get(this.card.members), now());
  }

  show(revealed) {
    this.revealed = revealed;
    for (const answer of this.answers) answer.hidden = !revealed;
    this.bottom.hidden = !revealed;
    this.revealButton.setAttribute("aria-expanded", String(revealed));
    this.revealButton.replaceChildren(
      revealed ? "隐藏答案" : "显示答案",
      el("span", { class: "kb-practice-key", "aria-hidden": "true", text: "空格" }),
    );
    if (revealed) this.onReveal(this);
  }

  toggle() {
    this.show(!this.revealed);
  }

  async rate(grade) {
    if (!this.revealed) return false;
    if (this.before === undefined) this.before = this.store.get(this.card.members);
    let record;
    try {
      record = (await scheduler()).rate(this.before, grade, now());
    } catch (err) {
      this.message.textContent = `评分没有保存：${err.message}`;
      return false;
    }
    if (!this.store.put(this.card.members, record)) {
      this.message.textContent = `评分没有保存：${this.store.problem}`;
      return false;
    }
    for (const button of this.rateButtons) {
      button.setAttribute("aria-pressed", String(button === this.rateButtons[grade - 1]));
    }
    const today = now();
    this.message.textContent = `已记录“${GRADES[grade]}”，下次复习：${whenLabel(new Date(record.due), today)}`;
    this.refresh();
    this.onRated(this, grade);
    return true;
  }
}
