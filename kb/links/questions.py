"""Every question of the site, read from the pages themselves, whatever its id looks like.

What a heading with an id is, is said by the attribute list that closes the first paragraph of its
section (the importer writes them, and CONTRIBUTING.md asks contributors for the first one):

- ``{: .kb-source }`` — an answered question; its source line names the documents it comes from
  (links to ``sources.md#src-<key>``), or a paper, or anything else a contributor cites;
- ``{: .kb-group-lead }`` — a group (an h2): one question answered by several sources, whose
  members are the answered questions under it;
- ``{: .kb-bank-topic }`` — a question of the question bank (no answer, a topic line); the first
  page its topic line links to (``主题：[…](topics/<slug>.md)``) is the page the question belongs to.

An *entry* is what related questions and links point at: an h2 question or group, with the answered
questions under it, or an answered question that stands alone under a heading that is neither.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kb.links.markdown_index import Heading, headings
from kb.links.plain_math import math_as_text

SOURCE_CLASS = "kb-source"
GROUP_CLASS = "kb-group-lead"
BANK_CLASS = "kb-bank-topic"
_ATTR_LINE = re.compile(r"^\s*\{:\s*([^}]*)\}\s*$")
_SOURCE_DOC = re.compile(r"sources\.md#src-([A-Za-z0-9_-]+)")
_PAGE_LINK = re.compile(r"\]\(([^)\s#?]+\.md)(?:#[^)\s]*)?\)")


@dataclass(frozen=True)
class Lead:
    """The first paragraph of a heading's section, when an attribute list closes it: its class and lines."""

    kind: str  # kb-source, kb-group-lead or kb-bank-topic
    start: int  # 0-based line of the paragraph's first line
    end: int  # 0-based line of the attribute list


def lead(lines: list[str], heading: Heading) -> Lead | None:
    """What the heading's section starts with, if it is one of the marked paragraphs."""
    start = heading.line + 1
    while start < heading.end and not lines[start].strip():
        start += 1
    end = start
    while end < heading.end and lines[end].strip():
        match = _ATTR_LINE.match(lines[end])
        if match:
            classes = {c[1:] for c in match.group(1).split() if c.startswith(".")}
            kind = next((k for k in (SOURCE_CLASS, GROUP_CLASS, BANK_CLASS) if k in classes), None)
            return Lead(kind, start, end) if kind and end > start else None
        end += 1
    return None


def source_docs(lines: list[str], source: Lead) -> list[str]:
    """Manifest keys of the documents a source line links to (``sources.md#src-<key>``), in order."""
    return _SOURCE_DOC.findall("\n".join(lines[source.start : source.end]))


def linked_page(src_uri: str, lines: list[str], mark: Lead) -> str | None:
    """The page (src_uri) the first Markdown link of the marked paragraph leads to, if it links to one."""
    match = _PAGE_LINK.search("\n".join(lines[mark.start : mark.end]))
    if match is None:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), match.group(1)))


@dataclass(frozen=True)
class Anchor:
    """Where a question id is rendered: page, title, and the entry it belongs to."""

    id: str
    src_uri: str
    title: str
    entry_id: str


@dataclass
class Entry:
    """One answered question, or a group of them, as related questions and links see it."""

    id: str
    title: str
    src_uri: str
    topic: str
    topic_title: str
    question_ids: tuple[str, ...]
    text: str  # the entry's Markdown, heading included
    docs: frozenset[str] = frozenset()  # manifest keys of the documents its answers come from


@dataclass
class BankQuestion:
    """One question of the question bank."""

    id: str
    title: str
    src_uri: str
    line: int = 0  # 1-based line of its heading
    topic: str | None = None  # the page its topic line links to, None when the line links to no page


@dataclass
class QuestionIndex:
    entries: list[Entry] = field(default_factory=list)
    anchors: dict[str, Anchor] = field(default_factory=dict)
    bank: dict[str, BankQuestion] = field(default_factory=dict)
    by_id: dict[str, Entry] = field(default_factory=dict)

    def entry(self, question_id: str) -> Entry | None:
        """The entry that renders ``question_id``, whether it is the entry itself or one of its members."""
        anchor = self.anchors.get(question_id)
        return self.by_id.get(anchor.entry_id) if anchor else None


def _page_title(found: list[Heading], fallback: str) -> str:
    return next((h.title.strip() for h in found if h.level == 1), fallback)


def index_page(src_uri: str, markdown: str, index: QuestionIndex) -> None:
    """Add the entries and bank questions of one page to ``index``."""
    lines = markdown.split("\n")
    found = headings(markdown)
    leads = {h.line: lead(lines, h) for h in found if h.id}
    marked = [(h, leads[h.line]) for h in found if h.id and leads[h.line] is not None]
    for heading, mark in marked:
        if mark.kind == BANK_CLASS:
            topic = linked_page(src_uri, lines, mark)
            index.bank[heading.id] = BankQuestion(heading.id, heading.title, src_uri, heading.line + 1, topic)
    questions = [(h, mark) for h, mark in marked if mark.kind == SOURCE_CLASS]
    if not questions:
        return
    topic = posixpath.splitext(posixpath.basename(src_uri))[0]
    title = _page_title(found, topic)
    claimed: set[int] = set()
    for heading, mark in marked:
        if heading.level != 2 or mark.kind == BANK_CLASS:
            continue
        members = [(h, m) for h, m in questions if heading.line < h.line < heading.end and h.level > heading.level]
        own = [(heading, mark)] if mark.kind == SOURCE_CLASS else []
        if not own and not members:
            continue
        _add_entry(index, src_uri, lines, heading, own + members, topic, title)
        claimed.update(h.line for h, _ in own + members)
    for heading, mark in questions:
        if heading.line not in claimed:
            _add_entry(index, src_uri, lines, heading, [(heading, mark)], topic, title)


def _add_entry(index: QuestionIndex, src_uri: str, lines: list[str], heading: Heading,
               questions: list[tuple[Heading, Lead]], topic: str, topic_title: str) -> None:
    docs = frozenset(key for _, mark in questions for key in source_docs(lines, mark))
    entry = Entry(
        id=heading.id or "",
        title=heading.title,
        src_uri=src_uri,
        topic=topic,
        topic_title=topic_title,
        question_ids=tuple(h.id or "" for h, _ in questions),
        text="\n".join(lines[heading.line : heading.end]),
        docs=docs,
    )
    index.entries.append(entry)
    index.by_id[entry.id] = entry
    index.anchors[entry.id] = Anchor(entry.id, src_uri, heading.title, entry.id)
    for h, _ in questions:
        index.anchors[h.id or ""] = Anchor(h.id or "", src_uri, h.title, entry.id)


def build_index(pages: Mapping[str, str]) -> QuestionIndex:
    """Index from ``{src_uri: markdown}`` of every Markdown page of the site."""
    index = QuestionIndex()
    for src_uri in sorted(pages):
        if src_uri.endswith(".md"):
            index_page(src_uri, pages[src_uri], index)
    return index


def md_link(from_src_uri: str, to_src_uri: str, anchor: str) -> str:
    """Relative Markdown link target from one page to ``anchor`` on another."""
    if from_src_uri == to_src_uri:
        return f"#{anchor}"
    rel = posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")
    return f"{rel}#{anchor}"


def link_text(title: str) -> str:
    """Inline Markdown safe to put inside ``[...]``.

    Formulas become clean text (``$β$`` → ``β``, ``$\\sqrt{d_k}$`` → ``√dₖ``): these links are added after the
    math feature has taken the page's formulas out, so a formula here would show as raw TeX.
    """
    return re.sub(r"(?<!\\)([\[\]])", r"\\\1", math_as_text(title.strip()))


