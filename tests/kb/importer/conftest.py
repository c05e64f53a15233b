"""A throwaway copy of the repository's inputs, for tests that change sources, data or docs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture()
def repo(tmp_path: Path, root: Path) -> Path:
    for name in ("sources", "data"):
        shutil.copytree(root / name, tmp_path / name)
    shutil.copy(root / "mkdocs.yml", tmp_path)
    (tmp_path / "docs").mkdir()
    return tmp_path
