"""The built site keeps every answer's shape, and shows no Markdown a reader should not see.

tests/kb/test_structure.py compares each source answer with the importer's Markdown; this
compares it with the HTML pages MkDocs built (every hook included), found by question id.
"""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.support.structure import answer_sources, html_shape, section_after, source_shape

# What the build adds under an answer: its source line, related questions, the notebook box.
_NOT_ANSWER = {"kb-source", "kb-related", "kb-group-lead", "admonition"}
# Markdown that reached the reader as text: bold markers, a bullet opening a line, a number opening a
# later line (a list left unparsed), a table rule. A number opening a paragraph is the author's own.
_LITERAL = re.compile(r"\*\*|(?:^|\n)[ \t]*[-*+][ \t]+\S|\n[ \t]*\d+\.[ \t]+\S|\|\s*-{3,}")
_BLOCKS = ["p", "li", "td", "th", "h1", "h2", "h3", "h4", "dd", "dt"]


def _topic_pages(site: Path) -> dict[str, BeautifulSoup]:
    return {p.parent.name: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in (site / "topics").glob("*/index.html")}


def test_every_answer_keeps_its_shape_in_the_built_site(built_site: Path, import_result):
    pages = _topic_pages(built_site)
    problems = []
    for qid, file, text, slides in answer_sources(import_result):
        heading = next((h for soup in pages.values() if (h := soup.find(id=qid)) is not None), None)
        assert heading is not None, f"{qid} has no heading in the built site"
        nodes = [n for n in section_after(heading) if not set(n.get("class") or []) & _NOT_ANSWER]
        problems += [f"{qid} ({file}): {d}" for d in source_shape(text, slides).differences(html_shape(nodes))]
    assert not problems, f"{len(problems)} answers changed shape:\n" + "\n".join(problems[:30])


def test_no_markdown_markup_reaches_a_reader(built_site: Path):
    """No `**`, `- `/`1. ` opening a line of text, or `|---` outside code, on any page."""
    found = []
    for path in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.find("article")
        if article is None:
            continue
        for hidden in article.select("pre, code, script, style, .katex, .jp-CodeCell, .jp-OutputArea"):
            hidden.decompose()
        for block in article.find_all(_BLOCKS):
            own = "".join(t for t in block.find_all(string=True) if t.find_parent(_BLOCKS) is block)
            if m := _LITERAL.search(own):
                found.append(f"{path.relative_to(built_site)}: {own[max(0, m.start() - 20) : m.end() + 20]!r}")
    assert not found, f"{len(found)} blocks show Markdown markup:\n" + "\n".join(found[:20])


def test_no_paragraph_sits_in_a_code_box(built_site: Path):
    """A code box without a language holds prose that was indented by accident."""
    found = []
    for path in sorted((built_site / "topics").glob("*/index.html")):
        html = path.read_text(encoding="utf-8")
        found += [f"{path.parent.name}: {m.group(1)[:60]!r}" for m in re.finditer(r"<pre><code>(.*?)</code></pre>", html, re.S)]
    assert not found, "\n".join(found)


_FORMULA_NUMBER = re.compile(r"公式\s*\d")
_FIGURE = re.compile(r"如下图|如图所示|下图所示|见下图")
_AS_FOLLOWS = re.compile(r"(?:如下|以下)[：:]\s*$")


def test_every_pointer_points_at_something_on_the_page(built_site: Path):
    """“公式 2” links where the formula is; "如下图" has a picture; "如下：" has something after it."""
    found = []
    for name, soup in _topic_pages(built_site).items():
        for note in soup.select(".admonition"):  # the site's review notes cite the paper whose formula they name
            if "本站审校" in note.get_text():
                note.decompose()
        for block in soup.find("article").find_all(["p", "li"]):
            text = "".join(t for t in block.find_all(string=True) if t.find_parent(["p", "li"]) is block)
            if (m := _FORMULA_NUMBER.search(text)) and not block.find("a", href=re.compile("^https?://")):
                found.append(f"{name}: {text[max(0, m.start() - 20) : m.end() + 10]!r}")
            if _FIGURE.search(text) and block.find_next("img") is None:
                found.append(f"{name}: {text[-40:]!r}")
            nxt = block.find_next_sibling()
            if block.name == "p" and _AS_FOLLOWS.search(text) and (nxt is None or re.fullmatch(r"h[1-6]", nxt.name)):
                found.append(f"{name}: {text[-40:]!r} is followed by nothing")
    assert not found, "\n".join(found)


_TEX = re.compile(r"\\(?:[A-Za-z]{2,}|[,;:!])|\$[^$\s][^$]*\$")


def test_reused_titles_show_no_tex_source(built_site: Path):
    """Titles reused in related questions, bank links, the glossary and notebook back-links read as text."""
    found = []
    for path in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for hidden in soup.select(".katex, pre, code, script, style"):
            hidden.decompose()
        for link in soup.select("article a, .md-nav a"):
            if m := _TEX.search(link.get_text()):
                found.append(f"{path.relative_to(built_site)}: {link.get_text()[max(0, m.start() - 20) : m.end() + 10]!r}")
    assert not found, f"{len(found)} links show TeX:\n" + "\n".join(found[:20])


_DOUBLED = re.compile(r"([，。；：！？、])\1|[，,]{2}|[：:]{2}")


def test_no_doubled_punctuation_or_reversed_quotes(built_site: Path):
    """The sources' "，，", "::" and ”…“ are repaired by reviewed edits (data/edits/form.yml); none is left."""
    found = []
    for name, soup in _topic_pages(built_site).items():
        for hidden in soup.select("pre, code, .katex"):
            hidden.replace_with("X")  # a formula or code stands between punctuation marks: not doubled
        for block in soup.find("article").find_all(_BLOCKS):
            text = "".join(t for t in block.find_all(string=True) if t.find_parent(_BLOCKS) is block)
            if m := _DOUBLED.search(text):
                found.append(f"{name}: {text[max(0, m.start() - 15) : m.end() + 5]!r}")
            depth = 0
            for ch in text:
                depth += (ch == "“") - (ch == "”")
                if depth < 0:
                    found.append(f"{name}: a ” before its “ in {text[:40]!r}")
                    break
    assert not found, "\n".join(found)
