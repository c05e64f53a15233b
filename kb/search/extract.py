"""Cut a rendered page into search sections: one per h2/h3 heading that has an id.

A section's text is what a reader sees under its heading up to the next h2/h3, so
every string Ctrl+F finds on the page lies in exactly one section's title or text.
Text before the first such heading forms the page's own section (anchor "").
An h2 whose lead paragraph has the class `kb-group-lead` is a group: one question
answered by several sources, each an h3 under it (see kb.render.topic_page).

The sections are built from the events of the page's one pass (kb/pagescan.py), so the page
is not parsed again for search. Elements nest as Beautiful Soup's html.parser tree would
nest them (an end tag closes up to its most recent open match; void elements close at once).
Text may hold placeholders of formulas rendered later; `finish` swaps them before joining.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kb.pagescan import Attrs, scan
from kb.search.normalize import collapse

SECTION_TAGS = ("h2", "h3")
GROUP_CLASS = "kb-group-lead"
REVIEW_CLASS = "kb-review"  # the review state badge in a question's source line (kb.reviews.render)
# Not shown as text to readers: skipped with everything inside.
SKIP_TAGS = {"script", "style", "template", "svg", "math", "noscript", "input", "button"}
# Shown, but kept out of the search: "¶" heading links; notebook code cells (source, copy of
# the source, outputs), as rendered by mkdocs-jupyter — only a notebook's prose is indexed.
SKIP_CLASSES = {"headerlink", "jp-CodeCell", "jp-OutputArea"}
SKIP_ATTRIBUTE = "data-search-exclude"  # Material's marker, e.g. the notebook pages' question list
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "label", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
}
VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem", "meta",
    "param", "source", "track", "wbr", "basefont", "bgsound", "command", "frame", "image", "isindex",
    "nextid", "spacer",
}  # fmt: skip


@dataclass
class Section:
    """One search result: a question heading (or a page's intro) and its text."""

    anchor: str
    level: int  # 1 = page intro, 2 = h2, 3 = h3
    title: str
    parts: list[str] = field(default_factory=list)
    group: bool = False  # an h2 that gathers several sources' answers as h3s
    review: str = ""  # the question's review state as shown by its title (已核对 / 有 N 处勘误/存疑 / 未核对)

    @property
    def text(self) -> str:
        return collapse("".join(self.parts))


@dataclass
class _Open:
    """An open element and what closing it must do."""

    tag: str
    skip: bool = False  # skipped with its subtree
    block: bool = False  # a line break before and after
    heading: bool = False  # a section heading: closing it ends its title
    review: bool = False  # the review badge: closing it ends its text


class SectionBuilder:
    """A listener of the page's one pass that builds its search sections."""

    def __init__(self, page_title: str) -> None:
        self.intro = Section("", 1, page_title)
        self.sections = [self.intro]
        self.current = self.intro
        self._stack: list[_Open] = []
        self._skip = 0
        self._title: list[str] | None = None  # parts of the heading being read
        self._review: list[str] | None = None  # parts of the review badge being read
        self._reviewed: set[int] = set()  # sections whose review badge was read (by index)
        self._raw_titles: dict[int, list[str]] = {}
        self._raw_reviews: dict[int, list[str]] = {}

    # -- events ------------------------------------------------------------------------------
    def start(self, tag: str, attrs: Attrs, line: int, offset: int, closed: bool) -> None:
        self._open(tag, attrs)
        if closed or tag in VOID_TAGS:
            self._close_top()

    def end(self, tag: str) -> None:
        if tag in VOID_TAGS and not any(o.tag == tag for o in self._stack):
            return
        for position in range(len(self._stack) - 1, -1, -1):
            if self._stack[position].tag == tag:
                while len(self._stack) > position:
                    self._close_top()
                return

    def data(self, text: str, offset: int) -> None:
        self._text(text)

    def reference(self, text: str) -> None:
        self._text(text)

    # -- building ----------------------------------------------------------------------------
    def _targets(self) -> list[list[str]]:
        if self._skip:
            return []
        if self._title is not None:
            return [self._title]
        return [self.current.parts] + ([self._review] if self._review is not None else [])

    def _text(self, text: str) -> None:
        for target in self._targets():
            target.append(text)

    def _open(self, tag: str, attrs: Attrs) -> None:
        element = _Open(tag)
        self._stack.append(element)
        if self._skip:
            element.skip = True
            self._skip += 1
            return
        names = {name for name, _ in attrs}
        classes: set[str] = set()
        element_id = ""
        for name, value in attrs:
            if name == "class" and value:
                classes.update(value.split())
            elif name == "id" and value:
                element_id = value
        if tag == "h1" or tag in SKIP_TAGS or classes & SKIP_CLASSES or "hidden" in names or SKIP_ATTRIBUTE in names:
            element.skip = True
            self._skip += 1
            return
        if self._title is None and tag in SECTION_TAGS and element_id:
            self.current = Section(element_id, int(tag[1]), "")
            self.sections.append(self.current)
            self._title = []
            element.heading = True
            return
        if self._title is None:
            if GROUP_CLASS in classes and self.current.level == 2:
                self.current.group = True
            index = len(self.sections) - 1
            if REVIEW_CLASS in classes and self._review is None and index not in self._reviewed:
                self._review = []
                element.review = True
        if tag in BLOCK_TAGS:
            element.block = True
            self._text("\n")

    def _close_top(self) -> None:
        element = self._stack.pop()
        if element.skip:
            self._skip -= 1
            return
        if element.heading:
            self._raw_titles[len(self.sections) - 1] = self._title or []
            self._title = None
            return
        if element.block:
            self._text("\n")
        if element.review:
            index = len(self.sections) - 1
            self._raw_reviews[index] = self._review or []
            self._review = None
            if collapse("".join(self._raw_reviews[index])):
                self._reviewed.add(index)

    def finish(self, expand: Callable[[str], str] | None = None, page_title: str | None = None) -> list[Section]:
        """The sections, in document order; ``expand`` turns placeholders in text into what readers see.
        ``page_title`` (known only later for some pages) titles the intro. An empty intro is dropped."""
        while self._stack:
            self._close_top()
        if self._title is not None:  # a heading left open at the end of the page
            self._raw_titles[len(self.sections) - 1] = self._title
            self._title = None

        def text(parts: list[str]) -> str:
            joined = "".join(parts)
            return collapse(expand(joined) if expand else joined)

        sections = []
        for index, section in enumerate(self.sections):
            intro_title = section.title if page_title is None else page_title
            title = intro_title if index == 0 else text(self._raw_titles.get(index, []))
            parts = [expand("".join(section.parts))] if expand else section.parts
            review = text(self._raw_reviews[index]) if index in self._raw_reviews else ""
            sections.append(Section(section.anchor, section.level, title, parts, section.group, review))
        if not sections[0].text and len(sections) > 1:
            sections.pop(0)
        return sections


def visible_text(html: str) -> str:
    """The text a reader sees in an HTML fragment, as a section would hold it (not collapsed)."""
    builder = SectionBuilder("")
    scan(html, [builder])
    return "".join(builder.finish()[0].parts) if builder.sections[0].parts else ""


def page_sections(html: str, page_title: str) -> list[Section]:
    """Sections of one page's content HTML, in document order; an empty intro is dropped."""
    builder = SectionBuilder(page_title)
    scan(html, [builder])
    return builder.finish()
