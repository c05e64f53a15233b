"""axe-core on every page in the dark scheme: nothing beyond what plain Material has on the same Markdown."""
from __future__ import annotations

from pathlib import Path

from tests.a11y.axe_scheme import check_scheme


def test_axe_finds_nothing_plain_material_does_not(browser, site_url: str, built_site: Path, plain_url: str, plain_site: Path) -> None:
    check_scheme(browser, site_url, built_site, plain_url, plain_site, "dark")
