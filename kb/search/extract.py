"""Cut a rendered page into search sections: one per h2/h3 heading that has an id.

A section's text is what a reader sees under its heading up to the next h2/h3, so
every string Ctrl+F finds on the page lies in exactly one section's title or text.
Text before the first such heading forms the page's own section (anchor "").
An h2 whose lead paragraph has the class `kb-group-lead` is a group: one question
answered by several sources, each an h3 under it (see kb.render.topic_page).

Text the build generates to help readers move on — related-question lists, bank links,
source lines, a topic's practice list — is kept apart as the section's `nav` text: it
stays searchable (Ctrl+F finds it) but ranks low, and a section with nothing else
(a bank prompt) is not an answer. Glossary entries also record their names and the
questions that explain them, so a query naming a term can bring those up first.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

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
# a glossary entry's question links (kb.links, kb.render, hooks/*).
NAV_CLASSES = {
    "kb-related", "kb-bank-answers", "kb-bank-topic", "kb-bank-open", "kb-source", "kb-group-lead",
    "kb-term-questions", "kb-term-bank",
}
# Generated boxes, known by their title: notebook links (hooks/notebook_links.py) and the
# note under a question whose source has only a title (kb.render.question.EMPTY_ANSWER).
NAV_BOX_TITLES = {"动手算一算", "原资料只有标题"}
NAV_ANCHORS = {"practice"}  # a topic page's list of bank prompts (kb.render.topic_page)
TERM_NAMES_CLASS = "kb-term-aliases"
TERM_QUESTIONS_CLASS = "kb-term-questions"
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "label", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
}


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


def _is_nav(tag: Tag) -> bool:
    classes = tag.get("class") or []
    if NAV_CLASSES.intersection(classes):
        return True
    if "admonition" in classes:
        title = tag.find(class_="admonition-title")
        return title is not None and title.get_text(strip=True) in NAV_BOX_TITLES
    return False


def _skipped(tag: Tag) -> bool:
    classes = tag.get("class") or []
    return (
        tag.name in SKIP_TAGS
        or bool(SKIP_CLASSES.intersection(classes))
        or tag.has_attr("hidden")
        or tag.has_attr(SKIP_ATTRIBUTE)
    )


class _Walker:
    """Collects visible text into the current section; a section heading starts the next one."""

    def __init__(self, current: Section, sections: list[Section] | None = None) -> None:
        self.current = current
        self.sections = sections  # None: no splitting (reading a heading's own text)
        self.nav = 0  # > 0 while inside generated navigation

    def _out(self) -> list[str]:
        return self.current.nav_parts if self.nav or self.current.anchor in NAV_ANCHORS else self.current.parts

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self._out().append(str(child))
                continue
            if not isinstance(child, Tag) or _skipped(child):
                continue
            if self.sections is not None and child.name in SECTION_TAGS and child.get("id"):
                self.current = Section(str(child["id"]), int(child.name[1]), _visible_text(child))
                self.sections.append(self.current)
                continue
            if GROUP_CLASS in (child.get("class") or []) and self.current.level == 2:
                self.current.group = True
            classes = child.get("class") or []
            if REVIEW_CLASS in classes and not self.current.review:
                self.current.review = _visible_text(child)
            if TERM_NAMES_CLASS in classes:
                names = _visible_text(child).split("：", 1)[-1]
                self.current.names += [n.strip() for n in names.split("·") if n.strip()]
            if TERM_QUESTIONS_CLASS in classes:
                self.current.explained_by += [
                    str(a["href"]).rsplit("#", 1)[1] for a in child.find_all("a", href=True) if "#" in str(a["href"])
                ]
            nav = _is_nav(child)
            block = child.name in BLOCK_TAGS
            self.nav += nav
            if block:
                self._out().append("\n")
            self.walk(child)
            if block:
                self._out().append("\n")
            self.nav -= nav


def _visible_text(tag: Tag) -> str:
    holder = Section("", 0, "")
    _Walker(holder).walk(tag)
    return holder.text


def page_sections(html: str, page_title: str) -> list[Section]:
    """Sections of one page's content HTML, in document order; an empty intro is dropped."""
    soup = BeautifulSoup(html, "html.parser")
    for h1 in soup.find_all("h1"):
        h1.decompose()  # the page title is the intro's title, not its text
    intro = Section(anchor="", level=1, title=page_title)
    sections = [intro]
    _Walker(intro, sections).walk(soup)
    if not intro.text and len(sections) > 1:
        sections.pop(0)
    return sections
