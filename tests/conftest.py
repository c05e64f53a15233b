"""Shared fixtures: the repository root, the importer's result, and one strict build of the site.

Tests run in parallel (pytest-xdist, `make test`); a site is still built once per run: the first
worker that needs it builds it under a lock in the run's shared temporary folder, the others wait
and reuse it (`shared`).
"""
from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import require_browser, start_browser

ROOT = Path(__file__).resolve().parent.parent
# The real site is built where `python -m kb search` looks for a fresh index of this checkout, so the
# terminal-search tests find it instead of building the site a second time.
SITE_BUILD = ROOT / ".cache" / "search-site"


def shared(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[], Any]) -> Any:
    """``make()`` once per test run across all workers; its (picklable) result is shared."""
    base = tmp_path_factory.getbasetemp()
    run_dir = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    result, lock = run_dir / f"{name}.pickle", run_dir / f"{name}.lock"
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        if result.exists():
            return pickle.loads(result.read_bytes())
        value = make()
        result.write_bytes(pickle.dumps(value))
        return value


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def import_result():
    from kb.importer.build import build

    return build(ROOT)


def build_real_site(out: Path, **env: str) -> Path:
    """`mkdocs build --strict` of this checkout into ``out``, as `make build` does."""
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    assert proc.returncode == 0, f"strict build failed:\n{proc.stdout}\n{proc.stderr}"
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test run with `mkdocs build --strict`."""
    return shared(tmp_path_factory, "built-site", lambda: build_real_site(SITE_BUILD))


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The site as `make offline` builds it (.html pages that work opened from disk), once per run."""
    return shared(tmp_path_factory, "offline-site",
                  lambda: build_real_site(tmp_path_factory.getbasetemp() / "offline-site", KB_DIRECTORY_URLS="false"))


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium through Playwright, one per test module; skips when it is not installed."""
    require_browser()
    with start_browser() as b:
        yield b
