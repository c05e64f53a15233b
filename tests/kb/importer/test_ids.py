"""Question ids: unique across the site, and independent of the question's title."""
from __future__ import annotations

import re

from kb.importer.build import parse_all
from tests.kb.importer.conftest import repin

_ANCHOR = re.compile(r"\{#([^}\s]+)\}")


def test_every_question_has_a_unique_anchor(import_result):
    per_page = [_ANCHOR.findall(text) for text in import_result.pages.values()]
    assert all(len(a) == len(set(a)) for a in per_page), "anchors are unique within a page"
    anchors = [a for page in per_page for a in page]
    ids = {q.id for p in import_result.parsed.values() for q in p.questions}
    entry_ids = ids | set(import_result.mapping.groups)
    assert len(ids) == 421
    assert ids <= set(anchors)
    assert all(anchors.count(i) == 1 for i in entry_ids), "question and group ids are unique site-wide"


def test_ids_survive_a_title_edit(repo):
    before = {q.id: q.title for p in parse_all(repo)[1].values() for q in p.questions}
    path = next((repo / "sources").glob("003_*.txt"))
    text = path.read_text(encoding="utf-8")
    old = "问题 21：GRPO（Group Relative Policy Optimization）算法的设计原理是什么？"
    path.write_text(text.replace(old, "问题 21：GRPO 的原理是什么？"), encoding="utf-8")
    repin(repo, path)
    after = {q.id: q.title for p in parse_all(repo)[1].values() for q in p.questions}
    assert before.keys() == after.keys()
    assert after["r1-021"].startswith("GRPO 的原理是什么？")
    assert before["r1-021"].startswith("GRPO（Group Relative")
