"""One pass over a page's HTML, shared by everything that reads it.

The term linker (text to link), the link and safety checks (tags, ids, URLs with their lines) and
the search index (sections of visible text) each used to parse every page on its own. Here the
page is tokenised once with the standard library's HTMLParser and every event goes to each
listener; a listener keeps whatever it needs. Character references are not converted
(``convert_charrefs=False``), so text events carry exact offsets into the HTML and references
arrive as their own events.
"""
from __future__ import annotations

from collections.abc import Sequence
from html.parser import HTMLParser
from typing import Protocol

Attrs = list[tuple[str, str | None]]


class Listener(Protocol):
    """What one reader of the page is told, in document order."""

    def start(self, tag: str, attrs: Attrs, line: int, offset: int, closed: bool) -> None:
        """A start tag; ``closed`` for ``<tag/>``."""

    def end(self, tag: str) -> None:
        """An end tag."""

    def data(self, text: str, offset: int) -> None:
        """Text as written (references are separate events)."""

    def reference(self, text: str) -> None:
        """A character reference (``&amp;``, ``&#36;``), as the character it stands for."""


class _Pass(HTMLParser):
    def __init__(self, source: str, listeners: Sequence[Listener]) -> None:
        super().__init__(convert_charrefs=False)
        self.listeners = listeners
        starts = [0]
        position = source.find("\n")
        while position != -1:
            starts.append(position + 1)
            position = source.find("\n", position + 1)
        self._line_starts = starts

    def _where(self) -> tuple[int, int]:
        line, column = self.getpos()
        return line, self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        line, offset = self._where()
        for listener in self.listeners:
            listener.start(tag, attrs, line, offset, False)

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:
        line, offset = self._where()
        for listener in self.listeners:
            listener.start(tag, attrs, line, offset, True)

    def handle_endtag(self, tag: str) -> None:
        for listener in self.listeners:
            listener.end(tag)

    def handle_data(self, data: str) -> None:
        _, offset = self._where()
        for listener in self.listeners:
            listener.data(data, offset)

    def handle_entityref(self, name: str) -> None:
        text = entity(name)
        for listener in self.listeners:
            listener.reference(text)

    def handle_charref(self, name: str) -> None:
        text = charref(name)
        for listener in self.listeners:
            listener.reference(text)


def scan(source: str, listeners: Sequence[Listener]) -> None:
    """Tokenise ``source`` once, telling every listener every event."""
    parser = _Pass(source, listeners)
    parser.feed(source)
    parser.close()


def entity(name: str) -> str:
    """A named reference as text; an unknown name stays as written (without its ``;``)."""
    from html.entities import html5

    return html5.get(f"{name};") or html5.get(name) or f"&{name}"


def charref(name: str) -> str:
    """A numeric reference as text; 128–159 are read as windows-1252, as browsers do."""
    try:
        number = int(name[1:], 16) if name[:1] in ("x", "X") else int(name)
    except ValueError:
        return f"&#{name}"
    if number < 256:
        try:
            return bytes([number]).decode("windows-1252")
        except UnicodeDecodeError:
            pass
    try:
        return chr(number) if number else "\N{REPLACEMENT CHARACTER}"
    except (ValueError, OverflowError):
        return "\N{REPLACEMENT CHARACTER}"
