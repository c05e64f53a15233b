"""Notebook headings: Chinese headings get unique anchors that match their TOC entries."""
from __future__ import annotations

from mkdocs.structure.toc import get_toc

from kb.notebooks.headings import fix_headings

HTML = ('<h1 id="kv-cache-mla">KV Cache 有多大<a class="anchor-link" href="#kv-cache-mla">¶</a></h1>'
        '<h2 id="">小结<a class="anchor-link" href="#">¶</a></h2>'
        '<h2 id="">小结<a class="anchor-link" href="#">¶</a></h2>')


def test_ids_are_unicode_unique_and_shared_with_the_toc() -> None:
    toc = get_toc([{"level": 1, "id": "kv-cache-mla", "name": "KV Cache 有多大", "html": "", "data-toc-label": "",
                    "children": [{"level": 2, "id": "_1", "name": "小结", "html": "", "children": []},
                                 {"level": 2, "id": "_2", "name": "小结", "html": "", "children": []}]}])
    out = fix_headings(HTML, list(toc))
    assert '<h2 id="小结">' in out and '<h2 id="小结_2">' in out
    assert 'href="#小结_2"' in out
    assert 'id=""' not in out
    entries = [toc.items[0], *toc.items[0].children]
    assert [e.id for e in entries] == ["kv-cache-有多大", "小结", "小结_2"]
