"""One model for every source format: parsers produce it, the renderer consumes it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AnswerPart:
    """One labelled part of an answer (e.g. 专业回答 / 科普解释); label None = plain answer."""

    label: str | None
    markdown: str


@dataclass
class Question:
    """A question as it stands in one source document."""

    doc: str  # manifest key of the source document
    number: str  # original number as printed in the source ("21", or ordinal for unnumbered)
    id: str  # stable anchor id, e.g. "r1-021"
    title: str  # normalized inline Markdown
    parts: list[AnswerPart] = field(default_factory=list)
    line: int = 0  # 1-based line of the question in the source file
    chapter: str | None = None  # chapter or section heading in the source, if any

    @property
    def answered(self) -> bool:
        return any(p.markdown.strip() for p in self.parts)


@dataclass(frozen=True)
class Drop:
    """Text removed on purpose; every drop is reported, none is silent."""

    doc: str
    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Note:
    """A normalization that changed form but not meaning, listed in the report."""

    doc: str
    line: int
    kind: str
    detail: str
    reason: str = ""  # a reviewed edit's reason (kind "fix"), shown on the sources page


@dataclass
class Document:
    """A parsed source document."""

    key: str
    questions: list[Question]
    drops: list[Drop] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    preface: str = ""  # the source's own introduction (shown with its questions)
    references: list[str] = field(default_factory=list)  # the source's reference list (sources page)
