"""Where each line of a page's Markdown comes from, while features insert blocks into it.

A page starts as its file (front matter stripped); a feature that inserts lines before the
math feature reads the page (review notes) records where they come from, so an error found
later on line N of the page as the build sees it names the file and line a person edits:
``docs/topics/x.md:40`` for a line of the page, ``data/reviews/r1.yml:12`` for a line of a note.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class Edit(Protocol):
    """Lines ``[start, end)`` replaced by ``lines``; each new line's origin is the index of an old
    line (it continues that line) or a ``(file, line)`` pair (it comes from another file)."""

    start: int
    end: int
    lines: list[str]
    origins: list[int | tuple[str, int]]


@dataclass
class SourceMap:
    origins: list[tuple[str, int]]  # per line of the current Markdown: (file as shown, 1-based line)
    text: str = ""  # the Markdown the origins describe (later features may change the page's line count)

    @classmethod
    def of_page(cls, label: str, markdown: str, first_line: int) -> SourceMap:
        """The page as read: line i of ``markdown`` is line ``first_line + i`` of the file ``label``."""
        return cls([(label, first_line + i) for i in range(markdown.count("\n") + 1)], markdown)

    def locate(self, line: int) -> tuple[str, int]:
        """File and line of the 1-based ``line`` of the current Markdown."""
        if 1 <= line <= len(self.origins):
            return self.origins[line - 1]
        return self.origins[-1] if self.origins else ("", line)

    def apply(self, lines: list[str], edits: Iterable[Edit]) -> list[str]:
        """Apply ``edits`` (bottom-up, as produced) to ``lines`` and to the map; returns the new lines."""
        lines = list(lines)
        for edit in edits:
            origins = [self.origins[o] if isinstance(o, int) else o for o in edit.origins]
            lines[edit.start : edit.end] = edit.lines
            self.origins[edit.start : edit.end] = origins
        self.text = "\n".join(lines)
        return lines
