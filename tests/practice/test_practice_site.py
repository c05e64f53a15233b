"""The real build: every question is a card, every answer wrapped, the 复习 page's data complete."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[2]
CATALOG = "assets/practice/catalog.js"
MARKERS = {"kb-source", "kb-group-lead", "kb-bank-topic"}


def read_assignment(path: Path) -> object:
    """The JSON object a generated data script assigns (`…={…};`)."""
    text = path.read_text(encoding="utf-8").strip().rstrip(";")
    return json.loads(text[text.index("={") + 1 :])


@pytest.fixture(scope="module")
def catalog(built_site: Path) -> dict:
    return read_assignment(built_site / CATALOG)  # type: ignore[return-value]


def page_file(site: Path, url: str) -> Path:
    return site / (url + "index.html" if url.endswith("/") or not url else url)


def elements_after(tag: Tag) -> list[Tag]:
    return [t for t in tag.next_siblings if isinstance(t, Tag)]


def test_every_question_of_the_topic_pages_and_the_bank_is_a_card(built_site: Path, catalog: dict):
    ids = {c[0] for c in catalog["cards"]}
    members = [m for c in catalog["cards"] for m in (c[3:] or [c[0]])]
    assert len(members) == len(set(members)), "a question id is stored under two cards"
    seen = set()
    for path in [*built_site.glob("topics/*/index.html"), built_site / "bank" / "index.html"]:
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(".md-content article")
        for heading in article.find_all(["h2", "h3"], id=True):
            nxt = heading.find_next_sibling()
            if nxt is not None and MARKERS & set(nxt.get("class") or []):
                seen.add(heading["id"])
    grouped = {m for c in catalog["cards"] for m in c[3:]}
    assert seen - grouped == ids  # the group members' h3 are answers of their group's card
    bank_questions = re.findall(r"^### .*\{#(bank-\d+)\}", (ROOT / "docs" / "bank.md").read_text(encoding="utf-8"), re.M)
    assert sorted(c[0] for c in catalog["cards"] if c[2] == catalog["bank"]) == sorted(bank_questions)


def test_everything_after_a_questions_line_is_inside_its_answer_wrapper(built_site: Path, catalog: dict):
    checked = 0
    for url in catalog["pages"]:
        article = BeautifulSoup(page_file(built_site, url).read_text(encoding="utf-8"), "html.parser").select_one(
            ".md-content article"
        )
        for wrapper in article.select("div.kb-answer"):
            marker = wrapper.find_previous_sibling()
            assert MARKERS & set(marker.get("class") or []), (url, wrapper["data-kb-card"])
            after = elements_after(wrapper)
            stop = after[0].name if after else None
            assert stop in (None, "h1", "h2", "h3"), (url, wrapper["data-kb-card"], stop)
            checked += 1
        # review notes and claims, whenever there are any, are hidden with their answer
        for note in article.select("mark.kb-claim, .admonition, div.kb-related, p.kb-bank-open, p.kb-bank-answers"):
            assert note.find_parent("div", class_="kb-answer") is not None, (url, note.get_text()[:40])
    assert checked >= len(catalog["cards"])


def test_the_review_pages_card_data_is_complete_and_its_links_work(built_site: Path, catalog: dict):
    practice = page_file(built_site, catalog["practice"])
    assert practice.exists()
    ids_of: dict[Path, set[str]] = {}

    def ids(path: Path) -> set[str]:
        if path not in ids_of:
            ids_of[path] = set(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))
        return ids_of[path]

    cards = {}
    for slug, _, _ in catalog["topics"]:
        cards.update(read_assignment(built_site / catalog["data"] / f"{slug}.js"))  # type: ignore[arg-type]
    assert set(cards) == {c[0] for c in catalog["cards"]}
    links = 0
    for card_id, card in cards.items():
        assert card["title"] and card["head"], card_id
        for url in [card["url"], *re.findall(r'\s(?:href|src)="([^"]*)"', card["title"] + card["head"] + card["body"])]:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("/"):
                continue
            target = (practice.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), (card_id, url)
            if parts.fragment and target.suffix == ".html":
                assert unquote(parts.fragment) in ids(target), (card_id, url)
            links += 1
    assert links > 1000


def test_scripts_are_bundled_by_the_build_and_their_sources_are_not_shipped(built_site: Path):
    scripts = built_site / "assets" / "javascripts"
    assert not (scripts / "practice").exists()
    main = (scripts / "kb-practice.js").read_text(encoding="utf-8")
    fsrs = (scripts / "kb-practice-fsrs.js").read_text(encoding="utf-8")
    assert "import " not in main.split("\n", 1)[0] and "__kbPracticeCatalog" in main
    assert fsrs.startswith("/*! ts-fsrs ") and "MIT License" in fsrs.split("\n", 1)[0]
    assert "__kbPracticeScheduler" in fsrs
    assert "ts-fsrs" not in main  # the scheduler is loaded only when the reader practises
