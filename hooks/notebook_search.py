"""Keep notebook code and outputs out of the search index; only the prose is indexed.

Each code cell (source, the copy-button copy of the source, and every output) is wrapped in
``<kb-code-cell data-search-exclude>``. ``data-search-exclude`` is the marker Material's search
skips; the wrapper has its own tag because Material's parser matches excluded elements by tag
name, so an excluded ``<div>`` would be "closed" by the first nested ``</div>``. A replacement
search index should skip elements carrying the same attribute.
"""
from __future__ import annotations

from html.parser import HTMLParser

from mkdocs.structure.pages import Page

WRAP_OPEN = '<kb-code-cell data-search-exclude style="display:block">'
WRAP_CLOSE = "</kb-code-cell>"


class _CodeCellFinder(HTMLParser):
    """Finds the (start, end) offsets of every <div class="… jp-CodeCell …"> element."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self._line_starts = [0]
        for i, ch in enumerate(html):
            if ch == "\n":
                self._line_starts.append(i + 1)
        self._html = html
        self._divs: list[int | None] = []  # per open div: start offset if it is a code cell
        self.spans: list[tuple[int, int]] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            return
        classes = (dict(attrs).get("class") or "").split()
        inside = any(start is not None for start in self._divs)
        self._divs.append(self._offset() if "jp-CodeCell" in classes and not inside else None)

    def handle_endtag(self, tag: str) -> None:
        if tag != "div" or not self._divs:
            return
        start = self._divs.pop()
        if start is not None:
            end = self._html.index(">", self._offset()) + 1
            self.spans.append((start, end))


def mark_code_cells(html: str) -> tuple[str, int]:
    """HTML with every code cell wrapped in an excluded element, and how many were wrapped."""
    finder = _CodeCellFinder(html)
    finder.feed(html)
    finder.close()
    out, last = [], 0
    for start, end in finder.spans:
        out += [html[last:start], WRAP_OPEN, html[start:end], WRAP_CLOSE]
        last = end
    out.append(html[last:])
    return "".join(out), len(finder.spans)


def on_page_content(html: str, page: Page, **_: object) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    html, _count = mark_code_cells(html)
    return html
