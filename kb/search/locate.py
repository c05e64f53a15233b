"""Find the search index for the terminal: the built site's, or a fresh private build.

The terminal searches the very file the browser loads (site/search/kb_index.js). When
site/ is missing or older than the sources of the site, the site is built into
.cache/search-site/ first, so `python -m kb search` always answers for the current docs.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kb.search.index import INDEX_FILE

CACHE_SITE = Path(".cache/search-site")
# What the site is built from: a change in any of these makes an index stale. The hooks
# import from the whole kb package (links, render, search, …); KaTeX comes from package-lock.json.
INPUTS = ("docs", "data", "hooks", "kb", "overrides", "mkdocs.yml", "package-lock.json")


class IndexUnavailable(RuntimeError):
    """The index could not be built; the message says why and what to do."""


def newest_input(root: Path) -> float:
    newest = 0.0
    for name in INPUTS:
        path = root / name
        if path.is_file():
            newest = max(newest, path.stat().st_mtime)
        elif path.is_dir():
            for child in path.rglob("*"):
                if child.is_file() and "__pycache__" not in child.parts:
                    newest = max(newest, child.stat().st_mtime)
    return newest


def fresh(index: Path, root: Path) -> bool:
    return index.is_file() and index.stat().st_mtime >= newest_input(root)


def build_cache(root: Path) -> Path:
    """Build the site into .cache/search-site/ and return its index."""
    out = root / CACHE_SITE
    print("正在构建搜索索引（site/ 中没有最新的索引）…", file=sys.stderr)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    index = out / INDEX_FILE
    if proc.returncode != 0 or not index.is_file():
        detail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        raise IndexUnavailable(
            "构建搜索索引失败：\n  " + "\n  ".join(detail) + "\n请先修正上面的错误，或运行 `make build` 查看完整输出。"
        )
    return index


def locate_index(root: Path) -> Path:
    """The freshest index for the docs at `root`, building one if needed."""
    for candidate in (root / "site" / INDEX_FILE, root / CACHE_SITE / INDEX_FILE):
        if fresh(candidate, root):
            return candidate
    return build_cache(root)
