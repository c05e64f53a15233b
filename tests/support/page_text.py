"""What a reader sees in a built page's article (`.md-content`), cut at its h2/h3 headings.

The search index is checked against this text, not against itself: a string a reader can
find on the page with Ctrl+F must be found by the search. It is read from the HTML MkDocs
wrote, independently of kb.search.extract, with only these things left out:
  * what the browser does not show: scripts, styles, icons, hidden elements, KaTeX's MathML
    copy of each formula (the HTML copy is the one on screen), the "¶" heading links;
  * what is kept out of the search on purpose: notebook code cells (source and outputs)
    and elements marked `data-search-exclude`.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

_UNSEEN_TAGS = {"script", "style", "template", "svg", "math", "noscript", "input", "button"}
_UNSEEN_CLASSES = {"katex-mathml", "headerlink", "md-content__button"}
_OUT_OF_SEARCH_CLASSES = {"jp-CodeCell", "jp-OutputArea"}
_BLOCKS = {
    "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "label", "li", "ol", "p", "pre", "section", "summary",
    "table", "td", "th", "tr", "ul",
}


@dataclass
class SeenSection:
    """The text under one h2/h3 heading (anchor "" = before the first one), in runs that no block breaks."""

    anchor: str
    title: str
    runs: list[str] = field(default_factory=list)


def _left_out(tag: Tag) -> bool:
    classes = set(tag.get("class") or [])
    return (
        tag.name in _UNSEEN_TAGS
        or bool(classes & (_UNSEEN_CLASSES | _OUT_OF_SEARCH_CLASSES))
        or tag.has_attr("hidden")
        or tag.has_attr("data-search-exclude")
    )


def _text(tag: Tag) -> str:
    parts: list[str] = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif isinstance(child, Tag) and not _left_out(child):
                walk(child)

    walk(tag)
    return " ".join("".join(parts).split())


def article(html: str) -> Tag:
    soup = BeautifulSoup(html, "html.parser")
    found = soup.select_one(".md-content article")
    assert found is not None, "no <article> inside .md-content"
    return found


def seen_sections(html: str) -> list[SeenSection]:
    """The article's visible text, section by section, in document order."""
    sections = [SeenSection("", "")]
    run: list[str] = []

    def flush() -> None:
        text = " ".join("".join(run).split())
        if text:
            sections[-1].runs.append(text)
        run.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                run.append(str(child))
                continue
            if not isinstance(child, Tag) or _left_out(child):
                continue
            if child.name in ("h2", "h3") and child.get("id"):
                flush()
                sections.append(SeenSection(str(child["id"]), _text(child)))
                continue
            block = child.name in _BLOCKS
            if block:
                flush()
            walk(child)
            if block:
                flush()

    walk(article(html))
    flush()
    return sections


def site_pages(site: Path) -> Iterator[tuple[str, Path]]:
    """(url as in the search index, file) for every page of a site built with directory URLs."""
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix() + "/"
        yield ("" if url == "./" else url), path


def ctrl_f_samples(
    site: Path, urls: set[str], n: int, seed: int, sizes: tuple[int, int] = (2, 10)
) -> list[tuple[str, str, str]]:
    """(piece, url, anchor): `n` strings of 2–10 characters cut from the visible text of the pages
    in `urls`, each from one run of one section, as a reader would select them on the page."""
    rng = random.Random(seed)
    runs = []
    for url, path in site_pages(site):
        if url not in urls:
            continue
        for section in seen_sections(path.read_text(encoding="utf-8")):
            texts = [section.title, *section.runs] if section.anchor else section.runs
            runs += [(text, url, section.anchor) for text in texts if len(text.strip()) >= 3]
    out = []
    while len(out) < n:
        text, url, anchor = rng.choice(runs)
        size = rng.randint(sizes[0], min(sizes[1], len(text) - 1))
        start = rng.randrange(0, len(text) - size + 1)
        piece = text[start : start + size].strip()
        if len("".join(piece.split())) >= 2:
            out.append((piece, url, anchor))
    return out
