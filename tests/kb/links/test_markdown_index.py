"""Headings with explicit ids and their sections, ignoring code fences."""
from __future__ import annotations

from kb.links.markdown_index import headings

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
