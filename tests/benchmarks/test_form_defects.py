"""The form-defect counter finds each defect class and leaves the intended shapes alone."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from form_defects import count_html, renderer


def counted(md: str) -> dict:
    r = renderer()
    return dict(count_html(r.convert(md)))


@pytest.mark.parametrize(("md", "kind"), [
    ("* 第一点\n* 第二点\n    **结果**：\n\n后文", "label_in_list"),
    ("技术实现：* 在输入模板中加入\n- 再过滤", "list_marker_in_text"),
    ("说明如下\n| a | b |\n|---|---|\n| 1 | 2 |", "table_as_text"),
    ("    这是一整段中文正文被缩进成了代码框，读者看到的是灰色等宽字体。", "prose_in_code"),
    ("见上文（公式 2）的推导。", "dangling_reference"),
    ("### 题目\n\n截断方式如下：\n\n### 下一题", "dangling_reference"),
])
def test_each_defect_is_counted(md, kind):
    assert counted(md).get(kind, 0) >= 1


@pytest.mark.parametrize("md", [
    "* **影响**：\n\n    * 过高：保守\n    * 过低：不稳定",
    "**1. 训练数据的单一性**\n\n正文",
    "1\\. 主版本号、日期\n\n正文",
    "性能 - 能耗比",
    "截断方式如下：\n\n```python\nx = 1\n```",
    "```python\n# 中文注释中文注释中文注释\n```",
])
def test_intended_shapes_are_not_defects(md):
    assert not any(counted(md).values()), counted(md)
