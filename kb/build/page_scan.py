"""Each page's converted HTML, read once (kb/pagescan.py) for term links, the checks and search.

The pass runs when the page's content is final except for formulas, which are still placeholders
(rendered in on_env): formulas hold no ids, links or unsafe markup, and the search sections swap
each placeholder for the formula's visible text when they are finished.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from kb.links.html_scan import FactsListener, HtmlFacts, Ref
from kb.links.term_linker import TermLink, TextListener
from kb.pagescan import scan
from kb.search.extract import SectionBuilder


@dataclass
class PageScan:
    html: str  # the content HTML the facts describe
    facts: HtmlFacts
    chunks: list[tuple[int, str]]  # text that term links may go into (offsets into the scanned HTML)
    sections: SectionBuilder
    _line_starts: list[int] = field(default_factory=list)

    def line_of(self, offset: int) -> int:
        """1-based line of an offset into the scanned HTML."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.html)]
        return bisect.bisect_right(self._line_starts, offset)

    def add_term_links(self, links: list[TermLink], html: str) -> None:
        """The linker added ``links`` (offsets into the scanned HTML) and produced ``html``: the facts
        learn the new links (on the same lines: a link never adds one); text and sections are unchanged."""
        for link in links:
            line = self.line_of(link.offset)
            self.facts.tags.append(("a", [("class", "kb-term"), ("href", link.href), ("title", link.title)], line))
            self.facts.refs.append(Ref("a", "href", link.href.strip(), line))
        self.html = html


def scan_page(html: str) -> PageScan:
    facts, text, sections = FactsListener(), TextListener(), SectionBuilder("")
    scan(html, [facts, text, sections])
    return PageScan(html, facts.facts, text.chunks, sections)
