"""Every stored notebook is exactly what its source produces when executed now."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kb.notebooks.build import compare, orphans, sources

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = [s.stem for s in sources(ROOT)]


def test_there_are_at_least_eight_notebooks() -> None:
    assert len(NOTEBOOKS) >= 8, NOTEBOOKS
    assert orphans(ROOT) == []


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_stored_outputs_match_fresh_execution(executed: dict[str, Any], name: str) -> None:
    run = executed[name]
    problems = compare(run.stored, run.fresh, f"docs/notebooks/{name}.ipynb")
    assert not problems, "\n".join(map(str, problems)) + "\n请运行 `make notebooks` 重新生成后提交。"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_notebook_shows_a_plot(executed: dict[str, Any], name: str) -> None:
    images = [o for c in executed[name].stored.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, f"{name}: 没有图"
    for out in images:
        assert len(out["data"]["image/png"]) < 150_000, f"{name}: 图片太大（base64 {len(out['data']['image/png'])} 字节）"
