"""The built site: notebook pages render offline, stay out of search except their prose, link both ways."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
import yaml

from kb.notebooks.build import sources
from kb.search.index import INDEX_FILE, load_js

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = [s.stem for s in sources(ROOT)]
SITE_HOST = "llm-interview-kb.github.io"  # our own site_url; links there are not loads


class _Loads(HTMLParser):
    """Collects every URL the browser would fetch on page load (not plain <a href> links)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed", "input") and "src" in a:
            self.urls.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel", "") not in ("canonical", "alternate", "prev", "next"):
            self.urls.append(a["href"])
        if tag == "object" and a.get("data"):
            self.urls.append(a["data"])
        self._in_style = tag == "style"
        if a.get("style"):
            self._css(a["style"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data)
        # Dynamic imports inside inline scripts, e.g. import("https://cdn…")
        self.urls += re.findall(r"""\bimport\(\s*["']([^"']+)["']""", data)

    def _css(self, css: str) -> None:
        self.urls += re.findall(r"""url\(\s*["']?([^"')]+)""", css)
        self.urls += re.findall(r"""@import\s+["']([^"']+)""", css)


def third_party(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z]+:)?//", url, re.I)) and SITE_HOST not in url


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_loads_anything_from_a_third_party(built_site: Path) -> None:
    offenders = {}
    for page in html_pages(built_site):
        parser = _Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        bad = [u for u in parser.urls if third_party(u) or u.strip() == ""]
        if bad:
            offenders[str(page.relative_to(built_site))] = bad[:3]
    assert not offenders, offenders


def test_the_check_catches_a_cdn_script() -> None:
    parser = _Loads()
    parser.feed('<script src="https://cdnjs.cloudflare.com/x.js"></script><style>@import "//fonts.x/y.css";</style>'
                '<script type="module">await import("https://cdn.example/m.mjs")</script><script src=""></script>')
    assert [u for u in parser.urls if third_party(u) or not u.strip()] == [
        "https://cdnjs.cloudflare.com/x.js", "//fonts.x/y.css", "https://cdn.example/m.mjs", ""]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_page_has_plots_and_no_mathjax(built_site: Path, name: str) -> None:
    html = (built_site / "notebooks" / name / "index.html").read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') >= 1
    assert "mathjax" not in html.lower()
    assert "require.js" not in html.lower()
    # The notebook source is offered for download next to the page.
    assert (built_site / "notebooks" / name / f"{name}.ipynb").is_file()


def _strip(text: str) -> str:
    return re.sub(r"<[^>]+>|\u200b|\s", "", text)


def test_search_index_holds_notebook_prose_only(built_site: Path) -> None:
    index = load_js(built_site / INDEX_FILE)  # the site's search index (kb/build/features/search.py)
    indexed = ""
    prose = ""
    for name in NOTEBOOKS:
        entries = [s for s in index["sections"] if index["pages"][s[0]][0].startswith(f"notebooks/{name}/")]
        text = "".join(_strip(s[2] + s[3]) for s in entries)
        nb = nbformat.read(ROOT / "docs" / "notebooks" / f"{name}.ipynb", as_version=4)
        md = "".join(_strip(c.source) for c in nb.cells if c.cell_type == "markdown")
        code = [c for c in nb.cells if c.cell_type == "code"]
        # Prose is in: the text pieces (between formulas) of the last Markdown line appear.
        last_md = [c for c in nb.cells if c.cell_type == "markdown"][-1]
        pieces = [_strip(p).lstrip("-") for p in re.split(r"\$[^$]*\$", last_md.source.splitlines()[-1])]
        assert all(p[:12] in text for p in pieces if len(p) >= 2), name
        # Code and outputs are out: identifiers and printed results do not appear.
        for cell in code:
            for ident in re.findall(r"\b([a-z]+_[a-z_]{4,})\s*=", cell.source):
                if ident in md.replace("\\", ""):
                    continue  # the prose itself (e.g. a formula) names it
                assert ident not in text, f"{name}: 代码 {ident} 进入了搜索索引"
            for out in cell.outputs:
                for line in out.get("text", "").splitlines():
                    if len(_strip(line)) > 12:
                        assert _strip(line) not in text, f"{name}: 输出 {line!r} 进入了搜索索引"
        indexed += text
        prose += md
    # The index grows by no more than the notebooks' prose.
    assert len(indexed) <= len(prose), (len(indexed), len(prose))


def test_questions_link_to_notebooks_and_back(built_site: Path) -> None:
    links = yaml.safe_load((ROOT / "data" / "notebook-links.yml").read_text(encoding="utf-8"))["links"]
    pages = {p: p.read_text(encoding="utf-8") for p in html_pages(built_site)}
    for qid, notebooks in links.items():
        holder = [p for p, h in pages.items() if f'id="{qid}"' in h and "/notebooks/" not in p.as_posix()]
        assert holder, f"{qid}: 没有页面含有这道题"
        html = pages[holder[0]]
        section = html.split(f'id="{qid}"', 1)[1]
        box = section[: section.index("动手算一算") + 2000] if "动手算一算" in section else ""
        for nb in notebooks:
            stem = Path(nb).stem
            assert f"notebooks/{stem}/" in box, f"{qid}: 题目下没有指向 {stem} 的链接"
            back = pages[built_site / "notebooks" / stem / "index.html"]
            assert f'#{qid}"' in back.split("kb-notebook-questions", 1)[1], f"{stem}: 没有指回 {qid}"


def test_every_notebook_is_in_the_nav_and_linked_from_a_question(built_site: Path) -> None:
    links = yaml.safe_load((ROOT / "data" / "notebook-links.yml").read_text(encoding="utf-8"))["links"]
    linked = {Path(nb).stem for nbs in links.values() for nb in nbs}
    assert linked == set(NOTEBOOKS)
    index = (built_site / "notebooks" / "index.html").read_text(encoding="utf-8")
    for name in NOTEBOOKS:
        assert f'href="{name}/"' in index or f'href="../notebooks/{name}/"' in index, name


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_page_is_light_and_styled_by_the_site(built_site: Path, name: str) -> None:
    """No inline JupyterLab CSS or clipboard element; code cells are theme code blocks; ≤ 250 KB of HTML."""
    path = built_site / "notebooks" / name / "index.html"
    page = path.read_text(encoding="utf-8")
    assert path.stat().st_size <= 250_000, f"{name}: {path.stat().st_size / 1000:.0f} KB"
    assert "<style" not in page and "clipboard-copy" not in page and ',=""' not in page
    assert "highlight-ipynb" not in page and page.count('<div class="highlight hl-python"><pre><span></span><code>') >= 3
    assert page.count('../../assets/stylesheets/kb-notebook.css"') == 1
    assert (built_site / "assets" / "stylesheets" / "kb-notebook.css").is_file()


def test_pages_without_notebooks_do_not_load_the_notebook_stylesheet(built_site: Path) -> None:
    assert "kb-notebook.css" not in (built_site / "topics" / "moe" / "index.html").read_text(encoding="utf-8")
