"""`python -m kb site`: build into a fresh folder and swap it in for site/ only when the build succeeds.

MkDocs empties its site folder before it builds, and the last checks run after every page is
written; building in place would leave an empty or a complete-looking but rejected site/ behind
a failed build. Here the previous site/ stays as it was until the new one passed every check.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

log = logging.getLogger("mkdocs")


def build_site(config_file: Path, site_dir: Path) -> int:
    """Strict build into a temporary sibling of ``site_dir``, then swap; 1 (site_dir untouched) on failure."""
    if not log.handlers:  # as `mkdocs build` prints them
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        config = load_config(str(config_file), site_dir=str(new), strict=True)
        build(config)
    except Exception as err:  # any failure (a check, a plugin, the configuration) leaves site/ as it was
        shutil.rmtree(new, ignore_errors=True)
        if not isinstance(err, Abort):
            log.error("构建失败：%s", err)
        print(f"构建失败：{site_dir.name}/ 保持原样（上一次成功构建的结果）", flush=True)
        return 1
    os.chmod(new, 0o755)
    old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return 0
