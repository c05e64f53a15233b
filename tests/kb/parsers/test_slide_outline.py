"""Parser `slide-outline`: titles, header-less tables, empty slides."""
from kb.parsers.slide_outline import parse
from tests.kb.parsers.helpers import manifest_doc, source_lines


def test_table_without_separator_gets_header_row_and_padding():
    doc = parse(manifest_doc("slides"), source_lines("slides", 46, 57))
    table = doc.questions[0].parts[0].markdown
    rows = [r for r in table.split("\n") if r.startswith("|")]
    assert rows[1].startswith("|---|")
    widths = {r.count("|") for r in rows}
    assert len(widths) == 1, "every row has the same number of cells"
    assert any(n.kind == "table" for n in doc.notes)


def test_title_only_slide_is_kept_and_reported():
    doc = parse(manifest_doc("slides"), source_lines("slides", 56, 58))
    empty = doc.questions[0]
    assert empty.title == "DeepSeek为什么火"
    assert not empty.answered
    assert any(n.kind == "empty" for n in doc.notes)


def test_body_lines_ending_in_colon_are_not_titles():
    doc = parse(manifest_doc("slides"), source_lines("slides", 140, 160))
    assert [q.title for q in doc.questions] == ["LLM推理速度指标", "LLM精度指标"]
    body = doc.questions[0].parts[0].markdown
    assert "2\\. Time Per output Token(TPOT)，每输出令牌时间：" in body  # own numbering kept
