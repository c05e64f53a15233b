"""Typography: AutoCorrect with .autocorrectrc on prose only, and the check over docs/ and data/."""
from __future__ import annotations

from pathlib import Path

from kb.normalize.typography import typeset
from kb.typography import lint_tree


def test_stray_spaces_around_full_width_punctuation_and_inside_quotes_go():
    assert typeset("96 个 Transformer 块， 且每个块有") == "96 个 Transformer 块，且每个块有"
    assert typeset("评分标准像 “作文考试 ”——内容") == "评分标准像“作文考试”——内容"
    assert typeset("长度变为 $L' = L + k$ 。") == "长度变为 $L' = L + k$。"
    assert typeset("- **GRPO算法的开发** ：DeepSeek") == "- **GRPO算法的开发**：DeepSeek"


def test_code_math_links_and_names_stay_as_written():
    text = "公式 $a , b$ 与 `x， y` 见 [链接](http://a.cn/x,y) {#r1-001}，KV缓存与DeepSeek-R1"
    assert typeset(text) == text
    block = "```\n中文， 代码\n```\n\n$$\na , b\n$$"
    assert typeset(block) == block


def test_a_heading_keeps_the_space_before_its_id():
    assert typeset("## 为何选用？ {#r1-012}") == "## 为何选用？ {#r1-012}"


def test_lines_and_indents_are_kept():
    md = "=== \"专业回答\"\n\n    - 要点， 一\n        - 子项 ， 二\n"
    assert typeset(md) == "=== \"专业回答\"\n\n    - 要点，一\n        - 子项，二\n"


def test_docs_and_data_follow_the_rules(root: Path):
    found = lint_tree(root)
    assert not found, f"{len(found)} 处排版问题（python -m kb typography 列出全部）：\n" + "\n".join(map(str, found[:20]))


def test_the_check_names_file_and_line(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "data" / "edits").mkdir(parents=True)
    (tmp_path / "docs" / "page.md").write_text("---\ntitle: 页\n---\n\n# 页\n\n正文， 有空格\n", encoding="utf-8")
    (tmp_path / "data" / "edits" / "x.yml").write_text(
        "- find: '原文， 原样'\n  replace: '改后， 有空格'\n  reason: 理由\n", encoding="utf-8"
    )
    found = [str(f) for f in lint_tree(tmp_path)]
    assert found == ["docs/page.md:7: 正文， 有空格 → 正文，有空格", "data/edits/x.yml:2: 改后， 有空格 → 改后，有空格"]
