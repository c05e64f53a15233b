"""Review notes in a real build: shown beside the claim, a state by every question, errors as file:line."""
from __future__ import annotations

import re

PAGE = """\
# 主题

## 第一题 {#a-001}

出处：[《资料》](../sources.md#src-a) · 问题 1
{: .kb-source }

=== "专业回答"

    **结果**：模型在 80% 的任务上持平，多样性指数从 0.3 升至 0.6。

    1. **KL 约束**：通过 $\\beta$ 参数限制偏离。
    2. **组内采样**：每组采样 16 条输出。

=== "科普解释"

    就像体检一样。

## 第二题 {#a-002}

出处：[《资料》](../sources.md#src-a) · 问题 2
{: .kb-source }

没有问题的答案。

## 第三题 {#a-003}

出处：[《资料》](../sources.md#src-a) · 问题 3
{: .kb-source }

还没有人核对。
"""

SOURCES = """\
# 资料来源

## 《资料》 {#src-a}

一份资料。
"""

REFS = """\
references:
  paper:
    title: "Paper"
    url: https://arxiv.org/abs/0000.00000
"""

REVIEW = """\
source: a
summary: 这份资料表格以外的数字大多无法核实。
questions:
  a-001:
    notes:
      - quote: "多样性指数从 0.3 升至 0.6"
        verdict: 无出处
        note: 论文未报告此数据。
        cite: [{ref: paper, at: "§2.2"}]
      - quote: "每组采样 16 条输出"
        verdict: 错误
        note: 应为 $G=64$。
        cite: [{ref: paper, at: "表 1"}]
      - quote: "就像体检"
        verdict: 不准确或过时
        note: 比喻不当。
        cite: [{title: 文档, url: "https://example.org/doc", at: "§1"}]
  a-002: {}
"""


def _site(make_site, review: str = REVIEW, page: str = PAGE):
    return make_site(
        {"topics/t.md": page, "sources.md": SOURCES, "index.md": "# 首页\n"},
        data={"data/reviews/references.yml": REFS, "data/reviews/a.yml": review},
        extra={"markdown_extensions": ["attr_list", "md_in_html", "admonition", {"toc": {"permalink": True}},
                                       "pymdownx.superfences", {"pymdownx.tabbed": {"alternate_style": True}}]},
    )


def test_notes_follow_their_claims_and_every_question_shows_a_state(make_site):
    result = _site(make_site)
    assert result.ok, result.errors
    html = result.html("topics/t.md")
    assert re.search(r'<mark class="kb-claim kb-claim-warning" id="review-a-001-1"[^>]*>多样性指数从 0.3 升至 0.6</mark>', html)
    # the note follows the paragraph that holds the claim, inside the first tab
    para_end = html.index("</p>", html.index('id="review-a-001-1"'))
    assert html.index('<p class="admonition-title">存疑（本站审校）</p>') > para_end
    # in a tight list a nested note would turn the next items into text: it follows the whole list
    item = html.index('id="review-a-001-2"')
    note = html.index('<p class="admonition-title">勘误（本站审校）</p>', item)
    assert html.index("</ol>", item) < note
    assert "katex" in html[note : html.index("</div>", note)]  # math in a note is rendered
    assert '<p class="admonition-title">说明（本站审校）</p>' in html
    assert 'href="https://arxiv.org/abs/0000.00000">Paper</a>，§2.2' in html
    states = re.findall(r'class="kb-review (kb-review-\w+)"[^>]*>([^<]+)</a>', html)
    assert states == [("kb-review-flagged", "有 3 处勘误/存疑"), ("kb-review-ok", "已核对"), ("kb-review-none", "未核对")]


LOOSE = PAGE.replace("    1. **KL 约束**：通过 $\\beta$ 参数限制偏离。\n", "    1. **KL 约束**：通过 $\\beta$ 参数限制偏离。\n\n")


def test_in_a_loose_list_the_note_follows_its_own_item(make_site):
    assert LOOSE != PAGE
    result = _site(make_site, page=LOOSE)
    assert result.ok, result.errors
    html = result.html("topics/t.md")
    first = html.index("KL 约束")
    claim = html.index('id="review-a-001-2"')
    note = html.index('<p class="admonition-title">勘误（本站审校）</p>', claim)
    assert first < claim < note < html.index("</li>", claim) < html.index("</ol>", claim)


def test_review_page_and_sources_page_tell_what_was_found(make_site):
    result = _site(make_site)
    review = result.html("review.md")
    assert "共 3 道有解答的题目，已核对 2 道，其中 1 道有问题，共 3 条意见" in review
    assert re.search(r"<td>3</td>\s*<td>2</td>\s*<td>1</td>\s*<td>1</td>\s*<td>1</td>\s*<td>1</td>", review)
    assert 'href="../topics/t/#review-a-001-2"' in review
    sources = result.html("sources.md")
    assert "审校结论" in sources and "这份资料表格以外的数字大多无法核实。" in sources
    assert "3 道有解答的题目中已核对 2 道，1 道有问题" in sources


def test_a_stale_quote_fails_the_build_at_the_note(make_site):
    result = _site(make_site, REVIEW.replace("从 0.3 升至 0.6", "从 0.3 升至 0.9"))
    assert not result.ok
    assert "data/reviews/a.yml:6: 引文在 `a-001` 的答案中找不到（docs/topics/t.md）" in result.errors


def test_a_note_without_citation_fails_the_build_at_the_note(make_site):
    review = REVIEW.replace('        cite: [{ref: paper, at: "表 1"}]\n', "")
    result = _site(make_site, review)
    assert not result.ok
    assert "data/reviews/a.yml:10: 审校意见没有引用任何来源" in result.errors


def test_a_note_for_an_unknown_question_fails_the_build(make_site):
    result = _site(make_site, REVIEW + "  a-404: {}\n")
    assert not result.ok
    assert "data/reviews/a.yml:19: 题目 `a-404` 不在任何页面上" in result.errors


def test_an_ambiguous_quote_fails_the_build(make_site):
    result = _site(make_site, REVIEW.replace('"每组采样 16 条输出"', '"采样"'))
    assert not result.ok
    assert "data/reviews/a.yml:10: 引文在 `a-001` 的答案中出现了 2 次：“采样” — 加长引文，让它只对应一处" in result.errors


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_bad_formula_in_a_note_names_the_review_file_and_line(make_site):
    review = REVIEW.replace("note: 应为 $G=64$。", "note: |\n          应为 $G=64$，\n          即 $\\frac{1}{2$。")
    result = _site(make_site, review)
    assert not result.ok
    assert f"data/reviews/a.yml:{_line(review, 'frac{1}{2$')}: 公式 $\\frac{{1}}{{2$" in result.errors


def test_formula_errors_after_an_inserted_note_keep_their_page_line(make_site):
    page = PAGE.replace("没有问题的答案。", "没有问题的答案，却有 $\\sofmax(z)$。")
    result = make_site(
        {"topics/t.md": page, "sources.md": SOURCES, "index.md": "# 首页\n"},
        data={"data/reviews/references.yml": REFS, "data/reviews/a.yml": REVIEW},
    )
    assert not result.ok
    assert f"docs/topics/t.md:{_line(page, 'sofmax')}: 公式" in result.errors
