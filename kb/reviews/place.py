"""Attach every note to the block of its question's answer that holds the quoted words."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kb.reviews.answers import Answer, Block, answers
from kb.reviews.match import find_all, widen
from kb.reviews.model import ReviewNote, Reviews


@dataclass(frozen=True)
class Placement:
    """Where a note goes: page, block, and the character span of the claim within the block's text."""

    note: ReviewNote
    number: int  # 1-based position of the note within its question
    src_uri: str
    block: Block
    span: tuple[int, int]

    @property
    def anchor(self) -> str:
        return f"review-{self.note.question}-{self.number}"


@dataclass
class Placed:
    """Every note placed, every answer found, and what went wrong."""

    placements: list[Placement]
    answers: dict[str, tuple[str, Answer]]  # question id → (src_uri, answer)
    errors: list[str]


def collect_answers(pages: Mapping[str, str]) -> dict[str, tuple[str, Answer]]:
    found: dict[str, tuple[str, Answer]] = {}
    for src_uri in sorted(pages):
        for qid, answer in answers(pages[src_uri]).items():
            found.setdefault(qid, (src_uri, answer))
    return found


def place(reviews: Reviews, pages: Mapping[str, str]) -> Placed:
    """Find each note's quote in its question's answer; a missing or ambiguous quote is an error."""
    found = collect_answers(pages)
    placements: list[Placement] = []
    errors: list[str] = []
    lines_of = {uri: md.split("\n") for uri, md in pages.items()}
    for review in reviews.questions.values():
        where = found.get(review.question)
        if where is None:
            errors.append(
                f"{review.file}:{review.line}: 题目 `{review.question}` 不在任何页面上（没有带这个 id 和出处行的题目）"
                " — 检查 id 拼写，或删除这条审校记录"
            )
            continue
        src_uri, answer = where
        lines = lines_of[src_uri]
        for number, note in enumerate(review.notes, 1):
            hits = [(b, s) for b in answer.blocks for s in find_all(note.quote, b.text(lines))]
            if not hits:
                errors.append(
                    f"{note.file}:{note.line}: 引文在 `{note.question}` 的答案中找不到（docs/{src_uri}）：“{note.quote}”"
                    " — 答案的文字改动过：把 quote 改成答案里现在的原话（须在同一段或同一列表项内），或在答案已更正时删除这条意见"
                )
                continue
            if len(hits) > 1:
                errors.append(
                    f"{note.file}:{note.line}: 引文在 `{note.question}` 的答案中出现了 {len(hits)} 次：“{note.quote}”"
                    " — 加长引文，让它只对应一处"
                )
                continue
            block, span = hits[0]
            span = widen(block.text(lines), *span)
            clash = next((p for p in placements if p.src_uri == src_uri and p.block == block
                          and p.span[0] < span[1] and span[0] < p.span[1]), None)
            if clash:
                errors.append(
                    f"{note.file}:{note.line}: 引文与 {clash.note.file}:{clash.note.line} 的引文重叠 — 合并成一条意见，或缩短其中一条的引文"
                )
                continue
            placements.append(Placement(note, number, src_uri, block, span))
    return Placed(placements, found, errors)
