"""Index of answered questions (topic pages) and of the question bank, read from the Markdown pages."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kb.links.markdown_index import headings
from kb.links.plain_math import math_as_text

TOPIC_DIR = "topics/"
BANK_PAGE = "bank.md"
_QUESTION_ID = re.compile(r"^([a-z][a-z0-9]*)-\d{3}(?:-\d+)?$")


def doc_of(question_id: str) -> str | None:
    """Source document key of a question id like ``r1-021`` (None for group ids)."""
    match = _QUESTION_ID.match(question_id)
    return match.group(1) if match else None


@dataclass(frozen=True)
class Anchor:
    """Where a question id is rendered: page, title, and the entry (h2) it belongs to."""

    id: str
    src_uri: str
    title: str
    entry_id: str


@dataclass
class Entry:
    """One answered question on a topic page: an h2, possibly grouping several sources (h3)."""

    id: str
    title: str
    src_uri: str
    topic: str
    topic_title: str
    question_ids: tuple[str, ...]
    text: str  # the entry's Markdown, heading included

    @property
    def docs(self) -> frozenset[str]:
        return frozenset(d for d in (doc_of(q) for q in self.question_ids) if d)


@dataclass
class BankQuestion:
    """One question of the bank page: an h3 ``{#bank-NNN}``."""

    id: str
    title: str


@dataclass
class QuestionIndex:
    entries: list[Entry] = field(default_factory=list)
    anchors: dict[str, Anchor] = field(default_factory=dict)
    bank: dict[str, BankQuestion] = field(default_factory=dict)
    by_id: dict[str, Entry] = field(default_factory=dict)

    def entry(self, question_id: str) -> Entry | None:
        """The entry (h2) that renders ``question_id``, whether it is the h2 or one of its h3."""
        anchor = self.anchors.get(question_id)
        return self.by_id.get(anchor.entry_id) if anchor else None


def _page_title(markdown: str, fallback: str) -> str:
    for heading in headings(markdown):
        if heading.level == 1:
            return heading.title.strip()
    return fallback


def _has_source_line(lines: list[str], heading: int) -> bool:
    """A question's heading is followed by its source line (``出处：…`` then ``{: .kb-source }``)."""
    following = [line.strip() for line in lines[heading + 1 : heading + 6] if line.strip()]
    return len(following) >= 2 and following[1] == "{: .kb-source }"


def index_topic_page(src_uri: str, markdown: str, index: QuestionIndex) -> None:
    """Add every h2 entry of one topic page (and its h3 source ids) to ``index``."""
    lines = markdown.split("\n")
    topic = posixpath.splitext(posixpath.basename(src_uri))[0]
    title = _page_title(markdown, topic)
    all_headings = headings(markdown)
    for h2 in (h for h in all_headings if h.level == 2 and h.id):
        children = [
            h for h in all_headings if h.level == 3 and h.id and doc_of(h.id) and h2.line < h.line < h2.end
        ]
        if not children and not doc_of(h2.id) and not _has_source_line(lines, h2.line):
            continue  # a section such as 练习题, not a question
        ids = tuple(h.id for h in children) if children else (h2.id,)
        entry = Entry(
            id=h2.id,
            title=h2.title,
            src_uri=src_uri,
            topic=topic,
            topic_title=title,
            question_ids=ids,
            text="\n".join(lines[h2.line : h2.end]),
        )
        index.entries.append(entry)
        index.by_id[entry.id] = entry
        index.anchors[h2.id] = Anchor(h2.id, src_uri, h2.title, h2.id)
        for child in children:
            index.anchors[child.id] = Anchor(child.id, src_uri, child.title, h2.id)


def index_bank_page(markdown: str, index: QuestionIndex) -> None:
    """Add the bank questions (h3 with an id, under chapter h2s) to ``index``."""
    for heading in headings(markdown):
        if heading.level == 3 and heading.id:
            index.bank[heading.id] = BankQuestion(heading.id, heading.title)


def build_index(pages: Mapping[str, str]) -> QuestionIndex:
    """Index from ``{src_uri: markdown}``: topic pages under ``topics/`` and ``bank.md``."""
    index = QuestionIndex()
    for src_uri in sorted(pages):
        if src_uri.startswith(TOPIC_DIR) and src_uri.endswith(".md"):
            index_topic_page(src_uri, pages[src_uri], index)
        elif src_uri == BANK_PAGE:
            index_bank_page(pages[src_uri], index)
    return index


def md_link(from_src_uri: str, to_src_uri: str, anchor: str) -> str:
    """Relative Markdown link target from one page to ``anchor`` on another."""
    if from_src_uri == to_src_uri:
        return f"#{anchor}"
    rel = posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")
    return f"{rel}#{anchor}"


def link_text(title: str) -> str:
    """Inline Markdown safe to put inside ``[...]``.

    Formulas become clean text (``$β$`` → ``β``): these links are added after the math hook has
    taken the page's formulas out, so a formula here would show as raw TeX.
    """
    return re.sub(r"(?<!\\)([\[\]])", r"\\\1", without_math(title.strip()))


def without_math(text: str) -> str:
    """``text`` with each formula as clean text (``$β$`` → ``β``, ``$\\sqrt{d_k}$`` → ``√dₖ``), for places where no formula renders."""
    return math_as_text(text)
