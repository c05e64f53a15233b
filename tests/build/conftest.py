"""Fixtures for build tests: small throwaway MkDocs projects built by the whole plugin, as `mkdocs build` does."""
from __future__ import annotations

import logging
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class BuildResult:
    ok: bool
    errors: str  # every ERROR logged by the build, joined
    site: Path

    def html(self, page: str) -> str:
        """Built HTML of a page given as its source path, e.g. ``topics/a.md``."""
        stem = page[: -len(".md")]
        path = self.site / ("index.html" if stem == "index" else f"{stem}/index.html")
        return path.read_text(encoding="utf-8")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_files(root: Path, files: Mapping[str, str | bytes]) -> None:
    """Write each file under ``root``, creating folders: text as UTF-8, bytes as they are."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def write_config(root: Path, config: dict) -> Path:
    """The throwaway project's mkdocs.yml."""
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def read_docs(root: Path) -> dict[str, str]:
    """``{src_uri: markdown}`` of every Markdown page under ``root/docs``."""
    docs = root / "docs"
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}


def _dedent(content: str | bytes) -> str | bytes:
    return textwrap.dedent(content) if isinstance(content, str) else content


def build_project(
    root: Path,
    pages: dict[str, str],
    data: Mapping[str, str | bytes] | None = None,
    extra: dict | None = None,
) -> BuildResult:
    """Write a project under ``root`` (docs pages; other files such as data/ or images, by path) and build it
    strictly in-process with the site's plugin and every feature, like `mkdocs build`."""
    write_files(root / "docs", {rel: _dedent(text) for rel, text in pages.items()})
    write_files(root, {rel: _dedent(content) for rel, content in (data or {}).items()})
    config = {
        "site_name": "测试",
        "site_url": "https://example.org/kb/",
        "repo_url": "https://github.com/example/kb",
        "edit_uri": "edit/main/docs/",
        "theme": {"name": "mkdocs"},
        # practice mode bundles the repository's browser sources (a throwaway project has none)
        "plugins": [{"kb": {"practice_scripts": str(ROOT / "overrides" / "assets" / "javascripts" / "practice")}}],
        "strict": True,
        "markdown_extensions": [
            "attr_list",
            "md_in_html",
            "admonition",
            {"toc": {"permalink": True}},
            "pymdownx.superfences",
            {"pymdownx.tabbed": {"alternate_style": True}},
        ],
        **(extra or {}),
    }
    if config["theme"].get("name") == "mkdocs":
        config["theme"] = {"highlightjs": False, **config["theme"]}  # highlight.js would load from a CDN
    config_file = write_config(root, config)
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    site = root / "site"
    try:
        build(load_config(str(config_file), site_dir=str(site)))
        ok = True
    except Abort:
        ok = False
    finally:
        logger.removeHandler(handler)
    return BuildResult(ok, "\n".join(handler.messages), site)


@pytest.fixture
def make_site(tmp_path):
    """``make_site(pages, data=None, extra=None)`` builds a fresh project in a temp directory."""
    counter = iter(range(1000))

    def _make(pages: dict[str, str], data: Mapping[str, str | bytes] | None = None, extra: dict | None = None):
        return build_project(tmp_path / f"p{next(counter)}", pages, data, extra)

    return _make

