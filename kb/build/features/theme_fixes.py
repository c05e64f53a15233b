"""Four accessibility slips in Material's templates, mended in each written page.

Material's navigation partial writes ``tabindex=""`` on section labels (invalid HTML: the value
must be an integer); a section with an index page (``navigation.indexes``) names its <nav> by a
label that holds only an icon, so several navigation landmarks are named "" alike (the label gets
the section's title as visually hidden text: Material's script finds the <nav> by that
aria-labelledby, so it stays); its search
overlay is ``role="dialog"`` without a name; nested table-of-contents navs are named by their heading
alone, which can repeat a site section's name. Overriding the
partials would mean copying them whole (nav-item.html is 150 lines that change with every release);
the exact strings are replaced here instead, and the tests fail if Material stops writing them.
"""
from __future__ import annotations

import html as html_lib
import re

from mkdocs.structure.pages import Page

from kb.build.features.base import Feature

EMPTY_TABINDEX = ' tabindex=""'
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="搜索">'


# The title line that opens a section's <nav>, and a section label that holds only its icon.
SECTION_TITLE = re.compile(
    r'<label class="md-nav__title" for="(?P<for>__nav_[\d_]+)">\s*<span class="md-nav__icon md-icon"></span>(?P<text>[^<]*)</label>'
)
ICON_ONLY_LABEL = re.compile(
    r'(?P<open><label class="md-nav__link[^"]*" for="(?P<for>__nav_[\d_]+)" id="__nav_[\d_]+_label"[^>]*>'
    r'\s*<span class="md-nav__icon md-icon"></span>)(?P<close>\s*</label>)'
)


def _name_sections(html: str) -> str:
    """Icon-only section labels get the section's title as hidden text (their <nav> is named by them)."""
    titles = {m.group("for"): " ".join(m.group("text").split()) for m in SECTION_TITLE.finditer(html)}

    def named(match: re.Match[str]) -> str:
        title = titles.get(match.group("for"))
        if not title:
            return match.group(0)
        return f'{match.group("open")}<span class="kb-sr-only">{html_lib.escape(title)}</span>{match.group("close")}'

    return ICON_ONLY_LABEL.sub(named, html)


# A nested table-of-contents <nav>, named by its heading: "应用" on the glossary page would name two
# landmarks alike (the site section of that name too), so these say they are the page's contents.
TOC_NAV = re.compile(r'<nav class="md-nav" aria-label="(?P<name>[^"]*)">')


def mend(html: str) -> str:
    """``html`` with section labels' empty tabindex dropped, section navs named, the search dialog named."""
    html = TOC_NAV.sub(lambda m: f'<nav class="md-nav" aria-label="本页目录：{m.group("name")}">', _name_sections(html))
    return html.replace(EMPTY_TABINDEX, "").replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG)


class ThemeFixes(Feature):
    def on_post_page(self, output: str, page: Page) -> str:
        return mend(output)

    def on_post_template(self, output: str, name: str) -> str:
        return mend(output) if name.endswith(".html") else output
