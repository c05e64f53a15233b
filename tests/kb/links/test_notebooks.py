"""Notebook links: the data file is checked with line numbers; boxes land at the end of the right section."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.errors import ConfigError
from kb.links.notebooks import NOTEBOOK_LINKS_FILE, add_boxes, load_notebook_links

ROOT = Path(__file__).resolve().parents[3]


def test_real_data_file_loads() -> None:
    data = load_notebook_links(ROOT / NOTEBOOK_LINKS_FILE)
    assert "r1-021" in data.links
    assert all(p.startswith("notebooks/") for ps in data.links.values() for p in ps)


@pytest.mark.parametrize(("text", "match"), [
    ("links:\n  r1-021: [notebooks/a.ipynb]\n  r1-021: [notebooks/b.ipynb]\n", r":3: 键 `r1-021` 重复（第一次在第 2 行）"),
    ("links:\n  r1-021: notebooks/a.ipynb\n", r":2: “r1-021” 的值应是非空列表"),
    ("links:\n  r1-021: [docs/a.md]\n", r":2: “docs/a.md” 不是 docs/ 下的笔记本路径"),
    ("questions: {}\n", r":1: 需要顶层键 links"),
])
def test_bad_data_file_names_the_line(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "notebook-links.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=match):
        load_notebook_links(path)


MD = """# 页面

## 问题一 {#q-1}

回答一。

```python
## 不是标题 {#fake}
```

### 子问题 {#q-1-a}

子回答。

## 问题二 {#q-2}

回答二。
"""


def test_box_goes_at_the_end_of_the_section() -> None:
    titles = {"notebooks/kv-cache.ipynb": "KV Cache 有多大"}
    out = add_boxes(MD, "topics/attention.md", {"q-1": ["notebooks/kv-cache.ipynb"], "q-2": ["notebooks/kv-cache.ipynb"]}, titles)
    first, rest = out.split("## 问题二 {#q-2}")
    assert first.rstrip().endswith('!!! example "动手算一算"\n\n    - [KV Cache 有多大](../notebooks/kv-cache.ipynb)')
    assert "子回答。" in first  # the h2 section includes its h3 members
    assert rest.rstrip().endswith("    - [KV Cache 有多大](../notebooks/kv-cache.ipynb)")
    assert "## 不是标题 {#fake}\n```" in first  # a heading inside a code fence is not a section


def test_relative_link_from_a_top_level_page() -> None:
    titles = {"notebooks/kv-cache.ipynb": "KV"}
    assert "(notebooks/kv-cache.ipynb)" in add_boxes(MD, "bank.md", {"q-2": ["notebooks/kv-cache.ipynb"]}, titles)
