"""The theme's markup, mended in the written pages: valid tabindex, named search dialog, named section navs."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from kb.build.features.theme_fixes import EMPTY_TABINDEX, SEARCH_DIALOG, mend


def test_the_patterns_still_match_what_material_writes(built_site: Path) -> None:
    """If Material stops writing these, the mending is dead code: this fails and says so."""
    from material import templates

    folder = Path(templates.__file__).parent
    nav_item = (folder / "partials" / "nav-item.html").read_text(encoding="utf-8")
    assert 'tabindex="{{ tabindex }}"' in nav_item and 'aria-labelledby="{{ path }}_label"' in nav_item
    assert 'role="dialog"' in (folder / "partials" / "search.html").read_text(encoding="utf-8")


def test_every_page_is_mended(built_site: Path) -> None:
    pages = [*built_site.rglob("index.html"), built_site / "404.html"]
    assert len(pages) > 30
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert EMPTY_TABINDEX not in html and SEARCH_DIALOG not in html, path
        soup = BeautifulSoup(html, "html.parser")
        assert soup.select_one('.md-search[role="dialog"][aria-label="搜索"]') is not None, path
        for nav in soup.select("nav[aria-labelledby]"):
            label = soup.find(id=nav["aria-labelledby"])
            assert label is not None and label.get_text(strip=True), (path, nav["aria-labelledby"])


def test_mend_names_an_icon_only_section_label() -> None:
    html = (
        '<label class="md-nav__link " for="__nav_3" id="__nav_3_label" tabindex="">\n'
        '  <span class="md-nav__icon md-icon"></span>\n</label>\n'
        '<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_3_label" aria-expanded="false">\n'
        '  <label class="md-nav__title" for="__nav_3">\n    <span class="md-nav__icon md-icon"></span>\n    动手算一算\n  </label>'
    )
    mended = mend(html)
    assert re.search(r'id="__nav_3_label">\s*<span class="md-nav__icon md-icon"></span><span class="kb-sr-only">动手算一算</span>', mended)
    assert 'tabindex=""' not in mended and 'aria-labelledby="__nav_3_label"' in mended
