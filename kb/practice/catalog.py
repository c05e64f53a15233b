"""The practice catalogue: every card a reader can rate, its topic, its page and its stable ids.

Built from the same question index the other hooks use (kb.links.questions): answered entries
from the topic pages, open and answered questions from the bank. A card's progress is stored
under its *member* ids — the source questions (``basics-005``, ``bank-190``) — which never change
when a question moves to another page or joins a group; a group card reads the newest record of
its members and writes all of them.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from kb.links.markdown_index import headings
from kb.links.questions import BANK_PAGE, TOPIC_DIR, QuestionIndex
from kb.practice.answers import CardSpec

_BANK_TOPIC = re.compile(r"\]\((?:\.\./)*topics/([^)/#]+)\.md\)")


class CatalogError(ValueError):
    """The pages do not give every card a topic (the message names the file and line)."""


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    src_uri: str


@dataclass(frozen=True)
class Card:
    id: str  # the heading's id on its page (an entry's h2, a bank question's h3)
    topic: str  # topic slug
    src_uri: str  # the page that shows it
    members: tuple[str, ...]  # the ids its progress is stored under
    bank: bool

    def spec(self) -> CardSpec:
        group = self.members != (self.id,)
        return CardSpec(self.id, self.members if group else (), self.bank)


@dataclass(frozen=True)
class Catalog:
    topics: list[Topic]
    cards: list[Card]

    def on_page(self, src_uri: str) -> list[CardSpec]:
        return [c.spec() for c in self.cards if c.src_uri == src_uri]


def _h1(markdown: str, fallback: str) -> str:
    return next((h.title.strip() for h in headings(markdown) if h.level == 1), fallback)


def bank_topics(markdown: str, bank_ids: Sequence[str]) -> dict[str, str]:
    """``{bank id: topic slug}`` from each bank question's line 主题：[…](topics/<slug>.md)."""
    wanted = set(bank_ids)
    lines = markdown.split("\n")
    found: dict[str, str] = {}
    errors = []
    for heading in headings(markdown):
        if heading.level != 3 or heading.id not in wanted:
            continue
        match = _BANK_TOPIC.search("\n".join(lines[heading.line + 1 : heading.end]))
        if match:
            found[heading.id] = match.group(1)  # type: ignore[index]
        else:
            errors.append(
                f"docs/{BANK_PAGE}:{heading.line + 1}: 题目 {heading.id} 下面没有“主题：[…](topics/….md)”一行"
                " — 练习进度按主题统计，请重新运行 make import 或补上这一行"
            )
    if errors:
        raise CatalogError("\n".join(errors))
    return found


def build_catalog(index: QuestionIndex, pages: Mapping[str, str], topic_order: Sequence[str]) -> Catalog:
    """Cards in topic order: each topic's answered entries in page order, then its bank questions."""
    slugs = [s for s in topic_order if f"{TOPIC_DIR}{s}.md" in pages]
    slugs += sorted(uri[len(TOPIC_DIR) : -3] for uri in pages if uri.startswith(TOPIC_DIR) and uri.endswith(".md")
                    and uri[len(TOPIC_DIR) : -3] not in slugs)
    topics = [Topic(s, _h1(pages[f"{TOPIC_DIR}{s}.md"], s), f"{TOPIC_DIR}{s}.md") for s in slugs]
    bank = bank_topics(pages.get(BANK_PAGE, ""), list(index.bank))
    unknown = sorted({t for t in bank.values() if t not in slugs})
    if unknown:
        raise CatalogError(f"docs/{BANK_PAGE}: 题库链接到不存在的主题页 {', '.join(unknown)} — 请检查 data/topics.yml 与 make import")
    cards: list[Card] = []
    for slug in slugs:
        cards += [Card(e.id, slug, e.src_uri, e.question_ids, False) for e in index.entries if e.topic == slug]
        cards += [Card(b, slug, BANK_PAGE, (b,), True) for b in index.bank if bank.get(b) == slug]
    return Catalog(topics, cards)


def catalog_script(catalog: Catalog, url_of: Callable[[str], str], practice_url: str, data_dir: str) -> str:
    """The catalogue as a script (pages opened from file:// cannot fetch JSON, but can run a script).

    URLs are relative to the site root; cards are ``[id, topic index, page index, members…]``,
    members left out when they are just the id.
    """
    pages = sorted({c.src_uri for c in catalog.cards}, key=lambda uri: (uri != BANK_PAGE, uri))
    topic_at = {t.slug: i for i, t in enumerate(catalog.topics)}
    page_at = {uri: i for i, uri in enumerate(pages)}
    data = {
        "version": 1,
        "practice": practice_url,
        "data": data_dir,
        "topics": [[t.slug, t.title, url_of(t.src_uri)] for t in catalog.topics],
        "pages": [url_of(uri) for uri in pages],
        "bank": page_at.get(BANK_PAGE, -1),
        "cards": [
            [c.id, topic_at[c.topic], page_at[c.src_uri], *([] if c.members == (c.id,) else c.members)]
            for c in catalog.cards
        ],
    }
    return "window.__kbPracticeCatalog=" + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"
