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

Text the build generates to help readers move on — related-question lists, bank links,
source lines, a topic's practice list — is kept apart as the section's `nav` text: it
stays searchable (Ctrl+F finds it) but ranks low, and a section with nothing else
(a bank prompt) is not an answer. Glossary entries also record their names and the
questions that explain them, so a query naming a term can bring those up first.
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
# Generated navigation: related questions, bank ↔ answer links, source lines, group leads,
# a glossary entry's question links (kb.links, kb.render).
NAV_CLASSES = {
    "kb-related", "kb-bank-answers", "kb-bank-topic", "kb-bank-open", "kb-source", "kb-group-lead",
    "kb-term-questions", "kb-term-bank",
}
# Generated boxes, known by their title: notebook links (kb.links.notebooks.BOX_TITLE) and the
# note under a question whose source has only a title (kb.render.question).
NAV_BOX_TITLES = {"动手算一算", "原资料只有标题"}
ADMONITION_CLASS, ADMONITION_TITLE_CLASS = "admonition", "admonition-title"
NAV_ANCHORS = {"practice"}  # a topic page's list of bank prompts (kb.render.topic_page)
TERM_NAMES_CLASS = "kb-term-aliases"  # a glossary entry's line of other names (kb.links.glossary_page)
TERM_QUESTIONS_CLASS = "kb-term-questions"  # a glossary entry's links to the questions explaining it
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
    nav_parts: list[str] = field(default_factory=list)  # generated navigation text (see NAV_CLASSES)
    names: list[str] = field(default_factory=list)  # a glossary entry's other names (its aliases line)
    explained_by: list[str] = field(default_factory=list)  # anchors of the questions a glossary entry links to

    @property
    def text(self) -> str:
        return collapse("".join(self.parts))

    @property
    def nav(self) -> str:
        return collapse("".join(self.nav_parts))


@dataclass
class _Open:
    """An open element and what closing it must do."""

    tag: str
    skip: bool = False  # skipped with its subtree
    block: bool = False  # a line break before and after
    heading: bool = False  # a section heading: closing it ends its title
    review: bool = False  # the review badge: closing it ends its text
    nav: bool = False  # generated navigation: its text goes to the section's nav text
    box: int = -1  # an admonition: where its text starts in the section's parts (its title decides nav)
    box_title: bool = False  # an admonition's title: closing it decides whether the box is navigation
    names: bool = False  # a glossary entry's names line: closing it records the names
    term_questions: bool = False  # a glossary entry's question links: links inside are recorded


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
        self._nav = 0  # > 0 inside generated navigation
        self._term_questions = 0  # > 0 inside a glossary entry's question links
        self._names: list[str] | None = None  # parts of a glossary entry's names line being read

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
        out = self.current.nav_parts if self._nav or self.current.anchor in NAV_ANCHORS else self.current.parts
        extra = [part for part in (self._review, self._names) if part is not None]
        return [out, *extra]

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
            if classes & NAV_CLASSES:
                element.nav = True
                self._nav += 1
            elif ADMONITION_CLASS in classes and not self._nav:
                element.box = len(self.current.parts)
            elif ADMONITION_TITLE_CLASS in classes and self._stack[-2:-1] and self._stack[-2].box >= 0:
                element.box_title = True
            if TERM_NAMES_CLASS in classes and self._names is None:
                self._names = []
                element.names = True
            if TERM_QUESTIONS_CLASS in classes:
                element.term_questions = True
                self._term_questions += 1
            if tag == "a" and self._term_questions:
                href = next((value for name, value in attrs if name == "href" and value), "")
                if "#" in href:
                    self.current.explained_by.append(href.rsplit("#", 1)[1])
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
        if element.nav:
            self._nav -= 1
        if element.term_questions:
            self._term_questions -= 1
        if element.box_title:
            self._box_title_read()
        if element.names:
            names = collapse("".join(self._names or [])).split("：", 1)[-1]
            self.current.names += [name.strip() for name in names.split("·") if name.strip()]
            self._names = None
        if element.review:
            index = len(self.sections) - 1
            self._raw_reviews[index] = self._review or []
            self._review = None
            if collapse("".join(self._raw_reviews[index])):
                self._reviewed.add(index)

    def _box_title_read(self) -> None:
        """An admonition's title is read: a generated box's text so far moves to the nav text,
        and the rest of it follows (the box stays open as navigation)."""
        box = self._stack[-1]
        title = collapse("".join(self.current.parts[box.box :]))
        if title in NAV_BOX_TITLES:
            self.current.nav_parts += self.current.parts[box.box :]
            del self.current.parts[box.box :]
            box.nav = True
            self._nav += 1

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
            nav = [expand("".join(section.nav_parts))] if expand else section.nav_parts
            sections.append(Section(section.anchor, section.level, title, parts, section.group, review, nav,
                                    section.names, section.explained_by))
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
