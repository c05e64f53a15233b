"""Sections of a rendered page: one per h2/h3 with an id; text is what readers see."""
from __future__ import annotations

from kb.search.extract import page_sections

HTML = """
<h1 id="t">注意力机制</h1>
<p>本页介绍注意力。</p>
<h2 id="kv-cache">KV Cache 是什么？<a class="headerlink" href="#kv-cache">¶</a></h2>
<p class="kb-group-lead">本题汇集 2 个回答。</p>
<h3 id="r1-001">什么是 <code>KV</code> 缓存？</h3>
<div class="tabbed-set"><input type="radio" checked><div class="tabbed-labels"><label>专业回答</label></div>
<div class="tabbed-content"><p>缓存键和值。</p><h4>细节</h4><p>显存<br>占用</p></div></div>
<script>var hidden = 1;</script><div data-search-exclude><p>print("code")</p></div>
<h2 id="practice">练习题</h2><ul><li>Q1：为什么？</li></ul>
<h2>没有 id 的标题</h2><p>仍属于练习题。</p>
"""


def test_sections_follow_headings_with_ids():
    sections = page_sections(HTML, "注意力机制")
    assert [(s.anchor, s.level, s.title) for s in sections] == [
        ("", 1, "注意力机制"),
        ("kv-cache", 2, "KV Cache 是什么？"),
        ("r1-001", 3, "什么是 KV 缓存？"),
        ("practice", 2, "练习题"),
    ]
    intro, group, member, practice = sections
    assert intro.text == "本页介绍注意力。"
    assert group.group and not member.group and not practice.group
    assert member.text == "专业回答 缓存键和值。 细节 显存 占用"
    assert "hidden" not in member.text and "code" not in member.text and "¶" not in group.title
    assert practice.nav == "Q1：为什么？ 没有 id 的标题 仍属于练习题。"  # a practice list is navigation


def test_empty_intro_is_dropped():
    sections = page_sections('<h1>T</h1><h2 id="a">A</h2><p>x</p>', "T")
    assert [s.anchor for s in sections] == ["a"]


NOTEBOOK_HTML = (
    '<div class="jp-Cell jp-MarkdownCell"><div><h2 id="t">标题</h2><p>开头的说明文字</p></div></div>'
    '<div class="jp-Cell jp-CodeCell jp-Notebook-cell"><div class="jp-InputArea"><div><pre>kv_bytes_per_token = 1</pre></div>'
    '<div class="clipboard-copy-txt">kv_bytes_per_token = 1</div></div>'
    '<div class="jp-OutputArea"><div class="jp-OutputArea-output"><pre>131,072 字节</pre></div></div></div>'
    '<div class="jp-OutputArea"><pre>孤立的输出</pre></div>'
    '<div class="jp-Cell jp-MarkdownCell"><div><p>结尾的说明文字</p></div></div>'
)


def test_notebook_code_cells_and_outputs_are_left_out_but_prose_after_them_is_kept():
    (section,) = page_sections(NOTEBOOK_HTML, "笔记")
    assert section.text == "开头的说明文字 结尾的说明文字"


GENERATED_HTML = """
<h2 id="q1">什么是 KV Cache？</h2>
<p class="kb-source">出处：《资料》 · 第 1 题 · <a class="kb-review" href="#">已核对</a></p>
<p>缓存键和值。</p>
<div class="admonition example"><p class="admonition-title">动手算一算</p><ul><li><a href="#">KV Cache 有多大</a></li></ul></div>
<div class="kb-related"><p class="kb-related-title">相关问题</p><ul><li><a href="#">MQA 是什么？</a></li></ul></div>
<h3 id="bank-1">Q1：为什么只缓存 K 和 V？</h3>
<p class="kb-bank-topic">主题：<a href="#">注意力机制</a></p>
<p class="kb-bank-answers">相关解答：<a href="#q1">什么是 KV Cache？</a></p>
<h2 id="slide">大模型问答流程图</h2>
<div class="admonition note"><p class="admonition-title">原资料只有标题</p><p>这一页的内容是一张图片。</p></div>
<h2 id="practice">练习题</h2><p>以下题目来自题库。</p><ul><li><a href="#bank-1">Q1：为什么只缓存 K 和 V？</a></li></ul>
<h3 id="term-kv-cache">KV Cache</h3>
<p class="kb-term-aliases">别名：KV 缓存 · KVCache</p>
<p class="kb-term-definition">把算过的键和值存下来。</p>
<p class="kb-term-questions">讲解：<a href="../topics/attention/#q1">什么是 KV Cache？</a> · <a href="../topics/x/#q9">九</a></p>
<p class="kb-term-bank">题库：<a href="../bank/#bank-1">Q1</a></p>
"""


def test_generated_navigation_is_kept_apart_from_the_answer():
    q1, bank, slide, practice, _term = page_sections(GENERATED_HTML, "页")
    assert q1.text == "缓存键和值。" and q1.review == "已核对"
    assert q1.nav == "出处：《资料》 · 第 1 题 · 已核对 动手算一算 KV Cache 有多大 相关问题 MQA 是什么？"
    assert bank.text == "" and bank.nav == "主题：注意力机制 相关解答：什么是 KV Cache？"
    assert slide.text == "" and "一张图片" in slide.nav  # a title-only slide has no answer of its own
    assert practice.text == "" and practice.nav.startswith("以下题目来自题库。")


def test_glossary_entries_record_their_names_and_explaining_questions():
    term = page_sections(GENERATED_HTML, "页")[-1]
    assert term.names == ["KV 缓存", "KVCache"]
    assert term.explained_by == ["q1", "q9"]
    assert term.text == "别名：KV 缓存 · KVCache 把算过的键和值存下来。" and term.nav == "讲解：什么是 KV Cache？ · 九 题库：Q1"
