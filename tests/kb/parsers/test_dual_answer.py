"""Parser `dual-answer`: both answer parts, even when a label is folded into a list."""
from kb.parsers.dual_answer import parse
from tests.kb.parsers.helpers import manifest_doc, source_lines


def test_both_parts_kept():
    doc = parse(manifest_doc("r1"), source_lines("r1", 224, 240))
    q = doc.questions[0]
    assert [p.label for p in q.parts] == ["专业回答", "科普解释"]
    assert "$\\sum_{k=\\lceil N/2 \\rceil}^N" in q.parts[0].markdown  # inline $$( … )$$ → $…$


def test_indented_label_leaves_the_list():
    doc = parse(manifest_doc("r1"), source_lines("r1", 1681, 1692))
    q = doc.questions[0]
    assert [p.label for p in q.parts] == ["专业回答", "科普解释"]
    assert q.parts[1].markdown.startswith("给模型穿上")


def test_front_matter_and_clipper_boilerplate_are_reported_drops():
    d = manifest_doc("r1")
    doc = parse(d, d.path.read_text(encoding="utf-8"))
    assert len(doc.questions) == 100
    reasons = [x.reason for x in doc.drops]
    assert any("front matter" in r for r in reasons)
    assert any("剪藏" in r for r in reasons)
    assert all(len(q.parts) == 2 for q in doc.questions)


def test_tags_in_titles_and_code_stay_as_written():
    d = manifest_doc("r1")
    doc = parse(d, d.path.read_text(encoding="utf-8"))
    q28 = next(q for q in doc.questions if q.number == "28")
    assert "`<think>`" in q28.title
    fence = q28.parts[0].markdown.split("```")[1]
    assert "<think>" in fence and "&lt;" not in fence
