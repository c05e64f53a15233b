"""The data model shared by importer, renderer and build: sources, questions, topics and groups.

Types live here, not with the code that loads them, so loaders, parsers and renderers all
import downwards from this module and never from each other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SourceDoc:
    """One entry of sources/manifest.yml: a source document, its format and attribution."""

    key: str
    file: str
    title: str
    format: str
    path: Path
    author: str | None = None
    origin: str | None = None
    url: str | None = None
    description: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    sha256: str | None = None  # of the file as copied (the manifest pins it; import refuses anything else)
    size: int | None = None
    where: str = ""  # the manifest entry: `sources/manifest.yml:12`


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


@dataclass(frozen=True)
class Topic:
    """A topic page (data/topics.yml)."""

    slug: str
    title: str
    intro: str


@dataclass(frozen=True)
class Group:
    """Questions of several sources that ask the same thing, shown as one entry (data/mapping.yml)."""

    id: str
    title: str
    topic: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Moved:
    """An id that left a topic page: the page keeps an alias anchor that links to `to`."""

    id: str
    topic: str  # the page it was on
    to: str  # the question or group id it now lives at


@dataclass
class Mapping:
    """Where every question goes: its topic, and the group it is merged into, if any; and the ids that moved."""

    topics: dict[str, Topic]
    topic_of: dict[str, str]
    groups: dict[str, Group] = field(default_factory=dict)
    moved: dict[str, Moved] = field(default_factory=dict)

    def group_of(self, qid: str) -> Group | None:
        return self._group_by_member.get(qid)

    def __post_init__(self) -> None:
        self._group_by_member = {m: g for g in self.groups.values() for m in g.members}
