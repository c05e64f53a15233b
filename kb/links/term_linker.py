"""Link the first mention of each glossary term in rendered HTML, leaving everything else byte-identical.

Works on offsets in the original HTML (the page's one pass, kb/pagescan.py, reports raw text chunks),
so markup, entities and whitespace are untouched. Text inside headings, code, math, links,
form controls and tab labels is never linked.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from kb.code_math import CODE_TAGS, MATH_CLASSES, MATH_TAGS
from kb.links.glossary import TermMatcher
from kb.pagescan import scan

SKIP_TAGS = frozenset(
    {
        "a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "textarea", "button", "label", "select",
        "option", "title", "abbr", "dfn", "summary",
    }
) | CODE_TAGS | MATH_TAGS  # fmt: skip
SKIP_CLASSES = frozenset(
    {
        "headerlink", "kb-no-terms",
        # the project's own metadata lines: sources, group leads, related lists, bank links
        "kb-source", "kb-group-lead", "kb-related", "kb-bank-topic", "kb-bank-answers",
        "kb-moved", "kb-moved-lead",  # old-anchor notices (kb/render/moved.py)
    }
) | MATH_CLASSES  # fmt: skip
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


class TextListener:
    """Collects ``(offset, text)`` of every raw text chunk outside skipped elements (kb/pagescan.py)."""

    def __init__(self) -> None:
        self.chunks: list[tuple[int, str]] = []
        self._stack: list[tuple[str, bool]] = []
        self._skipping = 0

    def start(self, tag: str, attrs: list[tuple[str, str | None]], line: int, offset: int, closed: bool) -> None:
        if closed or tag in VOID_TAGS:
            return
        classes = set()
        for name, value in attrs:
            if name == "class" and value:
                classes.update(value.split())
        skip = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        self._stack.append((tag, skip))
        self._skipping += skip

    def end(self, tag: str) -> None:
        for position in range(len(self._stack) - 1, -1, -1):
            if self._stack[position][0] == tag:
                for _, skip in self._stack[position:]:
                    self._skipping -= skip
                del self._stack[position:]
                return

    def data(self, text: str, offset: int) -> None:
        if not self._skipping and text.strip():
            self.chunks.append((offset, text))

    def reference(self, text: str) -> None:
        return


@dataclass(frozen=True)
class TermLink:
    """A link the linker added: where, to what, with which title."""

    offset: int
    href: str
    title: str


def link_chunks(source: str, chunks: list[tuple[int, str]], matcher: TermMatcher,
                href: Callable[[str], str]) -> tuple[str, list[TermLink]]:
    """``source`` with the first mention of each term in ``chunks`` linked, and the links added."""
    linked: set[str] = set()
    inserts: list[tuple[int, int, str, TermLink]] = []
    for offset, text in chunks:
        for start, end, term_id in matcher.finditer(text):
            if term_id in linked:
                continue
            term = matcher.terms[term_id]
            title = f"{term.term}：{term.definition}"
            target = href(term_id)
            opening = f'<a class="kb-term" href="{html.escape(target, quote=True)}" title="{html.escape(title, quote=True)}">'
            inserts.append((offset + start, offset + end, opening, TermLink(offset + start, target, title)))
            linked.add(term_id)
    if not inserts:
        return source, []
    pieces: list[str] = []
    cursor = 0
    for start, end, opening, _ in sorted(inserts, key=lambda item: item[:2]):
        pieces.append(source[cursor:start])
        pieces.append(opening + source[start:end] + "</a>")
        cursor = end
    pieces.append(source[cursor:])
    return "".join(pieces), [link for *_, link in sorted(inserts, key=lambda item: item[:2])]


def link_terms(source: str, matcher: TermMatcher, href: Callable[[str], str]) -> str:
    """Return ``source`` with the first mention of each term linked; ``href(term_id)`` gives the link target.

    Formulas are tokens (or rendered KaTeX, or arithmatex wrappers) here, so skipping their classes skips all math.
    """
    listener = TextListener()
    scan(source, [listener])
    return link_chunks(source, listener.chunks, matcher, href)[0]
