"""kb/notebooks/build.py: build, write atomically, and name the notebook and cell when stored outputs are stale."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from kb.notebooks.build import NotebookError, check_one, compare, read_source, run

SOURCE = """# 小例子

一段说明。

```python
x = 6 * 7
print(f"答案是 {x}")
```

```python
import matplotlib.pyplot as plt
plt.plot([0, 1], [0, x])
plt.show()
```
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "tiny.md").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def test_build_then_check_is_clean(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(root) == 0
    stored = nbformat.read(root / "docs" / "notebooks" / "tiny.ipynb", as_version=4)
    assert stored.cells[1].outputs[0].text == "答案是 42\n"
    assert "image/png" in stored.cells[2].outputs[0].data
    assert [c.id for c in stored.cells] == ["tiny-01", "tiny-02", "tiny-03"]
    assert not list((root / "docs" / "notebooks").glob("*.tmp"))
    assert run(root, check=True) == 0
    assert "最新  docs/notebooks/tiny.ipynb" in capsys.readouterr().out


def test_stale_output_names_notebook_and_cell(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(root) == 0
    path = root / "docs" / "notebooks" / "tiny.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].outputs[0].text = "答案是 41\n"
    nbformat.write(nb, path)
    problems = check_one(root, root / "notebooks" / "tiny.md")
    assert [str(p) for p in problems] == [
        "docs/notebooks/tiny.ipynb 第 2 个单元：已保存的输出已过时（第 1 行：已保存 '答案是 41'，重新执行得到 '答案是 42'）"]
    assert run(root, check=True) == 1
    out = capsys.readouterr().out
    assert "过时  docs/notebooks/tiny.ipynb" in out and "make notebooks" in out


def test_edited_source_is_stale(root: Path) -> None:
    assert run(root) == 0
    src = root / "notebooks" / "tiny.md"
    src.write_text(SOURCE.replace("一段说明。", "改过的说明。"), encoding="utf-8")
    problems = check_one(root, src)
    assert [(p.cell, p.what) for p in problems] == [(1, "内容与 notebooks/ 中的源文件不同")]


def test_image_bytes_do_not_count_but_a_missing_image_does(root: Path) -> None:
    assert run(root) == 0
    path = root / "docs" / "notebooks" / "tiny.ipynb"
    fresh = nbformat.read(path, as_version=4)
    other = nbformat.read(path, as_version=4)
    other.cells[2].outputs[0].data["image/png"] = "AAAA"
    assert compare(other, fresh, "x.ipynb") == []
    del other.cells[2].outputs[0].data["image/png"]
    assert [p.cell for p in compare(other, fresh, "x.ipynb")] == [3]


def test_failing_cell_is_reported_and_nothing_is_written(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "notebooks" / "tiny.md").write_text(SOURCE.replace("x = 6 * 7", "x = 1 / 0"), encoding="utf-8")
    assert run(root) == 1
    assert "notebooks/tiny.md: 执行出错" in capsys.readouterr().out
    assert not (root / "docs" / "notebooks" / "tiny.ipynb").exists()


def test_source_must_start_with_a_title(tmp_path: Path) -> None:
    src = tmp_path / "untitled.md"
    src.write_text("没有标题\n\n```python\n1\n```\n", encoding="utf-8")
    with pytest.raises(NotebookError, match=r"untitled\.md:1: 第一个单元必须是以 “# 标题” 开头的 Markdown"):
        read_source(src)


def test_orphan_notebook_is_reported(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(root) == 0
    (root / "docs" / "notebooks" / "gone.ipynb").write_text("{}", encoding="utf-8")
    assert run(root, check=True) == 1
    assert "docs/notebooks/gone.ipynb：没有对应的源文件 notebooks/gone.md" in capsys.readouterr().out
