"""Give notebook headings readable, unique anchors that match the page's table of contents.

nbconvert (as mkdocs-jupyter drives it) slugs headings down to ASCII, so a Chinese heading gets ``id=""`` in the HTML
while its TOC entry points to ``#_1``: the TOC links go nowhere. Here the i-th heading that has
a TOC entry and its entry get the same Unicode slug (``#逐个模型算一遍``).
"""
from __future__ import annotations

import html as html_lib
import re

from mkdocs.structure.toc import AnchorLink
from pymdownx.slugs import slugify

_HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)">(?P<inner>.*?)</h(?P=level)>', re.S)
_ANCHOR = re.compile(r'<a class="anchor-link" href="#[^"]*">')
_TAGS = re.compile(r"<[^>]+>")
_slug = slugify(case="lower")


def _flatten(items: list[AnchorLink]) -> list[AnchorLink]:
    out: list[AnchorLink] = []
    for item in items:
        out.append(item)
        out.extend(_flatten(item.children))
    return out


def heading_text(inner: str) -> str:
    """Plain text of a heading's inner HTML, without the trailing ¶ link."""
    inner = re.sub(r'<a class="anchor-link".*?</a>', "", inner, flags=re.S)
    return html_lib.unescape(_TAGS.sub("", inner)).strip()


def fix_headings(html: str, toc: list[AnchorLink]) -> str:
    """Rewrite heading ids (and the TOC entries, in place) to unique Unicode slugs."""
    entries = _flatten(toc)
    used: set[str] = set()
    position = 0

    def unique(base: str) -> str:
        base = base or "section"
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}_{n}"
        used.add(slug)
        return slug

    def replace(m: re.Match[str]) -> str:
        nonlocal position
        level, inner = int(m.group("level")), m.group("inner")
        new_id = unique(_slug(heading_text(inner), "-"))
        if position < len(entries) and entries[position].level == level:
            entries[position].id = new_id
            position += 1
        inner = _ANCHOR.sub(f'<a class="anchor-link" href="#{new_id}">', inner)
        return f'<h{level} id="{new_id}">{inner}</h{level}>'

    return _HEADING.sub(replace, html)
