"""The same Markdown built by plain Material: the baseline the page checks and benchmarks compare against.

Same docs/ pages, same Markdown extensions and theme features, but no `kb` plugin, no theme overrides,
no site stylesheets or scripts, no notebooks and no generated pages (glossary, review). What plain
Material shows on a page is what the theme itself brings; anything more is ours.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def plain_config(text: str) -> str:
    """mkdocs.yml without the plugin, the overrides, the site's CSS/JS and the pages only the plugin makes."""
    text = re.sub(r"\n  - kb\n", "\n", text)
    text = re.sub(r"\n  custom_dir: overrides\n", "\n", text)
    text = re.sub(r"\nextra_css:\n(?:  - .*\n)+", "\n", text)
    text = re.sub(r"\nextra_javascript:\n(?:  - .*\n)+", "\n", text)
    text = re.sub(r"  - 术语表: glossary.md\n|  - 审校: review.md\n|  - 复习: review-practice.md\n", "", text)
    return re.sub(r"  - 动手算一算:\n(?:      - .*\n)+", "", text)


def make_plain_project(dest: Path) -> Path:
    """A copy of the project's pages and config, as plain Material would build them, under ``dest``."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("notebooks", "assets"))
    (dest / "mkdocs.yml").write_text(plain_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    return dest


def build_plain(dest: Path) -> Path:
    """Build the plain Material site into ``dest/site`` (not strict: its links to generated pages break)."""
    project = make_plain_project(dest)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"plain Material build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return project / "site"
