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
        self.depth = 0
        self.open: tuple[str, dict[str, str], int] | None = None
        self.blocks: list[Block] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        if self.depth == 0:
            self.open = (tag, {k: v or "" for k, v in attrs}, start)
        if tag in VOID:
            self._close_if_top(start + len(self.get_starttag_text() or ""))
        else:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        if self.depth == 0:
            self.open = (tag, {k: v or "" for k, v in attrs}, start)
        self._close_if_top(start + len(self.get_starttag_text() or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        start = self._offset()
        self.depth -= 1
        if self.depth < 0:
            raise ValueError(f"多余的结束标签 </{tag}>（第 {self.getpos()[0]} 行）")
        if self.depth == 0:
            end = self.text.index(">", start) + 1
            self._close_if_top(end)

    def _close_if_top(self, end: int) -> None:
        if self.depth == 0 and self.open is not None:
            tag, attrs, start = self.open
            self.blocks.append(Block(tag, attrs, start, end))
            self.open = None


def top_blocks(html: str) -> list[Block]:
    """The top-level elements of ``html`` in document order (text between them is skipped)."""
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    if scanner.depth != 0:
        raise ValueError("HTML 中有未闭合的标签")
    return scanner.blocks
