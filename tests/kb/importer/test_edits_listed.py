"""Every reviewed edit is public: its reason is on the sources page and in the import report."""
from __future__ import annotations

from kb.importer.edits import load_edits
from kb.importer.report import format_report


def test_every_edit_is_listed_with_its_reason(root, import_result):
    sources_page = import_result.pages[root / "docs" / "sources.md"]
    report = format_report(import_result.docs, import_result.parsed, verbose=False)
    edits = load_edits(root)
    assert sum(e.kind == "fix" for e in edits) >= 30 and sum(e.kind == "drop" for e in edits) >= 10
    for edit in edits:
        shown = edit.reason.replace("\\", "\\\\")  # the page escapes backslashes so they show
        assert shown in sources_page, f"{edit.where}: reason not on the sources page"
        assert edit.reason in report, f"{edit.where}: reason not in the import report"


def test_a_pointer_to_a_paper_equation_names_and_links_the_paper(import_result):
    r1 = {q.id: q for q in import_result.parsed["r1"].questions}
    text = r1["r1-008"].parts[0].markdown
    assert "（[DeepSeek-R1 论文](https://arxiv.org/abs/2501.12948)的公式 2）" in text
