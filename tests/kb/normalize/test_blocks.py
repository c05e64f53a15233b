"""Block layout on real excerpts: each case is a shape the sources use, checked in the HTML the site renders."""
import markdown

from kb.normalize.blocks import layout_blocks
from kb.normalize.context import Context
from kb.normalize.markup import normalize_markup
from kb.parsers.dual_answer import parse as parse_dual
from tests.kb.parsers.helpers import manifest_doc, source_lines

# The list and table extensions of mkdocs.yml: what Python-Markdown makes of the layout.
_EXTENSIONS = ["tables", "sane_lists", "attr_list", "md_in_html", "pymdownx.superfences"]


def _layout(md: str) -> str:
    ctx = Context("t")
    return layout_blocks(normalize_markup(md, ctx), ctx)


def _html(md: str) -> str:
    return markdown.markdown(md, extensions=_EXTENSIONS)


def test_a_label_the_clipper_indented_under_a_list_item_closes_the_list():
    out = _layout(source_lines("r1", 517, 526))  # 问题 29：权重分配 … 冲突处理
    assert "\n\n**冲突处理**：\n\n* 若格式正确" in out
    html = _html(out)
    assert "<p><strong>冲突处理</strong>：</p>" in html
    assert html.count("<ul>") == 2


def test_a_bold_label_after_a_hard_break_starts_its_own_paragraph():
    out = _layout("**奖励破解表现**：模型生成无意义输出。  \n**解决方案**：")
    assert out == "**奖励破解表现**：模型生成无意义输出。\n\n**解决方案**："


def test_three_space_sub_bullets_stay_under_their_numbered_item():
    out = _layout(source_lines("basics", 459, 468))  # 33：1. **蒸馏**：/   - **原理** …
    assert out.startswith("1. **蒸馏**：\n    - **原理**")
    html = _html(out)
    assert html.count("<ol>") == 1 and html.count("<ul>") == 2  # 蒸馏, 量化 each keep their sub-list
    assert "<li><strong>原理</strong>" in html


def test_a_numbered_run_under_a_bullet_ending_in_a_colon_is_its_sub_list():
    out = _layout(source_lines("r1", 1355, 1363))  # 问题 76：* **蒸馏优势**：/1. **数据效率**…
    assert "* **蒸馏优势**：\n    1. **数据效率**" in out
    html = _html(out)
    assert html.count("<ul>") == 1 and html.count("<ol>") == 2


def test_a_formula_and_its_where_clause_stay_in_their_list_item():
    out = _layout(source_lines("r1", 1274, 1285))  # 问题 72：2. …公式为：/$$ … $$/    其中 …/    **应用场景**：
    html = _html(out)
    assert "<pre>" not in html  # "其中 …" was an indented code block
    item = html[html.index("<strong>对战更新</strong>") : html.index("</ol>")]
    assert "$$" in item and "其中" in item
    assert html.rstrip().endswith("<p><strong>应用场景</strong>：Codeforces 等竞赛排名依赖 Elo 分反映相对能力。</p>")


def test_a_table_right_after_a_heading_line_is_a_table():
    out = _layout(source_lines("basics", 1520, 1527))  # 82：### 一、**DAPO解决的四大核心问题** / | … |
    html = _html(out)
    assert html.count("<tr>") == 5 and "|---" not in html


def test_a_list_right_after_a_label_line_is_a_list():
    out = _layout(source_lines("r1", 397, 400))  # 问题 22：  **技术支撑**：/* **长上下文训练**…
    assert _html(out).count("<li>") == 2


def test_a_code_fence_in_a_list_item_moves_with_the_item_and_keeps_its_text():
    src = source_lines("r1", 499, 509)  # 问题 28：**技术实现**：/* 在输入模板中…如：/     ```
    out = _layout(src)
    html = _html(out)
    assert html.count("<li>") == 2 and "<code>User: {问题}  \nAssistant:" in html.replace("&lt;", "<").replace("&gt;", ">")


def test_indented_prose_is_not_code():
    doc = parse_dual(manifest_doc("r1"), source_lines("r1", 1539, 1549))  # 问题 87 科普解释: 4-space indented
    popular = doc.questions[0].parts[1].markdown
    assert popular.startswith("模型像")
    out = _layout(source_lines("basics", 174, 180))  # 9：tab-indented （1）（2）（3）
    assert "<pre>" not in _html(out) and "\n（1）" in out


def test_layout_is_stable():
    for start, end in [(517, 526), (1274, 1285), (1355, 1363), (499, 506)]:
        once = _layout(source_lines("r1", start, end))
        assert layout_blocks(once, Context("t")) == once
