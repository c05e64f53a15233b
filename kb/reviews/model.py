"""What a review says: per question, whether it was checked and which claims it flags."""
from __future__ import annotations

from dataclasses import dataclass, field

# verdict → (admonition title word, admonition type). The title word is what a reader sees first.
VERDICTS: dict[str, tuple[str, str]] = {
    "错误": ("勘误", "danger"),
    "无出处": ("存疑", "warning"),
    "不准确或过时": ("说明", "info"),
}


@dataclass(frozen=True)
class Citation:
    """A primary source: a paper or report with the place in it, or a documentation page."""

    title: str
    url: str
    at: str = ""  # section / table / figure, e.g. "§2.2，表 2"

    def markdown(self) -> str:
        where = f"，{self.at}" if self.at else ""
        return f"[{self.title}]({self.url}){where}"


@dataclass(frozen=True)
class ReviewNote:
    """One flagged claim: the exact words quoted from the answer, a verdict and the correction."""

    question: str
    quote: str
    verdict: str
    note: str  # the explanation or correction, Markdown, in the project's own words
    citations: tuple[Citation, ...]
    file: str
    line: int
    note_line: int = 0  # line of the `note:` key, where the note's text starts (0 = unknown: use `line`)

    @property
    def label(self) -> str:
        return VERDICTS[self.verdict][0]

    @property
    def kind(self) -> str:
        return VERDICTS[self.verdict][1]


@dataclass
class QuestionReview:
    """The review of one question: listed = checked; no notes = nothing found."""

    question: str
    file: str
    line: int
    notes: list[ReviewNote] = field(default_factory=list)


@dataclass(frozen=True)
class SourceVerdict:
    """How reliable one source document proved, in the reviewers' words (shown on the sources page)."""

    doc: str
    summary: str
    file: str
    line: int


@dataclass(frozen=True)
class TermReview:
    """The review of one glossary definition (the project's own text): its sources, and any correction made."""

    term: str
    citations: tuple[Citation, ...]
    was: str  # the definition before the review corrected it ("" = unchanged)
    reason: str
    file: str
    line: int


@dataclass
class Reviews:
    """Every review file, keyed by question id (and glossary term id)."""

    questions: dict[str, QuestionReview] = field(default_factory=dict)
    summaries: dict[str, SourceVerdict] = field(default_factory=dict)
    terms: dict[str, TermReview] = field(default_factory=dict)

    @property
    def notes(self) -> list[ReviewNote]:
        return [n for r in self.questions.values() for n in r.notes]

    def state(self, question_id: str) -> QuestionReview | None:
        return self.questions.get(question_id)
