"""What an import must not lose: hand-added questions, and questions that would land on no page.

The plan (kb/importer/writer.py) says which pages are written, kept (edited by hand) or removed;
here the docs/ that plan would leave is compared with what the importer meant to publish, before
anything is written, and `--force` backs up every hand-edited page it overwrites.
"""
from __future__ import annotations

import difflib
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from kb.importer.writer import WritePlan, edited_by_hand

_HEADING_ID = re.compile(r"^#{1,6}[ \t].*?\{[^}\n]*#([A-Za-z0-9_-]+)[^}\n]*\}[ \t]*$", re.M)


def question_ids(text: str) -> set[str]:
    """The ids of the headings of a page (`## 题目 {#r1-021}`)."""
    return set(_HEADING_ID.findall(text))


def final_docs(todo: WritePlan, pages: dict[Path, str], docs: Path) -> dict[Path, str]:
    """Every Markdown page of docs/ as it would be after the plan is carried out."""
    state = {p: p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}
    for path in todo.write:
        state[path] = pages[path]
    for path in todo.remove:
        state.pop(path, None)
    return state


def problems(todo: WritePlan, pages: dict[Path, str], root: Path) -> list[str]:
    """Why the plan must not be carried out (in Chinese, one line each)."""
    docs = root / "docs"
    state = final_docs(todo, pages, docs)
    present = set().union(*map(question_ids, state.values())) if state else set()
    found: list[str] = []
    for path, text in sorted(pages.items()):
        for qid in sorted(question_ids(text) - present):
            found.append(
                f"{path.relative_to(root)}: 题目 `{qid}` 应当出现在这个页面，但页面是手工编辑过的（导入时保留），"
                f"这道题将不出现在任何页面上 — 把这道题手工加进该页，或运行 `make import FORCE=1` 覆盖该页（会先备份）"
            )
    for path, old in _hand_edited(todo):
        lost = sorted(question_ids(old) - present)
        if lost:
            found.append(
                f"{path.relative_to(root)}: 有手工添加的题目 {', '.join(f'`{q}`' for q in lost)}，强制导入会删掉它们 — "
                "请先把它们写进 answers/ 或 sources/ 的资料（见 CONTRIBUTING.md），再导入"
            )
    return found


def _hand_edited(todo: WritePlan) -> Iterator[tuple[Path, str]]:
    """The pages the plan overwrites or removes that were edited by hand, with their text."""
    for path in [*todo.write, *todo.remove]:
        if path.exists() and edited_by_hand(old := path.read_text(encoding="utf-8")):
            yield path, old


def back_up(todo: WritePlan, pages: dict[Path, str], root: Path) -> list[str]:
    """Copy every hand-edited page the plan overwrites or removes to .cache/import-backup/<time>/; report each."""
    folder = root / ".cache" / "import-backup" / time.strftime("%Y%m%d-%H%M%S")
    lines: list[str] = []
    for path, old in _hand_edited(todo):
        rel = path.relative_to(root)
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        new = pages.get(path, "")
        diff = list(difflib.unified_diff(old.split("\n"), new.split("\n"), lineterm="", n=0))
        added = sum(1 for d in diff if d.startswith("+") and not d.startswith("+++"))
        removed = sum(1 for d in diff if d.startswith("-") and not d.startswith("---"))
        verb = "删除" if path in todo.remove else "覆盖"
        lines.append(f"{verb}手工编辑过的 {rel}（+{added} −{removed} 行），原文件已备份到 {target.relative_to(root)}")
    return lines
