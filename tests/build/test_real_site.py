"""The real site: zero broken internal links in the built HTML, and the cross-links are there."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config

from kb.links.internal import check_site

ROOT = Path(__file__).resolve().parents[2]


def test_built_html_has_no_broken_internal_links(built_site):
    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url or "/"
    assert check_site(built_site, urlsplit(site_url).path) == []


def test_every_answered_question_ends_with_related_questions(built_site):
    for page in sorted((built_site / "topics").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        html = html.split('<h2 id="practice"', 1)[0]
        sections = re.split(r"(?=<h2 id=)", html)[1:]
        assert sections, page
        for section in sections:
            items = re.search(r'<div class="kb-related">(.*?)</div>', section, re.S)
            assert items, (page, section[:80])
            assert 2 <= items.group(1).count("<li>") <= 5


def test_terms_are_linked_and_bank_questions_point_to_answers(built_site):
    topic_links = sum(p.read_text(encoding="utf-8").count('class="kb-term"') for p in (built_site / "topics").glob("*/index.html"))
    assert topic_links > 200
    bank = (built_site / "bank" / "index.html").read_text(encoding="utf-8")
    assert bank.count('class="kb-bank-answers"') >= 120
    assert bank.count('class="kb-bank-answers"') + bank.count('class="kb-bank-open"') == 200
