"""The axe check of one colour scheme, shared by test_axe_light.py and test_axe_dark.py (one file per
scheme, so that the two run on different workers)."""
from __future__ import annotations

from pathlib import Path

from tests.a11y.conftest import site_pages
from tests.support.axe import beyond_baseline, site_violations


def check_scheme(browser, site_url: str, built_site: Path, plain_url: str, plain_site: Path, scheme: str) -> None:
    pages = site_pages(built_site)
    assert len(pages) > 30
    ours = site_violations(browser, site_url, pages, scheme)
    plain = site_violations(browser, plain_url, site_pages(plain_site), scheme)
    problems = beyond_baseline(ours, plain)
    total = sum(len(v) for v in ours.values())
    baseline = sum(len(v) for v in plain.values())
    assert not problems, (
        f"axe（{scheme}）：本站 {total} 处，Material 原生构建 {baseline} 处；原生构建没有的 {len(problems)} 处：\n  "
        + "\n  ".join(problems[:40])
    )
