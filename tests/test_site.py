"""The real site: strict build, every question anchored, nothing private, nothing from third parties."""
from __future__ import annotations

import re
from pathlib import Path

from kb.normalize.privacy import find_private_addresses

_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<(script|link|img|iframe|source|video|audio)\b[^>]*>", re.I)
_REMOTE = re.compile(r'\b(?:src|href)="((?:https?:)?//[^"]+)"', re.I)
_NOT_A_LOAD = re.compile(r'rel="(?:canonical|alternate|next|prev)"', re.I)


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_question_id_is_an_anchor_in_the_built_site(built_site: Path, import_result):
    ids_in_html: set[str] = set()
    for page in _html_pages(built_site):
        ids_in_html.update(_ID.findall(page.read_text(encoding="utf-8")))
    question_ids = {q.id for p in import_result.parsed.values() for q in p.questions}
    missing = sorted(question_ids - ids_in_html)
    assert not missing, f"{len(missing)} question ids have no anchor: {missing[:10]}"


def test_no_private_address_in_docs_or_site(root: Path, built_site: Path):
    found = []
    for path in [*sorted((root / "docs").rglob("*.md")), *_html_pages(built_site)]:
        hits = find_private_addresses(path.read_text(encoding="utf-8"))
        found += [f"{path}: {h}" for h in hits]
    assert not found, "\n".join(found[:10])


def test_pages_load_nothing_from_third_parties(built_site: Path):
    offenders = []
    for page in _html_pages(built_site):
        for tag in _TAG.finditer(page.read_text(encoding="utf-8")):
            remote = _REMOTE.search(tag.group(0))
            if remote and not _NOT_A_LOAD.search(tag.group(0)):
                offenders.append(f"{page.relative_to(built_site)}: {tag.group(0)[:120]}")
    assert not offenders, "\n".join(offenders[:10])


def test_topic_pages_show_source_and_both_answer_parts(built_site: Path):
    html = (built_site / "topics" / "rl-alignment" / "index.html").read_text(encoding="utf-8")
    assert 'class="kb-source"' in html
    assert "专业回答" in html and "科普解释" in html and "tabbed-set" in html


def test_edit_button_points_at_the_page_source(built_site: Path):
    html = (built_site / "topics" / "moe" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="https://github\.com/[^"]+/edit/main/docs/topics/moe\.md"', html)
