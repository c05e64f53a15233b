"""No Ctrl+F miss on the real site: a string a reader selects on a page finds its section.

The strings come from the visible text of the built pages (tests/support/page_text.py),
not from the index, so text the index lost or garbled shows up as a miss.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import Tag

from kb.search.index import INDEX_FILE, load_js
from kb.search.node import run_queries
from kb.search.normalize import compact
from tests.support.page_text import article, ctrl_f_samples, seen_sections, site_pages


def _owners(index: dict) -> dict[tuple[str, str], str]:
    """(page url, anchor) → the location a hit on it is listed as (a group member → its group)."""
    def location(i: int) -> str:
        s = index["sections"][i]
        url = index["pages"][s[0]][0]
        return f"{url}#{s[1]}" if s[1] else url

    return {
        (index["pages"][s[0]][0], s[1]): location(s[4] if s[4] >= 0 else i) for i, s in enumerate(index["sections"])
    }


@pytest.fixture(autouse=True)
def need_node():
    if not shutil.which("node"):
        pytest.skip("没有 node，搜索引擎无法运行")


def test_random_strings_from_pages_find_their_section(built_site: Path):
    index = load_js(built_site / INDEX_FILE)
    owners = _owners(index)
    samples = ctrl_f_samples(built_site, {p[0] for p in index["pages"]}, n=300, seed=20240601)
    answers = run_queries(built_site / INDEX_FILE, [piece for piece, _, _ in samples])
    misses = []
    for (piece, url, anchor), got in zip(samples, answers, strict=True):
        owner = owners.get((url, anchor))
        if owner is None or owner not in {h["location"] for h in got["hits"]}:
            misses.append((piece, f"{url}#{anchor}"))
    assert not misses, f"{len(misses)} of {len(samples)} missed: {misses[:5]}"


def test_every_heading_finds_its_section_by_its_text(built_site: Path):
    index = load_js(built_site / INDEX_FILE)
    owners = _owners(index)
    urls = {p[0] for p in index["pages"]}
    wanted = []
    for url, path in site_pages(built_site):
        if url not in urls:
            continue
        for section in seen_sections(path.read_text(encoding="utf-8")):
            if not section.anchor or len(compact(section.title)) < 2:
                continue
            owner = owners.get((url, section.anchor))
            assert owner is not None, f"{url}#{section.anchor} is not a search section"
            wanted.append((section.title, owner))
    answers = run_queries(built_site / INDEX_FILE, [title for title, _ in wanted])
    for (title, owner), got in zip(wanted, answers, strict=True):
        assert owner in {h["location"] for h in got["hits"]}, (owner, title)
    assert len(wanted) > 500


def test_formulas_are_indexed_as_readers_see_them(built_site: Path):
    """Every rendered formula's on-screen text is in its section of the index: no placeholder, no TeX."""
    index = load_js(built_site / INDEX_FILE)
    for s in index["sections"]:
        assert "KBMATH" not in s[2] + s[3] + s[6], (index["pages"][s[0]][0], s[1])
    texts = {(index["pages"][s[0]][0], s[1]): compact(s[2] + s[3] + s[6]) for s in index["sections"]}
    urls = {p[0] for p in index["pages"]}
    checked = 0
    for url, path in site_pages(built_site):
        if url not in urls:
            continue
        for formula in article(path.read_text(encoding="utf-8")).select(".katex-html"):
            if formula.find_parent(class_="jp-CodeCell") or formula.find_parent(attrs={"data-search-exclude": True}):
                continue
            heading = formula.find_previous(lambda t: isinstance(t, Tag) and t.name in ("h2", "h3") and t.get("id"))
            anchor = str(heading["id"]) if heading is not None else ""
            seen = compact(formula.get_text())
            assert seen in texts.get((url, anchor), ""), f"{url}#{anchor}: formula {formula.get_text()!r} not indexed"
            checked += 1
    assert checked > 100
