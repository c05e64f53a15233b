"""Link the first mention of each glossary term in rendered HTML, leaving everything else byte-identical.

Works on offsets in the original HTML (``html.parser`` with ``convert_charrefs=False`` reports raw text
chunks), so markup, entities and whitespace are untouched. Text inside headings, code, math, links,
form controls and tab labels is never linked.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from kb.links.glossary import TermMatcher

SKIP_TAGS = frozenset(
    {
        "a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "var", "script",
        "style", "svg", "math", "textarea", "button", "label", "select", "option", "title",
        "abbr", "dfn", "summary",
    }
)  # fmt: skip
SKIP_CLASSES = frozenset(
    {
        "katex", "katex-display", "arithmatex", "math", "headerlink", "kb-no-terms",
        # the project's own metadata lines: sources, group leads, related lists, bank links
        "kb-source", "kb-group-lead", "kb-related", "kb-bank-topic", "kb-bank-answers", "kb-bank-open",
        "kb-moved", "kb-moved-lead",  # old-anchor notices (kb/render/moved.py)
    }
)  # fmt: skip
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


class _TextFinder(HTMLParser):
    """Collects ``(offset, text)`` of every raw text chunk outside skipped elements."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.chunks: list[tuple[int, str]] = []
        self._stack: list[tuple[str, bool]] = []
        self._skipping = 0
        starts = [0]
        for match in re.finditer("\n", source):
            starts.append(match.end())
        self._line_starts = starts

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        classes = set()
        for name, value in attrs:
            if name == "class" and value:
                classes.update(value.split())
        skip = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        self._stack.append((tag, skip))
        self._skipping += skip

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        return

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self._stack) - 1, -1, -1):
            if self._stack[position][0] == tag:
                for _, skip in self._stack[position:]:
                    self._skipping -= skip
                del self._stack[position:]
                return

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip():
            self.chunks.append((self._offset(), data))


def link_terms(source: str, matcher: TermMatcher, href: Callable[[str], str]) -> str:
    """Return ``source`` with the first mention of each term linked; ``href(term_id)`` gives the link target.

    Formulas are rendered (KaTeX) or wrapped (arithmatex) by now, so skipping their classes skips all math.
    """
    linked: set[str] = set()
    finder = _TextFinder(source)
    finder.feed(source)
    finder.close()
    inserts: list[tuple[int, int, str]] = []
    for offset, text in finder.chunks:
        for start, end, term_id in matcher.finditer(text):
            if term_id in linked:
                continue
            term = matcher.terms[term_id]
            title = html.escape(f"{term.term}：{term.definition}", quote=True)
            opening = f'<a class="kb-term" href="{html.escape(href(term_id), quote=True)}" title="{title}">'
            inserts.append((offset + start, offset + end, opening))
            linked.add(term_id)
    if not inserts:
        return source
    pieces: list[str] = []
    cursor = 0
    for start, end, opening in sorted(inserts):
        pieces.append(source[cursor:start])
        pieces.append(opening + source[start:end] + "</a>")
        cursor = end
    pieces.append(source[cursor:])
    return "".join(pieces)
