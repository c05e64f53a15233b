"""Card data for the 复习 page: one script per topic, loaded only for the topics it needs.

Each card carries its question and answer HTML as rendered on its own page (formulas, notes,
links), with links rewritten to work from the 复习 page.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from kb.practice.answers import CardHtml
from kb.practice.catalog import Catalog
from kb.practice.rebase import rebase_html, rebase_url

DATA_DIR = "assets/practice/"


def data_path(slug: str) -> str:
    """Where a topic's card data is written, relative to the site root."""
    return f"{DATA_DIR}{slug}.js"


def topic_scripts(
    catalog: Catalog, rendered: Mapping[str, CardHtml], url_of: Callable[[str], str], practice_src: str,
    *, partial: bool = False,
) -> dict[str, str]:
    """``{site path: script}`` for every topic; every card of the catalogue must have been rendered.

    ``partial`` (`mkdocs serve --dirty`, which converts only the pages that changed): topics with a
    card that was not rendered in this build are left out, so their files from the last full build stay.
    """
    missing = [c.id for c in catalog.cards if c.id not in rendered]
    if missing and not partial:
        raise ValueError(f"练习数据：这些题目没有出现在构建出的页面中：{', '.join(missing[:10])}")
    skipped = {c.topic for c in catalog.cards if c.id not in rendered}
    to_page = url_of(practice_src)
    out: dict[str, str] = {}
    for topic in catalog.topics:
        if topic.slug in skipped:
            continue
        cards = {}
        for card in (c for c in catalog.cards if c.topic == topic.slug):
            html = rendered[card.id]
            page = url_of(card.src_uri)
            cards[card.id] = {
                "title": rebase_html(html.title, page, to_page),
                "head": rebase_html(html.head, page, to_page),
                "body": rebase_html(html.body, page, to_page),
                "url": rebase_url(f"#{card.id}", page, to_page),
            }
        payload = json.dumps(cards, ensure_ascii=False, separators=(",", ":"))
        key = json.dumps(topic.slug)
        out[data_path(topic.slug)] = f"(window.__kbPracticeCards=window.__kbPracticeCards||{{}})[{key}]={payload};\n"
    return out
