"""Practice mode in throwaway projects: what the feature adds to a build, what it hides, and its errors."""
from __future__ import annotations

import re

TOPIC = """\
# 甲主题

## 单个问题？ {#r1-001}

出处：资料
{: .kb-source }

答案在这里。
"""
BANK = """\
# 题库

## 第 1 章 {#ch-01}

### Q1：一 {#bank-001}

主题：[甲主题](topics/a.md)
{: .kb-bank-topic }
"""
LINKS = {"data/bank-links.yml": "links:\n  bank-001: [r1-001]\n"}  # every bank question needs an answer
NAV = {"nav": [{"首页": "index.md"}, {"基础": ["topics/a.md"]}, {"题库": "bank.md"}, {"复习": "practice.md"}]}

# A site-written answer (rendered from answers/ by the importer) with review notes on it: one note's
# text holds angle brackets that are not markup, as a real note does.
SITE_ANSWER = """\

## 本站写的问题？ {#site-own-question}

出处：[本站撰写](../sources.md#src-site) · 2026-11-28
{: .kb-source }

冷启动数据用特殊标记隔开推理和摘要。

| 阶段 | 做法 |
| --- | --- |
| 冷启动 | 少量长 CoT 数据 |
"""
SOURCES = "# 资料来源\n\n## 本站撰写 {#src-site}\n\n本站自己写的解答。\n"
REFS = "references:\n  paper:\n    title: \"Paper\"\n    url: https://arxiv.org/abs/0000.00000\n"
REVIEW = """\
questions:
  site-own-question:
    notes:
      - quote: "用特殊标记隔开推理和摘要"
        verdict: 错误
        note: '格式是 `|special_token|<reasoning_process>|special_token|<summary>`，没有标签。'
        cite: [{ref: paper, at: "§2"}]
      - quote: "少量长 CoT 数据"
        verdict: 不准确或过时
        note: 还有其他来源。
        cite: [{ref: paper, at: "§3"}]
"""


def build(make_site, pages: dict[str, str], data: dict[str, str] | None = None):
    return make_site({"index.md": "# 首页\n", **pages}, data={**LINKS, **(data or {})}, extra=NAV)


def test_a_small_site_gets_cards_the_review_page_and_bundled_scripts(make_site):
    result = build(make_site, {"topics/a.md": TOPIC, "bank.md": BANK})
    assert result.ok, result.errors
    topic = result.html("topics/a.md")
    assert '<div class="kb-answer" data-kb-card="r1-001"><p>答案在这里。</p></div>' in topic
    bank = result.html("bank.md")
    wrapper = bank.index('<div class="kb-answer" data-kb-card="bank-001">')
    assert bank.index("kb-bank-topic") < wrapper < bank.index("kb-bank-answers")  # its 相关解答 is its answer
    assert "kb-practice-app" in result.html("practice.md")
    for path in ("assets/javascripts/kb-practice.js", "assets/javascripts/kb-practice-fsrs.js",
                 "assets/practice/catalog.js", "assets/practice/a.js"):
        assert (result.site / path).stat().st_size > 0, path
    assert '"bank-001"' in (result.site / "assets/practice/a.js").read_text(encoding="utf-8")
    # the browser sources are shipped bundled, never as they are
    assert not (result.site / "assets/javascripts/practice").exists()


def test_a_site_written_answer_is_a_card_and_its_review_notes_are_hidden_with_it(make_site):
    result = build(
        make_site,
        {"topics/a.md": TOPIC + SITE_ANSWER, "bank.md": BANK, "sources.md": SOURCES},
        {"data/reviews/references.yml": REFS, "data/reviews/site.yml": REVIEW},
    )
    assert result.ok, result.errors
    html = result.html("topics/a.md")
    start = html.index('<div class="kb-answer" data-kb-card="site-own-question">')
    question = html.rindex('id="site-own-question"', 0, start)
    # the question and its source line (with the review state) stay outside the wrapper
    assert html.index("kb-review-flagged", question) < start
    answer = html[start:]
    for part in ('<p class="admonition-title">勘误（本站审校）</p>', '<p class="admonition-title">说明（本站审校）</p>',
                 'class="kb-claim kb-claim-danger"', 'class="kb-claim kb-claim-info"', "<table>", "还有其他来源。"):
        assert part in answer, part
    assert len(re.findall(r'data-kb-card="site-own-question"', html)) == 1
    catalog = (result.site / "assets/practice/catalog.js").read_text(encoding="utf-8")
    assert '"site-own-question"' in catalog and '"r1-001"' in catalog
    card_data = (result.site / "assets/practice/a.js").read_text(encoding="utf-8")
    assert "勘误（本站审校）" in card_data  # the 复习 page reveals the notes with the answer too


def test_a_hand_written_practice_page_is_refused(make_site):
    result = build(make_site, {"topics/a.md": TOPIC, "bank.md": BANK, "practice.md": "# 复习\n"})
    assert not result.ok
    assert "docs/practice.md 由练习模式（kb/build/features/practice.py）在构建时生成 — 请删除 docs/practice.md" in result.errors


def test_a_source_line_the_html_does_not_show_names_the_page_and_the_question(make_site):
    # without attr_list the line under the question is rendered without its class
    extensions = ["md_in_html", "admonition", {"toc": {"permalink": True}}, "pymdownx.superfences"]
    result = make_site({"index.md": "# 首页\n", "topics/a.md": TOPIC}, extra={"markdown_extensions": extensions})
    assert not result.ok
    assert "练习模式：docs/topics/a.md: 题目 r1-001：标题 #r1-001 下面应紧跟出处行（class kb-source）" in result.errors


def test_practice_false_leaves_it_out(make_site):
    result = make_site({"index.md": "# 首页\n", "topics/a.md": TOPIC, "bank.md": BANK}, data=LINKS,
                       extra={"nav": NAV["nav"][:-1], "plugins": [{"kb": {"practice": False}}]})
    assert result.ok, result.errors
    assert "kb-answer" not in result.html("topics/a.md")
    assert not (result.site / "assets/practice").exists()
