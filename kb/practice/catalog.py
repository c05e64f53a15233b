"""The practice catalogue: every card a reader can rate, its topic, its page and its stable ids.

Built from the build's question index (kb.links.questions), which knows questions from the pages
themselves: answered entries (a question, site-written answers included, or a group of them) and
bank questions, each of which belongs to the page its topic line links to. A card's progress is
stored under its *member* ids — the questions themselves (``basics-005``, ``site-…``, ``bank-190``)
— which never change when a question moves to another page or joins a group; a group card reads
the newest record of its members and writes all of them.
"""
from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from kb.links.markdown_index import headings
from kb.links.questions import QuestionIndex
from kb.practice.answers import CardSpec


class CatalogError(ValueError):
    """The pages do not give every card a topic (the message names the file and line)."""


@dataclass(frozen=True)
class Topic:
    slug: str  # the page's file name without .md: names its card data file and its 抽一题 link
    title: str
    src_uri: str


@dataclass(frozen=True)
class Card:
    id: str  # the heading's id on its page (an entry's heading, a bank question's heading)
    topic: str  # topic slug
    src_uri: str  # the page that shows it
    members: tuple[str, ...]  # the ids its progress is stored under
    bank: bool

    def spec(self) -> CardSpec:
        """A group (a heading that is not itself a question) hides each member's answer; any other
        card hides everything after its own source or topic line."""
        group = not self.bank and self.id not in self.members
        return CardSpec(self.id, self.members if group else (), self.bank)


@dataclass(frozen=True)
class Catalog:
    topics: list[Topic]
    cards: list[Card]
    bank_page: str | None  # the page that holds the bank questions

    def on_page(self, src_uri: str) -> list[CardSpec]:
        return [c.spec() for c in self.cards if c.src_uri == src_uri]


def _h1(markdown: str, fallback: str) -> str:
    return next((h.title.strip() for h in headings(markdown) if h.level == 1), fallback)


def _slug(src_uri: str) -> str:
    return posixpath.splitext(posixpath.basename(src_uri))[0]


def build_catalog(
    index: QuestionIndex,
    pages: Mapping[str, str],
    nav_order: Sequence[str],
    label: Callable[[str], str] = lambda uri: f"docs/{uri}",
) -> Catalog:
    """Cards in topic order: each topic's answered entries in page order, then its bank questions.

    A topic is a page with answered questions, or a page a bank question's topic line links to;
    topics come in navigation order, pages missing from the navigation last, by path.
    """
    errors = []
    for bank in index.bank.values():
        where = f"{label(bank.src_uri)}:{bank.line}: 题库题目 {bank.id}"
        if bank.topic is None:
            errors.append(
                f"{where} 的主题行没有链接到主题页 — 练习进度按主题统计，请写成“主题：[…](topics/<主题>.md)”，或重新运行 make import"
            )
        elif bank.topic not in pages:
            errors.append(f"{where} 的主题行链接到不存在的页面 {label(bank.topic)} — 请检查链接，或重新运行 make import")
    bank_pages = sorted({b.src_uri for b in index.bank.values()})
    if len(bank_pages) > 1:
        errors.append(f"题库题目分布在多个页面（{', '.join(label(p) for p in bank_pages)}）— 练习模式只支持一个题库页")
    if errors:
        raise CatalogError("\n".join(errors))

    wanted = {e.src_uri for e in index.entries} | {b.topic for b in index.bank.values() if b.topic}
    rank = {uri: i for i, uri in enumerate(nav_order)}
    ordered = sorted(wanted, key=lambda uri: (rank.get(uri, len(rank)), uri))
    topics = [Topic(_slug(uri), _h1(pages[uri], _slug(uri)), uri) for uri in ordered]
    by_slug: dict[str, list[str]] = {}
    for topic in topics:
        by_slug.setdefault(topic.slug, []).append(topic.src_uri)
    clashes = [uris for uris in by_slug.values() if len(uris) > 1]
    if clashes:
        raise CatalogError("\n".join(
            f"这些页面的文件名相同，练习模式无法区分它们的主题：{', '.join(label(u) for u in uris)} — 请给其中一个改名"
            for uris in clashes
        ))
    cards: list[Card] = []
    for topic in topics:
        cards += [Card(e.id, topic.slug, e.src_uri, e.question_ids, False) for e in index.entries if e.src_uri == topic.src_uri]
        cards += [Card(b.id, topic.slug, b.src_uri, (b.id,), True) for b in index.bank.values() if b.topic == topic.src_uri]
    return Catalog(topics, cards, bank_pages[0] if bank_pages else None)


def catalog_script(catalog: Catalog, url_of: Callable[[str], str], practice_url: str, data_dir: str) -> str:
    """The catalogue as a script (pages opened from file:// cannot fetch JSON, but can run a script).

    URLs are relative to the site root; cards are ``[id, topic index, page index, members…]``,
    members left out when they are just the id.
    """
    pages = sorted({c.src_uri for c in catalog.cards}, key=lambda uri: (uri != catalog.bank_page, uri))
    topic_at = {t.slug: i for i, t in enumerate(catalog.topics)}
    page_at = {uri: i for i, uri in enumerate(pages)}
    data = {
        "version": 1,
        "practice": practice_url,
        "data": data_dir,
        "topics": [[t.slug, t.title, url_of(t.src_uri)] for t in catalog.topics],
        "pages": [url_of(uri) for uri in pages],
        "bank": page_at.get(catalog.bank_page or "", -1),
        "cards": [
            [c.id, topic_at[c.topic], page_at[c.src_uri], *([] if c.members == (c.id,) else c.members)]
            for c in catalog.cards
        ],
    }
    return "window.__kbPracticeCatalog=" + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"
