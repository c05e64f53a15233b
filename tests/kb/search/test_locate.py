"""The terminal uses the freshest index: site/, else a private build in .cache/."""
from __future__ import annotations

import os
from pathlib import Path

from kb.search.index import INDEX_FILE
from kb.search.locate import CACHE_SITE, fresh, locate_index


def touch(path: Path, mtime: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


def test_an_index_older_than_any_input_is_stale(tmp_path):
    index = touch(tmp_path / "site" / INDEX_FILE, 2000)
    touch(tmp_path / "docs" / "a.md", 1000)
    assert fresh(index, tmp_path)
    touch(tmp_path / "data" / "search-aliases.yml", 3000)
    assert not fresh(index, tmp_path)


def test_site_index_first_then_cache(tmp_path):
    touch(tmp_path / "docs" / "a.md", 1000)
    cached = touch(tmp_path / CACHE_SITE / INDEX_FILE, 2000)
    assert locate_index(tmp_path) == cached
    site = touch(tmp_path / "site" / INDEX_FILE, 2000)
    assert locate_index(tmp_path) == site


def test_any_kb_module_mkdocs_config_or_node_lockfile_makes_the_index_stale(tmp_path):
    index = touch(tmp_path / "site" / INDEX_FILE, 2000)
    touch(tmp_path / "docs" / "a.md", 1000)
    for changed in ("kb/links/check.py", "kb/render/topic_page.py", "hooks/x.py", "package-lock.json", "mkdocs.yml"):
        path = touch(tmp_path / changed, 3000)
        assert not fresh(index, tmp_path), changed
        os.utime(path, (1000, 1000))
        assert fresh(index, tmp_path), changed
