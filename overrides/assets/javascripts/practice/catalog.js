/* The site's questions as the build listed them (assets/practice/catalog.js), with the reader's state. */

import { endOfDay } from "./time.js";

/** A card's state on a given day: "new" (never rated), "due" (due by tonight) or "later". */
export function cardState(record, today) {
  if (!record) return "new";
  return Date.parse(record.due) < endOfDay(today).getTime() ? "due" : "later";
}

export class Catalog {
  /** `data` is window.__kbPracticeCatalog; `root` the site root URL. */
  constructor(data, root) {
    this.root = root;
    this.practiceUrl = new URL(data.practice, root).href;
    this.dataUrl = new URL(data.data, root).href;
    this.topics = data.topics.map(([slug, title, url], index) => ({ slug, title, index, url: new URL(url, root).href }));
    this.pages = data.pages.map((url) => new URL(url, root).href);
    this.bankPage = data.bank;
    this.cards = data.cards.map(([id, topic, page, ...members]) => ({
      id,
      topic: this.topics[topic],
      page: this.pages[page],
      bank: page === data.bank,
      members: members.length ? members : [id],
    }));
    this.byId = new Map(this.cards.map((card) => [card.id, card]));
  }

  inTopic(slug) {
    return this.cards.filter((card) => card.topic.slug === slug);
  }

  inBank() {
    return this.cards.filter((card) => card.bank);
  }

  /** Practised / due today / last rated 不会, over `cards`. */
  stats(cards, store, today) {
    const out = { total: cards.length, practised: 0, due: 0, unknown: 0 };
    for (const card of cards) {
      const record = store.get(card.members);
      if (!record) continue;
      out.practised += 1;
      if (cardState(record, today) === "due") out.due += 1;
      if (record.grade === 3) out.unknown += 1;
    }
    return out;
  }

  /** Cards due by tonight, the longest overdue first. */
  due(store, today, cards = this.cards) {
    return cards
      .map((card) => ({ card, record: store.get(card.members) }))
      .filter(({ record }) => cardState(record, today) === "due")
      .sort((a, b) => Date.parse(a.record.due) - Date.parse(b.record.due) || a.card.topic.index - b.card.topic.index)
      .map(({ card }) => card);
  }

  /** Cards never rated or due by tonight: what 抽一题 draws from. */
  drawable(store, today, cards) {
    return cards.filter((card) => cardState(store.get(card.members), today) !== "later");
  }

  topicData(slug) {
    return new URL(`${slug}.js`, this.dataUrl).href;
  }
}
