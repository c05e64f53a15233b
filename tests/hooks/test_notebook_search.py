"""hooks/notebook_search.py: code cells are wrapped so Material's search skips them and nothing after them."""
from __future__ import annotations

from material.plugins.search.plugin import Parser

from hooks.notebook_search import mark_code_cells

HTML = (
    '<div class="jp-Cell jp-MarkdownCell"><div><h1 id="t">标题</h1><p>开头的说明文字</p></div></div>'
    '<div class="jp-Cell jp-CodeCell jp-Notebook-cell"><div class="jp-InputArea"><div><pre>kv_bytes_per_token = 1</pre></div>'
    '<div class="clipboard-copy-txt">kv_bytes_per_token = 1</div></div>'
    '<div class="jp-OutputArea"><div class="jp-OutputArea-output"><pre>131,072 字节</pre></div></div></div>'
    '<div class="jp-Cell jp-MarkdownCell"><div><h2 id="s">小结</h2><p>结尾的说明文字</p></div></div>'
)


def _indexed(html: str) -> str:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return " ".join("".join(s.title) + "".join(s.text) for s in parser.data if not s.is_excluded())


def test_unmarked_code_would_be_indexed() -> None:
    assert "kv_bytes_per_token" in _indexed(HTML)


def test_marked_code_and_outputs_are_not_indexed_but_prose_is() -> None:
    marked, count = mark_code_cells(HTML)
    assert count == 1
    text = _indexed(marked)
    assert "kv_bytes_per_token" not in text
    assert "131,072" not in text
    assert "开头的说明文字" in text
    assert "结尾的说明文字" in text


def test_marking_keeps_the_markup_and_is_idempotent_in_count() -> None:
    marked, _ = mark_code_cells(HTML)
    assert marked.replace('<kb-code-cell data-search-exclude style="display:block">', "").replace("</kb-code-cell>", "") == HTML
