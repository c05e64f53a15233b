"""The review on the real site: every answer has a state, every note is shown, listed and searchable."""
from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

import pytest

from kb.reviews.load import load_reviews
from kb.search.cli import run_search
from kb.search.index import INDEX_FILE, load_js

ROOT = Path(__file__).resolve().parent.parent
_SOURCE_LINE = re.compile(r'<p class="kb-source">(.*?)</p>', re.S)
_STATE = re.compile(r'class="kb-review (kb-review-\w+)"[^>]*>([^<]+)</a>')
_MARK = re.compile(r'<mark class="kb-claim kb-claim-(\w+)[^"]*" id="(review-[^"]+)"')
_NOTE_TITLE = re.compile(r'<p class="admonition-title">(勘误|存疑|说明)（本站审校）</p>')


@pytest.fixture(scope="module")
def reviews():
    data, errors = load_reviews(ROOT / "data" / "reviews", ROOT)
    assert errors == []
    return data


def _topic_pages(site: Path) -> dict[str, str]:
    return {p.parent.name: p.read_text(encoding="utf-8") for p in sorted((site / "topics").glob("*/index.html"))}


def test_every_answered_question_shows_a_review_state_and_none_is_unreviewed(built_site: Path):
    states: list[tuple[str, str]] = []
    for html in _topic_pages(built_site).values():
        for line in _SOURCE_LINE.findall(html):
            states += _STATE.findall(line)
    assert len(states) >= 214, "every answered question's source line carries its state"
    unreviewed = [label for kind, label in states if kind == "kb-review-none"]
    assert unreviewed == [], f"{len(unreviewed)} answers are 未核对"
    assert {kind for kind, _ in states} == {"kb-review-ok", "kb-review-flagged"}


def test_every_note_is_highlighted_where_its_claim_stands_and_followed_by_its_note(built_site: Path, reviews):
    marks, titles = [], []
    for html in _topic_pages(built_site).values():
        marks += _MARK.findall(html)
        titles += _NOTE_TITLE.findall(html)
        for _, anchor in _MARK.findall(html):
            after = html[html.index(f'id="{anchor}"'):]
            assert _NOTE_TITLE.search(after), f"{anchor}: no note follows the claim"
    assert len(titles) == len(reviews.notes)
    leaked = sum(html.count("（本站审校）") for html in _topic_pages(built_site).values()) - len(titles)
    assert leaked == 0, "a note's Markdown reached the reader as text (e.g. inside a code box)"
    anchors = {a for _, a in marks}
    expected = {f"review-{q}-{i}" for q, r in reviews.questions.items() for i in range(1, len(r.notes) + 1)}
    missing = expected - anchors
    for anchor in missing:  # a claim inside a code box: the note itself carries the anchor
        assert any(f'<span id="{anchor}"></span>' in html for html in _topic_pages(built_site).values()), anchor


def test_review_page_lists_every_note_and_sources_page_gives_each_verdict(built_site: Path, reviews):
    review = (built_site / "review" / "index.html").read_text(encoding="utf-8")
    assert review.count("在答案中查看") == len(reviews.notes)
    assert f"共 {len(reviews.notes)} 条意见" in review
    sources = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    assert sources.count('<p class="admonition-title">审校结论</p>') == len(reviews.summaries)
    for summary in reviews.summaries.values():
        assert summary.summary.split("，")[0].replace("`", "") in re.sub(r"<[^>]+>", "", sources)


def test_search_index_holds_each_note_with_its_question(built_site: Path, reviews):
    index = load_js(built_site / INDEX_FILE)
    by_anchor = {s[1]: s for s in index["sections"]}
    note = next(n for n in reviews.notes if n.question == "r1-024" and "62%" in n.quote)
    section = by_anchor[note.question]
    assert note.note.split("，")[0] in section[3]
    assert section[5] == f"有 {len(reviews.questions['r1-024'].notes)} 处勘误/存疑"
    assert by_anchor["r1-001"][5] == "已核对"


def test_terminal_search_shows_review_state(tmp_path: Path, built_site: Path, capsys):
    target = tmp_path / "site" / INDEX_FILE
    target.parent.mkdir(parents=True)
    shutil.copy(built_site / INDEX_FILE, target)
    assert run_search(tmp_path, argparse.Namespace(query="语言一致性奖励", limit=5, json=True)) == 0
    rows = json.loads(capsys.readouterr().out)["results"]
    assert rows and all(r["review"] in {"已核对"} or re.fullmatch(r"有 \d+ 处勘误/存疑", r["review"]) for r in rows
                        if r["anchor"].startswith(("r1-", "basics-", "slides-", "dsrl-")))
    assert run_search(tmp_path, argparse.Namespace(query="语言一致性奖励", limit=3, json=False)) == 0
    assert "审校：" in capsys.readouterr().out


def test_glossary_definitions_show_their_sources(built_site: Path, reviews):
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert glossary.count('class="kb-term-sources"') == len(reviews.terms) > 100
