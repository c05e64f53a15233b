"""The benchmark's queries are many and varied, and every expected question exists on the site."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from kb.search.index import INDEX_FILE, load_js

QUERIES = Path(__file__).resolve().parents[2] / "benchmarks" / "search_queries.yml"


def test_at_least_sixty_queries_of_every_kind():
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    assert len(queries) >= 60
    assert len({q["q"] for q in queries}) == len(queries), "duplicate queries"
    kinds = Counter(q["kind"] for q in queries)
    assert set(kinds) == {"keyword", "compound", "mixed", "alias", "paraphrase"}
    assert min(kinds.values()) >= 10
    assert all(1 <= len(q["expect"]) <= 5 for q in queries)


def test_expected_questions_are_sections_of_the_built_site(built_site: Path):
    index = load_js(built_site / INDEX_FILE)
    members = {s[1] for s in index["sections"] if s[4] >= 0}
    anchors = {s[1] for s in index["sections"]} - members  # a group stands for its members
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    unknown = sorted({e for q in queries for e in q["expect"]} - anchors)
    assert not unknown, f"expected ids that are no (group-level) question of the site: {unknown}"
