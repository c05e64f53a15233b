"""Collects what normalizers changed or dropped, so the report can list it."""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.model import Drop, Note


@dataclass
class Context:
    """Per-document sink for report entries; `line` is the source line being worked on."""

    doc: str
    line: int = 0
    drops: list[Drop] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def drop(self, text: str, reason: str, line: int | None = None) -> None:
        self.drops.append(Drop(self.doc, line or self.line, text, reason))

    def note(self, kind: str, detail: str, line: int | None = None) -> None:
        self.notes.append(Note(self.doc, line or self.line, kind, detail))
