"""Top-level elements of a page's content HTML, with their offsets in the original text.

Answers are wrapped by inserting tags at these offsets, so every other byte of the page stays
exactly as the Markdown renderer and the other hooks wrote it.
"""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(frozen=True)
class Block:
    """One top-level element: its tag, attributes, and the span [start, end) of its source text."""

    tag: str
    attrs: dict[str, str]
    start: int
    end: int

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _Scanner(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0]
        for i, char in enumerate(text):
            if char == "\n":
                self.line_starts.append(i + 1)
        self.stack: list[tuple[str, int]] = []  # open elements: tag and line
        self.open: tuple[str, dict[str, str], int] | None = None
        self.blocks: list[Block] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        if not self.stack:
            self.open = (tag, {k: v or "" for k, v in attrs}, start)
        if tag in VOID:
            self._close_if_top(start + len(self.get_starttag_text() or ""))
        else:
            self.stack.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        if not self.stack:
            self.open = (tag, {k: v or "" for k, v in attrs}, start)
        self._close_if_top(start + len(self.get_starttag_text() or ""))

    def handle_endtag(self, tag: str) -> None:
        """Closes the nearest open element of that name, and whatever was left open inside it, as a
        browser does: a stray ``<reasoning_process>`` in a note's text ends with its paragraph, and an
        end tag that closes nothing (a mark cut by a table cell) is ignored."""
        if tag in VOID:
            return
        names = [name for name, _ in self.stack]
        if tag not in names:
            return
        del self.stack[len(names) - 1 - names[::-1].index(tag) :]
        if not self.stack:
            self._close_if_top(self.text.index(">", self._offset()) + 1)

    def _close_if_top(self, end: int) -> None:
        if not self.stack and self.open is not None:
            tag, attrs, start = self.open
            self.blocks.append(Block(tag, attrs, start, end))
            self.open = None


def top_blocks(html: str) -> list[Block]:
    """The top-level elements of ``html`` in document order (text between them is skipped)."""
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    if scanner.stack:
        tag, line = scanner.stack[0]  # the top-level element that never ended
        raise ValueError(
            f"HTML 第 {line} 行的 <{tag}> 直到页面结束都没有闭合 — 页面文字里多半有没转义的尖括号：写进行内代码或写成 &lt;{tag}&gt;"
        )
    return scanner.blocks
