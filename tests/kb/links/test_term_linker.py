"""The linker only inserts <a> tags: everything else in the HTML stays byte-identical."""
from __future__ import annotations

import re

from kb.links.glossary import Term, TermMatcher
from kb.links.term_linker import link_terms

MATCHER = TermMatcher([Term("kv", "KV Cache", ("KV 缓存",), "类", "缓存 K 与 V。", (), (), (), 1)])


def link(html: str) -> str:
    return link_terms(html, MATCHER, lambda t: f"../glossary/#{t}")


def test_only_anchor_tags_are_added():
    source = '<p class="x">用 &amp; 与 KV 缓存<br>再次 KV Cache</p>\n<ul>\n<li>&lt;tag&gt;</li>\n</ul>'
    out = link(source)
    assert re.findall(r'<a class="kb-term" href="([^"]+)"[^>]*>([^<]+)</a>', out) == [("../glossary/#kv", "KV 缓存")]
    assert re.sub(r'<a class="kb-term"[^>]*>|</a>', "", out) == source
    assert out.count("kb-term") == 1


def test_math_and_skipped_elements():
    source = '<p><span class="arithmatex">\\(KV Cache\\)</span></p><h2>KV Cache</h2><pre><code>KV Cache</code></pre>' \
             '<a href="#">KV Cache</a><span class="katex">KV Cache</span><label>KV Cache</label>'
    assert link(source) == source


def test_title_is_escaped():
    matcher = TermMatcher([Term("q", "引号", (), "类", 'a "b" <c>', (), (), (), 1)])
    out = link_terms("<p>引号</p>", matcher, lambda t: "g/#q")
    assert 'title="引号：a &quot;b&quot; &lt;c&gt;"' in out
