"""What is code and what is math: code, escapes, prices and blank lines are never math; every reader asks here."""
from kb.code_math import atomic_spans, code_mask, find_math, without_math


def texts(markdown: str, html: bool = False) -> list[tuple[str, bool, int]]:
    return [(f.tex, f.display, f.line) for f in find_math(markdown, html=html).formulas]


def test_inline_and_display_with_lines():
    md = "行内 $a^2$ 和 $b_i$。\n\n$$\n\\frac{1}{2}\n$$\n尾 $$x$$ 。"
    assert texts(md) == [("a^2", False, 1), ("b_i", False, 1), ("\n\\frac{1}{2}\n", True, 3), ("x", True, 6)]


def test_offsets_cover_the_delimiters():
    md = "a $x+y$ b"
    (formula,) = find_math(md).formulas
    assert md[formula.start : formula.end] == "$x+y$"


def test_code_spans_and_fences_are_not_math():
    md = (
        "用 `$x$` 与 ``a ` $y$`` 表示。\n\n"
        "```python\nprice = '$5$'\n```\n\n"
        "!!! note\n    ~~~\n    $z$\n    ~~~\n\n"
        "真公式 $w$"
    )
    assert texts(md) == [("w", False, 12)]


def test_unclosed_fence_protects_to_the_end():
    assert texts("$a$\n```\n$b$\n") == [("a", False, 1)]


def test_escaped_dollar_is_text_and_recorded():
    md = r"价格 \$100 与 \$200，公式 $x$"
    scan = find_math(md)
    assert [(f.tex) for f in scan.formulas] == ["x"]
    assert [md[i : i + 2] for i in scan.escapes] == [r"\$", r"\$"]


def test_prices_are_not_math():
    for md in ["$5 和 $10", "价格是 $5，优惠后 $3。", "US$5", "| $5 | $10 |", "花 $ 5 元"]:
        assert texts(md) == [], md


def test_closing_dollar_before_digit_is_not_a_closer():
    assert texts("$x$5") == []
    assert texts("$20,000 and $30,000") == []


def test_math_never_crosses_a_blank_line():
    assert texts("起 $a\n\nb$ 止") == []
    assert texts("起 $a\nb$ 止") == [("a\nb", False, 1)]


def test_escaped_dollar_inside_math_does_not_close_it():
    assert texts(r"$\$5 + x$") == [(r"\$5 + x", False, 1)]


def test_pipes_in_table_cells_stay_inside_math():
    md = "| 名称 | 公式 |\n|---|---|\n| 范数 | $\\|x\\|_2$ 与 $|y|$ |"
    assert texts(md) == [("\\|x\\|_2", False, 3), ("|y|", False, 3)]


def test_unclosed_display_is_a_problem():
    scan = find_math("正文\n\n$$\n\\sum x\n\n后文")
    assert scan.formulas == []
    assert [(p.line, "$$" in p.message) for p in scan.problems] == [(3, True)]


def test_html_comments_and_raw_code_are_skipped():
    assert texts("<!-- $a$ --> <code>$b$</code> $c$") == [("c", False, 1)]


def test_html_mode_stops_at_block_tags():
    html = "<p>价格 $5 和 $10。</p>\n<p>$$x$$</p><h2>$y$</h2>"
    assert texts(html, html=True) == [("x", True, 2), ("y", False, 2)]


def test_code_mask_covers_fences_inside_tabs_and_lists():
    lines = ['=== "专业回答"', "", "    ```python", "    # 不是标题", "    ```", "", "## 标题 {#q}", "- 项", "  ~~~", "  x", "  ~~~"]
    assert [i for i, masked in enumerate(code_mask(lines)) if masked] == [2, 3, 4, 8, 9, 10]


def test_without_math_drops_delimiters_of_formulas_only():
    assert without_math("缩放 $\\sqrt{d_k}$ 与 $$x$$") == "缩放 \\sqrt{d_k} 与 x"
    assert without_math("价格 $5 和 $10，代码 `$x$`") == "价格 $5 和 $10，代码 `$x$`"


def test_atomic_spans_are_formulas_and_code_spans():
    text = "a $x+y$ b `c$d` e $5 和 $10"
    assert [text[s:e] for s, e in atomic_spans(text)] == ["$x+y$", "`c$d`"]
