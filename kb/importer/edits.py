"""Reviewed editorial edits (data/edits/*.yml) applied to a source before parsing.

Each edit names its document and either an exact `find` text (must occur
exactly once) or a line range `from`…`to` (first line starting with `from`,
through the next line starting with `to`). `kind: drop` removes text and is
reported as a drop; `kind: fix` replaces it and is reported as a fix. Removed
lines are kept as blank lines so later line numbers still match the source.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kb.errors import ConfigError
from kb.model import Drop, Note
from kb.yamlfile import expect, load_yaml


@dataclass(frozen=True)
class Edit:
    doc: str
    kind: str
    reason: str
    where: str  # file:line of the edit itself, for error messages
    find: str | None = None
    replace: str = ""
    start: str | None = None
    end: str | None = None


def load_edits(root: Path) -> list[Edit]:
    edits: list[Edit] = []
    for path in sorted((root / "data" / "edits").glob("*.yml")):
        data, lines = load_yaml(path, root)
        for i, item in enumerate(expect(data or [], list, f"{path.relative_to(root)}:1", "修改清单")):
            where = f"{path.relative_to(root)}:{lines.get((i,), 1)}"
            expect(item, dict, where, "每条修改")
            kind = item.get("kind")
            if kind not in ("drop", "fix"):
                raise ConfigError(f"{where}: `kind` 必须是 drop 或 fix — 现在是 {kind!r}")
            if not item.get("doc") or not item.get("reason"):
                raise ConfigError(f"{where}: 每条修改都需要 `doc` 和 `reason`（说明原因）")
            has_find = item.get("find") is not None
            has_range = bool(item.get("from")) and bool(item.get("to"))
            if has_find == has_range:
                raise ConfigError(f"{where}: 请二选一给出非空的 `find`，或非空的 `from` 与 `to`")
            if kind == "fix" and not has_find:
                raise ConfigError(f"{where}: fix 需要 `find` 与 `replace`")
            edits.append(
                Edit(
                    doc=item["doc"],
                    kind=kind,
                    reason=item["reason"],
                    where=where,
                    find=item.get("find"),
                    replace=item.get("replace", ""),
                    start=item.get("from"),
                    end=item.get("to"),
                )
            )
    return edits


def _locate(text: str, edit: Edit) -> tuple[int, int]:
    if edit.find is not None:
        count = text.count(edit.find)
        if count != 1:
            raise ConfigError(
                f"{edit.where}: `find` 在文档 {edit.doc} 中出现 {count} 次（需要恰好 1 次）："
                f"{edit.find[:60]!r} — 请把 find 写得更完整，或检查原文是否已改变"
            )
        start = text.index(edit.find)
        return start, start + len(edit.find)
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    first = next((i for i, x in enumerate(lines) if edit.start and x.startswith(edit.start)), None)
    if first is None:
        raise ConfigError(f"{edit.where}: 找不到以 {edit.start!r} 开头的行 — 检查 `from`")
    last = next((i for i in range(first, len(lines)) if edit.end and lines[i].startswith(edit.end)), None)
    if last is None:
        raise ConfigError(f"{edit.where}: 在 {edit.start!r} 之后找不到以 {edit.end!r} 开头的行 — 检查 `to`")
    return offsets[first], offsets[last] + len(lines[last])


def apply_edits(doc: str, text: str, edits: list[Edit]) -> tuple[str, list[Drop], list[Note]]:
    """Apply the edits of one document in file order; return new text, drops and fix notes."""
    drops: list[Drop] = []
    notes: list[Note] = []
    for edit in (e for e in edits if e.doc == doc):
        start, end = _locate(text, edit)
        old = text[start:end]
        line = text.count("\n", 0, start) + 1
        new = edit.replace if edit.kind == "fix" else ""
        new += "\n" * max(0, old.count("\n") - new.count("\n"))
        if edit.kind == "drop":
            drops.append(Drop(doc, line, old, edit.reason))
        else:
            notes.append(Note(doc, line, "fix", f"{old[:50]!r} → {edit.replace[:50]!r}（{edit.reason}）", edit.reason))
        text = text[:start] + new + text[end:]
    return text, drops, notes
