"""An import loses nothing: --force backs up what it overwrites and refuses to drop hand-added questions;
a question that would land on no page (moved onto a hand-edited page) stops the import before any write."""
from __future__ import annotations

from pathlib import Path

from kb.importer.run import run_import

NEW_QUESTION = "\n## 贡献者加的题？ {#hand-added-001}\n\n贡献者写的答案。\n"


def _snapshot(docs: Path) -> dict[str, bytes]:
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*.md"))}


def test_force_refuses_to_drop_a_hand_added_question(repo: Path, capsys):
    assert run_import(repo, quiet=True) == 0
    page = repo / "docs" / "topics" / "moe.md"
    page.write_text(page.read_text(encoding="utf-8") + NEW_QUESTION, encoding="utf-8")
    before = _snapshot(repo / "docs")
    assert run_import(repo, quiet=True, force=True) == 1
    err = capsys.readouterr().err
    assert "docs/topics/moe.md: 有手工添加的题目 `hand-added-001`" in err and "没有写入任何文件" in err
    assert _snapshot(repo / "docs") == before


def test_force_backs_up_each_hand_edited_page_it_overwrites(repo: Path, capsys):
    assert run_import(repo, quiet=True) == 0
    page = repo / "docs" / "topics" / "moe.md"
    edited = page.read_text(encoding="utf-8") + "\n补充：一段由贡献者写的说明。\n"
    page.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert run_import(repo, quiet=True, force=True) == 0
    out = capsys.readouterr().out
    assert "覆盖手工编辑过的 docs/topics/moe.md（+0 −2 行），原文件已备份到 .cache/import-backup/" in out
    (backup,) = (repo / ".cache" / "import-backup").glob("*/docs/topics/moe.md")
    assert backup.read_text(encoding="utf-8") == edited
    assert "贡献者" not in page.read_text(encoding="utf-8")


def test_a_question_moved_onto_a_hand_edited_page_stops_the_import(repo: Path, capsys):
    assert run_import(repo, quiet=True) == 0
    target = repo / "docs" / "topics" / "quantization.md"
    target.write_text(target.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    assert "{#dsrl-011}" in (repo / "docs" / "topics" / "llmops.md").read_text(encoding="utf-8")
    mapping = repo / "data" / "mapping.yml"
    mapping.write_text(mapping.read_text(encoding="utf-8").replace("dsrl-011: llmops", "dsrl-011: quantization", 1), encoding="utf-8")
    before = _snapshot(repo / "docs")
    assert run_import(repo, quiet=True) == 1
    assert "docs/topics/quantization.md: 题目 `dsrl-011` 应当出现在这个页面" in capsys.readouterr().err
    assert _snapshot(repo / "docs") == before  # the question stays where it was until the conflict is resolved


def test_a_topic_title_with_markup_is_refused_at_its_line(repo: Path, capsys):
    topics = repo / "data" / "topics.yml"
    text = topics.read_text(encoding="utf-8")
    topics.write_text(text.replace("title: 注意力机制", "title: 注意力机制<svg onload=alert(1)>", 1), encoding="utf-8")
    line = text.split("\n").index("  attention:") + 1
    assert run_import(repo, quiet=True) == 1
    assert f"data/topics.yml:{line}: 主题 `attention` 的 title 不是纯文本" in capsys.readouterr().err
