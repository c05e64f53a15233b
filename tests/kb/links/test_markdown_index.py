"""Headings with explicit ids and their sections, ignoring code fences."""
from __future__ import annotations

from kb.links.markdown_index import headings, insert_after_sections

TEXT = """\
# 页面

## 问题一 {#q-1}

```markdown
## 不是标题 {#fake}
```

### 来源一 {: #s-1 .x }

## 问题二 {#q-2}
"""


def test_headings_ids_and_section_ends():
    found = [(h.level, h.title, h.id, h.line, h.end) for h in headings(TEXT)]
    assert found == [
        (1, "页面", None, 0, 12),
        (2, "问题一", "q-1", 2, 10),
        (3, "来源一", "s-1", 8, 10),
        (2, "问题二", "q-2", 10, 12),
    ]


def test_blocks_close_their_sections_outer_after_inner():
    out = insert_after_sections(TEXT, {"q-1": "外层块", "s-1": "内层块", "fake": "不应出现", "q-2": "末尾块"})
    lines = out.split("\n")
    assert "不应出现" not in out
    assert lines[lines.index("### 来源一 {: #s-1 .x }") + 1 : lines.index("## 问题二 {#q-2}")] == [
        "", "内层块", "", "", "外层块", "", "",
    ]
    assert out.endswith("## 问题二 {#q-2}\n\n末尾块\n\n")
