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


def repin(repo: Path, source: Path) -> None:
    """Record ``source``'s new sha256 and size in the manifest, as a change to a source must."""
    import hashlib
    import re

    manifest = repo / "sources" / "manifest.yml"
    data = source.read_bytes()
    text = re.sub(
        rf"(file: {re.escape(source.name)}\n\s+sha256: )[0-9a-f]+(\n\s+size: )\d+",
        lambda m: f"{m.group(1)}{hashlib.sha256(data).hexdigest()}{m.group(2)}{len(data)}",
        manifest.read_text(encoding="utf-8"),
    )
    manifest.write_text(text, encoding="utf-8")
