"""Fixtures for the reader-facing checks: the built site served locally, one Chromium, every page."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import serve_site


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths (``topics/moe/``), the home page as ``""``."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if rel.startswith("assets"):
            continue
        pages.append("" if rel == "." else f"{rel}/")
    return pages


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_site(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def plain_site(tmp_path_factory) -> Path:
    """The same Markdown built by plain Material (benchmarks/plain_material.py), once per run."""
    from benchmarks.plain_material import build_plain
    from tests.conftest import shared

    return shared(tmp_path_factory, "plain-material-site", lambda: build_plain(tmp_path_factory.getbasetemp().parent / "plain"))


@pytest.fixture(scope="module")
def plain_url(plain_site: Path) -> Iterator[str]:
    with serve_site(plain_site) as url:
        yield url
