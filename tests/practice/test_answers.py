"""Answers are wrapped for practice mode without changing any other byte of the page."""
from __future__ import annotations

import re

import pytest

from kb.practice.answers import CardSpec, StructureError, mark_answers

SOURCE = '<p class="kb-source">出处：<a href="../../sources/#s">资料</a> · 第 1 题 · <a class="kb-review" href="#r">未核对</a></p>'
NOTE = '<div class="admonition warning"><p class="admonition-title">勘误（本站审校）</p><p>应为 2。</p></div>'
PAGE = "\n".join([
    '<h1 id="t">主题</h1>',
    "<p>简介。</p>",
    '<h2 id="r1-001">单个回答？<a class="headerlink" href="#r1-001" title="本题链接">&para;</a></h2>',
    SOURCE,
    '<p>答案里有 <mark class="kb-claim" id="review-r1-001-1">1</mark>。</p>',
    NOTE,
    '<div class="kb-related"><p>相关问题</p></div>',
    '<h2 id="grp">合并的问题？<a class="headerlink" href="#grp">&para;</a></h2>',
    '<p class="kb-group-lead">本题汇集 2 个回答：<a href="#a-001">甲</a>、<a href="#b-002">乙</a>。</p>',
    '<h3 id="a-001">甲的问法</h3>',
    SOURCE,
    "<p>甲的回答。</p>",
    '<h3 id="b-002">乙的问法</h3>',
    SOURCE,
    "<p>乙的回答。</p>",
    "<h4>乙的小节</h4>",
    "<p>乙的回答续。</p>",
    '<h2 id="practice">练习题</h2>',
    '<ul><li><a href="../../bank/#bank-001">Q1</a></li></ul>',
])
SPECS = [CardSpec("r1-001"), CardSpec("grp", ("a-001", "b-002"))]
OPEN = re.compile(r'<div class="kb-answer" data-kb-card="([^"]*)">')


def wrappers(html: str) -> list[tuple[str, int, int, int]]:
    """(card, start of the opening tag, start of the closing tag, its end) of every answer wrapper."""
    out = []
    for match in OPEN.finditer(html):
        depth, pos = 1, match.end()
        while depth:
            nxt = re.compile(r"<div\b|</div>").search(html, pos)
            assert nxt is not None, "wrapper not closed"
            depth += 1 if nxt.group(0) == "<div" else -1
            pos = nxt.end()
        out.append((match.group(1), match.start(), pos - len("</div>"), pos))
    return out


def wrapped_parts(html: str, card: str) -> list[str]:
    return [html[html.index(">", start) + 1 : close] for c, start, close, _ in wrappers(html) if c == card]


def strip_wrappers(html: str) -> str:
    for _, start, close, end in reversed(wrappers(html)):
        html = html[:start] + html[html.index(">", start) + 1 : close] + html[end:]
    return html


def test_single_answer_with_its_review_note_and_related_questions_is_wrapped():
    marked = mark_answers(PAGE, SPECS)
    (inside,) = wrapped_parts(marked.html, "r1-001")
    assert "答案里有" in inside and "勘误（本站审校）" in inside and "kb-related" in inside
    assert SOURCE not in inside  # the source line (with the review badge) stays with the question
    assert marked.html.index(SOURCE) < marked.html.index('data-kb-card="r1-001"')


def test_group_wraps_each_sources_answer_and_keeps_their_questions_visible():
    marked = mark_answers(PAGE, SPECS)
    parts = wrapped_parts(marked.html, "grp")
    assert len(parts) == 2
    assert "甲的回答" in parts[0] and "乙的回答" in parts[1] and "乙的回答续" in parts[1] and "乙的小节" in parts[1]
    assert all("<h3" not in p and "kb-group-lead" not in p for p in parts)
    assert "练习题" not in "".join(parts)


def test_nothing_else_changes():
    marked = mark_answers(PAGE, SPECS)
    assert len(wrappers(marked.html)) == 3
    assert strip_wrappers(marked.html) == PAGE


def test_card_parts_for_the_review_page():
    cards = {c.id: c for c in mark_answers(PAGE, SPECS).cards}
    assert cards["r1-001"].title == "单个回答？"  # without the "¶" link
    assert cards["r1-001"].head == SOURCE
    assert cards["r1-001"].body.startswith("<p>答案里有") and cards["r1-001"].body.endswith("</div>")
    assert "kb-group-lead" in cards["grp"].head
    assert "甲的问法" in cards["grp"].body and "乙的回答续" in cards["grp"].body and "练习题" not in cards["grp"].body


def test_bank_question_without_answer_gets_an_empty_wrapper():
    html = "\n".join([
        '<h3 id="bank-001">Q1</h3>', '<p class="kb-bank-topic">主题：x</p>',
        '<h3 id="bank-002">Q2</h3>', '<p class="kb-bank-topic">主题：y</p>', "<p>相关</p>",
    ])
    marked = mark_answers(html, [CardSpec("bank-001", bank=True), CardSpec("bank-002", bank=True)])
    assert '主题：x</p><div class="kb-answer" data-kb-card="bank-001"></div>' in marked.html
    assert wrapped_parts(marked.html, "bank-002") == ["<p>相关</p>"]
    assert marked.cards[0].body == ""


@pytest.mark.parametrize(
    ("html", "spec", "message"),
    [
        ('<h2 id="x-001">问</h2>\n<p>没有出处行</p>', CardSpec("x-001"), "下面应紧跟出处行"),
        ('<h2 id="g">问</h2>\n<p class="kb-group-lead">组</p>', CardSpec("g", ("a-001",)), "找不到它的回答 #a-001"),
        ('<h2 id="x-001">问</h2>\n<p class="kb-source">出处</p>\n<div><p>答</p>', CardSpec("x-001"), "直到页面结束都没有闭合"),
        ("<p>空</p>", CardSpec("x-001"), "找不到 id 为 x-001 的标题"),
    ],
)
def test_a_page_without_the_expected_shape_is_a_clear_error(html: str, spec: CardSpec, message: str):
    with pytest.raises(StructureError, match=message):
        mark_answers(html, [spec])


def test_a_question_at_any_heading_level_is_wrapped_up_to_the_next_heading_as_high():
    html = '<h3 id="x-001">问</h3>\n<p class="kb-source">出处</p>\n<p>答</p>\n<h4>小节</h4>\n<p>续</p>\n<h3 id="y">下一个</h3>'
    marked = mark_answers(html, [CardSpec("x-001")])
    assert '<div class="kb-answer" data-kb-card="x-001"><p>答</p>\n<h4>小节</h4>\n<p>续</p></div>\n<h3 id="y">' in marked.html
