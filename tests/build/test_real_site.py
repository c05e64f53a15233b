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


def related_lists(html: str) -> dict[str, list[str]]:
    """``{question id: [ids its 相关问题 block links to]}`` for each h2 of a built topic page."""
    lists = {}
    for section in re.split(r"(?=<h2 id=)", html.split('<h2 id="practice"', 1)[0])[1:]:
        entry = re.match(r'<h2 id="([^"]+)"', section)
        block = re.search(r'<div class="kb-related">(.*?)</div>', section, re.S)
        if entry and block:
            lists[entry.group(1)] = re.findall(r'href="[^"]*#([^"]+)"', block.group(1))
    return lists


def test_every_answered_question_ends_with_related_questions(built_site):
    for page in sorted((built_site / "topics").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        answered = re.findall(r'<h2 id="([^"]+)"', html.split('<h2 id="practice"', 1)[0])
        lists = related_lists(html)
        assert answered, page
        for entry in answered:
            assert entry in lists, (page, entry)
            assert 2 <= len(lists[entry]) <= 5, (page, entry)


def test_terms_are_linked_and_bank_questions_point_to_answers(built_site):
    topic_links = sum(p.read_text(encoding="utf-8").count('class="kb-term"') for p in (built_site / "topics").glob("*/index.html"))
    assert topic_links > 200
    bank = (built_site / "bank" / "index.html").read_text(encoding="utf-8")
    prompts = re.findall(r'id="bank-\d+"', bank)
    assert len(prompts) >= 200
    assert bank.count('class="kb-bank-answers"') == len(prompts), "every bank question links to its answers"


def test_the_theme_reader_finds_what_a_full_parse_finds(built_site):
    """The link check reads the theme's part of each written page with patterns (kb/links/html_scan.py):
    on every page of the real site they find the same ids and URLs, on the same lines, as HTMLParser."""
    from kb.links.html_scan import scan_html, template_facts

    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        full, quick = scan_html(html), template_facts(html)
        assert sorted(full.ids) == sorted(quick.ids), page
        assert sorted(full.refs, key=repr) == sorted(quick.refs, key=repr), page
