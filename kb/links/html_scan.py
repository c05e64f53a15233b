"""Collect ids, link targets and unsafe markup from HTML, with the line each one is on."""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

from kb.pagescan import scan

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


class FactsListener:
    """Collects :class:`HtmlFacts` from one pass over a page (kb/pagescan.py)."""

    def __init__(self) -> None:
        self.facts = HtmlFacts()

    def start(self, tag: str, attrs: list[tuple[str, str | None]], line: int, offset: int, closed: bool) -> None:
        self.facts.tags.append((tag, attrs, line))
        for name, value in attrs:
            if name == "id" and value is not None:
                self.facts.ids.append((value, line))
        for name in URL_ATTRIBUTES.get(tag, ()):
            for attr, value in attrs:
                if attr == name and value is not None:
                    self.facts.refs.append(Ref(tag, attr, value.strip(), line))

    def end(self, tag: str) -> None:
        return

    def data(self, text: str, offset: int) -> None:
        return

    def reference(self, text: str) -> None:
        return


def scan_html(source: str) -> HtmlFacts:
    """Ids, URLs and every start tag with its attributes, in document order."""
    listener = FactsListener()
    scan(source, [listener])
    return listener.facts


# Machine-written HTML (the theme's templates): tags outside comments, scripts and styles, and their attributes.
_SKIPPED = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def template_facts(source: str, skip: tuple[int, int] = (0, 0)) -> HtmlFacts:
    """Ids and URLs of theme-written HTML, read with patterns (a full parse of every page's navigation
    would cost more than the rest of the check); ``source[skip[0]:skip[1]]`` is left out (the page
    content, already read by the page's pass). Lines are lines of ``source``. Only tags with an id or
    a URL are kept (the safety check reads page content, not the theme)."""
    facts = HtmlFacts()
    starts: list[int] = []
    blocked = [m.span(2) if m.group(1) else m.span() for m in _SKIPPED.finditer(source)]
    if skip[1] > skip[0]:
        blocked = sorted([*blocked, skip])
    position = 0
    for start, end in [*blocked, (len(source), len(source))]:
        for match in _TAG.finditer(source, position, max(start, position)):
            tag, attrs = match.group(1).lower(), match.group(2)
            if "id" not in attrs and tag not in URL_ATTRIBUTES:
                continue
            if not starts:
                starts = [0] + [m.end() for m in re.finditer("\n", source)]
            _record(facts, tag, attrs, bisect.bisect_right(starts, match.start()))
        position = max(position, end)
    return facts


def _record(facts: HtmlFacts, tag: str, raw_attrs: str, line: int) -> None:
    attrs: list[tuple[str, str | None]] = []
    for attr in _ATTR.finditer(raw_attrs):
        raw = attr.group(2) if attr.group(2) is not None else attr.group(3) if attr.group(3) is not None else attr.group(4)
        attrs.append((attr.group(1).lower(), html.unescape(raw) if raw is not None else None))
    for name, value in attrs:
        if name == "id" and value is not None:
            facts.ids.append((value, line))
    for name in URL_ATTRIBUTES.get(tag, ()):
        for attr_name, value in attrs:
            if attr_name == name and value is not None:
                facts.refs.append(Ref(tag, attr_name, value.strip(), line))


def merged(outer: HtmlFacts, inner: HtmlFacts, first_line: int) -> HtmlFacts:
    """``outer`` with ``inner`` (facts of a fragment that starts on ``first_line`` of the same file) added."""
    shift = first_line - 1
    return HtmlFacts(
        [*outer.ids, *((i, line + shift) for i, line in inner.ids)],
        [*outer.refs, *(Ref(r.tag, r.attribute, r.url, r.line + shift) for r in inner.refs)],
        [*outer.tags, *((t, a, line + shift) for t, a, line in inner.tags)],
    )
