"""Top-level blocks of rendered HTML are found with exact offsets, whatever they hold."""
from __future__ import annotations

import pytest

from kb.practice.blocks import top_blocks


def test_offsets_cover_each_top_level_element_exactly():
    html = (
        '<h2 id="a">标题<a class="headerlink" href="#a">&para;</a></h2>\n'
        "<p>一<br>二<img src=\"x.png\" alt=\"\"></p>\n"
        "<!-- 注释 <p> 不算 -->\n"
        "<div class=\"admonition\"><p>里<span>面</span></p><hr/></div>\n"
        "<hr>\n"
        "<script>if (a < b) { x = '</p>'; }</script>\n"
        "<ul>\n<li>\n<p>项</p>\n</li>\n</ul>"
    )
    blocks = top_blocks(html)
    assert [b.tag for b in blocks] == ["h2", "p", "div", "hr", "script", "ul"]
    assert [html[b.start : b.end] for b in blocks] == [
        '<h2 id="a">标题<a class="headerlink" href="#a">&para;</a></h2>',
        '<p>一<br>二<img src="x.png" alt=""></p>',
        '<div class="admonition"><p>里<span>面</span></p><hr/></div>',
        "<hr>",
        "<script>if (a < b) { x = '</p>'; }</script>",
        "<ul>\n<li>\n<p>项</p>\n</li>\n</ul>",
    ]
    assert blocks[0].attrs == {"id": "a"}
    assert blocks[2].classes == {"admonition"}


def test_stray_tags_are_closed_or_ignored_as_a_browser_would():
    note = "<div class=\"admonition\"><p>格式是 |t|<reasoning_process>|t|<summary>。</p></div>"
    table = "<table><tr><td><mark>甲</td><td>乙</mark></td></tr></table>"
    html = f"{note}\n{table}\n</div>\n<p>后</p>"
    blocks = top_blocks(html)
    assert [html[b.start : b.end] for b in blocks] == [note, table, "<p>后</p>"]


def test_an_element_open_until_the_end_is_refused_with_its_line():
    with pytest.raises(ValueError, match="第 2 行的 <div> 直到页面结束都没有闭合"):
        top_blocks("<p>x</p>\n<div><p>y</p>")
