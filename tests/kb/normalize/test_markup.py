"""Markup repairs: headings used as text, glued or unclosed bold, tabs — never inside code or math."""
from kb.normalize.context import Context
from kb.normalize.markup import normalize_markup


def _norm(md: str) -> str:
    return normalize_markup(md, Context("t"))


def test_heading_with_inner_bold_becomes_one_bold_paragraph():
    assert _norm("### A. **定义与背景**") == "**A. 定义与背景**"
    assert _norm("- ### **定义 ：文字**") == "- **定义 ：文字**"


def test_glued_and_unclosed_bold():
    assert _norm("**B、数据阶段****数据集准备 ：** 来源") == "**B、数据阶段**\n\n**数据集准备 ：** 来源"
    assert _norm("- **高阶方法选择：如果需要") == "- **高阶方法选择：**如果需要"


def test_bold_markers_in_code_or_math_do_not_count():
    assert _norm("幂运算 `x**2` 与 $a**b$ 不变") == "幂运算 `x**2` 与 $a**b$ 不变"


def test_tabs_become_nested_list_indent_but_code_keeps_its_bytes():
    assert _norm("- a\n\t- b") == "- a\n    - b"
    code = "```\n\tx = 1  \n\n\n```"
    assert _norm(code) == code


def test_heading_used_as_text_is_a_block_of_its_own():
    assert _norm("### 1. **混合数据训练**\n   - 要点") == "**1. 混合数据训练**\n\n   - 要点"
