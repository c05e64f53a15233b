"""The import command: deterministic output, hand edits kept, --force and --check, clear errors."""
from __future__ import annotations

import shutil
from pathlib import Path

from kb.importer.run import run_import
from kb.importer.writer import plan


def _snapshot(docs: Path) -> dict[str, bytes]:
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*.md"))}


def test_same_input_gives_byte_identical_output(repo: Path):
    assert run_import(repo, quiet=True) == 0
    first = _snapshot(repo / "docs")
    shutil.rmtree(repo / "docs")
    assert run_import(repo, quiet=True) == 0
    assert _snapshot(repo / "docs") == first


def test_committed_docs_are_up_to_date(root: Path, import_result):
    """The same rule as `--check`: hand-edited pages may differ, nothing else may."""
    todo = plan(import_result.pages, root / "docs", force=False)
    stale = [str(p.relative_to(root)) for p in [*todo.write, *todo.remove]]
    assert not stale, f"docs/ is not what the importer writes (run `make import`): {stale}"


def test_hand_edited_page_is_kept_unless_forced(repo: Path, capsys):
    run_import(repo, quiet=True)
    page = repo / "docs" / "topics" / "moe.md"
    edited = page.read_text(encoding="utf-8") + "\n补充：一段由贡献者写的说明。\n"
    page.write_text(edited, encoding="utf-8")
    assert run_import(repo, quiet=True) == 0
    assert page.read_text(encoding="utf-8") == edited
    assert "保留手工编辑过的页面 docs/topics/moe.md" in capsys.readouterr().out
    assert run_import(repo, quiet=True, check=True) == 0  # a kept edit is not "stale"
    assert run_import(repo, quiet=True, force=True) == 0
    assert "贡献者" not in page.read_text(encoding="utf-8")


def test_front_matter_edit_counts_as_a_hand_edit(repo: Path):
    run_import(repo, quiet=True)
    page = repo / "docs" / "topics" / "moe.md"
    edited = page.read_text(encoding="utf-8").replace("---\n", "---\nhide: [toc]\n", 1)
    page.write_text(edited, encoding="utf-8")
    assert run_import(repo, quiet=True) == 0
    assert page.read_text(encoding="utf-8") == edited


def test_page_no_longer_generated_is_removed_unless_edited(repo: Path, capsys):
    run_import(repo, quiet=True)
    moved = repo / "docs" / "topics" / "old-topic.md"
    (repo / "docs" / "topics" / "moe.md").rename(moved)
    assert run_import(repo, quiet=True, check=True) == 1
    assert "docs/topics/old-topic.md" in capsys.readouterr().err
    assert run_import(repo, quiet=True) == 0
    assert not moved.exists()
    hand_written = repo / "docs" / "notes.md"
    hand_written.write_text("# 手写页面\n", encoding="utf-8")
    assert run_import(repo, quiet=True) == 0
    assert hand_written.exists(), "pages the importer never wrote are not its business"


def test_check_reports_stale_pages(repo: Path, capsys):
    run_import(repo, quiet=True)
    (repo / "docs" / "bank.md").unlink()
    assert run_import(repo, quiet=True, check=True) == 1
    assert "docs/bank.md" in capsys.readouterr().err


def test_bad_mapping_fails_with_file_line_and_writes_nothing(repo: Path, capsys):
    mapping = repo / "data" / "mapping.yml"
    text = mapping.read_text(encoding="utf-8")
    mapping.write_text(text.replace("  r1-021: ", "  r1-921: ", 1), encoding="utf-8")
    assert run_import(repo, quiet=True) == 1
    err = capsys.readouterr().err
    assert "data/mapping.yml:" in err and "r1-921" in err and "r1-021" in err
    assert not any((repo / "docs").iterdir()), "nothing is written when the input is bad"


def test_edit_that_no_longer_matches_is_an_error(repo: Path, capsys):
    edits = repo / "data" / "edits" / "editorial.yml"
    edits.write_text(edits.read_text(encoding="utf-8").replace("个人认为是最强大的平台,", "并不存在的文字,"), encoding="utf-8")
    assert run_import(repo, quiet=True) == 1
    err = capsys.readouterr().err
    assert "data/edits/editorial.yml:" in err and "出现 0 次" in err


def _fails_with(repo: Path, capsys, *needles: str) -> None:
    assert run_import(repo, quiet=True) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, err
    assert not any((repo / "docs").iterdir()), "nothing is written when the input is bad"


def test_group_of_the_wrong_shape_is_a_clear_error(repo: Path, capsys):
    mapping = repo / "data" / "mapping.yml"
    mapping.write_text(mapping.read_text(encoding="utf-8") + "  broken-group: just a string\n", encoding="utf-8")
    _fails_with(repo, capsys, "data/mapping.yml:", "broken-group", "映射")


def test_duplicate_key_is_a_clear_error(repo: Path, capsys):
    mapping = repo / "data" / "mapping.yml"
    text = mapping.read_text(encoding="utf-8")
    mapping.write_text(text.replace("  r1-021: rl-alignment\n", "  r1-021: rl-alignment\n  r1-021: moe\n", 1), encoding="utf-8")
    _fails_with(repo, capsys, "data/mapping.yml:", "r1-021", "重复")


def test_edit_item_of_the_wrong_shape_or_empty_range_is_a_clear_error(repo: Path, capsys):
    edits = repo / "data" / "edits" / "zz-bad.yml"
    edits.write_text("- just a string\n", encoding="utf-8")
    _fails_with(repo, capsys, "data/edits/zz-bad.yml:1", "每条修改")
    edits.write_text('- {doc: slides, kind: drop, from: "", to: "", reason: 测试}\n', encoding="utf-8")
    _fails_with(repo, capsys, "data/edits/zz-bad.yml:1", "非空")


def test_document_that_yields_no_questions_is_an_error(repo: Path, capsys):
    manifest = repo / "sources" / "manifest.yml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("format: html-headings", "format: dual-answer", 1), encoding="utf-8")
    _fails_with(repo, capsys, "sources/004_", "没有解析出任何问题")
