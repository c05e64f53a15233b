"""Collect ids, link targets and unsafe markup from HTML, with the line each one is on."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

# Attributes holding a URL the browser will follow or load.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "img": ("src",),
    "source": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "link": ("href",),
    "script": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "button": ("formaction",),
    "input": ("src", "formaction"),
}


@dataclass(frozen=True)
class Ref:
    """One URL in the HTML: the tag and attribute it sits in, and its line."""

    tag: str
    attribute: str
    url: str
    line: int


@dataclass(frozen=True)
class HtmlFacts:
    ids: list[tuple[str, int]] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    tags: list[tuple[str, list[tuple[str, str | None]], int]] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = HtmlFacts()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        self.facts.tags.append((tag, attrs, line))
        for name, value in attrs:
            if name == "id" and value is not None:
                self.facts.ids.append((value, line))
        for name in URL_ATTRIBUTES.get(tag, ()):
            for attr, value in attrs:
                if attr == name and value is not None:
                    self.facts.refs.append(Ref(tag, attr, value.strip(), line))

    handle_startendtag = handle_starttag


def scan_html(source: str) -> HtmlFacts:
    """Ids, URLs and every start tag with its attributes, in document order."""
    scanner = _Scanner()
    scanner.feed(source)
    scanner.close()
    return scanner.facts


@lru_cache(maxsize=1024)
def scan_page(source: str) -> HtmlFacts:
    """``scan_html`` once per distinct page HTML: the safety and link checks share one scan (read-only)."""
    return scan_html(source)
